/**
 * `qbank documents`: the 试题审核备案 submission of a bank (all documents of 附件6 §三 in one folder)
 * and the free-text parts of the 编制说明 and 审核意见 (shown, or set from a JSON file).
 */
import { resolve } from 'node:path';
import { formatSeconds } from '../../domain/format.js';
import type { SubmissionResult } from '../../services/documents/handlers.js';
import { handlers } from '../../services/registry.js';
import { bankOption, outOption, readInput, stringOption, UsageError } from '../command.js';
import { call, groupCommand } from '../group.js';
import { documentsText } from '../messages/documents.js';

function resultLines(r: SubmissionResult, cwd: string): string[] {
  return [
    documentsText.generated(r.files.length, r.sets.theory, r.sets.practical, r.sets.comprehensive, formatSeconds(r.seconds), resolve(cwd, r.folder)),
    ...r.warnings.map((w) => documentsText.warning(w)),
    ...(r.incomplete !== '' ? [documentsText.incomplete(r.incomplete)] : []),
    ...(r.replaced ? [documentsText.replaced] : []),
    ...r.files.map((f) => documentsText.file(f.path, f.bytes)),
    documentsText.manifest(r.manifest),
  ];
}

export const documentsCommand = groupCommand(
  'documents',
  documentsText.summary,
  [
    {
      name: 'generate',
      usage: documentsText.generateUsage,
      summary: documentsText.generateSummary,
      run: async (ctx, s) =>
        void (await call(
          ctx,
          s,
          handlers['documents.generate'],
          { bankId: bankOption(ctx), outDir: outOption(ctx), replace: ctx.values.replace === true },
          (r) => resultLines(r, ctx.io.cwd),
        )),
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
        let notes: unknown;
        try {
          notes = JSON.parse(Buffer.from(readInput(ctx, file)).toString('utf8'));
        } catch (e) {
          if (e instanceof UsageError) throw e;
          throw new UsageError(documentsText.badJson(file, (e as Error).message));
        }
        await call(ctx, s, handlers['documents.notes.set'], { bankId: bankOption(ctx), notes }, () => [documentsText.saved]);
      },
    },
  ],
  { bank: { type: 'string' }, out: { type: 'string' }, file: { type: 'string' }, replace: { type: 'boolean' } },
);
