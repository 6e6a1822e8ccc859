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
 */
import { checkSets, violatedGroups, type Violation } from './checker.js';
import { eligibility, precheck, TransportFlow, type Eligibility } from './precheck.js';
import { cellKey, type AssemblyProblem } from './problem.js';
import { Random } from './random.js';

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

const EPS = 1e-9;
const POINTS_EPS = 1e-6;
const NO_LIMIT = 1 << 29;
const DEFAULT_MAX_MOVES = 20_000;
const DEFAULT_RESTARTS = 5;
const REPAIR_WORK = 2_000_000;

// ---------------------------------------------------------------------------------------------------
// The indexed model.
// ---------------------------------------------------------------------------------------------------

interface Model {
  readonly N: number;
  readonly M: number;
  /** Groups: cell × (bands + 1 "other band"). */
  readonly G: number;
  readonly bandSlots: number;
  readonly ids: readonly number[];
  readonly p: Float64Array;
  readonly pts: Float64Array;
  readonly point: Int32Array;
  /** 0 X, 1 Y, 2 Z. */
  readonly imp: Uint8Array;
  readonly group: Int32Array;
  readonly pen: Uint8Array;
  readonly P: number;
  readonly minOf: Int32Array;
  /** Items per point (CSR), for the 鉴定点 minimums. */
  readonly ptStart: Int32Array;
  readonly ptItems: Int32Array;
  readonly enStart: Int32Array;
  readonly enList: Int32Array;
  readonly hasEnemies: boolean;
  /** Pool per group sorted by p (CSR) and the p values in the same order. */
  readonly poolStart: Int32Array;
  readonly pool: Int32Array;
  readonly poolP: Float64Array;
  readonly groupMean: Float64Array;
  /** Items of one cell are worth different points (the total points then need care). */
  readonly varyingPoints: boolean;
  readonly cap: number;
  readonly overlap: number;
  readonly minX: Int32Array;
  readonly maxZ: Int32Array;
  readonly totalPts: Float64Array;
  readonly target: Float64Array;
  readonly tol: number;
  /**
   * Per set: the tolerance, or the least deviation any set can have when every p is a multiple of a
   * quantum (3 decimals: Σp lies on the 0.001 grid, so |Σp − target| ≥ the target's distance to it).
   */
  readonly tolOf: Float64Array;
  /** Pinned (item index, set), deduplicated. */
  readonly pins: readonly (readonly [number, number])[];
  readonly cells: number;
  /** counts[s * cells + c]. */
  readonly counts: Int32Array;
  /** Band quota of set s and band b, or −1 when free. */
  readonly bandQuota: (s: number, b: number) => number;
}

