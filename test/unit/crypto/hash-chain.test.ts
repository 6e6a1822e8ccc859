import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainHash, firstBrokenLink } from '../../../crypto/hash-chain.js';

const GENESIS = '0'.repeat(64);

function chain(entries: string[]) {
  let prev = GENESIS;
  return entries.map((canonical) => {
    const link = { prevHash: prev, hash: chainHash(prev, canonical), canonical };
    prev = link.hash;
    return link;
  });
}

describe('hash-chain', () => {
  it('hashes the previous hash bytes followed by the entry', () => {
    const expected = createHash('sha256').update(Buffer.alloc(32)).update('["a"]').digest('hex');
    expect(chainHash(GENESIS, '["a"]')).toBe(expected);
  });

  it('accepts an intact chain', () => {
    expect(firstBrokenLink(chain(['1', '2', '3']), GENESIS)).toBe(-1);
  });

  it('finds an edited entry, a removed entry and a reordered pair', () => {
    const edited = chain(['1', '2', '3']);
    (edited[1] as { canonical: string }).canonical = '2x';
    expect(firstBrokenLink(edited, GENESIS)).toBe(1);
    const removed = chain(['1', '2', '3']);
    removed.splice(1, 1);
    expect(firstBrokenLink(removed, GENESIS)).toBe(1);
    const swapped = chain(['1', '2', '3']);
    [swapped[0], swapped[1]] = [swapped[1] as (typeof swapped)[0], swapped[0] as (typeof swapped)[0]];
    expect(firstBrokenLink(swapped, GENESIS)).toBe(0);
  });
});
