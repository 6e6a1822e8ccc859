/**
 * 组卷需求: what N parallel theory sets of a bank need — per 题型, per node of the 细目表, per 鉴定点, per
 * difficulty band and importance — from the bank's 细目表 and its theory paper structure (the stored one,
 * or the default preset when none is stored). It is the one answer the coverage view, the bank lint and the
 * 组卷 blueprint (and so the dry run and the run) read, so that they cannot disagree.
 *
 * - Per set: the structure's items per 题型; their sum is the items of a set. Sets are disjoint, so N sets
 *   need N times that.
 * - Per node of the 细目表: the top-down largest-remainder apportionment by 鉴定比重, split by 题型
 *   (`scopeNeeds` in lint/coverage.ts; children always add up to their parent).
 * - Per 鉴定点: a set takes at most `cap` items. Automatic cap: 1 when every leaf has at least as many
 *   鉴定点 as items, else the smallest cap that fits every leaf (max over leaves ⌈leaf items / its 鉴定点⌉);
 *   or the user's cap; a 鉴定范围 or 鉴定点 may set its own (`point-caps.ts`). N disjoint sets can thus
 *   take up to N × cap items of a 鉴定点: what the bank lint asks each 鉴定点 to hold.
 * - Difficulty bands 1…5 per set: the ratio (1:2:4:2:1) over the set's items by largest remainder.
 * - Importance per set (细目表 rule X ≥ 80 %, Z ≤ 5 %, element-table.ts IMPORTANCE_LIMITS): a minimum is
 *   rounded up and a cap down, so that the share is never broken: 90 items → X ≥ 72, Z ≤ 4 (4.5 → 4).
 */
import { IMPORTANCE_LIMITS, listElements, type TheoryElementTable } from '../element-table.js';
import { largestRemainder, scopeNeeds, type PaperShape, type ScopeNeed, type ScopeNeeds, type TypeCounts } from '../lint/coverage.js';
import { THEORY_ITEM_TYPES } from '../theory-item.js';
import type { TheoryStructure } from './paper-structure.js';
import { resolvePointCaps, type PointCapOverride } from './point-caps.js';

/** Difficulty levels 易:较易:中:较难:难 = 1:2:4:2:1 (命题技术标准, domain-formats.md §1). */
export const DEFAULT_BAND_RATIO = [1, 2, 4, 2, 1] as const;

/** Slack for the float products of counts and percentages (90 × 5 / 100 is 4.5, 170 × 80 / 100 exactly 136). */
const EPSILON = 1e-9;

/** Most items of `n` a set may hold when at most `percent` % may be of a kind (rounded down). */
export function capOfShare(n: number, percent: number): number {
  return Math.max(0, Math.floor((n * percent) / 100 + EPSILON));
}

/** Fewest items of `n` a set must hold when at least `percent` % must be of a kind (rounded up). */
export function minimumOfShare(n: number, percent: number): number {
  return Math.max(0, Math.ceil((n * percent) / 100 - EPSILON));
}

export interface TheoryNeedsInput {
  readonly table: Pick<TheoryElementTable, 'scopes'>;
  readonly structure: TheoryStructure;
  readonly sets: number;
  /** Items per 鉴定点 per set; undefined = automatic. */
  readonly pointCap?: number | undefined;
  /** Caps set at nodes of the 细目表 (鉴定范围 path or 鉴定点 code → cap), see point-caps.ts. */
  readonly pointCapAt?: Readonly<Record<string, number>> | undefined;
  /** Ratio of the difficulty bands 1…5; null leaves them free; default 1:2:4:2:1. */
  readonly bandRatio?: readonly number[] | null | undefined;
  readonly minXPercent?: number | undefined;
  readonly maxZPercent?: number | undefined;
}

