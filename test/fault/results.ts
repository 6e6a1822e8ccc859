/**
 * What every fault suite records: per suite and operation (or reader, or target), the number of trials and
 * of failures, with a line per failure. Written as one JSON file per suite and operation into
 * QBANK_FAULT_RESULTS (default `fault-results/` at the top of the checkout), read by
 * `node scripts/fault/report` and by the conformance report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FULL } from './config.js';

export interface FaultResult {
  /** 'crash' | 'disk' | 'fuzz' | 'tamper' | 'network' */
  readonly suite: string;
  /** The operation, reader or alteration class, e.g. 'import', 'xlsx', 'package'. */
  readonly operation: string;
  readonly trials: number;
  readonly failures: number;
  /** One line per failure (what, seed/trial, why); empty when none failed. */
  readonly details: readonly string[];
  /** Free-form figures worth printing (e.g. 'killed 96, finished 4'). */
  readonly note?: string;
}

export const RESULTS_DIR = process.env.QBANK_FAULT_RESULTS ?? join(import.meta.dirname, '..', '..', 'fault-results');

/** Writes one result (overwriting that of an earlier run of the same suite and operation). */
export function recordResult(r: FaultResult): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${r.suite}-${r.operation.replace(/[^\w.-]+/g, '_')}.json`);
  writeFileSync(file, `${JSON.stringify({ ...r, mode: FULL ? 'full' : 'reduced', at: new Date().toISOString() }, null, 2)}\n`);
}
