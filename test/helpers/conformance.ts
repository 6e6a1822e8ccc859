/**
 * Crafted last results for the conformance report: a vitest JSON report and fault-suite records in a
 * folder, with one clause of each outcome — 规程第四条 all passed, 第七条 one failed, 第十五条 one skipped,
 * 第十条 its first test missing from its file's results; every other test file absent (未运行). The fault
 * records: crash passed, tamper with 2 failures (so 第十三条 fails), the other suites without records.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFORMANCE_CLAUSES } from '../../app/domain/conformance/clauses.js';
import { isFaultSuiteRef, type VitestTestRef } from '../../app/domain/conformance/model.js';

export const CRAFTED_RUN = Date.parse('2026-12-01T02:00:00Z');

const refsOf = (id: string): VitestTestRef[] => (CONFORMANCE_CLAUSES.find((c) => c.id === id)?.tests ?? []).filter((t): t is VitestTestRef => !isFaultSuiteRef(t));

export function writeCraftedResults(dir: string): { vitest: string; faults: string } {
  const status = new Map<VitestTestRef, string>();
  for (const ref of refsOf('gc-4')) status.set(ref, 'passed');
  refsOf('gc-7').forEach((ref, i) => status.set(ref, i === 1 ? 'failed' : 'passed'));
  refsOf('gc-15').forEach((ref, i) => status.set(ref, i === 0 ? 'skipped' : 'passed'));
  refsOf('gc-10').forEach((ref, i) => status.set(ref, i === 0 ? 'missing' : 'passed'));
  const byFile = new Map<string, { fullName: string; status: string }[]>();
  for (const [ref, s] of status) {
    const list = byFile.get(ref.file) ?? [];
    // a missing test: its file ran, the test under another name
    list.push({ fullName: s === 'missing' ? `${ref.name} (renamed)` : ref.name, status: s === 'missing' ? 'passed' : s });
    byFile.set(ref.file, list);
  }
  const testResults = [...byFile].map(([file, assertionResults], i) => ({
    // absolute paths of another checkout, one of them written the Windows way
    name: i === 0 ? `C:\\ci\\qbank\\${file.replace(/\//g, '\\')}` : `/ci/qbank/${file}`,
    startTime: CRAFTED_RUN,
    endTime: CRAFTED_RUN + 60_000,
    status: assertionResults.some((a) => a.status === 'failed') ? 'failed' : 'passed',
    message: '',
    assertionResults: assertionResults.map((a) => ({ ancestorTitles: [], title: a.fullName, duration: 1, failureMessages: [], ...a })),
  }));
  const vitest = join(dir, 'vitest.json');
  writeFileSync(vitest, JSON.stringify({ numTotalTests: status.size, startTime: CRAFTED_RUN, success: false, testResults }));
  const faults = join(dir, 'fault-results');
  mkdirSync(faults, { recursive: true });
  const record = (suite: string, operation: string, trials: number, failures: number) =>
    writeFileSync(
      join(faults, `${suite}-${operation}.json`),
      JSON.stringify({ suite, operation, trials, failures, details: failures === 0 ? [] : ['seed 20101: 未发现改动'], mode: 'reduced', at: '2026-12-01T03:00:00.000Z' }),
    );
  record('crash', 'import', 20, 0);
  record('crash', 'assembly', 20, 0);
  record('tamper', 'package', 50, 2);
  writeFileSync(join(faults, 'notes.txt'), 'not a record');
  return { vitest, faults };
}
