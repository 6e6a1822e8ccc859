/**
 * The search repository as it was with migration 0100 alone (app/store/repositories/search.ts before
 * migration 0170), kept to build databases indexed the old way and to search them as the program
 * did, so that the migration can be checked against it. Trimmed to what the tests use.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { toSearchText } from '../../../app/domain/text/normalise.js';
import type { ReadableDB, WritableDB } from '../../../app/store/database.js';
import { NotFoundError } from '../../../app/store/errors.js';

export interface SearchQuery {
  readonly bankId: number;
  /** Terms separated by whitespace; every term must occur. Empty: the filters alone. */
  readonly text: string;
  readonly type?: string;
  readonly state?: string;
  readonly difficulty?: number;
  /** A full 鉴定点/职业功能 code or a prefix of whole segments, e.g. `B-A`. */
  readonly element?: string;
  /** The item's current version. */
  readonly version?: number;
  /** Page size (default 50). */
  readonly limit?: number;
  readonly offset?: number;
}

export interface SearchResult {
  /** Number of all matching items of the bank. */
  readonly total: number;
  /** One page of matching item ids, ascending. */
  readonly ids: number[];
}

export interface SearchText {
  readonly itemId: number;
  readonly text: string;
}

export const DEFAULT_SEARCH_LIMIT = 50;

/** Longest term looked up as one gram; longer terms are checked against the stored text. */
const MAX_GRAM = 3;

// --- normalisation --------------------------------------------------------------------------------

/** The distinct terms of a query, normalised like the indexed text; empty terms are dropped. */
export function searchTerms(text: string): string[] {
  const terms = text
    .normalize('NFKC')
    .split(/\s+/u)
    .map(toSearchText)
    .filter((t) => t !== '');
  return [...new Set(terms)];
}

/** The distinct n-grams, for each n of `sizes`, of a sequence of characters (code points). */
function ngrams(chars: readonly string[], sizes: readonly number[]): Set<string> {
  const grams = new Set<string>();
  for (const n of sizes) for (let i = 0; i + n <= chars.length; i++) grams.add(chars.slice(i, i + n).join(''));
  return grams;
}

const INDEXED_SIZES = Array.from({ length: MAX_GRAM }, (_, i) => i + 1);
const textGrams = (normalized: string) => ngrams(Array.from(normalized), INDEXED_SIZES);

// --- posting blocks (format documented in migration 0100) ------------------------------------------

const BLOCK_BITS = 12;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;
const WORDS = (1 << BLOCK_BITS) / 32;
const BITMAP_BYTES = WORDS * 4;
/** Blocks with fewer items are stored as arrays of 16-bit offsets (2 bytes each, < BITMAP_BYTES). */
const ARRAY_LIMIT = BITMAP_BYTES / 2;

/** Item ids as bitmaps of 4096 ids per block, blocks in ascending order. */
type IdSet = Map<number, Uint32Array>;

