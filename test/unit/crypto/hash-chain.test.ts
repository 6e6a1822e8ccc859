import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainHash } from '../../../crypto/hash-chain.js';

const GENESIS = '0'.repeat(64);

describe('hash-chain', () => {
  it('hashes the previous hash bytes followed by the entry', () => {
    const expected = createHash('sha256').update(Buffer.alloc(32)).update('["a"]').digest('hex');
    expect(chainHash(GENESIS, '["a"]')).toBe(expected);
  });
});
