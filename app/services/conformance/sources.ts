/**
 * Where the last test results are and how they are read (bounded, never trusted): vitest's JSON report and
 * the fault suites' records. By default both sit at the top of the program's install folder — the
 * checkout the tests ran in: `test-results/vitest.json` (vitest.config.ts) and `fault-results/`
 * (test/fault/results.ts). `QBANK_TEST_RESULTS` (a file) and `QBANK_FAULT_RESULTS` (a folder, the same
 * variable the fault suites write to) point elsewhere, relative to the working folder — e.g. results copied
 * from the build machine beside an installed program, whose own folder holds none.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { faultRecordSchema, vitestReportSchema, type FaultRecord, type ResultSource, type VitestReport } from '../../domain/conformance/results.js';
import { conformanceServiceMessages as m } from './messages.js';

/** A full run's report is a few MB; far above that is not a report. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;
const MAX_RECORD_BYTES = 1024 * 1024;
const MAX_RECORDS = 2000;

export interface ResultLocations {
  readonly vitestReport: string;
  readonly faultResults: string;
}

/** The install folder: the nearest folder above this module with a package.json (from app/ or dist/app/). */
function installRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export function resultLocations(env: Readonly<Record<string, string | undefined>> = process.env): ResultLocations {
  const root = installRoot();
  return {
    vitestReport: resolve(env.QBANK_TEST_RESULTS || join(root, 'test-results', 'vitest.json')),
    faultResults: resolve(env.QBANK_FAULT_RESULTS || join(root, 'fault-results')),
  };
}

const reason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

function source(path: string, found: boolean, ranAt: string | null, entries: number, problem: string | null): ResultSource {
  return { path, found, ranAt, entries, problem };
}

/** Reads a JSON file of at most `max` bytes: the value, or why not. */
function readJson(path: string, max: number): { value: unknown } | { problem: string } {
  try {
    if (statSync(path).size > max) return { problem: m.tooLarge(Math.round(max / 1024 / 1024)) };
    const text = readFileSync(path, 'utf8');
    try {
      return { value: JSON.parse(text) as unknown };
    } catch (e) {
      return { problem: m.notJson((e as Error).message) };
    }
  } catch (e) {
    return { problem: m.unreadable(reason(e)) };
  }
}

export function readVitestReport(path: string): { report: VitestReport | null; source: ResultSource } {
  if (!existsSync(path)) return { report: null, source: source(path, false, null, 0, m.notFound) };
  const read = readJson(path, MAX_REPORT_BYTES);
  if ('problem' in read) return { report: null, source: source(path, true, null, 0, read.problem) };
  const parsed = vitestReportSchema.safeParse(read.value);
  if (!parsed.success) return { report: null, source: source(path, true, null, 0, m.badShape) };
  const report = parsed.data;
  return { report, source: source(path, true, new Date(report.startTime).toISOString(), report.testResults.length, null) };
}

export function readFaultRecords(dir: string): { records: FaultRecord[]; source: ResultSource } {
  if (!existsSync(dir)) return { records: [], source: source(dir, false, null, 0, m.notFound) };
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^[\w.-]+\.json$/u.test(n)).sort();
  } catch (e) {
    return { records: [], source: source(dir, true, null, 0, m.unreadable(reason(e))) };
  }
  if (names.length > MAX_RECORDS) return { records: [], source: source(dir, true, null, 0, m.tooManyFiles(MAX_RECORDS)) };
  const records: FaultRecord[] = [];
  const bad: string[] = [];
  for (const name of names) {
    const read = readJson(join(dir, name), MAX_RECORD_BYTES);
    const parsed = 'value' in read ? faultRecordSchema.safeParse(read.value) : null;
    if (parsed?.success === true) records.push(parsed.data);
    else bad.push(name);
  }
  const times = records.flatMap((r) => (r.at !== undefined && !Number.isNaN(Date.parse(r.at)) ? [new Date(r.at).toISOString()] : []));
  const ranAt = times.length === 0 ? null : times.reduce((a, b) => (b > a ? b : a));
  return { records, source: source(dir, true, ranAt, records.length, bad.length === 0 ? null : m.badRecords(bad)) };
}
