/**
 * Builds the assembly problem of a bank: its eligible (入库) items with statistics, its stored paper
 * structure (or the default preset), the 细目表 / 内容结构表, recent exposure and near-duplicate pairs.
 */
import { z } from 'zod';
import {
  comprehensiveBlueprint,
  DEFAULT_SETTINGS,
  practicalBlueprint,
  theoryBlueprint,
  type AssemblySettings,
  type Blueprint,
  type CandidateItem,
} from '../../domain/assembly/blueprint.js';
import { paperStructureMessages } from '../../domain/assembly/messages.js';
import { COMPREHENSIVE_STRUCTURE, theoryStructureRules, type TheoryStructure } from '../../domain/assembly/paper-structure.js';
import { POINT_CAP_RANGE, resolvePointCaps } from '../../domain/assembly/point-caps.js';
import type { AssemblyProblem } from '../../domain/assembly/problem.js';
import { needsComprehensiveReview, levelName } from '../../domain/level.js';
import { MIN_PARALLEL_SETS, PAPER_KINDS, type PaperKind } from '../../domain/paper.js';
import { itemComparisonText } from '../../domain/similarity/fingerprint.js';
import { findNearDuplicates } from '../../domain/similarity/near-duplicates.js';
import { DomainValidationError } from '../../domain/validation.js';
import { listItems, type ItemRecord } from '../../store/repositories/items.js';
import { exposedItems } from '../../store/repositories/papers.js';
import { assemblyDifficulty } from '../results/pooled.js';
import { loadBankContext } from '../banks/context.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { banksMessages } from '../banks/messages.js';
import { assemblyMessages } from './messages.js';

const itemId = z.number().int().positive();
const pointCapRange = { error: assemblyMessages.pointCapAtRange(POINT_CAP_RANGE.min, POINT_CAP_RANGE.max) };

/** The user's choices for one assembly (all optional but the bank and kind). */
export const assemblyOptionsSchema = z.object({
  bankId: itemId,
  kind: z.enum(PAPER_KINDS).default('theory'),
  sets: z
    .number()
    .int()
    .min(MIN_PARALLEL_SETS, { error: assemblyMessages.minSets(MIN_PARALLEL_SETS) })
    .max(10, { error: assemblyMessages.maxSets })
    .default(MIN_PARALLEL_SETS),
  overlap: z.number().int().min(0).max(500).default(0),
  pointCap: z.number().int().min(1).max(20).optional(),
  /**
   * Theory: caps set at nodes of the 细目表, 鉴定范围 path (`A-B`) or 鉴定点 code (`A-B-C-001`) → items
   * per 鉴定点 per set beneath it; the most specific node wins, the others keep `pointCap`. Codes are
   * read trimmed and upper case and must name a node of the bank's 细目表.
   */
  pointCapAt: z
    .record(
      z.string().trim().toUpperCase().min(1).max(40),
      z.number().int(pointCapRange).min(POINT_CAP_RANGE.min, pointCapRange).max(POINT_CAP_RANGE.max, pointCapRange),
    )
    .optional(),
  coverXPoints: z.boolean().default(false),
  bandRatio: z.array(z.number().min(0).max(100)).length(5, { error: assemblyMessages.bandRatio }).nullable().optional(),
  difficultyMean: z.number().min(0.05).max(0.95).optional(),
  minXPercent: z.number().min(0).max(100).optional(),
  maxZPercent: z.number().min(0).max(100).optional(),
  enemies: z.array(z.tuple([itemId, itemId])).max(100_000).default([]),
  /** Near-duplicate items (Jaccard ≥ 0.65) must not meet in one set. */
  enemiesFromDuplicates: z.boolean().default(true),
  /** `set` counts from 1 (甲 = 1). */
  pinned: z.array(z.object({ itemId, set: z.number().int().min(1).max(10) })).default([]),
  excluded: z.array(itemId).default([]),
  /** Leave out items whose latest exam sitting flagged them for the panel (likely key error, negative discrimination). */
  excludeFlagged: z.boolean().default(false),
  /** Items of the approved papers of the last `runs` assemblies: excluded or used only when needed. */
  exposure: z.object({ runs: z.number().int().min(0).max(20), mode: z.enum(['exclude', 'penalise']) }).default({ runs: 1, mode: 'penalise' }),
  tolerance: z.number().min(0).max(1).default(DEFAULT_SETTINGS.tolerance),
  timeLimitSeconds: z.number().min(1).max(3600).default(30),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
});
export type AssemblyOptions = z.output<typeof assemblyOptionsSchema>;

/**
 * A theory structure to store: a preset by its key (`compact-90`), or a structure of its own (题型 by
 * name or key, count, points per item, minutes) that the domain checks (`parseTheoryStructure`), so
 * that a wrong value is refused naming the section and the rule, and an unknown preset lists the presets.
 */
export const theoryStructureInput = z
  .object({ preset: z.string().trim().min(1).max(40).optional(), structure: z.unknown().optional() })
  .refine((v) => (v.preset === undefined) !== (v.structure === undefined), { error: paperStructureMessages.presetOrStructure });

