/**
 * `qbank items export`: the bank's items out as the writers' Excel template (items.exportXlsx). Added to
 * the `items` group by main.ts (`extendGroup`), so that this file and items.ts change independently.
 */
import { ITEM_STATES, type ItemState } from '../../domain/bank.js';
import { handlers } from '../../services/registry.js';
import { bankOption, outOption, UsageError, type CommandContext, type OptionSpec } from '../command.js';
import { call, type SubCommand } from '../group.js';
import { itemFilesText } from '../messages/item-files.js';

/** `--state 入库` (the last one when given twice); undefined for all states. */
function stateOption(ctx: CommandContext): ItemState | undefined {
  const raw = ctx.values.state;
  const value = Array.isArray(raw) ? raw.at(-1) : raw;
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!(ITEM_STATES as readonly string[]).includes(value)) throw new UsageError(itemFilesText.badState(value, ITEM_STATES));
  return value as ItemState;
}

export const itemFileSubcommands: readonly SubCommand[] = [
  {
    name: 'export',
    usage: itemFilesText.exportUsage,
    summary: itemFilesText.exportSummary,
    run: async (ctx, s) => {
      const state = stateOption(ctx);
      await call(ctx, s, handlers['items.exportXlsx'], { bankId: bankOption(ctx), outDir: outOption(ctx), ...(state ? { state } : {}) }, (f) => [
        itemFilesText.exported(f.absolutePath, f.bytes, f.sha256.slice(0, 16)),
      ]);
    },
  },
];

export const itemFileOptions: OptionSpec = { bank: { type: 'string' }, out: { type: 'string' }, state: { type: 'string' } };
