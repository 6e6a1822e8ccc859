/**
 * Repository of items (theory, practical, 综合评审) and their immutable versions. The body of a
 * version is the domain object as JSON, read back through the schema of the item's kind (a body that
 * does not fit is reported as damaged, never handed out unchecked); searchable metadata (type,
 * binding, difficulty, state) is kept in columns derived from the item (domain `itemColumns`).
 */
import type { CatalogueRow } from '../../domain/item-catalogue.js';
import type { ItemState } from '../../domain/bank.js';
import { formatProblem } from '../../domain/validation.js';
import {
  decodeItem,
  itemColumns,
  itemKindNames,
  type Item,
  type ItemBodyOf,
  type ItemKind,
  type ItemOf,
  type ItemType,
  type ItemTypeOf,
} from '../../domain/item.js';
import type { ReadableDB, WritableDB } from '../database.js';
import { ConflictError, CorruptDataError, NotFoundError } from '../errors.js';
import { cachedStatement } from '../statements.js';

export interface NewItem {
  readonly bankId: number;
  readonly state: ItemState;
  readonly item: Item;
}

/** An item's columns without its body (lists of the catalogue, workflow steps): a catalogue row and its bank. */
export interface ItemSummary extends CatalogueRow {
  readonly bankId: number;
}

/** The summary of an item of kind K (its type is one of that kind's). */
export type ItemSummaryOf<K extends ItemKind> = K extends ItemKind ? Omit<ItemSummary, 'kind' | 'type'> & { readonly kind: K; readonly type: ItemTypeOf<K> } : never;

/** The current version of an item of kind K, its body decoded by that kind. */
export type ItemRecordOf<K extends ItemKind> = K extends ItemKind ? ItemSummaryOf<K> & Readonly<ItemOf<K>> : never;
export type ItemRecord = ItemRecordOf<ItemKind>;

interface SummaryRow {
  id: number;
  bank_id: number;
  kind: ItemKind;
  type: ItemType;
  binding: string;
  state: ItemState;
  current_version: number;
  difficulty: number | null;
}

interface JoinedRow extends SummaryRow {
  body: string;
}

const SUMMARY_COLUMNS = 'i.id, i.bank_id, i.kind, i.type, i.binding, i.state, i.current_version, i.difficulty';
const SELECT_SUMMARY = `SELECT ${SUMMARY_COLUMNS} FROM items i`;
const SELECT_CURRENT = `
  SELECT ${SUMMARY_COLUMNS}, v.body
  FROM items i JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version`;

function summaryFromRow(r: SummaryRow): ItemSummary {
  return {
    id: r.id,
    bankId: r.bank_id,
    kind: r.kind,
    type: r.type,
    binding: r.binding,
    state: r.state,
    version: r.current_version,
    difficulty: r.difficulty,
  };
}

/** The stored body of version `version` of item `itemId`, read as an item of `kind`; damaged bodies throw. */
function decodeStored(itemId: number, version: number, kind: string, json: string): Item {
  const subject = `试题 ${itemId} 第 ${version} 版`;
  let raw: unknown;
  try {
    raw = JSON.parse(json) as unknown;
  } catch {
    throw new CorruptDataError(subject, '不是有效的 JSON');
  }
  const decoded = decodeItem(kind, raw);
  if (!decoded.ok) throw new CorruptDataError(subject, decoded.problems.map((p) => formatProblem(p)).join('；'));
  return decoded.value;
}

function fromRow(r: JoinedRow): ItemRecord {
  const { kind, body } = decodeStored(r.id, r.current_version, r.kind, r.body);
  // The type follows the kind (the columns were derived from the same item when it was saved).
  return {
    id: r.id,
    bankId: r.bank_id,
    kind,
    type: r.type,
    binding: r.binding,
    state: r.state,
    version: r.current_version,
    difficulty: r.difficulty,
    body,
  } as ItemRecord;
}

