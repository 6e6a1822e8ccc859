/**
 * Near-duplicate detection for item texts (issue [C] part 6): MinHash + LSH to find candidate pairs
 * without comparing every pair, then the exact Jaccard similarity of the shingle sets for each
 * candidate. Pure and deterministic: the same candidates and options always give the same pairs.
 *
 * Pass `itemComparisonText(item)` (fingerprint.ts) as the text of a theory item; any other text is
 * accepted too, it is normalised here again (`toComparisonText` is idempotent). Texts that normalise to
 * nothing (empty, only punctuation) are never paired. Parameter choice: DEFAULT_SIMILARITY_OPTIONS.
 */
import {
  bandKeys,
  createMinHashFamily,
  DEFAULT_MINHASH_SEED,
  DEFAULT_SHINGLE_SIZE,
  jaccard,
  minHashSignature,
  shingleHashes,
  shingles,
} from './minhash.js';
import { toComparisonText } from '../text/normalise.js';

export interface SimilarityCandidate {
  readonly id: number;
  readonly text: string;
}

/** Two items found alike: `a < b` (ids), `score` the exact Jaccard similarity of their shingle sets. */
export interface DuplicatePair {
  readonly a: number;
  readonly b: number;
  readonly score: number;
  /** `exact` when the normalised texts are equal (score 1), else `near`. */
  readonly kind: 'exact' | 'near';
}

/** A pair found when importing: `a` is always the incoming item, `b` the item it duplicates. */
export interface ImportDuplicatePair extends DuplicatePair {
  /** Where `b` lives: in the bank (`existing`) or in the same import (`incoming`, exact only). */
  readonly against: 'existing' | 'incoming';
}

export interface SimilarityOptions {
  /** Least Jaccard similarity of the shingle sets for a pair to be reported (0–1; default 0.65). */
  readonly threshold?: number;
  /** Shingle length in characters. */
  readonly shingle?: number;
  /** LSH bands b. */
  readonly bands?: number;
  /** LSH rows per band r; the signature has b·r MinHash values. */
  readonly rows?: number;
  /** Seed of the MinHash family. */
  readonly seed?: number;
}

/**
 * Defaults, chosen on scripts/bench/duplicates.mjs (10 000 items built from the 652 sample items, bases
 * pairwise < 0.5 similar, 500 planted rewordings) and on the sample bank itself:
 *
 * - shingle 2: character bigrams (a Chinese word is mostly two characters). Measured alternatives:
 *   single characters ignore word order, so items on one topic look alike — at threshold 0.65 they
 *   pair 8 of the real sample items and precision falls to 92 % (19 % at 0.5); they need 0.8 and leave
 *   little room either side. Trigrams lose 3 shingles per edited character: 92 % recall at 0.65.
 * - threshold 0.65 (the issue suggested 0.7). A planted rewording (1–3 characters, a synonym, two
 *   clauses swapped, the blank moved; options shuffled; punctuation and width changed) keeps a median
 *   0.89 of the bigrams of stem + options, but a 3-character edit of a 15-character 判断题 stem falls
 *   to ≈ 0.6. Over six generator seeds the planted pairs found were: threshold 0.7 → 94.0–96.8 %
 *   (below the 95 % target for one seed), 0.65 → 96.6–99.2 %, 0.6 → 98.4–99.6 %. Among the 652
 *   hand-written sample items 0.65 pairs nothing, 0.6 one pair (two AutoCAD coordinate items),
 *   0.5 six pairs of distinct but related items. 0.65 keeps recall above target with margin and
 *   raises no false alarm on real items.
 * - b = 32 bands × r = 4 rows = 128 MinHash values. The S-curve P(s) = 1 − (1 − s^4)^32 is steepest
 *   near (1/32)^(1/4) ≈ 0.42, well below the threshold, so LSH itself loses almost nothing above it:
 *   P = 0.9998 at s = 0.7, 0.998 at 0.65, 0.988 at 0.6, 0.87 at 0.5, 0.23 at 0.3, 0.05 at 0.2 and
 *   0.003 at 0.1 (typical unrelated items: s ≈ 0.05–0.15). Every candidate, wanted or not, costs
 *   one exact set intersection of ~60 bigrams, which is cheap. Alternatives measured:
 *   16 × 8 (midpoint 0.71) has P(0.65) = 0.40 and would lose most pairs near the threshold;
 *   20 × 5 is twice as fast but P(0.65) = 0.92 (one planted pair lost to LSH);
 *   42 × 3 and 64 × 2 find nothing more and take 1.3× and 3.4× as long.
 *   With 32 × 4: 10 000 items in 0.6–0.9 s on the 2-core build machine.
 */
