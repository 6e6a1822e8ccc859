// One benchmark measurement in its own process (so peak RSS belongs to one method):
//   node worker.mjs <items> <sets> <overlap> <enemyPairs> <method> <timeLimitSeconds> [tolerance]
// method: ours | highs | glpk | random; tolerance: the problem's (default: the synthetic bank's 0.0005).
// Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { syntheticBankUrl } from './synthetic-bank.mjs';

const dist = (p) => new URL(`../../../dist/${p}`, import.meta.url).href;
const { syntheticBank } = await import(await syntheticBankUrl());
const { checkSets } = await import(dist('app/domain/assembly/checker.js'));
const { maxDeviation, setSums } = await import(dist('app/domain/assembly/problem.js'));

const [items, sets, overlap, enemyPairs] = process.argv.slice(2, 6).map(Number);
const method = process.argv[6];
const timeLimit = Number(process.argv[7] ?? 60);
const tolerance = process.argv[8] === undefined ? undefined : Number(process.argv[8]);
/** Parallel enough for (b) and (c): within 0.01 of the target (the quality bar). */
const QUALITY = 0.01;

const { problem } = syntheticBank({ items, seed: 20261123, sets, overlap, enemyPairs, ...(tolerance === undefined ? {} : { tolerance }) });
let result;
const start = performance.now();
if (method === 'ours') {
  const { solveAssembly } = await import(dist('app/services/assembly/engine.js'));
  const out = await solveAssembly(problem, { timeLimitSeconds: timeLimit });
  // highsRan: whether HiGHS ran at all (null from a build whose engine does not report it).
  result = out.ok
    ? { status: out.certified ? 'certified' : 'feasible', sets: out.sets, bound: out.bound, engine: out.engine, highsRan: out.highsRan ?? null, heuristicSeconds: out.heuristicSeconds }
    : { status: 'failed', causes: out.causes };
} else if (method === 'highs') {
  const { solveMip } = await import(dist('app/services/assembly/mip-solver.js'));
  const out = await solveMip(problem, { timeLimitSeconds: timeLimit, absGap: QUALITY });
  result = { status: out.status, sets: out.sets, bound: out.bound };
} else if (method === 'glpk') {
  const { solveWithGlpk } = await import('./glpk-solver.mjs');
  const out = await solveWithGlpk(problem, { timeLimitSeconds: timeLimit, absGap: QUALITY });
  result = { status: out.status, sets: out.sets, bound: out.bound ?? null };
} else if (method === 'random') {
  const { randomDraw } = await import('./random-drawer.mjs');
  result = { status: 'drawn', sets: randomDraw(problem, 1), bound: null };
} else {
  throw new Error(`unknown method ${method}`);
}
const seconds = (performance.now() - start) / 1000;
const found = Array.isArray(result.sets) && result.sets.length === problem.sets;
const violations = found ? checkSets(problem, result.sets) : [];
const sums = found ? setSums(problem, result.sets) : [];
console.log(
  JSON.stringify({
    items,
    sets,
    overlap,
    enemyPairs,
    method,
    status: result.status,
    tolerance: problem.tolerance,
    engine: result.engine ?? null,
    highsRan: result.highsRan ?? null,
    heuristicSeconds: result.heuristicSeconds ?? null,
    seconds,
    deviation: found ? maxDeviation(problem, result.sets) : null,
    spread: found ? Math.max(...sums) - Math.min(...sums) : null,
    bound: result.bound ?? null,
    violations: found ? violations.length : null,
    violatedGroups: [...new Set(violations.map((v) => v.group))],
    rssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
