/** `qbank items …`: list, open (调阅), history, diff, the review workflow, and binding 待归类 items to a 鉴定点. */
import { formatKey, theoryItemTypeNames, type TheoryItemType } from '../../domain/theory-item.js';
import { handlers } from '../../services/registry.js';
import type { ItemView } from '../../services/items/handlers.js';
import { intOption, stringOption } from '../command.js';
import { arg, call, groupCommand, intArg, type SubCommand } from '../group.js';
import { itemsText } from '../messages/items.js';

const typeName = (t: string) => theoryItemTypeNames[t as TheoryItemType] ?? (t === 'practical' ? itemsText.practical : itemsText.comprehensive);
const itemLine = (i: ItemView) => `${i.id}\t${typeName(i.type)}\t${i.binding || '—'}\t${itemsText.version(i.version)}\t${i.state}\t${itemsText.difficulty(String(i.difficulty ?? '—'))}`;

/** A workflow step: `qbank items <verb> <题库> <试题> [--comment 意见]`. */
function step(name: string, to: string, summary: string): SubCommand {
  return {
    name,
    usage: itemsText.stepUsage(name),
    summary,
    run: async (ctx, s, args) =>
      void (await call(
        ctx,
        s,
        handlers['items.transition'],
        { bankId: intArg(args, 0, itemsText.bank), itemId: intArg(args, 1, itemsText.item), to, comment: stringOption(ctx, 'comment') ?? '' },
        (i) => [itemLine(i)],
      )),
  };
}

export const itemsCommand = groupCommand(
  'items',
  itemsText.summary,
  [
    {
      name: 'list',
      usage: itemsText.listUsage,
      summary: itemsText.listSummary,
      run: async (ctx, s, args) => void (await call(ctx, s, handlers['items.list'], { bankId: intArg(args, 0, itemsText.bank) }, (items) => items.map(itemLine))),
    },
    {
      name: 'show',
      usage: itemsText.showUsage,
      summary: itemsText.showSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['items.get'], { bankId: intArg(args, 0, itemsText.bank), itemId: intArg(args, 1, itemsText.item) }, (item) => {
          if (item.kind !== 'theory') return [JSON.stringify(item.body, null, 2)];
          const t = item.body;
          return [
            itemsText.showTitle(item.id, typeName(t.type), t.element, t.difficulty, item.version, item.state),
            t.stem,
            ...(t.type === 'trueFalse' ? [] : t.options.map((o, i) => `${String.fromCharCode(65 + i)}. ${o}`)),
            itemsText.key(formatKey(t)),
            ...(t.explanation ? [itemsText.explanation(t.explanation)] : []),
          ];
        })),
    },
    {
      name: 'history',
      usage: itemsText.historyUsage,
      summary: itemsText.historySummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['items.history'], { bankId: intArg(args, 0, itemsText.bank), itemId: intArg(args, 1, itemsText.item) }, (h) => [
          itemLine(h.item),
          ...h.versions.map((v) => `${itemsText.version(v.version)}\t${v.createdAt}\t${v.createdBy}\t${v.note}`),
          ...h.transitions.map((t) => `${t.at}\t${t.by}\t${t.from || itemsText.created} → ${t.to}\t${itemsText.version(t.version)}\t${t.comment}`),
        ])),
    },
    {
      name: 'diff',
      usage: itemsText.diffUsage,
      summary: itemsText.diffSummary,
      run: async (ctx, s, args) =>
        void (await call(
          ctx,
          s,
          handlers['items.diff'],
          { bankId: intArg(args, 0, itemsText.bank), itemId: intArg(args, 1, itemsText.item), from: intArg(args, 2, itemsText.from), to: intArg(args, 3, itemsText.to) },
          (changes) => (changes.length === 0 ? [itemsText.same] : changes.map((c) => `${c.field}: ${c.inline}`)),
        )),
    },
    {
      name: 'bind',
      usage: itemsText.bindUsage,
      summary: itemsText.bindSummary,
      run: async (ctx, s, args) =>
        void (await call(
          ctx,
          s,
          handlers['items.bind'],
          {
            bankId: intArg(args, 0, itemsText.bank),
            itemId: intArg(args, 1, itemsText.item),
            element: arg(args, 2, itemsText.element),
            ...(stringOption(ctx, 'difficulty') !== undefined ? { difficulty: intOption(ctx, 'difficulty', 3) } : {}),
          },
          (i) => [itemLine(i)],
        )),
    },
    {
      name: 'suggest',
      usage: itemsText.suggestUsage,
      summary: itemsText.suggestSummary,
      run: async (ctx, s, args) => {
        const ids = args.slice(1).map((_, k) => intArg(args, k + 1, itemsText.item));
        await call(ctx, s, handlers['items.suggest'], { bankId: intArg(args, 0, itemsText.bank), ...(ids.length > 0 ? { itemIds: ids } : {}) }, (list) =>
          list.length === 0
            ? [itemsText.noUnbound]
            : list.map((x) => {
                const named = (e: { element: string; name: string; score: number } | undefined) => (e ? itemsText.suggested(e.element, e.name, e.score) : '');
                const gaps = x.gaps.map((g) => itemsText.gaps[g] ?? g).join('、');
                return itemsText.suggestion(x.itemId, gaps, x.suggestion ? named(x.suggestion) : itemsText.noSuggestion, named(x.suggestion?.runnerUp));
              }),
        );
      },
    },
    step('submit', '待审', itemsText.submitSummary),
    step('approve', '已审', itemsText.approveSummary),
    step('reject', '草稿', itemsText.rejectSummary),
    step('accept', '入库', itemsText.acceptSummary),
    step('retire', '停用', itemsText.retireSummary),
    step('restore', '入库', itemsText.restoreSummary),
  ],
  { comment: { type: 'string' }, difficulty: { type: 'string' } },
);
