/**
 * The assembly problem (组卷模型): which items may go into which of N parallel sets (套), and the
 * rules every set must meet exactly. It is the one contract between the blueprint (built from the
 * 细目表 and the paper structure), the constructive/exchange heuristic, the MIP model for HiGHS, the
 * independent checker and the benchmark.
 *
 * Decision: x(i, s) ∈ {0, 1} — item i is in set s (sets are numbered 0 … sets−1).
 * Hard constraints, for every set s:
 *   cells       Σ x(i,s) over items of (node, type)        = cell.counts[s]          (鉴定范围 × 题型 题量)
 *   bands       Σ x(i,s) over items of band b               = bands[s][b−1]           (难度分布, when given)
 *   importance  Σ x(i,s) over X items ≥ minX[s]; over Z ≤ maxZ[s]                    (X/Y/Z 比例, when given)
 *   points      Σ points(i) x(i,s)                          = totalPoints[s]          (卷面总分)
 *   pointCap    Σ x(i,s) over items of one 鉴定点 k          ≤ cap(k)                  (每个鉴定点每套至多)
 *   pointMin    Σ x(i,s) over items of a listed 鉴定点       ≥ min                     (必须覆盖的鉴定点)
 *   overlap     Σ_i x(i,s) x(i,t)                           ≤ overlap, for all s < t  (0 = 各套互不重复)
 *   enemies     x(i,s) + x(j,s)                             ≤ 1 for each enemy pair   (互斥试题)
 *   pinned      x(i,s) = 1                                                            (指定试题)
 *   excluded    x(i,s) = 0 for all s                                                  (排除/近期曝光)
 * Items whose (node, type) has no cell are not eligible. Each item appears at most once per set.
 * cap(k) = pointCaps[k] when given (set per node of the 细目表, resolved per 鉴定点), else pointCap
 * (`pointCapOf`).
 *
 * Objective (parallelism): minimise the largest deviation max_s |Σ p(i) x(i,s) − target[s]| (minimax),
 * then the use of penalised (recently exposed) items, then the overlap between sets.
 * `p` is the difficulty index (通过率, proportion correct: higher is easier).
 */

export const IMPORTANCE_LEVELS = ['X', 'Y', 'Z'] as const;
export type ItemImportance = (typeof IMPORTANCE_LEVELS)[number];

/** Difficulty bands 1 (易) … 5 (难), as items record them. */
export const DIFFICULTY_BANDS = [1, 2, 3, 4, 5] as const;

export interface AssemblyItem {
  /** Item id in the bank. */
  readonly id: number;
  /** The version a set would pin. */
  readonly version: number;
  /** 题型 key: `trueFalse`, `singleChoice`, `multipleChoice`, `practical`, `comprehensive`. */
  readonly type: string;
  /** The blueprint node (鉴定范围 path such as `A-B`, or a 职业功能 module code) the item counts toward. */
  readonly node: string;
  /** The 鉴定点 (full code) the item tests; the per-point caps and minimums count by it. */
  readonly point: string;
  /** Importance of its 鉴定点. */
  readonly importance: ItemImportance;
  /** Difficulty band 1 … 5. */
  readonly band: number;
  /** Difficulty index in [0, 1] (from statistics, or estimated from the band). */
  readonly p: number;
  /** Points the item is worth in this paper. */
  readonly points: number;
}

/** Exact number of items of one (node, 题型) in each set: `counts[s]`. */
export interface CellQuota {
  readonly node: string;
  readonly type: string;
  readonly counts: readonly number[];
}

export interface PointMinimum {
  readonly point: string;
  /** Items of this 鉴定点 every set must hold at least. */
  readonly min: number;
}

export interface PinnedItem {
  readonly itemId: number;
  readonly set: number;
}

/** Chinese names used in explanations (`鉴定范围 B-A 基础知识`, `单选题`). */
export interface ProblemNames {
  readonly nodes?: Readonly<Record<string, string>>;
  readonly types?: Readonly<Record<string, string>>;
}

