/**
 * Theory items (理论知识试题): 判断题 (√/×), 单项选择题 (4 options, one key), 多项选择题 (4–5 options,
 * 2 or more keys). Each is bound to a 鉴定点 by its full code and has a difficulty 1 (易) … 5 (难).
 *
 * 待归类 (unbound): an item imported from an old paper that gave no 鉴定点 (and maybe no 难度) is kept as
 * a 草稿 with `element: ''` (UNBOUND_ELEMENT) and, without a 难度, `difficulty: 0` (UNRATED_DIFFICULTY).
 * Only `theoryItemDraftSchema` accepts these two values (the store reads every body through it, the
 * import and the edit of an unbound item validate with it); `theoryItemSchema` is the schema of an item
 * fit for review. `classificationGaps` names what is missing: such an item cannot leave 草稿
 * (workflow.ts), is never eligible for assembly and never saved in another state (services/items).
 */
import { z } from 'zod';
import { ELEMENT_CODE, elementCodeSchema } from './element-table.js';
import { problem, type Problem } from './validation.js';

export const THEORY_ITEM_TYPES = ['trueFalse', 'singleChoice', 'multipleChoice'] as const;
export type TheoryItemType = (typeof THEORY_ITEM_TYPES)[number];

export const theoryItemTypeNames: Readonly<Record<TheoryItemType, string>> = {
  trueFalse: '判断题',
  singleChoice: '单项选择题',
  multipleChoice: '多项选择题',
};

export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

const stem = z.string().trim().min(1).max(2000);
const option = z.string().trim().min(1).max(500);
const imageRef = z.string().regex(/^[0-9a-f]{64}$/, { error: '图片引用应为 SHA-256 内容摘要' });

const common = {
  element: elementCodeSchema,
  difficulty: z.number().int().min(1).max(5),
  explanation: z.string().trim().max(2000).default(''),
  images: z.array(imageRef).default([]),
};

export const trueFalseItemSchema = z.object({
  type: z.literal('trueFalse'),
  stem,
  key: z.boolean({ error: '判断题答案必须是 √（正确）或 ×（错误）' }),
  ...common,
});

export const singleChoiceItemSchema = z.object({
  type: z.literal('singleChoice'),
  stem,
  options: z.array(option).length(4),
  key: z.enum(['A', 'B', 'C', 'D'], { error: '单项选择题答案必须是 A、B、C、D 之一' }),
  ...common,
});

export const multipleChoiceItemSchema = z.object({
  type: z.literal('multipleChoice'),
  stem,
  options: z.array(option).min(4).max(5),
  key: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-E]{2,5}$/, { error: '多项选择题答案应为 2–5 个字母（如 ABD）' })
    .transform((k) => [...k].sort().join('')),
  ...common,
});

export const theoryItemSchema = z.discriminatedUnion(
  'type',
  [trueFalseItemSchema, singleChoiceItemSchema, multipleChoiceItemSchema],
  { error: '题型必须是判断题、单项选择题或多项选择题' },
);
export type TheoryItem = z.output<typeof theoryItemSchema>;
export type TrueFalseItem = z.output<typeof trueFalseItemSchema>;
export type SingleChoiceItem = z.output<typeof singleChoiceItemSchema>;
export type MultipleChoiceItem = z.output<typeof multipleChoiceItemSchema>;

/** The 鉴定点 of a 待归类 item: none yet. */
export const UNBOUND_ELEMENT = '';
/** The 难度 of an item imported without one (and without a default for its file): not rated yet. */
export const UNRATED_DIFFICULTY = 0;

/** As elementCodeSchema (same message), but '' (UNBOUND_ELEMENT) is allowed. */
const draftElement = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => code === UNBOUND_ELEMENT || ELEMENT_CODE.test(code), { error: '鉴定点代码格式应为 A-B-C-001（每级鉴定范围一个字母，再加三位数字）' });
const draftFields = { element: draftElement, difficulty: z.number().int().min(UNRATED_DIFFICULTY).max(5) };

/** A theory item as a 草稿 may hold it: bound, or 待归类 (element '' and/or difficulty 0). */
export const theoryItemDraftSchema = z.discriminatedUnion(
  'type',
  [trueFalseItemSchema.extend(draftFields), singleChoiceItemSchema.extend(draftFields), multipleChoiceItemSchema.extend(draftFields)],
  { error: '题型必须是判断题、单项选择题或多项选择题' },
);

/** What a 待归类 item still lacks: its 鉴定点 (`element`), its 难度 (`difficulty`). */
export type ClassificationGap = 'element' | 'difficulty';

/** The gaps of an item: empty for an item bound to a 鉴定点 and rated. */
export function classificationGaps(item: { readonly element: string; readonly difficulty: number }): ClassificationGap[] {
  const gaps: ClassificationGap[] = [];
  if (item.element.trim() === UNBOUND_ELEMENT) gaps.push('element');
  if (item.difficulty === UNRATED_DIFFICULTY) gaps.push('difficulty');
  return gaps;
}

/** Whether the item is 待归类 (not bound to a 鉴定点, or not rated). */
export function isUnbound(item: { readonly element: string; readonly difficulty: number }): boolean {
  return classificationGaps(item).length > 0;
}

/** Rules zod cannot express: key letters within the options, no repeated letters, distinct options. */
export function theoryItemRules(item: TheoryItem): Problem[] {
  const problems: Problem[] = [];
  if (item.type === 'trueFalse') return problems;
  const normalized = item.options.map((o) => o.replace(/\s+/g, ''));
  normalized.forEach((o, i) => {
    const first = normalized.indexOf(o);
    if (first !== i) problems.push(problem(['options', i], `与选项${OPTION_LETTERS[first] ?? ''}相同`));
  });
  if (item.type === 'multipleChoice') {
    const letters = [...item.key];
    if (new Set(letters).size !== letters.length) problems.push(problem(['key'], '答案中有重复的字母'));
    const valid = OPTION_LETTERS.slice(0, item.options.length);
    const outside = letters.filter((l) => !valid.includes(l as (typeof OPTION_LETTERS)[number]));
    if (outside.length > 0) problems.push(problem(['key'], `答案 ${outside.join('')} 超出选项范围 A–${valid.at(-1) ?? ''}`));
  }
  return problems;
}

/** The key as printed in 标准答案: `√`/`×`, `B`, `ABD` (letters sorted). */
export function formatKey(item: TheoryItem): string {
  switch (item.type) {
    case 'trueFalse':
      return item.key ? '√' : '×';
    case 'singleChoice':
      return item.key;
    case 'multipleChoice':
      return [...item.key].sort().join('');
  }
}
