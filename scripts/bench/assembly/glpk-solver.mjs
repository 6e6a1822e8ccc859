// GLPK (glpk.js, WebAssembly; a devDependency) on the same MIP as HiGHS — for the benchmark only.
// The model comes from buildMip (compiled: run `npm run build` first) and is translated to glpk.js's
// JSON form. glpk.js's Node entry (`glpk.js/node`) reads glpk.wasm beside itself with fs: nothing is
// fetched. GLPK has no absolute MIP gap, so it runs with relative gap 0 until optimal or the time limit.
import { performance } from 'node:perf_hooks';
import GLPK from 'glpk.js/node';
import { checkSets } from '../../../dist/app/domain/assembly/checker.js';
import { buildMip, decodeSets } from '../../../dist/app/domain/assembly/mip-model/index.js';
import { maxDeviation } from '../../../dist/app/domain/assembly/problem.js';

let glpkRuntime;

/** The glpk.js JSON model of a SparseMip. */
export function toGlpkModel(glpk, mip) {
  const name = (c) => mip.colNames[c];
  const objectiveVars = [];
  for (let c = 0; c < mip.numCol; c += 1) if (mip.colCost[c] !== 0) objectiveVars.push({ name: name(c), coef: mip.colCost[c] });
  // glpk.js needs at least one objective entry to know a column; every column is also listed in bounds.
  if (objectiveVars.length === 0 && mip.numCol > 0) objectiveVars.push({ name: name(0), coef: 0 });

  const subjectTo = [];
  for (let r = 0; r < mip.numRow; r += 1) {
    const vars = [];
    for (let k = mip.starts[r]; k < mip.starts[r + 1]; k += 1) vars.push({ name: name(mip.index[k]), coef: mip.value[k] });
    subjectTo.push({ name: `r${r}`, vars, bnds: bounds(glpk, mip.rowLower[r], mip.rowUpper[r]) });
  }
  const colBounds = [];
  const binaries = [];
  for (let c = 0; c < mip.numCol; c += 1) {
    if (mip.integrality[c] === 1 && mip.colLower[c] === 0 && mip.colUpper[c] === 1) binaries.push(name(c));
    else colBounds.push({ name: name(c), ...bounds(glpk, mip.colLower[c], mip.colUpper[c]) });
  }
  return {
    name: 'assembly',
    objective: { direction: glpk.GLP_MIN, name: 'obj', vars: objectiveVars },
    subjectTo,
    bounds: colBounds,
    binaries,
  };
}

function bounds(glpk, lower, upper) {
  const lo = Number.isFinite(lower);
  const up = Number.isFinite(upper);
  if (lo && up) return lower === upper ? { type: glpk.GLP_FX, lb: lower, ub: upper } : { type: glpk.GLP_DB, lb: lower, ub: upper };
  if (lo) return { type: glpk.GLP_LO, lb: lower, ub: 0 };
  if (up) return { type: glpk.GLP_UP, lb: 0, ub: upper };
  return { type: glpk.GLP_FR, lb: 0, ub: 0 };
}

/**
 * Solve `problem` with GLPK: { status: 'optimal'|'feasible'|'infeasible'|'timeLimit'|'error', sets?,
 * deviation?, seconds, message? }. The sets are re-checked with the independent checker.
 */
export async function solveWithGlpk(problem, { timeLimitSeconds, objective = 'minimax' }) {
  const start = performance.now();
  const seconds = () => (performance.now() - start) / 1000;
  glpkRuntime ??= GLPK();
  const glpk = await glpkRuntime;
  const mip = buildMip(problem, { objective });
  const model = toGlpkModel(glpk, mip);
  const left = Math.max(0.1, timeLimitSeconds - seconds());
  const out = glpk.solve(model, { msglev: glpk.GLP_MSG_OFF, presol: true, tmlim: left, mipgap: 0 });
  const status =
    out.result.status === glpk.GLP_OPT
      ? 'optimal'
      : out.result.status === glpk.GLP_FEAS
        ? 'feasible'
        : out.result.status === glpk.GLP_NOFEAS
          ? 'infeasible'
          : 'timeLimit';
  if (status !== 'optimal' && status !== 'feasible') return { status, seconds: seconds() };
  const colValue = mip.colNames.map((n) => out.result.vars[n] ?? 0);
  const sets = decodeSets(problem, mip, colValue);
  const violations = checkSets(problem, sets);
  if (violations.length > 0) {
    return { status: 'error', seconds: seconds(), message: violations.slice(0, 5).map((v) => v.message).join('；') };
  }
  return { status, sets, deviation: maxDeviation(problem, sets), seconds: seconds() };
}
