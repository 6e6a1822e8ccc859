/** SHA-256 helpers (FIPS 180-4) over bytes and UTF-8 text. */
import { createHash } from 'node:crypto';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
