/**
 * `qbank items …`: list, open (调阅), history, diff, add and edit (items-edit.ts), the review workflow for
 * one item or many (items-workflow.ts), and binding 待归类 items to a 鉴定点.
 */
import { handlers } from '../../services/registry.js';
import { intOption, stringOption } from '../command.js';
import { arg, AUTH_HELP, call, groupCommand, intArg } from '../group.js';
import { itemsText } from '../messages/items.js';
import { addCommand, editCommand } from './items-edit.js';
import { shownLines } from './items-show.js';
import { itemLine, step } from './items-workflow.js';

const group = groupCommand(
  'items',
  itemsText.summary,
  [
    {
      name: 'list',
      usage: itemsText.listUsage,
      summary: itemsText.listSummary,
      run: async (ctx, s, args) => {
        const input = { bankId: intArg(args, 0, itemsText.bank) };
        // --packed: the compact form the desktop list loads (JSON), for scripts over big banks
        if (ctx.values.packed === true) await call(ctx, s, handlers['items.catalogue'], input, (c) => [JSON.stringify(c)]);
        else await call(ctx, s, handlers['items.list'], input, (items) => items.map(itemLine));
      },
    },
    {
      name: 'show',
      usage: itemsText.showUsage,
      summary: itemsText.showSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['items.get'], { bankId: intArg(args, 0, itemsText.bank), itemId: intArg(args, 1, itemsText.item) }, shownLines)),
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
    editCommand,
    addCommand,
    step('submit', '提交审核', ['草稿'], '待审', itemsText.submitSummary),
    step('approve', '审核通过', ['待审'], '已审', itemsText.approveSummary),
    step('reject', '退回修改', ['待审', '已审'], '草稿', itemsText.rejectSummary),
    step('accept', '入库', ['已审'], '入库', itemsText.acceptSummary),
    step('retire', '停用', ['入库'], '停用', itemsText.retireSummary),
    step('restore', '恢复入库', ['停用'], '入库', itemsText.restoreSummary),
  ],
  {
    comment: { type: 'string' },
    difficulty: { type: 'string' },
    file: { type: 'string' },
    kind: { type: 'string' },
    stem: { type: 'string' },
    option: { type: 'string', multiple: true },
    key: { type: 'string' },
    explanation: { type: 'string' },
    element: { type: 'string' },
    note: { type: 'string' },
    state: { type: 'string' },
    'lint-clean': { type: 'boolean' },
    packed: { type: 'boolean' },
  },
);

/** The help adds the workflow's rules (四眼原则, batches) before the login options. */
export const itemsCommand = { ...group, help: group.help.replace(AUTH_HELP, `${itemsText.workflowHelp}\n\n${AUTH_HELP}`) };
