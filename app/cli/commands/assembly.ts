/**
 * `qbank assemble` (组卷: N ≥ 3 parallel sets from the 细目表, with statistics and the certificate)
 * and `qbank papers` (structure, statistics import, list, 调阅, approve, void).
 */
import type { Blueprint } from '../../domain/assembly/blueprint.js';
import type { AssemblyStatistics } from '../../domain/assembly/set-statistics.js';
import { formatDifficulty, formatSeconds, setName, setOrdinal } from '../../domain/format.js';
import { paperKindNames, type PaperKind } from '../../domain/paper.js';
import { theoryItemTypeNames } from '../../domain/theory-item.js';
import type { AssemblyRunResult } from '../../services/assembly/handlers.js';
import { STATISTICS_MAX_BYTES } from '../../services/import/file-bounds.js';
import { handlers } from '../../services/registry.js';
import { bankOption, intOption, readInput, stringOption, UsageError, type CommandContext } from '../command.js';
import { arg, call, groupCommand, implied, intArg, single } from '../group.js';

const KINDS: Readonly<Record<string, PaperKind>> = { theory: 'theory', practical: 'practical', comprehensive: 'comprehensive', 理论: 'theory', 技能: 'practical', 综合: 'comprehensive' };

function kindOption(ctx: CommandContext): PaperKind {
  const v = stringOption(ctx, 'kind') ?? 'theory';
  const kind = KINDS[v];
  if (kind === undefined) throw new UsageError(`--kind 应为 theory、practical 或 comprehensive，收到 ${v}`);
  return kind;
}

function numberOption(ctx: CommandContext, name: string): number | undefined {
  const v = stringOption(ctx, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} 必须是数字，收到 ${v}`);
  return n;
}

function idList(ctx: CommandContext, name: string): number[] {
  const v = stringOption(ctx, name);
  if (v === undefined) return [];
  return v.split(/[,，\s]+/).filter(Boolean).map((x) => {
    const n = Number(x);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} 应为以逗号分隔的试题编号，收到 ${x}`);
    return n;
  });
}

/** `--pin 12@1,13@2`: item 12 in set 1 (甲), item 13 in set 2 (乙). */
function pins(ctx: CommandContext): { itemId: number; set: number }[] {
  const v = stringOption(ctx, 'pin');
  if (v === undefined) return [];
  return v.split(/[,，\s]+/).filter(Boolean).map((x) => {
    const m = /^(\d+)@(\d+)$/.exec(x);
    if (!m) throw new UsageError(`--pin 应写成 试题编号@套号，如 12@1，收到 ${x}`);
    return { itemId: Number(m[1]), set: Number(m[2]) };
  });
}

/** `--enemies 3-7,9-12`: pairs that must not meet in one set. */
function enemies(ctx: CommandContext): [number, number][] {
  const v = stringOption(ctx, 'enemies');
  if (v === undefined) return [];
  return v.split(/[,，\s]+/).filter(Boolean).map((x) => {
    const m = /^(\d+)-(\d+)$/.exec(x);
    if (!m) throw new UsageError(`--enemies 应写成 试题编号-试题编号，如 3-7，收到 ${x}`);
    return [Number(m[1]), Number(m[2])];
  });
}

function bandOption(ctx: CommandContext): number[] | null | undefined {
  const v = stringOption(ctx, 'bands');
  if (v === undefined) return undefined;
  if (v === 'free' || v === '不限') return null;
  const parts = v.split(/[:：]/).map(Number);
  if (parts.length !== 5 || parts.some((n) => !Number.isFinite(n) || n < 0)) throw new UsageError(`--bands 应为 5 个比例如 1:2:4:2:1，或 free，收到 ${v}`);
  return parts;
}

function assemblyInput(ctx: CommandContext) {
  const optional = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    bankId: bankOption(ctx),
    kind: kindOption(ctx),
    sets: intOption(ctx, 'sets', 3),
    overlap: numberOption(ctx, 'overlap') ?? 0,
    ...optional('pointCap', numberOption(ctx, 'point-cap')),
    coverXPoints: ctx.values['cover-x'] === true,
    ...optional('bandRatio', bandOption(ctx)),
    ...optional('difficultyMean', numberOption(ctx, 'mean')),
    ...optional('minXPercent', numberOption(ctx, 'min-x')),
    ...optional('maxZPercent', numberOption(ctx, 'max-z')),
    enemies: enemies(ctx),
    enemiesFromDuplicates: ctx.values['allow-similar'] !== true,
    pinned: pins(ctx),
    excluded: idList(ctx, 'exclude'),
    exposure: { runs: numberOption(ctx, 'exposure-runs') ?? 1, mode: stringOption(ctx, 'exposure') === 'exclude' ? 'exclude' : 'penalise' },
    ...optional('tolerance', numberOption(ctx, 'tolerance')),
    timeLimitSeconds: numberOption(ctx, 'time-limit') ?? 30,
    seed: numberOption(ctx, 'seed') ?? 1,
  };
}

const typeLabel = (t: string) => (theoryItemTypeNames as Record<string, string>)[t]?.replace('项选择', '选') ?? t;

