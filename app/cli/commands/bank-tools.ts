/**
 * `qbank import`, `qbank search`, `qbank duplicates`, `qbank lint`, `qbank coverage`,
 * `qbank elements` and `qbank template`: the item writer's tools on a bank.
 */
import { basename } from 'node:path';
import { theoryItemTypeNames, type TheoryItemType } from '../../domain/theory-item.js';
import { IMPORT_MAX_BYTES } from '../../services/import/file-bounds.js';
import { ImportRejectedError, type ImportPreview, type ImportReport } from '../../services/import/handlers.js';
import { handlers } from '../../services/registry.js';
import { bankOption, intOption, outOption, readInput, stringOption, UsageError, type CommandContext } from '../command.js';
import { arg, call, groupCommand, implied, single } from '../group.js';
import { bankToolsText } from '../messages/bank-tools.js';

function reportLines(r: ImportReport): string[] {
  const suggestion = (s: NonNullable<ImportPreview['suggestion']>) => bankToolsText.importSuggestion(s, s.runnerUp);
  return [
    bankToolsText.importReport(bankToolsText.importOutcome(r.dryRun, r.saved), r.file, r.rows, r.accepted, r.rejected, r.skipped, r.lintFindings),
    ...(r.unbound > 0 ? [bankToolsText.importUnbound(r.unbound, r.dryRun)] : []),
    ...r.duplicates.map((d) => bankToolsText.importDuplicate(d.kind === 'exact', d.where, d.against, d.score, d.decision)),
    ...r.problems,
    ...r.warnings.map((w) => bankToolsText.warning(w)),
    // A dry run shows what was read per row; a real one the suggested 鉴定点 of each 待归类 item saved.
    ...(r.dryRun && r.preview.length > 0
      ? [
          bankToolsText.importPreviewHeader(r.preview.length, r.rows),
          ...r.preview.map(
            (p) =>
              bankToolsText.importPreview(p.where, p.type, p.stem, p.options, p.key, p.difficulty, p.element, p.status) + (p.suggestion ? suggestion(p.suggestion) : ''),
          ),
        ]
      : []),
    ...(!r.dryRun && r.saved ? r.suggestions.map((s) => bankToolsText.importSuggested(s.where, s.itemId) + suggestion(s)) : []),
  ];
}

/** `--default-difficulty 3 --default-element A-B-001`: what the rows that lack them get. */
function importDefaults(ctx: CommandContext): { difficulty?: number; element?: string } {
  const difficulty = stringOption(ctx, 'default-difficulty');
  const element = stringOption(ctx, 'default-element');
  if (difficulty !== undefined && !/^[1-5]$/.test(difficulty.trim())) throw new UsageError(bankToolsText.badDefaultDifficulty(difficulty));
  return { ...(difficulty !== undefined ? { difficulty: Number(difficulty) } : {}), ...(element !== undefined ? { element } : {}) };
}

export const importCommand = implied(
  single(
    'import',
    bankToolsText.importSummary,
    bankToolsText.importUsage,
    async (ctx, s, args) => {
      const file = arg(args, 0, bankToolsText.file);
      const input = {
        bankId: bankOption(ctx),
        fileName: basename(file),
        bytes: readInput(ctx, file, IMPORT_MAX_BYTES),
        dryRun: ctx.values['dry-run'] === true,
        validOnly: ctx.values['valid-only'] === true,
        nearDuplicates: ctx.values['skip-near'] === true ? 'skip' : ctx.values['keep-near'] === true ? 'keep' : 'ask',
        ...(stringOption(ctx, 'threshold') ? { threshold: Number(stringOption(ctx, 'threshold')) } : {}),
        defaults: importDefaults(ctx),
      };
      try {
        await call(ctx, s, handlers['import.items'], input, reportLines);
        return 0;
      } catch (e) {
        if (!(e instanceof ImportRejectedError)) throw e;
        ctx.io.out(ctx.values.json === true ? `${JSON.stringify(e.report, null, 2)}\n` : reportLines(e.report).map((l) => `${l}\n`).join(''));
        ctx.io.err(`qbank: ${bankToolsText.importRejected}\n`);
        return 1;
      }
    },
    {
      bank: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'valid-only': { type: 'boolean' },
      'skip-near': { type: 'boolean' },
      'keep-near': { type: 'boolean' },
      threshold: { type: 'string' },
      'default-difficulty': { type: 'string' },
      'default-element': { type: 'string' },
    },
  ),
);

const typeName = (t: string) => theoryItemTypeNames[t as TheoryItemType] ?? t;

export const searchCommand = implied(
  single(
    'search',
    bankToolsText.searchSummary,
    bankToolsText.searchUsage,
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
        (r) => [bankToolsText.searchTotal(r.total), ...r.hits.map((h) => `${h.id}\t${typeName(h.type)}\t${h.binding}\t${h.state}\t${h.title}`)],
      )),
    { bank: { type: 'string' }, type: { type: 'string' }, state: { type: 'string' }, difficulty: { type: 'string' }, element: { type: 'string' }, limit: { type: 'string' } },
  ),
);

