/**
 * Hash chain of an append-only log: h_i = SHA-256(h_{i-1} ‖ e_i), h_0 = 64 zero hex digits.
 * Entries are given already canonically encoded; this module knows nothing of what they mean.
 * Verification recomputes the links in bulk where the rows are read, with the same definition.
 */
import { createHash } from 'node:crypto';

export function chainHash(prevHashHex: string, canonicalEntry: string): string {
  return createHash('sha256').update(Buffer.from(prevHashHex, 'hex')).update(canonicalEntry, 'utf8').digest('hex');
}
