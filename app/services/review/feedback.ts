/**
 * The authors' side of a review: every verdict that asks for something (修改后通过, 不通过, or a comment)
 * and every comment on a document, with what became of the item since (a new version, its state), and
 * the answer the author or 题库管理员 gives. Revising is editing the item (items.save: a new version).
 */
import { z } from 'zod';
import { getItemSummary } from '../../store/repositories/items.js';
import { getPerson } from '../../store/repositories/people.js';
import { answerNote, answerVerdict, listNotes, listVerdicts } from '../../store/repositories/review.js';
import { requireBank } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { itemCode } from './assignment.js';
import { reviewMessages as m } from './messages.js';
import { openRoundOfBank, roundOfBank } from './rounds.js';

export interface FeedbackEntry {
  readonly kind: 'verdict' | 'note';
  readonly id: number;
  readonly expert: string;
  /** `#12 第 1 版` or the document named by the expert. */
  readonly target: string;
  readonly itemId: number | null;
  readonly version: number | null;
  readonly verdict: string;
  readonly text: string;
  readonly answer: string;
  readonly answeredBy: string;
  /** For items: the newest version and its state now, so a revision shows. */
  readonly latestVersion: number | null;
  readonly state: string;
}

export interface Feedback {
  readonly roundId: number;
  readonly round: number;
  readonly entries: readonly FeedbackEntry[];
  /** Entries still without an answer. */
  readonly open: number;
}

export function feedbackOf(ctx: ServiceContext, bankId: number, roundId: number | undefined): Feedback {
  const round = roundOfBank(ctx, bankId, roundId);
  const name = (id: number) => getPerson(ctx.db, id)?.name ?? `#${String(id)}`;
  const verdicts = listVerdicts(ctx.db, round.id)
    .filter((v) => v.verdict !== '通过' || v.comment !== '')
    .map((v): FeedbackEntry => {
      const now = getItemSummary(ctx.db, v.itemId);
      return {
        kind: 'verdict',
        id: v.id,
        expert: name(v.personId),
        target: `${itemCode(v.itemId)} 第 ${String(v.version)} 版`,
        itemId: v.itemId,
        version: v.version,
        verdict: v.verdict,
        text: v.comment,
        answer: v.answer,
        answeredBy: v.answeredBy,
        latestVersion: now.version,
        state: now.state,
      };
    });
  const notes = listNotes(ctx.db, round.id).map(
    (n): FeedbackEntry => ({
      kind: 'note',
      id: n.id,
      expert: name(n.personId),
      target: n.document,
      itemId: null,
      version: null,
      verdict: '',
      text: n.text,
      answer: n.answer,
      answeredBy: n.answeredBy,
      latestVersion: null,
      state: '',
    }),
  );
  const entries = [...verdicts, ...notes];
  return { roundId: round.id, round: round.round, entries, open: entries.filter((e) => e.answer === '').length };
}

const bankId = z.number().int().positive();

export const feedbackHandlers = handlerMap(
  defineHandler({
    name: 'review.feedback',
    summary: '查看审核意见与答复',
    input: z.object({ bankId, roundId: z.number().int().positive().optional() }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    run: (ctx, input): Feedback => {
      requireBank(ctx, input.bankId);
      return feedbackOf(ctx, input.bankId, input.roundId);
    },
  }),
  defineHandler({
    name: 'review.answer',
    summary: '答复审核意见',
    input: z.object({
      bankId,
      roundId: z.number().int().positive(),
      kind: z.enum(['verdict', 'note']),
      id: z.number().int().positive(),
      answer: z.string().trim().min(2, { error: m.answerTooShort }).max(5000),
    }),
    roles: ['manager', 'author'],
    register: '',
    bank: bankOf('manager', 'author'),
    objects: (i) => [`reviewRound:${i.roundId}`, `${i.kind === 'verdict' ? 'reviewVerdict' : 'reviewNote'}:${i.id}`],
    run: (ctx, input): Feedback => {
      const round = openRoundOfBank(ctx, input.bankId, input.roundId);
      const at = timestamp(ctx);
      if (input.kind === 'verdict') {
        // only a verdict of this round can be answered here
        if (!listVerdicts(ctx.db, round.id).some((x) => x.id === input.id)) throw new ServiceError(m.noteNotFound(input.id));
        answerVerdict(ctx.db, input.id, input.answer, ctx.actor.username, at);
      } else if (!listNotes(ctx.db, round.id).some((n) => n.id === input.id) || answerNote(ctx.db, input.id, input.answer, ctx.actor.username, at) === 0) {
        throw new ServiceError(m.noteNotFound(input.id));
      }
      return feedbackOf(ctx, input.bankId, round.id);
    },
  }),
);
