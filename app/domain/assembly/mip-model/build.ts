/**
 * `buildMip`: the assembly problem as a sparse MIP — columns, rows, objective, bounds and names,
 * packed as compressed sparse rows (the model itself is described in `index.ts`).
 */
import type { AssemblyProblem, ConstraintGroup } from '../problem.js';
import { buildColumns } from './columns.js';
import { buildObjective } from './objective.js';
import { buildRows } from './rows.js';
import type { MipOptions, MipRowGroup, SparseMip } from './types.js';

export function buildMip(problem: AssemblyProblem, options: MipOptions): SparseMip {
  const relax = new Set<ConstraintGroup>(options.relax ?? []);
  const items = problem.items;
  const columns = buildColumns(problem, relax, options.objective === 'minimax');
  const { numX, numY, yStart, xItemList, xSetList, yItemList, ySetList, yOtherList, tCol, numCol } = columns;
  const rows = buildRows(problem, columns, relax);
  const objective = buildObjective(problem, columns, relax, options.secondary !== false);

  const colLower = new Float64Array(numCol);
  const colUpper = new Float64Array(numCol).fill(1);
  if (tCol !== null) colUpper[tCol] = Number.POSITIVE_INFINITY;
  const integrality = new Uint8Array(numCol);
  integrality.fill(1, 0, numX);

  const colNames: string[] = new Array<string>(numCol);
  for (let c = 0; c < numX; c += 1) colNames[c] = `x_${items[xItemList[c] ?? -1]?.id}_${xSetList[c]}`;
  for (let k = 0; k < numY; k += 1)
    colNames[yStart + k] = `y_${items[yItemList[k] ?? -1]?.id}_${ySetList[k]}_${yOtherList[k]}`;
  if (tCol !== null) colNames[tCol] = 't';

  // Pack rows (CSR).
  const numRow = rows.length;
  const nnz = rows.reduce((a, r) => a + r.cols.length, 0);
  const starts = new Int32Array(numRow + 1);
  const index = new Int32Array(nnz);
  const value = new Float64Array(nnz);
  const rowLower = new Float64Array(numRow);
  const rowUpper = new Float64Array(numRow);
  const rowGroups: MipRowGroup[] = new Array<MipRowGroup>(numRow);
  let k = 0;
  rows.forEach((r, ri) => {
    starts[ri] = k;
    r.cols.forEach((c, j) => {
      index[k] = c;
      value[k] = r.vals[j] ?? 0;
      k += 1;
    });
    rowLower[ri] = r.lower;
    rowUpper[ri] = r.upper;
    rowGroups[ri] = r.group;
  });
  starts[numRow] = k;

  return {
    numCol,
    numRow,
    colCost: objective.colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    starts,
    index,
    value,
    integrality,
    colNames,
    rowGroups,
    numX,
    xItem: Int32Array.from(xItemList),
    xSet: Int32Array.from(xSetList),
    xColOf: columns.xColOf,
    yStart,
    numY,
    yItem: Int32Array.from(yItemList),
    ySet: Int32Array.from(ySetList),
    yOther: Int32Array.from(yOtherList),
    tCol,
    weights: { penalised: objective.penalisedWeight, overlap: objective.overlapWeight },
    secondaryCap: objective.secondaryCap,
  };
}
