/**
 * An item of a bank, of any kind, told apart by `kind`: a theory item (理论知识试题), a practical
 * task (技能考核试题) or a 综合评审 item. The columns a bank is searched and filtered by (题型, the
 * 鉴定点 or 职业功能 it is bound to, difficulty) follow from the item itself (`itemColumns`), and a
 * stored body is read back through the schema of its kind (`decodeItem`). A 待归类 theory item
 * (theory-item.ts) is stored with binding '' and difficulty NULL; `itemGaps` reads that back.
 */
import { z } from 'zod';
import { comprehensiveItemSchema } from './comprehensive-item.js';
import { practicalTaskSchema } from './practical-task.js';
import { THEORY_ITEM_TYPES, theoryItemDraftSchema, UNRATED_DIFFICULTY, type ClassificationGap, type TheoryItemType } from './theory-item.js';
import { problem, validate, type Validated } from './validation.js';

export const ITEM_KINDS = ['theory', 'practical', 'comprehensive'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const itemKindNames: Readonly<Record<ItemKind, string>> = {
  theory: '理论知识',
  practical: '技能考核',
  comprehensive: '综合评审',
};

/** 题型: the three theory types, then one type each for practical tasks and 综合评审 items. */
export const ITEM_TYPES = [...THEORY_ITEM_TYPES, 'practical', 'comprehensive'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** The 题型 an item of kind K can have. */
export type ItemTypeOf<K extends ItemKind> = K extends 'theory' ? TheoryItemType : K;

const itemVariants = {
  theory: z.object({ kind: z.literal('theory'), body: theoryItemDraftSchema }),
  practical: z.object({ kind: z.literal('practical'), body: practicalTaskSchema }),
  comprehensive: z.object({ kind: z.literal('comprehensive'), body: comprehensiveItemSchema }),
};

/** `{ kind, body }` with the body checked by the schema of its kind (a theory body may be 待归类). */
export const itemSchema = z.discriminatedUnion('kind', [itemVariants.theory, itemVariants.practical, itemVariants.comprehensive]);
export type Item = z.output<typeof itemSchema>;
export type ItemOf<K extends ItemKind> = Extract<Item, { kind: K }>;
type ItemBodies = { readonly [K in ItemKind]: ItemOf<K>['body'] };
/** The body of an item of kind K (an indexed type, so that it also works for a generic K). */
export type ItemBodyOf<K extends ItemKind> = ItemBodies[K];

/** What the store keeps beside the body, derived from it (never given separately). */
export interface ItemColumns {
  readonly kind: ItemKind;
  readonly type: ItemType;
  /** The full 鉴定点 code (theory), the 职业功能 code (practical), '' (综合评审). */
  readonly binding: string;
  /** 1 (易) … 5 (难) for theory items; null otherwise, and for a theory item not rated yet. */
  readonly difficulty: number | null;
}

export function itemColumns(item: Item): ItemColumns {
  switch (item.kind) {
    case 'theory':
      return {
        kind: 'theory',
        type: item.body.type,
        binding: item.body.element,
        difficulty: item.body.difficulty === UNRATED_DIFFICULTY ? null : item.body.difficulty,
      };
    case 'practical':
      return { kind: 'practical', type: 'practical', binding: item.body.module, difficulty: null };
    case 'comprehensive':
      return { kind: 'comprehensive', type: 'comprehensive', binding: '', difficulty: null };
  }
}

/** The classification gaps of an item from its columns (theory items only: others have none). */
export function itemGaps(columns: Pick<ItemColumns, 'kind' | 'binding' | 'difficulty'>): ClassificationGap[] {
  if (columns.kind !== 'theory') return [];
  const gaps: ClassificationGap[] = [];
  if (columns.binding.trim() === '') gaps.push('element');
  if (columns.difficulty === null) gaps.push('difficulty');
  return gaps;
}

/** Parses without the Chinese error map first (a third faster); the messages are only made when it fails. */
function decodeWith<S extends z.ZodType>(schema: S, body: unknown): Validated<z.output<S>> {
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data, warnings: [] } : validate(schema, body);
}

/**
 * Reads a body back as the item of `kind` (the shape only: a stored body passed the rules when it
 * was saved). Problems name the fields that do not fit, as validation messages do.
 */
export function decodeItem(kind: string, body: unknown): Validated<Item> {
  const ok = (value: Item): Validated<Item> => ({ ok: true, value, warnings: [] });
  switch (kind) {
    case 'theory': {
      const r = decodeWith(theoryItemDraftSchema, body);
      return r.ok ? ok({ kind, body: r.value }) : r;
    }
    case 'practical': {
      const r = decodeWith(practicalTaskSchema, body);
      return r.ok ? ok({ kind, body: r.value }) : r;
    }
    case 'comprehensive': {
      const r = decodeWith(comprehensiveItemSchema, body);
      return r.ok ? ok({ kind, body: r.value }) : r;
    }
    default:
      return { ok: false, problems: [problem(['kind'], `未知的试题类别 ${kind}`)] };
  }
}
