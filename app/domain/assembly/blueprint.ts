/**
 * 组卷蓝图 (blueprint): turns a 细目表 (or 内容结构表), a paper structure and the eligible items of a
 * bank into the assembly problem, and into the figures shown to the user before anything is drawn.
 *
 * Theory (分布规则): what the sets need — items per leaf 鉴定范围 × 题型 by 鉴定比重, the cap of items per
 * 鉴定点 (automatic, the user's, or set at nodes of the 细目表), the difficulty bands (default 1:2:4:2:1),
 * at least minX % X-items and at most maxZ % Z-items (a minimum rounded up, a cap down) — comes from
 * `theorySetNeeds` (set-needs.ts), the same answer the coverage view and the bank lint give. Items of
 * X points are preferred (the heuristic draws them first). Each set aims at the same Σp: the sum over
 * bands of (band count × mean p of the eligible items of that band), or n × the requested mean difficulty.
 *
 * p of an item: from item statistics where known, else estimated from its difficulty level.
 */
import { IMPORTANCE_LIMITS, listElements, type TheoryElementTable } from '../element-table.js';
import type { ItemKind } from '../item.js';
import { coverage, type ScopeNeed, type TypeCounts } from '../lint/coverage.js';
import type { StructureLevel } from '../practical-structure.js';
import { THEORY_ITEM_TYPES, theoryItemTypeNames } from '../theory-item.js';
import { practicalSlots, type PracticalSlot, type TheoryStructure } from './paper-structure.js';
import type { PointCapOverride } from './point-caps.js';
import type { AssemblyItem, AssemblyProblem, ItemImportance, PinnedItem } from './problem.js';
import { DEFAULT_BAND_RATIO, theorySetNeeds, type TheorySetNeeds } from './set-needs.js';

export { DEFAULT_BAND_RATIO };

/** Difficulty index (proportion correct) assumed for a difficulty level when no statistics exist. */
export const ESTIMATED_P: Readonly<Record<number, number>> = { 1: 0.9, 2: 0.78, 3: 0.63, 4: 0.48, 5: 0.33 };
export const DEFAULT_TOLERANCE = 0.0005;

export function estimatedP(difficulty: number | null): number {
  return ESTIMATED_P[difficulty ?? 3] ?? 0.63;
}

/** An item of the bank as assembly sees it (only 入库 items are passed in). */
export interface CandidateItem {
  readonly id: number;
  readonly version: number;
  readonly type: string;
  /** Full 鉴定点 code (theory) or 职业功能 module code (practical). */
  readonly binding: string;
  readonly difficulty: number | null;
  /** Difficulty index from statistics, if any. */
  readonly p: number | null;
  /** Points of a practical task (theory points come from the structure). */
  readonly points?: number;
}

/** What the user chooses besides the structure. */
export interface AssemblySettings {
  readonly sets: number;
  /** Items any two sets may share; 0 = disjoint. */
  readonly overlap: number;
  /** Per-鉴定点 cap per set; undefined = automatic. */
  readonly pointCap?: number | undefined;
  /**
   * Caps set at nodes of the 细目表: 鉴定范围 path (`A-B`) or 鉴定点 code (`A-B-C-001`) → cap per set of
   * each 鉴定点 beneath it, replacing `pointCap` there; the most specific node wins. Codes that name
   * no node are ignored (the services refuse them first).
   */
  readonly pointCapAt?: Readonly<Record<string, number>> | undefined;
  /** Require every X 鉴定点 in every set. */
  readonly coverXPoints: boolean;
  /** Difficulty band ratio for levels 1…5; null leaves bands free. */
  readonly bandRatio: readonly number[] | null;
  /** Target mean p per item; undefined = what the eligible items give. */
  readonly difficultyMean?: number | undefined;
  readonly minXPercent: number;
  readonly maxZPercent: number;
  readonly enemies: readonly (readonly [number, number])[];
  readonly pinned: readonly PinnedItem[];
  readonly excluded: readonly number[];
  readonly penalised: readonly number[];
  readonly tolerance: number;
  readonly seed: number;
}

