/**
 * Headings of a Word paper, matched against the half-width form of a line (docx/item-layout.ts):
 *
 * - 题型 sections: `一、判断题`, `二、单项选择题（第21题～第160题…）`, `（一）判断题`, `第一部分 判断题`,
 *   `Ⅱ. 单选题`, `II、多选题`; in brackets `【单项选择题】`, `【 判断题 】`, `〔判断题〕`, `［多项选择题］`, `〖判断题〗`,
 *   alone or numbered (`一、【判断题】`) and followed by anything (`【单项选择题】（每题1分，共40题）`); with
 *   spaced letters (`判 断 题`). An unnumbered heading, or one numbered `1.`, must stand alone or be
 *   followed by a note (`（…）`, `：`, `每题1分`, `共20题`). `选择题` / `不定项选择题` sections decide single
 *   or multiple from their note (`只有1个` / `2个或2个以上`) or else from each item's key;
 * - the key table: `参考答案` / `标准答案` (after any title, `…及评分标准`, `…及解析`), and `答案` alone or
 *   after `试卷`/`试题` (`理论知识试题答案`, `【答案】`, `答案与解析`).
 */
import type { TheoryItemType } from '../../domain/theory-item.js';

export type SectionType = TheoryItemType | 'choice' | 'unsupported';

/** A 题型 heading: `二、单项选择题（第21题～第160题…）`. */
export interface Section {
  ordinal: number;
  name: string;
  word: string;
  type: SectionType;
}

const SECTION_WORDS: readonly [string, SectionType][] = (
  [
    ['单项选择题', 'singleChoice'],
    ['单项选择', 'singleChoice'],
    ['单选题', 'singleChoice'],
    ['单选', 'singleChoice'],
    ['多项选择题', 'multipleChoice'],
    ['多项选择', 'multipleChoice'],
    ['多选题', 'multipleChoice'],
    ['多选', 'multipleChoice'],
    ['不定项选择题', 'choice'],
    ['判断正误题', 'trueFalse'],
    ['正误判断题', 'trueFalse'],
    ['是非判断题', 'trueFalse'],
    ['判断题', 'trueFalse'],
    ['是非题', 'trueFalse'],
    ['对错题', 'trueFalse'],
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
  ] as [string, SectionType][]
).sort((a, b) => b[0].length - a[0].length);

export const NUMERALS = '[一二三四五六七八九十]+';
const ROMAN = '(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|X|IX|IV|VI{0,3}|I{1,3})';
/** Numbering that makes a heading a heading whatever follows it. */
const STRONG_NUMBERING = `(?:(?:${NUMERALS}|${ROMAN})\\s*[、.:]|\\(\\s*${NUMERALS}\\s*\\)|第\\s*${NUMERALS}\\s*(?:部分|大题|节|卷|题)?\\s*[、.:]?|第\\s*\\d{1,2}\\s*(?:部分|大题|节)\\s*[、.:]?)`;
const WEAK_NUMBERING = '\\d{1,2}\\s*[、.](?!\\d)';
/** A word with optional white space between its letters (`判 断 题`). */
const spaced = (word: string) => [...word].join('\\s*');
const WORDS = SECTION_WORDS.map(([w]) => spaced(w)).join('|');
const OPEN = '[\\[【〔〖「『《<]';
const CLOSE = '[\\]】〕〗」』》>]';
const SECTION_RE = new RegExp(`^\\s*(?:(${STRONG_NUMBERING})|(${WEAK_NUMBERING}))?\\s*(?:${OPEN}\\s*(${WORDS})\\s*${CLOSE}|(${WORDS}))(.*)$`);
/** What may follow an unnumbered heading: a note in brackets, a colon, or the usual words of a note. */
const NOTE_RE = /^\s*(?:[(:;,，、【[〔（]|每|共|本|计|满分|合计|总分|说明|注|\d+(?:\.\d+)?\s*分|\d+\s*(?:道|题|小题))/;
const WEAK_NOTE_RE = /^\s*(?:\([^)]*\)\s*[。.]?\s*$|:?\s*(?:每|共|本|满分|合计)\S*)/;
const SINGLE_NOTE = /只有\s*[1一]\s*个|唯一|单选/;
const MULTIPLE_NOTE = /多个|[2两二]\s*个或\s*[2两二]\s*个以上|至少有?\s*[2两二]\s*个|多选/;

/** The 题型 heading on this line (`m` is its half-width form), if it is one; `end` is where its name ends. */
export function sectionOf(m: string, ordinal: number, original: string): (Section & { end: number }) | undefined {
  const match = SECTION_RE.exec(m);
  if (!match) return undefined;
  const rest = match[5] ?? '';
  const bracketed = match[3] !== undefined;
  const spacedWord = (match[3] ?? match[4] ?? '').replace(/\s+/g, '');
  // Unnumbered: alone or with a note. Numbered like an item: alone or with nothing but a note
  // (`2.【单选题】（2分）题干` is an item with its 题型 tag and score).
  if (match[2] !== undefined && rest.trim() !== '' && !WEAK_NOTE_RE.test(rest)) return undefined;
  if (!bracketed && match[1] === undefined && rest.trim() !== '' && !NOTE_RE.test(rest)) return undefined;
  let type = SECTION_WORDS.find(([w]) => w === spacedWord)?.[1] ?? 'unsupported';
  if (type === 'choice') type = SINGLE_NOTE.test(rest) ? 'singleChoice' : MULTIPLE_NOTE.test(rest) ? 'multipleChoice' : 'choice';
  const end = match[0].length - rest.length;
  return { ordinal, name: original.slice(0, end).trim(), word: spacedWord, type, end };
}

const SUFFIX = '(?:及评分标准|与评分标准|和评分标准|及解析|与解析|和解析)';
const KEY_HEADING_RE = new RegExp(`^(?:${NUMERALS}[、.])?[^\\d()]{0,30}?(?:参考答案|标准答案)${SUFFIX}?$`);
const PLAIN_KEY_HEADING_RE = new RegExp(`^(?:${NUMERALS}[、.])?(?:[^\\d()]{0,20}?(?:试卷|试题|全卷|本卷|附)(?:正确)?答案${SUFFIX}?|(?:正确)?答案${SUFFIX})$`);
/** `答案：` / `【答案】` alone: an item's answer on the next line, or the key table when one follows. */
const BARE_KEY_RE = /^\s*[【[〔]?\s*(?:参考|标准|正确)?答\s*案\s*[】\]〕]?\s*:?\s*$/;

/** A `参考答案` / `标准答案` heading: the key table starts below it. */
export function isKeyHeading(m: string): boolean {
  if (m.trim() === '答案') return true;
  const t = m.replace(/[【】[\]〔〕\s]/g, '').replace(/:$/, '');
  return KEY_HEADING_RE.test(t) || PLAIN_KEY_HEADING_RE.test(t);
}

/** `答案：` or `【答案】` alone on its line: a key heading only when a key-table line follows. */
export function isBareKeyHeading(m: string): boolean {
  return BARE_KEY_RE.test(m);
}
