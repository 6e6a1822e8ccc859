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

/**
 * Relative float noise allowed when a deviation is compared with its bound. Σp of a set and the
 * targets are sums of doubles, each off by up to (terms × |sum| × 2^−53): at worst ≈ 2e−12 for 170
 * items near Σp = 110, typically ≈ 1e−14 — the miss that made the engine run HiGHS for nothing when
 * the heuristic had reached the bound. 1e−10 of the magnitudes involved leaves a wide margin over that
 * and stays well below the finest grid a difficulty index is recorded on (10^−6, `decimalGrid`), so
 * it never hides a real miss.
 */
export const RELATIVE_FLOAT_NOISE = 1e-10;

/**
 * Whether sets whose largest deviation is `deviation` are within `tolerance` of the lower bound
 * `bound`, that is optimal up to the tolerance: deviation − bound ≤ tolerance + ε, with
 * ε = RELATIVE_FLOAT_NOISE × max(1, |magnitude|, |deviation|, |bound|, |tolerance|), where `magnitude` is
 * the size of the sums the deviation was computed from (the largest |target|). With tolerance 0, a
 * deviation equal to the bound up to float noise is within; anything off by a grid step is not.
 * The one comparison the engine uses both to skip HiGHS and to certify a result.
 */
export function withinTolerance(deviation: number, bound: number, tolerance: number, magnitude = 0): boolean {
  const scale = Math.max(1, Math.abs(magnitude), Math.abs(deviation), Math.abs(bound), Math.abs(tolerance));
  return deviation - bound <= tolerance + RELATIVE_FLOAT_NOISE * scale;
}

/** The magnitude of a problem's sums for `withinTolerance`: its largest |target| (0 for none). */
export function sumMagnitude(problem: Pick<AssemblyProblem, 'target'>): number {
  return problem.target.reduce((m, t) => Math.max(m, Math.abs(t)), 0);
}
