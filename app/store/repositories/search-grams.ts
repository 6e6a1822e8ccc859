/**
 * The unigrams and bigrams of normalised texts, and the changes to their posting blocks that turn
 * the texts an index holds into new ones (written by search-index.ts). Indexing a batch of
 * thousands of items goes through every character, so this is written for speed: grams are
 * numbers, a block's grams are found through a hash table over typed arrays, and their offsets
 * are grouped by a counting sort into one typed array — no Map of strings, no array per gram.
 */
import { BLOCK_BITS, BLOCK_MASK } from './search-blocks.js';

/**
 * A unigram or bigram as one number, ordered like its text (UTF-8 order is code point order):
 * unigram c → c·K, bigram (a, b) → a·K + b + 1; below 2^41, so exact in a double.
 */
const K = 0x110001;

function gramText(key: number): string {
  const first = Math.floor(key / K);
  const second = key - first * K;
  return second === 0 ? String.fromCodePoint(first) : String.fromCodePoint(first, second - 1);
}

/** The code point at `i` of `text` and the index after it. */
function codePointAt(text: string, i: number): [number, number] {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low < 0xe000) return [0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00), i + 2];
  }
  return [c, i + 1];
}

/** The distinct gram keys of a text, sorted. */
function gramKeys(text: string): Float64Array {
  const keys = new Float64Array(2 * text.length);
  let n = 0;
  let previous = -1;
  for (let i = 0; i < text.length; ) {
    const [c, next] = codePointAt(text, i);
    keys[n++] = c * K;
    if (previous >= 0) keys[n++] = previous * K + c + 1;
    previous = c;
    i = next;
  }
  const sorted = keys.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i] ?? 0;
  return sorted.subarray(0, distinct);
}

/**
 * The bits to set and clear in the block of one gram: `values[from … to)`, in ascending order of
 * item, are offsets to set (≥ 0) or to clear (−1 − offset); an offset to set may repeat.
 */
export interface GramChange {
  readonly gram: string;
  readonly values: Int32Array;
  readonly from: number;
  readonly to: number;
}

/** The gram changes of one block, gathered item by item (in ascending order of id). */
class BlockTable {
  /** Open addressing: slot → entry, entry → key. */
  private slots = new Int32Array(1 << 12).fill(-1);
  private keys = new Float64Array(1 << 11);
  private size = 0;
  /** Every (entry, value) pushed, in order. */
  private entries = new Int32Array(1 << 14);
  private values = new Int32Array(1 << 14);
  private count = 0;

