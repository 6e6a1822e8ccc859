/**
 * Writing the search index of item text (tables of migrations 0100, 0170 and 0180; read by
 * search.ts):
 *
 * - `search_text` holds each item's normalised text and is the external content of `search_fts`,
 *   an FTS5 trigram index that answers terms of three or more characters;
 * - `search_grams` holds, for every unigram and bigram, the items whose text contains it, as
 *   blocks of item ids (search-blocks.ts), for terms of one and two characters; a block may be
 *   stored in a few parts, OR-ed when read, and `search_blocks` holds the highest part in use;
 * - `search_pending` lists the items whose text changed since `search_fts` and `search_grams` were
 *   last written for them, with the text those still hold for them and their current text. A
 *   single save writes only `search_text` and a row there: a few pages, where updating both
 *   indexes touches forty pages or more and now and then makes FTS5 merge its segments; queries
 *   check those few items by their current text, read from this small table. Once there are more
 *   than PENDING_LIMIT, or when a batch is indexed, all of them are written into both indexes at
 *   once ("folded"), so that work is done in bulk, once per few dozen saves.
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
 * Indexes the changed texts: `search_text` at once, the indexes either later (a few items become
 * pending) or now, folded with every pending item (more than PENDING_LIMIT in all).
 */
export function indexTexts(db: WritableDB, changes: readonly TextChange[]): void {
  const pending = statement(db, 'SELECT count(*) FROM search_pending').pluck().get() as number;
  writeTexts(db, changes);
  if (pending + changes.length > PENDING_LIMIT) {
    fold(db, changes);
    return;
  }
  // An item already pending keeps the text the indexes hold for it.
  const add = statement(
    db,
    'INSERT INTO search_pending (item_id, indexed, text) VALUES (?, ?, ?) ON CONFLICT (item_id) DO UPDATE SET text = excluded.text',
  );
  for (const c of changes) add.run(c.itemId, c.before, c.after);
}

/** Replaces the items' rows of `search_text`. */
function writeTexts(db: WritableDB, changes: readonly TextChange[]): void {
  const save = statement(db, 'INSERT INTO search_text (item_id, text) VALUES (?, ?) ON CONFLICT (item_id) DO UPDATE SET text = excluded.text');
  const drop = statement(db, 'DELETE FROM search_text WHERE item_id = ?');
  for (const { itemId, after } of changes) {
    if (after === '') drop.run(itemId);
    else save.run(itemId, after);
  }
}

/**
 * Replaces the items' entries in `search_fts`. Its external content, `search_text`, already holds
 * the new texts: FTS5 is given the text it indexed to take out (`before`).
 */
function writeTrigrams(db: WritableDB, changes: Iterable<TextChange>): void {
  const forget = statement(db, "INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', ?, ?)");
  const learn = statement(db, 'INSERT INTO search_fts (rowid, text) VALUES (?, ?)');
  for (const { itemId, before, after } of changes) {
    if (before === after) continue;
    if (before !== '') forget.run(itemId, before);
    if (after !== '') learn.run(itemId, after);
  }
}

/** The pending items with their current normalised text ('' when it was removed). */
export function pendingTexts(db: ReadableDB): [itemId: number, text: string][] {
  return statement(db, 'SELECT item_id, text FROM search_pending').raw().all() as [number, string][];
}

/**
 * Parts a block of `search_grams` may hold (0 … MAX_TOP) before a batch appending to it merges it
 * back into part 0; queries read every part of a gram's block, so this bounds their rows.
 */
export const MAX_TOP = 3;

/**
 * Fewest new items a batch must add to a block for their grams to be written as a new part. Fewer
 * touch few grams, and merging those into part 0 at once keeps the block in one part.
 */
export const APPEND_MIN = 256;

