/**
 * A lower bound on the parallelism objective that needs no solver. When every difficulty index p is
 * recorded to d decimals (p × 10^d whole), every set's Σp lies on the grid 10^−d, so no assembly can
 * bring set s closer to its target than the distance from target_s to that grid. The minimax
 * objective's LP relaxation is 0 (fractional items hit any target), so this is usually the better
 * bound: a result that reaches it is optimal, not merely within the tolerance.
 */
import type { AssemblyProblem } from './problem.js';

const MAX_DECIMALS = 6;

/** The coarsest grid 10^−d (d ≤ 6) all values lie on, or null when there is none. */
export function decimalGrid(values: readonly number[]): number | null {
  for (let d = 0; d <= MAX_DECIMALS; d += 1) {
    const scale = 10 ** d;
    if (values.every((v) => Math.abs(v * scale - Math.round(v * scale)) < 1e-7)) return 1 / scale;
  }
  return null;
}

/** max_s of the distance from target_s to the grid of attainable Σp; 0 when p has no common grid. */
export function latticeBound(problem: Pick<AssemblyProblem, 'items' | 'target'>): number {
  const grid = decimalGrid(problem.items.map((i) => i.p));
  if (grid === null) return 0;
  return problem.target.reduce((worst, t) => {
    const k = t / grid;
    const distance = Math.abs(k - Math.round(k)) * grid;
    return Math.max(worst, distance < 1e-12 ? 0 : distance);
  }, 0);
}
