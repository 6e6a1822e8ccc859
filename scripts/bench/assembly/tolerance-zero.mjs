// The tolerance-0 run of the assembly benchmark: ours (pre-checks, heuristic, HiGHS only when needed)
// with tolerance 0 on the synthetic banks. The heuristic then has to reach the grid bound exactly
// (Σp of 3-decimal items cannot come closer to the target than its distance to the 0.001 grid); when
// it does, HiGHS has nothing to improve and must not run. Prints, per case: seconds, whether HiGHS
// ran, the deviation against the bound and the peak RSS of the process. Each run is its own process.
// Needs the build (npm run build). Usage: node scripts/bench/assembly/tolerance-zero.mjs [timeLimitSeconds=60]
// Environment: CASES=1500x3,3000x3,10000x3,10000x5 (see ./cases.mjs)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { selectedCases } from './cases.mjs';
import { syntheticBankUrl } from './synthetic-bank.mjs';

const worker = fileURLToPath(new URL('./worker.mjs', import.meta.url));

/** One 'ours' measurement per case with tolerance 0, each in its own process. */
export async function toleranceZeroRows(cases, timeLimit) {
  await syntheticBankUrl();
  const rows = [];
  for (const [name, c] of cases) {
    const args = [worker, c.items, c.sets, c.overlap, c.enemyPairs, 'ours', timeLimit, 0].map(String);
    let row;
    try {
      row = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').at(-1));
    } catch (e) {
      row = { status: `crashed: ${String(e.message).split('\n')[0]}`, seconds: null, highsRan: null, rssMiB: null };
    }
    rows.push({ case: name, ...row });
    console.error(`${name} tolerance 0: ${row.status} ${row.seconds?.toFixed?.(2) ?? '—'} s, HiGHS ran ${row.highsRan ?? '—'}, RSS ${row.rssMiB?.toFixed?.(0) ?? '—'} MiB`);
  }
  return rows;
}

export function printToleranceZero(rows, timeLimit) {
  const f = (x, d) => (x === null || x === undefined ? '—' : typeof x === 'number' ? x.toFixed(d) : String(x));
  const ran = (r) => (r.highsRan === true ? 'yes' : r.highsRan === false ? 'no' : r.engine && r.engine !== 'heuristic' ? 'yes' : 'not reported');
  console.log(`\nassembly with tolerance 0 (ours; time limit ${timeLimit} s)`);
  console.log('| case | status | engine | HiGHS ran | time s | heuristic s | max deviation Σp | bound | violations | peak RSS MiB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.case} | ${r.status} | ${r.engine ?? '—'} | ${ran(r)} | ${f(r.seconds, 2)} | ${f(r.heuristicSeconds, 2)} | ${f(r.deviation, 9)} | ${f(r.bound, 9)} | ${r.violations ?? '—'} | ${f(r.rssMiB, 0)} |`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const timeLimit = Number(process.argv[2] ?? 60);
  printToleranceZero(await toleranceZeroRows(selectedCases(), timeLimit), timeLimit);
}
