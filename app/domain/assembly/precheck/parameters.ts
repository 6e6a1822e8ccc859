/** The parameters themselves: set count, tolerance, overlap, whole-number quotas, duplicate cells, Z caps. */
import { cellKey, type AssemblyProblem } from '../problem.js';
import { setOrdinal } from '../../format.js';
import type { AddFinding, PrecheckContext } from './context.js';
import { pointCapText } from './format.js';

/** A set count that is not a whole number ≥ 1 (nothing else can then be checked); true when found. */
export function checkSetCount(problem: AssemblyProblem, add: AddFinding): boolean {
  const N = problem.sets;
  if (!Number.isInteger(N) || N < 1) {
    add('cells', `套数应为不小于 1 的整数，实际为 ${String(N)}`);
    return true;
  }
  return false;
}

/** Parameters out of range; true when one is broken so that the counting checks cannot run. */
export function checkParameters(ctx: PrecheckContext): boolean {
  const { problem, N, overlap, cap, capOf, add, cellName, count } = ctx;
  if (!(problem.tolerance >= 0)) add('cells', `平行度容差应不小于 0，实际为 ${String(problem.tolerance)}`);
  if (N >= 2 && overlap < 0) add('overlap', `套间重复题量上限为 ${String(problem.overlap)}，无法满足`);
  // Parameters.
  let broken = false;
  problem.cells.forEach((cell, c) => {
    for (let s = 0; s < N; s += 1) {
      const n = cell.counts[s] ?? 0;
      if (!Number.isInteger(n) || n < 0) {
        add('cells', `${cellName(c)}${setOrdinal(s)}题量为 ${String(n)}，应为不小于 0 的整数`);
        broken = true;
      }
    }
  });
  const seenCells = new Map<string, number>();
  problem.cells.forEach((cell, c) => {
    const key = cellKey(cell.node, cell.type);
    const first = seenCells.get(key);
    if (first === undefined) {
      seenCells.set(key, c);
      return;
    }
    for (let s = 0; s < N; s += 1) {
      if (count(first, s) !== count(c, s)) {
        add('cells', `${cellName(c)}重复列出，${setOrdinal(s)}题量分别为 ${count(first, s)} 和 ${count(c, s)} 道`);
        broken = true;
        break;
      }
    }
  });
  const bands = problem.bands;
  if (bands !== undefined) {
    for (let s = 0; s < N; s += 1) {
      (bands[s] ?? []).forEach((n, b) => {
        if (!Number.isInteger(n) || n < 0) {
          add('bands', `${setOrdinal(s)}难度 ${b + 1} 级题量为 ${String(n)}，应为不小于 0 的整数`);
          broken = true;
        }
      });
    }
  }
  for (let s = 0; s < N; s += 1) {
    const maxZ = problem.importance?.maxZ[s];
    if (maxZ !== undefined && maxZ < 0) {
      add('importance', `${setOrdinal(s)}辅助要素（Z）试题上限为 ${maxZ} 道，无法满足`);
      broken = true;
    }
  }
  for (const m of problem.pointMin) {
    const c = capOf(m.point);
    if (m.min > c) add('pointMin', `鉴定点 ${m.point} 每套至少需要 ${m.min} 道题，但${pointCapText(c, cap)}`);
  }
  return broken;
}
