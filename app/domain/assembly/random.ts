/**
 * A small seeded pseudo-random generator for the assembly engine, the synthetic banks and their tests.
 * The domain never calls Math.random: the same problem and seed must give the same sets.
 *
 * Generator: mulberry32 (Tommy Ettinger) — 32 bits of state, period 2^32, passes gjrand/PractRand
 * far beyond what a few thousand draws per assembly need. Seeds of any number (negative, fractional,
 * beyond 2^32) are first folded into 32 bits with a splitmix-style mix, so nearby seeds give unrelated
 * streams.
 */

/** Folds any number (and an optional salt, e.g. a restart number) into a well-mixed 32-bit seed. */
export function mixSeed(seed: number, salt = 0): number {
  const x = Number.isFinite(seed) ? seed : 0;
  const lo = x >>> 0;
  const hi = Math.floor(x / 4294967296) >>> 0;
  const frac = Math.floor((x - Math.floor(x)) * 4294967296) >>> 0;
  let h = Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ hi, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ frac, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15) ^ Math.imul(salt >>> 0, 0x165667b1), 0x85ebca77);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Random {
  private state: number;

  constructor(seed: number, salt = 0) {
    this.state = mixSeed(seed, salt);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform whole number in [0, n); 0 when n ≤ 1. */
  int(n: number): number {
    return n <= 1 ? 0 : Math.floor(this.next() * Math.floor(n));
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An element of a non-empty array. */
  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new RangeError('pick from an empty array');
    return values[this.int(values.length)] as T;
  }

  /** Shuffles in place (Fisher–Yates) and returns the array (plain or typed). */
  shuffle<A extends { length: number; [index: number]: unknown }>(values: A): A {
    for (let i = values.length - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      const a = values[i];
      values[i] = values[j];
      values[j] = a;
    }
    return values;
  }
}