/**
 * Writes the changes of `changes` and of every pending item into `search_fts` and `search_grams`
 * (each changed posting block once), and empties `search_pending`. A block is written in one of
 * three ways:
 * - it holds nothing yet: its grams are written as part 0;
 * - the batch adds at least APPEND_MIN new items to it and changes none: their grams are written as
 *   a new part, top + 1, without reading the block (a batch of thousands of items touches a block
 *   written by the batch before it; merging into its rows was half of the time to index);
 * - otherwise each changed gram is merged into part 0 with its other parts, or, when an append
 *   would pass MAX_TOP, the whole block is.
 */
export function fold(db: WritableDB, changes: readonly TextChange[] = []): void {
  const all = new Map<number, TextChange>(changes.map((c) => [c.itemId, c]));
  const pending = statement(db, 'SELECT item_id, indexed, text FROM search_pending').raw().all() as [number, string, string][];
  if (pending.length > 0) {
    for (const [itemId, indexed, text] of pending) all.set(itemId, { itemId, before: indexed, after: all.get(itemId)?.after ?? text });
    statement(db, 'DELETE FROM search_pending').run();
  }
  // In ascending order of id: FTS5 writes out its pending segment whenever a rowid goes back.
  writeTrigrams(db, [...all.values()].sort((a, b) => a.itemId - b.itemId));
  const writer = new BlockWriter(db);
  const topOf = statement(db, 'SELECT top FROM search_blocks WHERE block = ?').pluck();
  const setTop = statement(db, 'INSERT INTO search_blocks (block, top) VALUES (?, ?) ON CONFLICT (block) DO UPDATE SET top = excluded.top');
  const parts = statement(db, 'SELECT part, ids FROM search_grams WHERE block = ? AND gram = ?').raw();
  for (const { block, grams, added, replaced } of blockChanges(all.values())) {
    const top = topOf.get(block) as number | undefined;
    if (top === undefined) {
      for (const change of grams) writer.add(block, 0, change);
      setTop.run(block, 0);
    } else if (replaced > 0 || added < APPEND_MIN) {
      for (const change of grams) writer.merge(block, change.gram, parts.all(block, change.gram) as [number, Buffer][], change);
    } else if (top < MAX_TOP) {
      for (const change of grams) writer.add(block, top + 1, change);
      setTop.run(block, top + 1);
    } else {
      writer.mergeBlock(block, grams);
      setTop.run(block, 0);
    }
  }
  writer.flush();
}

// --- posting blocks --------------------------------------------------------------------------------------

/**
 * The stored block of the offsets to set of `change`, when it sets bits only (in ascending order,
 * an offset possibly repeated): written straight from them, without a bitmap in between.
 */
function blockOf({ values, from, to }: GramChange, words: Uint32Array): Buffer | undefined {
  let n = 0;
  for (let k = from, last = -1; k < to; k++) {
    if (values[k] === last) continue;
    last = values[k] ?? 0;
    n++;
  }
  if (n === 0) return undefined;
  if (n >= ARRAY_LIMIT) {
    words.fill(0);
    for (let k = from; k < to; k++) setBit(words, values[k] ?? 0, true);
    return encodeBlock(words);
  }
  const blob = Buffer.allocUnsafe(2 * n);
  let at = 0;
  for (let k = from, last = -1; k < to; k++) {
    const offset = values[k] ?? 0;
    if (offset === last) continue;
    last = offset;
    blob[at++] = offset & 0xff;
    blob[at++] = offset >>> 8;
  }
  return blob;
}

/** Rows written per INSERT statement: one statement per row costs twice as much per row. */
const ROWS_PER_STATEMENT = 32;
const upsert = (rows: number) =>
  `INSERT INTO search_grams (block, part, gram, ids) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?)').join(', ')}
   ON CONFLICT (block, gram, part) DO UPDATE SET ids = excluded.ids`;
const UPSERT_MANY = upsert(ROWS_PER_STATEMENT);
const UPSERT_ONE = upsert(1);
const FIELDS = 4;

/**
 * Writes posting blocks: new parts straight from a change that only sets bits, or a gram's parts
 * OR-ed together with the change's bits set and cleared, written back as part 0 (migration 0170
 * carried the per-bank blocks of 0100 over as parts; batches append parts, migration 0180). Rows
 * to store are written ROWS_PER_STATEMENT at a time (each at most once per fold).
 */
