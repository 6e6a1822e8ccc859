/**
 * The assembly problem (组卷模型, `../problem.ts`) as a sparse mixed-integer program, for HiGHS (and, in
 * the benchmark, GLPK). Pure: it builds arrays and decodes solutions; the services run the solver.
 * Parts: `columns.ts`, `rows.ts`, `objective.ts`, `build.ts` (packs them), `solution.ts` (vectors).
 *
 * Columns (in this order):
 *   x(i, s) ∈ {0, 1}   item i in set s — only for eligible items (their (node, 题型) has a cell), not
 *                      excluded, and only for sets whose cell wants at least one item (unless the
 *                      cells are relaxed). Item-major: all sets of item 0, then item 1, …
 *   y(i, s, u) ∈ [0,1] item i shared by sets s < u — only when overlap > 0 (and overlap not relaxed).
 *                      Continuous: y ≥ x(i,s) + x(i,u) − 1 with y ≥ 0 is integral at every vertex that
 *                      matters, as x is.
 *   t ≥ 0              the minimax deviation — only for objective 'minimax'.
 * Rows (each tagged with the constraint group it enforces, `rowGroups`):
 *   cells       Σ_{i ∈ cell} x(i,s) = counts[s]
 *   bands       Σ_{i of band b} x(i,s) = bands[s][b−1]
 *   importance  Σ_{X} x(i,s) ≥ minX[s] (when > 0);  Σ_{Z} x(i,s) ≤ maxZ[s] (when it can bind)
 *   points      Σ points(i) x(i,s) = totalPoints[s]
 *   pointCap    Σ_{i of 鉴定点 k} x(i,s) ≤ cap(k) = pointCapOf(problem, k) (only when more than cap(k) candidates)
 *   pointMin    Σ_{i of 鉴定点 k} x(i,s) ≥ min
 *   overlap     overlap = 0: Σ_s x(i,s) ≤ 1 per item (much tighter than the pairwise form);
 *               overlap > 0: x(i,s) + x(i,u) − y(i,s,u) ≤ 1 and Σ_i y(i,s,u) ≤ overlap per pair
 *   enemies     x(i,s) + x(j,s) ≤ 1
 *   pinned      x(i,s) ≥ 1 — a row, not a fixed bound, so that relaxing 'pinned' is dropping rows.
 *               A pin on an item without a column is an empty row 0 ≥ 1: infeasible, as it must be.
 *   deviation   Σ p(i) x(i,s) − t ≤ target[s]  and  Σ p(i) x(i,s) + t ≥ target[s]   ('minimax' only)
 *   excluded    has no rows: excluded items get no column (relaxing 'excluded' creates them).
 * Rows with no entries whose bounds admit 0 are left out; rows with no entries that cannot hold are
 * kept, so the solver reports infeasibility.
 *
 * Objective 'minimax': minimise t + w_pen Σ_{penalised} x(i,s) + w_ovl Σ y(i,s,u). The secondary
 * weights share a budget below the tolerance, so they can never cost more than 0.4·tolerance of
 * deviation:  w_pen = 0.3·tolerance / (most penalised items the sets can hold),
 *             w_ovl = 0.1·tolerance / (most shared items the pairs can hold).
 * (`secondaryCap` = w_pen·maxPenalisedUse + w_ovl·maxSharedUse ≤ 0.4·tolerance, so
 * optimum(t + secondary) − secondaryCap ≤ optimum(t): a lower bound on the objective minus the cap
 * is a lower bound on the deviation.) With tolerance 0 the secondary terms are off.
 * Objective 'feasibility': all costs 0; the solver stops at the first feasible point.
 */
export { buildMip } from './build.js';
export { decodeSets, encodeSets, mipObjective, mipSize, violatedRows } from './solution.js';
export { OVERLAP_BUDGET, PENALISED_BUDGET, type MipOptions, type MipRowGroup, type SparseMip } from './types.js';
