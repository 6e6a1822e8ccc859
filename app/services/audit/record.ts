/**
 * The audit choke point: every service call is recorded here through `invoke` (handler.ts), and so
 * is every file written (output/write.ts). Rows are chained: hash = SHA-256(prev ‖ canonical row).
 * Checkpoints are signed by the acting account's own key (audit/keys.ts) at logout, on export, on
 * demand and at every verification by the 安全审计员 (countersigned); each commit also moves the
 * external anchor (audit/anchor.ts). What this proves, and against whom: crypto/README.md.
 */
import { canonicalAuditRow, GENESIS_HASH, wellFormedText, type AuditEvent, type AuditRow } from '../../domain/audit.js';
import { chainHash } from '../../../crypto/hash-chain.js';
import { signWith } from '../../../crypto/signing.js';
import { inTransaction, type WritableDB } from '../../store/database.js';
import { insertCheckpoint, lastCheckpoint, type CheckpointBody, type CheckpointReason, type CheckpointRecord } from '../../store/repositories/audit-checkpoints.js';
import { listAccountKeys } from '../../store/repositories/account-keys.js';
import { appendAuditRow, auditHead } from '../../store/repositories/audit-log.js';
import { anchorText, noteCommitted, notePendingHead, type AnchorFile, type AnchorHead } from './anchor.js';
import { checkpointHash, checkpointMessage } from './checkpoint-format.js';
import { workstationId } from './keys.js';
import { auditMessages } from './messages.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';

export { verifyAuditChain, type AuditVerification } from './verify.js';
export { checkpointHash, checkpointMessage };

const DETAIL_LIMIT = 500;

/** Best effort: an anchor that cannot be written must not stop the work; `verify` reports a stale anchor. */
function anchorSafely(ctx: ServiceContext, write: (dir: string, wsId: string) => void): void {
  if (ctx.anchorDir === null) return;
  try {
    write(ctx.anchorDir, workstationId(ctx.db));
  } catch {
    // an unwritable profile folder: verification will show the anchor as missing or old
  }
}

/** Head of the log as seen by this connection. */
export function logHead(ctx: ServiceContext): AnchorHead {
  const last = auditHead(ctx.db);
  return { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

/** Call right before COMMIT of a transaction that appended rows. */
export function anchorPending(ctx: ServiceContext): void {
  anchorSafely(ctx, (dir, id) => notePendingHead(dir, id, logHead(ctx)));
}

/** Call right after COMMIT: the head, and the latest checkpoint with the keys known then. */
export function anchorCommitted(ctx: ServiceContext): void {
  anchorSafely(ctx, (dir, id) => {
    const c = lastCheckpoint(ctx.db);
    const checkpoint = c ? { seq: c.seq, hash: c.hash, auditSeq: c.auditSeq, auditHash: c.auditHash, signer: c.signer, keyId: c.keyId, signature: c.signature, at: c.at } : null;
    noteCommitted(dir, id, logHead(ctx), checkpoint, c ? listAccountKeys(ctx.db).map((k) => k.keyId) : []);
  });
}

/** The anchor file of the context's database as after its last commit (what a restore writes whole). */
export function anchorFileOf(ctx: ServiceContext): AnchorFile {
  const c = lastCheckpoint(ctx.db);
  const checkpoint = c ? { seq: c.seq, hash: c.hash, auditSeq: c.auditSeq, auditHash: c.auditHash, signer: c.signer, keyId: c.keyId, signature: c.signature, at: c.at } : null;
  return { version: 1, workstationId: workstationId(ctx.db), head: logHead(ctx), pending: null, checkpoint, keys: c ? listAccountKeys(ctx.db).map((k) => k.keyId) : [] };
}

/** `校验点#seq seq:hash 签署人 … 密钥 … 签名 …`: the anchor printed with every 存档 entry. */
export function checkpointLabel(c: CheckpointRecord): string {
  return auditMessages.checkpointLabel(c.seq, anchorText({ seq: c.auditSeq, hash: c.auditHash }), c.signer, c.keyId, c.signature);
}

/**
 * Appends one event for the context's actor; returns the stored row. Inside a transaction the row
 * commits (or rolls back) with it; alone it commits at once and moves the anchor.
 */
export function recordAudit(ctx: ServiceContext, event: AuditEvent): AuditRow {
  const topLevel = !ctx.db.inTransaction;
  let detail = event.detail.slice(0, DETAIL_LIMIT);
  if (event.register === '存档' && event.result === 'ok') {
    const cp = lastCheckpoint(ctx.db);
    if (cp) detail = `${detail.slice(0, DETAIL_LIMIT - 260)}；${checkpointLabel(cp)}`;
  }
  const append = (): AuditRow => {
    const last = auditHead(ctx.db);
    const base = {
      seq: (last?.seq ?? 0) + 1,
      at: timestamp(ctx),
      actor: wellFormedText(ctx.actor.username),
      actorId: ctx.actor.id,
      action: wellFormedText(event.action),
      register: event.register,
      objects: event.objects.map(wellFormedText),
      result: event.result,
      detail: wellFormedText(detail),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const canonical = canonicalAuditRow(base);
    const stored: AuditRow = { ...base, prevHash, hash: chainHash(prevHash, canonical) };
    appendAuditRow(ctx.db, stored, canonical);
    if (topLevel) anchorPending(ctx);
    return stored;
  };
  // inside a transaction one INSERT is atomic by itself: no savepoint needed
  const row = topLevel ? inTransaction(ctx.db, append) : append();
  if (topLevel) anchorCommitted(ctx);
  return row;
}

// ---- checkpoints -------------------------------------------------------------------------------

/**
 * Signs a checkpoint of the log's current head with the acting account's key. `countersigns`: the
 * seq of the checkpoint a verification by the 安全审计员 confirms.
 */
export function createCheckpoint(ctx: ServiceContext, reason: CheckpointReason, countersigns: number | null = null): CheckpointRecord {
  const signer = ctx.signer;
  if (!signer) throw new ServiceError(auditMessages.noSigner);
  const db: WritableDB = ctx.db;
  const wsId = workstationId(db);
  const topLevel = !db.inTransaction;
  const record = inTransaction(db, () => {
    const head = logHead(ctx);
    const prev = lastCheckpoint(db);
    const body: CheckpointBody = {
      seq: (prev?.seq ?? 0) + 1,
      prevHash: prev?.hash ?? GENESIS_HASH,
      auditSeq: head.seq,
      auditHash: head.hash,
      // rows are numbered 1, 2, 3 … without gaps (trigger audit_log_sequential): the count is the head's seq
      entries: head.seq,
      at: timestamp(ctx),
      reason,
      signerId: signer.accountId,
      signer: signer.username,
      keyId: signer.keyId,
      countersigns,
    };
    const message = checkpointMessage(wsId, body);
    const signature = signWith(signer.privateKey, message);
    const c: CheckpointRecord = { ...body, signature, hash: checkpointHash(message, signature) };
    insertCheckpoint(db, c);
    if (topLevel) anchorPending(ctx);
    return c;
  });
  if (topLevel) anchorCommitted(ctx);
  return record;
}

/** The signature of the latest checkpoint ('' before the first): what a printed anchor quotes. */
export function lastCheckpointSignature(ctx: ServiceContext): string {
  return lastCheckpoint(ctx.db)?.signature ?? '';
}
