/**
 * The indexed model of the heuristic (step 1 of the header in index.ts): the pool of eligible items,
 * indexed 0 … M−1 in typed arrays sorted by (group, p); enemies, items per 鉴定点 and the pools per
 * group as CSR arrays; the per-set limits and targets.
 */
import type { Eligibility } from '../eligibility.js';
import { cellKey, pointCapOf, type AssemblyProblem } from '../problem.js';
import { NO_LIMIT } from './numeric.js';

export interface Model {
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
  /** Cap of each 鉴定点 (by point index) per set: its own (`pointCaps`) or the paper's; NO_LIMIT when none. */
  readonly capOf: Int32Array;
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

export function buildModel(problem: AssemblyProblem, usable: Eligibility): Model {
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
  const wholeCap = (cap: number) => (Number.isNaN(cap) ? NO_LIMIT : Math.max(0, Math.min(NO_LIMIT, Math.floor(cap))));
  const capOf = new Int32Array(P);
  for (const [code, pt] of pointIndex) capOf[pt] = wholeCap(pointCapOf(problem, code));
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
    capOf,
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
