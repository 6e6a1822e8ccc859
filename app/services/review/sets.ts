/**
 * The sets after a review: an item judged 不通过 cannot stay in a set that goes to the province, and an
 * item judged 修改后通过 must be there in its revised version. `review.replace` makes the replacing set
 * (a draft pinning the revised version, or another eligible item in the same place, points and section
 * unchanged), voids the replaced one and reports the change; the new set is approved again by a reviewer
 * (四眼原则, papers.approve). The same rules refuse the approval of a set that still carries such an item.
 */
import { z } from 'zod';
import { itemVerdicts, setBlockers, type SetBlocker } from '../../domain/review/verdicts.js';
import { getItemSummary } from '../../store/repositories/items.js';
import { getPaper, insertPaper, insertRun, listPaperItems, voidPaper, type PaperRecord } from '../../store/repositories/papers.js';
import { listBankVerdicts } from '../../store/repositories/review.js';
import { paperKindNames } from '../../domain/paper.js';
import { requireBank } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { assignedSets, itemCode, setItems } from './assignment.js';
import { reviewMessages as m } from './messages.js';

/** What keeps the bank's current sets from being signed off. */
export function currentBlockers(ctx: ServiceContext, bankId: number): SetBlocker[] {
  return setBlockers(setItems(assignedSets(ctx, bankId)), listBankVerdicts(ctx.db, bankId));
}

/** The blockers of one paper (refuses its approval). */
export function paperBlockers(ctx: ServiceContext, paper: PaperRecord): SetBlocker[] {
  const items = listPaperItems(ctx.db, paper.id).map((i) => ({
    paperId: paper.id,
    setLabel: paper.setLabel,
    kindName: paperKindNames[paper.kind],
    itemId: i.itemId,
    version: i.version,
    code: itemCode(i.itemId),
  }));
  return setBlockers(items, listBankVerdicts(ctx.db, paper.bankId));
}

export interface Replacement {
  /** The new set (a draft) and the one it replaces (now voided). */
  readonly paperId: number;
  readonly replaced: number;
  readonly runId: number;
  readonly setLabel: string;
  readonly from: { readonly itemId: number; readonly version: number };
  readonly to: { readonly itemId: number; readonly version: number };
  /** `甲套：#12 第 1 版 → #12 第 2 版`. */
  readonly change: string;
}

const ref = (r: { itemId: number; version: number }) => `${itemCode(r.itemId)} 第 ${String(r.version)} 版`;

/** Makes the replacing set; call inside the handler's transaction. */
export function replaceInSet(ctx: ServiceContext, bankId: number, paperId: number, itemId: number, withItemId: number | undefined): Replacement {
  const paper = getPaper(ctx.db, paperId);
  if (paper.bankId !== bankId) throw new ServiceError(m.paperNotInBank(paperId, bankId));
  if (paper.status === '已作废') throw new ServiceError(m.paperVoided(paper.setLabel));
  const items = listPaperItems(ctx.db, paper.id);
  const at = items.find((i) => i.itemId === itemId);
  if (!at) throw new ServiceError(m.itemNotInPaper(itemCode(itemId), paper.setLabel));
  const rejected = itemVerdicts(listBankVerdicts(ctx.db, bankId));
  let to: { itemId: number; version: number };
  if (withItemId === undefined || withItemId === itemId) {
    const now = getItemSummary(ctx.db, itemId);
    if (now.state !== '入库' || now.version <= at.version) throw new ServiceError(m.noRevision(itemCode(itemId)));
    to = { itemId, version: now.version };
  } else {
    const other = getItemSummary(ctx.db, withItemId);
    const source = getItemSummary(ctx.db, itemId);
    if (other.bankId !== bankId || other.state !== '入库' || other.kind !== source.kind || other.type !== source.type) throw new ServiceError(m.replacementNotEligible(itemCode(withItemId)));
    if (items.some((i) => i.itemId === withItemId)) throw new ServiceError(m.replacementInPaper(itemCode(withItemId), paper.setLabel));
    const v = rejected.get(withItemId);
    if (v && v.verdict === '不通过' && v.version >= other.version) throw new ServiceError(m.replacementRejected(itemCode(withItemId)));
    to = { itemId: withItemId, version: other.version };
  }
  const from = { itemId: at.itemId, version: at.version };
  const change = m.replaced(paper.setLabel, ref(from), ref(to));
  const when = timestamp(ctx);
  const runId = insertRun(ctx.db, {
    bankId,
    kind: paper.kind,
    settings: { replace: { paperId: paper.id, itemId, withItemId: to.itemId } },
    result: { change, from, to },
    createdAt: when,
    createdBy: ctx.actor.username,
  });
  const newId = insertPaper(
    ctx.db,
    {
      bankId,
      runId,
      kind: paper.kind,
      setLabel: paper.setLabel,
      minutes: paper.minutes,
      totalPoints: paper.totalPoints,
      stats: paper.stats,
      items: items.map((i) => (i.itemId === itemId ? { ...i, itemId: to.itemId, version: to.version } : i)),
      replaces: paper.id,
    },
    ctx.actor.username,
    when,
  );
  voidPaper(ctx.db, paper.id, m.replaceNote(ref(from), ref(to)), ctx.actor.username, when);
  return { paperId: newId, replaced: paper.id, runId, setLabel: paper.setLabel, from, to, change };
}

const bankId = z.number().int().positive();

export const setHandlers = handlerMap(
  defineHandler({
    name: 'review.blockers',
    summary: '查看审核后须更新的试卷',
    input: z.object({ bankId }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    run: (ctx, input): SetBlocker[] => {
      requireBank(ctx, input.bankId);
      return currentBlockers(ctx, input.bankId);
    },
  }),
  defineHandler({
    name: 'review.replace',
    summary: '审核后更新试卷（换入修改后的版本或替换试题）',
    input: z.object({ bankId, paperId: z.number().int().positive(), itemId: z.number().int().positive(), withItemId: z.number().int().positive().optional() }),
    roles: ['manager'],
    register: '组卷',
    secret: true,
    bank: bankOf('manager'),
    objects: (i, out: Replacement) => [`bank:${i.bankId}`, `paper:${out.replaced}`, `paper:${out.paperId}`, `item:${out.from.itemId}@${out.from.version}`, `item:${out.to.itemId}@${out.to.version}`],
    detail: (_i, out: Replacement) => out.change,
    run: (ctx, input): Replacement => {
      requireBank(ctx, input.bankId);
      return replaceInSet(ctx, input.bankId, input.paperId, input.itemId, input.withItemId);
    },
  }),
);
