/**
 * The layouts item writers commonly use in Word documents (domain-formats.md §10), as patterns over
 * the lines of docx/package.ts, matched against the half-width form of a line (which has the same
 * length, so positions carry over to the original text). Headings (题型 sections, the key table) are in
 * item-sections.ts.
 *
 * Layouts recognised:
 * - text before the first 题型 heading (title, 注意事项) is skipped when the document has headings;
 * - numbered stems `1.` `1、` `1．` `（1）` `1）` `第1题`, or numbered by Word itself (docx/numbering.ts),
 *   with the 鉴定点 code in front (`A-B-C-001 1.`, `[A-B-C-001]1.`), after the number (`1.【A-B-C-001】`),
 *   at the end of the stem in brackets, or on a `【鉴定点】`/`鉴定点：` line; petroleum-style `1AA001 题干`
 *   (题号 + 鉴定范围 letters + 鉴定点 number); a 题型 tag after the number (`1.【单选题】`) and a score
 *   (`1.（2分）`) are taken off;
 * - options `A.` `A、` `A．` `Ａ．` `(A)` `A)` (or `a.` `a、` `a)` on their own line), one per line or several
 *   on a line (`A、毫米 B、厘米 C、分米 D、米`), following the stem on its line, or in a table;
 * - answers on `答案：B` / `【答案】B` / `答案 B` / `答：B` lines, in the stem's brackets `（ B ）` (the
 *   brackets are kept empty), a 判断 stem starting or ending with `（√）`/`（×）`/`（对）`/`（错误）`, or a key
 *   table after a `参考答案`/`标准答案`/`答案` heading — at the end or after each section: `1.B 2.C …`,
 *   `1-5 BCADA`, `1～3 ABD AC BC`, or a table of a 题号 row over an 答案 row (key-table.ts);
 * - optional `难度：3` (or 易…难) and `解析：…` lines (a 解析 may run over several paragraphs; `【分析】`
 *   `【详解】` too); `知识点：…`, `考点：…`, `分值：…`, `出处：…` lines are read over;
 * - items laid out as a table with a header row (题干 … 答案): docx/table-items.ts.
 */
import type { SectionType } from './item-sections.js';

export { isBareKeyHeading, isKeyHeading, sectionOf, type Section, type SectionType } from './item-sections.js';

// Line patterns.

const CODE = '[A-Z](?:-[A-Z]){0,3}-\\d{3}';
const NOISE_TOKENS = new Set(['一', '二', '三', '四', '五', '六', '总分', '得分', '评分人', '统分人', '核分人', '题号', '分数']);
const NOISE_RE = /^\s*(?:得\s*分|评\s*分\s*人|统\s*分\s*人|核\s*分\s*人|考\s*生\s*答\s*题\s*不\s*准|第\s*\d+\s*页\s*共)/;
/** Groups: 1 code, 2 `1.`, 3 `(1)`, 4 `1)`, 5 `第1题`. */
export const ITEM_RE = new RegExp(
  `^\\s*(?:[\\[【(]?(${CODE})[\\]】)]?\\s*)?(?:(\\d{1,4})\\s*[.、](?!\\d)|\\((\\d{1,4})\\)|(\\d{1,4})\\)(?![\\d)])|第\\s*(\\d{1,4})\\s*题\\s*[.、:]?)\\s*`,
);
export const PETRO_RE = /^\s*(\d{1,4})([A-Z]{2,4})(\d{3})(?=[\s\u4e00-\u9fff(])\s*/;
export const CODE_AFTER_NUMBER_RE = new RegExp(`^(?:[\\[【(]\\s*(${CODE})\\s*[\\]】)]|(${CODE})(?=\\s))\\s*`);
/** A 题型 tag or a score right after the number: `【单选题】`, `[判断]`, `（2分）`. */
export const ITEM_TAG_RE = /^(?:[[【(〔]\s*(单项选择题|多项选择题|不定项选择题|单选题|多选题|判断题|是非题|单选|多选|判断)\s*[\]】)〕]|\(\s*\d+(?:\.\d+)?\s*分\s*\))\s*/;
export const TRAILING_CODE_RE = new RegExp(`\\s*[\\[【(]\\s*(${CODE})\\s*[\\]】)]\\s*$`);
export const OPTION_RE = /^\s*(?:([A-E])\s*[.、:)]|\(([A-E])\)|([a-e])\s*[.、)])\s*/;
const TAG_WORDS = '答案|正确答案|参考答案|标准答案|难度|难度等级|难易程度|解析|答案解析|试题解析|鉴定点|鉴定点代码|考核点';
export const TAG_RE = new RegExp(`[【\\[]\\s*(${TAG_WORDS}|分析|详解|点评|评析)\\s*[】\\]]\\s*:?|(${TAG_WORDS})\\s*:`, 'g');
/** Tags only at the start of a line: `答：B`, `答案 B` (no colon), and tags read over (`知识点：…`). */
const READ_OVER = '知识点|考点|分值|出处|来源|章节|备注';
const LINE_TAG_RE = new RegExp(
  `^\\s*(?:(答)\\s*:|(正确答案|参考答案|标准答案|答案)\\s*(?:为|是)?\\s*(?=[A-Ea-e√×✓✗对错正确错误])|[【\\[]\\s*(?:${READ_OVER})\\s*[】\\]]\\s*:?|(?:${READ_OVER})\\s*:)`,
);
const TF_MARK = '√|✓|✔|×|✗|✘|╳|X|x|对|错|正确|错误';
export const TF_LEADING_RE = new RegExp(`^\\s*\\(\\s*(${TF_MARK})?\\s*\\)\\s*`);
export const TF_TRAILING_RE = new RegExp(`\\s*\\(\\s*(${TF_MARK})?\\s*\\)\\s*$`);
export const STEM_KEY_RE = /\(\s*([A-Ea-e](?:\s*[、,]?\s*[A-Ea-e]){0,4})\s*\)/g;

