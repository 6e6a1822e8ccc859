/** Tolerances, limits and the binary search shared by the steps of the heuristic. */
export const EPS = 1e-9;
export const POINTS_EPS = 1e-6;
export const NO_LIMIT = 1 << 29;
/** Cost scale of the min-cost flows (quota split, 鉴定点 plan). */
export const SCALE = 1e6;

/** First index in values[lo, hi) (sorted ascending) whose value is ≥ x. */
export function lowerBound(values: Float64Array, lo: number, hi: number, x: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if ((values[mid] as number) < x) a = mid + 1;
    else b = mid;
  }
  return a;
}
