/**
 * The layouts item writers commonly use in Word documents (domain-formats.md §10), as patterns over
 * the lines of docx/package.ts, matched against the half-width form of a line (which has the same
 * length, so positions carry over to the original text).
 *
 * Layouts recognised:
 * - section headings by 题型: `一、判断题`, `二、单项选择题（第21题～第160题…）`, `三、多项选择题`, `（一）判断题`,
 *   `第一部分 判断题`; `选择题` sections decide single/multiple from the key; text before the first heading
 *   (title, 注意事项) is skipped when the document has headings;
 * - numbered stems `1.` `1、` `1．` `（1）`, with the 鉴定点 code in front (`A-B-C-001 1.`, `[A-B-C-001]1.`),
 *   after the number (`1.【A-B-C-001】`), at the end of the stem in brackets, or on a `【鉴定点】`/`鉴定点：`
 *   line; petroleum-style `1AA001 题干` (题号 + 鉴定范围 letters + 鉴定点 number);
 * - options `A.` `A、` `A．` `Ａ．` `(A)`, one per line or several on a line (`A、毫米 B、厘米 C、分米 D、米`), or
 *   following the stem on its line;
 * - answers on `答案：B` / `【答案】B` lines, in the stem's brackets `（ B ）` (the brackets are kept empty),
 *   a 判断 stem starting or ending with `（√）`/`（×）`, or a key table after a `参考答案`/`标准答案` heading:
 *   `1.B 2.C …`, `1-5 BCADA`, `1～3 ABD AC BC`, or a table of a 题号 row over an 答案 row;
 * - optional `难度：3` (or 易…难) and `解析：…` lines (a 解析 may run over several paragraphs).
 */
import type { TheoryItemType } from '../../domain/theory-item.js';

// Line patterns.

const CODE = '[A-Z](?:-[A-Z]){0,3}-\\d{3}';
const NUMERALS = '[一二三四五六七八九十]+';
const SECTION_WORDS: readonly [string, SectionType][] = [
  ['单项选择题', 'singleChoice'],
  ['单项选择', 'singleChoice'],
  ['单选题', 'singleChoice'],
  ['多项选择题', 'multipleChoice'],
  ['多项选择', 'multipleChoice'],
  ['多选题', 'multipleChoice'],
  ['判断题', 'trueFalse'],
  ['是非题', 'trueFalse'],
  ['判断', 'trueFalse'],
  ['选择题', 'choice'],
  ['填空题', 'unsupported'],
  ['简答题', 'unsupported'],
  ['问答题', 'unsupported'],
  ['计算题', 'unsupported'],
  ['论述题', 'unsupported'],
  ['案例分析题', 'unsupported'],
  ['名词解释', 'unsupported'],
  ['综合题', 'unsupported'],
  ['作图题', 'unsupported'],
  ['识图题', 'unsupported'],
];
const SECTION_RE = new RegExp(
  `^\\s*((?:${NUMERALS}\\s*[、.]|\\(${NUMERALS}\\)|第${NUMERALS}(?:部分|大题|节)[、.:]?)?\\s*(${SECTION_WORDS.map(([w]) => w).join('|')}))(.*)$`,
);
const KEY_HEADING_RE = new RegExp(`^(?:${NUMERALS}[、.])?[^\\d()]{0,30}?(?:参考答案|标准答案)(?:及评分标准|与评分标准|和评分标准|及解析)?$`);
const NOISE_TOKENS = new Set(['一', '二', '三', '四', '五', '六', '总分', '得分', '评分人', '统分人', '核分人', '题号', '分数']);
const NOISE_RE = /^\s*(?:得\s*分|评\s*分\s*人|统\s*分\s*人|核\s*分\s*人|考\s*生\s*答\s*题\s*不\s*准|第\s*\d+\s*页\s*共)/;
export const ITEM_RE = new RegExp(`^\\s*(?:[\\[【(]?(${CODE})[\\]】)]?\\s*)?(?:(\\d{1,4})\\s*[.、](?!\\d)|\\((\\d{1,4})\\))\\s*`);
export const PETRO_RE = /^\s*(\d{1,4})([A-Z]{2,4})(\d{3})(?=[\s\u4e00-\u9fff(])\s*/;
export const CODE_AFTER_NUMBER_RE = new RegExp(`^(?:[\\[【(]\\s*(${CODE})\\s*[\\]】)]|(${CODE})(?=\\s))\\s*`);
export const TRAILING_CODE_RE = new RegExp(`\\s*[\\[【(]\\s*(${CODE})\\s*[\\]】)]\\s*$`);
export const OPTION_RE = /^\s*(?:([A-E])\s*[.、:)]|\(([A-E])\))\s*/;
const TAG_WORDS = '答案|正确答案|参考答案|标准答案|难度|难度等级|解析|答案解析|试题解析|鉴定点|鉴定点代码|考核点';
export const TAG_RE = new RegExp(`[【\\[]\\s*(${TAG_WORDS})\\s*[】\\]]\\s*:?|(${TAG_WORDS})\\s*:`, 'g');
const TF_MARK = '√|✓|✔|×|✗|✘|╳|X|x|对|错';
export const TF_LEADING_RE = new RegExp(`^\\s*\\(\\s*(${TF_MARK})?\\s*\\)\\s*`);
export const TF_TRAILING_RE = new RegExp(`\\s*\\(\\s*(${TF_MARK})?\\s*\\)\\s*$`);
export const STEM_KEY_RE = /\(\s*([A-Ea-e](?:\s*[、,]?\s*[A-Ea-e]){0,4})\s*\)/g;