export type NumberStyle = 'plain' | 'paren' | 'half' | 'di';

/** The number and style of an item line matched by ITEM_RE. */
export function itemNumber(match: RegExpExecArray): { number: number; style: NumberStyle } {
  if (match[3] !== undefined) return { number: Number(match[3]), style: 'paren' };
  if (match[4] !== undefined) return { number: Number(match[4]), style: 'half' };
  if (match[5] !== undefined) return { number: Number(match[5]), style: 'di' };
  return { number: Number(match[2]), style: 'plain' };
}

const TYPE_TAGS: Readonly<Record<string, SectionType>> = {
  单项选择题: 'singleChoice',
  单选题: 'singleChoice',
  单选: 'singleChoice',
  多项选择题: 'multipleChoice',
  多选题: 'multipleChoice',
  多选: 'multipleChoice',
  不定项选择题: 'choice',
  判断题: 'trueFalse',
  是非题: 'trueFalse',
  判断: 'trueFalse',
};

/** The 题型 of a tag matched by ITEM_TAG_RE (undefined for a score). */
export function itemTagType(match: RegExpExecArray): SectionType | undefined {
  return match[1] === undefined ? undefined : TYPE_TAGS[match[1]];
}

/** A tag in a line (`at`…`end` is the tag itself, its value follows): 答案, 难度, 解析, 鉴定点 or one read over (''). */
export interface LineTag {
  at: number;
  end: number;
  word: string;
}

/** The tags of a line from `offset` on: a line-start tag, then the tags anywhere (TAG_RE). */
export function lineTags(m: string, offset: number): LineTag[] {
  const tags: LineTag[] = [];
  const start = LINE_TAG_RE.exec(m.slice(offset));
  if (start) tags.push({ at: offset, end: offset + start[0].length, word: start[1] !== undefined ? '答案' : (start[2] ?? '') });
  const from = start ? offset + start[0].length : offset;
  for (const t of m.slice(from).matchAll(TAG_RE)) {
    const word = t[1] ?? t[2] ?? '';
    tags.push({ at: from + t.index, end: from + t.index + t[0].length, word: /分析|详解|点评|评析/.test(word) && !/解析/.test(word) ? '解析' : word });
  }
  return tags;
}

/** Score boxes and page furniture (`得分`, `评分人`, `第 1 页 共 4 页`). */
export function isNoise(m: string): boolean {
  if (NOISE_RE.test(m)) return true;
  const tokens = m.split(/\s+/).filter((s) => s !== '');
  return tokens.length > 0 && tokens.every((t) => NOISE_TOKENS.has(t));
}

/** Finds the next option marker for `letter` from `from`: after white space, else right after text. */
function findMarker(m: string, letter: string, from: number): { at: number; end: number } | undefined {
  if (/[a-e]/.test(letter)) {
    // Lower-case markers only with their punctuation: `b.` `b、` `b)`.
    const lower = new RegExp(`(?:^|\\s)(${letter}\\s*[.、)])\\s*`, 'g');
    lower.lastIndex = from;
    const l = lower.exec(m);
    return l ? { at: l.index + l[0].indexOf(l[1] ?? letter), end: l.index + l[0].length } : undefined;
  }
  const spaced = new RegExp(`\\s(?:${letter}\\s*[.、:)]|\\(${letter}\\))\\s*`, 'g');
  spaced.lastIndex = from;
  const s = spaced.exec(m);
  if (s) return { at: s.index + 1, end: s.index + s[0].length };
  const tight = new RegExp(`(?<![A-Za-z0-9])${letter}[.、]\\s*`, 'g');
  tight.lastIndex = from;
  const t = tight.exec(m);
  return t ? { at: t.index, end: t.index + t[0].length } : undefined;
}

/**
 * `A、毫米 B、厘米 C、分米 D、米` → four options; `first` is the letter of the marker at `start` (0 = A);
 * `lower` when the markers are lower-case (`a. b. c. d.`).
 */
export function splitOptions(m: string, line: string, first: number, contentStart: number, lower = false): { letter: number; text: string }[] {
  const out: { letter: number; text: string }[] = [];
  let letter = first;
  let start = contentStart;
  for (;;) {
    const next = letter < 4 ? findMarker(m, String.fromCharCode((lower ? 98 : 66) + letter), start) : undefined;
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
