/**
 * Saving new items into a bank: every item with its first version and its search text, in one
 * transaction (all or none). Used by the batch add handlers and by the import.
 */
import type { ItemState } from '../../domain/bank.js';
import type { Item } from '../../domain/item.js';
import { inTransaction } from '../../store/database.js';
import { insertItem } from '../../store/repositories/items.js';
import { timestamp, type ServiceContext } from '../context.js';
import { indexItemTexts } from '../search/handlers.js';

/** Inserts `items` (already checked) in this order; returns their new ids. */
export function saveItems(ctx: ServiceContext, bankId: number, items: readonly Item[], state: ItemState, at = timestamp(ctx)): number[] {
  return inTransaction(ctx.db, () => {
    const saved = items.map((item) => ({ itemId: insertItem(ctx.db, { bankId, state, item }, ctx.actor.username, at), item }));
    indexItemTexts(ctx.db, saved);
    return saved.map((s) => s.itemId);
  });
}
