/**
 * Internal review by a panel of at least five experts (附件6 三(五), issue [F]): rounds, the panel with its
 * rules checked live, the expert's workspace (every view a 调阅 entry), verdicts per item version,
 * comments on documents, each expert's conclusion and the 审核组长's conclusion for the panel.
 */
import { z } from 'zod';
import { panelMemberSchema, reviewPeriodSchema } from '../../domain/review/panel.js';
import { VERDICTS, verdictInputSchema, unjudged, type RecordedVerdict } from '../../domain/review/verdicts.js';
import { validateOrThrow } from '../../domain/validation.js';
import { getPerson } from '../../store/repositories/people.js';
import { getItemSummary, getVersion } from '../../store/repositories/items.js';
import {
  insertNote,
  insertRound,
  latestRound,
  listConclusions,
  listNotes,
  listPanel,
  listRounds,
  listVerdicts,
  setPanel,
  setRoundConclusion,
  setRoundPeriod,
  upsertConclusion,
  upsertVerdict,
  type RoundRecord,
} from '../../store/repositories/review.js';
import { requireBank } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { assignedSets, assignment, itemCode, type AssignedSet } from './assignment.js';
import { reviewMessages as m } from './messages.js';
import { panelCandidates, panelView, type PanelView } from './panel.js';
import { actorPersonId, openRoundOfBank, requirePanelMember, requireRound, roundOfBank } from './rounds.js';

const bankId = z.number().int().positive();
const roundId = z.number().int().positive();
const everyone = bankOf('manager', 'author', 'reviewer');

export interface RoundView extends RoundRecord {
  readonly panel: PanelView;
}

export function roundView(ctx: ServiceContext, round: RoundRecord): RoundView {
  return { ...round, panel: panelView(panelCandidates(ctx, round.bankId, listPanel(ctx.db, round.id)), round) };
}

function personName(ctx: ServiceContext, personId: number): string {
  return getPerson(ctx.db, personId)?.name ?? `#${String(personId)}`;
}

export interface WorkspaceItem {
  readonly itemId: number;
  readonly version: number;
  readonly code: string;
  /** The item's state and newest version now (a revision after the verdict shows here). */
  readonly state: string;
  readonly latestVersion: number;
  readonly item: ReturnType<typeof getVersion>;
}

export interface VerdictView extends RecordedVerdict {
  readonly id: number;
  readonly name: string;
  readonly comment: string;
  readonly at: string;
  readonly answer: string;
}

export interface Workspace {
  readonly round: RoundView;
  /** The acting expert's place on the panel, null for a manager following the review. */
  readonly me: { readonly personId: number; readonly leader: boolean } | null;
  readonly sets: readonly AssignedSet[];
  readonly items: readonly WorkspaceItem[];
  readonly verdicts: readonly VerdictView[];
  readonly notes: readonly { id: number; personId: number; name: string; document: string; text: string; at: string; answer: string }[];
  readonly conclusions: readonly { personId: number; name: string; conclusion: string; opinion: string; at: string }[];
}

export function verdictViews(ctx: ServiceContext, roundIdValue: number): VerdictView[] {
  return listVerdicts(ctx.db, roundIdValue).map((v) => ({ ...v, name: personName(ctx, v.personId) }));
}

