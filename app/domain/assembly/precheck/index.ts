/**
 * Infeasibility pre-checks of an assembly problem (组卷前的题量核算): necessary conditions found by
 * counting, each explained in Chinese with the numbers that cause it, so that a user learns *why* the
 * bank cannot give the sets before any solver runs (and the heuristic can fail fast).
 *
 * Every finding is a proof of infeasibility: a problem that has a solution never gets one. The checks
 * therefore only use bounds that every solution obeys:
 * - a set takes distinct items, so each set needs at most the available items of each class;
 * - with `overlap = k`, N sets of n_1 … n_N items of a class use at least Σ n_s − k·N(N−1)/2 distinct
 *   items of it (Bonferroni: every item beyond its first set is shared by at least one pair of sets);
 *   with k = 0 that is simply Σ n_s;
 * - 每个鉴定点每套至多 c 道 limits what a set (or, with disjoint sets, all N sets) can take from a
 *   scope to Σ over its 鉴定点 of min(c, available) (resp. min(N·c, available));
 * - the difficulty split: per set (and, disjoint, for all sets together) there must be a table
 *   cells × bands with the cell quotas as row sums, the band quotas as column sums and no entry above
 *   the available items — a max-flow; a minimum cut names the scopes and bands that clash.
 * "Available" (已入库试题) = items of the problem whose (鉴定范围, 题型) has a quota, not excluded and not
 * their own enemy (eligibility.ts).
 *
 * One function per check, run in this order (a later check may rely on an earlier one):
 * parameters.ts (set count, then the parameters), cells.ts (题型, cells), bands.ts (with
 * band-split.ts), point-cap.ts, point-min.ts, importance.ts, total-points.ts, pinned.ts; context.ts
 * and bank.ts hold what they share, format.ts the wording.
 */
import { eligibility, type Eligibility } from '../eligibility.js';
import type { AssemblyProblem, ConstraintGroup } from '../problem.js';
import { checkBands } from './bands.js';
import { countBank } from './bank.js';
import { checkCells, checkTypes } from './cells.js';
import { precheckContext, type Finding } from './context.js';
import { checkImportance } from './importance.js';
import { checkParameters, checkSetCount } from './parameters.js';
import { checkPinned } from './pinned.js';
import { checkPointCap } from './point-cap.js';
import { checkPointMinimums } from './point-min.js';
import { checkTotalPoints } from './total-points.js';

export type { Finding } from './context.js';

/** Every infeasibility found by counting, in Chinese; [] when none is found (which proves nothing). */
export function precheck(problem: AssemblyProblem, usable?: Eligibility): Finding[] {
  const out: Finding[] = [];
  const add = (group: ConstraintGroup, message: string) => {
    if (!out.some((f) => f.group === group && f.message === message)) out.push({ group, message });
  };
  if (checkSetCount(problem, add)) return out;
  const ctx = precheckContext(problem, add);
  if (checkParameters(ctx)) return out;
  const bank = countBank(ctx, usable ?? eligibility(problem));
  checkTypes(ctx, bank);
  const shortCells = checkCells(ctx, bank);
  checkBands(ctx, bank, shortCells);
  checkPointCap(ctx, bank, shortCells);
  checkPointMinimums(ctx, bank);
  checkImportance(ctx, bank, shortCells);
  checkTotalPoints(ctx, bank, shortCells);
  checkPinned(ctx, bank);
  return out;
}
