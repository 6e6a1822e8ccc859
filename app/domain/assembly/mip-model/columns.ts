/**
 * The columns of the assembly MIP: x(i, s) for eligible, not excluded items in sets whose cell wants
 * items (item-major), y(i, s, u) for shared items when overlap > 0, and t for 'minimax'.
 */
import { type AssemblyProblem, type ConstraintGroup, cellKey } from '../problem.js';

export interface MipColumns {
  /** Number of sets. */
  readonly S: number;
  /** Cell counts per (node, 题型) key and set; several cells with one key add up. */
  readonly cellCounts: ReadonlyMap<string, readonly number[]>;
  /** Items each set holds by its cells (bounds the secondary weights). */
  readonly setSize: readonly number[];
  /** Index in `problem.items` of each id (its last entry). */
  readonly indexOf: ReadonlyMap<number, number>;
  readonly numX: number;
  readonly xItemList: readonly number[];
  readonly xSetList: readonly number[];
  readonly xColOf: Int32Array;
  readonly yStart: number;
  readonly numY: number;
  readonly yItemList: readonly number[];
  readonly ySetList: readonly number[];
  readonly yOtherList: readonly number[];
  readonly tCol: number | null;
  readonly numCol: number;
  /** Column of x(i, s), −1 when there is none. */
  col(i: number, s: number): number;
  /** x columns of set `s` whose item index passes `keep`, in column order. */
  colsOfSet(s: number, keep: (i: number) => boolean): number[];
}

/** Index in `problem.items` of each id (its last entry, as `new Map(items.map(…))` in the checker). */
export function indexById(problem: Pick<AssemblyProblem, 'items'>): Map<number, number> {
  return new Map(problem.items.map((item, i) => [item.id, i]));
}

export function buildColumns(problem: AssemblyProblem, relax: ReadonlySet<ConstraintGroup>, minimax: boolean): MipColumns {
  const S = problem.sets;
  const items = problem.items;

  // Eligibility: the cell counts of each item's (node, type); several cells with one key add up.
  const cellCounts = new Map<string, number[]>();
  for (const cell of problem.cells) {
    const key = cellKey(cell.node, cell.type);
    const counts = cellCounts.get(key) ?? new Array<number>(S).fill(0);
    for (let s = 0; s < S; s += 1) counts[s] = (counts[s] ?? 0) + Math.max(0, cell.counts[s] ?? 0);
    cellCounts.set(key, counts);
  }
  const excluded = relax.has('excluded') ? new Set<number>() : new Set(problem.excluded);

  // x columns. An id listed twice counts once, as its last entry (as the checker reads the items).
  const indexOf = indexById(problem);
  const xItemList: number[] = [];
  const xSetList: number[] = [];
  const xColOf = new Int32Array(items.length * S).fill(-1);
  items.forEach((item, i) => {
    const counts = cellCounts.get(cellKey(item.node, item.type));
    if (counts === undefined || excluded.has(item.id) || indexOf.get(item.id) !== i) return;
    for (let s = 0; s < S; s += 1) {
      if (!relax.has('cells') && (counts[s] ?? 0) <= 0) continue;
      xColOf[i * S + s] = xItemList.length;
      xItemList.push(i);
      xSetList.push(s);
    }
  });
  const numX = xItemList.length;
  const col = (i: number, s: number): number => xColOf[i * S + s] ?? -1;
  const colsOfSet = (s: number, keep: (i: number) => boolean): number[] => {
    const out: number[] = [];
    for (let c = 0; c < numX; c += 1) if (xSetList[c] === s && keep(xItemList[c] ?? -1)) out.push(c);
    return out;
  };

  // y columns (overlap > 0).
  const useY = problem.overlap > 0 && !relax.has('overlap');
  const yItemList: number[] = [];
  const ySetList: number[] = [];
  const yOtherList: number[] = [];
  if (useY) {
    for (let i = 0; i < items.length; i += 1) {
      for (let s = 0; s < S; s += 1) {
        if (col(i, s) < 0) continue;
        for (let u = s + 1; u < S; u += 1) {
          if (col(i, u) < 0) continue;
          yItemList.push(i);
          ySetList.push(s);
          yOtherList.push(u);
        }
      }
    }
  }
  const yStart = numX;
  const numY = yItemList.length;
  const tCol = minimax ? numX + numY : null;
  const numCol = numX + numY + (tCol === null ? 0 : 1);

  // Set sizes (for the secondary weights' bounds).
  const setSize = new Array<number>(S).fill(0);
  for (const counts of cellCounts.values()) counts.forEach((n, s) => (setSize[s] = (setSize[s] ?? 0) + n));

  return {
    S,
    cellCounts,
    setSize,
    indexOf,
    numX,
    xItemList,
    xSetList,
    xColOf,
    yStart,
    numY,
    yItemList,
    ySetList,
    yOtherList,
    tCol,
    numCol,
    col,
    colsOfSet,
  };
}