export function checkTheoryStructure(structure: TheoryStructure): void {
  const problems = theoryStructureRules(structure);
  if (problems.length > 0) throw new DomainValidationError(banksMessages.paperStructure, problems);
}

function candidates(records: readonly ItemRecord[], p: ReadonlyMap<number, number>): CandidateItem[] {
  return records.map((r) => ({
    id: r.id,
    version: r.version,
    type: r.type,
    binding: r.binding,
    difficulty: r.difficulty,
    p: p.get(r.id) ?? null,
    ...(r.kind === 'theory' ? {} : { points: r.body.points }),
  }));
}

function nearDuplicatePairs(records: readonly ItemRecord[]): [number, number][] {
  const texts = records.flatMap((r) => (r.kind === 'theory' ? [{ id: r.id, text: itemComparisonText(r.body) }] : []));
  return findNearDuplicates(texts).map((d) => [d.a, d.b]);
}

export interface BuiltProblem {
  readonly kind: PaperKind;
  readonly blueprint: Blueprint;
  readonly problem: AssemblyProblem;
  /** Minutes of set `s` holding `ids`. */
  readonly minutesOf: (s: number, ids: readonly number[]) => number;
  readonly structure: TheoryStructure | null;
  readonly eligible: number;
}

export function buildProblem(ctx: ServiceContext, options: AssemblyOptions): BuiltProblem {
  const { bank, table: theoryTable, practical: practicalTable, theoryStructure } = loadBankContext(ctx, options.bankId);
  const records = listItems(ctx.db, bank.id, { kind: options.kind, state: '入库' });
  const difficulty = assemblyDifficulty(ctx.db, bank.id, records);
  const stats = difficulty.p;
  const exposed = exposedItems(ctx.db, bank.id, options.kind, options.exposure.runs);
  const capAt = options.pointCapAt ?? {};
  if (options.kind !== 'theory' && Object.keys(capAt).length > 0) throw new ServiceError(assemblyMessages.pointCapAtTheoryOnly);
  const enemies = [...options.enemies, ...(options.enemiesFromDuplicates && options.kind === 'theory' ? nearDuplicatePairs(records) : [])];
  const common = {
    sets: options.sets,
    overlap: options.overlap,
    enemies,
    pinned: options.pinned.map((p) => ({ itemId: p.itemId, set: p.set - 1 })),
    excluded: [...options.excluded, ...(options.exposure.mode === 'exclude' ? exposed : []), ...(options.excludeFlagged ? difficulty.flagged : [])],
    penalised: options.exposure.mode === 'penalise' ? exposed : [],
    tolerance: options.tolerance,
    seed: options.seed,
  };

  if (options.kind === 'theory') {
    const table = theoryTable;
    if (!table) throw new ServiceError(assemblyMessages.noTheoryTable);
    const { structure } = theoryStructure;
    checkTheoryStructure(structure);
    const { unknown } = resolvePointCaps(table, capAt);
    if (unknown.length > 0) throw new ServiceError(assemblyMessages.pointCapAtUnknown(unknown.join('、')));
    const settings: AssemblySettings = {
      ...DEFAULT_SETTINGS,
      ...common,
      pointCap: options.pointCap,
      pointCapAt: capAt,
      coverXPoints: options.coverXPoints,
      bandRatio: options.bandRatio === undefined ? DEFAULT_SETTINGS.bandRatio : options.bandRatio,
      difficultyMean: options.difficultyMean,
      minXPercent: options.minXPercent ?? DEFAULT_SETTINGS.minXPercent,
      maxZPercent: options.maxZPercent ?? DEFAULT_SETTINGS.maxZPercent,
    };
    const built = theoryBlueprint({ table, structure, items: candidates(records, stats), settings });
    return { kind: 'theory', ...built, minutesOf: () => structure.minutes, structure, eligible: records.length };
  }

  if (options.kind === 'practical') {
    const table = practicalTable;
    const level = table?.levels.find((l) => l.level === bank.level);
    if (!table || !level) throw new ServiceError(assemblyMessages.noPracticalStructure(levelName(bank.level)));
    const moduleNames = Object.fromEntries(table.modules.map((m) => [m.code, m.name]));
    const built = practicalBlueprint({ level, moduleNames, tasks: candidates(records, stats), settings: common });
    const minutes = (built.blueprint.slots ?? []).map((set) => set.reduce((a, s) => a + s.minutes, 0));
    return { kind: 'practical', ...built, minutesOf: (s) => minutes[s] ?? 0, structure: null, eligible: records.length };
  }

  if (!needsComprehensiveReview(bank.level)) throw new ServiceError(assemblyMessages.noComprehensive(levelName(bank.level)));
  const built = comprehensiveBlueprint({ items: candidates(records, stats), settings: common });
  const minutes = new Map(records.map((r) => [r.id, r.kind === 'comprehensive' ? r.body.minutes : COMPREHENSIVE_STRUCTURE.minMinutes]));
  const minutesOf = (_s: number, ids: readonly number[]) => Math.max(COMPREHENSIVE_STRUCTURE.minMinutes, ...ids.map((id) => minutes.get(id) ?? 0));
  return { kind: 'comprehensive', ...built, minutesOf, structure: null, eligible: records.length };
}
