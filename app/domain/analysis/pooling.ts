/**
 * The p that assembly uses for an item version: the sittings' p pooled by sample size, shrunk towards
 * a prior — the item's earlier value (an imported statistic with its own n) or, without one, the
 * estimate from its difficulty level worth PRIOR_WEIGHT candidates. With few candidates the estimate
 * still dominates; with hundreds the data does: p̂ = (Σ nᵢ·pᵢ + n₀·p₀) ÷ (Σ nᵢ + n₀).
 */

/** How many candidates the difficulty-level estimate is worth. */
export const PRIOR_WEIGHT = 30;

export interface SittingP {
  readonly n: number;
  readonly p: number;
}

export interface PooledP {
  readonly p: number;
  /** Candidates behind it (the prior not counted). */
  readonly n: number;
  readonly sittings: number;
}

export function pooledP(sittings: readonly SittingP[], prior: { readonly p: number; readonly weight: number }): PooledP {
  const n = sittings.reduce((s, x) => s + x.n, 0);
  const sum = sittings.reduce((s, x) => s + x.n * x.p, 0);
  const weight = Math.max(0, prior.weight);
  const p = n + weight === 0 ? prior.p : (sum + weight * prior.p) / (n + weight);
  return { p: Math.min(1, Math.max(0, p)), n, sittings: sittings.length };
}
