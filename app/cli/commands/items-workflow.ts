/**
 * The review workflow from the command line: `qbank items <step> <题库> [<试题>…] [filters]`. One id
 * makes one `items.transition` call; several ids, ranges (`2-5`), comma lists (`7,9`) or a filter
 * (`--state`, `--element` prefix, `--lint-clean`) make one `items.transitionMany` call. Each step
 * starts from fixed states, so `accept` never restores a 停用 item (that is `restore`).
 */
import type { ItemState } from '../../domain/bank.js';
import { theoryItemTypeNames, type TheoryItemType } from '../../domain/theory-item.js';
import { handlers } from '../../services/registry.js';
import type { ItemView } from '../../services/items/handlers.js';
import { stringOption, UsageError, type CommandContext } from '../command.js';
import { call, intArg, type SubCommand } from '../group.js';
import { itemsText } from '../messages/items.js';

/** The most ids one range may name (the batch handler's bound). */
const MAX_BATCH = 20000;

/** Ids from arguments like `1 2-5 7,9` (in the order given, without repeats). */
export function parseItemIds(args: readonly string[]): number[] {
  const ids: number[] = [];
  const positive = (s: string, whole: string) => {
    if (!/^\d+$/.test(s) || Number(s) <= 0) throw new UsageError(itemsText.badItemList(whole));
    return Number(s);
  };
  for (const arg of args) {
    for (const part of arg.split(/[,，]/)) {
      const p = part.trim();
      if (p === '') {
        if (arg.trim() === '') throw new UsageError(itemsText.badItemList(arg));
        continue;
      }
      const range = /^(\d+)\s*[-–~～]\s*(\d+)$/.exec(p);
      if (!range) {
        ids.push(positive(p, arg));
        continue;
      }
      const [from, to] = [positive(range[1] ?? '', arg), positive(range[2] ?? '', arg)];
      if (to < from) throw new UsageError(itemsText.badItemList(arg));
      if (to - from + 1 > MAX_BATCH) throw new UsageError(itemsText.rangeTooLong(p, MAX_BATCH));
      for (let id = from; id <= to; id++) ids.push(id);
    }
  }
  return [...new Set(ids)];
}

/** The batch filter from `--state`, `--element`, `--lint-clean`, or undefined when none is given. */
function filterOf(ctx: CommandContext): { state?: string; elementPrefix?: string; lintClean: boolean } | undefined {
  const state = stringOption(ctx, 'state');
  const elementPrefix = stringOption(ctx, 'element');
  const lintClean = ctx.values['lint-clean'] === true;
  if (state === undefined && elementPrefix === undefined && !lintClean) return undefined;
  return { ...(state !== undefined ? { state } : {}), ...(elementPrefix !== undefined ? { elementPrefix } : {}), lintClean };
}

export const typeName = (t: string) => theoryItemTypeNames[t as TheoryItemType] ?? (t === 'practical' ? itemsText.practical : itemsText.comprehensive);

/** An item's catalogue line: id, 题型, 鉴定点, version, state, difficulty. */
export const itemLine = (i: ItemView) =>
  `${i.id}\t${typeName(i.type)}\t${i.binding || '—'}\t${itemsText.version(i.version)}\t${i.state}\t${itemsText.difficulty(String(i.difficulty ?? '—'))}`;

/** A workflow step `qbank items <name> …` from the states `from` to `to`. */
export function step(name: string, verb: string, from: readonly ItemState[], to: ItemState, summary: string): SubCommand {
  return {
    name,
    usage: itemsText.stepUsage(name),
    summary,
    run: async (ctx, s, args) => {
      const bankId = intArg(args, 0, itemsText.bank);
      const ids = parseItemIds(args.slice(1));
      const filter = filterOf(ctx);
      const comment = stringOption(ctx, 'comment') ?? '';
      if (ids.length === 0 && !filter) throw new UsageError(itemsText.missingItems);
      if (ids.length === 1 && !filter) {
        await call(ctx, s, handlers['items.transition'], { bankId, itemId: ids[0], to, comment, from }, (i) => [itemLine(i)]);
        return 0;
      }
      const out = await call(
        ctx,
        s,
        handlers['items.transitionMany'],
        { bankId, to, comment, from, ...(ids.length > 0 ? { itemIds: ids } : {}), ...(filter ? { filter } : {}) },
        (r) =>
          r.selected === 0
            ? [itemsText.nothingSelected(verb)]
            : [...r.moved.map(itemLine), itemsText.batchSummary(verb, to, r.moved.length, r.refused.length)],
      );
      // Refusals go to stderr, one per item, naming the item and the rule (also with --json).
      ctx.io.err(out.refused.map((r) => `${r.reason}\n`).join(''));
      return out.refused.length > 0 ? 1 : 0;
    },
  };
}
