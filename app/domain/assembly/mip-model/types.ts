/** The shapes of the assembly MIP (`index.ts` describes the model): options, the sparse model, weights. */
import type { ConstraintGroup } from '../problem.js';

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

/** A row before packing: its entries, bounds and group. */
export interface RowDraft {
  cols: number[];
  vals: number[];
  lower: number;
  upper: number;
  group: MipRowGroup;
}
