/**
 * The per-set counters of the search state (sets, 鉴定点, X/Z, enemies, shared items, bands, points)
 * kept up to date item by item, the integer violation they add up to, and the O(1) evaluation of a
 * swap from them (`deltaSwap`, `canSwap`) without applying it. `State` (state.ts) adds the slots.
 */
import type { Model } from './model.js';
import { POINTS_EPS } from './numeric.js';

export class Counters {
  readonly N: number;
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
  /** Items per set and band slot, and the exact band quotas (−1 = free). */
  readonly bandCnt: Int32Array;
  readonly bandQ: Int32Array;

  constructor(readonly m: Model) {
    const { N, M, P } = m;
    this.N = N;
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
    if (c > (m.capOf[pt] as number)) v += 2;
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
    if (c > (m.capOf[pt] as number)) v -= 2;
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
      if (ci > (m.capOf[pi] as number)) d -= 2;
      if (cj >= (m.capOf[pj] as number)) d += 2;
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
      if ((this.pcnt[s * m.P + pj] as number) + 1 > (m.capOf[pj] as number)) return false;
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

  overlapUsed(): number {
    let n = 0;
    for (let s = 0; s < this.N; s += 1) for (let t = s + 1; t < this.N; t += 1) n += this.shared[s * this.N + t] as number;
    return n;
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