export const duplicatesCommand = implied(
  single(
    'duplicates',
    bankToolsText.duplicatesSummary,
    bankToolsText.duplicatesUsage,
    async (ctx, s) =>
      void (await call(
        ctx,
        s,
        handlers['duplicates.find'],
        { bankId: bankOption(ctx), ...(stringOption(ctx, 'threshold') ? { threshold: Number(stringOption(ctx, 'threshold')) } : {}) },
        (r) => [
          bankToolsText.duplicatesTotal(r.items, r.threshold, r.pairs.length),
          ...r.pairs.map((p) => `${p.a}\t${p.b}\t${p.score.toFixed(2)}\t${bankToolsText.duplicateKind(p.kind === 'exact')}`),
        ],
      )),
    { bank: { type: 'string' }, threshold: { type: 'string' } },
  ),
);

export const lintCommand = implied(
  single(
    'lint',
    bankToolsText.lintSummary,
    bankToolsText.lintUsage,
    async (ctx, s) => {
      const bankId = bankOption(ctx);
      const item = stringOption(ctx, 'item');
      if (item !== undefined) {
        await call(ctx, s, handlers['lint.item'], { bankId, itemId: intOption(ctx, 'item', 0) }, (r) =>
          r.findings.length === 0 ? [bankToolsText.lintClean(r.itemId)] : r.findings.map((f) => `${f.severity}\t${f.rule}\t${f.field}: ${f.message}`),
        );
        return;
      }
      await call(ctx, s, handlers['lint.bank'], { bankId, sets: intOption(ctx, 'sets', 3) }, (r) => [
        ...r.findings.map((f) => `${f.severity}\t${f.rule}\t${f.field ? `${f.field}: ` : ''}${f.message}`),
        ...r.perItem.flatMap((i) => i.findings.map((f) => `${bankToolsText.lintItem(i.itemId)}\t${f.severity}\t${f.rule}\t${f.field}: ${f.message}`)),
      ]);
    },
    { bank: { type: 'string' }, item: { type: 'string' }, sets: { type: 'string' } },
  ),
);

export const coverageCommand = implied(
  single(
    'coverage',
    bankToolsText.coverageSummary,
    bankToolsText.coverageUsage,
    async (ctx, s) =>
      void (await call(
        ctx,
        s,
        handlers['coverage.get'],
        { bankId: bankOption(ctx), sets: intOption(ctx, 'sets', 3), onlyInBank: ctx.values['all-states'] !== true },
        (rows) => [
          bankToolsText.coverageHeader,
          ...rows.map(
            (r) =>
              `${'  '.repeat(r.depth - 1)}${r.path}\t${r.name}\t${r.weight}\t${r.available}\t${r.needed}\t` +
              `${r.availableByType.trueFalse}(${r.neededByType.trueFalse})/${r.availableByType.singleChoice}(${r.neededByType.singleChoice})/${r.availableByType.multipleChoice}(${r.neededByType.multipleChoice})${r.short ? bankToolsText.coverageShort : ''}`,
          ),
        ],
      )),
    { bank: { type: 'string' }, sets: { type: 'string' }, 'all-states': { type: 'boolean' } },
  ),
);

export const elementsCommand = groupCommand(
  'elements',
  bankToolsText.elementsSummary,
  [
    {
      name: 'import',
      usage: bankToolsText.elementsImportUsage,
      summary: bankToolsText.elementsImportSummary,
      run: async (ctx, s, args) => {
        const input = { bankId: bankOption(ctx), bytes: readInput(ctx, arg(args, 0, bankToolsText.file), IMPORT_MAX_BYTES) };
        const handler = ctx.values.practical === true ? handlers['banks.importPracticalStructure'] : handlers['banks.importElementTable'];
        await call(ctx, s, handler, input, (r) => [bankToolsText.elementsSaved(r.version), ...r.warnings.map((w) => bankToolsText.warning(`${w.field}: ${w.message}`))]);
      },
    },
    {
      name: 'export',
      usage: bankToolsText.elementsExportUsage,
      summary: bankToolsText.elementsExportSummary,
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['banks.exportElementTables'], { bankId: bankOption(ctx), outDir: outOption(ctx) }, (files) => files.map((f) => bankToolsText.exported(f.absolutePath)))),
    },
  ],
  { bank: { type: 'string' }, out: { type: 'string' }, practical: { type: 'boolean' } },
);

export const templateCommand = groupCommand(
  'template',
  bankToolsText.templateSummary,
  [
    {
      name: 'elements',
      usage: bankToolsText.templateElementsUsage,
      summary: bankToolsText.templateElementsSummary,
      run: async (ctx, s) => void (await call(ctx, s, handlers['templates.elements'], { outDir: outOption(ctx) }, (f) => [bankToolsText.generated(f.absolutePath)])),
    },
    {
      name: 'items',
      usage: bankToolsText.templateItemsUsage,
      summary: bankToolsText.templateItemsSummary,
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['templates.items'], { bankId: bankOption(ctx), outDir: outOption(ctx) }, (f) => [bankToolsText.generated(f.absolutePath)])),
    },
  ],
  { bank: { type: 'string' }, out: { type: 'string' } },
);