export const reviewHandlers = handlerMap(
  defineHandler({
    name: 'review.rounds',
    summary: '查看题库的审核轮次',
    input: z.object({ bankId }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: everyone,
    run: (ctx, input): RoundView[] => {
      requireBank(ctx, input.bankId);
      return listRounds(ctx.db, input.bankId).map((r) => roundView(ctx, r));
    },
  }),
  defineHandler({
    name: 'review.open',
    summary: '开始一轮内部审核',
    input: z.object({ bankId, startsOn: z.string(), endsOn: z.string() }),
    roles: ['manager'],
    register: '',
    bank: bankOf('manager'),
    objects: (i, out: RoundView) => [`bank:${i.bankId}`, `reviewRound:${out.id}`],
    run: (ctx, input): RoundView => {
      requireBank(ctx, input.bankId);
      const period = validateOrThrow(m.period, reviewPeriodSchema, { startsOn: input.startsOn, endsOn: input.endsOn });
      const previous = latestRound(ctx.db, input.bankId);
      if (previous && previous.conclusion === '') throw new ServiceError(m.previousOpen(previous.round));
      return roundView(ctx, insertRound(ctx.db, input.bankId, period, ctx.actor.username, timestamp(ctx)));
    },
  }),
  defineHandler({
    name: 'review.panel.check',
    summary: '检查审核组是否符合要求',
    input: z.object({ bankId, members: z.array(panelMemberSchema).max(50), startsOn: z.string(), endsOn: z.string() }),
    roles: ['manager'],
    register: '',
    bank: bankOf('manager'),
    run: (ctx, input): PanelView => {
      requireBank(ctx, input.bankId);
      const period = validateOrThrow(m.period, reviewPeriodSchema, { startsOn: input.startsOn, endsOn: input.endsOn });
      return panelView(panelCandidates(ctx, input.bankId, input.members), period);
    },
  }),
  defineHandler({
    name: 'review.panel.set',
    summary: '组成审核组',
    /** The panel is saved even when a rule is broken (it is being composed); the violations block the sign-off. */
    input: z.object({ bankId, roundId, members: z.array(panelMemberSchema).max(50), startsOn: z.string().optional(), endsOn: z.string().optional() }),
    roles: ['manager'],
    register: '权限',
    bank: bankOf('manager'),
    objects: (i) => [`reviewRound:${i.roundId}`, ...i.members.map((x) => `person:${x.personId}`)],
    run: (ctx, input): RoundView => {
      const round = openRoundOfBank(ctx, input.bankId, input.roundId);
      if (input.startsOn !== undefined || input.endsOn !== undefined) {
        const period = validateOrThrow(m.period, reviewPeriodSchema, { startsOn: input.startsOn ?? round.startsOn, endsOn: input.endsOn ?? round.endsOn });
        setRoundPeriod(ctx.db, round.id, period);
      }
      const candidates = panelCandidates(ctx, round.bankId, input.members);
      setPanel(ctx.db, round.id, candidates.map((c) => ({ personId: c.personId, category: c.category ?? '', leader: c.leader })));
      return roundView(ctx, requireRound(ctx, round.id));
    },
  }),
  defineHandler({
    name: 'review.workspace',
    summary: '调阅审核材料（细目表、试题、试卷）',
    input: z.object({ bankId, roundId: roundId.optional() }),
    roles: ['manager', 'reviewer'],
    register: '调阅',
    secret: true,
    bank: bankOf('manager', 'reviewer'),
    objects: (i, out: Workspace) => [`bank:${i.bankId}`, `reviewRound:${out.round.id}`, ...out.items.map((x) => `item:${x.itemId}@${x.version}`)],
    run: (ctx, input): Workspace => {
      requireBank(ctx, input.bankId);
      const round = roundOfBank(ctx, input.bankId, input.roundId);
      const panel = listPanel(ctx.db, round.id);
      const mine = ctx.actor.roles.includes('reviewer') ? panel.find((p) => p.personId === actorPersonId(ctx)) : undefined;
      if (!mine && !ctx.actor.roles.includes('manager')) requirePanelMember(ctx, round);
      const sets = assignedSets(ctx, round.bankId);
      const items = assignment(sets).map(({ itemId, version }) => {
        const now = getItemSummary(ctx.db, itemId);
        return { itemId, version, code: itemCode(itemId), state: now.state, latestVersion: now.version, item: getVersion(ctx.db, itemId, version) };
      });
      return {
        round: roundView(ctx, round),
        me: mine ? { personId: mine.personId, leader: mine.leader } : null,
        sets,
        items,
        verdicts: verdictViews(ctx, round.id),
        notes: listNotes(ctx.db, round.id).map((n) => ({ id: n.id, personId: n.personId, name: personName(ctx, n.personId), document: n.document, text: n.text, at: n.at, answer: n.answer })),
        conclusions: listConclusions(ctx.db, round.id).map((c) => ({ ...c, name: personName(ctx, c.personId) })),
      };
    },
  }),
  defineHandler({
    name: 'review.verdicts',
    summary: '录入试题审核意见',
    input: z.object({ bankId, roundId, verdicts: z.array(z.unknown()).min(1).max(5000) }),
    roles: ['reviewer'],
    register: '',
    bank: bankOf('reviewer'),
    objects: (i) => [`reviewRound:${i.roundId}`],
    detail: (i) => `${String(i.verdicts.length)} 条`,
    run: (ctx, input): { recorded: number; remaining: number } => {
      const round = openRoundOfBank(ctx, input.bankId, input.roundId);
      const me = requirePanelMember(ctx, round);
      const work = assignment(assignedSets(ctx, round.bankId));
      const inWork = new Set(work.map((w) => `${String(w.itemId)}@${String(w.version)}`));
      const at = timestamp(ctx);
      for (const raw of input.verdicts) {
        const v = validateOrThrow('审核意见', verdictInputSchema, raw);
        if (!inWork.has(`${String(v.itemId)}@${String(v.version)}`)) throw new ServiceError(m.notInAssignment(`${itemCode(v.itemId)} 第 ${String(v.version)} 版`));
        upsertVerdict(ctx.db, { roundId: round.id, itemId: v.itemId, version: v.version, personId: me.personId, verdict: v.verdict, comment: v.comment }, ctx.actor.username, at);
      }
      const all = listVerdicts(ctx.db, round.id);
      return { recorded: input.verdicts.length, remaining: unjudged(work, all.filter((v) => v.personId === me.personId), all).length };
    },
  }),
  defineHandler({
    name: 'review.note',
    summary: '对审核材料提出意见',
    input: z.object({ bankId, roundId, document: z.string().trim().min(1, { error: m.documentRequired }).max(100), text: z.string().trim().min(2).max(5000) }),
    roles: ['reviewer'],
    register: '',
    bank: bankOf('reviewer'),
    objects: (i, out: { id: number }) => [`reviewRound:${i.roundId}`, `reviewNote:${out.id}`],
    run: (ctx, input): { id: number } => {
      const round = openRoundOfBank(ctx, input.bankId, input.roundId);
      const me = requirePanelMember(ctx, round);
      return { id: insertNote(ctx.db, { roundId: round.id, personId: me.personId, document: input.document, text: input.text }, ctx.actor.username, timestamp(ctx)) };
    },
  }),
  defineHandler({
    name: 'review.conclude',
    summary: '给出本人的审核结论',
    input: z.object({ bankId, roundId, conclusion: z.enum(VERDICTS), opinion: z.string().trim().max(5000).default('') }),
    roles: ['reviewer'],
    register: '',
    bank: bankOf('reviewer'),
    objects: (i) => [`reviewRound:${i.roundId}`],
    detail: (i) => i.conclusion,
    run: (ctx, input): { remaining: number } => {
      const round = openRoundOfBank(ctx, input.bankId, input.roundId);
      const me = requirePanelMember(ctx, round);
      const work = assignment(assignedSets(ctx, round.bankId));
      const left = unjudged(work, listVerdicts(ctx.db, round.id).filter((v) => v.personId === me.personId), listVerdicts(ctx.db, round.id)).length;
      if (left > 0) throw new ServiceError(m.unjudged(personName(ctx, me.personId), left));
      upsertConclusion(ctx.db, round.id, { personId: me.personId, conclusion: input.conclusion, opinion: input.opinion, at: timestamp(ctx) });
      return { remaining: 0 };
    },
  }),
  defineHandler({
    name: 'review.finalize',
    summary: '审核组长签署审核结论',
    input: z.object({
      bankId,
      roundId,
      conclusion: z.enum(VERDICTS),
      opinion: z.string().trim().min(2).max(5000),
      checklist: z.array(z.object({ item: z.string().trim().min(1).max(200), result: z.enum(['符合', '基本符合', '不符合', '']) })).max(30).optional(),
    }),
    roles: ['reviewer'],
    register: '',
    bank: bankOf('reviewer'),
    objects: (i) => [`reviewRound:${i.roundId}`],
    detail: (i) => i.conclusion,
    run: (ctx, input): RoundView => {
      const round = openRoundOfBank(ctx, input.bankId, input.roundId);
      const me = requirePanelMember(ctx, round);
      if (!me.leader) throw new ServiceError(m.notLeader(round.round));
      const done = new Set(listConclusions(ctx.db, round.id).map((c) => c.personId));
      const missing = listPanel(ctx.db, round.id).filter((p) => !done.has(p.personId));
      if (missing.length > 0) throw new ServiceError(m.missingConclusions(missing.map((p) => personName(ctx, p.personId))));
      const checklist = input.checklist ?? round.checklist;
      setRoundConclusion(ctx.db, round.id, { conclusion: input.conclusion, opinion: input.opinion, checklist }, ctx.actor.username, timestamp(ctx));
      return roundView(ctx, requireRound(ctx, round.id));
    },
  }),
);