/** Inserts an item with its first version; returns the new id. */
export function insertItem(db: WritableDB, { bankId, state, item }: NewItem, by: string, at: string): number {
  const c = itemColumns(item);
  const info = cachedStatement(
    db,
    `INSERT INTO items (bank_id, kind, type, binding, state, current_version, difficulty, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  ).run(bankId, c.kind, c.type, c.binding, state, c.difficulty, at, by, at);
  const id = Number(info.lastInsertRowid);
  cachedStatement(db, 'INSERT INTO item_versions (item_id, version, body, created_at, created_by) VALUES (?, 1, ?, ?, ?)').run(
    id,
    JSON.stringify(item.body),
    at,
    by,
  );
  insertTransition(db, { itemId: id, version: 1, from: '', to: state, comment: '建立', at, by });
  return id;
}

/** Saves a new version (of the same kind) as the item's current one and sets its state; returns the version number. */
export function addVersion(
  db: WritableDB,
  itemId: number,
  change: { item: Item; state: ItemState; note: string },
  by: string,
  at: string,
): number {
  const current = getItemSummary(db, itemId);
  const c = itemColumns(change.item);
  if (c.kind !== current.kind) throw new ConflictError(`试题 ${itemId} 是${itemKindNames[current.kind]}试题，新版本不能是${itemKindNames[c.kind]}试题`);
  const version = current.version + 1;
  db.prepare('INSERT INTO item_versions (item_id, version, body, created_at, created_by, note) VALUES (?, ?, ?, ?, ?, ?)').run(
    itemId,
    version,
    JSON.stringify(change.item.body),
    at,
    by,
    change.note,
  );
  db.prepare('UPDATE items SET current_version = ?, type = ?, binding = ?, difficulty = ?, state = ?, updated_at = ? WHERE id = ?').run(
    version,
    c.type,
    c.binding,
    c.difficulty,
    change.state,
    at,
    itemId,
  );
  if (change.state !== current.state) insertTransition(db, { itemId, version, from: current.state, to: change.state, comment: '修改后重新起草', at, by });
  return version;
}

export function setItemState(db: WritableDB, itemId: number, to: ItemState, comment: string, by: string, at: string): void {
  const current = getItemSummary(db, itemId);
  db.prepare('UPDATE items SET state = ?, updated_at = ? WHERE id = ?').run(to, at, itemId);
  insertTransition(db, { itemId, version: current.version, from: current.state, to, comment, at, by });
}

export interface VersionInfo {
  readonly version: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly note: string;
}

/** One version of an item, its body decoded by the item's kind. */
export type VersionRecord = { [K in ItemKind]: VersionInfo & Readonly<ItemOf<K>> }[ItemKind];

/** A version of an item; with `kind`, the item must be of that kind (a paper of that kind pins it). */
export function getVersion(db: ReadableDB, itemId: number, version: number): VersionRecord;
export function getVersion<K extends ItemKind>(db: ReadableDB, itemId: number, version: number, kind: K): VersionInfo & { readonly kind: K; readonly body: ItemBodyOf<K> };
export function getVersion(db: ReadableDB, itemId: number, version: number, kind?: ItemKind): VersionRecord {
  const row = cachedStatement(
    db,
    'SELECT v.version, v.body, v.created_at, v.created_by, v.note, i.kind FROM item_versions v JOIN items i ON i.id = v.item_id WHERE v.item_id = ? AND v.version = ?',
  ).get(itemId, version) as { version: number; body: string; created_at: string; created_by: string; note: string; kind: ItemKind } | undefined;
  if (!row) throw new NotFoundError(`试题 ${itemId} 没有第 ${version} 版`);
  if (kind !== undefined && row.kind !== kind) throw new NotFoundError(`试题 ${itemId} 不是${itemKindNames[kind]}试题`);
  const item = decodeStored(itemId, row.version, row.kind, row.body);
  return { version: row.version, ...item, createdAt: row.created_at, createdBy: row.created_by, note: row.note };
}

export function listVersions(db: ReadableDB, itemId: number): VersionInfo[] {
  return (
    db.prepare('SELECT version, created_at, created_by, note FROM item_versions WHERE item_id = ? ORDER BY version').all(itemId) as {
      version: number;
      created_at: string;
      created_by: string;
      note: string;
    }[]
  ).map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by, note: r.note }));
}

/** Every version of an item with its body, version 1 first (a bank transfer carries them all). */
export function listVersionRecords(db: ReadableDB, itemId: number): VersionRecord[] {
  const rows = cachedStatement(db, 'SELECT v.version, v.body, v.created_at, v.created_by, v.note, i.kind FROM item_versions v JOIN items i ON i.id = v.item_id WHERE v.item_id = ? ORDER BY v.version')
    .all(itemId) as { version: number; body: string; created_at: string; created_by: string; note: string; kind: ItemKind }[];
  return rows.map((r) => ({ version: r.version, ...decodeStored(itemId, r.version, r.kind, r.body), createdAt: r.created_at, createdBy: r.created_by, note: r.note }));
}

/** Versions written per account (username) across the bank's items: who counts as its 开发组 (review panel rule). */
export function versionWriters(db: ReadableDB, bankId: number): Map<string, number> {
  const rows = db
    .prepare('SELECT v.created_by AS who, COUNT(*) AS n FROM item_versions v JOIN items i ON i.id = v.item_id WHERE i.bank_id = ? GROUP BY v.created_by')
    .all(bankId) as { who: string; n: number }[];
  return new Map(rows.map((r) => [r.who, r.n]));
}

/** The accounts (usernames) that created any version of the item — its authors (四眼原则, domain workflow.ts). */
export function itemAuthors(db: ReadableDB, itemId: number): string[] {
  return db.prepare('SELECT DISTINCT created_by FROM item_versions WHERE item_id = ? ORDER BY created_by').pluck().all(itemId) as string[];
}

export interface TransitionRecord {
  readonly itemId: number;
  readonly version: number;
  readonly from: ItemState | '';
  readonly to: ItemState;
  readonly comment: string;
  readonly at: string;
  readonly by: string;
}

export function insertTransition(db: WritableDB, t: TransitionRecord): void {
  cachedStatement(db, 'INSERT INTO item_transitions (item_id, version, from_state, to_state, comment, at, by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    t.itemId,
    t.version,
    t.from,
    t.to,
    t.comment,
    t.at,
    t.by,
  );
}

export function listTransitions(db: ReadableDB, itemId: number): TransitionRecord[] {
  return (
    db.prepare('SELECT * FROM item_transitions WHERE item_id = ? ORDER BY id').all(itemId) as {
      item_id: number;
      version: number;
      from_state: ItemState | '';
      to_state: ItemState;
      comment: string;
      at: string;
      by: string;
    }[]
  ).map((r) => ({ itemId: r.item_id, version: r.version, from: r.from_state, to: r.to_state, comment: r.comment, at: r.at, by: r.by }));
}

export function getItem(db: ReadableDB, id: number): ItemRecord {
  const row = db.prepare(`${SELECT_CURRENT} WHERE i.id = ?`).get(id) as JoinedRow | undefined;
  if (!row) throw new NotFoundError(`试题 ${id} 不存在`);
  return fromRow(row);
}

/** The item's columns only: its body is neither read nor decoded. */
export function getItemSummary(db: ReadableDB, id: number): ItemSummary {
  const row = cachedStatement(db, `${SELECT_SUMMARY} WHERE i.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new NotFoundError(`试题 ${id} 不存在`);
  return summaryFromRow(row);
}

export interface ItemFilter<K extends ItemKind = ItemKind> {
  readonly kind?: K;
  readonly type?: ItemType;
  readonly state?: ItemState;
}

function whereOf(bankId: number, filter: ItemFilter): { sql: string; args: (string | number)[] } {
  const where = ['i.bank_id = ?'];
  const args: (string | number)[] = [bankId];
  for (const [column, value] of [
    ['kind', filter.kind],
    ['type', filter.type],
    ['state', filter.state],
  ] as const) {
    if (value === undefined) continue;
    where.push(`i.${column} = ?`);
    args.push(value);
  }
  return { sql: `WHERE ${where.join(' AND ')} ORDER BY i.id`, args };
}

/** The bank's items with their current bodies (filtered by kind, the records are of that kind). */
export function listItems<K extends ItemKind = ItemKind>(db: ReadableDB, bankId: number, filter: ItemFilter<K> = {}): ItemRecordOf<K>[] {
  const { sql, args } = whereOf(bankId, filter);
  return (db.prepare(`${SELECT_CURRENT} ${sql}`).all(...args) as JoinedRow[]).map((r) => fromRow(r) as ItemRecordOf<K>);
}

/** The bank's items without their bodies (the catalogue; coverage counts). */
export function listItemSummaries<K extends ItemKind = ItemKind>(db: ReadableDB, bankId: number, filter: ItemFilter<K> = {}): ItemSummaryOf<K>[] {
  const { sql, args } = whereOf(bankId, filter);
  return (db.prepare(`${SELECT_SUMMARY} ${sql}`).all(...args) as SummaryRow[]).map((r) => summaryFromRow(r) as ItemSummaryOf<K>);
}

export interface ItemCounts {
  readonly byKind: Readonly<Record<string, number>>;
  readonly byType: Readonly<Record<string, number>>;
  readonly byState: Readonly<Record<string, number>>;
}

export function countItems(db: ReadableDB, bankId: number): ItemCounts {
  const group = (col: 'kind' | 'type' | 'state') =>
    Object.fromEntries(
      (db.prepare(`SELECT ${col} AS k, COUNT(*) AS n FROM items WHERE bank_id = ? GROUP BY ${col}`).all(bankId) as {
        k: string;
        n: number;
      }[]).map((r) => [r.k, r.n]),
    );
  return { byKind: group('kind'), byType: group('type'), byState: group('state') };
}

/** 入库 items of the bank per 题型 (the items papers may use). */
export function countEligible(db: ReadableDB, bankId: number): Readonly<Record<string, number>> {
  const rows = db.prepare(`SELECT type AS k, COUNT(*) AS n FROM items WHERE bank_id = ? AND state = '入库' GROUP BY type`).all(bankId) as { k: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}
