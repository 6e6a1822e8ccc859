/**
 * `qbank elements set`: a 理论知识考核要素细目表 (banks.setElementTable) or, with --practical, a 技能考核内容
 * 结构表 (banks.setPracticalStructure) from a JSON file — the tables as the domain holds them, e.g. made by
 * a script. Added to the `elements` group by main.ts (`extendGroup`).
 */
import { handlers } from '../../services/registry.js';
import { bankOption, readJsonFile, stringOption, UsageError, type OptionSpec } from '../command.js';
import { call, type SubCommand } from '../group.js';
import { elementFilesText } from '../messages/element-files.js';
import { toolsText } from '../messages/tools.js';

export const elementFileSubcommands: readonly SubCommand[] = [
  {
    name: 'set',
    usage: elementFilesText.setUsage,
    summary: elementFilesText.setSummary,
    run: async (ctx, s) => {
      const file = stringOption(ctx, 'file');
      if (file === undefined) throw new UsageError(elementFilesText.missingFile);
      const bankId = bankOption(ctx);
      const body = readJsonFile(ctx, file);
      const practical = ctx.values.practical === true;
      const lines = (r: { version: number; warnings: readonly { field: string; message: string }[] }) => [
        elementFilesText.saved(practical ? elementFilesText.practicalStructure : elementFilesText.theoryTable, r.version),
        ...r.warnings.map((w) => toolsText.warning(`${w.field}: ${w.message}`)),
      ];
      if (practical) await call(ctx, s, handlers['banks.setPracticalStructure'], { bankId, structure: body }, lines);
      else await call(ctx, s, handlers['banks.setElementTable'], { bankId, table: body }, lines);
    },
  },
];

export const elementFileOptions: OptionSpec = { bank: { type: 'string' }, file: { type: 'string' }, practical: { type: 'boolean' } };
