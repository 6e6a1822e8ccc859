/**
 * The isolation the fuzz suite relies on (isolate.ts), proven on a stand-in reader (targets.ts
 * selftest) with low limits: a case that hangs is killed at its time limit and recorded as a hang, one
 * that exhausts the heap or grows the resident set past the bound as memory, one that throws a TypeError
 * or fails after its verdict as a crash — and the next case runs in a fresh child.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FuzzChild } from './isolate.js';
import type { FuzzInput } from './verdict.js';

const input = (what: string): FuzzInput => ({ files: [['input', new Uint8Array(Buffer.from(what, 'utf8'))]], variant: 0 });

describe('fuzz isolation', () => {
  // a short time limit for the hang; the resident-set case fills 320 MB, which takes a while on a busy machine
  const quick = new FuzzChild({ caseTimeoutMs: 1000, heapMb: 64, rssLimitMb: 1024 });
  const patient = new FuzzChild({ caseTimeoutMs: 15_000, heapMb: 64, rssLimitMb: 300 });
  afterAll(() => {
    quick.close();
    patient.close();
  });

  it('records hangs, memory and crashes, and goes on in a fresh child', { timeout: 60_000 }, async () => {
    const run = async (child: FuzzChild, what: string) => (await child.run('selftest', {}, 0, input(what))).kind;
    expect(await run(quick, 'ok')).toBe('rejected');
    expect(await run(quick, 'hang')).toBe('hang');
    expect(await run(quick, 'heap')).toBe('memory');
    expect(await run(quick, 'throw')).toBe('crash');
    expect(await run(quick, 'late')).toBe('accepted');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(quick.drainLate().map((l) => l.detail.split('\n')[0])).toEqual(['RangeError: after the verdict']);
    expect(await run(quick, 'ok')).toBe('rejected');
    // the first child, then one after each of hang, heap and late
    expect(quick.starts).toBe(4);
    expect(await run(patient, 'rss')).toBe('memory');
  });
});