export function blueprintLines(b: Blueprint): string[] {
  const lines = [`组卷蓝图：${b.sets} 套，每套 ${b.itemsPerSet} ${b.kind === 'theory' ? '道题' : '道试题'}`];
  if (b.kind === 'theory') {
    lines.push('鉴定范围\t名称\t比重\t每套题量\t判断/单选/多选\t已入库');
    for (const n of b.nodes) {
      lines.push(`${'  '.repeat(n.depth - 1)}${n.path}\t${n.name}\t${n.weight}\t${n.perSet}\t${n.perSetByType.trueFalse}/${n.perSetByType.singleChoice}/${n.perSetByType.multipleChoice}\t${n.available}`);
    }
    lines.push(`每个鉴定点每套至多 ${b.pointCap} 道${b.pointCapAutomatic ? '（自动）' : ''}；核心要素（X）至少 ${b.minX ?? 0} 道，辅助要素（Z）至多 ${b.maxZ ?? '—'} 道`);
    lines.push(`难度 1～5 级每套：${b.bands === null ? '不限' : b.bands.join(' / ')}；目标难度（Σp）${(b.target[0] ?? 0).toFixed(3)}，平均 ${b.targetMean.toFixed(3)}`);
    if (b.requiredPoints.length > 0) lines.push(`每套须覆盖 ${b.requiredPoints.length} 个核心鉴定点`);
  } else {
    (b.slots ?? []).forEach((slots, s) => lines.push(`${setOrdinal(s)}：${slots.map((x) => `${x.module}（${x.mode}，${x.points} 分，${x.minutes} 分钟）`).join('，')}`));
    lines.push(`可用试题：${b.nodes.map((n) => `${n.path} ${n.name} ${n.available} 道`).join('，')}`);
  }
  return lines;
}

export function statisticsLines(st: AssemblyStatistics): string[] {
  const types = [...new Set(st.sets.flatMap((s) => Object.keys(s.byType)))];
  const lines = [
    ['套别', '题量', '分值', ...types.map(typeLabel), 'X/Y/Z', '难度1～5', 'Σp', '平均p', '偏差'].join('\t'),
    ...st.sets.map((s) =>
      [
        s.label,
        s.items,
        s.points,
        ...types.map((t) => s.byType[t] ?? 0),
        `${s.importance.X}/${s.importance.Y}/${s.importance.Z}`,
        s.bands.join('/'),
        formatDifficulty(s.sumP),
        formatDifficulty(s.meanP),
        formatDifficulty(s.deviation),
      ].join('\t'),
    ),
    '套间重复题量：',
    ...st.overlap.map((row, i) => `  ${st.sets[i]?.label ?? i + 1}\t${row.join('\t')}`),
  ];
  return lines;
}

function runLines(r: AssemblyRunResult): string[] {
  return [
    `已组 ${r.papers.length} 套${paperKindNames[r.kind]}试卷（第 ${r.runId} 次组卷，${r.engine === 'heuristic' ? '构造+交换搜索' : r.engine === 'highs' ? 'HiGHS' : '构造+交换搜索，HiGHS 改进'}，${formatSeconds(r.seconds)} 秒）`,
    ...r.papers.map((p) => `  试卷 ${p.id}\t${setName(p.label)}\t${p.items} 道\t${p.points} 分\t${p.minutes} 分钟`),
    ...statisticsLines(r.statistics),
    `最大偏差 ${r.deviation.toFixed(6)}，下界 ${r.bound.toFixed(6)}，绝对差距 ${r.gap.toFixed(6)}（容差 ${r.tolerance}）${r.certified ? '：已证明在容差内最优' : ''}`,
    ...(r.voided > 0 ? [`此前的 ${r.voided} 份草稿试卷已作废`] : []),
    '草稿试卷须审定后锁定：qbank papers approve --bank … --run ' + String(r.runId),
  ];
}