export interface TheorySetNeeds extends ScopeNeeds {
  readonly sets: number;
  readonly structure: TheoryStructure;
  /** Items per 题型 in one set. */
  readonly paper: PaperShape;
  /** Items of one set, and of all sets. */
  readonly perSet: number;
  readonly total: number;
  /** Items per 题型 in all sets. */
  readonly byType: TypeCounts;
  /** Per node of the 细目表, pre-order. */
  readonly nodes: readonly ScopeNeed[];
  /** 鉴定点 below each leaf (path → count). */
  readonly pointsPerLeaf: Readonly<Record<string, number>>;
  /** The paper's cap of items per 鉴定点 per set. */
  readonly pointCap: number;
  readonly pointCapAutomatic: boolean;
  /** Own caps of 鉴定点 (full code → cap) that overrides at nodes of the 细目表 decide. */
  readonly pointCaps: Readonly<Record<string, number>>;
  readonly pointCapOverrides: readonly PointCapOverride[];
  /** Codes of `pointCapAt` that name no node of the 细目表. */
  readonly unknownCapCodes: readonly string[];
  /** Items per band 1…5 in one set, and in all sets; null when free. */
  readonly bands: readonly number[] | null;
  readonly bandsTotal: readonly number[] | null;
  /** At least this many X-items and at most this many Z-items per set. */
  readonly minX: number;
  readonly maxZ: number;
}

/** What `sets` disjoint theory sets of `structure` need from the 细目表 (see the module comment). */
export function theorySetNeeds(input: TheoryNeedsInput): TheorySetNeeds {
  const { table, structure, sets } = input;
  if (!Number.isInteger(sets) || sets < 1) throw new RangeError(`sets must be a whole number ≥ 1, got ${String(sets)}`);
  const count = (t: string) => structure.sections.filter((s) => s.type === t).reduce((a, s) => a + s.count, 0);
  const paper: PaperShape = { trueFalse: count('trueFalse'), singleChoice: count('singleChoice'), multipleChoice: count('multipleChoice') };
  const perSet = THEORY_ITEM_TYPES.reduce((a, t) => a + paper[t], 0);
  const nodes = scopeNeeds(table, paper);

  const pointsPerLeaf: Record<string, number> = {};
  for (const e of listElements(table)) {
    const path = e.scopeCodes.join('-');
    pointsPerLeaf[path] = (pointsPerLeaf[path] ?? 0) + 1;
  }
  const autoCap = Math.max(1, ...nodes.filter((n) => n.isLeaf).map((n) => Math.ceil(n.perSet / Math.max(1, pointsPerLeaf[n.path] ?? 0))));
  const own = resolvePointCaps(table, input.pointCapAt ?? {});

  const ratio = input.bandRatio === undefined ? DEFAULT_BAND_RATIO : input.bandRatio;
  const bands = ratio === null ? null : largestRemainder(ratio, perSet);
  return {
    sets,
    structure,
    paper,
    perSet,
    total: perSet * sets,
    byType: { trueFalse: paper.trueFalse * sets, singleChoice: paper.singleChoice * sets, multipleChoice: paper.multipleChoice * sets },
    nodes,
    pointsPerLeaf,
    pointCap: input.pointCap ?? autoCap,
    pointCapAutomatic: input.pointCap === undefined,
    pointCaps: own.caps,
    pointCapOverrides: own.overrides,
    unknownCapCodes: own.unknown,
    bands,
    bandsTotal: bands === null ? null : bands.map((b) => b * sets),
    minX: minimumOfShare(perSet, input.minXPercent ?? IMPORTANCE_LIMITS.minX),
    maxZ: capOfShare(perSet, input.maxZPercent ?? IMPORTANCE_LIMITS.maxZ),
  };
}

/** Cap of one 鉴定点 (full code) per set: its own, else the paper's. */
export function pointCapIn(needs: Pick<TheorySetNeeds, 'pointCap' | 'pointCaps'>, code: string): number {
  return needs.pointCaps[code] ?? needs.pointCap;
}
