/**
 * The unigrams and bigrams of normalised texts, and the changes to their posting blocks that turn
 * the texts an index holds into new ones (written by search-index.ts). Pure and allocation-light:
 * indexing a batch of thousands of items goes through every character twice, so grams are numbers
 * and a batch's grams are gathered in a hash table of typed arrays, not in Maps of strings.
 */
import { BLOCK_BITS, BLOCK_MASK } from './search-blocks.js';

/**
 * A unigram or bigram as one number, ordered like its text (UTF-8 order is code point order):
 * unigram c → c·K, bigram (a, b) → a·K + b + 1; below 2^41, so exact in a double.
 */
const K = 0x110001;

export function gramText(key: number): string {
  const first = Math.floor(key / K);
  const second = key - first * K;
  return second === 0 ? String.fromCodePoint(first) : String.fromCodePoint(first, second - 1);
}

/** Calls `visit` with the key of every unigram and bigram of `text`, repeats included. */
function eachGram(text: string, visit: (key: number) => void): void {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    visit(c * K);
    if (previous >= 0) visit(previous * K + c + 1);
    previous = c;
  }
}

/** The distinct gram keys of a text, sorted. */
export function gramKeys(text: string): Float64Array {
  const keys = new Float64Array(2 * text.length);
  let n = 0;
  eachGram(text, (key) => (keys[n++] = key));
  const sorted = keys.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i] ?? 0;
  return sorted.subarray(0, distinct);
}

/** The bits to set and clear in the block of one gram. */
export interface GramChange {
  readonly gram: string;
  /** Offsets (id & 4095), ascending. */
  readonly add: readonly number[];
  readonly remove: readonly number[];
}

/**
 * Gram keys of one block → the offsets to add and to remove: open addressing over typed arrays
 * (a Map keyed by doubles costs several times as much per character).
 */
class BlockTable {
  private slots = new Int32Array(1 << 12).fill(-1);
  private keys = new Float64Array(1 << 11);
  /** Per entry, the last offset added or removed: an item's repeated grams are counted once. */
  private lastAdd = new Int32Array(1 << 11);
  private lastRemove = new Int32Array(1 << 11);
  private readonly adds: number[][] = [];
  private readonly removes: number[][] = [];
  private size = 0;

  add(key: number, offset: number): void {
    const e = this.entry(key);
    if (this.lastAdd[e] === offset) return;
    this.lastAdd[e] = offset;
    this.adds[e]?.push(offset);
  }

  remove(key: number, offset: number): void {
    const e = this.entry(key);
    if (this.lastRemove[e] === offset) return;
    this.lastRemove[e] = offset;
    this.removes[e]?.push(offset);
  }

  /** The changes in gram order (the order of the table's primary key). */
  changes(): GramChange[] {
    const order = Array.from({ length: this.size }, (_, e) => e).sort((a, b) => (this.keys[a] ?? 0) - (this.keys[b] ?? 0));
    return order.map((e) => ({ gram: gramText(this.keys[e] ?? 0), add: this.adds[e] ?? [], remove: this.removes[e] ?? [] }));
  }

  private entry(key: number): number {
    const mask = this.slots.length - 1;
    // Multiplicative hash of the low and high 32 bits (keys are integers below 2^41).
    let s = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 0x100000000), 0x85ebca6b), 0x9e3779b1) & mask;
    for (;;) {
      const e = this.slots[s] ?? -1;
      if (e < 0) break;
      if (this.keys[e] === key) return e;
      s = (s + 1) & mask;
    }
    const e = this.size++;
    if (e === this.keys.length) this.grow();
    this.keys[e] = key;
    this.lastAdd[e] = -1;
    this.lastRemove[e] = -1;
    this.adds.push([]);
    this.removes.push([]);
    if (this.size * 2 > this.slots.length) this.rehash();
    else this.slots[s] = e;
    return e;
  }

  private grow(): void {
    const n = this.keys.length * 2;
    const widen = <T extends Float64Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
    this.keys = widen(this.keys, new Float64Array(n));
    this.lastAdd = widen(this.lastAdd, new Int32Array(n));
    this.lastRemove = widen(this.lastRemove, new Int32Array(n));
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      const key = this.keys[e] ?? 0;
      let s = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 0x100000000), 0x85ebca6b), 0x9e3779b1) & mask;
      while ((this.slots[s] ?? -1) >= 0) s = (s + 1) & mask;
      this.slots[s] = e;
    }
  }
}

/** An item's text as indexed so far (`before`, '' for none) and as it is to be indexed (`after`). */
export interface TextChange {
  readonly itemId: number;
  readonly before: string;
  readonly after: string;
}

/**
 * The posting changes, per block, that turn every item's `before` into its `after`: grams only one
 * of them has. Items are taken in id order, so each gram's offsets come out ascending.
 */
export function blockChanges(changes: Iterable<TextChange>): Map<number, GramChange[]> {
  const tables = new Map<number, BlockTable>();
  for (const { itemId, before, after } of [...changes].sort((a, b) => a.itemId - b.itemId)) {
    if (before === after) continue;
    const block = Math.floor(itemId / (1 << BLOCK_BITS));
    const offset = itemId & BLOCK_MASK;
    let table = tables.get(block);
    if (!table) tables.set(block, (table = new BlockTable()));
    const t = table;
    if (before === '') {
      eachGram(after, (key) => t.add(key, offset));
      continue;
    }
    // Both key lists are sorted: one merge walk finds what only one of them has.
    const old = gramKeys(before);
    const now = gramKeys(after);
    let i = 0;
    let j = 0;
    while (i < old.length || j < now.length) {
      const a = i < old.length ? (old[i] ?? 0) : Infinity;
      const b = j < now.length ? (now[j] ?? 0) : Infinity;
      if (a === b) {
        i++;
        j++;
      } else if (a < b) {
        t.remove(a, offset);
        i++;
      } else {
        t.add(b, offset);
        j++;
      }
    }
  }
  return new Map([...tables].sort(([a], [b]) => a - b).map(([block, table]) => [block, table.changes()]));
}
