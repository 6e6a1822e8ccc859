/** One item of a bank: found in the bank, and validated by the rules of its kind (rules.ts). */
import type { Item, ItemKind } from '../../domain/item.js';
import type { Validated } from '../../domain/validation.js';
import { getItemSummary, type ItemSummary } from '../../store/repositories/items.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { itemsMessages } from './messages.js';
import { comprehensiveValidator, practicalValidator, theoryValidator } from './rules.js';

/** Validates one item of this kind for this bank (same rules as a batch row; `allowUnbound` for a 待归类 item). */
export function validateOne(ctx: ServiceContext, bankId: number, kind: ItemKind, body: unknown, allowUnbound = false): Validated<Item> {
  const as = <T>(r: Validated<T>, toItem: (value: T) => Item): Validated<Item> => (r.ok ? { ...r, value: toItem(r.value) } : r);
  if (kind === 'theory') return as(theoryValidator(ctx, bankId, undefined, allowUnbound)(body), (b) => ({ kind, body: b }));
  if (kind === 'practical') return as(practicalValidator(ctx, bankId)(body), (b) => ({ kind, body: b }));
  return as(comprehensiveValidator()(body), (b) => ({ kind, body: b }));
}

/** The item's summary; refused when it is not of this bank. */
export function requireItemInBank(ctx: ServiceContext, bankId: number, itemId: number): ItemSummary {
  const item = getItemSummary(ctx.db, itemId);
  if (item.bankId !== bankId) throw new ServiceError(itemsMessages.notInBank(itemId, bankId));
  return item;
}
