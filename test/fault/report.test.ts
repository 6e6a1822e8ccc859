/** `scripts/fault/report` (issue [I] 7): the table of the fault suites' records, and its exit status. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPORT = join(import.meta.dirname, '..', '..', 'scripts', 'fault', 'report');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function report(records: object[]) {
  const dir = mkdtempSync(join(tmpdir(), 'qbank-fault-report-'));
  dirs.push(dir);
  records.forEach((r, i) => writeFileSync(join(dir, `r${i}.json`), JSON.stringify(r)));
  return spawnSync('bash', [REPORT], { encoding: 'utf8', env: { ...process.env, QBANK_FAULT_RESULTS: dir } });
}

describe('scripts/fault/report', () => {
  it('prints operation × trials × failures with totals, and exits 0 when nothing failed', () => {
    const r = report([
      { suite: 'crash', operation: 'import', trials: 120, failures: 0, details: [], mode: 'full', at: '2026-12-04T05:00:00Z', note: 'killed 100' },
      { suite: 'fuzz', operation: 'xlsx-items', trials: 10000, failures: 0, details: [], mode: 'full' },
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\| crash\s+\| import\s+\|\s+120 \|\s+0 \| full/);
    expect(r.stdout).toMatch(/\| total\s+\| 2 operations\s+\|\s+10120 \|\s+0 \|/);
  });

  it('lists the failures under the table and exits 1; exits 2 when there is nothing to report', () => {
    const r = report([{ suite: 'tamper', operation: 'package', trials: 12, failures: 1, details: ['swapped files not named'] }]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/tamper \/ package: 1 failure\(s\)\n {2}- swapped files not named/);
    expect(report([]).status).toBe(2);
  });
});
