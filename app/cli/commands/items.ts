/** `qbank items …`: list, open (调阅), history, diff and the review workflow of a bank's items. */
import { formatKey, theoryItemTypeNames, type TheoryItemType } from '../../domain/theory-item.js';
import { handlers } from '../../services/registry.js';
import type { ItemView } from '../../services/items/handlers.js';
import { stringOption } from '../command.js';
import { call, groupCommand, intArg, type SubCommand } from '../group.js';

const typeName = (t: string) => theoryItemTypeNames[t as TheoryItemType] ?? (t === 'practical' ? '技能考核' : '综合评审');
const itemLine = (i: ItemView) => `${i.id}\t${typeName(i.type)}\t${i.binding || '—'}\t第${i.version}版\t${i.state}\t难度 ${i.difficulty ?? '—'}`;

/** A workflow step: `qbank items <verb> <题库> <试题> [--comment 意见]`. */
function step(name: string, to: string, summary: string): SubCommand {
  return {
    name,
    usage: `${name} <题库> <试题> [--comment 意见]`,
    summary,
    run: async (ctx, s, args) =>
      void (await call(
        ctx,
        s,
        handlers['items.transition'],
        { bankId: intArg(args, 0, '题库'), itemId: intArg(args, 1, '试题'), to, comment: stringOption(ctx, 'comment') ?? '' },
        (i) => [itemLine(i)],
      )),
  };
}

export const itemsCommand = groupCommand(
  'items',
  '试题：目录、调阅、版本与审核流程 (items)',
  [
    {
      name: 'list',
      usage: 'list <题库>',
      summary: '列出试题目录（不含内容）',
      run: async (ctx, s, args) => void (await call(ctx, s, handlers['items.list'], { bankId: intArg(args, 0, '题库') }, (items) => items.map(itemLine))),
    },
    {
      name: 'show',
      usage: 'show <题库> <试题>',
      summary: '调阅试题内容（登记在调阅登记表）',
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['items.get'], { bankId: intArg(args, 0, '题库'), itemId: intArg(args, 1, '试题') }, (item) => {
          if (item.kind !== 'theory') return [JSON.stringify(item.body, null, 2)];
          const t = item.body;
          return [
            `${item.id}　${typeName(t.type)}　鉴定点 ${t.element}　难度 ${t.difficulty}　第${item.version}版　${item.state}`,
            t.stem,
            ...(t.type === 'trueFalse' ? [] : t.options.map((o, i) => `${String.fromCharCode(65 + i)}. ${o}`)),
            `答案：${formatKey(t)}`,
            ...(t.explanation ? [`解析：${t.explanation}`] : []),
          ];
        })),
    },
    {
      name: 'history',
      usage: 'history <题库> <试题>',
      summary: '版本与审核记录',
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['items.history'], { bankId: intArg(args, 0, '题库'), itemId: intArg(args, 1, '试题') }, (h) => [
          itemLine(h.item),
          ...h.versions.map((v) => `第${v.version}版\t${v.createdAt}\t${v.createdBy}\t${v.note}`),
          ...h.transitions.map((t) => `${t.at}\t${t.by}\t${t.from || '（新建）'} → ${t.to}\t第${t.version}版\t${t.comment}`),
        ])),
    },
    {
      name: 'diff',
      usage: 'diff <题库> <试题> <版本1> <版本2>',
      summary: '比较两个版本（调阅）',
      run: async (ctx, s, args) =>
        void (await call(
          ctx,
          s,
          handlers['items.diff'],
          { bankId: intArg(args, 0, '题库'), itemId: intArg(args, 1, '试题'), from: intArg(args, 2, '版本1'), to: intArg(args, 3, '版本2') },
          (changes) => (changes.length === 0 ? ['两个版本相同'] : changes.map((c) => `${c.field}: ${c.inline}`)),
        )),
    },
    step('submit', '待审', '提交审核（命题人员）'),
    step('approve', '已审', '审核通过（审核专家）'),
    step('reject', '草稿', '退回修改，须填意见'),
    step('accept', '入库', '入库（题库管理员）'),
    step('retire', '停用', '停用，须填意见（题库管理员）'),
    step('restore', '入库', '恢复入库，须填意见（题库管理员）'),
  ],
  { comment: { type: 'string' } },
);
