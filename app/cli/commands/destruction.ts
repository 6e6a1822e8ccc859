/** `qbank destruction …`: the 销毁 register of discs and printed papers (规程第十四条). */
import { destructionSummary } from '../../domain/destruction.js';
import { handlers } from '../../services/registry.js';
import { outOption, stringOption, type CommandContext } from '../command.js';
import { call, groupCommand } from '../group.js';
import { destructionText as T } from '../messages/destruction.js';

/** A number when the text is one (the service names a value that is not), else the text as given. */
function numberOrText(text: string | undefined): number | string | undefined {
  return text !== undefined && /^\s*-?\d+\s*$/.test(text) ? Number(text) : text;
}

/** `--destroyer 张三` or `--destroyer 3` (人员编号). */
const personOption = (ctx: CommandContext, name: string) => numberOrText(stringOption(ctx, name));

export const destructionCommand = groupCommand(
  'destruction',
  T.summary,
  [
    {
      name: 'record',
      usage: T.recordUsage,
      summary: T.recordSummary,
      run: async (ctx, s) => {
        const disc = stringOption(ctx, 'disc');
        const note = stringOption(ctx, 'note');
        const input = {
          kind: stringOption(ctx, 'kind'),
          description: stringOption(ctx, 'what'),
          quantity: numberOrText(stringOption(ctx, 'quantity')),
          ...(disc !== undefined ? { discExportId: numberOrText(disc) } : {}),
          method: stringOption(ctx, 'method'),
          destroyedOn: stringOption(ctx, 'date'),
          destroyer: personOption(ctx, 'destroyer'),
          witness: personOption(ctx, 'witness'),
          ...(note !== undefined ? { note } : {}),
        };
        await call(ctx, s, handlers['destruction.record'], input, (d) => [T.recorded(d.id, destructionSummary(d))]);
      },
    },
    {
      name: 'list',
      usage: T.listUsage,
      summary: T.listSummary,
      run: async (ctx, s) => {
        const filter = { from: stringOption(ctx, 'from'), to: stringOption(ctx, 'to'), kind: stringOption(ctx, 'kind') };
        await call(ctx, s, handlers['destruction.list'], filter, (all) => (all.length === 0 ? [T.noRecords] : [T.header, ...all.map(T.line)]));
      },
    },
    {
      name: 'export',
      usage: T.exportUsage,
      summary: T.exportSummary,
      run: async (ctx, s) => void (await call(ctx, s, handlers['destruction.export'], { outDir: outOption(ctx) }, (f) => [T.exported(f.absolutePath, f.bytes, f.sha256)])),
    },
  ],
  {
    kind: { type: 'string' },
    what: { type: 'string' },
    quantity: { type: 'string' },
    disc: { type: 'string' },
    method: { type: 'string' },
    date: { type: 'string' },
    destroyer: { type: 'string' },
    witness: { type: 'string' },
    note: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
  },
);
