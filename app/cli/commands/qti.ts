/** `qbank qti export|import`: QTI 2.1 content packages of theory items, for other assessment systems. */
import { basename } from 'node:path';
import { IMPORT_MAX_BYTES } from '../../services/import/file-bounds.js';
import { QtiImportRejectedError } from '../../services/qti/handlers.js';
import { handlers } from '../../services/registry.js';
import { bankOption, outOption, readInput, stringOption } from '../command.js';
import { arg, call, groupCommand } from '../group.js';
import { qtiText as T } from '../messages/qti.js';

export const qtiCommand = groupCommand(
  'qti',
  T.summary,
  [
    {
      name: 'export',
      usage: T.exportUsage,
      summary: T.exportSummary,
      run: async (ctx, s) => {
        const state = stringOption(ctx, 'state');
        const fileName = stringOption(ctx, 'file');
        const input = { bankId: bankOption(ctx), outDir: outOption(ctx), ...(state ? { state } : {}), ...(fileName ? { fileName } : {}) };
        await call(ctx, s, handlers['qti.export'], input, (r) => [T.exported(r.file.absolutePath, r.items, r.images, r.file.bytes)]);
      },
    },
    {
      name: 'import',
      usage: T.importUsage,
      summary: T.importSummary,
      run: async (ctx, s, args) => {
        const path = arg(args, 0, T.file);
        const nearDuplicates = ctx.values['skip-near'] === true ? 'skip' : ctx.values['keep-near'] === true ? 'keep' : 'ask';
        const input = { bankId: bankOption(ctx), fileName: basename(path), bytes: readInput(ctx, path, IMPORT_MAX_BYTES), dryRun: ctx.values['dry-run'] === true, nearDuplicates };
        try {
          await call(ctx, s, handlers['qti.import'], input, (r) => [
            T.imported(r.saved, r.imported.length, r.items, r.dryRun),
            ...r.unmapped.map((u) => T.unmapped(u.file, u.reason)),
            ...r.ignored.map((u) => T.ignored(u.file, u.reason)),
          ]);
        } catch (e) {
          if (e instanceof QtiImportRejectedError) e.report.unmapped.forEach((u) => ctx.io.err(`${T.unmapped(u.file, u.reason)}\n`));
          throw e;
        }
      },
    },
  ],
  { bank: { type: 'string' }, out: { type: 'string' }, state: { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'skip-near': { type: 'boolean' }, 'keep-near': { type: 'boolean' } },
);
