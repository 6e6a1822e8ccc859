/**
 * The objective of the assembly MIP: 'minimax' costs t at 1 plus the secondary weights (penalised
 * items, shared items) sized so that together they cost at most 0.4·tolerance (`index.ts`);
 * 'feasibility' costs nothing.
 */
import type { AssemblyProblem, ConstraintGroup } from '../problem.js';
import type { MipColumns } from './columns.js';
import { OVERLAP_BUDGET, PENALISED_BUDGET } from './types.js';

export interface MipObjectiveCosts {
  readonly colCost: Float64Array;
  readonly penalisedWeight: number;
  readonly overlapWeight: number;
  readonly secondaryCap: number;
}

export function buildObjective(
  problem: AssemblyProblem,
  columns: MipColumns,
  relax: ReadonlySet<ConstraintGroup>,
  secondary: boolean,
): MipObjectiveCosts {
  const { S, numX, numY, yStart, xItemList, xSetList, ySetList, yOtherList, setSize, tCol } = columns;
  const items = problem.items;
  const colCost = new Float64Array(columns.numCol);
  let penalisedWeight = 0;
  let overlapWeight = 0;
  let secondaryCap = 0;
  if (tCol !== null) {
    colCost[tCol] = 1;
    if (secondary && problem.tolerance > 0) {
      const penalised = new Set(problem.penalised);
      const penCols = Array.from({ length: S }, () => 0);
      for (let c = 0; c < numX; c += 1) {
        const s = xSetList[c] ?? 0;
        if (penalised.has(items[xItemList[c] ?? -1]?.id ?? Number.NaN)) penCols[s] = (penCols[s] ?? 0) + 1;
      }
      const maxPen = penCols.reduce((a, n, s) => a + (relax.has('cells') ? n : Math.min(n, setSize[s] ?? 0)), 0);
      const yPerPair = new Map<number, number>();
      for (let k = 0; k < numY; k += 1) {
        const pair = (ySetList[k] ?? 0) * S + (yOtherList[k] ?? 0);
        yPerPair.set(pair, (yPerPair.get(pair) ?? 0) + 1);
      }
      let maxShared = 0;
      for (const [pair, n] of yPerPair) {
        const s = Math.floor(pair / S);
        const u = pair % S;
        let cap = n;
        if (!relax.has('cells')) cap = Math.min(cap, setSize[s] ?? 0, setSize[u] ?? 0);
        if (!relax.has('overlap')) cap = Math.min(cap, problem.overlap);
        maxShared += cap;
      }
      if (maxPen > 0) {
        penalisedWeight = (PENALISED_BUDGET * problem.tolerance) / maxPen;
        for (let c = 0; c < numX; c += 1) {
          if (penalised.has(items[xItemList[c] ?? -1]?.id ?? Number.NaN)) colCost[c] = penalisedWeight;
        }
      }
      if (maxShared > 0) {
        overlapWeight = (OVERLAP_BUDGET * problem.tolerance) / maxShared;
        for (let k = 0; k < numY; k += 1) colCost[yStart + k] = overlapWeight;
      }
      secondaryCap = penalisedWeight * maxPen + overlapWeight * maxShared;
    }
  }
  return { colCost, penalisedWeight, overlapWeight, secondaryCap };
}
