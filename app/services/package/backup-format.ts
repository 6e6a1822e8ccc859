/** What a backup package holds, and the key material that opens it (shared by backup.ts and restore.ts). */
import { createHash } from 'node:crypto';
import type { WorkstationSecret } from '../../../crypto/database-key.js';

export const BACKUP_DB = 'workstation.db';
export const BACKUP_INFO = 'backup.json';

/** What unwraps a backup's content key: the workstation secret, reduced to bytes. */
export function backupSecret(secret: WorkstationSecret): Buffer {
  return secret.kind === 'passphrase'
    ? Buffer.from(`passphrase\0${secret.passphrase}`, 'utf8')
    : Buffer.concat([Buffer.from('keyfile\0'), createHash('sha256').update(secret.bytes).digest()]);
}

