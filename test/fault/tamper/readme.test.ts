/** The README's count of alterations and its statement that none is a known gap stay true. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANCHOR_CASES, DATABASE_CASES } from './anchor-cases.js';
import { CHECKPOINT_CASES, LOG_CASES } from './audit-cases.js';
import { ISO_CASES, PACKAGE_CASES } from './package-cases.js';
import { CERTIFICATE_CASES, SIGNATURE_CASES } from './signature-cases.js';

const ALL = [DATABASE_CASES, ANCHOR_CASES, LOG_CASES, CHECKPOINT_CASES, PACKAGE_CASES, ISO_CASES, SIGNATURE_CASES, CERTIFICATE_CASES].flat();

describe('tamper suite as the README describes it', () => {
  it('counts the alterations it runs, none of them a known gap', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const claimed = Number(/\*\*Tamper\*\* \(`test\/fault\/tamper\/`\): (\d+) alterations/.exec(readme)?.[1]);
    expect(claimed).toBe(ALL.length);
    expect(ALL.filter((c) => c.knownGap !== undefined).map((c) => c.name)).toEqual([]);
  });
});
