/**
 * Saving new items into a bank: every item with its first version and its search text, in one
 * transaction (all or none). Used by the batch add handlers and by the import. A 待归类 item (no
 * 鉴定点 or no 难度 yet) is only ever saved as a 草稿.
 */
import type { ItemState } from '../../domain/bank.js';
import { itemColumns, itemGaps, type Item } from '../../domain/item.js';
import { inTransaction } from '../../store/database.js';
import { insertItem } from '../../store/repositories/items.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { indexItemTexts } from '../search/handlers.js';
import { itemsMessages } from './messages.js';

/** Refuses to save a 待归类 item in any state but 草稿. */
export function requireDraftIfUnbound(items: readonly Item[], state: ItemState): void {
  if (state !== '草稿' && items.some((item) => itemGaps(itemColumns(item)).length > 0)) throw new ServiceError(itemsMessages.unboundNotDraft);
}

/** Inserts `items` (already checked) in this order; returns their new ids. */
export function saveItems(ctx: ServiceContext, bankId: number, items: readonly Item[], state: ItemState, at = timestamp(ctx)): number[] {
  requireDraftIfUnbound(items, state);
  return inTransaction(ctx.db, () => {
    const saved = items.map((item) => ({ itemId: insertItem(ctx.db, { bankId, state, item }, ctx.actor.username, at), item }));
    indexItemTexts(ctx.db, saved);
    return saved.map((s) => s.itemId);
  });
}
