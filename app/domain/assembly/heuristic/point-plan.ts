/**
 * The 鉴定点 plan used by the construction on restarts (step 7 of the header in index.ts): per set a
 * min-cost flow importance → 鉴定点 → groups that meets the caps, minimums and X/Z bounds.
 */
import { TransportFlow } from '../min-cost-flow.js';
import type { Random } from '../random.js';
import { NO_LIMIT, SCALE } from './numeric.js';
import type { State } from './state.js';

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
export function pointPlan(st: State, next: Int32Array, rng: Random): Map<number, number> {
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
      const room = Math.max(0, Math.min(NO_LIMIT, m.capOf[pt] as number) - have);
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
