/**
 * The default assembly engine (组卷启发式): quota split, constructive round robin, repair, then
 * exchange local search. It returns sets only when the independent checker finds no violation;
 * otherwise it fails honestly (with a Chinese reason) and the caller falls back to the MIP solver.
 *
 * 0. The counting pre-checks (`precheck`) run first: a proven infeasibility is reported as such.
 * 1. Pool: items whose (node, 题型) has a cell, not excluded, not their own enemy, indexed 0 … M−1 in
 *    typed arrays and sorted by (group, p); a *group* is (cell, difficulty band) — (cell) when bands
 *    are free. Enemies, items per 鉴定点 and the pools are CSR arrays.
 * 2. Quota split: each set's cell quota is split over the bands so that the band totals hold exactly
 *    and the (cell, band) quotas fit the pool (and the per-point cap). One split for all sets is tried
 *    first (parallel sets), with capacity ⌊available/N⌋ per group; else set by set with what the
 *    earlier sets left. Both are min-cost flows (cells → bands) whose convex costs spread the quota in
 *    proportion to the pool; with `overlap > 0` reuse costs so much that it is a last resort. When no
 *    seeded order finds an exact split, the bands become soft (each unit off costs) and the repair
 *    mends them.
 * 3. Construction: pinned items; then the 鉴定点 minimums; then the groups, scarcest first, slot by
 *    slot in round robin over the sets. A slot takes the pool item whose p is nearest the pro-rata
 *    target of its set (the set's remaining target spread over its remaining slots around the group
 *    means), found by binary search and an outward scan of the sorted pool; the scan stops as soon as
 *    the p distance exceeds the best cost. Costs: reusing another set's item ≫ breaking a hard
 *    constraint (per-point cap, Z cap, enemies) ≫ preferences (X while a set is short of X, unexposed
 *    items, 鉴定点 with room, points on course).
 * 4. Repair (only when a hard constraint still fails): tabu search on the total violation (cap
 *    excess, minimum deficits, X/Z, enemies, overlap, points, band counts) with swaps within a cell —
 *    across bands too, so that a bad band split can be mended; the band counts are part of the
 *    violation, and the slots are re-sorted by group afterwards. Swaps are evaluated from the
 *    counters (`deltaSwap`), without applying them; a budget of evaluations bounds the work.
 * 5. Exchange search: swaps within one group keep every count (cells, bands) exact: (a) an item of
 *    set s for an unused pool item, (b) items of two sets. The worst set s (d = target − Σp) looks for
 *    p_in − p_out ≈ d by binary search in the sorted pools; a move must keep every hard constraint
 *    (checked in O(1) from per-set counters) and lower the largest deviation above the tolerance
 *    (leximin on the sorted excesses, so the search cannot cycle). At a local optimum a seeded kick
 *    (random feasible swaps) restarts the descent (iterated local search), keeping the best state.
 *    When every p has 3 decimals, Σp lies on the 0.001 grid: a set whose deviation is the target's
 *    distance to that grid is optimal and the search stops there even with tolerance 0.
 * 6. Secondary goals: penalised and shared items are traded for unused, unexposed ones (with one
 *    compensating swap) while no set's deviation grows.
 * 7. `restarts`: further seeded runs (another split, noisy construction) while a run ends with a
 *    violation or above the tolerance; the best run wins. When the first construction broke a hard
 *    constraint, the restarts build on a 鉴定点 plan (`pointPlan`: per set a min-cost flow importance
 *    → 鉴定点 → groups that meets the caps, minimums and X/Z bounds) — what tight caps need.
 * Deterministic: all choices come from `Random` seeded with `problem.seed` (and the run number).
 *
 * Files: model.ts (1), quota-split.ts (2), construct.ts and point-plan.ts (3, 7), repair.ts (4),
 * exchange.ts (5, 6); state.ts (the slots and the swap) on counters.ts (the per-set counters and the
 * O(1) swap checks); numeric.ts (tolerances and the binary search). This file runs them (the engine).
 */
import { checkSets, violatedGroups, type Violation } from '../checker.js';
import { eligibility } from '../eligibility.js';
import { precheck } from '../precheck/index.js';
import type { AssemblyProblem } from '../problem.js';
import { Random } from '../random.js';
import { construct } from './construct.js';
import { better, score, search, secondary, type Score } from './exchange.js';
import { buildModel } from './model.js';
import { EPS } from './numeric.js';
import { splitQuotas } from './quota-split.js';
import { repair } from './repair.js';
import { State } from './state.js';

