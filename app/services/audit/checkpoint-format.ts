/** The bytes a checkpoint signature covers, and a stored checkpoint's hash (its successor's prev_hash). */
import { sha256Hex } from '../../../crypto/digest.js';
import type { CheckpointBody } from '../../store/repositories/audit-checkpoints.js';

export function checkpointMessage(wsId: string, c: CheckpointBody): string {
  return JSON.stringify([
    'qbank-audit-checkpoint/2', wsId, c.seq, c.prevHash, c.auditSeq, c.auditHash, c.entries, c.at, c.reason, c.signerId, c.signer, c.keyId, c.countersigns,
  ]);
}

export function checkpointHash(message: string, signature: string): string {
  return sha256Hex(`${message}\n${signature}`);
}
