/**
 * The assembly problem (组卷模型, `problem.ts`) as a sparse mixed-integer program, for HiGHS (and, in
 * the benchmark, GLPK). Pure: it builds arrays and decodes solutions; the services run the solver.
 *
 * Columns (in this order):
 *   x(i, s) ∈ {0, 1}   item i in set s — only for eligible items (their (node, 题型) has a cell), not
 *                      excluded, and only for sets whose cell wants at least one item (unless the
 *                      cells are relaxed). Item-major: all sets of item 0, then item 1, …
 *   y(i, s, u) ∈ [0,1] item i shared by sets s < u — only when overlap > 0 (and overlap not relaxed).
 *                      Continuous: y ≥ x(i,s) + x(i,u) − 1 with y ≥ 0 is integral at every vertex that
 *                      matters, as x is.
 *   t ≥ 0              the minimax deviation — only for objective 'minimax'.
 * Rows (each tagged with the constraint group it enforces, `rowGroups`):
 *   cells       Σ_{i ∈ cell} x(i,s) = counts[s]
 *   bands       Σ_{i of band b} x(i,s) = bands[s][b−1]
 *   importance  Σ_{X} x(i,s) ≥ minX[s] (when > 0);  Σ_{Z} x(i,s) ≤ maxZ[s] (when it can bind)
 *   points      Σ points(i) x(i,s) = totalPoints[s]
 *   pointCap    Σ_{i of 鉴定点 k} x(i,s) ≤ pointCap (only when more than pointCap candidates)
 *   pointMin    Σ_{i of 鉴定点 k} x(i,s) ≥ min
 *   overlap     overlap = 0: Σ_s x(i,s) ≤ 1 per item (much tighter than the pairwise form);
 *               overlap > 0: x(i,s) + x(i,u) − y(i,s,u) ≤ 1 and Σ_i y(i,s,u) ≤ overlap per pair
 *   enemies     x(i,s) + x(j,s) ≤ 1
 *   pinned      x(i,s) ≥ 1 — a row, not a fixed bound, so that relaxing 'pinned' is dropping rows.
 *               A pin on an item without a column is an empty row 0 ≥ 1: infeasible, as it must be.
 *   deviation   Σ p(i) x(i,s) − t ≤ target[s]  and  Σ p(i) x(i,s) + t ≥ target[s]   ('minimax' only)
 *   excluded    has no rows: excluded items get no column (relaxing 'excluded' creates them).
 * Rows with no entries whose bounds admit 0 are left out; rows with no entries that cannot hold are
 * kept, so the solver reports infeasibility.
 *
 * Objective 'minimax': minimise t + w_pen Σ_{penalised} x(i,s) + w_ovl Σ y(i,s,u). The secondary
 * weights share a budget below the tolerance, so they can never cost more than 0.4·tolerance of
 * deviation:  w_pen = 0.3·tolerance / (most penalised items the sets can hold),
 *             w_ovl = 0.1·tolerance / (most shared items the pairs can hold).
 * (`secondaryCap` = w_pen·maxPenalisedUse + w_ovl·maxSharedUse ≤ 0.4·tolerance, so
 * optimum(t + secondary) − secondaryCap ≤ optimum(t): a lower bound on the objective minus the cap
 * is a lower bound on the deviation.) With tolerance 0 the secondary terms are off.
 * Objective 'feasibility': all costs 0; the solver stops at the first feasible point.
 */
import { type AssemblyProblem, type ConstraintGroup, type SetAssignment, cellKey } from './problem.js';

export interface MipOptions {
  readonly objective: 'minimax' | 'feasibility';
  /** Constraint groups whose rows are dropped (for 'excluded': whose items get columns). */
  readonly relax?: readonly ConstraintGroup[];
  /** Penalised-item and overlap weights in the 'minimax' objective (default true). */
  readonly secondary?: boolean;
}

/** A row's group: a hard constraint group, or the two rows per set that define t. */
export type MipRowGroup = ConstraintGroup | 'deviation';