export const DEFAULT_SETTINGS: AssemblySettings = {
  sets: 3,
  overlap: 0,
  coverXPoints: false,
  bandRatio: DEFAULT_BAND_RATIO,
  minXPercent: IMPORTANCE_LIMITS.minX,
  maxZPercent: IMPORTANCE_LIMITS.maxZ,
  enemies: [],
  pinned: [],
  excluded: [],
  penalised: [],
  tolerance: DEFAULT_TOLERANCE,
  seed: 1,
};

/** One row of the blueprint table the user sees: a 鉴定范围 node, its items per set and the bank's items for it. */
export interface BlueprintNode extends ScopeNeed {
  readonly available: number;
  readonly availableByType: TypeCounts;
}

export interface Blueprint {
  readonly kind: ItemKind;
  readonly sets: number;
  readonly itemsPerSet: number;
  readonly nodes: readonly BlueprintNode[];
  readonly pointCap: number;
  readonly pointCapAutomatic: boolean;
  /** Caps set at nodes of the 细目表 (theory only; empty when none). */
  readonly pointCapOverrides: readonly PointCapOverride[];
  /** Items per band 1…5 in every set; null when free. */
  readonly bands: readonly number[] | null;
  readonly minX: number | null;
  readonly maxZ: number | null;
  /** Σp each set aims at (set 0 for theory; all sets share it). */
  readonly target: readonly number[];
  readonly targetMean: number;
  /** 鉴定点 every set must hold. */
  readonly requiredPoints: readonly string[];
  /** Practical: modules per set. */
  readonly slots?: readonly (readonly PracticalSlot[])[];
}

export interface TheoryBlueprintInput {
  readonly table: Pick<TheoryElementTable, 'scopes'>;
  readonly structure: TheoryStructure;
  readonly items: readonly CandidateItem[];
  readonly settings: AssemblySettings;
}

const repeat = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

type SharedSettings = Pick<AssemblySettings, 'overlap' | 'enemies' | 'pinned' | 'excluded' | 'penalised' | 'tolerance' | 'seed'>;

/** The rules every kind of paper takes from the settings as they are. */
function sharedRules(settings: SharedSettings): SharedSettings {
  const { overlap, enemies, pinned, excluded, penalised, tolerance, seed } = settings;
  return { overlap, enemies, pinned, excluded, penalised, tolerance, seed };
}

/** Σ over bands of count × mean p of the eligible items of the band (the mean of all items for a band without any). */
function naturalTarget(items: readonly AssemblyItem[], bands: readonly number[] | null, n: number): number {
  if (items.length === 0) return 0;
  const mean = (xs: readonly AssemblyItem[]) => xs.reduce((a, i) => a + i.p, 0) / xs.length;
  const overall = mean(items);
  if (bands === null) return n * overall;
  return bands.reduce((a, count, b) => {
    const inBand = items.filter((i) => i.band === b + 1);
    return a + count * (inBand.length === 0 ? overall : mean(inBand));
  }, 0);
}

/** The needs of the sets the settings ask for (the one answer coverage and the bank lint read too). */
export function theoryNeeds(input: Pick<TheoryBlueprintInput, 'table' | 'structure' | 'settings'>): TheorySetNeeds {
  const { settings } = input;
  return theorySetNeeds({
    table: input.table,
    structure: input.structure,
    sets: settings.sets,
    pointCap: settings.pointCap,
    pointCapAt: settings.pointCapAt,
    bandRatio: settings.bandRatio,
    minXPercent: settings.minXPercent,
    maxZPercent: settings.maxZPercent,
  });
}

