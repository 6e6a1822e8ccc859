/** `qbank results …`: exam results and item analysis (import, list, show, history, return to 待审). */
import { IMPORT_MAX_BYTES } from '../../services/import/file-bounds.js';
import { handlers } from '../../services/registry.js';
import { bankOption, idListOption, intOption, outOption, readInput, stringOption, UsageError, type CommandContext } from '../command.js';
import { arg, call, groupCommand, intArg } from '../group.js';
import { resultsText as T } from '../messages/results.js';

function required(ctx: CommandContext, name: string): string {
  const v = stringOption(ctx, name);
  if (v === undefined || v.trim() === '') throw new UsageError(T.missing(name));
  return v;
}

export const resultsCommand = groupCommand(
  'results',
  T.summary,
  [
    {
      name: 'import',
      usage: T.importUsage,
      summary: T.importSummary,
      run: async (ctx, s, args) => {
        const bytes = readInput(ctx, arg(args, 0, T.file), IMPORT_MAX_BYTES);
        const input = {
          bankId: bankOption(ctx),
          paperId: intOption(ctx, 'paper', 0),
          label: required(ctx, 'label'),
          heldOn: required(ctx, 'date'),
          bytes,
          returnFlagged: ctx.values['return-flagged'] === true,
        };
        await call(ctx, s, handlers['results.import'], input, (r) => {
          const flagged = r.items.filter((i) => i.flags.some((f) => f.severity === 'review'));
          return [
            T.imported(r.sitting),
            T.paper(r.sitting),
            ...(r.personalColumns.length > 0 ? [T.personal(r.personalColumns)] : []),
            ...(r.ignoredColumns.length > 0 ? [T.ignored(r.ignoredColumns)] : []),
            T.flagged(flagged.length),
            ...flagged.map((i) => T.flagLine(i.position, i.itemId, i.flags.filter((f) => f.severity === 'review'))),
            ...(input.returnFlagged ? [T.returned(r.returned.length), ...r.refused.map((x) => T.refused(x.itemId, x.reason))] : []),
          ];
        });
      },
    },
    {
      name: 'list',
      usage: T.listUsage,
      summary: T.listSummary,
      run: async (ctx, s) => void (await call(ctx, s, handlers['results.list'], { bankId: bankOption(ctx) }, (all) => (all.length === 0 ? [T.noSittings] : [T.listHeader, ...all.map(T.listLine)]))),
    },
    {
      name: 'show',
      usage: T.showUsage,
      summary: T.showSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['results.show'], { bankId: bankOption(ctx), sittingId: intArg(args, 0, T.sitting) }, (r) => [
          T.showTitle(r.paperTitle, r.sitting),
          T.paper(r.sitting),
          T.itemHeader,
          ...r.items.map(T.itemLine),
        ])),
    },
    {
      name: 'report',
      usage: T.reportUsage,
      summary: T.reportSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['results.report'], { bankId: bankOption(ctx), sittingId: intArg(args, 0, T.sitting), outDir: outOption(ctx) }, (r) => [T.reported(r.docx.absolutePath, r.xlsx.absolutePath)])),
    },
    {
      name: 'history',
      usage: T.historyUsage,
      summary: T.historySummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['results.history'], { bankId: bankOption(ctx), itemId: intArg(args, 0, T.item) }, (r) => [
          ...(r.history.length === 0 ? [T.noHistory] : [T.historyHeader, ...r.history.map(T.historyLine)]),
          T.pooled(r.pooled?.p ?? null, r.pooled?.n ?? 0, r.pooled?.sittings ?? 0, r.version),
        ])),
    },
    {
      name: 'return',
      usage: T.returnUsage,
      summary: T.returnSummary,
      run: async (ctx, s, args) => {
        const ids = idListOption(ctx, 'items');
        const input = { bankId: bankOption(ctx), sittingId: intArg(args, 0, T.sitting), ...(ids ? { itemIds: ids } : {}) };
        await call(ctx, s, handlers['results.return'], input, (r) => [T.returned(r.returned.length), ...r.refused.map((x) => T.refused(x.itemId, x.reason))]);
      },
    },
  ],
  {
    bank: { type: 'string' },
    paper: { type: 'string' },
    out: { type: 'string' },
    label: { type: 'string' },
    date: { type: 'string' },
    items: { type: 'string' },
    'return-flagged': { type: 'boolean' },
  },
);
