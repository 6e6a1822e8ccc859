/**
 * Repository of signed checkpoints of the access log (migration 0150): a chain of its own, each
 * row carrying the hash of the previous one, its signer and key; append-only (triggers).
 */
import type { ReadableDB, WritableDB } from '../database.js';

export const CHECKPOINT_REASONS = ['init', 'logout', 'export', 'demand', 'verify', 'rekey'] as const;
export type CheckpointReason = (typeof CHECKPOINT_REASONS)[number];

/** What a signature covers (everything but the signature and the row's own hash). */
export interface CheckpointBody {
  readonly seq: number;
  readonly prevHash: string;
  readonly auditSeq: number;
  readonly auditHash: string;
  readonly entries: number;
  readonly at: string;
  readonly reason: CheckpointReason;
  readonly signerId: number;
  readonly signer: string;
  readonly keyId: string;
  /** seq of the checkpoint an auditor's verification countersigns, else null. */
  readonly countersigns: number | null;
}

export interface CheckpointRecord extends CheckpointBody {
  readonly signature: string;
  readonly hash: string;
}

interface Row {
  seq: number;
  prev_hash: string;
  audit_seq: number;
  audit_hash: string;
  entries: number;
  at: string;
  reason: CheckpointReason;
  signer_id: number;
  signer: string;
  key_id: string;
  countersigns: number | null;
  signature: string;
  hash: string;
}

const fromRow = (r: Row): CheckpointRecord => ({
  seq: r.seq,
  prevHash: r.prev_hash,
  auditSeq: r.audit_seq,
  auditHash: r.audit_hash,
  entries: r.entries,
  at: r.at,
  reason: r.reason,
  signerId: r.signer_id,
  signer: r.signer,
  keyId: r.key_id,
  countersigns: r.countersigns,
  signature: r.signature,
  hash: r.hash,
});

export function insertCheckpoint(db: WritableDB, c: CheckpointRecord): void {
  db.prepare(
    `INSERT INTO audit_checkpoints (seq, prev_hash, audit_seq, audit_hash, entries, at, reason, signer_id, signer, key_id, countersigns, signature, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.seq, c.prevHash, c.auditSeq, c.auditHash, c.entries, c.at, c.reason, c.signerId, c.signer, c.keyId, c.countersigns, c.signature, c.hash);
}

export function listCheckpoints(db: ReadableDB): CheckpointRecord[] {
  return (db.prepare('SELECT * FROM audit_checkpoints ORDER BY seq').all() as Row[]).map(fromRow);
}

export function lastCheckpoint(db: ReadableDB): CheckpointRecord | undefined {
  const row = db.prepare('SELECT * FROM audit_checkpoints ORDER BY seq DESC LIMIT 1').get() as Row | undefined;
  return row ? fromRow(row) : undefined;
}

/** Checkpoints of schema 80, kept frozen (their workstation-key signatures prove nothing now). */
export function countLegacyCheckpoints(db: ReadableDB): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM audit_checkpoints_v1').get() as { n: number }).n;
}

/** The last log row an old-style checkpoint covered (0 when there is none): logouts up to it were signed the old way. */
export function legacyCheckpointedSeq(db: ReadableDB): number {
  return (db.prepare('SELECT COALESCE(MAX(audit_seq), 0) FROM audit_checkpoints_v1').pluck().get() as number) ?? 0;
}
