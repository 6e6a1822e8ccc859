/**
 * Repository of the 销毁 register (migration 0200, table `destructions`): entries are fixed once written
 * (triggers refuse UPDATE and DELETE), listed newest first.
 */
import type { Destruction, DestructionFilter, DestructionKind } from '../../domain/destruction.js';
import type { ReadableDB, WritableDB } from '../database.js';

interface DestructionRow {
  id: number;
  object_kind: DestructionKind;
  description: string;
  quantity: number;
  disc_export: number | null;
  method: string;
  destroyed_on: string;
  destroyer: string;
  witness: string;
  note: string;
  recorded_at: string;
  recorded_by: string;
}

const fromRow = (r: DestructionRow): Destruction => ({
  id: r.id,
  kind: r.object_kind,
  description: r.description,
  quantity: r.quantity,
  discExportId: r.disc_export,
  method: r.method,
  destroyedOn: r.destroyed_on,
  destroyer: r.destroyer,
  witness: r.witness,
  note: r.note,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
});

export type NewDestruction = Omit<Destruction, 'id' | 'recordedAt' | 'recordedBy'>;

export function insertDestruction(db: WritableDB, d: NewDestruction, by: string, at: string): Destruction {
  const info = db
    .prepare(
      `INSERT INTO destructions (object_kind, description, quantity, disc_export, method, destroyed_on, destroyer, witness, note, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(d.kind, d.description, d.quantity, d.discExportId, d.method, d.destroyedOn, d.destroyer, d.witness, d.note, at, by);
  return getDestruction(db, Number(info.lastInsertRowid)) as Destruction;
}

export function getDestruction(db: ReadableDB, id: number): Destruction | undefined {
  const row = db.prepare('SELECT * FROM destructions WHERE id = ?').get(id) as DestructionRow | undefined;
  return row ? fromRow(row) : undefined;
}

/** Entries of the filter, newest destruction date first (the later recorded first on the same day). */
export function listDestructions(db: ReadableDB, filter: DestructionFilter = {}): Destruction[] {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.from !== undefined) {
    where.push('destroyed_on >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    where.push('destroyed_on <= ?');
    params.push(filter.to);
  }
  if (filter.kind !== undefined) {
    where.push('object_kind = ?');
    params.push(filter.kind);
  }
  const sql = `SELECT * FROM destructions ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY destroyed_on DESC, id DESC`;
  return (db.prepare(sql).all(...params) as DestructionRow[]).map(fromRow);
}

/** Whether the 存档 register (disc_exports) has this entry. */
export function discExportExists(db: ReadableDB, id: number): boolean {
  return db.prepare('SELECT 1 FROM disc_exports WHERE id = ?').pluck().get(id) !== undefined;
}
