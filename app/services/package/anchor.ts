/**
 * The audit anchor a package carries: the workstation's latest signed checkpoint (issue [S]) with the
 * exact message signed and the signer's public key, so that a receiver without the database checks
 * that the checkpoint was signed by that key, that its hash is the one stated, and that it names this
 * workstation — and a restore can refuse a backup older than the anchor it already holds.
 */
import { keyIdOf, verifySignature } from '../../../crypto/signing.js';
import type { PackageAnchor } from '../../domain/package/format.js';
import { listAccountKeys } from '../../store/repositories/account-keys.js';
import { lastCheckpoint } from '../../store/repositories/audit-checkpoints.js';
import { checkpointHash, checkpointMessage } from '../audit/checkpoint-format.js';
import { createCheckpoint } from '../audit/record.js';
import { workstationId } from '../audit/keys.js';
import type { ServiceContext } from '../context.js';
import { packageMessages as m } from './messages.js';

/** Signs an `export` checkpoint with the exporter's key (as every register export does) and returns it as the anchor. */
export function exportAnchor(ctx: ServiceContext): PackageAnchor | null {
  if (ctx.signer) createCheckpoint(ctx, 'export');
  return currentAnchor(ctx);
}

export function currentAnchor(ctx: ServiceContext): PackageAnchor | null {
  const c = lastCheckpoint(ctx.db);
  if (!c) return null;
  const wsId = workstationId(ctx.db);
  const key = listAccountKeys(ctx.db).find((k) => k.keyId === c.keyId);
  if (!key) return null;
  return {
    workstationId: wsId,
    seq: c.seq,
    hash: c.hash,
    auditSeq: c.auditSeq,
    auditHash: c.auditHash,
    at: c.at,
    signer: c.signer,
    keyId: c.keyId,
    message: checkpointMessage(wsId, c),
    signature: c.signature,
    publicKeyPem: key.publicKeyPem,
  };
}

export interface AnchorCheck {
  readonly ok: boolean;
  readonly seq: number;
  readonly auditSeq: number;
  readonly signer: string;
  readonly at: string;
  readonly text: string;
  readonly problems: readonly string[];
}

export function verifyAnchor(a: PackageAnchor): AnchorCheck {
  const problems: string[] = [];
  let fields: unknown[] = [];
  try {
    fields = JSON.parse(a.message) as unknown[];
  } catch {
    problems.push(m.anchorMessage);
  }
  const [format, wsId, seq, , auditSeq, auditHash] = fields;
  if (format !== 'qbank-audit-checkpoint/2' || wsId !== a.workstationId || seq !== a.seq || auditSeq !== a.auditSeq || auditHash !== a.auditHash) problems.push(m.anchorFields);
  let keyOk = false;
  try {
    keyOk = keyIdOf(a.publicKeyPem) === a.keyId && verifySignature(a.publicKeyPem, a.message, a.signature);
  } catch {
    keyOk = false;
  }
  if (!keyOk) problems.push(m.anchorSignature(a.seq));
  if (checkpointHash(a.message, a.signature) !== a.hash) problems.push(m.anchorHash(a.seq));
  return { ok: problems.length === 0, seq: a.seq, auditSeq: a.auditSeq, signer: a.signer, at: a.at, text: `${a.auditSeq}:${a.auditHash}`, problems };
}