function buildModel(problem: AssemblyProblem, usable: Eligibility): Model {
  const N = problem.sets;
  const { eligible, cellIndex } = usable;
  const bands = problem.bands;
  const B = bands === undefined ? 0 : Math.max(0, ...Array.from({ length: N }, (_, s) => bands[s]?.length ?? 0));
  const bandSlots = B + 1;
  const C = problem.cells.length;
  const G = C * bandSlots;
  const M = eligible.length;
  // Order the pool by (group, p, id) once: the index of an item is its place in that order.
  const rows = eligible.map(({ item, cell }) => {
    const b = Number.isInteger(item.band) && item.band >= 1 && item.band <= B ? item.band - 1 : B;
    return { item, g: cell * bandSlots + b };
  });
  rows.sort((a, b) => a.g - b.g || a.item.p - b.item.p || a.item.id - b.item.id);
  const ids = rows.map((r) => r.item.id);
  const index = new Map<number, number>(ids.map((id, i) => [id, i]));
  const p = new Float64Array(M);
  const pts = new Float64Array(M);
  const point = new Int32Array(M);
  const imp = new Uint8Array(M);
  const group = new Int32Array(M);
  const pen = new Uint8Array(M);
  const pointIndex = new Map<string, number>();
  const penalised = new Set(problem.penalised);
  rows.forEach(({ item, g }, i) => {
    p[i] = item.p;
    pts[i] = item.points;
    let pt = pointIndex.get(item.point);
    if (pt === undefined) {
      pt = pointIndex.size;
      pointIndex.set(item.point, pt);
    }
    point[i] = pt;
    imp[i] = item.importance === 'X' ? 0 : item.importance === 'Z' ? 2 : 1;
    group[i] = g;
    pen[i] = penalised.has(item.id) ? 1 : 0;
  });
  const P = pointIndex.size;
  const minOf = new Int32Array(P);
  for (const m of problem.pointMin) {
    const pt = pointIndex.get(m.point);
    if (pt !== undefined) minOf[pt] = Math.max(minOf[pt] ?? 0, Math.ceil(m.min));
  }
  const ptStart = new Int32Array(P + 1);
  for (let i = 0; i < M; i += 1) ptStart[(point[i] as number) + 1] = (ptStart[(point[i] as number) + 1] as number) + 1;
  for (let k = 0; k < P; k += 1) ptStart[k + 1] = (ptStart[k + 1] as number) + (ptStart[k] as number);
  const ptItems = new Int32Array(M);
  const fill = ptStart.slice(0, P);
  for (let i = 0; i < M; i += 1) {
    const k = point[i] as number;
    ptItems[fill[k] as number] = i;
    fill[k] = (fill[k] as number) + 1;
  }
  // Enemies (CSR, both directions, duplicates kept as the checker counts them).
  const degree = new Int32Array(M + 1);
  const pairs: [number, number][] = [];
  for (const [a, b] of problem.enemies) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia === undefined || ib === undefined || ia === ib) continue;
    pairs.push([ia, ib]);
    degree[ia + 1] = (degree[ia + 1] as number) + 1;
    degree[ib + 1] = (degree[ib + 1] as number) + 1;
  }
  for (let i = 0; i < M; i += 1) degree[i + 1] = (degree[i + 1] as number) + (degree[i] as number);
  const enList = new Int32Array(degree[M] as number);
  const pos = degree.slice(0, M);
  for (const [a, b] of pairs) {
    enList[pos[a] as number] = b;
    pos[a] = (pos[a] as number) + 1;
    enList[pos[b] as number] = a;
    pos[b] = (pos[b] as number) + 1;
  }
  const poolStart = new Int32Array(G + 1);
  for (let i = 0; i < M; i += 1) poolStart[(group[i] as number) + 1] = (poolStart[(group[i] as number) + 1] as number) + 1;
  for (let g = 0; g < G; g += 1) poolStart[g + 1] = (poolStart[g + 1] as number) + (poolStart[g] as number);
  const pool = new Int32Array(M);
  for (let i = 0; i < M; i += 1) pool[i] = i;
  const poolP = p.slice();
  const groupMean = new Float64Array(G);
  for (let g = 0; g < G; g += 1) {
    const lo = poolStart[g] as number;
    const hi = poolStart[g + 1] as number;
    let acc = 0;
    for (let k = lo; k < hi; k += 1) acc += poolP[k] as number;
    groupMean[g] = hi > lo ? acc / (hi - lo) : 0;
  }
  // The grid of Σp: the coarsest of 0.01, 0.001, 0.0001 of which every p is a multiple (0 if none).
  let quantum = 0;
  for (const qu of [0.01, 0.001, 0.0001]) {
    let fits = true;
    for (let i = 0; i < M && fits; i += 1) {
      const x = (p[i] as number) / qu;
      if (Math.abs(x - Math.round(x)) > 1e-6) fits = false;
    }
    if (fits) {
      quantum = qu;
      break;
    }
  }
  let varyingPoints = false;
  for (let c = 0; c < C && !varyingPoints; c += 1) {
    const lo = poolStart[c * bandSlots] as number;
    const hi = poolStart[(c + 1) * bandSlots] as number;
    for (let k = lo + 1; k < hi && !varyingPoints; k += 1) if (pts[k] !== pts[lo]) varyingPoints = true;
  }
  const cap = Number.isNaN(problem.pointCap) ? NO_LIMIT : Math.max(0, Math.min(NO_LIMIT, Math.floor(problem.pointCap)));
  const imps = problem.importance;
  const minX = Int32Array.from({ length: N }, (_, s) => Math.max(0, Math.ceil(imps?.minX[s] ?? 0)));
  const maxZ = Int32Array.from({ length: N }, (_, s) => {
    const z = imps?.maxZ[s];
    return z === undefined || Number.isNaN(z) || z >= NO_LIMIT ? NO_LIMIT : Math.floor(z);
  });
  const counts = new Int32Array(N * C);
  problem.cells.forEach((cell, c) => {
    // Duplicate cells (same key) are the same constraint: only the first carries the quota.
    if (cellIndex.get(cellKey(cell.node, cell.type)) !== c) return;
    for (let s = 0; s < N; s += 1) counts[s * C + c] = cell.counts[s] ?? 0;
  });
  const pinSeen = new Set<string>();
  const pins: [number, number][] = [];
  for (const pin of problem.pinned) {
    const i = index.get(pin.itemId);
    if (i === undefined) continue;
    const key = `${i}/${pin.set}`;
    if (pinSeen.has(key)) continue;
    pinSeen.add(key);
    pins.push([i, pin.set]);
  }
  return {
    N,
    M,
    G,
    bandSlots,
    ids,
    p,
    pts,
    point,
    imp,
    group,
    pen,
    P,
    minOf,
    ptStart,
    ptItems,
    enStart: degree,
    enList,
    hasEnemies: pairs.length > 0,
    poolStart,
    pool,
    poolP,
    groupMean,
    varyingPoints,
    cap,
    overlap: Number.isNaN(problem.overlap) ? NO_LIMIT : Math.max(0, Math.min(NO_LIMIT, Math.floor(problem.overlap))),
    minX,
    maxZ,
    totalPts: Float64Array.from({ length: N }, (_, s) => problem.totalPoints[s] ?? 0),
    target: Float64Array.from({ length: N }, (_, s) => problem.target[s] ?? 0),
    tol: Math.max(0, problem.tolerance),
    tolOf: Float64Array.from({ length: N }, (_, s) => {
      const tol = Math.max(0, problem.tolerance);
      if (quantum === 0) return tol;
      const t = problem.target[s] ?? 0;
      return Math.max(tol, Math.abs(t - Math.round(t / quantum) * quantum) + 1e-9);
    }),
    pins,
    cells: C,
    counts,
    bandQuota: (s, b) => {
      const row = bands?.[s];
      return row !== undefined && b < row.length ? (row[b] ?? 0) : -1;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Quota split over bands (min-cost flows).
// ---------------------------------------------------------------------------------------------------

const BIG = 1e12;
const REUSE_COST = 1e9;
const PENALISED_COST = 1e8;
const SCALE = 1e6;

/**
 * q[s * G + g]: items of group g in set s; null when no split exists. With `softBands` the band totals
 * become a preference (every unit off its band costs BIG) instead of a requirement: the fallback when
 * no exact split is found — the 3-index split (sets × cells × bands within the pool) is not a network
 * flow, so the set-by-set flows can miss a split that exists — and the repair then mends the bands
 * with swaps across bands within a cell.
 */
function splitQuotas(m: Model, rng?: Random, softBands = false): Int32Array | null {
  const { N, G, cells: C, bandSlots: Bx } = m;
  const avail = new Int32Array(G);
  for (let g = 0; g < G; g += 1) avail[g] = (m.poolStart[g + 1] as number) - (m.poolStart[g] as number);
  const pinsOf = new Int32Array(N * G);
  const pinsTotal = new Int32Array(G);
  for (const [i, s] of m.pins) {
    const g = m.group[i] as number;
    pinsOf[s * G + g] = (pinsOf[s * G + g] as number) + 1;
    pinsTotal[g] = (pinsTotal[g] as number) + 1;
  }
  // Per set and group at most Σ over points of min(cap, items of the point in the group).
  const capBound = new Int32Array(G);
  for (let g = 0; g < G; g += 1) {
    const perPoint = new Map<number, number>();
    for (let k = m.poolStart[g] as number; k < (m.poolStart[g + 1] as number); k += 1) {
      const pt = m.point[m.pool[k] as number] as number;
      perPoint.set(pt, (perPoint.get(pt) ?? 0) + 1);
    }
    let total = 0;
    for (const n of perPoint.values()) total += Math.min(m.cap, n);
    capBound[g] = total;
  }
  // Unexposed items per group.
  const clean = new Int32Array(G);
  for (let i = 0; i < m.M; i += 1) if (m.pen[i] === 0) clean[m.group[i] as number] = (clean[m.group[i] as number] as number) + 1;
  const q = new Int32Array(N * G);

  /** One flow for set s with per-group [lb, ub] and a convex cost; extra units up to `reuse` cost REUSE_COST. */
  const solve = (
    s: number,
    lb: (g: number) => number,
    ub: (g: number) => number,
    fair: (g: number) => number,
    reuse: (g: number) => number,
    clean: (g: number) => number,
  ): Int32Array | null => {
    const src = 0;
    const sink = C + Bx + 1;
    const flow = new TransportFlow(C + Bx + 2);
    const edges: { g: number; e: number }[] = [];
    const lbBand = new Float64Array(Bx);
    let demand = 0;
    for (let c = 0; c < C; c += 1) {
      let need = m.counts[s * C + c] as number;
      for (let b = 0; b < Bx; b += 1) {
        const g = c * Bx + b;
        const low = lb(g);
        const high = ub(g);
        if (high < low) return null;
        need -= low;
        lbBand[b] = (lbBand[b] as number) + low;
        // A seeded restart perturbs the costs: another split of the same quotas.
        const jitter = rng === undefined ? 1 : 0.5 + rng.next();
        const slope = Math.round((jitter * SCALE) / (fair(g) + 1));
        const base = rng === undefined ? 0 : rng.int(SCALE);
        // Units beyond the unexposed items (`clean`) cost extra: penalised items only where needed.
        const cheap = Math.max(0, Math.min(high, clean(g)) - low);
        if (cheap > 0) edges.push({ g, e: flow.addEdge(1 + c, 1 + C + b, cheap, base + slope * low, slope) });
        if (high - low > cheap) edges.push({ g, e: flow.addEdge(1 + c, 1 + C + b, high - low - cheap, base + PENALISED_COST + slope * (low + cheap), slope) });
        const extra = reuse(g);
        if (extra > 0) edges.push({ g, e: flow.addEdge(1 + c, 1 + C + b, extra, REUSE_COST) });
      }
      if (need < 0) return null;
      if (need > 0) flow.addEdge(src, 1 + c, need);
      demand += need;
    }
    const exact: number[] = [];
    for (let b = 0; b < Bx; b += 1) {
      const want = m.bandQuota(s, b);
      if (want >= 0) {
        const rest = want - (lbBand[b] as number);
        if (rest < 0 && !softBands) return null;
        exact.push(flow.addEdge(1 + C + b, sink, Math.max(0, rest), -BIG), Math.max(0, rest));
        if (softBands) flow.addEdge(1 + C + b, sink, NO_LIMIT, 0);
      } else flow.addEdge(1 + C + b, sink, NO_LIMIT);
    }
    if (flow.run(src, sink) < demand) return null;
    if (!softBands) for (let k = 0; k < exact.length; k += 2) if (flow.flowOn(exact[k] as number) !== exact[k + 1]) return null;
    const out = new Int32Array(G);
    for (let g = 0; g < G; g += 1) out[g] = lb(g);
    for (const { g, e } of edges) out[g] = (out[g] as number) + flow.flowOn(e);
    return out;
  };

  // Identical split for all sets, when the sets have identical quotas.
  let same = true;
  for (let s = 1; s < N && same; s += 1) {
    for (let c = 0; c < C && same; c += 1) if (m.counts[s * C + c] !== m.counts[c]) same = false;
    for (let b = 0; b < Bx && same; b += 1) if (m.bandQuota(s, b) !== m.bandQuota(0, b)) same = false;
  }
  if (same) {
    const lb = (g: number) => {
      let most = 0;
      for (let s = 0; s < N; s += 1) most = Math.max(most, pinsOf[s * G + g] as number);
      return most;
    };
    const ub = (g: number) => Math.min(Math.floor((avail[g] as number) / N), capBound[g] as number);
    const one = solve(0, lb, ub, (g) => (avail[g] as number) / N, () => 0, (g) => Math.floor((clean[g] as number) / N));
    if (one !== null) {
      for (let s = 0; s < N; s += 1) q.set(one, s * G);
      return q;
    }
  }
  // Set by set with what the earlier sets left.
  for (const allowReuse of m.overlap > 0 ? [false, true] : [false]) {
    const free = new Int32Array(G);
    for (let g = 0; g < G; g += 1) free[g] = (avail[g] as number) - (pinsTotal[g] as number);
    const cleanLeft = clean.slice();
    let ok = true;
    const order = Array.from({ length: N }, (_, s) => s);
    if (rng !== undefined) rng.shuffle(order);
    for (let r = 0; r < N && ok; r += 1) {
      const s = order[r] as number;
      const lb = (g: number) => pinsOf[s * G + g] as number;
      const ub = (g: number) => Math.min((pinsOf[s * G + g] as number) + Math.max(0, free[g] as number), capBound[g] as number);
      const reuse = (g: number) =>
        allowReuse ? Math.max(0, Math.min(capBound[g] as number, avail[g] as number) - Math.max(ub(g), lb(g))) : 0;
      const one = solve(s, lb, ub, (g) => Math.max(0, free[g] as number) / (N - r), reuse, (g) => (pinsOf[s * G + g] as number) + Math.floor(Math.max(0, cleanLeft[g] as number) / (N - r)));
      if (one === null) {
        ok = false;
        break;
      }
      q.set(one, s * G);
      for (let g = 0; g < G; g += 1) {
        free[g] = (free[g] as number) - ((one[g] as number) - (pinsOf[s * G + g] as number));
        cleanLeft[g] = (cleanLeft[g] as number) - ((one[g] as number) - (pinsOf[s * G + g] as number));
      }
    }
    if (ok) return q;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// The search state.
// ---------------------------------------------------------------------------------------------------

class State {
  readonly N: number;
  /** Slot ranges: slots of set s and group g are off[s*G+g] … off[s*G+g+1]. */
  readonly off: Int32Array;
  readonly members: Int32Array;
  readonly locked: Uint8Array;
  readonly mem: Uint8Array;
  readonly useCount: Int32Array;
  readonly pcnt: Int32Array;
  readonly xCnt: Int32Array;
  readonly zCnt: Int32Array;
  readonly sum: Float64Array;
  readonly ptsSum: Float64Array;
  readonly enemyIn: Int32Array;
  readonly shared: Int32Array;
  /**
   * Integer violation per set: 2 per unit of cap excess, minimum deficit, X deficit, Z excess and enemy
   * pair, 1 per item a band is off. A move across bands that mends one violation thus leaves the
   * total unchanged instead of raising it, so the repair can walk such chains.
   */
  readonly vInt: Int32Array;
  overEx = 0;
  penCount = 0;
  /** Σ of the group means of the slots still empty, and their number, per set (for the pro-rata targets). */
  readonly remExp: Float64Array;
  readonly remSlots: Int32Array;
  /** Items per set and band slot, and the exact band quotas (−1 = free). */
  readonly bandCnt: Int32Array;
  readonly bandQ: Int32Array;

  constructor(
    readonly m: Model,
    readonly q: Int32Array,
  ) {
    const { N, G, M, P } = m;
    this.N = N;
    this.off = new Int32Array(N * G + 1);
    for (let k = 0; k < N * G; k += 1) this.off[k + 1] = (this.off[k] as number) + (q[k] as number);
    const slots = this.off[N * G] as number;
    this.members = new Int32Array(slots).fill(-1);
    this.locked = new Uint8Array(slots);
    this.mem = new Uint8Array(M * N);
    this.useCount = new Int32Array(M);
    this.pcnt = new Int32Array(N * P);
    this.xCnt = new Int32Array(N);
    this.zCnt = new Int32Array(N);
    this.sum = new Float64Array(N);
    this.ptsSum = new Float64Array(N);
    this.enemyIn = new Int32Array(m.hasEnemies ? M * N : 0);
    this.shared = new Int32Array(N * N);
    this.vInt = new Int32Array(N);
    this.remExp = new Float64Array(N);
    this.remSlots = new Int32Array(N);
    const Bx = m.bandSlots;
    this.bandCnt = new Int32Array(N * Bx);
    this.bandQ = new Int32Array(N * Bx);
    for (let s = 0; s < N; s += 1) for (let b = 0; b < Bx; b += 1) this.bandQ[s * Bx + b] = m.bandQuota(s, b);
    let minTotal = 0;
    for (let k = 0; k < P; k += 1) minTotal += m.minOf[k] as number;
    for (let s = 0; s < N; s += 1) {
      let bandTotal = 0;
      for (let b = 0; b < Bx; b += 1) bandTotal += Math.max(0, this.bandQ[s * Bx + b] as number);
      this.vInt[s] = 2 * ((m.minX[s] as number) + minTotal) + bandTotal;
      let exp = 0;
      for (let g = 0; g < G; g += 1) exp += (q[s * G + g] as number) * (m.groupMean[g] as number);
      this.remExp[s] = exp;
      this.remSlots[s] = (this.off[(s + 1) * G] as number) - (this.off[s * G] as number);
    }
  }

  add(s: number, x: number): void {
    const m = this.m;
    const N = this.N;
    this.sum[s] = (this.sum[s] as number) + (m.p[x] as number);
    this.ptsSum[s] = (this.ptsSum[s] as number) + (m.pts[x] as number);
    const pt = m.point[x] as number;
    const pi = s * m.P + pt;
    const c = (this.pcnt[pi] as number) + 1;
    this.pcnt[pi] = c;
    let v = this.vInt[s] as number;
    if (c > m.cap) v += 2;
    if (c <= (m.minOf[pt] as number)) v -= 2;
    const bi = s * m.bandSlots + ((m.group[x] as number) % m.bandSlots);
    const bq = this.bandQ[bi] as number;
    const bc = (this.bandCnt[bi] as number) + 1;
    this.bandCnt[bi] = bc;
    if (bq >= 0) v += bc > bq ? 1 : -1;
    const im = m.imp[x] as number;
    if (im === 0) {
      const xc = (this.xCnt[s] as number) + 1;
      this.xCnt[s] = xc;
      if (xc <= (m.minX[s] as number)) v -= 2;
    } else if (im === 2) {
      const zc = (this.zCnt[s] as number) + 1;
      this.zCnt[s] = zc;
      if (zc > (m.maxZ[s] as number)) v += 2;
    }
    if (m.hasEnemies) {
      v += 2 * (this.enemyIn[x * N + s] as number);
      for (let e = m.enStart[x] as number; e < (m.enStart[x + 1] as number); e += 1) {
        const k = (m.enList[e] as number) * N + s;
        this.enemyIn[k] = (this.enemyIn[k] as number) + 1;
      }
    }
    this.vInt[s] = v;
    if ((this.useCount[x] as number) > 0) {
      for (let t = 0; t < N; t += 1) {
        if (t === s || this.mem[x * N + t] === 0) continue;
        const k = (this.shared[s * N + t] as number) + 1;
        this.shared[s * N + t] = k;
        this.shared[t * N + s] = k;
        if (k > m.overlap) this.overEx += 1;
      }
    }
    this.mem[x * N + s] = 1;
    this.useCount[x] = (this.useCount[x] as number) + 1;
    if (m.pen[x] === 1) this.penCount += 1;
  }

  remove(s: number, x: number): void {
    const m = this.m;
    const N = this.N;
    this.mem[x * N + s] = 0;
    this.useCount[x] = (this.useCount[x] as number) - 1;
    if ((this.useCount[x] as number) > 0) {
      for (let t = 0; t < N; t += 1) {
        if (t === s || this.mem[x * N + t] === 0) continue;
        const k = this.shared[s * N + t] as number;
        if (k > m.overlap) this.overEx -= 1;
        this.shared[s * N + t] = k - 1;
        this.shared[t * N + s] = k - 1;
      }
    }
    if (m.pen[x] === 1) this.penCount -= 1;
    let v = this.vInt[s] as number;
    if (m.hasEnemies) {
      for (let e = m.enStart[x] as number; e < (m.enStart[x + 1] as number); e += 1) {
        const k = (m.enList[e] as number) * N + s;
        this.enemyIn[k] = (this.enemyIn[k] as number) - 1;
      }
      v -= 2 * (this.enemyIn[x * N + s] as number);
    }
    const im = m.imp[x] as number;
    if (im === 0) {
      const xc = this.xCnt[s] as number;
      this.xCnt[s] = xc - 1;
      if (xc <= (m.minX[s] as number)) v += 2;
    } else if (im === 2) {
      const zc = this.zCnt[s] as number;
      this.zCnt[s] = zc - 1;
      if (zc > (m.maxZ[s] as number)) v -= 2;
    }
    const pt = m.point[x] as number;
    const pi = s * m.P + pt;
    const c = this.pcnt[pi] as number;
    this.pcnt[pi] = c - 1;
    if (c > m.cap) v -= 2;
    if (c <= (m.minOf[pt] as number)) v += 2;
    const bi = s * m.bandSlots + ((m.group[x] as number) % m.bandSlots);
    const bq = this.bandQ[bi] as number;
    const bc = this.bandCnt[bi] as number;
    this.bandCnt[bi] = bc - 1;
    if (bq >= 0) v += bc > bq ? -1 : 1;
    this.vInt[s] = v;
    this.sum[s] = (this.sum[s] as number) - (m.p[x] as number);
    this.ptsSum[s] = (this.ptsSum[s] as number) - (m.pts[x] as number);
  }

  /** Puts item x into slot k of set s (the slot must be empty). */
  place(s: number, k: number, x: number): void {
    this.members[k] = x;
    this.add(s, x);
    const g = this.m.group[x] as number;
    this.remExp[s] = (this.remExp[s] as number) - (this.m.groupMean[g] as number);
    this.remSlots[s] = (this.remSlots[s] as number) - 1;
  }

  /** Replaces the item of slot k of set s by y. */
  replace(s: number, k: number, y: number): void {
    const x = this.members[k] as number;
    this.remove(s, x);
    this.members[k] = y;
    this.add(s, y);
  }

  pointsBad(s: number): number {
    const d = Math.abs((this.ptsSum[s] as number) - (this.m.totalPts[s] as number));
    return d > POINTS_EPS ? d : 0;
  }

  setViolation(s: number): number {
    return (this.vInt[s] as number) + 2 * this.pointsBad(s);
  }

  violation(): number {
    let v = 2 * this.overEx;
    for (let s = 0; s < this.N; s += 1) v += this.setViolation(s);
    return v;
  }

  /**
   * Change of `violation()` if item i of set s were replaced by j (j not in s), computed from the
   * counters without touching them. `ignore`: a set that j leaves and i joins at the same time (a
   * two-set swap, whose total change is deltaSwap(s, i, j, t) + deltaSwap(t, j, i, s)).
   */
  deltaSwap(s: number, i: number, j: number, ignore = -1): number {
    const m = this.m;
    const N = this.N;
    let d = 0;
    const pi = m.point[i] as number;
    const pj = m.point[j] as number;
    if (pi !== pj) {
      const ci = this.pcnt[s * m.P + pi] as number;
      const cj = this.pcnt[s * m.P + pj] as number;
      if (ci > m.cap) d -= 2;
      if (cj >= m.cap) d += 2;
      if (ci <= (m.minOf[pi] as number)) d += 2;
      if (cj < (m.minOf[pj] as number)) d -= 2;
    }
    const bx = m.bandSlots;
    const bi = (m.group[i] as number) % bx;
    const bj = (m.group[j] as number) % bx;
    if (bi !== bj) {
      const qi = this.bandQ[s * bx + bi] as number;
      const qj = this.bandQ[s * bx + bj] as number;
      if (qi >= 0) d += (this.bandCnt[s * bx + bi] as number) > qi ? -1 : 1;
      if (qj >= 0) d += (this.bandCnt[s * bx + bj] as number) + 1 > qj ? 1 : -1;
    }
    const ii = m.imp[i] as number;
    const ij = m.imp[j] as number;
    if (ii !== ij) {
      const x = this.xCnt[s] as number;
      const z = this.zCnt[s] as number;
      if (ii === 0 && x <= (m.minX[s] as number)) d += 2;
      if (ij === 0 && x < (m.minX[s] as number)) d -= 2;
      if (ii === 2 && z > (m.maxZ[s] as number)) d -= 2;
      if (ij === 2 && z >= (m.maxZ[s] as number)) d += 2;
    }
    if (m.hasEnemies) {
      let cj = this.enemyIn[j * N + s] as number;
      if (cj > 0) for (let e = m.enStart[j] as number; e < (m.enStart[j + 1] as number); e += 1) if (m.enList[e] === i) cj -= 1;
      d += 2 * (cj - (this.enemyIn[i * N + s] as number));
    }
    const dp = (m.pts[j] as number) - (m.pts[i] as number);
    if (dp !== 0) {
      const after = Math.abs((this.ptsSum[s] as number) + dp - (m.totalPts[s] as number));
      d += 2 * ((after > POINTS_EPS ? after : 0) - this.pointsBad(s));
    }
    if ((this.useCount[j] as number) > 0 || (this.useCount[i] as number) > 1) {
      for (let t = 0; t < N; t += 1) {
        if (t === s || t === ignore) continue;
        const old = this.shared[s * N + t] as number;
        const now = old - (this.mem[i * N + t] as number) + (this.mem[j * N + t] as number);
        if (now !== old) d += 2 * (Math.max(0, now - m.overlap) - Math.max(0, old - m.overlap));
      }
    }
    return d;
  }

  /** Would set s stay feasible if its item i were replaced by j? (`ignore`: a set j leaves at the same time.) */
  canSwap(s: number, i: number, j: number, ignore = -1): boolean {
    const m = this.m;
    const N = this.N;
    if (i === j || this.mem[j * N + s] === 1) return false;
    const pj = m.point[j] as number;
    const pi = m.point[i] as number;
    if (pj !== pi) {
      if ((this.pcnt[s * m.P + pj] as number) + 1 > m.cap) return false;
      const min = m.minOf[pi] as number;
      if (min > 0 && (this.pcnt[s * m.P + pi] as number) - 1 < min) return false;
    }
    const ij = m.imp[j] as number;
    const ii = m.imp[i] as number;
    if (ij !== ii) {
      if (ii === 0 && (this.xCnt[s] as number) - 1 < (m.minX[s] as number)) return false;
      if (ij === 2 && (this.zCnt[s] as number) + 1 > (m.maxZ[s] as number)) return false;
    }
    const dp = (m.pts[j] as number) - (m.pts[i] as number);
    if (dp !== 0 && Math.abs((this.ptsSum[s] as number) + dp - (m.totalPts[s] as number)) > POINTS_EPS) return false;
    if (m.hasEnemies) {
      let c = this.enemyIn[j * N + s] as number;
      if (c > 0) {
        for (let e = m.enStart[j] as number; e < (m.enStart[j + 1] as number); e += 1) if (m.enList[e] === i) c -= 1;
        if (c > 0) return false;
      }
    }
    const uses = (this.useCount[j] as number) - (ignore >= 0 ? (this.mem[j * N + ignore] as number) : 0);
    if (uses > 0) {
      for (let t = 0; t < N; t += 1) {
        if (t === s || t === ignore || this.mem[j * N + t] === 0) continue;
        if ((this.shared[s * N + t] as number) + 1 - (this.mem[i * N + t] as number) > m.overlap) return false;
      }
    }
    return true;
  }

  /** Item ids per set, in slot order. */
  sets(): number[][] {
    const { G } = this.m;
    return Array.from({ length: this.N }, (_, s) => {
      const out: number[] = [];
      for (let k = this.off[s * G] as number; k < (this.off[(s + 1) * G] as number); k += 1) out.push(this.m.ids[this.members[k] as number] as number);
      return out;
    });
  }

  /** Σp per set recomputed in slot order (the order of `sets()`, so equal to `setSums` of the problem). */
  exactSums(): number[] {
    const { G } = this.m;
    return Array.from({ length: this.N }, (_, s) => {
      let acc = 0;
      for (let k = this.off[s * G] as number; k < (this.off[(s + 1) * G] as number); k += 1) acc += this.m.p[this.members[k] as number] as number;
      return acc;
    });
  }

  overlapUsed(): number {
    let n = 0;
    for (let s = 0; s < this.N; s += 1) for (let t = s + 1; t < this.N; t += 1) n += this.shared[s * this.N + t] as number;
    return n;
  }

  /** Re-sorts every set's slots by group (after moves across bands within a cell, which keep cell ranges). */
  relayout(): void {
    const { G } = this.m;
    const N = this.N;
    const counts = new Int32Array(N * G);
    const total = this.off[N * G] as number;
    for (let s = 0; s < N; s += 1) {
      for (let k = this.off[s * G] as number; k < (this.off[(s + 1) * G] as number); k += 1) {
        const g = this.m.group[this.members[k] as number] as number;
        counts[s * G + g] = (counts[s * G + g] as number) + 1;
      }
    }
    const off = new Int32Array(N * G + 1);
    for (let k = 0; k < N * G; k += 1) off[k + 1] = (off[k] as number) + (counts[k] as number);
    if (off[N * G] !== total) return;
    const members = new Int32Array(total);
    const locked = new Uint8Array(total);
    const next = off.slice(0, N * G);
    for (let s = 0; s < N; s += 1) {
      for (let k = this.off[s * G] as number; k < (this.off[(s + 1) * G] as number); k += 1) {
        const x = this.members[k] as number;
        const at = s * G + (this.m.group[x] as number);
        const slot = next[at] as number;
        members[slot] = x;
        locked[slot] = this.locked[k] as number;
        next[at] = slot + 1;
      }
    }
    this.off.set(off);
    this.members.set(members);
    this.locked.set(locked);
  }

  /** Resets the state to the given members (slots and locks unchanged). */
  load(members: Int32Array): void {
    const { G } = this.m;
    for (let s = 0; s < this.N; s += 1) {
      for (let k = this.off[s * G] as number; k < (this.off[(s + 1) * G] as number); k += 1) {
        const x = this.members[k] as number;
        if (x >= 0) this.remove(s, x);
      }
    }
    this.members.set(members);
    for (let s = 0; s < this.N; s += 1) {
      for (let k = this.off[s * G] as number; k < (this.off[(s + 1) * G] as number); k += 1) {
        const x = this.members[k] as number;
        if (x >= 0) this.add(s, x);
      }
    }
  }

  dev(s: number): number {
    return (this.m.target[s] as number) - (this.sum[s] as number);
  }

  /** Deviation above the tolerance. */
  excess(s: number): number {
    return Math.max(0, Math.abs(this.dev(s)) - (this.m.tolOf[s] as number));
  }

  maxExcess(): number {
    let e = 0;
    for (let s = 0; s < this.N; s += 1) e = Math.max(e, this.excess(s));
    return e;
  }

  maxDev(): number {
    let e = 0;
    for (let s = 0; s < this.N; s += 1) e = Math.max(e, Math.abs(this.dev(s)));
    return e;
  }
}

// ---------------------------------------------------------------------------------------------------
// Construction.
// ---------------------------------------------------------------------------------------------------

function lowerBound(values: Float64Array, lo: number, hi: number, x: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if ((values[mid] as number) < x) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * Cost of adding item j to set s beyond its p distance: reuse of another set's item (a last resort)
 * ≫ hard violations (which the repair can mend) ≫ preferences (X while short of X, unexposed items,
 * 鉴定点 with room, points on course).
 */
function addCost(st: State, s: number, j: number): number {
  const m = st.m;
  const N = st.N;
  let hard = 0;
  const pt = m.point[j] as number;
  if ((st.pcnt[s * m.P + pt] as number) >= m.cap) hard += 1;
  const im = m.imp[j] as number;
  if (im === 2 && (st.zCnt[s] as number) >= (m.maxZ[s] as number)) hard += 1;
  if (m.hasEnemies) hard += st.enemyIn[j * N + s] as number;
  let reuse = 0;
  if ((st.useCount[j] as number) > 0) {
    reuse = 1;
    for (let t = 0; t < N; t += 1) if (t !== s && st.mem[j * N + t] === 1 && (st.shared[s * N + t] as number) >= m.overlap) hard += 1;
  }
  let pref = 0;
  if (im !== 0 && (st.xCnt[s] as number) < (m.minX[s] as number)) pref += 1;
  if (m.varyingPoints) {
    // Keep the set's points on course: the remaining points spread over the remaining slots.
    const left = st.remSlots[s] as number;
    const need = (m.totalPts[s] as number) - (st.ptsSum[s] as number);
    const gap = Math.abs((m.pts[j] as number) - (left > 0 ? need / left : need));
    pref += left <= 1 ? 5 * gap : 0.3 * gap;
  }
  if (m.pen[j] === 1) pref += 0.5;
  // Spread a set over the 鉴定点 so that later groups still find points with room under the cap.
  if (m.cap < NO_LIMIT && m.cap > 0) pref += (0.3 * (st.pcnt[s * m.P + pt] as number)) / m.cap;
  return 1000 * reuse + 100 * hard + pref;
}

/** The best pool item of group g for set s near p = desired; −1 when the pool has none left for s. */
function pickFor(st: State, s: number, g: number, desired: number, allow?: (j: number) => boolean): number {
  const m = st.m;
  const lo = m.poolStart[g] as number;
  const hi = m.poolStart[g + 1] as number;
  let left = lowerBound(m.poolP, lo, hi, desired) - 1;
  let right = left + 1;
  let best = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  while (left >= lo || right < hi) {
    const dl = left >= lo ? desired - (m.poolP[left] as number) : Number.POSITIVE_INFINITY;
    const dr = right < hi ? (m.poolP[right] as number) - desired : Number.POSITIVE_INFINITY;
    const takeLeft = dl <= dr;
    const dist = takeLeft ? dl : dr;
    if (dist >= bestScore) break;
    const j = m.pool[takeLeft ? left : right] as number;
    if (takeLeft) left -= 1;
    else right += 1;
    if (st.mem[j * st.N + s] === 1 || (allow !== undefined && !allow(j))) continue;
    const score = dist + addCost(st, s, j);
    if (score < bestScore) {
      bestScore = score;
      best = j;
    }
  }
  return best;
}

function desiredP(st: State, s: number, g: number, noise: number): number {
  const slots = st.remSlots[s] as number;
  const adj = slots > 0 ? ((st.m.target[s] as number) - (st.sum[s] as number) - (st.remExp[s] as number)) / slots : 0;
  return (st.m.groupMean[g] as number) + adj + noise;
}

/**
 * A 鉴定点 plan: per set, how many items of each 鉴定点 each group takes, as a min-cost flow
 * source → importance hubs (X: the missing minimum first; Z: at most the room under maxZ) → 鉴定点
 * (at most the room under the cap; the missing minimum first) → groups (the set's empty slots) → sink,
 * through (鉴定点, group) edges holding the items still unused (convex costs keep some for later sets).
 * Sets are planned one after another (a later set may fall a few slots short: those are picked
 * freely and left to the repair); the best of a few seeded orders wins. Used on restarts when the
 * plain construction broke a hard constraint: with tight caps (每个鉴定点每套至多 c 道 with about as many
 * items as 鉴定点 × c) the sets must share every 鉴定点 exactly, which slot-by-slot picking does not
 * see. Keys of the result: (s·P + point)·G + group.
 */
function pointPlan(st: State, next: Int32Array, rng: Random): Map<number, number> {
  let best = new Map<number, number>();
  let bestShort = Number.POSITIVE_INFINITY;
  // Sets that fell short are planned earlier in the next attempt.
  const priority = new Float64Array(st.N);
  for (let attempt = 0; attempt < 6 && bestShort > 0; attempt += 1) {
    const order = Array.from({ length: st.N }, (_, s) => s);
    const key = order.map(() => rng.next());
    order.sort((a, b) => (priority[b] as number) - (priority[a] as number) || (key[a] as number) - (key[b] as number));
    const { plan, short, shortOf } = planOnce(st, next, rng, order);
    if (short < bestShort) {
      best = plan;
      bestShort = short;
    }
    for (let s = 0; s < st.N; s += 1) priority[s] = (priority[s] as number) + (shortOf[s] as number);
  }
  return best;
}

function planOnce(st: State, next: Int32Array, rng: Random, order: readonly number[]): { plan: Map<number, number>; short: number; shortOf: Int32Array } {
  const m = st.m;
  const { N, G, P } = m;
  const left = new Map<number, number>();
  for (let i = 0; i < m.M; i += 1) {
    if ((st.useCount[i] as number) > 0) continue;
    const key = (m.point[i] as number) * G + (m.group[i] as number);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  const impOf = new Uint8Array(P);
  for (let i = 0; i < m.M; i += 1) impOf[m.point[i] as number] = m.imp[i] as number;
  const plan = new Map<number, number>();
  const HUB = 1;
  const PT = 4;
  const GR = PT + P;
  const sink = GR + G;
  const B1 = 1e12;
  const B2 = 1e10;
  let short = 0;
  const shortOf = new Int32Array(N);
  for (let r = 0; r < N; r += 1) {
    const s = order[r] as number;
    const flow = new TransportFlow(sink + 1);
    let demand = 0;
    for (let g = 0; g < G; g += 1) {
      const room = (st.off[s * G + g + 1] as number) - (next[s * G + g] as number);
      if (room > 0) flow.addEdge(GR + g, sink, room);
      demand += room;
    }
    if (demand === 0) continue;
    const xNeed = Math.max(0, (m.minX[s] as number) - (st.xCnt[s] as number));
    if (xNeed > 0) flow.addEdge(0, HUB, xNeed, -B2);
    flow.addEdge(0, HUB, NO_LIMIT);
    flow.addEdge(0, HUB + 1, NO_LIMIT);
    flow.addEdge(0, HUB + 2, Math.max(0, (m.maxZ[s] as number) - (st.zCnt[s] as number)));
    for (let pt = 0; pt < P; pt += 1) {
      const have = st.pcnt[s * P + pt] as number;
      const room = Math.max(0, Math.min(NO_LIMIT, m.cap) - have);
      const need = Math.min(room, Math.max(0, (m.minOf[pt] as number) - have));
      if (need > 0) flow.addEdge(HUB + (impOf[pt] as number), PT + pt, need, -B1);
      if (room > need) flow.addEdge(HUB + (impOf[pt] as number), PT + pt, room - need);
    }
    const edges: { key: number; e: number }[] = [];
    for (const [key, n] of left) {
      if (n <= 0) continue;
      const pt = Math.floor(key / G);
      const g = key % G;
      if ((st.off[s * G + g + 1] as number) - (next[s * G + g] as number) <= 0) continue;
      const slope = Math.round(SCALE / (n / (N - r) + 1));
      edges.push({ key, e: flow.addEdge(PT + pt, GR + g, n, rng.int(1000), slope) });
    }
    const missing = demand - flow.run(0, sink);
    short += missing;
    shortOf[s] = missing;
    for (const { key, e } of edges) {
      const f = flow.flowOn(e);
      if (f === 0) continue;
      left.set(key, (left.get(key) ?? 0) - f);
      const pt = Math.floor(key / G);
      const g = key % G;
      plan.set((s * P + pt) * G + g, f);
    }
  }
  return { plan, short, shortOf };
}

function construct(st: State, rng: Random, noisy: boolean, planned = false): boolean {
  const m = st.m;
  const { N, G } = m;
  const next = new Int32Array(N * G);
  for (let k = 0; k < N * G; k += 1) next[k] = st.off[k] as number;
  // Pinned items.
  for (const [i, s] of m.pins) {
    const k = s * G + (m.group[i] as number);
    const slot = next[k] as number;
    if (slot >= (st.off[k + 1] as number)) return false;
    st.place(s, slot, i);
    st.locked[slot] = 1;
    next[k] = slot + 1;
  }
  const noise = () => (noisy ? rng.range(-0.03, 0.03) : 0);
  const plan = planned ? pointPlan(st, next, rng) : null;
  const planLeft = (s: number, g: number) => {
    if (plan === null) return 0;
    let n = 0;
    for (let pt = 0; pt < m.P; pt += 1) n += plan.get((s * m.P + pt) * G + g) ?? 0;
    return n;
  };
  const allow = (s: number, g: number) => (plan === null ? undefined : (j: number) => (plan.get((s * m.P + (m.point[j] as number)) * G + g) ?? 0) > 0);
  // 鉴定点 minimums (the plan, when there is one, has them already).
  for (let pt = 0; pt < m.P && plan === null; pt += 1) {
    const min = m.minOf[pt] as number;
    if (min <= 0) continue;
    for (let round = 0; round < min; round += 1) {
      for (let r = 0; r < N; r += 1) {
        const s = (r + pt + round) % N;
        if ((st.pcnt[s * m.P + pt] as number) >= min) continue;
        let best = -1;
        let bestScore = Number.POSITIVE_INFINITY;
        for (let k = m.ptStart[pt] as number; k < (m.ptStart[pt + 1] as number); k += 1) {
          const j = m.ptItems[k] as number;
          const g = m.group[j] as number;
          if (st.mem[j * N + s] === 1 || (next[s * G + g] as number) >= (st.off[s * G + g + 1] as number)) continue;
          const score = Math.abs((m.p[j] as number) - desiredP(st, s, g, 0)) + addCost(st, s, j);
          if (score < bestScore) {
            bestScore = score;
            best = j;
          }
        }
        if (best < 0) continue; // the repair and the checker will tell
        const k = s * G + (m.group[best] as number);
        st.place(s, next[k] as number, best);
        next[k] = (next[k] as number) + 1;
      }
    }
  }
  // Groups, scarcest first, slots in round robin over the sets.
  const order: number[] = [];
  const scarcity = new Float64Array(G);
  for (let g = 0; g < G; g += 1) {
    let need = 0;
    for (let s = 0; s < N; s += 1) need += (st.off[s * G + g + 1] as number) - (next[s * G + g] as number);
    if (need === 0) continue;
    const avail = (m.poolStart[g + 1] as number) - (m.poolStart[g] as number);
    scarcity[g] = need / Math.max(1, avail) + (noisy ? rng.range(0, 0.05) : 0);
    order.push(g);
  }
  order.sort((a, b) => (scarcity[b] as number) - (scarcity[a] as number) || a - b);
  let turn = noisy ? rng.int(N) : 0;
  for (const g of order) {
    for (;;) {
      let placed = false;
      for (let r = 0; r < N; r += 1) {
        const s = (turn + r) % N;
        const k = s * G + g;
        const slot = next[k] as number;
        if (slot >= (st.off[k + 1] as number)) continue;
        const desired = desiredP(st, s, g, noise());
        // Planned slots take a planned 鉴定点; the slots the plan could not cover pick freely.
        let j = plan === null || planLeft(s, g) > 0 ? pickFor(st, s, g, desired, allow(s, g)) : -1;
        if (j < 0) j = pickFor(st, s, g, desired);
        if (j < 0) return false;
        if (plan !== null) {
          const key = (s * m.P + (m.point[j] as number)) * G + g;
          const n = plan.get(key);
          if (n !== undefined) plan.set(key, n - 1);
        }
        st.place(s, slot, j);
        next[k] = slot + 1;
        placed = true;
      }
      turn = (turn + 1) % N;
      if (!placed) break;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Repair of hard violations.
// ---------------------------------------------------------------------------------------------------

/** Does the item in slot k of set s take part in a hard violation? */
function implicated(st: State, s: number, k: number): boolean {
  const m = st.m;
  const i = st.members[k] as number;
  if ((st.pcnt[s * m.P + (m.point[i] as number)] as number) > m.cap) return true;
  if (m.hasEnemies && (st.enemyIn[i * st.N + s] as number) > 0) return true;
  const im = m.imp[i] as number;
  if (im === 2 && (st.zCnt[s] as number) > (m.maxZ[s] as number)) return true;
  if (im !== 0 && (st.xCnt[s] as number) < (m.minX[s] as number)) return true;
  if (st.overEx > 0 && (st.useCount[i] as number) > 1) return true;
  const bi = s * m.bandSlots + ((m.group[i] as number) % m.bandSlots);
  const bq = st.bandQ[bi] as number;
  return bq >= 0 && (st.bandCnt[bi] as number) > bq;
}

/**
 * Tabu search on the total hard violation (cap excess, minimum deficits, X/Z, enemies, overlap,
 * points): at each step the best non-tabu swap within a group — (a) slot ↔ pool item, (b) slot ↔ slot
 * of another set — among the slots taking part in a violation, the items of 鉴定点 below their
 * minimum and, when a total is off, the items worth other points. Worsening steps are allowed; an
 * item that left a set may not come back for a few steps (unless that gives a new best). Ends in the
 * best state seen.
 */
function repair(st: State, rng: Random, budget: number, work: { left: number }): number {
  const m = st.m;
  const { N, G } = m;
  const Bx = m.bandSlots;
  let v = st.violation();
  if (v <= EPS) return 0;
  let bestV = v;
  let best = st.members.slice();
  const tabu = new Int32Array(m.M * N).fill(-1);
  let moves = 0;
  for (let iter = 0; iter < budget && v > EPS && work.left > 0; iter += 1) {
    let move: Move | undefined;
    let moveV = Number.POSITIVE_INFINITY;
    let moveD = Number.POSITIVE_INFINITY;
    let moveR = Number.POSITIVE_INFINITY;
    let ties = 0;
    let tabuMove: Move | undefined;
    let tabuV = Number.POSITIVE_INFINITY;
    let tabuD = Number.POSITIVE_INFINITY;
    const consider = (s: number, k: number, j: number, t: number, k2: number) => {
      const i = st.members[k] as number;
      if (j === i || st.mem[j * N + s] === 1) return;
      if (t >= 0 && st.mem[i * N + t] === 1) return;
      work.left -= 1;
      const nv = v + st.deltaSwap(s, i, j, t) + (t >= 0 ? st.deltaSwap(t, j, i, s) : 0);
      const delta = (m.p[j] as number) - (m.p[i] as number);
      const dv = t >= 0 ? Math.max(Math.abs(st.dev(s) - delta), Math.abs(st.dev(t) + delta)) : Math.abs(st.dev(s) - delta);
      const isTabu = (tabu[j * N + s] as number) > iter || (t >= 0 && (tabu[i * N + t] as number) > iter);
      if (isTabu && nv >= bestV - EPS) {
        // Kept in case every move is tabu.
        if (nv < tabuV - EPS || (nv < tabuV + EPS && dv < tabuD)) {
          tabuMove = { s, k, j, t, k2 };
          tabuV = nv;
          tabuD = dv;
        }
        return;
      }
      // Ties: fewer reused items, then the smaller deviation.
      const reuse = t < 0 && (st.useCount[j] as number) > 0 ? 1 : 0;
      if (nv < moveV - EPS || (nv < moveV + EPS && (reuse < moveR || (reuse === moveR && dv < moveD - EPS)))) {
        move = { s, k, j, t, k2 };
        moveV = nv;
        moveD = dv;
        moveR = reuse;
        ties = 1;
      } else if (nv < moveV + EPS && reuse === moveR && dv < moveD + EPS) {
        ties += 1;
        if (rng.int(ties) === 0) move = { s, k, j, t, k2 };
      }
    };
    // Moves stay within the item's cell (all its bands: band counts are part of the violation).
    // `pointsOnly`: the slot matters only for the total points, so only items worth other points help.
    const slotMoves = (s: number, k: number, pointsOnly: boolean) => {
      const i = st.members[k] as number;
      const g0 = (m.group[i] as number) - ((m.group[i] as number) % Bx);
      for (let x = m.poolStart[g0] as number; x < (m.poolStart[g0 + Bx] as number); x += 1) {
        const j = m.pool[x] as number;
        if (m.overlap === 0 && (st.useCount[j] as number) > 0) continue;
        if (pointsOnly && m.pts[j] === m.pts[i]) continue;
        consider(s, k, j, -1, -1);
      }
      for (let t = 0; t < N; t += 1) {
        if (t === s) continue;
        for (let k2 = st.off[t * G + g0] as number; k2 < (st.off[t * G + g0 + Bx] as number); k2 += 1) {
          if (st.locked[k2] === 1 || (pointsOnly && m.pts[st.members[k2] as number] === m.pts[i])) continue;
          consider(s, k, st.members[k2] as number, t, k2);
        }
      }
    };
    for (let s = 0; s < N; s += 1) {
      if (st.setViolation(s) <= EPS && st.overEx === 0) continue;
      const a = st.off[s * G] as number;
      const b = st.off[(s + 1) * G] as number;
      const pointsOff = st.pointsBad(s) > 0;
      for (let k = a; k < b; k += 1) {
        if (st.locked[k] === 1) continue;
        if (implicated(st, s, k)) slotMoves(s, k, false);
        else if (pointsOff) slotMoves(s, k, true);
      }
      // 鉴定点 below their minimum: bring in one of their items, from the pool or from another set.
      for (let pt = 0; pt < m.P; pt += 1) {
        const min = m.minOf[pt] as number;
        if (min === 0 || (st.pcnt[s * m.P + pt] as number) >= min) continue;
        // A sample of its items (seeded rotation): each is tried in every slot of its cell.
        const from = m.ptStart[pt] as number;
        const size = (m.ptStart[pt + 1] as number) - from;
        const shift = rng.int(size);
        for (let r = 0; r < Math.min(size, 8); r += 1) {
          const j = m.ptItems[from + ((shift + r) % size)] as number;
          if (st.mem[j * N + s] === 1) continue;
          const g0 = (m.group[j] as number) - ((m.group[j] as number) % Bx);
          for (let k = st.off[s * G + g0] as number; k < (st.off[s * G + g0 + Bx] as number); k += 1) {
            if (st.locked[k] === 1) continue;
            if ((st.useCount[j] as number) === 0 || m.overlap > 0) consider(s, k, j, -1, -1);
            for (let t = 0; t < N; t += 1) {
              if (t === s || st.mem[j * N + t] === 0) continue;
              for (let k2 = st.off[t * G + g0] as number; k2 < (st.off[t * G + g0 + Bx] as number); k2 += 1) {
                if (st.members[k2] === j && st.locked[k2] === 0) consider(s, k, j, t, k2);
              }
            }
          }
        }
      }
    }
    if (move === undefined) {
      // Every focused move is tabu: widen to every slot of the violated sets (a sideways step may open a chain).
      for (let s = 0; s < N; s += 1) {
        if (st.setViolation(s) <= EPS && st.overEx === 0) continue;
        for (let k = st.off[s * G] as number; k < (st.off[(s + 1) * G] as number); k += 1) {
          if (st.locked[k] === 0 && !implicated(st, s, k)) slotMoves(s, k, false);
        }
      }
    }
    if (move === undefined) move = tabuMove;
    if (move === undefined) break;
    const i = st.members[move.k] as number;
    const tenure = 4 + rng.int(6);
    tabu[i * N + move.s] = iter + tenure;
    if (move.t >= 0) tabu[move.j * N + move.t] = iter + tenure;
    apply(st, move);
    moves += 1;
    v = st.violation();
    if (v < bestV - EPS) {
      bestV = v;
      best = st.members.slice();
    }
  }
  if (v > bestV + EPS) st.load(best);
  st.relayout();
  return moves;
}

// ---------------------------------------------------------------------------------------------------
// Exchange search on Σp.
// ---------------------------------------------------------------------------------------------------

interface Move {
  s: number;
  k: number;
  j: number;
  /** Second set of a two-set swap, or −1. */
  t: number;
  k2: number;
}

/** Best swap of one item of set s with a pool item: new |d_s| (as excess), then fewer penalised/reused. */
function bestPoolMove(st: State, s: number): { move: Move; excess: number; r: number; secondary: number } | undefined {
  const m = st.m;
  const { G } = m;
  const tol = m.tolOf[s] as number;
  const d = st.dev(s);
  let best: Move | undefined;
  let bestE = Number.POSITIVE_INFINITY;
  let bestSec = Number.POSITIVE_INFINITY;
  let bestR = Number.POSITIVE_INFINITY;
  for (let g = 0; g < G; g += 1) {
    const a = st.off[s * G + g] as number;
    const b = st.off[s * G + g + 1] as number;
    if (a === b) continue;
    const lo = m.poolStart[g] as number;
    const hi = m.poolStart[g + 1] as number;
    if (hi - lo <= 1) continue;
    for (let k = a; k < b; k += 1) {
      if (st.locked[k] === 1) continue;
      const i = st.members[k] as number;
      const want = (m.p[i] as number) + d;
      let left = lowerBound(m.poolP, lo, hi, want) - 1;
      let right = left + 1;
      while (left >= lo || right < hi) {
        const dl = left >= lo ? want - (m.poolP[left] as number) : Number.POSITIVE_INFINITY;
        const dr = right < hi ? (m.poolP[right] as number) - want : Number.POSITIVE_INFINITY;
        const takeLeft = dl <= dr;
        const r = takeLeft ? dl : dr;
        const e = Math.max(0, r - tol);
        if (e > bestE + EPS) break;
        const j = m.pool[takeLeft ? left : right] as number;
        if (takeLeft) left -= 1;
        else right += 1;
        // Items of other sets are reused only where construction or repair needed them.
        if (j === i || (st.useCount[j] as number) > 0) continue;
        const sec = (m.pen[j] as number) - (m.pen[i] as number) - ((st.useCount[i] as number) > 1 ? 1 : 0);
        if (e > bestE - EPS && (sec > bestSec || (sec === bestSec && r >= bestR))) {
          if (e > 0) break;
          continue;
        }
        if (!st.canSwap(s, i, j)) continue;
        best = { s, k, j, t: -1, k2: -1 };
        bestE = e;
        bestSec = sec;
        bestR = r;
        if (e > 0) break; // farther candidates of this slot are worse
      }
    }
  }
  return best === undefined ? undefined : { move: best, excess: bestE, r: bestR, secondary: bestSec };
}

/** Best swap of an item of set s with an item of another set in the same group (pair leximin). */
function bestPairMove(st: State, s: number): { move: Move; excess: number; sq: number } | undefined {
  const m = st.m;
  const { G } = m;
  const N = st.N;
  const tol = m.tolOf[s] as number;
  const ds = st.dev(s);
  let best: Move | undefined;
  let bestE = Number.POSITIVE_INFINITY;
  let bestSq = Number.POSITIVE_INFINITY;
  for (let t = 0; t < N; t += 1) {
    if (t === s) continue;
    const dt = st.dev(t);
    for (let g = 0; g < G; g += 1) {
      const a = st.off[s * G + g] as number;
      const b = st.off[s * G + g + 1] as number;
      const a2 = st.off[t * G + g] as number;
      const b2 = st.off[t * G + g + 1] as number;
      if (a === b || a2 === b2) continue;
      for (let k = a; k < b; k += 1) {
        if (st.locked[k] === 1) continue;
        const i = st.members[k] as number;
        const pi = m.p[i] as number;
        for (let k2 = a2; k2 < b2; k2 += 1) {
          if (st.locked[k2] === 1) continue;
          const j = st.members[k2] as number;
          const delta = (m.p[j] as number) - pi;
          if (delta === 0) continue;
          const ns = ds - delta;
          const nt = dt + delta;
          const es = Math.max(0, Math.abs(ns) - tol);
          const et = Math.max(0, Math.abs(nt) - (m.tolOf[t] as number));
          const e = Math.max(es, et);
          const sq = es * es + et * et;
          if (e > bestE + EPS || (e > bestE - EPS && sq >= bestSq)) continue;
          if (st.mem[j * N + s] === 1 || st.mem[i * N + t] === 1) continue;
          if (!st.canSwap(s, i, j, t) || !st.canSwap(t, j, i, s)) continue;
          best = { s, k, j, t, k2 };
          bestE = e;
          bestSq = sq;
        }
      }
    }
  }
  return best === undefined ? undefined : { move: best, excess: bestE, sq: bestSq };
}

function apply(st: State, move: Move): void {
  const i = st.members[move.k] as number;
  st.replace(move.s, move.k, move.j);
  if (move.t >= 0) st.replace(move.t, move.k2, i);
}

/** A random feasible swap in set s (a kick for the iterated local search); false when none was found. */
function kick(st: State, s: number, rng: Random): boolean {
  const m = st.m;
  const { G } = m;
  const a = st.off[s * G] as number;
  const b = st.off[(s + 1) * G] as number;
  if (b === a) return false;
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const k = a + rng.int(b - a);
    if (st.locked[k] === 1) continue;
    const i = st.members[k] as number;
    const g = m.group[i] as number;
    const lo = m.poolStart[g] as number;
    const hi = m.poolStart[g + 1] as number;
    if (rng.next() < 0.5 || hi - lo <= 1) {
      // Two-set swap with a random other set.
      const t = (s + 1 + rng.int(st.N - 1)) % st.N;
      if (t === s) continue;
      const a2 = st.off[t * G + g] as number;
      const b2 = st.off[t * G + g + 1] as number;
      if (b2 === a2) continue;
      const k2 = a2 + rng.int(b2 - a2);
      const j = st.members[k2] as number;
      if (st.locked[k2] === 1 || st.mem[j * st.N + s] === 1 || st.mem[i * st.N + t] === 1) continue;
      if (!st.canSwap(s, i, j, t) || !st.canSwap(t, j, i, s)) continue;
      apply(st, { s, k, j, t, k2 });
      return true;
    }
    const j = m.pool[lo + rng.int(hi - lo)] as number;
    if ((st.useCount[j] as number) > 0) continue;
    if (m.pen[j] === 1 && m.pen[i] === 0) continue;
    if (!st.canSwap(s, i, j)) continue;
    apply(st, { s, k, j, t: -1, k2: -1 });
    return true;
  }
  return false;
}

interface Score {
  readonly violation: number;
  readonly excess: number;
  readonly deviation: number;
  readonly penalised: number;
  readonly overlap: number;
}

function score(st: State): Score {
  return { violation: st.violation(), excess: st.maxExcess(), deviation: st.maxDev(), penalised: st.penCount, overlap: st.overlapUsed() };
}

function better(a: Score, b: Score): boolean {
  if (Math.abs(a.violation - b.violation) > EPS) return a.violation < b.violation;
  if (Math.abs(a.excess - b.excess) > EPS) return a.excess < b.excess;
  if (a.penalised !== b.penalised) return a.penalised < b.penalised;
  if (a.overlap !== b.overlap) return a.overlap < b.overlap;
  return a.deviation < b.deviation - EPS;
}

/** Descent on Σp with kicks; returns the moves made. The state ends in the best solution seen. */
function search(st: State, rng: Random, maxMoves: number): number {
  const N = st.N;
  let moves = 0;
  let best = st.members.slice();
  let bestScore = score(st);
  let kicks = 0;
  let stale = 0;
  const maxKicks = 60 + 20 * N;
  while (moves < maxMoves) {
    let worst = 0;
    let worstE = -1;
    for (let s = 0; s < N; s += 1) {
      const e = st.excess(s);
      if (e > worstE + EPS || (Math.abs(e - worstE) <= EPS && Math.abs(st.dev(s)) > Math.abs(st.dev(worst)))) {
        worst = s;
        worstE = e;
      }
    }
    if (worstE <= 0) break;
    const a = bestPoolMove(st, worst);
    if (a !== undefined && a.excess < worstE - EPS) {
      apply(st, a.move);
      moves += 1;
      continue;
    }
    const b = bestPairMove(st, worst);
    if (b !== undefined && b.excess < worstE - EPS) {
      apply(st, b.move);
      moves += 1;
      continue;
    }
    // Local optimum: remember it, then kick.
    const now = score(st);
    if (better(now, bestScore)) {
      best = st.members.slice();
      bestScore = now;
      stale = 0;
    } else stale += 1;
    if (kicks >= maxKicks || stale > 25) break;
    kicks += 1;
    const strength = 1 + rng.int(3);
    for (let r = 0; r < strength; r += 1) {
      kick(st, worst, rng);
      moves += 1;
    }
  }
  const now = score(st);
  if (better(bestScore, now)) st.load(best);
  return moves;
}

/** Trades penalised and shared items for others while every set keeps its deviation bound. */
function secondary(st: State, maxMoves: number): number {
  const m = st.m;
  const { G } = m;
  const N = st.N;
  let moves = 0;
  if (st.penCount === 0 && st.overlapUsed() === 0) return 0;
  for (let s = 0; s < N && moves < maxMoves; s += 1) {
    for (let k = st.off[s * G] as number; k < (st.off[(s + 1) * G] as number) && moves < maxMoves; k += 1) {
      if (st.locked[k] === 1) continue;
      const i = st.members[k] as number;
      const shared = (st.useCount[i] as number) > 1;
      if (m.pen[i] === 0 && !shared) continue;
      const bound = st.excess(s);
      const g = m.group[i] as number;
      // Candidates nearest in p that are neither penalised nor used elsewhere.
      const lo = m.poolStart[g] as number;
      const hi = m.poolStart[g + 1] as number;
      const want = (m.p[i] as number) + st.dev(s);
      let left = lowerBound(m.poolP, lo, hi, want) - 1;
      let right = left + 1;
      let tried = 0;
      while ((left >= lo || right < hi) && tried < 6) {
        const dl = left >= lo ? want - (m.poolP[left] as number) : Number.POSITIVE_INFINITY;
        const dr = right < hi ? (m.poolP[right] as number) - want : Number.POSITIVE_INFINITY;
        const takeLeft = dl <= dr;
        const j = m.pool[takeLeft ? left : right] as number;
        if (takeLeft) left -= 1;
        else right += 1;
        if (m.pen[j] === 1 || (st.useCount[j] as number) > 0 || !st.canSwap(s, i, j)) continue;
        tried += 1;
        const before = { pen: st.penCount, ovl: st.overlapUsed() };
        st.replace(s, k, j);
        if (st.excess(s) <= bound + EPS) {
          moves += 1;
          break;
        }
        // Compensate with one more swap of set s that brings no penalised or shared item.
        const fix = bestPoolMove(st, s);
        if (fix !== undefined && fix.excess <= bound + EPS && fix.secondary <= 0) {
          const old = st.members[fix.move.k] as number;
          apply(st, fix.move);
          if (st.penCount < before.pen || (st.penCount === before.pen && st.overlapUsed() < before.ovl)) {
            moves += 2;
            break;
          }
          st.replace(s, fix.move.k, old);
        }
        st.replace(s, k, i);
      }
    }
  }
  return moves;
}


// ---------------------------------------------------------------------------------------------------
// The engine.
// ---------------------------------------------------------------------------------------------------

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
