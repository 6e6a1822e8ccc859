/**
 * Full-text search of item text within one bank (issue [C] part 7; tables of migration 0100).
 *
 * Text is normalised (NFKC, lower case, whitespace, control and format characters removed) and
 * indexed as its distinct unigrams and bigrams, keyed (bank, gram, item). A query is split on
 * whitespace into terms that must all occur (AND):
 * - a term of one or two characters is one key range (its unigram or bigram);
 * - a term of three or more characters is narrowed by its two rarest bigrams and then verified as a
 *   substring of the stored normalised text, so it matches exactly where the text contains it.
 * Filters (type, state, difficulty, element prefix, current version) are attribute grams kept in
 * step with `items` by triggers. The smallest range drives the query in item order; every other
 * range is probed by primary key, so counting a term that matches most of a bank costs one pass
 * over its range and no row lookups. User text never becomes SQL or query syntax: terms are bound
 * parameters, so quotes, `*`, `NEAR(` and the like are searched for as ordinary characters.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ReadableDB, WritableDB } from '../database.js';
import { NotFoundError } from '../errors.js';

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

export const DEFAULT_SEARCH_LIMIT = 50;

/** Attribute grams start with U+0001, which normalised text never contains (see migration 0100). */
const ATTRIBUTE = '\u0001';
const ALL_ITEMS = `${ATTRIBUTE}*`;
const attribute = (name: string, value: string | number) => `${ATTRIBUTE}${name}=${value}`;

/** First bound when sizing a key range; larger ranges are recounted with a bound 16 times higher. */
const FIRST_ESTIMATE_CAP = 1024;
const ESTIMATE_GROWTH = 16;
/** Bigrams of a long term used to narrow its candidates before the substring check. */
const BIGRAMS_PER_LONG_TERM = 2;

/** NFKC, lower case, without whitespace, control (Cc) and format (Cf) characters. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{Cc}\p{Cf}]+/gu, '');
}

/** The distinct terms of a query, normalised like the indexed text; empty terms are dropped. */
export function searchTerms(text: string): string[] {
  const terms = text
    .normalize('NFKC')
    .split(/\s+/u)
    .map(normalizeSearchText)
    .filter((t) => t !== '');
  return [...new Set(terms)];
}

/** Bigrams of a sequence of characters, in order (repeats kept). */
function bigrams(chars: readonly string[]): string[] {
  const result: string[] = [];
  let previous: string | undefined;
  for (const c of chars) {
    if (previous !== undefined) result.push(previous + c);
    previous = c;
  }
  return result;
}

/** Every distinct unigram and bigram of normalised text (characters are code points). */
function textGrams(normalized: string): Set<string> {
  const chars = Array.from(normalized);
  return new Set([...chars, ...bigrams(chars)]);
}

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

function bankOf(db: ReadableDB, itemId: number): number {
  const bankId = statement(db, 'SELECT bank_id FROM items WHERE id = ?').pluck().get(itemId) as number | undefined;
  if (bankId === undefined) throw new NotFoundError(`试题 ${itemId} 不存在，无法更新检索索引`);
  return bankId;
}

/** Writes the difference between the item's indexed text and `normalized` ('' removes it). */
function reindex(db: WritableDB, itemId: number, normalized: string): void {
  db.transaction(() => {
    const bankId = bankOf(db, itemId);
    const previous = statement(db, 'SELECT text FROM search_text WHERE item_id = ?').pluck().get(itemId) as string | undefined;
    if ((previous ?? '') === normalized) return;
    const before = textGrams(previous ?? '');
    const after = textGrams(normalized);
    const remove = statement(db, 'DELETE FROM search_grams WHERE bank_id = ? AND gram = ? AND item_id = ?');
    for (const gram of before) if (!after.has(gram)) remove.run(bankId, gram, itemId);
    const insert = statement(db, 'INSERT INTO search_grams (bank_id, gram, item_id) VALUES (?, ?, ?)');
    for (const gram of after) if (!before.has(gram)) insert.run(bankId, gram, itemId);
    if (normalized === '') statement(db, 'DELETE FROM search_text WHERE item_id = ?').run(itemId);
    else statement(db, 'INSERT INTO search_text (item_id, text) VALUES (?, ?) ON CONFLICT (item_id) DO UPDATE SET text = excluded.text').run(itemId, normalized);
  })();
}

/**
 * Indexes `text` as the searchable text of the item, replacing what was indexed before (call on
 * every save of a version with the text of the current version). Saving the same text again
 * writes nothing.
 */
export function replaceSearchText(db: WritableDB, itemId: number, text: string): void {
  reindex(db, itemId, normalizeSearchText(text));
}

/** Removes the item's text from the index (its filters stay searchable while the item exists). */
export function removeSearchText(db: WritableDB, itemId: number): void {
  reindex(db, itemId, '');
}

/** The element filter as stored: upper case, no trailing '-'; '' for none. */
function elementPrefix(element: string | undefined): string {
  return (element ?? '').trim().toUpperCase().replace(/-+$/u, '');
}

