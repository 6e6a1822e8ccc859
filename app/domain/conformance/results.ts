/**
 * The last results of the conformance map's tests. Two sources, both written by the test runs:
 * - vitest's JSON report (`test-results/vitest.json`, vitest.config.ts): per test file its absolute path and
 *   per test its `fullName` and `status` (passed, failed, skipped, pending, todo);
 * - the fault suites' records (`fault-results/<suite>-<operation>.json`, test/fault/results.ts): trials and
 *   failures per suite and operation, with the time and the mode (reduced in `npm test`, full).
 * Each test of a clause gets 通过 / 失败 / 跳过 / 未运行 (no report, file not in the run, test not found) with
 * the time of its run; a clause passes only when every one of its tests passed, else it takes the worst of
 * its tests: 失败 before 未运行 before 跳过. Pure: the service reads the files.
 */
import { z } from 'zod';
import { isFaultSuiteRef, type Clause, type FaultSuite, type TestRef, type VitestTestRef } from './model.js';

export const TEST_OUTCOMES = ['通过', '失败', '跳过', '未运行'] as const;
export type TestOutcome = (typeof TEST_OUTCOMES)[number];

/** What the report keeps of vitest's JSON (the reporter writes more; the rest is ignored). */
export const vitestReportSchema = z.object({
  startTime: z.number(),
  testResults: z.array(
    z.object({
      /** Absolute path of the test file. */
      name: z.string(),
      endTime: z.number().optional(),
      assertionResults: z.array(z.object({ fullName: z.string(), status: z.string() })),
    }),
  ),
});
export type VitestReport = z.output<typeof vitestReportSchema>;

/** One record of a fault suite (test/fault/results.ts `FaultResult` plus `mode` and `at`). */
export const faultRecordSchema = z.object({
  suite: z.string(),
  operation: z.string(),
  trials: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  details: z.array(z.string()).default([]),
  note: z.string().optional(),
  mode: z.string().optional(),
  at: z.string().optional(),
});
export type FaultRecord = z.output<typeof faultRecordSchema>;

export interface TestResult {
  readonly ref: TestRef;
  readonly outcome: TestOutcome;
  /** When it ran (ISO 8601), null when it did not. */
  readonly at: string | null;
  /** Why it did not run, or the figures of a fault suite ('' when nothing to say). */
  readonly note: string;
}

export interface ClauseResult {
  readonly clause: Clause;
  readonly outcome: TestOutcome;
  /** The latest run among its tests. */
  readonly at: string | null;
  readonly tests: readonly TestResult[];
}

export interface OutcomeCounts {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly notRun: number;
}

export interface ConformanceSummary {
  readonly clauses: OutcomeCounts;
  readonly tests: OutcomeCounts;
}

export const conformanceText = {
  noReport: '没有测试结果文件',
  fileNotRun: '最近一次运行不含该测试文件',
  testNotFound: '最近一次运行的该文件中没有这个测试',
  noRecords: '没有该故障测试的记录',
  faultFigures: (operations: number, trials: number, failures: number, modes: string) =>
    `${operations} 项，${trials} 次试验，${failures} 次失败${modes === '' ? '' : `（${modes}）`}`,
  modeNames: { reduced: '精简运行', full: '完整运行' } as Readonly<Record<string, string>>,
} as const;

/** vitest's status in the words of the report. */
export function vitestOutcome(status: string): TestOutcome {
  if (status === 'passed') return '通过';
  if (status === 'failed') return '失败';
  return '跳过';
}

const SEVERITY: Readonly<Record<TestOutcome, number>> = { 通过: 0, 跳过: 1, 未运行: 2, 失败: 3 };

/** The worst of several outcomes (失败 > 未运行 > 跳过 > 通过); 未运行 for none. */
export function worstOutcome(outcomes: readonly TestOutcome[]): TestOutcome {
  if (outcomes.length === 0) return '未运行';
  return outcomes.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));
}

const latest = (times: readonly (string | null)[]): string | null => times.reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);

/** Whether vitest's absolute path is the map's `test/…` path (any checkout, any separator). */
export function sameTestFile(reported: string, file: string): boolean {
  const norm = reported.replace(/\\/g, '/');
  return norm === file || norm.endsWith(`/${file}`);
}

