/**
 * Item values as writers write them, read the same way from an Excel cell and from a line of a Word
 * document: 题型 判断题/判断/单选题/单项选择题/单选/多选题/多项选择题/多选; keys A, a, Ａ, `A、C`, `ACD`,
 * `A,C,D`, `（B）`, `B。`; 判断 keys √ ✓ 对 正确 T true Y 是 / × ✗ 错 错误 F false N 否; 难度 1–5 or 易/较易/中/较难/难;
 * the full 鉴定点 code an item is bound to; numbers with units.
 */
import type { TheoryItemType } from '../../domain/theory-item.js';
import { toHalfWidth } from '../../domain/text/normalise.js';

const TYPE_NAMES: Readonly<Record<string, TheoryItemType>> = {
  判断题: 'trueFalse',
  判断: 'trueFalse',
  是非题: 'trueFalse',
  单选题: 'singleChoice',
  单项选择题: 'singleChoice',
  单项选择: 'singleChoice',
  单选: 'singleChoice',
  多选题: 'multipleChoice',
  多项选择题: 'multipleChoice',
  多项选择: 'multipleChoice',
  多选: 'multipleChoice',
  truefalse: 'trueFalse',
  singlechoice: 'singleChoice',
  multiplechoice: 'multipleChoice',
};

/** `单项选择题` → `singleChoice`; undefined when not a theory item type. */
export function parseTheoryType(text: string): TheoryItemType | undefined {
  const t = toHalfWidth(text).replace(/\s+/g, '').toLowerCase();
  return TYPE_NAMES[t];
}

/**
 * Choice keys: `A`, `a`, `Ａ`, `A、C`, `ACD`, `A,C,D`, `A C D` → letters upper-cased and sorted (`ACD`).
 * Undefined when anything but the letters A–E and separators is there.
 */
export function parseChoiceKey(text: string): string | undefined {
  const letters = toHalfWidth(text)
    .toUpperCase()
    .replace(/[\s,，、;；/|和及与]+/g, '')
    .replace(/^[(【[]([A-E]+)[)】\]]$/, '$1')
    .replace(/[。.]$/, '');
  if (!/^[A-E]+$/.test(letters)) return undefined;
  return [...letters].sort().join('');
}

const TRUE_TOKENS = new Set(['√', '✓', '✔', '对', '正确', '是', 'T', 'TRUE', 'Y', 'YES', '1']);
const FALSE_TOKENS = new Set(['×', '✗', '✘', 'X', '错', '错误', '否', 'F', 'FALSE', 'N', 'NO', '0', '╳', '✕']);

/** 判断 keys: √ ✓ 对 正确 T true Y 是 → true; × ✗ 错 错误 F false N 否 → false (a boolean cell as it is). */
export function parseTrueFalseKey(value: string | boolean): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const t = toHalfWidth(value)
    .replace(/\s+/g, '')
    .replace(/^[(【[](.+)[)】\]]$/, '$1')
    .replace(/[。.]$/, '')
    .toUpperCase();
  if (TRUE_TOKENS.has(t)) return true;
  if (FALSE_TOKENS.has(t)) return false;
  return undefined;
}

/** 判断题 written as a two-option choice (正确/错误 with key A/B), as some exam systems export them. */
export const TRUE_FALSE_OPTION_PAIRS: readonly (readonly [string, string])[] = [
  ['正确', '错误'],
  ['对', '错'],
  ['√', '×'],
  ['是', '否'],
];

/** The pair of TRUE_FALSE_OPTION_PAIRS these options are, if any. */
export function trueFalseOptionPair(options: readonly string[]): readonly [string, string] | undefined {
  return TRUE_FALSE_OPTION_PAIRS.find((p) => options.length === 2 && options[0] === p[0] && options[1] === p[1]);
}

/** The key A/B of a 判断题 written as a two-option choice: A is the first option (正确), B the second. */
export function trueFalseFromLetter(text: string): boolean | undefined {
  const t = toHalfWidth(text).trim().toUpperCase();
  return t === 'A' ? true : t === 'B' ? false : undefined;
}

const DIFFICULTY_NAMES: Readonly<Record<string, number>> = { 易: 1, 容易: 1, 较易: 2, 中: 3, 中等: 3, 适中: 3, 较难: 4, 难: 5, 困难: 5 };

/**
 * 难度 1–5 (命题技术标准: 1 易 … 5 难) as a number or 易/较易/中/较难/难. A number outside 1–5 is returned
 * as it is (the schema names the range); undefined when the text is neither a number nor a level name.
 */
export function parseDifficulty(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const t = toHalfWidth(value).replace(/\s+/g, '');
  if (t === '') return undefined;
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return Number(t);
  return DIFFICULTY_NAMES[t];
}

const FULL_CODE_IN_TEXT = /^[[【(]?\s*([A-Za-z](?:\s*-\s*[A-Za-z]){0,3}\s*-\s*\d{3})(?![\d])/;

/**
 * The full 鉴定点 code an item is bound to (`fullCode` of the 细目表), as written: `A-B-C-001`,
 * `a-b-c-001`, full-width `Ａ－Ｂ－Ｃ－００１`, `[A-B-C-001]`, or the code followed by the element's name
 * (`A-B-C-001 图纸幅面`). Text without a code is returned trimmed (the schema reports it).
 */
export function parseFullElementCode(text: string): string {
  const t = toHalfWidth(text).trim();
  const m = FULL_CODE_IN_TEXT.exec(t);
  if (m?.[1] === undefined) return t;
  return m[1].replace(/\s+/g, '').toUpperCase();
}

/** A number written in a cell: `60`, `60分`, `120 分钟`, `１２０`; NaN when it is not one. */
export function parseNumber(value: string | number): number {
  if (typeof value === 'number') return value;
  const t = toHalfWidth(value)
    .replace(/\s+/g, '')
    .replace(/(分钟|min|分|minutes?)$/i, '');
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}
