/**
 * `qbank assemble` (组卷: N ≥ 3 parallel sets from the 细目表, with statistics and the certificate)
 * and `qbank papers` (structure, statistics import, list, 调阅, approve, void).
 */
import { paperKindNames, type PaperKind } from '../../domain/paper.js';
import { setName } from '../../domain/format.js';
import { STATISTICS_MAX_BYTES } from '../../services/import/file-bounds.js';
import { handlers } from '../../services/registry.js';
import { bankOption, idListOption, intOption, readInput, stringOption, UsageError, type CommandContext } from '../command.js';
import { arg, call, groupCommand, implied, intArg, single } from '../group.js';
import { assemblyText } from '../messages/assembly.js';
import { blueprintLines, runLines, structureText, typeLabel } from './assembly-lines.js';

const KINDS: Readonly<Record<string, PaperKind>> = { theory: 'theory', practical: 'practical', comprehensive: 'comprehensive', 理论: 'theory', 技能: 'practical', 综合: 'comprehensive' };

function kindOption(ctx: CommandContext): PaperKind {
  const v = stringOption(ctx, 'kind') ?? 'theory';
  const kind = KINDS[v];
  if (kind === undefined) throw new UsageError(assemblyText.badKind(v));
  return kind;
}

function numberOption(ctx: CommandContext, name: string): number | undefined {
  const v = stringOption(ctx, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(assemblyText.notANumber(name, v));
  return n;
}

function idList(ctx: CommandContext, name: string): number[] {
  return idListOption(ctx, name) ?? [];
}

/** `--pin 12@1,13@2`: item 12 in set 1 (甲), item 13 in set 2 (乙). */
function pins(ctx: CommandContext): { itemId: number; set: number }[] {
  const v = stringOption(ctx, 'pin');
  if (v === undefined) return [];
  return v.split(/[,，\s]+/).filter(Boolean).map((x) => {
    const m = /^(\d+)@(\d+)$/.exec(x);
    if (!m) throw new UsageError(assemblyText.badPin(x));
    return { itemId: Number(m[1]), set: Number(m[2]) };
  });
}

/** `--point-cap-at A-B=1,A-C-001=3`: items per 鉴定点 per set under a 鉴定范围 or for one 鉴定点. */
function pointCapAt(ctx: CommandContext): Record<string, number> | undefined {
  const v = stringOption(ctx, 'point-cap-at');
  if (v === undefined) return undefined;
  return Object.fromEntries(
    v.split(/[,，\s]+/).filter(Boolean).map((x) => {
      const m = /^([A-Za-z0-9-]+)[=＝](\d+)$/.exec(x);
      if (!m) throw new UsageError(assemblyText.badPointCapAt(x));
      return [m[1]!.toUpperCase(), Number(m[2])];
    }),
  );
}

/** `--enemies 3-7,9-12`: pairs that must not meet in one set. */
function enemies(ctx: CommandContext): [number, number][] {
  const v = stringOption(ctx, 'enemies');
  if (v === undefined) return [];
  return v.split(/[,，\s]+/).filter(Boolean).map((x) => {
    const m = /^(\d+)-(\d+)$/.exec(x);
    if (!m) throw new UsageError(assemblyText.badEnemies(x));
    return [Number(m[1]), Number(m[2])];
  });
}

function bandOption(ctx: CommandContext): number[] | null | undefined {
  const v = stringOption(ctx, 'bands');
  if (v === undefined) return undefined;
  if (v === 'free' || v === '不限') return null;
  const parts = v.split(/[:：]/).map(Number);
  if (parts.length !== 5 || parts.some((n) => !Number.isFinite(n) || n < 0)) throw new UsageError(assemblyText.badBands(v));
  return parts;
}

/** `--type 单选:60:1`: one section of a structure of one's own (题型:题量:每题分值). */
function sectionOption(text: string): { type: string; count: number; pointsEach: number } {
  const m = /^\s*([^:：\s]+)\s*[:：]\s*([^:：\s]+)\s*[:：]\s*([^:：\s]+)\s*$/.exec(text);
  const count = Number(m?.[2]);
  const pointsEach = Number(m?.[3]);
  if (!m || !Number.isFinite(count) || !Number.isFinite(pointsEach)) throw new UsageError(assemblyText.badSection(text));
  return { type: m[1] ?? '', count, pointsEach };
}

/** What `papers structure` is to store: a preset, `--type … --minutes …`, `--file 结构.json`, or nothing (show). */
function structureValue(ctx: CommandContext): { preset: string } | { structure: unknown } | undefined {
  const preset = stringOption(ctx, 'preset');
  const types = ctx.values.type;
  const sections = (Array.isArray(types) ? types : types === undefined ? [] : [types]).map((t) => sectionOption(String(t)));
  const file = stringOption(ctx, 'file');
  const minutes = stringOption(ctx, 'minutes');
  if ([preset !== undefined, sections.length > 0, file !== undefined].filter(Boolean).length > 1) throw new UsageError(assemblyText.oneStructureSource);
  if (minutes !== undefined && sections.length === 0) throw new UsageError(assemblyText.minutesWithoutTypes);
  if (preset !== undefined) return { preset };
  if (sections.length > 0) {
    if (minutes === undefined) throw new UsageError(assemblyText.missingMinutes);
    const n = Number(minutes);
    if (!Number.isFinite(n)) throw new UsageError(assemblyText.notANumber('minutes', minutes));
    return { structure: { minutes: n, sections } };
  }
  if (file !== undefined) {
    try {
      return { structure: JSON.parse(Buffer.from(readInput(ctx, file, STRUCTURE_MAX_BYTES)).toString('utf8')) as unknown };
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(assemblyText.badStructureFile(file, (e as Error).message));
    }
  }
  return undefined;
}

/** A structure file is a few lines of JSON. */
const STRUCTURE_MAX_BYTES = 64 * 1024;

function assemblyInput(ctx: CommandContext) {
  const optional = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    bankId: bankOption(ctx),
    kind: kindOption(ctx),
    sets: intOption(ctx, 'sets', 3),
    overlap: numberOption(ctx, 'overlap') ?? 0,
    ...optional('pointCap', numberOption(ctx, 'point-cap')),
    ...optional('pointCapAt', pointCapAt(ctx)),
    coverXPoints: ctx.values['cover-x'] === true,
    ...optional('bandRatio', bandOption(ctx)),
    ...optional('difficultyMean', numberOption(ctx, 'mean')),
    ...optional('minXPercent', numberOption(ctx, 'min-x')),
    ...optional('maxZPercent', numberOption(ctx, 'max-z')),
    enemies: enemies(ctx),
    enemiesFromDuplicates: ctx.values['allow-similar'] !== true,
    pinned: pins(ctx),
    excluded: idList(ctx, 'exclude'),
    excludeFlagged: ctx.values['exclude-flagged'] === true,
    exposure: { runs: numberOption(ctx, 'exposure-runs') ?? 1, mode: stringOption(ctx, 'exposure') === 'exclude' ? 'exclude' : 'penalise' },
    ...optional('tolerance', numberOption(ctx, 'tolerance')),
    timeLimitSeconds: numberOption(ctx, 'time-limit') ?? 30,
    seed: numberOption(ctx, 'seed') ?? 1,
  };
}

