/**
 * Solution vectors of the assembly MIP: decode one into item ids per set, encode sets as a warm
 * start, and measure a vector (objective value, violated rows) and the model's size.
 */
import type { AssemblyProblem, SetAssignment } from '../problem.js';
import { indexById } from './columns.js';
import type { SparseMip } from './types.js';

/** Item ids per set from a solution vector (x > 0.5), in the order of `problem.items`. */
export function decodeSets(problem: AssemblyProblem, mip: SparseMip, colValue: ArrayLike<number>): number[][] {
  const sets: number[][] = Array.from({ length: problem.sets }, () => []);
  for (let c = 0; c < mip.numX; c += 1) {
    if ((colValue[c] ?? 0) <= 0.5) continue;
    const item = problem.items[mip.xItem[c] ?? -1];
    const set = sets[mip.xSet[c] ?? -1];
    if (item !== undefined && set !== undefined) set.push(item.id);
  }
  return sets;
}

/**
 * The solution vector of `sets` (a warm start): x = 1 for each listed item that has a column (items
 * without one — ineligible, excluded, unknown — are skipped, so such a start is not feasible),
 * y = max(0, x(i,s) + x(i,u) − 1), t = the largest deviation of the encoded sets.
 */
export function encodeSets(problem: AssemblyProblem, mip: SparseMip, sets: SetAssignment): Float64Array {
  const out = new Float64Array(mip.numCol);
  const indexOf = indexById(problem);
  const S = problem.sets;
  sets.forEach((ids, s) => {
    if (s >= S) return;
    for (const id of ids) {
      const i = indexOf.get(id);
      const c = i === undefined ? -1 : (mip.xColOf[i * S + s] ?? -1);
      if (c >= 0) out[c] = 1;
    }
  });
  for (let k = 0; k < mip.numY; k += 1) {
    const i = mip.yItem[k] ?? 0;
    const a = out[mip.xColOf[i * S + (mip.ySet[k] ?? 0)] ?? -1] ?? 0;
    const b = out[mip.xColOf[i * S + (mip.yOther[k] ?? 0)] ?? -1] ?? 0;
    out[mip.yStart + k] = Math.max(0, a + b - 1);
  }
  if (mip.tCol !== null) {
    const sums = new Array<number>(S).fill(0);
    for (let c = 0; c < mip.numX; c += 1) {
      if ((out[c] ?? 0) > 0.5) {
        const s = mip.xSet[c] ?? 0;
        sums[s] = (sums[s] ?? 0) + (problem.items[mip.xItem[c] ?? -1]?.p ?? 0);
      }
    }
    out[mip.tCol] = sums.reduce((m, sum, s) => Math.max(m, Math.abs(sum - (problem.target[s] ?? 0))), 0);
  }
  return out;
}

/** Objective value Σ cost·value of a solution vector. */
export function mipObjective(mip: SparseMip, colValue: ArrayLike<number>): number {
  let z = 0;
  for (let c = 0; c < mip.numCol; c += 1) z += (mip.colCost[c] ?? 0) * (colValue[c] ?? 0);
  return z;
}

/** Rows a solution vector violates (beyond `tolerance`), as row indices. */
export function violatedRows(mip: SparseMip, colValue: ArrayLike<number>, tolerance = 1e-7): number[] {
  const out: number[] = [];
  for (let r = 0; r < mip.numRow; r += 1) {
    let activity = 0;
    for (let k = mip.starts[r] ?? 0; k < (mip.starts[r + 1] ?? 0); k += 1) {
      activity += (mip.value[k] ?? 0) * (colValue[mip.index[k] ?? -1] ?? 0);
    }
    if (activity < (mip.rowLower[r] ?? 0) - tolerance || activity > (mip.rowUpper[r] ?? 0) + tolerance) out.push(r);
  }
  return out;
}

/** Size of the model: columns (integer among them), rows and nonzeros. */
export function mipSize(mip: SparseMip): { cols: number; integers: number; rows: number; nonzeros: number } {
  return { cols: mip.numCol, integers: mip.numX, rows: mip.numRow, nonzeros: mip.index.length };
}
