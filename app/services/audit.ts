/**
 * The audit choke point: every service call is recorded here through `invoke` (handler.ts), and so
 * is every file written (output.ts). Rows are chained: hash = SHA-256(prev ‖ canonical row).
 * Checkpoints (seq, hash, entries, time) are signed with the workstation's Ed25519 audit key at
 * logout, on export and on demand, so that truncation or replacement of the log is detectable.
 */
import { createHash } from 'node:crypto';
import { canonicalAuditRow, GENESIS_HASH, type AuditEvent, type AuditRow } from '../domain/audit.js';
import { secretBytes } from '../../crypto/database-key.js';
import { chainHash, firstBrokenLink } from '../../crypto/hash-chain.js';
import { generateSigningKey, rewrapSigningKey, signWith, verifySignature, wrappingPassphrase, type WrappedSigningKey } from '../../crypto/signing.js';
import { inTransaction, type ReadableDB, type WritableDB } from '../store/database.js';
import { insertCheckpoint, listCheckpoints, type CheckpointReason, type CheckpointRecord } from '../store/repositories/audit-checkpoints.js';
import { appendAuditRow, auditRowAt, countAuditRows, iterateAuditRows, lastAuditRow } from '../store/repositories/audit-log.js';
import { getSetting, setSetting } from '../store/repositories/settings.js';
import { timestamp, type ServiceContext } from './context.js';
import { ServiceError } from './errors.js';

/** Appends one event for the context's actor; returns the stored row. */
export function recordAudit(ctx: ServiceContext, event: AuditEvent): AuditRow {
  return inTransaction(ctx.db, () => {
    const last = lastAuditRow(ctx.db);
    const base = {
      seq: (last?.seq ?? 0) + 1,
      at: timestamp(ctx),
      actor: ctx.actor.username,
      actorId: ctx.actor.id,
      action: event.action,
      register: event.register,
      objects: [...event.objects],
      result: event.result,
      detail: event.detail.slice(0, 500),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const row: AuditRow = { ...base, prevHash, hash: chainHash(prevHash, canonicalAuditRow(base)) };
    appendAuditRow(ctx.db, row);
    return row;
  });
}

// ---- the audit signing key -------------------------------------------------------------------

const KEY_PUBLIC = 'audit.publicKey';
const KEY_PRIVATE = 'audit.privateKey';

function workstationId(db: ReadableDB): string {
  return getSetting(db, 'workstation.id') ?? '';
}

/** Creates the workstation's audit key, wrapped with the workstation secret (first run, rekey). */
export function installAuditKey(db: WritableDB, secret: Uint8Array): WrappedSigningKey {
  const key = generateSigningKey(wrappingPassphrase(secret, workstationId(db)));
  setSetting(db, KEY_PUBLIC, key.publicKeyPem);
  setSetting(db, KEY_PRIVATE, key.encryptedPrivateKeyPem);
  return key;
}

/** Re-wraps the audit key for a new workstation secret (rekey); the key itself is unchanged. */
export function rewrapAuditKey(db: WritableDB, oldSecret: Uint8Array, newSecret: Uint8Array): void {
  const publicKeyPem = getSetting(db, KEY_PUBLIC);
  const encryptedPrivateKeyPem = getSetting(db, KEY_PRIVATE);
  if (!publicKeyPem || !encryptedPrivateKeyPem) throw new ServiceError('工作站没有审计签名密钥');
  const id = workstationId(db);
  const next = rewrapSigningKey({ publicKeyPem, encryptedPrivateKeyPem }, wrappingPassphrase(oldSecret, id), wrappingPassphrase(newSecret, id));
  setSetting(db, KEY_PRIVATE, next.encryptedPrivateKeyPem);
}

export function auditPublicKey(db: ReadableDB): string | undefined {
  return getSetting(db, KEY_PUBLIC);
}

/** Short id of the audit key: the first 16 hex digits of SHA-256 of its SPKI PEM. */
export function auditKeyId(publicKeyPem: string): string {
  return createHash('sha256').update(publicKeyPem).digest('hex').slice(0, 16);
}

/** The exact bytes a checkpoint signature covers. */
export function checkpointMessage(wsId: string, c: Pick<CheckpointRecord, 'auditSeq' | 'auditHash' | 'entries' | 'at' | 'reason'>): string {
  return JSON.stringify(['qbank-audit-checkpoint', wsId, c.auditSeq, c.auditHash, c.entries, c.at, c.reason]);
}

export function createCheckpoint(ctx: ServiceContext, reason: CheckpointReason): CheckpointRecord {
  if (!ctx.secret) throw new ServiceError('没有工作站口令，无法签署审计校验点');
  const publicKeyPem = getSetting(ctx.db, KEY_PUBLIC);
  const encryptedPrivateKeyPem = getSetting(ctx.db, KEY_PRIVATE);
  if (!publicKeyPem || !encryptedPrivateKeyPem) throw new ServiceError('工作站没有审计签名密钥');
  const secret = secretBytes(ctx.secret);
  return inTransaction(ctx.db, () => {
    const last = lastAuditRow(ctx.db);
    const body = { auditSeq: last?.seq ?? 0, auditHash: last?.hash ?? GENESIS_HASH, entries: countAuditRows(ctx.db), at: timestamp(ctx), reason };
    const signature = signWith({ publicKeyPem, encryptedPrivateKeyPem }, wrappingPassphrase(secret, workstationId(ctx.db)), checkpointMessage(workstationId(ctx.db), body));
    return insertCheckpoint(ctx.db, { ...body, signature, keyId: auditKeyId(publicKeyPem) });
  });
}

// ---- verification ----------------------------------------------------------------------------

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  /** Hash of the last row (the chain head), GENESIS_HASH when empty. */
  readonly head: string;
  /** seq of the first row whose link is broken. */
  readonly brokenAt?: number;
  readonly checkpoints: number;
  /** Problems with checkpoints (bad signature, row changed since, log truncated), in Chinese. */
  readonly checkpointProblems: readonly string[];
  /** One-line Chinese verdict. */
  readonly message: string;
}