  /** Sets the bits of every gram of `text` (the hot path of a batch of new texts). */
  addText(text: string, offset: number): void {
    let previous = -1;
    for (let i = 0; i < text.length; ) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00) {
        const [cp, next] = codePointAt(text, i);
        this.push(cp * K, offset);
        if (previous >= 0) this.push(previous * K + cp + 1, offset);
        previous = cp;
        i = next;
        continue;
      }
      this.push(c * K, offset);
      if (previous >= 0) this.push(previous * K + c + 1, offset);
      previous = c;
      i++;
    }
  }

  /** Sets the bits of the grams only `after` has and clears those only `before` has. */
  replaceText(before: string, after: string, offset: number): void {
    const old = gramKeys(before);
    const now = gramKeys(after);
    // Both key lists are sorted: one merge walk finds what only one of them has.
    let i = 0;
    let j = 0;
    while (i < old.length || j < now.length) {
      const a = i < old.length ? (old[i] ?? 0) : Infinity;
      const b = j < now.length ? (now[j] ?? 0) : Infinity;
      if (a === b) {
        i++;
        j++;
      } else if (a < b) {
        this.push(a, -1 - offset);
        i++;
      } else {
        this.push(b, offset);
        j++;
      }
    }
  }

  /** The changes gram by gram, in the order of the table's primary key (gram text). */
  changes(): GramChange[] {
    // Counting sort of the pushed values by entry; within an entry they stay in item order.
    const start = new Int32Array(this.size + 1);
    for (let k = 0; k < this.count; k++) {
      const e = (this.entries[k] ?? 0) + 1;
      start[e] = (start[e] ?? 0) + 1;
    }
    for (let e = 0; e < this.size; e++) start[e + 1] = (start[e + 1] ?? 0) + (start[e] ?? 0);
    const next = start.slice(0, this.size);
    const values = new Int32Array(this.count);
    for (let k = 0; k < this.count; k++) {
      const e = this.entries[k] ?? 0;
      values[next[e] ?? 0] = this.values[k] ?? 0;
      next[e] = (next[e] ?? 0) + 1;
    }
    const keys = this.keys.slice(0, this.size).sort();
    return Array.from(keys, (key) => {
      const e = this.find(key);
      return { gram: gramText(key), values, from: start[e] ?? 0, to: start[e + 1] ?? 0 };
    });
  }

  private push(key: number, value: number): void {
    const e = this.find(key);
    if (this.count === this.entries.length) {
      this.entries = widen(this.entries, new Int32Array(2 * this.count));
      this.values = widen(this.values, new Int32Array(2 * this.count));
    }
    this.entries[this.count] = e;
    this.values[this.count++] = value;
  }

  /** The entry of `key`, added if new. */
  private find(key: number): number {
    const mask = this.slots.length - 1;
    let s = slotOf(key, mask);
    for (;;) {
      const e = this.slots[s] ?? -1;
      if (e < 0) break;
      if (this.keys[e] === key) return e;
      s = (s + 1) & mask;
    }
    const e = this.size++;
    if (e === this.keys.length) this.keys = widen(this.keys, new Float64Array(2 * e));
    this.keys[e] = key;
    this.slots[s] = e;
    if (2 * this.size > this.slots.length) this.rehash();
    return e;
  }

  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length).fill(-1);
    const mask = this.slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      let s = slotOf(this.keys[e] ?? 0, mask);
      while ((this.slots[s] ?? -1) >= 0) s = (s + 1) & mask;
      this.slots[s] = e;
    }
  }
}

/** A multiplicative hash of a key's low and high 32 bits (keys are integers below 2^41). */
const slotOf = (key: number, mask: number) => Math.imul((key >>> 0) ^ Math.imul((key / 0x100000000) | 0, 0x85ebca6b), 0x9e3779b1) & mask;

function widen<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** An item's text as indexed so far (`before`, '' for none) and as it is to be indexed (`after`). */
export interface TextChange {
  readonly itemId: number;
  readonly before: string;
  readonly after: string;
}

/** The changes to one block's postings. */
export interface BlockChange {
  readonly block: number;
  /** Gram by gram, in the order of the table's primary key. */
  readonly grams: GramChange[];
  /** Items whose text is new to the index (`before` is ''): their bits are only set. */
  readonly added: number;
  /** Items whose indexed text changes or is removed: bits may be cleared. */
  readonly replaced: number;
}

/** The posting changes, per block in ascending order, that turn every item's `before` into its `after`. */
export function blockChanges(changes: Iterable<TextChange>): BlockChange[] {
  const tables = new Map<number, { table: BlockTable; added: number; replaced: number }>();
  for (const { itemId, before, after } of [...changes].sort((a, b) => a.itemId - b.itemId)) {
    if (before === after) continue;
    const block = Math.floor(itemId / (1 << BLOCK_BITS));
    let entry = tables.get(block);
    if (!entry) tables.set(block, (entry = { table: new BlockTable(), added: 0, replaced: 0 }));
    if (before === '') {
      entry.table.addText(after, itemId & BLOCK_MASK);
      entry.added++;
    } else {
      entry.table.replaceText(before, after, itemId & BLOCK_MASK);
      entry.replaced++;
    }
  }
  return [...tables]
    .sort(([a], [b]) => a - b)
    .map(([block, { table, added, replaced }]) => ({ block, grams: table.changes(), added, replaced }));
}