export interface HeuristicOptions {
  /** Upper bound on exchange moves per run (default 20,000). */
  readonly maxMoves?: number;
  /** Extra seeded runs tried while a run ends with a violation or above the tolerance (default 5). */
  readonly restarts?: number;
}

export type HeuristicResult =
  | {
      readonly ok: true;
      readonly sets: number[][];
      readonly sums: number[];
      readonly deviation: number;
      readonly moves: number;
      readonly penalisedUsed: number;
      readonly overlapUsed: number;
    }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly violations: readonly Violation[];
      /** The pre-checks proved the bank cannot meet the problem (the violations are their findings). */
      readonly proven?: true;
    };

const DEFAULT_MAX_MOVES = 20_000;
const DEFAULT_RESTARTS = 5;
const REPAIR_WORK = 2_000_000;

export function assembleHeuristic(problem: AssemblyProblem, options: HeuristicOptions = {}): HeuristicResult {
  const usable = eligibility(problem);
  const findings = precheck(problem, usable);
  if (findings.length > 0) {
    return {
      ok: false,
      reason: `题库不能满足组卷要求：${findings[0]?.message ?? ''}${findings.length > 1 ? `（另有 ${findings.length - 1} 项）` : ''}`,
      violations: findings.map((f) => ({ group: f.group, message: f.message })),
      proven: true,
    };
  }
  const model = buildModel(problem, usable);
  let quotas = splitQuotas(model);
  for (let attempt = 1; quotas === null && attempt <= 20; attempt += 1) quotas = splitQuotas(model, new Random(problem.seed, 1000 + attempt));
  quotas ??= splitQuotas(model, undefined, true);
  if (quotas === null) {
    const message = '难度分布与各鉴定范围题型题量在现有题库中无法同时满足（按难度划分各范围题量失败）';
    return { ok: false, reason: `启发式组卷失败：${message}`, violations: [{ group: 'bands', message }] };
  }
  const maxMoves = Math.max(0, Math.floor(options.maxMoves ?? DEFAULT_MAX_MOVES));
  const restarts = Math.max(0, Math.floor(options.restarts ?? DEFAULT_RESTARTS));
  let best: { sets: number[][]; sums: number[]; score: Score; moves: number; penalised: number; overlap: number } | undefined;
  let totalMoves = 0;
  // Swap evaluations the repairs may spend over all runs (a few seconds at most on hopeless problems).
  const work = { left: REPAIR_WORK };
  let planNeeded = false;
  for (let run = 0; run <= restarts && (run === 0 || work.left > 0); run += 1) {
    const rng = new Random(problem.seed, run);
    const q = run === 0 ? quotas : (splitQuotas(model, rng) ?? quotas);
    const st = new State(model, q);
    if (!construct(st, rng, run > 0, run > 0 && planNeeded)) continue;
    if (run === 0) planNeeded = st.violation() > EPS;
    // A share of the repair budget per run, so that restarts get their turn; a plain construction far
    // from feasible gets little (a planned restart does better).
    const share = run === 0 && st.violation() > st.members.length / 25 ? 8 : 3;
    const runWork = { left: Math.min(work.left, Math.ceil(REPAIR_WORK / share)) };
    const before = runWork.left;
    let moves = repair(st, rng, 200 + 2 * st.members.length, runWork);
    work.left -= before - runWork.left;
    if (st.violation() <= EPS) {
      moves += search(st, rng, maxMoves);
      moves += secondary(st, maxMoves);
    }
    totalMoves += moves;
    const sc = score(st);
    if (best === undefined || better(sc, best.score)) {
      best = { sets: st.sets(), sums: st.exactSums(), score: sc, moves: totalMoves, penalised: st.penCount, overlap: st.overlapUsed() };
    }
    if (sc.violation <= EPS && sc.excess <= 0) break;
  }
  if (best === undefined) {
    const message = '构造初始方案失败：某些鉴定范围、难度的可用试题不足';
    return { ok: false, reason: `启发式组卷失败：${message}`, violations: [{ group: 'cells', message }] };
  }
  const violations = checkSets(problem, best.sets);
  if (violations.length > 0) {
    return {
      ok: false,
      reason: `启发式组卷未能满足全部约束（${violatedGroups(violations).join('、')}），需由精确求解器继续`,
      violations,
    };
  }
  const sums = best.sums;
  const deviation = sums.reduce((a, x, s) => Math.max(a, Math.abs(x - (problem.target[s] ?? 0))), 0);
  return { ok: true, sets: best.sets, sums, deviation, moves: best.moves, penalisedUsed: best.penalised, overlapUsed: best.overlap };
}
