/** `qbank elements` (细目表 and 内容结构表 as Excel) and `qbank template` (blank forms to fill). */
import { IMPORT_MAX_BYTES } from '../../services/import/file-bounds.js';
import { handlers } from '../../services/registry.js';
import { bankOption, outOption, readInput } from '../command.js';
import { arg, call, groupCommand } from '../group.js';
import { elementsText } from '../messages/elements.js';
import { tablesLines } from './element-lines.js';
import { toolsText } from '../messages/tools.js';

export const elementsCommand = groupCommand(
  'elements',
  elementsText.elementsSummary,
  [
    {
      name: 'show',
      usage: elementsText.elementsShowUsage,
      summary: elementsText.elementsShowSummary,
      run: async (ctx, s) => void (await call(ctx, s, handlers['banks.tables'], { bankId: bankOption(ctx) }, (t) => tablesLines(t, ctx.values.practical === true))),
    },
    {
      name: 'import',
      usage: elementsText.elementsImportUsage,
      summary: elementsText.elementsImportSummary,
      run: async (ctx, s, args) => {
        const input = { bankId: bankOption(ctx), bytes: readInput(ctx, arg(args, 0, toolsText.file), IMPORT_MAX_BYTES) };
        const handler = ctx.values.practical === true ? handlers['banks.importPracticalStructure'] : handlers['banks.importElementTable'];
        await call(ctx, s, handler, input, (r) => [elementsText.elementsSaved(r.version), ...r.warnings.map((w) => toolsText.warning(`${w.field}: ${w.message}`))]);
      },
    },
    {
      name: 'export',
      usage: elementsText.elementsExportUsage,
      summary: elementsText.elementsExportSummary,
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['banks.exportElementTables'], { bankId: bankOption(ctx), outDir: outOption(ctx) }, (files) => files.map((f) => elementsText.exported(f.absolutePath)))),
    },
  ],
  { bank: { type: 'string' }, out: { type: 'string' }, practical: { type: 'boolean' } },
);

export const templateCommand = groupCommand(
  'template',
  elementsText.templateSummary,
  [
    {
      name: 'elements',
      usage: elementsText.templateElementsUsage,
      summary: elementsText.templateElementsSummary,
      run: async (ctx, s) => void (await call(ctx, s, handlers['templates.elements'], { outDir: outOption(ctx) }, (f) => [elementsText.generated(f.absolutePath)])),
    },
    {
      name: 'structure',
      usage: elementsText.templateStructureUsage,
      summary: elementsText.templateStructureSummary,
      run: async (ctx, s) => void (await call(ctx, s, handlers['templates.structure'], { outDir: outOption(ctx) }, (f) => [elementsText.generated(f.absolutePath)])),
    },
    {
      name: 'items',
      usage: elementsText.templateItemsUsage,
      summary: elementsText.templateItemsSummary,
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['templates.items'], { bankId: bankOption(ctx), outDir: outOption(ctx) }, (f) => [elementsText.generated(f.absolutePath)])),
    },
  ],
  { bank: { type: 'string' }, out: { type: 'string' } },
);

