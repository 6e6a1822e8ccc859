/**
 * Full-text search of item text within one bank (issue [C] part 7; tables of migrations 0100 and
 * 0170, written by search-index.ts).
 *
 * Text is normalised (NFKC, lower case, whitespace, control and format characters removed). A query
 * is split on whitespace into terms that must all occur (AND):
 * - a term of one or two characters is one gram: its blocks of item ids in `search_grams`;
 * - a term of three or more characters is a phrase of trigrams in the FTS5 table `search_fts`, which
 *   matches exactly where the text contains the term;
 * - the few items saved one at a time since both were last written (`search_pending`) are judged
 *   by their current text instead.
 * Filters (type, state, difficulty, element prefix, current version) and the bank itself are bitmaps
 * of the same shape in `search_attributes`, kept in step with `items` by triggers. A query intersects
 * a few sets in memory, so a term found in most of a bank costs little more than a rare one, and the
 * total is a population count.
 * User text never becomes SQL: terms are bound parameters, and a long term is passed to FTS5 as one
 * quoted string, so quotes, `*`, `NEAR(` and the like are searched for as ordinary characters.
 */
import { toSearchText } from '../../domain/text/normalise.js';
import type { ReadableDB, WritableDB } from '../database.js';
import { NotFoundError } from '../errors.js';
import { decodeInto, idSetOf, idsOf, intersect, setId, sizeOf, WORDS, type IdSet } from './search-blocks.js';
import { fold, indexTexts, pendingTexts, statement, type TextChange } from './search-index.js';

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

/** Longest term looked up in the gram blocks; longer terms go to the trigram index. */
const MAX_GRAM = 2;

/** The distinct terms of a query, normalised like the indexed text; empty terms are dropped. */
export function searchTerms(text: string): string[] {
  const terms = text
    .normalize('NFKC')
    .split(/\s+/u)
    .map(toSearchText)
    .filter((t) => t !== '');
  return [...new Set(terms)];
}

// --- writing -------------------------------------------------------------------------------------------

const KNOWN = 'SELECT i.id, t.text FROM json_each(?) j JOIN items i ON i.id = j.value LEFT JOIN search_text t ON t.item_id = i.id';

/**
 * Indexes each text as the searchable text of its item, replacing what was indexed before, in one
 * transaction (use it for imports and re-indexing: every touched gram block is written once). An
 * item whose text is unchanged is not written; an empty text removes the item from the index.
 */
export function replaceSearchTexts(db: WritableDB, texts: Iterable<SearchText>): void {
  db.transaction(() => {
    const latest = new Map<number, string>();
    for (const { itemId, text } of texts) latest.set(itemId, toSearchText(text));
    // The items that exist, with the text indexed so far, in one statement.
    const known = new Map(statement(db, KNOWN).raw().all(JSON.stringify([...latest.keys()])) as [number, string | null][]);
    const changes: TextChange[] = [];
    for (const [itemId, after] of latest) {
      const before = known.get(itemId);
      if (before === undefined) throw new NotFoundError(`试题 ${itemId} 不存在，无法更新检索索引`);
      if ((before ?? '') !== after) changes.push({ itemId, before: before ?? '', after });
    }
    if (changes.length > 0) indexTexts(db, changes);
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

/**
 * Writes the index entries of the items saved one at a time since the last fold into the trigram
 * and gram indexes (saves do it themselves every few dozen items; searches are exact either way).
 */
export function flushSearchIndex(db: WritableDB): void {
  db.transaction(() => fold(db))();
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

/** Blocks of ids, a block possibly stored in several rows (parts), OR-ed together. */
function readBlocks(db: ReadableDB, sql: string, ...key: unknown[]): IdSet {
  const set: IdSet = new Map();
  for (const [block, ids] of statement(db, sql).raw().all(...key) as [number, Buffer][]) {
    let words = set.get(block);
    if (!words) set.set(block, (words = new Uint32Array(WORDS)));
    decodeInto(words, ids);
  }
  return set;
}

const ATTRIBUTES = 'SELECT block, bits FROM search_attributes WHERE bank_id = ? AND attribute = ?';
/** The gram's blocks where the bank has items (the blocks of its `*` bitmap). */
const GRAMS = `SELECT g.block, g.ids FROM search_attributes a JOIN search_grams g ON g.block = a.block AND g.gram = ?
  WHERE a.bank_id = ? AND a.attribute = '*'`;
const PHRASES = 'SELECT rowid FROM search_fts WHERE search_fts MATCH ?';

/** An FTS5 query that matches texts containing every term (each a quoted string: no syntax). */
const phrases = (terms: readonly string[]) => terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');

/** `set` with the pending items in or out as their current text contains every one of `terms`. */
function withPending(set: IdSet, terms: readonly string[], pending: readonly [number, string][]): IdSet {
  for (const [itemId, text] of pending) setId(set, itemId, terms.every((t) => text.includes(t)));
  return set;
}

/**
 * Items of one bank whose indexed text contains every term and that pass every filter: the total
 * and one page of ids in ascending order. The bank's set of all its items is always part of the
 * intersection, so no other bank's item can appear.
 */
export function searchItems(db: ReadableDB, query: SearchQuery): SearchResult {
  const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_SEARCH_LIMIT));
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const terms = searchTerms(query.text);
  const short = terms.filter((t) => Array.from(t).length <= MAX_GRAM);
  const long = terms.filter((t) => Array.from(t).length > MAX_GRAM);
  // The indexes are behind on the few items saved one at a time since the last fold: these are
  // judged by their current text.
  const pending = terms.length > 0 ? pendingTexts(db) : [];
  const sets: (() => IdSet)[] = [
    ...attributesOf(query).map((a) => () => readBlocks(db, ATTRIBUTES, query.bankId, a)),
    ...short.map((t) => () => withPending(readBlocks(db, GRAMS, t, query.bankId), [t], pending)),
  ];
  if (long.length > 0) sets.push(() => withPending(idSetOf(statement(db, PHRASES).pluck().all(phrases(long)) as number[]), long, pending));
  let found: IdSet | undefined;
  for (const next of sets) {
    found = found ? intersect(found, next()) : next();
    if (found.size === 0) return { total: 0, ids: [] };
  }
  return found ? { total: sizeOf(found), ids: idsOf(found, offset, limit) } : { total: 0, ids: [] };
}