export function theoryBlueprint(input: TheoryBlueprintInput): { blueprint: Blueprint; problem: AssemblyProblem; needs: TheorySetNeeds } {
  const { settings, structure } = input;
  const needs = theoryNeeds(input);
  const n = needs.perSet;
  const elements = new Map(listElements(input.table).map((e) => [e.fullCode, e]));
  const rows = coverage({
    table: input.table,
    items: input.items.filter((i) => (THEORY_ITEM_TYPES as readonly string[]).includes(i.type)).map((i) => ({ element: i.binding, type: i.type as (typeof THEORY_ITEM_TYPES)[number] })),
    needs,
  });
  const leaves = rows.filter((r) => r.isLeaf);
  const pointCap = needs.pointCap;
  const pointsEach = new Map(structure.sections.map((s) => [s.type as string, s.pointsEach]));

  const items: AssemblyItem[] = [];
  for (const c of input.items) {
    const e = elements.get(c.binding.trim().toUpperCase());
    const points = pointsEach.get(c.type);
    if (e === undefined || points === undefined) continue; // unbound or a 题型 the paper does not use
    const band = c.difficulty ?? 3;
    items.push({
      id: c.id,
      version: c.version,
      type: c.type,
      node: e.scopeCodes.join('-'),
      point: e.fullCode,
      importance: e.importance as ItemImportance,
      band,
      p: c.p ?? estimatedP(band),
      points,
    });
  }

  const { bands, minX, maxZ } = needs;
  const target = settings.difficultyMean !== undefined ? n * settings.difficultyMean : naturalTarget(items, bands, n);
  const requiredPoints = settings.coverXPoints ? [...elements.values()].filter((e) => e.importance === 'X').map((e) => e.fullCode) : [];

  const cells = leaves.flatMap((r) =>
    THEORY_ITEM_TYPES.filter((t) => r.neededPerSetByType[t] > 0).map((t) => ({ node: r.path, type: t as string, counts: repeat(settings.sets, r.neededPerSetByType[t]) })),
  );
  const problem: AssemblyProblem = {
    sets: settings.sets,
    items,
    cells,
    ...(bands === null ? {} : { bands: repeat(settings.sets, bands) }),
    importance: { minX: repeat(settings.sets, minX), maxZ: repeat(settings.sets, maxZ) },
    totalPoints: repeat(settings.sets, structure.totalPoints),
    pointCap,
    ...(Object.keys(needs.pointCaps).length > 0 ? { pointCaps: { ...needs.pointCaps } } : {}),
    pointMin: requiredPoints.map((point) => ({ point, min: 1 })),
    ...sharedRules(settings),
    target: repeat(settings.sets, target),
    names: { nodes: Object.fromEntries(rows.map((r) => [r.path, r.name])), types: { ...theoryItemTypeNames } },
  };
  const blueprint: Blueprint = {
    kind: 'theory',
    sets: settings.sets,
    itemsPerSet: n,
    nodes: rows.map((r) => ({
      path: r.path,
      name: r.name,
      depth: r.depth,
      isLeaf: r.isLeaf,
      weight: r.weight,
      perSet: r.neededPerSet,
      perSetByType: r.neededPerSetByType,
      available: r.available,
      availableByType: r.availableByType,
    })),
    pointCap,
    pointCapAutomatic: needs.pointCapAutomatic,
    pointCapOverrides: [...needs.pointCapOverrides],
    bands,
    minX,
    maxZ,
    target: problem.target,
    targetMean: n === 0 ? 0 : target / n,
    requiredPoints,
  };
  return { blueprint, problem, needs };
}

export interface PracticalBlueprintInput {
  readonly level: StructureLevel;
  readonly moduleNames: Readonly<Record<string, string>>;
  /** 入库 practical tasks; `binding` is the module code, `points` the task's points. */
  readonly tasks: readonly CandidateItem[];
  readonly settings: SharedSettings & Pick<AssemblySettings, 'sets'>;
}

