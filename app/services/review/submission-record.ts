/**
 * The record of submissions to the province (附件6 四(二)): per bank (occupation × level) the date, the
 * hash of the signed manifest, the review round, and the result entered when it comes back (通过, or
 * 退回 with the returned comments). The incubation rule (app/domain/review/submissions.ts) is applied
 * when a submission is recorded: the second needs an explicit confirmation, a third is refused.
 */
import { z } from 'zod';
import { beijingDate, dateSchema } from '../../domain/person.js';
import { checkSubmission, incubationSchema, submissionResultSchema, type Incubation, type SubmissionCheck } from '../../domain/review/submissions.js';
import { validateOrThrow } from '../../domain/validation.js';
import { insertSubmission, listSubmissions, setSubmissionResult, type SubmissionRecord } from '../../store/repositories/review-records.js';
import { latestRound } from '../../store/repositories/review.js';
import { getSetting, setSetting } from '../../store/repositories/settings.js';
import { requireBank } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { submissionMessages as m } from './submission-messages.js';

const key = (bankId: number) => `incubation.${String(bankId)}`;

export function incubationOf(ctx: ServiceContext, bankId: number): Incubation {
  const raw = getSetting(ctx.db, key(bankId));
  return incubationSchema.parse(raw === undefined ? {} : (JSON.parse(raw) as unknown));
}

export interface SubmissionHistory {
  readonly records: readonly SubmissionRecord[];
  readonly incubation: Incubation;
  /** What recording one more today would mean. */
  readonly next: SubmissionCheck;
}

function history(ctx: ServiceContext, bankId: number, on?: string): SubmissionHistory {
  const bank = requireBank(ctx, bankId);
  const records = listSubmissions(ctx.db, bankId);
  const incubation = incubationOf(ctx, bankId);
  return { records, incubation, next: checkSubmission(records.map((r) => r.submittedOn), on ?? beijingDate(ctx.now()), incubation, bank.level) };
}

const bankId = z.number().int().positive();

export const submissionHandlers = handlerMap(
  defineHandler({
    name: 'submissions.list',
    summary: '查看报送记录',
    input: z.object({ bankId }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    run: (ctx, input): SubmissionHistory => history(ctx, input.bankId),
  }),
  defineHandler({
    name: 'submissions.record',
    summary: '登记报送省级审核',
    input: z.object({
      bankId,
      submittedOn: dateSchema.optional(),
      note: z.string().trim().max(500).default(''),
      /** The second submission within the incubation period is recorded only when confirmed. */
      confirm: z.boolean().default(false),
    }),
    roles: ['manager'],
    register: '存档',
    bank: bankOf('manager'),
    objects: (i, out: SubmissionHistory) => [`bank:${i.bankId}`, `submission:${out.records.at(-1)?.id ?? 0}`],
    run: (ctx, input): SubmissionHistory => {
      const on = input.submittedOn ?? beijingDate(ctx.now());
      const before = history(ctx, input.bankId, on);
      if (!before.next.allowed) throw new ServiceError(before.next.message);
      if (before.next.message !== '' && !input.confirm) throw new ServiceError(m.confirm(before.next.message));
      const round = latestRound(ctx.db, input.bankId);
      if (!round || round.signedAt === '') throw new ServiceError(m.notSigned);
      insertSubmission(ctx.db, { bankId: input.bankId, roundId: round.id, submittedOn: on, packageSha256: round.manifestSha256, note: input.note }, ctx.actor.username, timestamp(ctx));
      return history(ctx, input.bankId);
    },
  }),
  defineHandler({
    name: 'submissions.result',
    summary: '录入省级审核结果',
    input: z.object({ bankId, submissionId: z.number().int().positive(), result: z.unknown(), resultOn: z.unknown(), comments: z.unknown().optional() }),
    roles: ['manager'],
    register: '',
    bank: bankOf('manager'),
    objects: (i) => [`bank:${i.bankId}`, `submission:${i.submissionId}`],
    run: (ctx, input): SubmissionHistory => {
      const r = validateOrThrow(m.result, submissionResultSchema, { result: input.result, resultOn: input.resultOn, comments: input.comments ?? '' });
      const rec = listSubmissions(ctx.db, input.bankId).find((s) => s.id === input.submissionId);
      if (!rec) throw new ServiceError(m.notFound(input.submissionId));
      if (rec.result !== '') throw new ServiceError(m.resultExists(input.submissionId, rec.result));
      setSubmissionResult(ctx.db, rec.id, r, ctx.actor.username);
      return history(ctx, input.bankId);
    },
  }),
  defineHandler({
    name: 'submissions.incubation',
    summary: '设置孵化期',
    input: z.object({ bankId, startsOn: z.union([dateSchema, z.literal('')]).optional(), days: z.number().int().optional() }),
    roles: ['manager'],
    register: '',
    bank: bankOf('manager'),
    objects: (i) => [`bank:${i.bankId}`],
    run: (ctx, input): SubmissionHistory => {
      const current = incubationOf(ctx, input.bankId);
      const next = validateOrThrow(m.incubation, incubationSchema, { startsOn: input.startsOn ?? current.startsOn, days: input.days ?? current.days });
      setSetting(ctx.db, key(input.bankId), JSON.stringify(next));
      return history(ctx, input.bankId);
    },
  }),
);
