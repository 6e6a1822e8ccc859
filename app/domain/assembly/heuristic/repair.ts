/**
 * Repair of hard violations (step 4 of the header in index.ts): tabu search on the total violation
 * with swaps within a cell, evaluated from the counters.
 */
import type { Random } from '../random.js';
import { EPS } from './numeric.js';
import { apply, type Move, type State } from './state.js';

/** Does the item in slot k of set s take part in a hard violation? */
function implicated(st: State, s: number, k: number): boolean {
  const m = st.m;
  const i = st.members[k] as number;
  const pt = m.point[i] as number;
  if ((st.pcnt[s * m.P + pt] as number) > (m.capOf[pt] as number)) return true;
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
export function repair(st: State, rng: Random, budget: number, work: { left: number }): number {
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
