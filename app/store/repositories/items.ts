/**
 * Repository of items (theory, practical, 综合评审) and their immutable versions. The body of a
 * version is the domain object as JSON; searchable metadata (type, binding, difficulty, state) is
 * kept in columns.
 */
import type { ItemState } from '../../domain/bank.js';
import type { ReadableDB, WritableDB } from '../database.js';
import { NotFoundError } from '../errors.js';
import { cachedStatement } from '../statements.js';

export type ItemKind = 'theory' | 'practical' | 'comprehensive';
export type ItemType = 'trueFalse' | 'singleChoice' | 'multipleChoice' | 'practical' | 'comprehensive';

export interface NewItem {
  readonly bankId: number;
  readonly kind: ItemKind;
  readonly type: ItemType;
  readonly binding: string;
  readonly difficulty: number | null;
  readonly state: ItemState;
  readonly body: unknown;
}

export interface ItemRecord {
  readonly id: number;
  readonly bankId: number;
  readonly kind: ItemKind;
  readonly type: ItemType;
  readonly binding: string;
  readonly state: ItemState;
  readonly version: number;
  readonly difficulty: number | null;
  readonly body: unknown;
}

interface JoinedRow {
  id: number;
  bank_id: number;
  kind: ItemKind;
  type: ItemType;
  binding: string;
  state: ItemState;
  current_version: number;
  difficulty: number | null;
  body: string;
}

const SELECT_CURRENT = `
  SELECT i.id, i.bank_id, i.kind, i.type, i.binding, i.state, i.current_version, i.difficulty, v.body
  FROM items i JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version`;

function fromRow(r: JoinedRow): ItemRecord {
  return {
    id: r.id,
    bankId: r.bank_id,
    kind: r.kind,
    type: r.type,
    binding: r.binding,
    state: r.state,
    version: r.current_version,
    difficulty: r.difficulty,
    body: JSON.parse(r.body) as unknown,
  };
}

/** Inserts an item with its first version; returns the new id. */
export function insertItem(db: WritableDB, item: NewItem, by: string, at: string): number {
  const info = cachedStatement(
    db,
    `INSERT INTO items (bank_id, kind, type, binding, state, current_version, difficulty, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  ).run(item.bankId, item.kind, item.type, item.binding, item.state, item.difficulty, at, by, at);
  const id = Number(info.lastInsertRowid);
  cachedStatement(db, 'INSERT INTO item_versions (item_id, version, body, created_at, created_by) VALUES (?, 1, ?, ?, ?)').run(
    id,
    JSON.stringify(item.body),
    at,
    by,
  );
  insertTransition(db, { itemId: id, version: 1, from: '', to: item.state, comment: '建立', at, by });
  return id;
}

/** Saves a new version as the item's current one and sets its state; returns the version number. */
export function addVersion(
  db: WritableDB,
  itemId: number,
  change: { body: unknown; binding: string; difficulty: number | null; state: ItemState; note: string },
  by: string,
  at: string,
): number {
  const current = getItem(db, itemId);
  const version = current.version + 1;
  db.prepare('INSERT INTO item_versions (item_id, version, body, created_at, created_by, note) VALUES (?, ?, ?, ?, ?, ?)').run(
    itemId,
    version,
    JSON.stringify(change.body),
    at,
    by,
    change.note,
  );
  db.prepare('UPDATE items SET current_version = ?, binding = ?, difficulty = ?, state = ?, updated_at = ? WHERE id = ?').run(
    version,
    change.binding,
    change.difficulty,
    change.state,
    at,
    itemId,
  );
  if (change.state !== current.state) insertTransition(db, { itemId, version, from: current.state, to: change.state, comment: '修改后重新起草', at, by });
  return version;
}

export function setItemState(db: WritableDB, itemId: number, to: ItemState, comment: string, by: string, at: string): void {
  const current = getItem(db, itemId);
  db.prepare('UPDATE items SET state = ?, updated_at = ? WHERE id = ?').run(to, at, itemId);
  insertTransition(db, { itemId, version: current.version, from: current.state, to, comment, at, by });
}

export interface VersionRecord {
  readonly version: number;
  readonly body: unknown;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly note: string;
}

export function getVersion(db: ReadableDB, itemId: number, version: number): VersionRecord {
  const row = db.prepare('SELECT * FROM item_versions WHERE item_id = ? AND version = ?').get(itemId, version) as
    | { version: number; body: string; created_at: string; created_by: string; note: string }
    | undefined;
  if (!row) throw new NotFoundError(`试题 ${itemId} 没有第 ${version} 版`);
  return { version: row.version, body: JSON.parse(row.body) as unknown, createdAt: row.created_at, createdBy: row.created_by, note: row.note };
}

export function listVersions(db: ReadableDB, itemId: number): Omit<VersionRecord, 'body'>[] {
  return (
    db.prepare('SELECT version, created_at, created_by, note FROM item_versions WHERE item_id = ? ORDER BY version').all(itemId) as {
      version: number;
      created_at: string;
      created_by: string;
      note: string;
    }[]
  ).map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by, note: r.note }));
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

export interface ItemFilter {
  readonly kind?: ItemKind;
  readonly type?: ItemType;
  readonly state?: ItemState;
}

export function listItems(db: ReadableDB, bankId: number, filter: ItemFilter = {}): ItemRecord[] {
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
  return (db.prepare(`${SELECT_CURRENT} WHERE ${where.join(' AND ')} ORDER BY i.id`).all(...args) as JoinedRow[]).map(fromRow);
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