function popcount(word: number): number {
  let w = word - ((word >>> 1) & 0x55555555);
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (Math.imul((w + (w >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function blockCount(words: Uint32Array): number {
  let n = 0;
  for (const w of words) n += popcount(w);
  return n;
}

function decodeBlock(blob: Uint8Array): Uint32Array {
  const words = new Uint32Array(WORDS);
  if (blob.length === BITMAP_BYTES) {
    for (let k = 0; k < WORDS; k++) {
      words[k] = ((blob[4 * k] ?? 0) | ((blob[4 * k + 1] ?? 0) << 8) | ((blob[4 * k + 2] ?? 0) << 16) | ((blob[4 * k + 3] ?? 0) << 24)) >>> 0;
    }
  } else {
    for (let k = 0; k + 1 < blob.length; k += 2) {
      const offset = (blob[k] ?? 0) | ((blob[k + 1] ?? 0) << 8);
      words[offset >>> 5] = ((words[offset >>> 5] ?? 0) | (1 << (offset & 31))) >>> 0;
    }
  }
  return words;
}

/** The stored form of a block, or undefined when it holds no item. */
function encodeBlock(words: Uint32Array): Buffer | undefined {
  const n = blockCount(words);
  if (n === 0) return undefined;
  if (n >= ARRAY_LIMIT) {
    const blob = Buffer.alloc(BITMAP_BYTES);
    words.forEach((w, k) => {
      blob[4 * k] = w & 0xff;
      blob[4 * k + 1] = (w >>> 8) & 0xff;
      blob[4 * k + 2] = (w >>> 16) & 0xff;
      blob[4 * k + 3] = w >>> 24;
    });
    return blob;
  }
  const blob = Buffer.alloc(2 * n);
  let at = 0;
  words.forEach((word, k) => {
    for (let w = word; w !== 0; w &= w - 1) {
      const offset = k * 32 + (31 - Math.clz32(w & -w));
      blob[at++] = offset & 0xff;
      blob[at++] = offset >>> 8;
    }
  });
  return blob;
}

function setBit(words: Uint32Array, offset: number, on: boolean): void {
  const k = offset >>> 5;
  const bit = 1 << (offset & 31);
  words[k] = (on ? (words[k] ?? 0) | bit : (words[k] ?? 0) & ~bit) >>> 0;
}

function idSetOf(ids: Iterable<number>): IdSet {
  const set: IdSet = new Map();
  for (const id of ids) {
    const block = id >>> BLOCK_BITS;
    let words = set.get(block);
    if (!words) set.set(block, (words = new Uint32Array(WORDS)));
    setBit(words, id & BLOCK_MASK, true);
  }
  return set;
}

function intersect(a: IdSet, b: IdSet): IdSet {
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

function sizeOf(set: IdSet): number {
  let n = 0;
  for (const words of set.values()) n += blockCount(words);
  return n;
}

/** The ids in ascending order, skipping `offset` and stopping after `limit`. */
function idsOf(set: IdSet, offset = 0, limit = Infinity): number[] {
  const ids: number[] = [];
  let skip = offset;
  for (const block of [...set.keys()].sort((a, b) => a - b)) {
    const words = set.get(block) ?? new Uint32Array(WORDS);
    for (let k = 0; k < WORDS; k++) {
      for (let w = words[k] ?? 0; w !== 0; w &= w - 1) {
        if (ids.length >= limit) return ids;
        if (skip > 0) skip--;
        else ids.push(block * (1 << BLOCK_BITS) + k * 32 + (31 - Math.clz32(w & -w)));
      }
    }
  }
  return ids;
}

// --- statements --------------------------------------------------------------------------------------

/**
 * Prepared statements per connection: searches and saves repeat a few shapes of SQL, and preparing
 * costs more than running a small query.
 */
const statements = new WeakMap<ReadableDB, Map<string, Database.Statement>>();
const MAX_CACHED_STATEMENTS = 256;

function statement(db: ReadableDB, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

// --- writing -------------------------------------------------------------------------------------------

/** Bits to set and clear in one posting block. */
interface BlockChange {
  readonly bankId: number;
  readonly gram: string;
  readonly block: number;
  readonly add: number[];
  readonly remove: number[];
}

function bankOf(db: ReadableDB, itemId: number): number {
  const bankId = statement(db, 'SELECT bank_id FROM items WHERE id = ?').pluck().get(itemId) as number | undefined;
  if (bankId === undefined) throw new NotFoundError(`试题 ${itemId} 不存在，无法更新检索索引`);
  return bankId;
}

/** Collects the posting changes that turn `before` into `after` for one item. */
function collect(changes: Map<string, BlockChange>, bankId: number, itemId: number, before: Set<string>, after: Set<string>): void {
  const block = itemId >>> BLOCK_BITS;
  const offset = itemId & BLOCK_MASK;
  const change = (gram: string) => {
    const key = `${bankId}\t${block}\t${gram}`;
    let c = changes.get(key);
    if (!c) changes.set(key, (c = { bankId, gram, block, add: [], remove: [] }));
    return c;
  };
  for (const gram of before) if (!after.has(gram)) change(gram).remove.push(offset);
  for (const gram of after) if (!before.has(gram)) change(gram).add.push(offset);
}

/** Rewrites every changed posting block once. */
function apply(db: WritableDB, changes: Iterable<BlockChange>): void {
  const read = statement(db, 'SELECT ids FROM search_postings WHERE bank_id = ? AND gram = ? AND block = ?').pluck();
  const insert = statement(db, 'INSERT INTO search_postings (bank_id, gram, block, ids) VALUES (?, ?, ?, ?)');
  const update = statement(db, 'UPDATE search_postings SET ids = ? WHERE bank_id = ? AND gram = ? AND block = ?');
  const remove = statement(db, 'DELETE FROM search_postings WHERE bank_id = ? AND gram = ? AND block = ?');
  for (const c of changes) {
    const stored = read.get(c.bankId, c.gram, c.block) as Buffer | undefined;
    const words = stored ? decodeBlock(stored) : new Uint32Array(WORDS);
    for (const offset of c.remove) setBit(words, offset, false);
    for (const offset of c.add) setBit(words, offset, true);
    const blob = encodeBlock(words);
    if (!stored) {
      if (blob) insert.run(c.bankId, c.gram, c.block, blob);
    } else if (blob) update.run(blob, c.bankId, c.gram, c.block);
    else remove.run(c.bankId, c.gram, c.block);
  }
}

/**
 * Indexes each text as the searchable text of its item, replacing what was indexed before, in one
 * transaction that rewrites every touched posting block once (use it for imports and re-indexing).
 * An item whose text is unchanged is not written; an empty text removes the item from the index.
 */
export function replaceSearchTexts(db: WritableDB, texts: Iterable<SearchText>): void {
  db.transaction(() => {
    const changes = new Map<string, BlockChange>();
    const latest = new Map<number, string>();
    for (const { itemId, text } of texts) latest.set(itemId, toSearchText(text));
    const previousOf = statement(db, 'SELECT text FROM search_text WHERE item_id = ?').pluck();
    const save = statement(db, 'INSERT INTO search_text (item_id, text) VALUES (?, ?) ON CONFLICT (item_id) DO UPDATE SET text = excluded.text');
    const drop = statement(db, 'DELETE FROM search_text WHERE item_id = ?');
    for (const [itemId, normalized] of latest) {
      const bankId = bankOf(db, itemId);
      const previous = (previousOf.get(itemId) as string | undefined) ?? '';
      if (previous === normalized) continue;
      collect(changes, bankId, itemId, textGrams(previous), textGrams(normalized));
      if (normalized === '') drop.run(itemId);
      else save.run(itemId, normalized);
    }
    apply(db, changes.values());
  })();
}

/**
 * Indexes `text` as the searchable text of the item, replacing what was indexed before (call on
 * every save of a version with the text of the current version). Saving the same text again
 * writes nothing.
 */
export function replaceSearchText(db: WritableDB, itemId: number, text: string): void {
  replaceSearchTexts(db, [{ itemId, text }]);
}

/** Removes the item's text from the index (the item stays findable by its filters). */
export function removeSearchText(db: WritableDB, itemId: number): void {
  replaceSearchTexts(db, [{ itemId, text: '' }]);
}

// --- searching -----------------------------------------------------------------------------------------

/** The attribute bitmaps the query asks for (migration 0100); `*` is every item of the bank. */
function attributesOf(query: SearchQuery): string[] {
  const attributes = ['*'];
  if (query.type !== undefined) attributes.push(`type=${query.type}`);
  if (query.state !== undefined) attributes.push(`state=${query.state}`);
  if (query.difficulty !== undefined) attributes.push(`difficulty=${query.difficulty}`);
  if (query.version !== undefined) attributes.push(`version=${query.version}`);
  // A code or a prefix of whole segments: B-A-A-001, B-A, b-a- all name the same kind of set.
  const element = (query.element ?? '').trim().toUpperCase().replace(/-+$/u, '');
  if (element !== '') attributes.push(`element=${element}`);
  return attributes;
}

function readBlocks(db: ReadableDB, sql: string, bankId: number, key: string): IdSet {
  const rows = statement(db, sql).raw().all(bankId, key) as [number, Buffer][];
  return new Map(rows.map(([block, ids]) => [block, decodeBlock(ids)]));
}

const POSTINGS = 'SELECT block, ids FROM search_postings WHERE bank_id = ? AND gram = ? ORDER BY block';
const ATTRIBUTES = 'SELECT block, bits FROM search_attributes WHERE bank_id = ? AND attribute = ? ORDER BY block';

/** The candidates whose stored text contains every one of `substrings`. */
function verify(db: ReadableDB, candidates: IdSet, substrings: readonly string[]): IdSet {
  const checks = substrings.map(() => 'AND instr(t.text, ?) > 0').join(' ');
  const sql = `SELECT t.item_id FROM json_each(?) j CROSS JOIN search_text t ON t.item_id = j.value WHERE 1 ${checks}`;
  return idSetOf(statement(db, sql).pluck().all(JSON.stringify(idsOf(candidates)), ...substrings) as number[]);
}

/**
 * Items of one bank whose indexed text contains every term and that pass every filter: the total
 * and one page of ids in ascending order. Only the bank's own bitmaps are read, and the bank's
 * set of all its items is always part of the intersection, so no other bank's item can appear.
 */
export function searchItems(db: ReadableDB, query: SearchQuery): SearchResult {
  const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_SEARCH_LIMIT));
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const sets: [sql: string, key: string][] = attributesOf(query).map((a) => [ATTRIBUTES, a]);
  const substrings: string[] = [];
  for (const term of searchTerms(query.text)) {
    const chars = Array.from(term);
    if (chars.length <= MAX_GRAM) sets.push([POSTINGS, term]);
    else {
      for (const gram of ngrams(chars, [MAX_GRAM])) sets.push([POSTINGS, gram]);
      substrings.push(term);
    }
  }
  let found: IdSet | undefined;
  for (const [sql, key] of sets) {
    const next = readBlocks(db, sql, query.bankId, key);
    found = found ? intersect(found, next) : next;
    if (found.size === 0) return { total: 0, ids: [] };
  }
  if (found && substrings.length > 0) found = verify(db, found, substrings);
  return found ? { total: sizeOf(found), ids: idsOf(found, offset, limit) } : { total: 0, ids: [] };
}