export function vitestTestResult(report: VitestReport | null, ref: VitestTestRef): TestResult {
  if (report === null) return { ref, outcome: '未运行', at: null, note: conformanceText.noReport };
  const files = report.testResults.filter((f) => sameTestFile(f.name, ref.file));
  if (files.length === 0) return { ref, outcome: '未运行', at: null, note: conformanceText.fileNotRun };
  const found = files.flatMap((f) => f.assertionResults.filter((a) => a.fullName === ref.name).map((a) => ({ a, f })));
  if (found.length === 0) return { ref, outcome: '未运行', at: null, note: conformanceText.testNotFound };
  const at = latest(found.map(({ f }) => new Date(f.endTime ?? report.startTime).toISOString()));
  return { ref, outcome: worstOutcome(found.map(({ a }) => vitestOutcome(a.status))), at, note: '' };
}

/** A fault suite: passed when it has records and none counts a failure. */
export function faultSuiteResult(records: readonly FaultRecord[], suite: FaultSuite): TestResult {
  const ref = { faultSuite: suite };
  const mine = records.filter((r) => r.suite === suite);
  if (mine.length === 0) return { ref, outcome: '未运行', at: null, note: conformanceText.noRecords };
  const trials = mine.reduce((n, r) => n + r.trials, 0);
  const failures = mine.reduce((n, r) => n + r.failures, 0);
  const modes = [...new Set(mine.map((r) => r.mode ?? ''))].filter((m) => m !== '').map((m) => conformanceText.modeNames[m] ?? m);
  const at = latest(mine.map((r) => (r.at === undefined || Number.isNaN(Date.parse(r.at)) ? null : new Date(r.at).toISOString())));
  return { ref, outcome: failures > 0 ? '失败' : '通过', at, note: conformanceText.faultFigures(mine.length, trials, failures, modes.join('、')) };
}

export function testResult(ref: TestRef, report: VitestReport | null, faults: readonly FaultRecord[]): TestResult {
  return isFaultSuiteRef(ref) ? faultSuiteResult(faults, ref.faultSuite) : vitestTestResult(report, ref);
}

export function clauseResults(clauses: readonly Clause[], report: VitestReport | null, faults: readonly FaultRecord[]): ClauseResult[] {
  return clauses.map((clause) => {
    const tests = clause.tests.map((ref) => testResult(ref, report, faults));
    return { clause, outcome: worstOutcome(tests.map((t) => t.outcome)), at: latest(tests.map((t) => t.at)), tests };
  });
}

function counts(outcomes: readonly TestOutcome[]): OutcomeCounts {
  const n = (o: TestOutcome) => outcomes.filter((x) => x === o).length;
  return { total: outcomes.length, passed: n('通过'), failed: n('失败'), skipped: n('跳过'), notRun: n('未运行') };
}

export function conformanceSummary(rows: readonly ClauseResult[]): ConformanceSummary {
  return { clauses: counts(rows.map((r) => r.outcome)), tests: counts(rows.flatMap((r) => r.tests.map((t) => t.outcome))) };
}

/** `共 20 条：通过 12 条，失败 1 条，跳过 0 条，未运行 7 条` */
export function summaryLine(c: OutcomeCounts, unit: string): string {
  return `共 ${c.total} ${unit}：通过 ${c.passed} ${unit}，失败 ${c.failed} ${unit}，跳过 ${c.skipped} ${unit}，未运行 ${c.notRun} ${unit}`;
}

/** Where a source of results was looked for, and what was found there. */
export interface ResultSource {
  readonly path: string;
  readonly found: boolean;
  /** Start of the vitest run, or the latest fault record (ISO 8601). */
  readonly ranAt: string | null;
  /** Test files in the vitest report, or fault records read. */
  readonly entries: number;
  /** Why it could not be used (Chinese), null when it could. */
  readonly problem: string | null;
}

/** What `conformance.report` answers and the docx prints. */
export interface ConformanceReport {
  readonly generatedAt: string;
  readonly sources: { readonly vitest: ResultSource; readonly faults: ResultSource };
  readonly rows: readonly ClauseResult[];
  readonly summary: ConformanceSummary;
}
