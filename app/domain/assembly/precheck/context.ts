/** What every pre-check needs: the problem, its whole-number limits, the finding sink and cell names. */
import { nodeName, typeName, type AssemblyProblem, type ConstraintGroup } from '../problem.js';

export interface Finding {
  readonly group: ConstraintGroup;
  readonly message: string;
}

/** Records a finding (a repeated group and message is recorded once). */
export type AddFinding = (group: ConstraintGroup, message: string) => void;

export interface PrecheckContext {
  readonly problem: AssemblyProblem;
  /** Sets (a whole number ≥ 1 once `checkSetCount` passed). */
  readonly N: number;
  /** Pairwise overlap limit; +∞ when absent (NaN). */
  readonly overlap: number;
  /** Items the sets may share in all: overlap × N(N−1)/2 (0 when disjoint or one set). */
  readonly shareable: number;
  /** Items per 鉴定点 per set, the paper's cap; +∞ when absent (NaN). */
  readonly cap: number;
  /** Whole-number cap of one 鉴定点: its own (`pointCaps`), else `cap`. */
  readonly capOf: (point: string) => number;
  /** Some 鉴定点 has a finite cap (the paper's or its own): the cap checks have something to check. */
  readonly capBinds: boolean;
  readonly add: AddFinding;
  /** `鉴定范围 … 题型` of a cell index. */
  readonly cellName: (c: number) => string;
  /** Quota of cell c in set s. */
  readonly count: (c: number, s: number) => number;
}

/** Whole-number view of a cap (NaN means no cap, as in the checker). */
function capOf(pointCap: number): number {
  if (Number.isNaN(pointCap)) return Number.POSITIVE_INFINITY;
  return pointCap === Number.POSITIVE_INFINITY ? pointCap : Math.max(0, Math.floor(pointCap));
}

export function precheckContext(problem: AssemblyProblem, add: AddFinding): PrecheckContext {
  const N = problem.sets;
  // NaN limits never bind in the checker (every comparison with NaN is false): treat them as absent.
  const overlap = Number.isNaN(problem.overlap) ? Number.POSITIVE_INFINITY : Math.floor(problem.overlap);
  const pairs = (N * (N - 1)) / 2;
  const shareable = N >= 2 && overlap > 0 ? overlap * pairs : 0;
  const cap = capOf(problem.pointCap);
  const own = new Map(Object.entries(problem.pointCaps ?? {}).map(([point, c]) => [point, capOf(c)]));
  const capOfPoint = (point: string) => own.get(point) ?? cap;
  const capBinds = Number.isFinite(cap) || [...own.values()].some((c) => Number.isFinite(c));

  const cellName = (c: number) => {
    const cell = problem.cells[c];
    return cell === undefined ? '' : `鉴定范围 ${nodeName(problem, cell.node)} ${typeName(problem, cell.type)}`;
  };
  const count = (c: number, s: number) => problem.cells[c]?.counts[s] ?? 0;
  return { problem, N, overlap, shareable, cap, capOf: capOfPoint, capBinds, add, cellName, count };
}
