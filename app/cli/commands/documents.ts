/**
 * `qbank documents`: the 试题审核备案 submission of a bank (all documents of 附件6 §三 in one folder)
 * and the free-text parts of the 编制说明 and 审核意见 (shown, or set from a JSON file).
 */
import { resolve } from 'node:path';
import { formatSeconds } from '../../domain/format.js';
import { NOTE_KEYS, notesFieldLabels, REVIEW_CONCLUSIONS, REVIEW_RESULTS } from '../../domain/submission/notes.js';
import type { ServiceContext } from '../../services/context.js';
import { IncompleteSubmissionError, type SubmissionResult } from '../../services/documents/handlers.js';
import { handlers } from '../../services/registry.js';
import { bankOption, outOption, readJsonFile, stringOption, type CommandContext } from '../command.js';
import { call, groupCommand } from '../group.js';
import { documentsText } from '../messages/documents.js';

function resultLines(r: SubmissionResult, cwd: string): string[] {
  return [
    documentsText.generated(r.files.length, r.sets.theory, r.sets.practical, r.sets.comprehensive, formatSeconds(r.seconds), resolve(cwd, r.folder)),
    ...(r.incomplete !== '' ? [documentsText.incomplete(r.incomplete)] : []),
    ...(r.replaced ? [documentsText.replaced] : []),
    ...r.files.map((f) => documentsText.file(f.path, f.bytes)),
    documentsText.manifest(r.manifest),
  ];
}

/** The gaps on stderr, one `警告：` line each, and their count last: loud even when stdout goes to a file. */
function warn(ctx: CommandContext, gaps: readonly string[], refused: boolean): void {
  if (gaps.length === 0) return;
  ctx.io.err([...gaps.map((g) => documentsText.warning(g)), refused ? documentsText.strictRefused(gaps.length) : documentsText.warningCount(gaps.length)].map((l) => `${l}\n`).join(''));
}

async function generate(ctx: CommandContext, s: ServiceContext): Promise<number> {
  const input = { bankId: bankOption(ctx), outDir: outOption(ctx), replace: ctx.values.replace === true, strict: ctx.values.strict === true };
  try {
    const r = await call(ctx, s, handlers['documents.generate'], input, (out) => resultLines(out, ctx.io.cwd));
    warn(ctx, r.warnings, false);
    return 0;
  } catch (e) {
    if (!(e instanceof IncompleteSubmissionError)) throw e;
    warn(ctx, e.gaps, true);
    return 1;
  }
}

export const documentsCommand = groupCommand(
  'documents',
  documentsText.summary,
  [
    {
      name: 'generate',
      usage: documentsText.generateUsage,
      summary: documentsText.generateSummary,
      run: generate,
    },
    {
      name: 'notes',
      usage: documentsText.notesUsage,
      summary: documentsText.notesSummary,
      run: async (ctx, s) => {
        const file = stringOption(ctx, 'file');
        if (file === undefined) {
          await call(ctx, s, handlers['documents.notes.get'], { bankId: bankOption(ctx) }, (n) => [JSON.stringify(n, null, 2)]);
          return;
        }
        const notes = readJsonFile(ctx, file);
        await call(ctx, s, handlers['documents.notes.set'], { bankId: bankOption(ctx), notes }, () => [documentsText.saved]);
      },
    },
  ],
  { bank: { type: 'string' }, out: { type: 'string' }, file: { type: 'string' }, replace: { type: 'boolean' }, strict: { type: 'boolean' } },
  documentsText.notesHelp(
    NOTE_KEYS.map((k) => notesFieldLabels[k] ?? k),
    REVIEW_CONCLUSIONS,
    REVIEW_RESULTS,
  ),
);