/** Recomputes the whole chain (streaming) and checks every signed checkpoint against it. */
export function verifyAuditChain(db: ReadableDB): AuditVerification {
  let head = GENESIS_HASH;
  let lastSeq: number | undefined;
  const links = (function* () {
    for (const row of iterateAuditRows(db)) {
      const { prevHash, hash, ...rest } = row;
      head = hash;
      lastSeq = row.seq;
      yield { prevHash, hash, canonical: canonicalAuditRow(rest) };
    }
  })();
  const broken = firstBrokenLink(links, GENESIS_HASH);
  const brokenAt = broken >= 0 ? (lastSeq ?? broken + 1) : undefined;
  const total = countAuditRows(db);

  const problems: string[] = [];
  const checkpoints = listCheckpoints(db);
  const publicKeyPem = auditPublicKey(db);
  const wsId = workstationId(db);
  const maxSeq = lastAuditRow(db)?.seq ?? 0;
  for (const c of checkpoints) {
    if (!publicKeyPem || !verifySignature(publicKeyPem, checkpointMessage(wsId, c), c.signature)) {
      problems.push(`校验点 ${c.id}（${c.at}）签名无效`);
      continue;
    }
    if (c.auditSeq > maxSeq) {
      problems.push(`校验点 ${c.id} 记录了 ${c.auditSeq} 条日志，现在只有 ${maxSeq} 条：日志被截断`);
      continue;
    }
    const row = c.auditSeq === 0 ? undefined : auditRowAt(db, c.auditSeq);
    if (c.auditSeq > 0 && row?.hash !== c.auditHash) problems.push(`校验点 ${c.id} 之前的第 ${c.auditSeq} 条日志已被改动或删除`);
  }
  const ok = brokenAt === undefined && problems.length === 0;
  const message = ok
    ? `审计日志完整：${total} 条，哈希链与 ${checkpoints.length} 个签名校验点全部验证通过`
    : brokenAt !== undefined
      ? `审计日志在第 ${brokenAt} 条处断开（该条或其前一条被改动、删除或插入）`
      : `审计日志校验点异常：${problems.join('；')}`;
  return { ok, entries: total, head, ...(brokenAt === undefined ? {} : { brokenAt }), checkpoints: checkpoints.length, checkpointProblems: problems, message };
}
