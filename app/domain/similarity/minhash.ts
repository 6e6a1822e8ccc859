/**
 * Character shingles, MinHash signatures and LSH banding (issue [C] part 6), in pure TypeScript
 * (32-bit arithmetic with `Math.imul`, no Node crypto) so that the domain stays free of I/O and the
 * same input always gives the same signature on every machine.
 *
 * References: A. Z. Broder, "On the resemblance and containment of documents" (1997) for MinHash —
 * P[min h(A) = min h(B)] = J(A, B) for a random permutation h; Leskovec, Rajaraman, Ullman,
 * "Mining of Massive Datasets", ch. 3.4 for banding — with b bands of r rows a pair of similarity s
 * shares at least one band with probability 1 − (1 − s^r)^b (the S-curve).
 * Hashing: MurmurHash3 x86_32 by Austin Appleby (public domain).
 */

/** Character bigrams: a Chinese word is mostly two characters, so bigrams capture wording well. */
export const DEFAULT_SHINGLE_SIZE = 2;

/** Seed of the hash family; fixed, so signatures are comparable across runs and machines. */
export const DEFAULT_MINHASH_SEED = 0x5eed_c0de;

/** MurmurHash3's 32-bit finaliser: a bijection on 32-bit integers with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MurmurHash3 x86_32 over `length` 32-bit blocks of `blocks` starting at `start` (for text: one
 * block per code point, so no tail handling is needed). Returns an unsigned 32-bit integer.
 */
export function murmur3Blocks(blocks: ArrayLike<number>, start: number, length: number, seed: number): number {
  let h = seed | 0;
  for (let i = start; i < start + length; i++) {
    let k = Math.imul(blocks[i] ?? 0, 0xcc9e_2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b87_3593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe654_6b64) | 0;
  }
  return fmix32(h ^ (length * 4));
}

const codePoints = (text: string): number[] => Array.from(text, (c) => c.codePointAt(0) ?? 0);

/** Calls `visit(start, length)` for each shingle position; a text shorter than `n` is one shingle. */
function forEachShingle(count: number, n: number, visit: (start: number, length: number) => void): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`分片长度必须是正整数（收到 ${n}）`);
  if (count === 0) return;
  if (count < n) return visit(0, count);
  for (let i = 0; i + n <= count; i++) visit(i, n);
}

/**
 * The set of character n-grams of a text (by code point), as strings in first-occurrence order.
 * A non-empty text shorter than `n` is a single shingle (itself); the empty text has none.
 */
export function shingles(text: string, n: number = DEFAULT_SHINGLE_SIZE): string[] {
  const chars = Array.from(text);
  const seen = new Set<string>();
  forEachShingle(chars.length, n, (start, length) => {
    seen.add(chars.slice(start, start + length).join(''));
  });
  return [...seen];
}

/** The shingles of a text as sorted, distinct 32-bit MurmurHash3 values (the input of MinHash). */
export function shingleHashes(text: string, n: number = DEFAULT_SHINGLE_SIZE): Uint32Array {
  const cps = codePoints(text);
  const hashes: number[] = [];
  forEachShingle(cps.length, n, (start, length) => {
    hashes.push(murmur3Blocks(cps, start, length, 0));
  });
  const sorted = Uint32Array.from(hashes).sort();
  let w = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[w - 1]) sorted[w++] = sorted[i] ?? 0;
  return sorted.slice(0, w);
}

/** Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two sets; two empty sets count as identical (1). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return common / (a.size + b.size - common);
}

/**
 * k hash functions h_i(x) = fmix32(a_i·x + b_i mod 2^32) with odd a_i: each is a permutation of the
 * 32-bit integers (odd multiplication, addition and fmix32 are all bijective), which is what MinHash
 * needs. a_i and b_i come from a SplitMix32 stream started at `seed`.
 */
export interface MinHashFamily {
  readonly size: number;
  readonly seed: number;
  readonly multipliers: Uint32Array;
  readonly increments: Uint32Array;
}

/** SplitMix32 (Steele, Lea, Flood 2014, 32-bit variant): a deterministic stream of seeds. */
function splitMix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e37_79b9) | 0;
    return fmix32(state);
  };
}

export function createMinHashFamily(size: number, seed: number = DEFAULT_MINHASH_SEED): MinHashFamily {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`MinHash 函数个数必须是正整数（收到 ${size}）`);
  const next = splitMix32(seed);
  const multipliers = new Uint32Array(size);
  const increments = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    multipliers[i] = (next() | 1) >>> 0;
    increments[i] = next();
  }
  return { size, seed, multipliers, increments };
}

/**
 * The MinHash signature of a shingle-hash set: for each function, the least hash value over the set.
 * The empty set gives all 0xFFFFFFFF. Two signatures agree in a position with probability ≈ Jaccard.
 */
export function minHashSignature(hashes: ArrayLike<number>, family: MinHashFamily): Uint32Array {
  const { size, multipliers, increments } = family;
  const signature = new Uint32Array(size).fill(0xffff_ffff);
  for (let s = 0; s < hashes.length; s++) {
    const x = hashes[s] ?? 0;
    for (let i = 0; i < size; i++) {
      const v = fmix32((Math.imul(x, multipliers[i] ?? 1) + (increments[i] ?? 0)) | 0);
      if (v < (signature[i] ?? 0)) signature[i] = v;
    }
  }
  return signature;
}

/** The share of positions in which two signatures agree: an unbiased estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError('两个 MinHash 签名长度不同，无法比较');
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

/**
 * LSH banding: the signature is cut into `bands` bands of `rows` rows and each band hashed to one
 * 32-bit bucket key (seeded by the band number). Items sharing a key in any band are candidates.
 * (Two different bands rarely hash alike; if they do, it only adds a candidate that is then checked.)
 */
export function bandKeys(signature: Uint32Array, bands: number, rows: number): Uint32Array {
  if (bands * rows > signature.length) throw new RangeError(`签名长度 ${signature.length} 小于 ${bands}×${rows}`);
  const keys = new Uint32Array(bands);
  for (let band = 0; band < bands; band++) keys[band] = murmur3Blocks(signature, band * rows, rows, band);
  return keys;
}

/** The S-curve: probability that a pair of Jaccard similarity s becomes a candidate, 1 − (1 − s^r)^b. */
export function candidateProbability(similarity: number, bands: number, rows: number): number {
  return 1 - (1 - similarity ** rows) ** bands;
}

/** The similarity where the S-curve is steepest, ≈ (1/b)^(1/r). */
export function lshThreshold(bands: number, rows: number): number {
  return (1 / bands) ** (1 / rows);
}
