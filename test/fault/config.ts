/**
 * The fault suites (issue [I]): crash, disk-full and read-only, fuzz, tamper. Each runs in reduced form
 * in `npm test` (fixed seeds, few trials: CI stays under 30 minutes) and in full with QBANK_FAULT_FULL=1
 * (`bash scripts/fault/run`). Every suite records its figures with `recordResult` (results.ts), which
 * `node scripts/fault/report` prints as one table.
 */
export const FULL = process.env.QBANK_FAULT_FULL === '1';

/** The number of trials (cases) of a suite: `reduced` in `npm test`, `full` in the full run. */
export function trials(reduced: number, full: number): number {
  return FULL ? full : reduced;
}

/** Fixed seeds: the same cases every run, so a failure in CI is reproduced by running the test again. */
export const SEEDS = [20101, 20102, 20103] as const;

/** Time limit of a full-run test (a whole suite may run for many minutes). */
export const FULL_TIMEOUT = 6 * 60 * 60 * 1000;

/** The timeout of a suite's test: its reduced budget in CI, unlimited-ish in the full run. */
export function suiteTimeout(reducedMs: number): number {
  return FULL ? FULL_TIMEOUT : reducedMs;
}
