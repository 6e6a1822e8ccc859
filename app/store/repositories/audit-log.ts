/**
 * Repository of the append-only access log. Hashes are computed by the audit service; this module
 * only stores and reads rows (the table's triggers refuse any change to a stored row).
 */
import type { AuditRegister, AuditResult, AuditRow } from '../../domain/audit.js';
import type { ReadableDB, WritableDB } from '../database.js';
import { cachedStatement } from '../statements.js';

interface Row {
  seq: number;
  at: string;
  actor: string;
  actor_id: number | null;
  action: string;
  register: string;
  objects: string;
  result: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

function fromRow(r: Row): AuditRow {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    actorId: r.actor_id,
    action: r.action,
    register: r.register as AuditRegister,
    objects: JSON.parse(r.objects) as string[],
    result: r.result as AuditResult,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export function lastAuditRow(db: ReadableDB): AuditRow | undefined {
  const row = cachedStatement(db, 'SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Row | undefined;
  return row ? fromRow(row) : undefined;
}

export function appendAuditRow(db: WritableDB, row: AuditRow): void {
  cachedStatement(db, 
    `INSERT INTO audit_log (seq, at, actor, actor_id, action, register, objects, result, detail, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.seq,
    row.at,
    row.actor,
    row.actorId,
    row.action,
    row.register,
    JSON.stringify(row.objects),
    row.result,
    row.detail,
    row.prevHash,
    row.hash,
  );
}

/** All rows in order, streamed (the log can be long). */
export function* iterateAuditRows(db: ReadableDB): Generator<AuditRow> {
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<Row>) {
    yield fromRow(row);
  }
}

export function countAuditRows(db: ReadableDB): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
}

export function auditRowAt(db: ReadableDB, seq: number): AuditRow | undefined {
  const row = db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

/** Rows of one register ('' = all), oldest first. */
export function* iterateRegister(db: ReadableDB, register: string): Generator<AuditRow> {
  const stmt =
    register === ''
      ? db.prepare('SELECT * FROM audit_log ORDER BY seq')
      : db.prepare('SELECT * FROM audit_log WHERE register = ? ORDER BY seq');
  const rows = (register === '' ? stmt.iterate() : stmt.iterate(register)) as IterableIterator<Row>;
  for (const row of rows) yield fromRow(row);
}
