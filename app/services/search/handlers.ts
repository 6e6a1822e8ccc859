/**
 * Full-text search over stems, options and explanations (and the texts of practical tasks), with
 * filters. Chinese terms are mostly two characters, so the index covers 1- and 2-character terms
 * as well as longer ones (app/store/repositories/search.ts). Results show item text, so a search is
 * a 调阅 of the items it returns.
 */
import { z } from 'zod';
import { ITEM_STATES, type ItemState } from '../../domain/bank.js';
import { ITEM_TYPES, type Item, type ItemType } from '../../domain/item.js';
import type { WritableDB } from '../../store/database.js';
import { getItem } from '../../store/repositories/items.js';
import { replaceSearchText, replaceSearchTexts, searchItems } from '../../store/repositories/search.js';
import { itemRefs } from '../refs.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';

/** The text of an item that search looks at. */
export function searchTextOf(item: Item): string {
  const parts: string[] = [];
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string') {
      if (!['type', 'key', 'element', 'module', 'form', 'unit', 'quantity'].includes(key) && !/^[0-9a-f]{64}$/.test(v)) parts.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(item.body);
  return parts.join('\n');
}

/** Indexes the current text of an item (called on every save). */
export function indexItemText(db: WritableDB, itemId: number, item: Item): void {
  replaceSearchText(db, itemId, searchTextOf(item));
}

/** Indexes many items at once (imports, batches): the index's posting blocks are updated once each. */
export function indexItemTexts(db: WritableDB, items: Iterable<{ readonly itemId: number; readonly item: Item }>): void {
  replaceSearchTexts(db, [...items].map((i) => ({ itemId: i.itemId, text: searchTextOf(i.item) })));
}

export interface SearchHit {
  readonly id: number;
  readonly type: ItemType;
  readonly binding: string;
  readonly state: ItemState;
  readonly version: number;
  readonly difficulty: number | null;
  /** The stem or title, for the result list. */
  readonly title: string;
}

export interface SearchResponse {
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

export const searchHandlers = handlerMap(
  defineHandler({
    name: 'items.search',
    summary: '检索试题',
    input: z.object({
      bankId: z.number().int().positive(),
      text: z.string().max(200).default(''),
      type: z.enum(ITEM_TYPES).optional(),
      state: z.enum(ITEM_STATES).optional(),
      difficulty: z.number().int().min(1).max(5).optional(),
      element: z.string().trim().toUpperCase().optional(),
      version: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    roles: ['manager', 'author', 'reviewer'],
    register: '调阅',
    secret: true,
    bank: bankOf('manager', 'author', 'reviewer'),
    objects: (i, out: SearchResponse) => [`bank:${i.bankId}`, ...itemRefs(out.hits.map((h) => h.id))],
    run: (ctx, input): SearchResponse => {
      const found = searchItems(ctx.db, input);
      const hits = found.ids.map((id) => {
        const item = getItem(ctx.db, id);
        return {
          id,
          type: item.type,
          binding: item.binding,
          state: item.state,
          version: item.version,
          difficulty: item.difficulty,
          title: item.kind === 'theory' ? item.body.stem : item.body.title,
        };
      });
      return { total: found.total, hits };
    },
  }),
);