const ASSEMBLE_OPTIONS = {
  bank: { type: 'string' },
  kind: { type: 'string' },
  sets: { type: 'string' },
  overlap: { type: 'string' },
  'point-cap': { type: 'string' },
  'cover-x': { type: 'boolean' },
  bands: { type: 'string' },
  mean: { type: 'string' },
  'min-x': { type: 'string' },
  'max-z': { type: 'string' },
  enemies: { type: 'string' },
  'allow-similar': { type: 'boolean' },
  pin: { type: 'string' },
  exclude: { type: 'string' },
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
    '组卷：按细目表组 N≥3 套平行试卷 (assemble parallel sets)',
    '--bank <题库> [--kind theory|practical|comprehensive] [--sets 3] [--overlap 0] [--time-limit 30] [--seed 1] [--point-cap n] [--cover-x] [--bands 1:2:4:2:1|free] [--mean 0.65] [--min-x 80] [--max-z 5] [--pin 12@1] [--exclude 3,4] [--enemies 3-7] [--allow-similar] [--exposure penalise|exclude] [--exposure-runs 1] [--tolerance 0.0005] [--dry-run]',
    async (ctx, s) => {
      const input = assemblyInput(ctx);
      if (ctx.values['dry-run'] === true) {
        const out = await call(ctx, s, handlers['assembly.blueprint'], input, (r) => [
          ...blueprintLines(r.blueprint),
          `已入库试题 ${r.eligible} 道；互斥试题 ${r.enemyPairs} 对`,
          ...(r.findings.length === 0 ? ['预检查：未发现题量不足'] : r.findings.map((f) => `无法组卷：${f.message}`)),
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
  '试卷：结构、统计参数、列表、调阅、审定、作废 (papers)',
  [
    {
      name: 'structure',
      usage: 'structure --bank <题库> [--preset standard-170|classic-200|compact-90]',
      summary: '查看或设置理论知识试卷结构',
      run: async (ctx, s) => {
        const preset = stringOption(ctx, 'preset');
        if (preset !== undefined) {
          await call(ctx, s, handlers['assembly.structure.set'], { bankId: bankOption(ctx), value: { preset } }, (st) => [
            `已设置：${st.sections.map((x) => `${typeLabel(x.type)} ${x.count}×${x.pointsEach}`).join(' + ')}，${st.minutes} 分钟`,
          ]);
          return;
        }
        await call(ctx, s, handlers['assembly.structure.get'], { bankId: bankOption(ctx) }, (r) => [
          `${r.stored ? '本题库' : '默认'}结构：${r.structure.sections.map((x) => `${typeLabel(x.type)} ${x.count}×${x.pointsEach}`).join(' + ')} = ${r.structure.totalPoints} 分，${r.structure.minutes} 分钟`,
          '可选：',
          ...r.presets.map((p) => `  ${p.key}\t${p.name}`),
        ]);
      },
    },
    {
      name: 'stats-import',
      usage: 'stats-import <文件.csv> --bank <题库>',
      summary: '导入试题统计参数（试题编号, 通过率, 样本量[, 区分度][, 来源]）',
      run: async (ctx, s, args) => {
        const bytes = readInput(ctx, arg(args, 0, '文件'), STATISTICS_MAX_BYTES);
        await call(ctx, s, handlers['assembly.statistics.import'], { bankId: bankOption(ctx), bytes }, (r) => [`已保存 ${r.saved} 道试题的统计参数`]);
      },
    },
    {
      name: 'list',
      usage: 'list --bank <题库> [--kind theory|practical|comprehensive] [--status 草稿|已审定|已作废]',
      summary: '列出试卷及其统计',
      run: async (ctx, s) => {
        const status = stringOption(ctx, 'status');
        await call(
          ctx,
          s,
          handlers['papers.list'],
          { bankId: bankOption(ctx), ...(ctx.values.kind === undefined ? {} : { kind: kindOption(ctx) }), ...(status === undefined ? {} : { status }) },
          (papers) => [
            '试卷\t组卷\t类别\t套别\t状态\t题量\t分值\t时间',
            ...papers.map((p) => `${p.id}\t${p.runId}\t${paperKindNames[p.kind]}\t${p.setLabel}\t${p.status}\t${p.items.length}\t${p.totalPoints}\t${p.minutes}`),
          ],
        );
      },
    },
    {
      name: 'show',
      usage: 'show <试卷编号> --bank <题库>',
      summary: '调阅试卷（登记调阅）',
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['papers.get'], { bankId: bankOption(ctx), paperId: intArg(args, 0, '试卷编号') }, (p) => [
          `试卷 ${p.id}：${paperKindNames[p.kind]} ${setName(p.setLabel)}，${p.status}，${p.items.length} 道，${p.totalPoints} 分，${p.minutes} 分钟`,
          ...p.items.map((i) => `${i.position}\t${typeLabel(i.section)}\t试题 ${i.itemId} 第${i.version}版\t${i.points} 分`),
        ])),
    },
    {
      name: 'approve',
      usage: 'approve --bank <题库> --run <组卷编号>',
      summary: '审定一次组卷的全部草稿试卷（锁定）',
      run: async (ctx, s) => {
        if (stringOption(ctx, 'run') === undefined) throw new UsageError('缺少 --run <组卷编号>');
        await call(ctx, s, handlers['papers.approve'], { bankId: bankOption(ctx), runId: intOption(ctx, 'run', 0) }, (r) => [`已审定并锁定 ${r.papers.length} 份试卷：${r.papers.join('、')}`]);
      },
    },
    {
      name: 'void',
      usage: 'void <试卷编号> --bank <题库> --comment <原因>',
      summary: '作废试卷',
      run: async (ctx, s, args) =>
        void (await call(
          ctx,
          s,
          handlers['papers.void'],
          { bankId: bankOption(ctx), paperId: intArg(args, 0, '试卷编号'), comment: stringOption(ctx, 'comment') ?? '' },
          (r) => [`试卷 ${r.paperId} 已作废`],
        )),
    },
  ],
  { bank: { type: 'string' }, kind: { type: 'string' }, status: { type: 'string' }, preset: { type: 'string' }, run: { type: 'string' }, comment: { type: 'string' } },
);
