/**
 * `qbank import`, `qbank search`, `qbank duplicates`, `qbank lint`, `qbank coverage`,
 * `qbank elements` and `qbank template`: the item writer's tools on a bank.
 */
import { basename } from 'node:path';
import { theoryItemTypeNames, type TheoryItemType } from '../../domain/theory-item.js';
import { IMPORT_MAX_BYTES } from '../../services/import/file-bounds.js';
import { ImportRejectedError, type ImportReport } from '../../services/import/handlers.js';
import { handlers } from '../../services/registry.js';
import { bankOption, intOption, outOption, readInput, stringOption } from '../command.js';
import { arg, call, groupCommand, implied, single } from '../group.js';

function reportLines(r: ImportReport): string[] {
  return [
    `${r.dryRun ? '试导入（未保存）' : r.saved ? '已导入' : '未导入'}：${r.file}，共 ${r.rows} 行，可导入 ${r.accepted}，有错误 ${r.rejected}，跳过 ${r.skipped}，质量提示 ${r.lintFindings} 条`,
    ...r.duplicates.map((d) => `${d.kind === 'exact' ? '重复' : '疑似重复'}\t${d.where}\t与${d.against}\t相似度 ${d.score}\t${{ rejected: '拒绝', skipped: '跳过', kept: '保留', pending: '待决定' }[d.decision]}`),
    ...r.problems,
    ...r.warnings.map((w) => `提示: ${w}`),
  ];
}

export const importCommand = implied(
  single(
    'import',
    '导入试题（xlsx 模板或 Word 文档）(import items)',
    '<文件.xlsx|.docx> --bank <题库> [--dry-run] [--valid-only] [--skip-near|--keep-near] [--threshold 0.65]',
    async (ctx, s, args) => {
      const file = arg(args, 0, '文件');
      const input = {
        bankId: bankOption(ctx),
        fileName: basename(file),
        bytes: readInput(ctx, file, IMPORT_MAX_BYTES),
        dryRun: ctx.values['dry-run'] === true,
        validOnly: ctx.values['valid-only'] === true,
        nearDuplicates: ctx.values['skip-near'] === true ? 'skip' : ctx.values['keep-near'] === true ? 'keep' : 'ask',
        ...(stringOption(ctx, 'threshold') ? { threshold: Number(stringOption(ctx, 'threshold')) } : {}),
      };
      try {
        await call(ctx, s, handlers['import.items'], input, reportLines);
        return 0;
      } catch (e) {
        if (!(e instanceof ImportRejectedError)) throw e;
        ctx.io.out(ctx.values.json === true ? `${JSON.stringify(e.report, null, 2)}\n` : reportLines(e.report).map((l) => `${l}\n`).join(''));
        ctx.io.err('qbank: 导入未执行，题库未改变（见上方逐行说明）\n');
        return 1;
      }
    },
    { bank: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'valid-only': { type: 'boolean' }, 'skip-near': { type: 'boolean' }, 'keep-near': { type: 'boolean' }, threshold: { type: 'string' } },
  ),
);

const typeName = (t: string) => theoryItemTypeNames[t as TheoryItemType] ?? t;

export const searchCommand = implied(
  single(
    'search',
    '检索试题（调阅）(full-text search)',
    '<词…> --bank <题库> [--type 题型] [--state 状态] [--difficulty N] [--element A-B] [--limit N]',
    async (ctx, s, args) =>
      void (await call(
        ctx,
        s,
        handlers['items.search'],
        {
          bankId: bankOption(ctx),
          text: args.join(' '),
          ...(stringOption(ctx, 'type') ? { type: stringOption(ctx, 'type') } : {}),
          ...(stringOption(ctx, 'state') ? { state: stringOption(ctx, 'state') } : {}),
          ...(stringOption(ctx, 'difficulty') ? { difficulty: Number(stringOption(ctx, 'difficulty')) } : {}),
          ...(stringOption(ctx, 'element') ? { element: stringOption(ctx, 'element') } : {}),
          limit: intOption(ctx, 'limit', 20),
        },
        (r) => [`共 ${r.total} 道`, ...r.hits.map((h) => `${h.id}\t${typeName(h.type)}\t${h.binding}\t${h.state}\t${h.title}`)],
      )),
    { bank: { type: 'string' }, type: { type: 'string' }, state: { type: 'string' }, difficulty: { type: 'string' }, element: { type: 'string' }, limit: { type: 'string' } },
  ),
);

export const duplicatesCommand = implied(
  single(
    'duplicates',
    '查找重复与近似重复试题 (near-duplicates)',
    '--bank <题库> [--threshold 0.65]',
    async (ctx, s) =>
      void (await call(
        ctx,
        s,
        handlers['duplicates.find'],
        { bankId: bankOption(ctx), ...(stringOption(ctx, 'threshold') ? { threshold: Number(stringOption(ctx, 'threshold')) } : {}) },
        (r) => [`${r.items} 道试题，相似度 ≥ ${r.threshold} 的有 ${r.pairs.length} 对`, ...r.pairs.map((p) => `${p.a}\t${p.b}\t${p.score.toFixed(2)}\t${p.kind === 'exact' ? '完全重复' : '高度相似'}`)],
      )),
    { bank: { type: 'string' }, threshold: { type: 'string' } },
  ),
);

