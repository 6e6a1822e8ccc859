// The fault suites' table (issue [I] 7): operation × trials × failures, from the JSON records the suites
// write (test/fault/results.ts, no-network.mjs) into QBANK_FAULT_RESULTS (default fault-results/).
// Exit status 1 when any trial failed, 2 when there is nothing to report.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.QBANK_FAULT_RESULTS ?? join(import.meta.dirname, '..', '..', 'fault-results');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('vitest')) : [];
const rows = files
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  .filter((r) => typeof r.suite === 'string' && typeof r.trials === 'number')
  .sort((a, b) => a.suite.localeCompare(b.suite) || a.operation.localeCompare(b.operation));
if (rows.length === 0) {
  console.error(`no fault results in ${dir}: run bash scripts/fault/run (full) or npx vitest run test/fault (reduced)`);
  process.exit(2);
}
const header = ['suite', 'operation', 'trials', 'failures', 'mode', 'run at', 'note'];
const short = (s) => (s.length > 90 ? `${s.slice(0, 89)}…` : s);
const table = rows.map((r) => [r.suite, r.operation, String(r.trials), String(r.failures), r.mode ?? '', (r.at ?? '').slice(0, 16).replace('T', ' '), short(r.note ?? '')]);
const total = rows.reduce((a, r) => ({ trials: a.trials + r.trials, failures: a.failures + r.failures }), { trials: 0, failures: 0 });
table.push(['total', `${rows.length} operations`, String(total.trials), String(total.failures), '', '', '']);
const width = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i >= 2 && i <= 3 ? c.padStart(width[i]) : c.padEnd(width[i]))).join(' | ')} |`;
console.log(line(header));
console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line(row));
for (const r of rows.filter((x) => x.failures > 0)) {
  console.log(`\n${r.suite} / ${r.operation}: ${r.failures} failure(s)`);
  for (const d of r.details.slice(0, 10)) console.log(`  - ${d}`);
}
process.exit(total.failures > 0 ? 1 : 0);