export interface SparseMip {
  readonly numCol: number;
  readonly numRow: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** The constraint matrix, compressed sparse rows: row r is index/value[starts[r] … starts[r+1]). */
  readonly starts: Int32Array;
  readonly index: Int32Array;
  readonly value: Float64Array;
  /** 1 = integer (binary by its bounds), 0 = continuous. */
  readonly integrality: Uint8Array;
  /** `x_<itemId>_<set>`, `y_<itemId>_<s>_<u>`, `t` (sets numbered from 0). */
  readonly colNames: string[];
  /** One per row. */
  readonly rowGroups: MipRowGroup[];
  /** x columns are 0 … numX−1; column c is item `problem.items[xItem[c]]` in set `xSet[c]`. */
  readonly numX: number;
  readonly xItem: Int32Array;
  readonly xSet: Int32Array;
  /** Column of x(item index i, set s) at `xColOf[i * sets + s]`, −1 when there is none. */
  readonly xColOf: Int32Array;
  /** y columns are yStart … yStart+numY−1: item `yItem[k]` shared by sets `ySet[k]` < `yOther[k]`. */
  readonly yStart: number;
  readonly numY: number;
  readonly yItem: Int32Array;
  readonly ySet: Int32Array;
  readonly yOther: Int32Array;
  /** The deviation column, null for the feasibility objective. */
  readonly tCol: number | null;
  /** Secondary objective weights (0 when off). */
  readonly weights: { readonly penalised: number; readonly overlap: number };
  /** Largest value the secondary terms can add to the objective of a solution meeting the cells. */
  readonly secondaryCap: number;
}

/** Share of the tolerance the penalised-item term may cost at most. */
export const PENALISED_BUDGET = 0.3;
/** Share of the tolerance the overlap term may cost at most. */
export const OVERLAP_BUDGET = 0.1;

interface RowDraft {
  cols: number[];
  vals: number[];
  lower: number;
  upper: number;
  group: MipRowGroup;
}