export interface AssemblyProblem {
  /** Number of sets (≥ 1; the services require ≥ 3). */
  readonly sets: number;
  readonly items: readonly AssemblyItem[];
  readonly cells: readonly CellQuota[];
  /** `bands[s][b − 1]`: exact items of band b in set s; absent when difficulty bands are free. */
  readonly bands?: readonly (readonly number[])[];
  /** Per set: at least `minX[s]` items of X points and at most `maxZ[s]` of Z points. */
  readonly importance?: { readonly minX: readonly number[]; readonly maxZ: readonly number[] };
  /** Exact total points per set. */
  readonly totalPoints: readonly number[];
  /** At most this many items of one 鉴定点 in one set (unless `pointCaps` says otherwise for it). */
  readonly pointCap: number;
  /**
   * Caps of particular 鉴定点 (full code → items per set), replacing `pointCap` for them: the
   * per-node overrides of the 细目表, resolved once per 鉴定点 by the blueprint. Absent: `pointCap` for all.
   */
  readonly pointCaps?: Readonly<Record<string, number>>;
  readonly pointMin: readonly PointMinimum[];
  /** At most this many items shared by any two sets; 0 = disjoint. */
  readonly overlap: number;
  /** Item id pairs that must not be in the same set. */
  readonly enemies: readonly (readonly [number, number])[];
  readonly pinned: readonly PinnedItem[];
  readonly excluded: readonly number[];
  /** Items to use only when it helps (recently exposed): the second objective. */
  readonly penalised: readonly number[];
  /** Σp each set aims at. */
  readonly target: readonly number[];
  /** Absolute deviation (Σp) at which a solution counts as parallel enough to stop searching. */
  readonly tolerance: number;
  /** Seed of every random choice: same problem and seed, same sets. */
  readonly seed: number;
  readonly names?: ProblemNames;
}

/** Item ids per set, in the order the set lists them. */
export type SetAssignment = readonly (readonly number[])[];

/** Constraint groups, as the checker reports them and the explainer relaxes them. */
export const CONSTRAINT_GROUPS = [
  'eligibility',
  'cells',
  'bands',
  'importance',
  'points',
  'pointCap',
  'pointMin',
  'overlap',
  'enemies',
  'pinned',
  'excluded',
] as const;
export type ConstraintGroup = (typeof CONSTRAINT_GROUPS)[number];

export const constraintGroupNames: Readonly<Record<ConstraintGroup, string>> = {
  eligibility: '试题资格（题型与鉴定范围）',
  cells: '各鉴定范围各题型题量',
  bands: '难度分布',
  importance: '重要程度（X/Y/Z）比例',
  points: '卷面总分',
  pointCap: '每个鉴定点每套题量上限',
  pointMin: '必须覆盖的鉴定点',
  overlap: '套间重复题量',
  enemies: '互斥试题',
  pinned: '指定试题',
  excluded: '排除试题',
};

/** Key of a (node, type) cell. */
export function cellKey(node: string, type: string): string {
  return `${node}\u0000${type}`;
}

export function nodeName(problem: Pick<AssemblyProblem, 'names'>, node: string): string {
  const name = problem.names?.nodes?.[node];
  return name === undefined ? node : `${node} ${name}`;
}

export function typeName(problem: Pick<AssemblyProblem, 'names'>, type: string): string {
  return problem.names?.types?.[type] ?? type;
}

/** The cap of one 鉴定点 in one set: its own (`pointCaps`), else the paper's `pointCap`. */
export function pointCapOf(problem: Pick<AssemblyProblem, 'pointCap' | 'pointCaps'>, point: string): number {
  const own = problem.pointCaps;
  return own !== undefined && Object.hasOwn(own, point) ? (own[point] ?? problem.pointCap) : problem.pointCap;
}

/** Σp of each set. */
export function setSums(problem: Pick<AssemblyProblem, 'items'>, sets: SetAssignment): number[] {
  const p = new Map(problem.items.map((i) => [i.id, i.p]));
  return sets.map((ids) => ids.reduce((a, id) => a + (p.get(id) ?? 0), 0));
}

/** max_s |Σp_s − target_s|. */
export function maxDeviation(problem: Pick<AssemblyProblem, 'items' | 'target'>, sets: SetAssignment): number {
  return setSums(problem, sets).reduce((m, sum, s) => Math.max(m, Math.abs(sum - (problem.target[s] ?? 0))), 0);
}

/** overlap[s][t] = items shared by sets s and t (the diagonal holds each set's size). */
export function overlapMatrix(sets: SetAssignment): number[][] {
  const asSets = sets.map((ids) => new Set(ids));
  return asSets.map((a) => asSets.map((b) => [...a].filter((id) => b.has(id)).length));
}
