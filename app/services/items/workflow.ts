/**
 * The review workflow of a bank's items (rules in app/domain/workflow.ts, 四眼原则 included): one step
 * (`items.transition`) and the same step for many items (`items.transitionMany`), chosen by id or by a
 * filter (state, 鉴定点 prefix, lint-clean). The batch runs each item's step as a nested
 * `items.transition` call, so every item gets its own access-log row (moved or refused) as with single
 * calls, all in the batch's one transaction. A refusal does not stop the batch: the items that may move
 * move, each refused one stays where it was and is reported with its reason.
 */
import { z } from 'zod';
import { ITEM_STATES, type ItemState } from '../../domain/bank.js';
import { itemGaps } from '../../domain/item.js';
import { DomainValidationError } from '../../domain/validation.js';
import { checkTransition, TRANSITIONS } from '../../domain/workflow.js';
import { inTransaction } from '../../store/database.js';
import { StoreError } from '../../store/errors.js';
import { rolesInBank } from '../../store/repositories/bank-members.js';
import { getItemSummary, itemAuthors, listItems, listItemSummaries, setItemState, type ItemSummary } from '../../store/repositories/items.js';
import { timestamp, type ServiceContext } from '../context.js';
import { PermissionDeniedError, ServiceError, SessionEndedError } from '../errors.js';
import { bankOf, defineHandler, invoke } from '../handler.js';
import { itemRefs } from '../refs.js';
import { itemRef } from './bind.js';
import { isLintClean, lintRecords } from './lint.js';
import { itemsMessages } from './messages.js';
import { requireItemInBank } from './one.js';

const state = z.enum(ITEM_STATES);
/** The states the step starts from: an item in another state is refused (so `入库` from 已审 never restores a 停用 one). */
const fromStates = z.array(state).min(1).optional();

/** The verb of the step from one of `from` to `to` (for messages). */
function verbOf(from: readonly ItemState[], to: ItemState): string {
  return TRANSITIONS.find((t) => from.includes(t.from) && t.to === to && t.onEvidence !== true)?.verb ?? itemsMessages.changeTo(to);
}

/** The states from which an item may go to `to`. */
function statesBefore(to: ItemState): ItemState[] {
  // a step taken only on evidence (results.return) is not one a batch may select items for
  return [...new Set(TRANSITIONS.filter((t) => t.to === to && t.onEvidence !== true).map((t) => t.from))];
}

export const transitionHandler = defineHandler({
  name: 'items.transition',
  summary: '改变试题状态',
  input: itemRef.extend({ to: state, comment: z.string().max(500).default(''), from: fromStates }),
  roles: ['manager', 'author', 'reviewer'],
  register: '',
  bank: bankOf('manager', 'author', 'reviewer'),
  objects: (i) => [`bank:${i.bankId}`, `item:${i.itemId}`, `state:${i.to}`],
  run: (ctx, input): ItemSummary => {
    const item = requireItemInBank(ctx, input.bankId, input.itemId);
    if (input.from && !input.from.includes(item.state)) {
      throw new PermissionDeniedError(itemsMessages.notFrom(item.id, item.state, verbOf(input.from, input.to), input.from));
    }
    const roles = ctx.actor.id === null ? [] : rolesInBank(ctx.db, input.bankId, ctx.actor.id);
    const isAuthor = itemAuthors(ctx.db, item.id).includes(ctx.actor.username);
    const check = checkTransition(item.state, input.to, { roles, isAuthor }, input.comment, itemGaps(item));
    if (!check.ok) throw new PermissionDeniedError(itemsMessages.refused(item.id, check.message));
    inTransaction(ctx.db, () => setItemState(ctx.db, item.id, input.to, input.comment, ctx.actor.username, timestamp(ctx)));
    return getItemSummary(ctx.db, item.id);
  },
});

