/** The bytes a checkpoint signature covers, and a stored checkpoint's hash (its successor's prev_hash). */
import { createHash } from 'node:crypto';
import type { CheckpointBody } from '../../store/repositories/audit-checkpoints.js';

export function checkpointMessage(wsId: string, c: CheckpointBody): string {
  return JSON.stringify([
    'qbank-audit-checkpoint/2', wsId, c.seq, c.prevHash, c.auditSeq, c.auditHash, c.entries, c.at, c.reason, c.signerId, c.signer, c.keyId, c.countersigns,
  ]);
}

export function checkpointHash(message: string, signature: string): string {
  return createHash('sha256').update(message, 'utf8').update('\n').update(signature, 'utf8').digest('hex');
}
