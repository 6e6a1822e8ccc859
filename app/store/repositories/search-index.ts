/**
 * Writing the search index of item text (tables of migrations 0100 and 0170; read by search.ts):
 *
 * - `search_text` holds each item's normalised text and is the external content of `search_fts`,
 *   an FTS5 trigram index that answers terms of three or more characters;
 * - `search_grams` holds, for every unigram and bigram, the items whose text contains it, as
 *   blocks of item ids (search-blocks.ts), for terms of one and two characters;
 * - `search_pending` lists the items whose text changed since `search_grams` was last written for
 *   them, with the text it still holds for them. A single save only adds a row there (a handful of
 *   pages, where rewriting the blocks of forty or more grams touches as many pages), and queries
 *   look at the current text of those few items; once there are more than PENDING_LIMIT, or when
 *   a batch is indexed, all of them are written into `search_grams` at once ("folded").
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ReadableDB, WritableDB } from '../database.js';
import { ARRAY_LIMIT, decodeInto, encodeBlock, setBit, WORDS } from './search-blocks.js';
import { blockChanges, type GramChange, type TextChange } from './search-grams.js';

export type { TextChange } from './search-grams.js';

/** Items whose grams may wait in `search_pending` before they are folded into `search_grams`. */
export const PENDING_LIMIT = 64;

// --- statements ------------------------------------------------------------------------------------

/**
 * Prepared statements per connection: searches and saves repeat a few shapes of SQL, and preparing
 * costs more than running a small query.
 */
const statements = new WeakMap<ReadableDB, Map<string, Database.Statement>>();
const MAX_CACHED_STATEMENTS = 256;

