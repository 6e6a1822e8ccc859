/**
 * Repository of the append-only access log. Hashes are computed by the audit service; this module
 * only stores and reads rows (the table's triggers refuse any change to a stored row). A row is
 * stored as its canonical text (migration 0160); at, actor, … are columns generated from it.
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

/** The stored columns, and prev_hash: the hash of the row before (zeros before the first). */
const SELECT_ROWS = `SELECT seq, at, actor, actor_id, action, register, objects, result, detail, hash,
  COALESCE((SELECT p.hash FROM audit_log p WHERE p.seq = audit_log.seq - 1), '${'0'.repeat(64)}') AS prev_hash FROM audit_log`;

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

/** seq and hash of the last row (what appending and anchoring need), without the derived columns. */
export function auditHead(db: ReadableDB): { seq: number; hash: string } | undefined {
  return cachedStatement(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
}

/** Stores the row as `canonical` — the exact text its hash covers; the other columns derive from it. */
export function appendAuditRow(db: WritableDB, row: AuditRow, canonical: string): void {
  cachedStatement(db, 'INSERT INTO audit_log (seq, canonical, hash) VALUES (?, ?, ?)').run(row.seq, canonical, row.hash);
}

/** All rows in order, streamed (the log can be long). */
export function* iterateAuditRows(db: ReadableDB): Generator<AuditRow> {
  for (const row of db.prepare(`${SELECT_ROWS} ORDER BY seq`).iterate() as IterableIterator<Row>) {
    yield fromRow(row);
  }
}

/** Rows of one register ('' = all), oldest first. */
export function* iterateRegister(db: ReadableDB, register: string): Generator<AuditRow> {
  const stmt =
    register === ''
      ? db.prepare(`${SELECT_ROWS} ORDER BY seq`)
      : db.prepare(`${SELECT_ROWS} WHERE register = ? ORDER BY seq`);
  const rows = (register === '' ? stmt.iterate() : stmt.iterate(register)) as IterableIterator<Row>;
  for (const row of rows) yield fromRow(row);
}
