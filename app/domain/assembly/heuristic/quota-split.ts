/**
 * Quota split over difficulty bands (step 2 of the header in index.ts): each set's cell quotas are
 * split over the bands by min-cost flows (cells → bands).
 */
import { TransportFlow } from '../min-cost-flow.js';
import type { Random } from '../random.js';
import type { Model } from './model.js';
import { NO_LIMIT, SCALE } from './numeric.js';

const BIG = 1e12;
const REUSE_COST = 1e9;
const PENALISED_COST = 1e8;

/**
 * q[s * G + g]: items of group g in set s; null when no split exists. With `softBands` the band totals
 * become a preference (every unit off its band costs BIG) instead of a requirement: the fallback when
 * no exact split is found — the 3-index split (sets × cells × bands within the pool) is not a network
 * flow, so the set-by-set flows can miss a split that exists — and the repair then mends the bands
 * with swaps across bands within a cell.
 */
export function splitQuotas(m: Model, rng?: Random, softBands = false): Int32Array | null {
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
  // Per set and group at most Σ over points of min(the point's cap, items of the point in the group).
  const capBound = new Int32Array(G);
  for (let g = 0; g < G; g += 1) {
    const perPoint = new Map<number, number>();
    for (let k = m.poolStart[g] as number; k < (m.poolStart[g + 1] as number); k += 1) {
      const pt = m.point[m.pool[k] as number] as number;
      perPoint.set(pt, (perPoint.get(pt) ?? 0) + 1);
    }
    let total = 0;
    for (const [pt, n] of perPoint) total += Math.min(m.capOf[pt] as number, n);
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
