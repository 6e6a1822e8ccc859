/** Repository of signed checkpoints of the access log. */
import type { ReadableDB, WritableDB } from '../database.js';

export type CheckpointReason = 'logout' | 'export' | 'demand';

export interface CheckpointRecord {
  readonly id: number;
  readonly auditSeq: number;
  readonly auditHash: string;
  readonly entries: number;
  readonly at: string;
  readonly reason: CheckpointReason;
  readonly signature: string;
  readonly keyId: string;
}

interface Row {
  id: number;
  audit_seq: number;
  audit_hash: string;
  entries: number;
  at: string;
  reason: CheckpointReason;
  signature: string;
  key_id: string;
}

const fromRow = (r: Row): CheckpointRecord => ({
  id: r.id,
  auditSeq: r.audit_seq,
  auditHash: r.audit_hash,
  entries: r.entries,
  at: r.at,
  reason: r.reason,
  signature: r.signature,
  keyId: r.key_id,
});

export function insertCheckpoint(db: WritableDB, c: Omit<CheckpointRecord, 'id'>): CheckpointRecord {
  const info = db
    .prepare('INSERT INTO audit_checkpoints (audit_seq, audit_hash, entries, at, reason, signature, key_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(c.auditSeq, c.auditHash, c.entries, c.at, c.reason, c.signature, c.keyId);
  return { ...c, id: Number(info.lastInsertRowid) };
}

export function listCheckpoints(db: ReadableDB): CheckpointRecord[] {
  return (db.prepare('SELECT * FROM audit_checkpoints ORDER BY id').all() as Row[]).map(fromRow);
}

export function lastCheckpoint(db: ReadableDB): CheckpointRecord | undefined {
  const row = db.prepare('SELECT * FROM audit_checkpoints ORDER BY id DESC LIMIT 1').get() as Row | undefined;
  return row ? fromRow(row) : undefined;
}
