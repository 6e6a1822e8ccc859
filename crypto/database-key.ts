/**
 * The key of the encrypted workstation database (SQLCipher scheme of SQLite3MultipleCiphers).
 * - A passphrase is handed to SQLCipher, which derives the page key with PBKDF2-HMAC-SHA512
 *   (256 000 iterations, per-file salt in the file header).
 * - A key file (random bytes on a marked disc) is reduced to a raw 256-bit key with SHA-256; no
 *   stretching is needed for a random key.
 */
import { createHash } from 'node:crypto';

export type WorkstationSecret =
  | { readonly kind: 'passphrase'; readonly passphrase: string }
  | { readonly kind: 'keyFile'; readonly bytes: Uint8Array };

export const MIN_KEY_FILE_BYTES = 32;

/** The value of `PRAGMA key = …` (already quoted) for the secret. */
export function sqlCipherKeyPragmaValue(secret: WorkstationSecret): string {
  if (secret.kind === 'passphrase') return `'${secret.passphrase.replace(/'/g, "''")}'`;
  const raw = createHash('sha256').update('qbank database key file\0').update(secret.bytes).digest('hex');
  return `"x'${raw}'"`;
}
