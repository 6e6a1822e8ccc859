/**
 * Hash chain of an append-only log: h_i = SHA-256(h_{i-1} ‖ e_i), h_0 = 64 zero hex digits.
 * Entries are given already canonically encoded; this module knows nothing of what they mean.
 */
import { createHash } from 'node:crypto';

export function chainHash(prevHashHex: string, canonicalEntry: string): string {
  return createHash('sha256').update(Buffer.from(prevHashHex, 'hex')).update(canonicalEntry, 'utf8').digest('hex');
}

export interface ChainLink {
  readonly prevHash: string;
  readonly hash: string;
  readonly canonical: string;
}

/** Index of the first link that does not follow from its predecessor, or -1 when the chain holds. */
export function firstBrokenLink(links: Iterable<ChainLink>, genesis: string): number {
  let expectedPrev = genesis;
  let i = 0;
  for (const link of links) {
    if (link.prevHash !== expectedPrev) return i;
    if (chainHash(link.prevHash, link.canonical) !== link.hash) return i;
    expectedPrev = link.hash;
    i++;
  }
  return -1;
}
