/** `qbank import`: items from the xlsx template or Word documents, with a dry run. */
import { basename } from 'node:path';
import { IMPORT_MAX_BYTES } from '../../services/import/file-bounds.js';
import { ImportRejectedError, type ImportPreview, type ImportReport } from '../../services/import/handlers.js';
import { handlers } from '../../services/registry.js';
import { bankOption, readInput, stringOption, UsageError, type CommandContext } from '../command.js';
import { arg, call, implied, single } from '../group.js';
import { importText } from '../messages/import.js';
import { toolsText } from '../messages/tools.js';

function reportLines(r: ImportReport): string[] {
  const suggestion = (s: NonNullable<ImportPreview['suggestion']>) => importText.importSuggestion(s, s.runnerUp);
  return [
    importText.importReport(importText.importOutcome(r.dryRun, r.saved), r.file, r.rows, r.accepted, r.rejected, r.skipped, r.lintFindings),
    ...(r.unbound > 0 ? [importText.importUnbound(r.unbound, r.dryRun)] : []),
    ...r.duplicates.map((d) => importText.importDuplicate(d.kind === 'exact', d.where, d.against, d.score, d.decision)),
    ...r.problems,
    ...r.warnings.map((w) => toolsText.warning(w)),
    // A dry run shows what was read per row; a real one the suggested 鉴定点 of each 待归类 item saved.
    ...(r.dryRun && r.preview.length > 0
      ? [
          importText.importPreviewHeader(r.preview.length, r.rows),
          ...r.preview.map(
            (p) =>
              importText.importPreview(p.where, p.type, p.stem, p.options, p.key, p.difficulty, p.element, p.status) + (p.suggestion ? suggestion(p.suggestion) : ''),
          ),
        ]
      : []),
    ...(!r.dryRun && r.saved ? r.suggestions.map((s) => importText.importSuggested(s.where, s.itemId) + suggestion(s)) : []),
  ];
}

/** `--default-difficulty 3 --default-element A-B-001`: what the rows that lack them get. */
function importDefaults(ctx: CommandContext): { difficulty?: number; element?: string } {
  const difficulty = stringOption(ctx, 'default-difficulty');
  const element = stringOption(ctx, 'default-element');
  if (difficulty !== undefined && !/^[1-5]$/.test(difficulty.trim())) throw new UsageError(importText.badDefaultDifficulty(difficulty));
  return { ...(difficulty !== undefined ? { difficulty: Number(difficulty) } : {}), ...(element !== undefined ? { element } : {}) };
}

export const importCommand = implied(
  single(
    'import',
    importText.importSummary,
    importText.importUsage,
    async (ctx, s, args) => {
      const file = arg(args, 0, toolsText.file);
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
        ctx.io.err(`qbank: ${importText.importRejected}\n`);
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