export function statement(db: ReadableDB, sql: string): Database.Statement {
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

// --- writing ---------------------------------------------------------------------------------------

/**
 * Indexes the changed texts: `search_text` and `search_fts` at once, the grams either as pending
 * (a few items) or folded with every pending item into `search_grams` (more than PENDING_LIMIT).
 */
export function indexTexts(db: WritableDB, changes: readonly TextChange[]): void {
  const pending = statement(db, 'SELECT count(*) FROM search_pending').pluck().get() as number;
  if (pending + changes.length <= PENDING_LIMIT) {
    writeTexts(db, changes);
    // An item already pending keeps the text search_grams holds for it.
    const add = statement(db, 'INSERT INTO search_pending (item_id, indexed) VALUES (?, ?) ON CONFLICT (item_id) DO NOTHING');
    for (const c of changes) add.run(c.itemId, c.before);
    return;
  }
  writeTexts(db, changes);
  foldGrams(db, changes);
}

/** Replaces the items' rows of `search_text` and their entries in `search_fts` (its external content). */
function writeTexts(db: WritableDB, changes: readonly TextChange[]): void {
  const forget = statement(db, "INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', ?, ?)");
  const learn = statement(db, 'INSERT INTO search_fts (rowid, text) VALUES (?, ?)');
  const save = statement(db, 'INSERT INTO search_text (item_id, text) VALUES (?, ?) ON CONFLICT (item_id) DO UPDATE SET text = excluded.text');
  const drop = statement(db, 'DELETE FROM search_text WHERE item_id = ?');
  for (const { itemId, before, after } of changes) {
    if (before !== '') forget.run(itemId, before);
    if (after === '') drop.run(itemId);
    else {
      save.run(itemId, after);
      learn.run(itemId, after);
    }
  }
}

/** The pending items with their current normalised text ('' when it was removed). */
export function pendingTexts(db: ReadableDB): [itemId: number, text: string][] {
  const sql = "SELECT p.item_id, coalesce(t.text, '') FROM search_pending p LEFT JOIN search_text t ON t.item_id = p.item_id";
  return statement(db, sql).raw().all() as [number, string][];
}

/** A block with more changed grams than this is read in one range scan rather than gram by gram. */
const SCAN_FROM = 1000;

/**
 * Writes the gram changes of `changes` and of every pending item into `search_grams`, each changed
 * posting block once, and empties `search_pending`.
 */
export function foldGrams(db: WritableDB, changes: readonly TextChange[] = []): void {
  const all = new Map<number, TextChange>(changes.map((c) => [c.itemId, c]));
  const pending = statement(db, 'SELECT item_id, indexed FROM search_pending').raw().all() as [number, string][];
  if (pending.length > 0) {
    const current = statement(db, 'SELECT text FROM search_text WHERE item_id = ?').pluck();
    for (const [itemId, indexed] of pending) {
      const after = all.get(itemId)?.after ?? ((current.get(itemId) as string | undefined) ?? '');
      all.set(itemId, { itemId, before: indexed, after });
    }
    statement(db, 'DELETE FROM search_pending').run();
  }
  for (const [block, grams] of blockChanges(all.values())) {
    const stored = grams.length >= SCAN_FROM ? storedBlocks(db, block) : undefined;
    for (const change of grams) writeGram(db, block, change, stored ? (stored.get(change.gram) ?? []) : undefined);
  }
}

// --- posting blocks --------------------------------------------------------------------------------------

/** The stored block of sorted offsets. */
function blockOf(offsets: readonly number[]): Buffer | undefined {
  if (offsets.length >= ARRAY_LIMIT) {
    const words = new Uint32Array(WORDS);
    for (const offset of offsets) setBit(words, offset, true);
    return encodeBlock(words);
  }
  const blob = Buffer.alloc(2 * offsets.length);
  offsets.forEach((offset, k) => {
    blob[2 * k] = offset & 0xff;
    blob[2 * k + 1] = offset >>> 8;
  });
  return blob;
}

/** Every stored part of block `block` of every gram, read in one range scan of the primary key. */
function storedBlocks(db: WritableDB, block: number): Map<string, [number, Buffer][]> {
  const stored = new Map<string, [number, Buffer][]>();
  for (const [gram, part, ids] of statement(db, 'SELECT gram, part, ids FROM search_grams WHERE block = ?').raw().all(block) as [string, number, Buffer][]) {
    const parts = stored.get(gram);
    if (parts) parts.push([part, ids]);
    else stored.set(gram, [[part, ids]]);
  }
  return stored;
}

/**
 * Sets and clears bits of one posting block. Its parts are OR-ed together and written back as
 * part 0 (migration 0170 carried the per-bank blocks of 0100 over as parts).
 */
function writeGram(db: WritableDB, block: number, { gram, add, remove }: GramChange, stored?: [number, Buffer][]): void {
  const parts = stored ?? (statement(db, 'SELECT part, ids FROM search_grams WHERE block = ? AND gram = ?').raw().all(block, gram) as [number, Buffer][]);
  let blob: Buffer | undefined;
  if (parts.length === 0 && remove.length === 0) blob = blockOf(add);
  else {
    const words = new Uint32Array(WORDS);
    for (const [, ids] of parts) decodeInto(words, ids);
    for (const offset of remove) setBit(words, offset, false);
    for (const offset of add) setBit(words, offset, true);
    blob = encodeBlock(words);
  }
  const hasPart0 = parts.some(([part]) => part === 0);
  if (parts.length > (hasPart0 ? 1 : 0)) statement(db, 'DELETE FROM search_grams WHERE block = ? AND gram = ? AND part <> 0').run(block, gram);
  if (!blob) {
    if (hasPart0) statement(db, 'DELETE FROM search_grams WHERE block = ? AND gram = ? AND part = 0').run(block, gram);
  } else if (hasPart0) statement(db, 'UPDATE search_grams SET ids = ? WHERE block = ? AND gram = ? AND part = 0').run(blob, block, gram);
  else statement(db, 'INSERT INTO search_grams (block, gram, part, ids) VALUES (?, ?, 0, ?)').run(block, gram, blob);
}
