// Benchmark of paper assembly (issue [D] part 7). Synthetic banks with a realistic 细目表 (≥12 leaf
// scopes, ≥60 鉴定点, X/Y/Z ≈ 80/15/5, difficulty bands ≈ 10/20/40/20/10 %) and full-size theory sets
// (170 items: 20 判断 + 140 单选 + 10 多选, exact counts per scope × 题型 and per band, X ≥ 70 %, Z ≤ 10 %,
// per-鉴定点 cap), solved by
//   (a) ours: pre-checks, constructive draw + exchange search, HiGHS only if needed (tolerance 0.0005),
//   (b) HiGHS alone on the same MIP (absolute gap 0.01 = the quality bar, time limit),
//   (c) glpk.js on the same MIP (the solver eatATA defaults to; same gap and limit),
//   (d) the random drawer of the 组卷 tools in use.
// Each measurement runs in its own process; the independent checker counts violated constraints.
// Targets: 3 sets from 3,000 items, every constraint met, deviation ≤ 0.01 (Σp), ≤ 1 s; 5 sets with
// pairwise overlap ≤ 10 % and 1 % enemy pairs from 10,000 items, same quality, ≤ 5 s; peak RSS ≤ 500 MB.
//
// Then ours again with tolerance 0 (./assembly/tolerance-zero.mjs): seconds, whether HiGHS ran, peak RSS.
//
// Needs the build (npm run build). Usage: node scripts/bench/assembly.mjs [timeLimitSeconds=60]
// Environment: METHODS=ours,highs,glpk,random  CASES=1500x3,3000x3,10000x3,10000x5  TOLERANCE_ZERO=no skips the last run
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { selectedCases } from './assembly/cases.mjs';
import { syntheticBankUrl } from './assembly/synthetic-bank.mjs';
import { printToleranceZero, toleranceZeroRows } from './assembly/tolerance-zero.mjs';

const worker = fileURLToPath(new URL('./assembly/worker.mjs', import.meta.url));
// The banks come from test/helpers/synthetic-bank.ts: compiled once here, before any measurement.
await syntheticBankUrl();
const timeLimit = Number(process.argv[2] ?? 60);
const methods = (process.env.METHODS ?? 'ours,highs,glpk,random').split(',');
const cases = selectedCases();

const rows = [];
for (const [name, c] of cases) {
  for (const method of methods) {
    const args = [worker, c.items, c.sets, c.overlap, c.enemyPairs, method, timeLimit].map(String);
    let row;
    try {
      row = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').at(-1));
    } catch (e) {
      row = { method, status: `crashed: ${String(e.message).split('\n')[0]}`, seconds: null, deviation: null, violations: null, rssMiB: null };
    }
    rows.push({ case: name, ...row });
    console.error(`${name} ${method}: ${row.status} ${row.seconds?.toFixed?.(2) ?? '—'} s, deviation ${row.deviation ?? '—'}, violations ${row.violations ?? '—'}`);
  }
}

const f = (x, d = 4) => (x === null || x === undefined ? '—' : typeof x === 'number' ? x.toFixed(d) : String(x));
const ours = (name) => rows.find((r) => r.case === name && r.method === 'ours');
console.log(`\nassembly benchmark (time limit ${timeLimit} s per solver run; quality bar: deviation ≤ 0.01 Σp)`);
console.log('| case | method | status | time s | ×ours | max deviation Σp | spread Σp | bound | violations | peak RSS MiB |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const base = ours(r.case)?.seconds;
  const ratio = base && r.seconds ? (r.seconds / base).toFixed(1) : '—';
  const label = { ours: '(a) ours', highs: '(b) HiGHS alone', glpk: '(c) glpk.js', random: '(d) random drawer' }[r.method] ?? r.method;
  console.log(
    `| ${r.case} | ${label}${r.engine ? ` [${r.engine}]` : ''} | ${r.status} | ${f(r.seconds, 2)} | ${ratio} | ${f(r.deviation, 6)} | ${f(r.spread, 6)} | ${f(r.bound, 4)} | ${r.violations ?? '—'}${r.violatedGroups?.length ? ` (${r.violatedGroups.join(',')})` : ''} | ${f(r.rssMiB, 0)} |`,
  );
}
const t3 = ours('3000x3');
const t5 = ours('10000x5');
const met = (r, seconds) => r && r.violations === 0 && r.deviation !== null && r.deviation <= 0.01 && r.seconds <= seconds && r.rssMiB <= 500;
if (t3) console.log(`target 3 sets from 3,000 items ≤ 1 s, deviation ≤ 0.01, all constraints: ${met(t3, 1) ? 'met' : 'NOT met'}`);
if (t5) console.log(`target 5 sets from 10,000 items (overlap ≤ 17, 100 enemy pairs) ≤ 5 s, same quality: ${met(t5, 5) ? 'met' : 'NOT met'}`);
if (process.env.TOLERANCE_ZERO !== 'no') printToleranceZero(await toleranceZeroRows(cases, timeLimit), timeLimit);