export const lintCommand = implied(
  single(
    'lint',
    '试题与题库质量检查 (quality lint)',
    '--bank <题库> [--item <试题>] [--sets 3]',
    async (ctx, s) => {
      const bankId = bankOption(ctx);
      const item = stringOption(ctx, 'item');
      if (item !== undefined) {
        await call(ctx, s, handlers['lint.item'], { bankId, itemId: intOption(ctx, 'item', 0) }, (r) =>
          r.findings.length === 0 ? [`试题 ${r.itemId}: 未发现问题`] : r.findings.map((f) => `${f.severity}\t${f.rule}\t${f.field}: ${f.message}`),
        );
        return;
      }
      await call(ctx, s, handlers['lint.bank'], { bankId, sets: intOption(ctx, 'sets', 3) }, (r) => [
        ...r.findings.map((f) => `${f.severity}\t${f.rule}\t${f.field ? `${f.field}: ` : ''}${f.message}`),
        ...r.perItem.flatMap((i) => i.findings.map((f) => `试题 ${i.itemId}\t${f.severity}\t${f.rule}\t${f.field}: ${f.message}`)),
      ]);
    },
    { bank: { type: 'string' }, item: { type: 'string' }, sets: { type: 'string' } },
  ),
);

export const coverageCommand = implied(
  single(
    'coverage',
    '细目表覆盖：各节点已有试题与 N 套所需 (coverage)',
    '--bank <题库> [--sets 3] [--all-states]',
    async (ctx, s) =>
      void (await call(
        ctx,
        s,
        handlers['coverage.get'],
        { bankId: bankOption(ctx), sets: intOption(ctx, 'sets', 3), onlyInBank: ctx.values['all-states'] !== true },
        (rows) => [
          '鉴定范围\t名称\t比重\t已有\t需要\t判断/单选/多选 已有(需要)',
          ...rows.map(
            (r) =>
              `${'  '.repeat(r.depth - 1)}${r.path}\t${r.name}\t${r.weight}\t${r.available}\t${r.needed}\t` +
              `${r.availableByType.trueFalse}(${r.neededByType.trueFalse})/${r.availableByType.singleChoice}(${r.neededByType.singleChoice})/${r.availableByType.multipleChoice}(${r.neededByType.multipleChoice})${r.short ? '\t不足' : ''}`,
          ),
        ],
      )),
    { bank: { type: 'string' }, sets: { type: 'string' }, 'all-states': { type: 'boolean' } },
  ),
);

export const elementsCommand = groupCommand(
  'elements',
  '细目表与内容结构表的 Excel 导入导出 (element tables)',
  [
    {
      name: 'import',
      usage: 'import <文件.xlsx> --bank <题库> [--practical]',
      summary: '导入细目表（或 --practical 内容结构表）',
      run: async (ctx, s, args) => {
        const input = { bankId: bankOption(ctx), bytes: readInput(ctx, arg(args, 0, '文件'), IMPORT_MAX_BYTES) };
        const handler = ctx.values.practical === true ? handlers['banks.importPracticalStructure'] : handlers['banks.importElementTable'];
        await call(ctx, s, handler, input, (r) => [`已保存第 ${r.version} 版`, ...r.warnings.map((w) => `提示: ${w.field}: ${w.message}`)]);
      },
    },
    {
      name: 'export',
      usage: 'export --bank <题库> --out <目录>',
      summary: '导出细目表和内容结构表',
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['banks.exportElementTables'], { bankId: bankOption(ctx), outDir: outOption(ctx) }, (files) => files.map((f) => `已导出 ${f.absolutePath}`))),
    },
  ],
  { bank: { type: 'string' }, out: { type: 'string' }, practical: { type: 'boolean' } },
);

export const templateCommand = groupCommand(
  'template',
  '生成填写模板 (templates)',
  [
    {
      name: 'elements',
      usage: 'elements --out <目录>',
      summary: '理论知识考核要素细目表模板',
      run: async (ctx, s) => void (await call(ctx, s, handlers['templates.elements'], { outDir: outOption(ctx) }, (f) => [`已生成 ${f.absolutePath}`])),
    },
    {
      name: 'items',
      usage: 'items --bank <题库> --out <目录>',
      summary: '试题导入模板（含本题库鉴定点代码）',
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['templates.items'], { bankId: bankOption(ctx), outDir: outOption(ctx) }, (f) => [`已生成 ${f.absolutePath}`])),
    },
  ],
  { bank: { type: 'string' }, out: { type: 'string' } },
);

