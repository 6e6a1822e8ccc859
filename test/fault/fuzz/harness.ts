/**
 * One reader's fuzz run: the seeds (valid inputs, each must be accepted as it is), then `trials` cases
 * drawn by fast-check from the seeds' mutations, each judged in the isolated child (isolate.ts), then
 * the figures recorded (results.ts) and the failures returned for the test to fail on.
 *
 * Seeds of the random generator: in `npm test` the fixed SEEDS of config.ts share the reduced count, so
 * every run draws the same cases; in the full run (QBANK_FAULT_FULL=1) one random seed, printed. Replay
 * a failure with QBANK_FUZZ_SEED=<seed> (and QBANK_FUZZ_CASE=<n> for that case alone); its input is also
 * saved under fault-results/fuzz-cases/<operation>/<seed>-<n>/. QBANK_FUZZ_DUMP=1 also writes every distinct
 * refusal message to fault-results/fuzz-cases/<operation>-refusals.txt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { FULL, SEEDS, trials } from '../config.js';
import { recordResult, RESULTS_DIR } from '../results.js';
import { isFailure, type FuzzChild, type Outcome } from './isolate.js';
import type { Setup, TargetName } from './targets.js';
import type { FuzzInput } from './verdict.js';

export interface FuzzSpec<C> {
  /** The name recorded (`fuzz-<operation>.json`). */
  readonly operation: string;
  readonly target: TargetName;
  readonly setup?: Setup;
  readonly reduced: number;
  readonly full: number;
  /** Valid inputs: each must be accepted unchanged (a check of the harness and of the seeds). */
  readonly seeds: readonly FuzzInput[];
  readonly cases: fc.Arbitrary<C>;
  /** The mutated input of a case. */
  readonly build: (c: C) => FuzzInput | Promise<FuzzInput>;
}

export interface FuzzRun {
  readonly trials: number;
  readonly failures: number;
  /** Empty when nothing failed; otherwise what to print: seed, case, failure, where the input is. */
  readonly report: string;
}

const MAX_DETAILS = 40;

function runSeeds(): { seed: number; runs: number }[] {
  const fixed = process.env.QBANK_FUZZ_SEED;
  if (fixed !== undefined) return [{ seed: Number(fixed), runs: 0 }];
  if (!FULL) return SEEDS.map((seed) => ({ seed, runs: 0 }));
  return [{ seed: Math.floor(Math.random() * 0x7fffffff), runs: 0 }];
}

/** Writes a failing input (its files and the mutation) where the report points. */
function saveCase(operation: string, seed: number, index: number, input: FuzzInput, mutation: unknown): string {
  const dir = join(RESULTS_DIR, 'fuzz-cases', operation, `${seed}-${index}`);
  mkdirSync(dir, { recursive: true });
  input.files.forEach(([name, bytes], k) => writeFileSync(join(dir, `${k}-${name.replace(/[^\w.\u4e00-\u9fff-]+/g, '_')}`), bytes));
  const text = JSON.stringify({ variant: input.variant, files: input.files.map(([n]) => n), mutation }, (_k, v: unknown) => (v instanceof Uint8Array ? `base64:${Buffer.from(v).toString('base64')}` : v), 2);
  writeFileSync(join(dir, 'case.json'), text);
  return dir;
}