export type SectionType = TheoryItemType | 'choice' | 'unsupported';
export type NumberStyle = 'plain' | 'paren';

/** A 题型 heading: `二、单项选择题（第21题～第160题…）`. */
export interface Section {
  ordinal: number;
  name: string;
  word: string;
  type: SectionType;
}

/** The 题型 heading on this line (`m` is its half-width form), if it is one. */
export function sectionOf(m: string, ordinal: number, original: string): Section | undefined {
  const match = SECTION_RE.exec(m);
  if (!match) return undefined;
  const head = match[1] ?? '';
  const word = match[2] ?? '';
  const rest = (match[3] ?? '').trim();
  const numbered = head.trim() !== word;
  // Without a numeral (`判断题`) the heading must stand alone or be followed by its note in brackets.
  if (!numbered && rest !== '' && !/^[(:【[]/.test(rest)) return undefined;
  const type = SECTION_WORDS.find(([w]) => w === word)?.[1] ?? 'unsupported';
  return { ordinal, name: original.slice(0, head.length).trim(), word, type };
}

/** A `参考答案` / `标准答案` heading: the key table starts below it. */
export function isKeyHeading(m: string): boolean {
  const t = m.replace(/[【】[\]\s]/g, '').replace(/:$/, '');
  if (KEY_HEADING_RE.test(t)) return true;
  return m.trim() === '答案';
}

/** Score boxes and page furniture (`得分`, `评分人`, `第 1 页 共 4 页`). */
export function isNoise(m: string): boolean {
  if (NOISE_RE.test(m)) return true;
  const tokens = m.split(/\s+/).filter((s) => s !== '');
  return tokens.length > 0 && tokens.every((t) => NOISE_TOKENS.has(t));
}

/** Finds the next option marker for `letter` from `from`: after white space, else right after text. */
function findMarker(m: string, letter: string, from: number): { at: number; end: number } | undefined {
  const spaced = new RegExp(`\\s(?:${letter}\\s*[.、:)]|\\(${letter}\\))\\s*`, 'g');
  spaced.lastIndex = from;
  const s = spaced.exec(m);
  if (s) return { at: s.index + 1, end: s.index + s[0].length };
  const tight = new RegExp(`(?<![A-Za-z0-9])${letter}[.、]\\s*`, 'g');
  tight.lastIndex = from;
  const t = tight.exec(m);
  return t ? { at: t.index, end: t.index + t[0].length } : undefined;
}

/** `A、毫米 B、厘米 C、分米 D、米` → four options; `first` is the letter of the marker at `start`. */
export function splitOptions(m: string, line: string, first: number, contentStart: number): { letter: number; text: string }[] {
  const out: { letter: number; text: string }[] = [];
  let letter = first;
  let start = contentStart;
  for (;;) {
    const next = letter < 4 ? findMarker(m, String.fromCharCode(66 + letter), start) : undefined;
    if (!next) {
      out.push({ letter, text: line.slice(start).trim() });
      return out;
    }
    out.push({ letter, text: line.slice(start, next.at).trim() });
    letter += 1;
    start = next.end;
  }
}

/** Where the options start on a stem line (`1. 题干（ ）。A、… B、…`): an A marker followed by a B marker. */
export function inlineOptionsStart(m: string, from: number): { at: number; end: number } | undefined {
  const a = findMarker(m, 'A', Math.max(0, from - 1));
  if (!a || a.at < from) return undefined;
  return findMarker(m, 'B', a.end) ? a : undefined;
}
