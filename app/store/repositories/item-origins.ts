/**
 * Repository of item origins (migration 0200): the identity `<workstation id>:<item id>` an item
 * carries between workstations, so that a transferred bank merges instead of duplicating. An item
 * created here has no row: its origin is this workstation's id and its own id (the services say so);
 * an item that arrived from elsewhere has the row it arrived with, for good.
 *
 * Also the two writes a transfer needs beside items.ts: an item created with all its versions, and
 * versions appended, each keeping its own number, author, date and note as the source wrote them.
 */
import type { ItemState } from '../../domain/bank.js';
import { itemColumns, type Item } from '../../domain/item.js';
import type { ReadableDB, WritableDB } from '../database.js';
import { ConflictError } from '../errors.js';
import { cachedStatement } from '../statements.js';
import { getItemSummary, insertTransition } from './items.js';

/** The recorded origin of an item; undefined for an item created here (and for no item). */
export function originOf(db: ReadableDB, itemId: number): string | undefined {
  return cachedStatement(db, 'SELECT origin FROM item_origins WHERE item_id = ?').pluck().get(itemId) as string | undefined;
}

/** The item that arrived with this origin, if any. */
export function itemByOrigin(db: ReadableDB, origin: string): number | undefined {
  return cachedStatement(db, 'SELECT item_id FROM item_origins WHERE origin = ?').pluck().get(origin) as number | undefined;
}

/** Records the origin of an item; an item keeps the origin it was given, and an origin names one item. */
export function setOrigin(db: WritableDB, itemId: number, origin: string): void {
  const had = originOf(db, itemId);
  if (had === origin) return;
  if (had !== undefined) throw new ConflictError(`试题 ${itemId} 已有来源 ${had}，不能改为 ${origin}`);
  const other = itemByOrigin(db, origin);
  if (other !== undefined) throw new ConflictError(`来源 ${origin} 已属于试题 ${other}`);
  cachedStatement(db, 'INSERT INTO item_origins (item_id, origin) VALUES (?, ?)').run(itemId, origin);
}

/** The recorded origins of a bank's items, by item id (items created here have none). */
export function bankOrigins(db: ReadableDB, bankId: number): Map<number, string> {
  const rows = db
    .prepare('SELECT o.item_id, o.origin FROM item_origins o JOIN items i ON i.id = o.item_id WHERE i.bank_id = ?')
    .all(bankId) as { item_id: number; origin: string }[];
  return new Map(rows.map((r) => [r.item_id, r.origin]));
}

/** Whether the item exists and has no recorded origin (so its origin is `<this workstation>:<its id>`). */
export function isLocalItem(db: ReadableDB, itemId: number): boolean {
  return cachedStatement(db, 'SELECT 1 FROM items i WHERE i.id = ? AND NOT EXISTS (SELECT 1 FROM item_origins o WHERE o.item_id = i.id)').get(itemId) !== undefined;
}

/** A version as the source wrote it: its number, body, author, date and note are kept. */
export interface TransferredVersion {
  readonly version: number;
  readonly item: Item;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly note: string;
}

function insertVersionRow(db: WritableDB, itemId: number, v: TransferredVersion): void {
  cachedStatement(db, 'INSERT INTO item_versions (item_id, version, body, created_at, created_by, note) VALUES (?, ?, ?, ?, ?, ?)').run(
    itemId,
    v.version,
    JSON.stringify(v.item.body),
    v.createdAt,
    v.createdBy,
    v.note,
  );
}

function requireNumbered(versions: readonly TransferredVersion[], first: number, what: string): TransferredVersion {
  versions.forEach((v, i) => {
    if (v.version !== first + i) throw new ConflictError(`${what}的版本应从第 ${first} 版起依次编号`);
    if (v.item.kind !== versions[0]?.item.kind) throw new ConflictError(`${what}的各版本类别不一致`);
  });
  const last = versions.at(-1);
  if (last === undefined) throw new ConflictError(`${what}没有版本`);
  return last;
}

/**
 * Inserts an item that arrived from another workstation with all its versions (numbered 1…n) and its
 * origin; the item row is dated and signed by its first version, the transition to `state` by `by` at `at`.
 */
export function insertTransferredItem(
  db: WritableDB,
  item: { bankId: number; origin: string; state: ItemState; versions: readonly TransferredVersion[]; comment: string },
  by: string,
  at: string,
): number {
  const last = requireNumbered(item.versions, 1, `来源 ${item.origin} 的试题`);
  const first = item.versions[0] as TransferredVersion;
  const c = itemColumns(last.item);
  const info = cachedStatement(
    db,
    `INSERT INTO items (bank_id, kind, type, binding, state, current_version, difficulty, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(item.bankId, c.kind, c.type, c.binding, item.state, last.version, c.difficulty, first.createdAt, first.createdBy, at);
  const id = Number(info.lastInsertRowid);
  for (const v of item.versions) insertVersionRow(db, id, v);
  setOrigin(db, id, item.origin);
  insertTransition(db, { itemId: id, version: last.version, from: '', to: item.state, comment: item.comment, at, by });
  return id;
}

/** Appends versions (numbered on from the current one, of the item's kind) as the current ones, and sets the state. */
export function appendTransferredVersions(
  db: WritableDB,
  itemId: number,
  change: { versions: readonly TransferredVersion[]; state: ItemState; comment: string },
  by: string,
  at: string,
): void {
  const current = getItemSummary(db, itemId);
  const last = requireNumbered(change.versions, current.version + 1, `试题 ${itemId}`);
  const c = itemColumns(last.item);
  if (c.kind !== current.kind) throw new ConflictError(`试题 ${itemId} 的新版本类别与原试题不同`);
  for (const v of change.versions) insertVersionRow(db, itemId, v);
  cachedStatement(db, 'UPDATE items SET current_version = ?, type = ?, binding = ?, difficulty = ?, state = ?, updated_at = ? WHERE id = ?').run(
    last.version,
    c.type,
    c.binding,
    c.difficulty,
    change.state,
    at,
    itemId,
  );
  insertTransition(db, { itemId, version: last.version, from: current.state, to: change.state, comment: change.comment, at, by });
}
