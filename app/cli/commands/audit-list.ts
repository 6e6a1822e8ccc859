/** `qbank audit list`: the 安全审计员 reads the access log, filtered and a page at a time. */
import type { SubCommand } from '../group.js';
import { call } from '../group.js';
import { intOption, stringOption, UsageError, type CommandContext, type OptionSpec } from '../command.js';
import { handlers } from '../../services/registry.js';
import { overviewText as T } from '../messages/overview.js';

function offsetOption(ctx: CommandContext): number {
  const v = stringOption(ctx, 'offset');
  if (v === undefined) return 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(T.badOffset(v));
  return n;
}

/** The filter from the options; absent options filter nothing (the handler checks the values). */
function filterOf(ctx: CommandContext): Record<string, unknown> {
  const input: Record<string, unknown> = { offset: offsetOption(ctx), limit: intOption(ctx, 'limit', 50) };
  for (const key of ['actor', 'action', 'object', 'register', 'result', 'from', 'to']) {
    const v = stringOption(ctx, key);
    if (v !== undefined) input[key] = v;
  }
  return input;
}

export const auditListOptions: OptionSpec = {
  actor: { type: 'string' },
  action: { type: 'string' },
  object: { type: 'string' },
  result: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
};

export const auditListSubcommands: readonly SubCommand[] = [
  {
    name: 'list',
    usage: T.listUsage,
    summary: T.listSummary,
    run: async (ctx, s) =>
      void (await call(ctx, s, handlers['audit.list'], filterOf(ctx), (page) => [
        ...page.rows.map((r) => T.listRow(r.seq, r.at, r.actor, `${r.action}（${r.actionName}）`, r.resultName, r.objects.join('，'), r.detail)),
        T.listTotal(page.rows.length, page.offset, page.total),
      ])),
  },
];
