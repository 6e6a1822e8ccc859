/**
 * Sets of item ids as blocks of 4096 ids (block = id >> 12, offset = id & 4095), the shape of the
 * search index's gram postings and filter bitmaps (migrations 0100 and 0170). A stored block is
 * either an array of 16-bit little-endian offsets (fewer than 256 items, 2–510 bytes; the program
 * writes them in ascending order) or a 512-byte bitmap (bit n of byte k = offset 8k + n). In memory
 * a block is 128 32-bit words, so sets intersect word by word and count by population count.
 */

export const BLOCK_BITS = 12;
export const BLOCK_MASK = (1 << BLOCK_BITS) - 1;
export const WORDS = (1 << BLOCK_BITS) / 32;
const BITMAP_BYTES = WORDS * 4;
/** Blocks with fewer items are stored as arrays of 16-bit offsets (2 bytes each, < BITMAP_BYTES). */
export const ARRAY_LIMIT = BITMAP_BYTES / 2;

/** Item ids as bitmaps of 4096 ids per block. */
export type IdSet = Map<number, Uint32Array>;

function popcount(word: number): number {
  let w = word - ((word >>> 1) & 0x55555555);
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (Math.imul((w + (w >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function blockCount(words: Uint32Array): number {
  let n = 0;
  for (const w of words) if (w !== 0) n += popcount(w);
  return n;
}

/** ORs the ids of a stored block into `words` (a block may be stored in several parts). */
export function decodeInto(words: Uint32Array, blob: Uint8Array): Uint32Array {
  if (blob.length === BITMAP_BYTES) {
    for (let k = 0; k < WORDS; k++) {
      const at = 4 * k;
      words[k] = ((words[k] ?? 0) | (blob[at] ?? 0) | ((blob[at + 1] ?? 0) << 8) | ((blob[at + 2] ?? 0) << 16) | ((blob[at + 3] ?? 0) << 24)) >>> 0;
    }
  } else {
    for (let k = 0; k + 1 < blob.length; k += 2) {
      const offset = (blob[k] ?? 0) | ((blob[k + 1] ?? 0) << 8);
      words[offset >>> 5] = ((words[offset >>> 5] ?? 0) | (1 << (offset & 31))) >>> 0;
    }
  }
  return words;
}

export const decodeBlock = (blob: Uint8Array): Uint32Array => decodeInto(new Uint32Array(WORDS), blob);

/** The stored form of a block, or undefined when it holds no item. */
export function encodeBlock(words: Uint32Array): Buffer | undefined {
  const n = blockCount(words);
  if (n === 0) return undefined;
  if (n >= ARRAY_LIMIT) {
    const blob = Buffer.alloc(BITMAP_BYTES);
    for (let k = 0; k < WORDS; k++) {
      const w = words[k] ?? 0;
      blob[4 * k] = w & 0xff;
      blob[4 * k + 1] = (w >>> 8) & 0xff;
      blob[4 * k + 2] = (w >>> 16) & 0xff;
      blob[4 * k + 3] = w >>> 24;
    }
    return blob;
  }
  const blob = Buffer.alloc(2 * n);
  let at = 0;
  for (let k = 0; k < WORDS; k++) {
    for (let w = words[k] ?? 0; w !== 0; w &= w - 1) {
      const offset = k * 32 + (31 - Math.clz32(w & -w));
      blob[at++] = offset & 0xff;
      blob[at++] = offset >>> 8;
    }
  }
  return blob;
}

export function setBit(words: Uint32Array, offset: number, on: boolean): void {
  const k = offset >>> 5;
  const bit = 1 << (offset & 31);
  words[k] = (on ? (words[k] ?? 0) | bit : (words[k] ?? 0) & ~bit) >>> 0;
}

/** Adds or removes one id. */
export function setId(set: IdSet, id: number, on: boolean): void {
  const block = Math.floor(id / (1 << BLOCK_BITS));
  let words = set.get(block);
  if (!words) {
    if (!on) return;
    set.set(block, (words = new Uint32Array(WORDS)));
  }
  setBit(words, id & BLOCK_MASK, on);
}

export function idSetOf(ids: Iterable<number>): IdSet {
  const set: IdSet = new Map();
  for (const id of ids) setId(set, id, true);
  return set;
}

export function intersect(a: IdSet, b: IdSet): IdSet {
  const result: IdSet = new Map();
  for (const [block, x] of a) {
    const y = b.get(block);
    if (!y) continue;
    const words = new Uint32Array(WORDS);
    let any = 0;
    for (let k = 0; k < WORDS; k++) any |= words[k] = ((x[k] ?? 0) & (y[k] ?? 0)) >>> 0;
    if (any !== 0) result.set(block, words);
  }
  return result;
}

export function sizeOf(set: IdSet): number {
  let n = 0;
  for (const words of set.values()) n += blockCount(words);
  return n;
}

/** The ids in ascending order, skipping `offset` and stopping after `limit`. */
export function idsOf(set: IdSet, offset = 0, limit = Infinity): number[] {
  const ids: number[] = [];
  let skip = offset;
  for (const block of [...set.keys()].sort((a, b) => a - b)) {
    const words = set.get(block) ?? new Uint32Array(WORDS);
    let n = blockCount(words);
    if (skip >= n) {
      skip -= n;
      continue;
    }
    for (let k = 0; k < WORDS && n > 0; k++) {
      for (let w = words[k] ?? 0; w !== 0; w &= w - 1, n--) {
        if (ids.length >= limit) return ids;
        if (skip > 0) skip--;
        else ids.push(block * (1 << BLOCK_BITS) + k * 32 + (31 - Math.clz32(w & -w)));
      }
    }
  }
  return ids;
}
