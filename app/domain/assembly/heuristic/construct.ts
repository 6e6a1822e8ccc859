/**
 * Construction (step 3 of the header in index.ts): pinned items, the 鉴定点 minimums, then the groups,
 * scarcest first, slot by slot in round robin over the sets, each slot taking the pool item nearest
 * its set's pro-rata target at the least cost.
 */
import type { Random } from '../random.js';
import { lowerBound, NO_LIMIT } from './numeric.js';
import { pointPlan } from './point-plan.js';
import type { State } from './state.js';

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
  const cap = m.capOf[pt] as number;
  if ((st.pcnt[s * m.P + pt] as number) >= cap) hard += 1;
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
  if (cap < NO_LIMIT && cap > 0) pref += (0.3 * (st.pcnt[s * m.P + pt] as number)) / cap;
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

export function construct(st: State, rng: Random, noisy: boolean, planned = false): boolean {
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