class BlockWriter {
  private readonly rows: (number | string | Buffer)[] = [];
  private readonly words = new Uint32Array(WORDS);
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;

  constructor(private readonly db: WritableDB) {
    this.many = statement(db, UPSERT_MANY);
    this.one = statement(db, UPSERT_ONE);
  }

  /** Writes the bits the change sets as the gram's `part` of the block, which holds nothing yet. */
  add(block: number, part: number, change: GramChange): void {
    let clears = false;
    for (let k = change.from; k < change.to && !clears; k++) clears = (change.values[k] ?? 0) < 0;
    // A block that holds nothing has nothing to clear; a change that would is applied as a merge.
    const blob = clears ? this.merged([], change) : blockOf(change, this.words);
    if (blob) this.push(block, part, change.gram, blob);
  }

  /**
   * Writes the gram's `parts` of the block OR-ed together, with the change applied, as part 0, and
   * deletes the other parts (unless `othersGone`: the caller deleted every other part of the block).
   */
  merge(block: number, gram: string, parts: readonly [number, Buffer][], change: GramChange | undefined, othersGone = false): void {
    const blob = this.merged(parts, change);
    let hasPart0 = false;
    for (const [part] of parts) hasPart0 ||= part === 0;
    if (!othersGone && parts.length > (hasPart0 ? 1 : 0)) statement(this.db, 'DELETE FROM search_grams WHERE block = ? AND gram = ? AND part <> 0').run(block, gram);
    if (blob) this.push(block, 0, gram, blob);
    else if (hasPart0) statement(this.db, 'DELETE FROM search_grams WHERE block = ? AND gram = ? AND part = 0').run(block, gram);
  }

  /** Merges every gram of the block, changed or not, into part 0, with the changes applied. */
  mergeBlock(block: number, changes: readonly GramChange[]): void {
    const stored = new Map<string, [number, Buffer][]>();
    for (const [gram, part, ids] of statement(this.db, 'SELECT gram, part, ids FROM search_grams WHERE block = ?').raw().all(block) as [string, number, Buffer][]) {
      const parts = stored.get(gram);
      if (parts) parts.push([part, ids]);
      else stored.set(gram, [[part, ids]]);
    }
    statement(this.db, 'DELETE FROM search_grams WHERE block = ? AND part <> 0').run(block);
    const changed = new Map(changes.map((c) => [c.gram, c]));
    for (const gram of new Set([...stored.keys(), ...changed.keys()])) {
      const parts = stored.get(gram) ?? [];
      // A gram held in part 0 alone and not changed stays as it is.
      if (!changed.has(gram) && parts.length === 1 && parts[0]?.[0] === 0) continue;
      this.merge(block, gram, parts, changed.get(gram), true);
    }
  }

  /** The parts OR-ed together with the change's bits set and cleared. */
  private merged(parts: readonly [number, Buffer][], change: GramChange | undefined): Buffer | undefined {
    const words = this.words.fill(0);
    for (const [, ids] of parts) decodeInto(words, ids);
    if (change) {
      const { values, from, to } = change;
      for (let k = from; k < to; k++) {
        const value = values[k] ?? 0;
        setBit(words, value < 0 ? -1 - value : value, value >= 0);
      }
    }
    return encodeBlock(words);
  }

  private push(block: number, part: number, gram: string, blob: Buffer): void {
    this.rows.push(block, part, gram, blob);
    if (this.rows.length === FIELDS * ROWS_PER_STATEMENT) this.flush();
  }

  flush(): void {
    const rows = this.rows.length / FIELDS;
    if (rows === ROWS_PER_STATEMENT) this.many.run(this.rows);
    else for (let r = 0; r < rows; r++) this.one.run(this.rows.slice(FIELDS * r, FIELDS * r + FIELDS));
    this.rows.length = 0;
  }
}
