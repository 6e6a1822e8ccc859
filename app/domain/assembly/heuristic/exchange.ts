/**
 * Exchange search on Σp (step 5 of the header in index.ts) and the secondary goals (step 6): swaps
 * within one group that keep every count exact and every hard constraint, with seeded kicks at local
 * optima; then penalised and shared items traded for others while no set's deviation grows.
 */
import type { Random } from '../random.js';
import { EPS, lowerBound } from './numeric.js';
import { apply, type Move, type State } from './state.js';

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

export interface Score {
  readonly violation: number;
  readonly excess: number;
  readonly deviation: number;
  readonly penalised: number;
  readonly overlap: number;
}

export function score(st: State): Score {
  return { violation: st.violation(), excess: st.maxExcess(), deviation: st.maxDev(), penalised: st.penCount, overlap: st.overlapUsed() };
}

export function better(a: Score, b: Score): boolean {
  if (Math.abs(a.violation - b.violation) > EPS) return a.violation < b.violation;
  if (Math.abs(a.excess - b.excess) > EPS) return a.excess < b.excess;
  if (a.penalised !== b.penalised) return a.penalised < b.penalised;
  if (a.overlap !== b.overlap) return a.overlap < b.overlap;
  return a.deviation < b.deviation - EPS;
}

/** Descent on Σp with kicks; returns the moves made. The state ends in the best solution seen. */
export function search(st: State, rng: Random, maxMoves: number): number {
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
export function secondary(st: State, maxMoves: number): number {
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