export const DEFAULT_SIMILARITY_OPTIONS = {
  threshold: 0.65,
  shingle: DEFAULT_SHINGLE_SIZE,
  bands: 32,
  rows: 4,
  seed: DEFAULT_MINHASH_SEED,
} as const satisfies Required<SimilarityOptions>;

function resolve(options: SimilarityOptions = {}): Required<SimilarityOptions> {
  const o = { ...DEFAULT_SIMILARITY_OPTIONS, ...options };
  if (!(o.threshold >= 0 && o.threshold <= 1)) throw new RangeError(`相似度阈值必须在 0 到 1 之间（收到 ${o.threshold}）`);
  for (const [name, value] of [
    ['分片长度', o.shingle],
    ['LSH 分带数', o.bands],
    ['LSH 每带行数', o.rows],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name}必须是正整数（收到 ${value}）`);
  }
  return o;
}

/** Normalised texts, their band keys (flat: item i's band j at i·bands + j) and lazily their shingle sets. */
interface Prepared {
  readonly ids: readonly number[];
  readonly texts: readonly string[];
  /** Items with at least one shingle (the others are never paired). */
  readonly indexed: readonly number[];
  readonly keys: Uint32Array;
  readonly sets: (Set<string> | undefined)[];
}

function prepare(candidates: readonly SimilarityCandidate[], o: Required<SimilarityOptions>): Prepared {
  const family = createMinHashFamily(o.bands * o.rows, o.seed);
  const ids = candidates.map((c) => c.id);
  const texts = candidates.map((c) => toComparisonText(c.text));
  const keys = new Uint32Array(texts.length * o.bands);
  const indexed: number[] = [];
  texts.forEach((text, i) => {
    const hashes = shingleHashes(text, o.shingle);
    if (hashes.length === 0) return;
    indexed.push(i);
    keys.set(bandKeys(minHashSignature(hashes, family), o.bands, o.rows), i * o.bands);
  });
  return { ids, texts, indexed, keys, sets: new Array<Set<string> | undefined>(texts.length) };
}

function shingleSet(p: Prepared, i: number, n: number): Set<string> {
  let set = p.sets[i];
  if (set === undefined) {
    set = new Set(shingles(p.texts[i] ?? '', n));
    p.sets[i] = set;
  }
  return set;
}

/** Exact check of a candidate pair: the pair, ids ordered, if its Jaccard similarity reaches the threshold. */
function verify(p: Prepared, q: Prepared, i: number, j: number, o: Required<SimilarityOptions>): DuplicatePair | undefined {
  const idA = p.ids[i] ?? 0;
  const idB = q.ids[j] ?? 0;
  if (idA === idB && p === q) return undefined;
  const exact = p.texts[i] === q.texts[j];
  const score = exact ? 1 : jaccard(shingleSet(p, i, o.shingle), shingleSet(q, j, o.shingle));
  if (score < o.threshold) return undefined;
  return { a: Math.min(idA, idB), b: Math.max(idA, idB), score, kind: exact ? 'exact' : 'near' };
}

const byScoreThenIds = (x: DuplicatePair, y: DuplicatePair): number => y.score - x.score || x.a - y.a || x.b - y.b;
const byScoreIdsThenSource = (x: ImportDuplicatePair, y: ImportDuplicatePair): number =>
  byScoreThenIds(x, y) || x.against.localeCompare(y.against);

/** Keeps one pair per (a, b) — the same id may be given twice — with its best score. */
function distinct<T extends DuplicatePair>(pairs: readonly T[], key: (p: T) => string): T[] {
  const best = new Map<string, T>();
  for (const p of pairs) {
    const k = key(p);
    const seen = best.get(k);
    if (seen === undefined || p.score > seen.score) best.set(k, p);
  }
  return [...best.values()];
}

/**
 * All pairs of candidates whose normalised texts share at least `threshold` of their shingles
 * (Jaccard), found through MinHash/LSH (so a pair far below the S-curve's midpoint may be missed,
 * one above the threshold practically never), scored exactly, sorted by score descending, then by ids.
 */
export function findNearDuplicates(candidates: readonly SimilarityCandidate[], options?: SimilarityOptions): DuplicatePair[] {
  const o = resolve(options);
  const p = prepare(candidates, o);
  const n = candidates.length;
  const checked = new Set<number>();
  const pairs: DuplicatePair[] = [];
  for (let band = 0; band < o.bands; band++) {
    const buckets = new Map<number, number[]>();
    for (const i of p.indexed) {
      const key = p.keys[i * o.bands + band] ?? 0;
      const bucket = buckets.get(key);
      if (bucket === undefined) {
        buckets.set(key, [i]);
        continue;
      }
      for (const j of bucket) {
        const pairKey = j * n + i; // j < i: indices enter buckets in increasing order
        if (checked.has(pairKey)) continue;
        checked.add(pairKey);
        const pair = verify(p, p, j, i, o);
        if (pair !== undefined) pairs.push(pair);
      }
      bucket.push(i);
    }
  }
  return distinct(pairs, (x) => `${x.a}:${x.b}`).sort(byScoreThenIds);
}

/**
 * Import-time check: pairs between an incoming item and an existing one (near or exact), plus exact
 * duplicates within the incoming items. In each pair `a` is the incoming id; `b` is the existing id
 * (`against: 'existing'`) or, for two incoming items, the larger incoming id (`against: 'incoming'`).
 * Pairs among existing items are not reported. Sorted by score descending, then by ids.
 */
export function findDuplicatesAgainst(
  incoming: readonly SimilarityCandidate[],
  existing: readonly SimilarityCandidate[],
  options?: SimilarityOptions,
): ImportDuplicatePair[] {
  const o = resolve(options);
  const inc = prepare(incoming, o);
  const ext = prepare(existing, o);
  const m = existing.length;
  const pairs: ImportDuplicatePair[] = [];

  const checked = new Set<number>();
  for (let band = 0; band < o.bands; band++) {
    const buckets = new Map<number, number[]>();
    for (const j of ext.indexed) {
      const key = ext.keys[j * o.bands + band] ?? 0;
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [j]);
      else bucket.push(j);
    }
    for (const i of inc.indexed) {
      for (const j of buckets.get(inc.keys[i * o.bands + band] ?? 0) ?? []) {
        const pairKey = i * m + j;
        if (checked.has(pairKey)) continue;
        checked.add(pairKey);
        const pair = verify(inc, ext, i, j, o);
        if (pair !== undefined) pairs.push({ ...pair, a: inc.ids[i] ?? 0, b: ext.ids[j] ?? 0, against: 'existing' });
      }
    }
  }

  const groups = new Map<string, number[]>();
  for (const i of inc.indexed) {
    const text = inc.texts[i] ?? '';
    const group = groups.get(text);
    if (group === undefined) groups.set(text, [i]);
    else group.push(i);
  }
  for (const group of groups.values()) {
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const a = inc.ids[group[x] ?? 0] ?? 0;
        const b = inc.ids[group[y] ?? 0] ?? 0;
        if (a !== b) pairs.push({ a: Math.min(a, b), b: Math.max(a, b), score: 1, kind: 'exact', against: 'incoming' });
      }
    }
  }
  return distinct(pairs, (x) => `${x.against}:${x.a}:${x.b}`).sort(byScoreIdsThenSource);
}
