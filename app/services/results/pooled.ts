/**
 * The difficulty assembly uses for each item, and the items its sittings flag: for the item's current
 * version, the sittings' p pooled by sample size (domain `pooledP`) with, as prior, an imported
 * statistic (`papers stats-import`, worth its own sample size) or else the estimate from the item's
 * difficulty level (worth PRIOR_WEIGHT candidates). Items with neither keep no entry (assembly
 * estimates them). An item is flagged when its latest sitting of the current version has a `review` flag.
 */
import { estimatedP } from '../../domain/assembly/blueprint.js';
import { needsReview } from '../../domain/analysis/flags.js';
import { pooledP, PRIOR_WEIGHT, type PooledP } from '../../domain/analysis/pooling.js';
import type { ReadableDB } from '../../store/database.js';
import { itemDifficultyIndex } from '../../store/repositories/papers.js';
import { bankItemSittings } from '../../store/repositories/results.js';

export interface ItemVersionRef {
  readonly id: number;
  readonly version: number;
  readonly difficulty: number | null;
}

export interface AssemblyDifficulty {
  readonly p: ReadonlyMap<number, number>;
  readonly pooled: ReadonlyMap<number, PooledP>;
  readonly flagged: ReadonlySet<number>;
  /** The corrected item–total correlation of the latest sitting of the current version. */
  readonly latestR: ReadonlyMap<number, number | null>;
}

export function assemblyDifficulty(db: ReadableDB, bankId: number, items: readonly ItemVersionRef[]): AssemblyDifficulty {
  const imported = itemDifficultyIndex(db, bankId);
  const sittings = bankItemSittings(db, bankId);
  const p = new Map<number, number>();
  const pooled = new Map<number, PooledP>();
  const flagged = new Set<number>();
  const latestR = new Map<number, number | null>();
  for (const item of items) {
    const own = (sittings.get(item.id) ?? []).filter((s) => s.version === item.version);
    const external = imported.get(item.id);
    if (own.length === 0) {
      if (external) p.set(item.id, external.p);
      continue;
    }
    const prior = external ? { p: external.p, weight: external.n } : { p: estimatedP(item.difficulty), weight: PRIOR_WEIGHT };
    const result = pooledP(own, prior);
    p.set(item.id, result.p);
    pooled.set(item.id, result);
    latestR.set(item.id, own.at(-1)?.pointBiserial ?? null);
    if (needsReview(own.at(-1)?.flags ?? [])) flagged.add(item.id);
  }
  return { p, pooled, flagged, latestR };
}
