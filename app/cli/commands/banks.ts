/** `qbank banks …`: list, create and summarise banks. */
import { levelName, parseLevel } from '../../domain/level.js';
import { handlers } from '../../services/registry.js';
import type { BankRecord } from '../../services/banks/context.js';
import { stringOption, UsageError } from '../command.js';
import { call, groupCommand, intArg } from '../group.js';
import { banksText } from '../messages/banks.js';

const bankLine = (b: BankRecord) => `${b.id}\t${b.occupationCode}\t${b.name}\t${b.secrecy.level}${b.isSample ? banksText.sample : ''}`;

export const banksCommand = groupCommand(
  'banks',
  banksText.summary,
  [
    { name: 'list', usage: 'list', summary: banksText.listSummary, run: async (ctx, s) => void (await call(ctx, s, handlers['banks.list'], {}, (bs) => bs.map(bankLine))) },
    {
      name: 'create',
      usage: banksText.createUsage,
      summary: banksText.createSummary,
      run: async (ctx, s) => {
        const levelText = stringOption(ctx, 'level') ?? '';
        const level = parseLevel(levelText);
        if (level === undefined) throw new UsageError(banksText.badLevel(levelText));
        await call(
          ctx,
          s,
          handlers['banks.create'],
          { occupationCode: stringOption(ctx, 'occupation') ?? '', track: stringOption(ctx, 'track') ?? '', level },
          (b) => [banksText.created(bankLine(b), levelName(b.level))],
        );
      },
    },
    {
      name: 'summary',
      usage: banksText.summaryUsage,
      summary: banksText.summarySummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['banks.summary'], { bankId: intArg(args, 0, banksText.bankId) }, (r) => [
          bankLine(r.bank),
          banksText.elementTableLine(r.elementTable ? banksText.elementTable(r.elementTable.version, r.elementTable.stats.elements) : banksText.noElementTable),
          banksText.itemsLine(r.counts.theoryItems, r.counts.practicalTasks, r.counts.comprehensiveItems),
          banksText.statesLine(Object.entries(r.counts.byState)),
        ])),
    },
  ],
  { occupation: { type: 'string' }, level: { type: 'string' }, track: { type: 'string' } },
);