/** One task per module of each set (必考 always, 选考 rotated); tasks of a module never repeat across sets. */
export function practicalBlueprint(input: PracticalBlueprintInput): { blueprint: Blueprint; problem: AssemblyProblem } {
  const { settings } = input;
  const slots = practicalSlots(input.level, settings.sets);
  const modules = [...new Set(input.level.entries.map((e) => e.module))];
  const items: AssemblyItem[] = input.tasks.map((t) => {
    const band = t.difficulty ?? 3;
    return { id: t.id, version: t.version, type: 'practical', node: t.binding, point: t.binding, importance: 'X', band, p: t.p ?? estimatedP(band), points: t.points ?? 0 };
  });
  const meanP = (module: string) => {
    const own = items.filter((i) => i.node === module);
    return own.length === 0 ? 0 : own.reduce((a, i) => a + i.p, 0) / own.length;
  };
  const target = slots.map((set) => set.reduce((a, slot) => a + meanP(slot.module), 0));
  const problem: AssemblyProblem = {
    sets: settings.sets,
    items,
    cells: modules.map((m) => ({ node: m, type: 'practical', counts: slots.map((set) => (set.some((s) => s.module === m) ? 1 : 0)) })),
    totalPoints: slots.map((set) => set.reduce((a, s) => a + s.points, 0)),
    pointCap: 1,
    pointMin: [],
    ...sharedRules(settings),
    target,
    names: { nodes: { ...input.moduleNames }, types: { practical: '技能考核试题' } },
  };
  const blueprint: Blueprint = {
    kind: 'practical',
    sets: settings.sets,
    itemsPerSet: slots[0]?.length ?? 0,
    nodes: modules.map((m) => {
      const available = items.filter((i) => i.node === m).length;
      const entry = input.level.entries.find((e) => e.module === m);
      const perSet = slots[0]?.some((s) => s.module === m) === true ? 1 : 0;
      const zero = { trueFalse: 0, singleChoice: 0, multipleChoice: 0 };
      return { path: m, name: input.moduleNames[m] ?? m, depth: 1, isLeaf: true, weight: entry?.weight ?? 0, perSet, perSetByType: zero, available, availableByType: zero };
    }),
    pointCap: 1,
    pointCapAutomatic: true,
    pointCapOverrides: [],
    bands: null,
    minX: null,
    maxZ: null,
    target,
    targetMean: 0,
    requiredPoints: [],
    slots,
  };
  return { blueprint, problem };
}

/** 综合评审 (levels 1–2): one item per set, 100 points, distinct across sets. */
export function comprehensiveBlueprint(input: {
  readonly items: readonly CandidateItem[];
  readonly settings: SharedSettings & Pick<AssemblySettings, 'sets'>;
}): { blueprint: Blueprint; problem: AssemblyProblem } {
  const { settings } = input;
  const items: AssemblyItem[] = input.items.map((t) => {
    const band = t.difficulty ?? 3;
    return { id: t.id, version: t.version, type: 'comprehensive', node: 'R', point: `R-${t.id}`, importance: 'X', band, p: t.p ?? estimatedP(band), points: t.points ?? 100 };
  });
  const meanP = items.length === 0 ? 0 : items.reduce((a, i) => a + i.p, 0) / items.length;
  const problem: AssemblyProblem = {
    sets: settings.sets,
    items,
    cells: [{ node: 'R', type: 'comprehensive', counts: repeat(settings.sets, 1) }],
    totalPoints: repeat(settings.sets, 100),
    pointCap: 1,
    pointMin: [],
    ...sharedRules(settings),
    target: repeat(settings.sets, meanP),
    names: { nodes: { R: '综合评审' }, types: { comprehensive: '综合评审试题' } },
  };
  const zero = { trueFalse: 0, singleChoice: 0, multipleChoice: 0 };
  const blueprint: Blueprint = {
    kind: 'comprehensive',
    sets: settings.sets,
    itemsPerSet: 1,
    nodes: [{ path: 'R', name: '综合评审', depth: 1, isLeaf: true, weight: 100, perSet: 1, perSetByType: zero, available: items.length, availableByType: zero }],
    pointCap: 1,
    pointCapAutomatic: true,
    pointCapOverrides: [],
    bands: null,
    minX: null,
    maxZ: null,
    target: problem.target,
    targetMean: meanP,
    requiredPoints: [],
  };
  return { blueprint, problem };
}