export async function runFuzz<C>(child: FuzzChild, spec: FuzzSpec<C>): Promise<FuzzRun> {
  const total = trials(spec.reduced, spec.full);
  const plan = runSeeds();
  plan.forEach((p, k) => (p.runs = Math.floor(total / plan.length) + (k < total % plan.length ? 1 : 0)));
  const only = process.env.QBANK_FUZZ_CASE === undefined ? undefined : Number(process.env.QBANK_FUZZ_CASE);
  if (FULL || process.env.QBANK_FUZZ_SEED !== undefined) console.log(`fuzz ${spec.operation}: ${only === undefined ? `${total} cases` : `case ${only}`}, seed ${plan.map((p) => p.seed).join(', ')}`);

  const setup = spec.setup ?? {};
  const startsBefore = child.starts;
  const loadStarted = performance.now();
  for (const [k, input] of spec.seeds.entries()) {
    const outcome = await child.run(spec.target, setup, -1 - k, input);
    if (outcome.kind !== 'accepted') throw new Error(`fuzz ${spec.operation}: seed input ${k} is not accepted as it is (${outcome.kind}): ${outcome.detail}`);
  }

  const loadMs = performance.now() - loadStarted;
  const fuzzStarted = performance.now();
  const counts = { accepted: 0, rejected: 0 };
  /** How often each refusal (its first 48 characters) came: the note shows what the cases reach. */
  const reasons = new Map<string, number>();
  const refusals = new Set<string>();
  const details: string[] = [];
  let trialsRun = 0;
  let slowest = 0;
  let spent = 0;
  let first = '';
  const failed = (line: string, where: string, mutation: unknown) => {
    details.push(line.slice(0, 600));
    first ||= `${line}\n  mutation: ${JSON.stringify(mutation, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.byteLength} bytes>` : v)).slice(0, 1500)}\n  input saved in ${where}`;
  };
  for (const { seed, runs } of plan) {
    const cases = fc.sample(spec.cases, { seed, numRuns: only === undefined ? runs : only + 1 });
    for (const [index, c] of cases.entries()) {
      if (only !== undefined && index !== only) continue;
      const input = await spec.build(c);
      const outcome: Outcome = await child.run(spec.target, setup, index, input);
      trialsRun += 1;
      slowest = Math.max(slowest, outcome.ms);
      spent += outcome.ms;
      if (isFailure(outcome.kind)) {
        const where = saveCase(spec.operation, seed, index, input, c);
        failed(`${outcome.kind}: seed ${seed} case ${index} (${Math.round(outcome.ms)} ms): ${outcome.detail}`, where, c);
      } else counts[outcome.kind as 'accepted' | 'rejected'] += 1;
      if (outcome.kind === 'rejected') {
        reasons.set(outcome.detail.slice(0, 48), (reasons.get(outcome.detail.slice(0, 48)) ?? 0) + 1);
        refusals.add(outcome.detail);
      }
      for (const l of child.drainLate()) failed(`crash (after its verdict): seed ${seed} case ${l.id}: ${l.detail}`, '(not saved: the case had already answered)', c);
      if (FULL && trialsRun % 1000 === 0) console.log(`fuzz ${spec.operation}: ${trialsRun}/${total}, ${details.length} failures`);
    }
  }

  if (process.env.QBANK_FUZZ_DUMP !== undefined) {
    // every distinct refusal message, to read what users would see
    mkdirSync(join(RESULTS_DIR, 'fuzz-cases'), { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'fuzz-cases', `${spec.operation}-refusals.txt`), [...refusals].sort().join('\n'));
  }
  const failures = details.length;
  const shown = failures > MAX_DETAILS ? [...details.slice(0, MAX_DETAILS), `… and ${failures - MAX_DETAILS} more`] : details;
  const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([r, n]) => `${n}× ${r}…`);
  const note = [
    `accepted ${counts.accepted}, rejected ${counts.rejected} (most often: ${top.join(' | ')})`,
    `mean ${(spent / Math.max(trialsRun, 1)).toFixed(1)} ms, slowest ${Math.round(slowest)} ms a case`,
    `children started ${child.starts - startsBefore}`,
    `load and seeds ${Math.round(loadMs)} ms, cases ${Math.round(performance.now() - fuzzStarted)} ms`,
    `seeds ${plan.map((p) => p.seed).join(', ')}`,
  ].join('; ');
  recordResult({ suite: 'fuzz', operation: spec.operation, trials: trialsRun, failures, details: shown, note });
  const replay = `replay: QBANK_FUZZ_SEED=<seed> QBANK_FUZZ_CASE=<case> npx vitest run test/fault/fuzz -t '${spec.operation}:'`;
  return { trials: trialsRun, failures, report: failures === 0 ? '' : `fuzz ${spec.operation}: ${failures} of ${trialsRun} cases failed; first:\n${first}\n${replay}` };
}