interface Plan {
  /** Grams every match has, smallest key range first (the first one drives). */
  readonly grams: string[];
  /** Terms of three or more characters, checked against the stored text. */
  readonly substrings: string[];
}

/** Sizes of key ranges, counted up to a bound that grows only while it decides the driver. */
class RangeSizes {
  private readonly sizes = new Map<string, { n: number; cap: number }>();
  constructor(
    private readonly db: ReadableDB,
    private readonly bankId: number,
  ) {}

  private count(gram: string, cap: number): { n: number; cap: number } {
    const n = statement(this.db, 'SELECT count(*) FROM (SELECT 1 FROM search_grams WHERE bank_id = ? AND gram = ? LIMIT ?)')
      .pluck()
      .get(this.bankId, gram, cap) as number;
    const size = { n, cap };
    this.sizes.set(gram, size);
    return size;
  }

  /** The size, or at least `FIRST_ESTIMATE_CAP` when larger. */
  estimate(gram: string): number {
    return (this.sizes.get(gram) ?? this.count(gram, FIRST_ESTIMATE_CAP)).n;
  }

  /** Recounts the ranges that reached their bound until the smallest one is known exactly. */
  order(grams: readonly string[]): string[] {
    const sorted = () => [...grams].sort((a, b) => this.estimate(a) - this.estimate(b));
    let order = sorted();
    for (;;) {
      const first = order[0];
      const size = first === undefined ? undefined : this.sizes.get(first);
      if (!size || size.n < size.cap) return order;
      const cap = size.cap * ESTIMATE_GROWTH;
      for (const gram of grams) {
        const s = this.sizes.get(gram);
        if (s && s.n >= s.cap && s.cap < cap) this.count(gram, cap);
      }
      order = sorted();
    }
  }
}

function plan(db: ReadableDB, query: SearchQuery): Plan | undefined {
  const sizes = new RangeSizes(db, query.bankId);
  const required = new Set<string>();
  const substrings: string[] = [];
  for (const term of searchTerms(query.text)) {
    const chars = Array.from(term);
    if (chars.length <= 2) {
      required.add(term);
      continue;
    }
    // Every bigram of the term must be indexed for the item; the rarest ones narrow the candidates.
    const pairs = [...new Set(bigrams(chars))].sort((a, b) => sizes.estimate(a) - sizes.estimate(b));
    if (sizes.estimate(pairs[0] ?? '') === 0) return undefined;
    for (const pair of pairs.slice(0, BIGRAMS_PER_LONG_TERM)) required.add(pair);
    substrings.push(term);
  }
  if (query.type !== undefined) required.add(attribute('type', query.type));
  if (query.state !== undefined) required.add(attribute('state', query.state));
  if (query.difficulty !== undefined) required.add(attribute('difficulty', query.difficulty));
  if (query.version !== undefined) required.add(attribute('version', query.version));
  const element = elementPrefix(query.element);
  if (element !== '') required.add(attribute('element', element));
  if (required.size === 0) required.add(ALL_ITEMS);
  const grams = sizes.order([...required]);
  if (sizes.estimate(grams[0] ?? '') === 0) return undefined;
  return { grams, substrings };
}

/**
 * The matching items as one SQL statement: the driver's key range in item order, each further gram
 * probed by primary key (CROSS JOIN keeps this order), then the substring checks.
 */
function matchSql(p: Plan, select: string): string {
  const joins = p.grams
    .slice(1)
    .map((_, i) => `CROSS JOIN search_grams g${i + 1} ON g${i + 1}.bank_id = d.bank_id AND g${i + 1}.gram = ? AND g${i + 1}.item_id = d.item_id`);
  if (p.substrings.length > 0) joins.push('CROSS JOIN search_text t ON t.item_id = d.item_id');
  const checks = p.substrings.map(() => 'AND instr(t.text, ?) > 0');
  return [`SELECT ${select} FROM search_grams d`, ...joins, 'WHERE d.bank_id = ? AND d.gram = ?', ...checks].join(' ');
}

function matchArgs(p: Plan, bankId: number): (string | number)[] {
  return [...p.grams.slice(1), bankId, p.grams[0] ?? '', ...p.substrings];
}

/**
 * Items of one bank whose indexed text contains every term and that pass every filter: the total
 * and one page of ids in ascending order. Never returns another bank's items.
 */
export function searchItems(db: ReadableDB, query: SearchQuery): SearchResult {
  const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_SEARCH_LIMIT));
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const p = plan(db, query);
  if (!p) return { total: 0, ids: [] };
  const args = matchArgs(p, query.bankId);
  const ids = statement(db, `${matchSql(p, 'd.item_id')} ORDER BY d.item_id LIMIT ? OFFSET ?`)
    .pluck()
    .all(...args, limit, offset) as number[];
  // A short page that starts inside the results ends them: its end is the total.
  if (ids.length < limit && (ids.length > 0 || offset === 0)) return { total: offset + ids.length, ids };
  const total = statement(db, matchSql(p, 'count(*)')).pluck().get(...args) as number;
  return { total, ids };
}
