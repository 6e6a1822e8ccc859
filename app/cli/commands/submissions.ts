/** `qbank submissions …`: the record of submissions to the province (附件6 四(二)) and the incubation rule. */
import type { SubmissionHistory } from '../../services/review/submission-record.js';
import { handlers } from '../../services/registry.js';
import { bankOption, intOption, stringOption, UsageError, type CommandContext } from '../command.js';
import { call, groupCommand, intArg } from '../group.js';
import { submissionsText as T } from '../messages/submissions.js';

function historyLines(h: SubmissionHistory): string[] {
  return [
    ...(h.records.length === 0 ? [T.noRecords] : [T.header, ...h.records.map((r) => T.line(r.id, r.submittedOn, r.packageSha256, r.result, r.resultOn, r.resultComments, r.note))]),
    T.incubation(h.next.periodStart, h.next.periodEnd, h.incubation.days, h.incubation.startsOn !== ''),
    T.next(h.next.ordinal, h.next.allowed, h.next.message),
    ...(h.next.provincialReview ? [T.provincial] : []),
  ];
}

function requiredText(ctx: CommandContext, name: string, message: string): string {
  const v = stringOption(ctx, name);
  if (v === undefined) throw new UsageError(message);
  return v;
}

export const submissionsCommand = groupCommand(
  'submissions',
  T.summary,
  [
    {
      name: 'list',
      usage: T.listUsage,
      summary: T.listSummary,
      run: async (ctx, s) => void (await call(ctx, s, handlers['submissions.list'], { bankId: bankOption(ctx) }, historyLines)),
    },
    {
      name: 'record',
      usage: T.recordUsage,
      summary: T.recordSummary,
      run: async (ctx, s) => {
        const date = stringOption(ctx, 'date');
        const input = { bankId: bankOption(ctx), ...(date !== undefined ? { submittedOn: date } : {}), note: stringOption(ctx, 'note') ?? '', confirm: ctx.values.confirm === true };
        await call(ctx, s, handlers['submissions.record'], input, (h) => {
          const last = h.records.at(-1);
          return [...(last ? [T.recorded(last.id, last.submittedOn)] : []), ...historyLines(h)];
        });
      },
    },
    {
      name: 'result',
      usage: T.resultUsage,
      summary: T.resultSummary,
      run: async (ctx, s, args) => {
        const submissionId = intArg(args, 0, T.submissionId);
        const result = requiredText(ctx, 'result', T.missingResult);
        const resultOn = requiredText(ctx, 'date', T.missingDate);
        const comments = stringOption(ctx, 'comments');
        await call(ctx, s, handlers['submissions.result'], { bankId: bankOption(ctx), submissionId, result, resultOn, ...(comments !== undefined ? { comments } : {}) }, (h) => [
          T.resultSaved(submissionId, result, resultOn),
          ...historyLines(h),
        ]);
      },
    },
    {
      name: 'incubation',
      usage: T.incubationUsage,
      summary: T.incubationSummary,
      run: async (ctx, s) => {
        const start = stringOption(ctx, 'start');
        const days = stringOption(ctx, 'days') === undefined ? undefined : intOption(ctx, 'days', 0);
        const input = { bankId: bankOption(ctx), ...(start !== undefined ? { startsOn: start.trim() } : {}), ...(days !== undefined ? { days } : {}) };
        await call(ctx, s, handlers['submissions.incubation'], input, historyLines);
      },
    },
  ],
  {
    bank: { type: 'string' },
    date: { type: 'string' },
    note: { type: 'string' },
    confirm: { type: 'boolean' },
    result: { type: 'string' },
    comments: { type: 'string' },
    start: { type: 'string' },
    days: { type: 'string' },
  },
);
