/**
 * 待归类 items (imported without 鉴定点 or 难度, app/domain/theory-item.ts): the suggested 鉴定点 of each
 * (`items.suggest`, from the bank's 细目表 and bound items) and binding one (`items.bind`: a new version
 * with its 鉴定点, and its 难度 when it had none, that makes it an ordinary 草稿).
 */
import { z } from 'zod';
import { itemGaps } from '../../domain/item.js';
import { UNRATED_DIFFICULTY, type TheoryItem } from '../../domain/theory-item.js';
import { DomainValidationError } from '../../domain/validation.js';
import { isEditable } from '../../domain/workflow.js';
import { inTransaction } from '../../store/database.js';
import { addVersion, getItem, getItemSummary, listItems, type ItemSummary } from '../../store/repositories/items.js';
import { timestamp } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler } from '../handler.js';
import { indexItemText } from '../search/handlers.js';
import { itemsMessages } from './messages.js';
import { requireItemInBank, validateOne } from './one.js';
import { bankSuggester, type Suggestion } from './suggest.js';

export const itemRef = z.object({ bankId: z.number().int().positive(), itemId: z.number().int().positive() });

export interface ItemSuggestion {
  readonly itemId: number;
  /** What the item lacks: `element` (鉴定点), `difficulty` (难度). */
  readonly gaps: readonly string[];
  /** Absent when the bank has no 细目表 or nothing scores. */
  readonly suggestion?: Suggestion;
}

export const bindHandlers = [
  /** Binds an item to a 鉴定点 (accepting a suggestion or not): a new version, back to 草稿 as any edit. */
  defineHandler({
    name: 'items.bind',
    summary: '绑定试题的鉴定点',
    input: itemRef.extend({
      element: z.string().trim().min(1),
      difficulty: z.number().int().min(1).max(5).optional(),
    }),
    roles: ['manager', 'author'],
    register: '',
    secret: true,
    bank: bankOf('manager', 'author'),
    objects: (i, out: ItemSummary) => [`bank:${i.bankId}`, `item:${i.itemId}@${out.version}`, `element:${out.binding}`],
    run: (ctx, input): ItemSummary => {
      const current = requireItemInBank(ctx, input.bankId, input.itemId);
      if (current.kind !== 'theory') throw new ServiceError(itemsMessages.notTheory(input.itemId));
      if (!isEditable(current.state)) throw new ServiceError(itemsMessages.retired(input.itemId));
      const body = getItem(ctx.db, input.itemId).body as TheoryItem;
      const difficulty = input.difficulty ?? body.difficulty;
      if (difficulty === UNRATED_DIFFICULTY) throw new ServiceError(itemsMessages.bindNeedsDifficulty(input.itemId));
      const result = validateOne(ctx, input.bankId, 'theory', { ...body, element: input.element, difficulty });
      if (!result.ok) throw new DomainValidationError(itemsMessages.item(input.itemId), result.problems);
      const item = result.value;
      const element = item.kind === 'theory' ? item.body.element : input.element;
      inTransaction(ctx.db, () => {
        addVersion(ctx.db, input.itemId, { item, state: '草稿', note: itemsMessages.bindNote(element) }, ctx.actor.username, timestamp(ctx));
        indexItemText(ctx.db, input.itemId, item);
      });
      return getItemSummary(ctx.db, input.itemId);
    },
  }),
  /** The suggested 鉴定点 of the bank's 待归类 items (or of the ones named): codes and scores, no content. */
  defineHandler({
    name: 'items.suggest',
    summary: '为待归类试题建议鉴定点',
    input: z.object({ bankId: z.number().int().positive(), itemIds: z.array(z.number().int().positive()).max(20000).optional() }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    secret: true,
    bank: bankOf('manager', 'author', 'reviewer'),
    objects: (i, out: readonly ItemSuggestion[]) => [`bank:${i.bankId}`, `items:${out.length}`],
    run: (ctx, input): ItemSuggestion[] => {
      const records = listItems(ctx.db, input.bankId, { kind: 'theory' });
      const wanted = input.itemIds ? new Set(input.itemIds) : undefined;
      const targets = records.filter((r) => (wanted ? wanted.has(r.id) : itemGaps(r).length > 0));
      if (wanted) for (const id of wanted) if (!targets.some((r) => r.id === id)) requireItemInBank(ctx, input.bankId, id);
      // The other items are the examples (a named bound item is not its own).
      const examples = records.filter((r) => !targets.includes(r)).map((r) => r.body);
      const suggest = targets.length > 0 ? bankSuggester(ctx, input.bankId, examples) : undefined;
      return targets.map((r) => {
        const suggestion = suggest?.(r.body);
        return { itemId: r.id, gaps: itemGaps(r), ...(suggestion ? { suggestion } : {}) };
      });
    },
  }),
] as const;