const batchInput = z.object({
  bankId: z.number().int().positive(),
  to: state,
  comment: z.string().max(500).default(''),
  itemIds: z.array(z.number().int().positive()).min(1).max(20000).optional(),
  from: fromStates,
  filter: z
    .object({
      state: state.optional(),
      /** A 鉴定点 (or 职业功能) code or its beginning: `A-B` takes A-B-C-001 and A-B, not A-BC. */
      elementPrefix: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z](-[A-Z])*(-\d{3})?$/, { error: '鉴定点前缀应为代码或其开头，如 A-B 或 A-B-C-001' })
        .optional(),
      /** Only items whose item lint has no error or warning. */
      lintClean: z.boolean().default(false),
    })
    .optional(),
});
type BatchInput = z.output<typeof batchInput>;

export interface TransitionRefusal {
  readonly itemId: number;
  /** Why the item did not move (names the item and the rule). */
  readonly reason: string;
}

export interface TransitionBatch {
  readonly to: ItemState;
  /** How many items the ids or the filter chose. */
  readonly selected: number;
  readonly moved: readonly ItemSummary[];
  readonly refused: readonly TransitionRefusal[];
}

const matchesPrefix = (binding: string, prefix: string) => binding === prefix || binding.startsWith(`${prefix}-`);

/** The items the batch is about: the ids as given (each checked by its step), or those the filter finds among them or in the bank. */
function select(ctx: ServiceContext, input: BatchInput): number[] {
  const ids = input.itemIds ? [...new Set(input.itemIds)] : undefined;
  const filter = input.filter;
  if (!filter) {
    if (!ids) throw new ServiceError(itemsMessages.batchNothing);
    return ids;
  }
  const starts = input.from ?? statesBefore(input.to);
  if (filter.state !== undefined && !starts.includes(filter.state)) {
    throw new ServiceError(itemsMessages.filterStateNotFrom(filter.state, verbOf(starts, input.to), starts));
  }
  const wanted = ids ? new Set(ids) : undefined;
  const states = filter.state !== undefined ? [filter.state] : starts;
  const prefix = filter.elementPrefix;
  let chosen = listItemSummaries(ctx.db, input.bankId)
    .filter((i) => states.includes(i.state) && (!wanted || wanted.has(i.id)) && (prefix === undefined || matchesPrefix(i.binding, prefix)))
    .map((i) => i.id);
  if (filter.lintClean && chosen.length > 0) {
    const keep = new Set(chosen);
    const findings = lintRecords(ctx, input.bankId, listItems(ctx.db, input.bankId).filter((r) => keep.has(r.id)));
    chosen = chosen.filter((id) => isLintClean(findings.get(id) ?? []));
  }
  return chosen;
}

/** A refusal of one item's step (its message is for the user); anything else is a failure of the batch. */
function isRefusal(e: unknown): e is Error {
  if (e instanceof SessionEndedError) return false;
  return e instanceof ServiceError || e instanceof StoreError || e instanceof DomainValidationError;
}

export const transitionManyHandler = defineHandler({
  name: 'items.transitionMany',
  summary: '批量改变试题状态',
  input: batchInput,
  roles: ['manager', 'author', 'reviewer'],
  register: '',
  bank: bankOf('manager', 'author', 'reviewer'),
  objects: (i, out: TransitionBatch) => [`bank:${i.bankId}`, `state:${i.to}`, ...itemRefs(out.moved.map((m) => m.id))],
  detail: (_i, out: TransitionBatch) => itemsMessages.batchDetail(out.moved.length, out.refused.map((r) => r.itemId)),
  run: async (ctx, input): Promise<TransitionBatch> => {
    const ids = select(ctx, input);
    const moved: ItemSummary[] = [];
    const refused: TransitionRefusal[] = [];
    for (const itemId of ids) {
      const step = { bankId: input.bankId, itemId, to: input.to, comment: input.comment, ...(input.from ? { from: input.from } : {}) };
      try {
        moved.push(await invoke(ctx, transitionHandler, step));
      } catch (e) {
        if (!isRefusal(e)) throw e;
        refused.push({ itemId, reason: e.message });
      }
    }
    return { to: input.to, selected: ids.length, moved, refused };
  },
});
