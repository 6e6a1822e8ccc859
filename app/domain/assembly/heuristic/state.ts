/**
 * The search state: the slots of every set (one range per set and group, filled by the construction)
 * on top of the counters (counters.ts), and the swap (`Move`) that the repair and the exchange search
 * apply to it.
 */
import { Counters } from './counters.js';
import type { Model } from './model.js';

export class State extends Counters {
  /** Slot ranges: slots of set s and group g are off[s*G+g] … off[s*G+g+1]. */
  readonly off: Int32Array;
  readonly members: Int32Array;
  readonly locked: Uint8Array;
  /** Σ of the group means of the slots still empty, and their number, per set (for the pro-rata targets). */
  readonly remExp: Float64Array;
  readonly remSlots: Int32Array;

  constructor(
    m: Model,
    readonly q: Int32Array,
  ) {
    super(m);
    const { N, G } = m;
    this.off = new Int32Array(N * G + 1);
    for (let k = 0; k < N * G; k += 1) this.off[k + 1] = (this.off[k] as number) + (q[k] as number);
    const slots = this.off[N * G] as number;
    this.members = new Int32Array(slots).fill(-1);
    this.locked = new Uint8Array(slots);
    this.remExp = new Float64Array(N);
    this.remSlots = new Int32Array(N);
    for (let s = 0; s < N; s += 1) {
      let exp = 0;
      for (let g = 0; g < G; g += 1) exp += (q[s * G + g] as number) * (m.groupMean[g] as number);
      this.remExp[s] = exp;
      this.remSlots[s] = (this.off[(s + 1) * G] as number) - (this.off[s * G] as number);
    }
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
}

export interface Move {
  s: number;
  k: number;
  j: number;
  /** Second set of a two-set swap, or −1. */
  t: number;
  k2: number;
}

/** Applies a swap: slot k of set s takes j; with a second set t, slot k2 of t takes the item s gave up. */
export function apply(st: State, move: Move): void {
  const i = st.members[move.k] as number;
  st.replace(move.s, move.k, move.j);
  if (move.t >= 0) st.replace(move.t, move.k2, i);
}