export function buildMip(problem: AssemblyProblem, options: MipOptions): SparseMip {
  const relax = new Set<ConstraintGroup>(options.relax ?? []);
  const S = problem.sets;
  const items = problem.items;
  const minimax = options.objective === 'minimax';

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

  const rows: RowDraft[] = [];
  const addRow = (group: MipRowGroup, cols: number[], vals: number[] | number, lower: number, upper: number) => {
    if (cols.length === 0 && lower <= 0 && upper >= 0) return;
    const v = typeof vals === 'number' ? new Array<number>(cols.length).fill(vals) : vals;
    rows.push({ cols, vals: v, lower, upper, group });
  };
  const INF = Number.POSITIVE_INFINITY;

  // Set sizes (for the secondary weights' bounds).
  const setSize = new Array<number>(S).fill(0);
  for (const counts of cellCounts.values()) counts.forEach((n, s) => (setSize[s] = (setSize[s] ?? 0) + n));

  if (!relax.has('cells')) {
    const byCell = new Map<string, number[]>();
    for (let c = 0; c < numX; c += 1) {
      const item = items[xItemList[c] ?? -1];
      if (item === undefined) continue;
      const key = `${cellKey(item.node, item.type)}\u0000${xSetList[c]}`;
      const list = byCell.get(key) ?? [];
      list.push(c);
      byCell.set(key, list);
    }
    for (const cell of problem.cells) {
      for (let s = 0; s < S; s += 1) {
        const want = cell.counts[s] ?? 0;
        addRow('cells', [...(byCell.get(`${cellKey(cell.node, cell.type)}\u0000${s}`) ?? [])], 1, want, want);
      }
    }
  }

  if (problem.bands !== undefined && !relax.has('bands')) {
    for (let s = 0; s < S; s += 1) {
      const bands = problem.bands[s];
      if (bands === undefined) continue;
      bands.forEach((want, b) => addRow('bands', colsOfSet(s, (i) => items[i]?.band === b + 1), 1, want, want));
    }
  }

  if (problem.importance !== undefined && !relax.has('importance')) {
    for (let s = 0; s < S; s += 1) {
      const minX = problem.importance.minX[s] ?? 0;
      if (minX > 0) addRow('importance', colsOfSet(s, (i) => items[i]?.importance === 'X'), 1, minX, INF);
      const maxZ = problem.importance.maxZ[s];
      if (maxZ !== undefined) {
        const z = colsOfSet(s, (i) => items[i]?.importance === 'Z');
        if (z.length > maxZ) addRow('importance', z, 1, -INF, maxZ);
      }
    }
  }

  if (!relax.has('points')) {
    for (let s = 0; s < S; s += 1) {
      const want = problem.totalPoints[s] ?? 0;
      const cols = colsOfSet(s, () => true);
      addRow('points', cols, cols.map((c) => items[xItemList[c] ?? -1]?.points ?? 0), want, want);
    }
  }

  const colsByPoint = (s: number): Map<string, number[]> => {
    const out = new Map<string, number[]>();
    for (const c of colsOfSet(s, () => true)) {
      const point = items[xItemList[c] ?? -1]?.point ?? '';
      const list = out.get(point) ?? [];
      list.push(c);
      out.set(point, list);
    }
    return out;
  };
  const byPoint = Array.from({ length: S }, (_, s) => colsByPoint(s));

  if (!relax.has('pointCap')) {
    for (let s = 0; s < S; s += 1) {
      for (const cols of byPoint[s]?.values() ?? []) {
        if (cols.length > problem.pointCap) addRow('pointCap', cols, 1, -INF, problem.pointCap);
      }
    }
  }

  if (!relax.has('pointMin')) {
    for (const m of problem.pointMin) {
      if (m.min <= 0) continue;
      for (let s = 0; s < S; s += 1) addRow('pointMin', [...(byPoint[s]?.get(m.point) ?? [])], 1, m.min, INF);
    }
  }

  if (!relax.has('overlap')) {
    if (problem.overlap <= 0) {
      for (let i = 0; i < items.length; i += 1) {
        const cols: number[] = [];
        for (let s = 0; s < S; s += 1) if (col(i, s) >= 0) cols.push(col(i, s));
        if (cols.length > 1) addRow('overlap', cols, 1, -INF, 1);
      }
    } else {
      const perPair = new Map<number, number[]>();
      for (let k = 0; k < numY; k += 1) {
        const i = yItemList[k] ?? 0;
        const s = ySetList[k] ?? 0;
        const u = yOtherList[k] ?? 0;
        addRow('overlap', [col(i, s), col(i, u), yStart + k], [1, 1, -1], -INF, 1);
        const pair = s * S + u;
        const list = perPair.get(pair) ?? [];
        list.push(yStart + k);
        perPair.set(pair, list);
      }
      for (const ys of perPair.values()) if (ys.length > problem.overlap) addRow('overlap', ys, 1, -INF, problem.overlap);
    }
  }

  if (!relax.has('enemies')) {
    for (const [a, b] of problem.enemies) {
      const ia = indexOf.get(a);
      const ib = indexOf.get(b);
      if (ia === undefined || ib === undefined || ia === ib) continue;
      for (let s = 0; s < S; s += 1) {
        const ca = col(ia, s);
        const cb = col(ib, s);
        if (ca >= 0 && cb >= 0) addRow('enemies', [ca, cb], 1, -INF, 1);
      }
    }
  }

  if (!relax.has('pinned')) {
    for (const pin of problem.pinned) {
      const i = indexOf.get(pin.itemId);
      const c = i === undefined || pin.set < 0 || pin.set >= S ? -1 : col(i, pin.set);
      addRow('pinned', c >= 0 ? [c] : [], 1, 1, INF);
    }
  }

  if (tCol !== null) {
    for (let s = 0; s < S; s += 1) {
      const target = problem.target[s] ?? 0;
      const cols = colsOfSet(s, () => true);
      const ps = cols.map((c) => items[xItemList[c] ?? -1]?.p ?? 0);
      rows.push({ cols: [...cols, tCol], vals: [...ps, -1], lower: -INF, upper: target, group: 'deviation' });
      rows.push({ cols: [...cols, tCol], vals: [...ps, 1], lower: target, upper: INF, group: 'deviation' });
    }
  }

  // Objective.
  const colCost = new Float64Array(numCol);
  let penalisedWeight = 0;
  let overlapWeight = 0;
  let secondaryCap = 0;
  if (tCol !== null) {
    colCost[tCol] = 1;
    if (options.secondary !== false && problem.tolerance > 0) {
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

  const colLower = new Float64Array(numCol);
  const colUpper = new Float64Array(numCol).fill(1);
  if (tCol !== null) colUpper[tCol] = INF;
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
    colCost,
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
    xColOf,
    yStart,
    numY,
    yItem: Int32Array.from(yItemList),
    ySet: Int32Array.from(ySetList),
    yOther: Int32Array.from(yOtherList),
    tCol,
    weights: { penalised: penalisedWeight, overlap: overlapWeight },
    secondaryCap,
  };
}

/** Index in `problem.items` of each id (its last entry, as `new Map(items.map(…))` in the checker). */
function indexById(problem: Pick<AssemblyProblem, 'items'>): Map<number, number> {
  return new Map(problem.items.map((item, i) => [item.id, i]));
}

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
