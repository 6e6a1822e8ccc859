/** `qbank banks …`: list, create and summarise banks. */
import { levelName, parseLevel } from '../../domain/level.js';
import { handlers } from '../../services/registry.js';
import type { BankRecord } from '../../services/banks/context.js';
import { stringOption, UsageError } from '../command.js';
import { call, groupCommand, intArg } from '../group.js';

const bankLine = (b: BankRecord) => `${b.id}\t${b.occupationCode}\t${b.name}\t${b.secrecy.level}${b.isSample ? '\t样例' : ''}`;

export const banksCommand = groupCommand(
  'banks',
  '题库 (banks)',
  [
    { name: 'list', usage: 'list', summary: '列出可见的题库', run: async (ctx, s) => void (await call(ctx, s, handlers['banks.list'], {}, (bs) => bs.map(bankLine))) },
    {
      name: 'create',
      usage: 'create --occupation 职业编码 --level 级别 [--track 方向]',
      summary: '新建题库（题库管理员）',
      run: async (ctx, s) => {
        const levelText = stringOption(ctx, 'level') ?? '';
        const level = parseLevel(levelText);
        if (level === undefined) throw new UsageError(`--level 应为 1–5 或 四级、中级工 等，收到 ${levelText}`);
        await call(
          ctx,
          s,
          handlers['banks.create'],
          { occupationCode: stringOption(ctx, 'occupation') ?? '', track: stringOption(ctx, 'track') ?? '', level },
          (b) => [`已新建题库 ${bankLine(b)}（${levelName(b.level)}）`],
        );
      },
    },
    {
      name: 'summary',
      usage: 'summary <题库编号>',
      summary: '题库概况',
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['banks.summary'], { bankId: intArg(args, 0, '题库编号') }, (r) => [
          bankLine(r.bank),
          `细目表: ${r.elementTable ? `版本 ${r.elementTable.version}，${r.elementTable.stats.elements} 个鉴定点` : '未导入'}`,
          `试题: 理论知识 ${r.counts.theoryItems}，技能考核 ${r.counts.practicalTasks}，综合评审 ${r.counts.comprehensiveItems}`,
          `状态: ${Object.entries(r.counts.byState).map(([k, v]) => `${k} ${v}`).join('，')}`,
        ])),
    },
  ],
  { occupation: { type: 'string' }, level: { type: 'string' }, track: { type: 'string' } },
);