const ASSEMBLE_OPTIONS = {
  bank: { type: 'string' },
  kind: { type: 'string' },
  sets: { type: 'string' },
  overlap: { type: 'string' },
  'point-cap': { type: 'string' },
  'point-cap-at': { type: 'string' },
  'cover-x': { type: 'boolean' },
  bands: { type: 'string' },
  mean: { type: 'string' },
  'min-x': { type: 'string' },
  'max-z': { type: 'string' },
  enemies: { type: 'string' },
  'allow-similar': { type: 'boolean' },
  pin: { type: 'string' },
  exclude: { type: 'string' },
  'exclude-flagged': { type: 'boolean' },
  exposure: { type: 'string' },
  'exposure-runs': { type: 'string' },
  tolerance: { type: 'string' },
  'time-limit': { type: 'string' },
  seed: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

export const assembleCommand = implied(
  single(
    'assemble',
    assemblyText.assembleSummary,
    assemblyText.assembleUsage,
    async (ctx, s) => {
      const input = assemblyInput(ctx);
      if (ctx.values['dry-run'] === true) {
        const out = await call(ctx, s, handlers['assembly.blueprint'], input, (r) => [
          ...blueprintLines(r.blueprint),
          assemblyText.eligible(r.eligible, r.enemyPairs),
          ...(r.findings.length === 0 ? [assemblyText.precheckPassed] : r.findings.map((f) => assemblyText.cannotAssemble(f.message))),
        ]);
        return out.findings.length === 0 ? 0 : 1;
      }
      await call(ctx, s, handlers['assembly.run'], input, runLines);
      return 0;
    },
    ASSEMBLE_OPTIONS,
  ),
);

export const papersCommand = groupCommand(
  'papers',
  assemblyText.papersSummary,
  [
    {
      name: 'structure',
      usage: assemblyText.structureUsage,
      summary: assemblyText.structureSummary,
      run: async (ctx, s) => {
        const value = structureValue(ctx);
        if (value !== undefined) {
          await call(ctx, s, handlers['assembly.structure.set'], { bankId: bankOption(ctx), value }, (st) => [assemblyText.structureSet(structureText(st))]);
          return;
        }
        await call(ctx, s, handlers['assembly.structure.get'], { bankId: bankOption(ctx) }, (r) => [
          assemblyText.structure(r.stored, structureText(r.structure), r.preset),
          assemblyText.presetsTitle,
          ...r.presets.map((p) => `  ${p.key}\t${p.name}`),
          assemblyText.customHint,
        ]);
      },
    },
    {
      name: 'stats-import',
      usage: assemblyText.statsImportUsage,
      summary: assemblyText.statsImportSummary,
      run: async (ctx, s, args) => {
        const bytes = readInput(ctx, arg(args, 0, assemblyText.file), STATISTICS_MAX_BYTES);
        await call(ctx, s, handlers['assembly.statistics.import'], { bankId: bankOption(ctx), bytes }, (r) => [assemblyText.statisticsSaved(r.saved)]);
      },
    },
    {
      name: 'list',
      usage: assemblyText.listUsage,
      summary: assemblyText.listSummary,
      run: async (ctx, s) => {
        const status = stringOption(ctx, 'status');
        await call(
          ctx,
          s,
          handlers['papers.list'],
          { bankId: bankOption(ctx), ...(ctx.values.kind === undefined ? {} : { kind: kindOption(ctx) }), ...(status === undefined ? {} : { status }) },
          (papers) => [
            assemblyText.listHeader,
            ...papers.map((p) => `${p.id}\t${p.runId}\t${paperKindNames[p.kind]}\t${p.setLabel}\t${p.status}\t${p.items.length}\t${p.totalPoints}\t${p.minutes}`),
          ],
        );
      },
    },
    {
      name: 'show',
      usage: assemblyText.showUsage,
      summary: assemblyText.showSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['papers.get'], { bankId: bankOption(ctx), paperId: intArg(args, 0, assemblyText.paperId) }, (p) => [
          assemblyText.paper(p.id, paperKindNames[p.kind], setName(p.setLabel), p.status, p.items.length, p.totalPoints, p.minutes),
          ...p.items.map((i) => assemblyText.paperItem(i.position, typeLabel(i.section), i.itemId, i.version, i.points)),
        ])),
    },
    {
      name: 'approve',
      usage: assemblyText.approveUsage,
      summary: assemblyText.approveSummary,
      run: async (ctx, s) => {
        if (stringOption(ctx, 'run') === undefined) throw new UsageError(assemblyText.missingRun);
        await call(ctx, s, handlers['papers.approve'], { bankId: bankOption(ctx), runId: intOption(ctx, 'run', 0) }, (r) => [assemblyText.approved(r.papers)]);
      },
    },
    {
      name: 'void',
      usage: assemblyText.voidUsage,
      summary: assemblyText.voidSummary,
      run: async (ctx, s, args) =>
        void (await call(
          ctx,
          s,
          handlers['papers.void'],
          { bankId: bankOption(ctx), paperId: intArg(args, 0, assemblyText.paperId), comment: stringOption(ctx, 'comment') ?? '' },
          (r) => [assemblyText.paperVoided(r.paperId)],
        )),
    },
  ],
  {
    bank: { type: 'string' },
    kind: { type: 'string' },
    status: { type: 'string' },
    preset: { type: 'string' },
    type: { type: 'string', multiple: true },
    minutes: { type: 'string' },
    file: { type: 'string' },
    run: { type: 'string' },
    comment: { type: 'string' },
  },
);
