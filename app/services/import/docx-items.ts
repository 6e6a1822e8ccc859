/**
 * Reading theory items from a Word document (issue [C] part 4b/4c): the layouts item writers commonly
 * use (domain-formats.md §10). Parsing only: every item becomes a raw object in the shape of
 * app/domain/theory-item.ts plus the problems found while reading it; the import service validates,
 * dedupes and saves. Never throws on bad input.
 *
 * The package (ECMA-376 Part 2, OPC) is opened, checked and bounded by app/readers/docx-package.ts
 * (ZIP structure, CRC-32, sizes, XML depth and text, time; images by their bytes). The main part (ECMA-376 Part 1 §17) is read with saxes into
 * paragraphs: text of `w:t`, `w:tab` → space, `w:br`/`w:cr` → line break, `w:sym` (Wingdings ✓/✗) → √/×;
 * a table row becomes one line with its cells separated by tabs; `mc:Fallback` is skipped (its content
 * repeats `mc:Choice`); images through `a:blip r:embed` / `v:imagedata r:id` → relationship → part.
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
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { TheoryItemType } from '../../domain/theory-item.js';
import { problem, type Problem } from '../../domain/validation.js';
import { openDocxPackage, readDocxImages, type DocxImage, type DocxPackage } from '../../readers/docx-package.js';
import { Budget, ReaderError, refusalMessage } from '../../readers/errors.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../../readers/limits.js';
import { parseChoiceKey, parseDifficulty, parseElementCode, parseTrueFalseKey, toHalfWidth } from './xlsx-items.js';

export type { DocxImage } from '../../readers/docx-package.js';

export interface DocxRow {
  /** 1-based index of the item's first paragraph (every `w:p` of the body counts, table cells too). */
  paragraph: number;
  /** The 题型 heading the item stands under (`二、单项选择题`), '' when there is none. */
  section: string;
  /** Object for theoryItemSchema: `{ type, stem, options?, key, difficulty, element, explanation, images }`. */
  raw: unknown;
  problems: Problem[];
}

export interface ParsedDocument {
  rows: DocxRow[];
  /** The images the rows refer to, once each. */
  images: DocxImage[];
  problems: Problem[];
}

export const NOT_DOCX = '不是有效的 Word 文件（.docx）';

const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const R_NS = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships']);
const A_NS = new Set(['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main']);
const V_NS = 'urn:schemas-microsoft-com:vml';
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** Wingdings check marks written as `w:sym` (Word's Insert Symbol): ✓ ✔ ☑ → √, ✗ ✘ ☒ → ×. */
const SYMBOLS: Readonly<Record<string, string>> = { F0FC: '√', F0FE: '√', F0FB: '×', F0FD: '×', '00FC': '√', '00FB': '×' };

// ---------------------------------------------------------------------------------------------------
// Package and paragraphs.

interface Paragraph {
  index: number;
  text: string;
  /** Relationship ids of the images in the paragraph (`link:` prefix for linked, not embedded, ones). */
  images: string[];
  /** Id of the table row the paragraph is in, and of its cell. */
  row: number | undefined;
  cell: number | undefined;
}

/** The main document's paragraphs, in document order. Throws on XML that is not well-formed. */
function readParagraphs(xml: string, budget: Budget): Paragraph[] {
  const parser = new SaxesParser({ xmlns: true });
  const out: Paragraph[] = [];
  const open: Paragraph[] = [];
  const rows: number[] = [];
  const cells: number[] = [];
  let count = 0;
  let rowIds = 0;
  let cellIds = 0;
  let runDepth = 0;
  let textDepth = 0;
  let skipDepth = 0;
  let root = true;
  const inW = (tag: SaxesTagNS) => W_NS.has(tag.uri);
  const attr = (tag: SaxesTagNS, local: string, namespaces: ReadonlySet<string> | undefined) =>
    Object.values(tag.attributes).find((a) => a.local === local && (namespaces === undefined ? a.uri === '' || W_NS.has(a.uri) : namespaces.has(a.uri)))?.value;

  let seen = 0;
  parser.on('opentag', (tag) => {
    if ((++seen & 0x3fff) === 0) budget.check();
    if (root) {
      // ECMA-376 Part 1 §17.2.3: the main part of a WordprocessingML document is a w:document.
      if (!inW(tag) || tag.local !== 'document') throw new Error('not a WordprocessingML document');
      root = false;
    }
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    const top = open.at(-1);
    if (tag.uri === MC_NS && tag.local === 'Fallback') {
      skipDepth = 1;
      return;
    }
    if (tag.uri === V_NS && tag.local === 'imagedata') {
      const id = attr(tag, 'id', R_NS);
      if (top && id !== undefined) top.images.push(id);
      return;
    }
    if (A_NS.has(tag.uri) && tag.local === 'blip') {
      const embed = attr(tag, 'embed', R_NS);
      const link = attr(tag, 'link', R_NS);
      if (top && embed !== undefined) top.images.push(embed);
      else if (top && link !== undefined) top.images.push(`link:${link}`);
      return;
    }
    if (!inW(tag)) return;
    switch (tag.local) {
      case 'p':
        count++;
        open.push({ index: count, text: '', images: [], row: rows.at(-1), cell: cells.at(-1) });
        break;
      case 'tr':
        rows.push(++rowIds);
        break;
      case 'tc':
        cells.push(++cellIds);
        break;
      case 'r':
        runDepth++;
        break;
      case 't':
        textDepth++;
        break;
      case 'tab':
        if (runDepth > 0 && top) top.text += ' ';
        break;
      case 'br':
      case 'cr':
        if (runDepth > 0 && top) top.text += '\n';
        break;
      case 'noBreakHyphen':
        if (runDepth > 0 && top) top.text += '-';
        break;
      case 'sym': {
        const char = (attr(tag, 'char', undefined) ?? '').toUpperCase();
        if (runDepth > 0 && top) top.text += SYMBOLS[char] ?? '';
        break;
      }
      default:
        break;
    }
  });
  parser.on('closetag', (tag) => {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (!inW(tag)) return;
    switch (tag.local) {
      case 'p': {
        const p = open.pop();
        if (p) out.push(p);
        break;
      }
      case 'tr':
        rows.pop();
        break;
      case 'tc':
        cells.pop();
        break;
      case 'r':
        runDepth--;
        break;
      case 't':
        textDepth--;
        break;
      default:
        break;
    }
  });
  parser.on('text', (text) => {
    const top = open.at(-1);
    if (skipDepth === 0 && textDepth > 0 && top) top.text += text;
  });
  parser.write(xml).close();
  return out;
}

interface Line {
  paragraph: number;
  text: string;
  /** Image relationship ids, on the last line of their paragraph or table row. */
  images: string[];
}

/** Paragraphs to lines: a table row is one line (cells joined by a tab), `w:br` splits a paragraph. */
function toLines(paragraphs: readonly Paragraph[]): Line[] {
  const lines: Line[] = [];
  for (let i = 0; i < paragraphs.length; ) {
    const first = paragraphs[i] as Paragraph;
    let text = first.text;
    const images = [...first.images];
    let j = i + 1;
    if (first.row !== undefined) {
      let cell = first.cell;
      for (; j < paragraphs.length && paragraphs[j]?.row === first.row; j++) {
        const p = paragraphs[j] as Paragraph;
        text += (p.cell === cell ? ' ' : '\t') + p.text;
        cell = p.cell;
        images.push(...p.images);
      }
      text = text.replace(/\n/g, ' ');
    }
    const parts = text.split('\n');
    parts.forEach((t, k) => lines.push({ paragraph: first.index, text: t, images: k === parts.length - 1 ? images : [] }));
    i = j;
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Line patterns (matched against the half-width form of a line, which has the same length).

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
const ITEM_RE = new RegExp(`^\\s*(?:[\\[【(]?(${CODE})[\\]】)]?\\s*)?(?:(\\d{1,4})\\s*[.、](?!\\d)|\\((\\d{1,4})\\))\\s*`);
const PETRO_RE = /^\s*(\d{1,4})([A-Z]{2,4})(\d{3})(?=[\s\u4e00-\u9fff(])\s*/;
const CODE_AFTER_NUMBER_RE = new RegExp(`^(?:[\\[【(]\\s*(${CODE})\\s*[\\]】)]|(${CODE})(?=\\s))\\s*`);
const TRAILING_CODE_RE = new RegExp(`\\s*[\\[【(]\\s*(${CODE})\\s*[\\]】)]\\s*$`);
const OPTION_RE = /^\s*(?:([A-E])\s*[.、:)]|\(([A-E])\))\s*/;
const TAG_WORDS = '答案|正确答案|参考答案|标准答案|难度|难度等级|解析|答案解析|试题解析|鉴定点|鉴定点代码|考核点';
const TAG_RE = new RegExp(`[【\\[]\\s*(${TAG_WORDS})\\s*[】\\]]\\s*:?|(${TAG_WORDS})\\s*:`, 'g');
const TF_MARK = '√|✓|✔|×|✗|✘|╳|X|x|对|错';
const TF_LEADING_RE = new RegExp(`^\\s*\\(\\s*(${TF_MARK})?\\s*\\)\\s*`);
const TF_TRAILING_RE = new RegExp(`\\s*\\(\\s*(${TF_MARK})?\\s*\\)\\s*$`);
const STEM_KEY_RE = /\(\s*([A-Ea-e](?:\s*[、,]?\s*[A-Ea-e]){0,4})\s*\)/g;

type SectionType = TheoryItemType | 'choice' | 'unsupported';
type NumberStyle = 'plain' | 'paren';

interface Section {
  ordinal: number;
  name: string;
  word: string;
  type: SectionType;
}

interface Draft {
  paragraph: number;
  section: Section | undefined;
  number: number;
  stem: { text: string; paragraph: number }[];
  options: (string | undefined)[];
  optionParagraphs: number[];
  key?: { text: string; paragraph: number };
  tableKey?: { text: string; paragraph: number };
  tfMark?: string;
  difficulty?: { text: string; paragraph: number };
  element?: string;
  explanation: string[];
  images: string[];
  problems: Problem[];
  last: 'stem' | 'option' | 'explanation' | 'none';
  awaiting?: 'key' | 'difficulty' | 'element';
}

/** A problem of a draft, naming the paragraph in the message when it is not the item's first. */
function draftProblem(draft: Draft, path: (string | number)[], message: string, paragraph = draft.paragraph): Problem {
  return problem(path, paragraph === draft.paragraph ? message : `${message}（第${String(paragraph)}段）`);
}

function sectionOf(m: string, ordinal: number, original: string): Section | undefined {
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

function isKeyHeading(m: string): boolean {
  const t = m.replace(/[【】[\]\s]/g, '').replace(/:$/, '');
  if (KEY_HEADING_RE.test(t)) return true;
  return m.trim() === '答案';
}

function isNoise(m: string): boolean {
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
function splitOptions(m: string, line: string, first: number, contentStart: number): { letter: number; text: string }[] {
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
function inlineOptionsStart(m: string, from: number): { at: number; end: number } | undefined {
  const a = findMarker(m, 'A', Math.max(0, from - 1));
  if (!a || a.at < from) return undefined;
  return findMarker(m, 'B', a.end) ? a : undefined;
}

// ---------------------------------------------------------------------------------------------------
// The key table (参考答案).

interface KeyEntry {
  section: Section | undefined;
  number: number;
  text: string;
  paragraph: number;
}

const KEY_TOKEN_RE = /(\d{1,4})\s*[-~～—–]\s*(\d{1,4})|(\d{1,4})|([A-E]+|[√×✓✗✔✘╳X]+|正确|错误|对|错)/g;

interface KeyTableState {
  section: Section | undefined;
  pendingNumbers: { numbers: number[]; paragraph: number } | undefined;
  entries: KeyEntry[];
  problems: Problem[];
}

function keyTableLine(state: KeyTableState, m: string, paragraph: number): void {
  const upper = m.toUpperCase().replace(/题号|答案/g, ' ');
  type Token = { kind: 'range'; from: number; to: number } | { kind: 'number'; n: number } | { kind: 'answer'; text: string };
  const tokens: Token[] = [];
  for (const t of upper.matchAll(KEY_TOKEN_RE)) {
    if (t[1] !== undefined && t[2] !== undefined) tokens.push({ kind: 'range', from: Number(t[1]), to: Number(t[2]) });
    else if (t[3] !== undefined) tokens.push({ kind: 'number', n: Number(t[3]) });
    else if (t[4] !== undefined) tokens.push({ kind: 'answer', text: t[4] });
  }
  if (tokens.length === 0) return;
  // A 题号 row of a key table, the answers come on the next row.
  if (tokens.every((t) => t.kind === 'number') && tokens.length >= 2) {
    state.pendingNumbers = { numbers: tokens.map((t) => (t.kind === 'number' ? t.n : 0)), paragraph };
    return;
  }
  const pending = state.pendingNumbers;
  state.pendingNumbers = undefined;
  if (pending && tokens.every((t) => t.kind === 'answer') && tokens.length === pending.numbers.length) {
    pending.numbers.forEach((n, i) => {
      const t = tokens[i];
      if (t?.kind === 'answer') state.entries.push({ section: state.section, number: n, text: t.text, paragraph });
    });
    return;
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'number') {
      const next = tokens[i + 1];
      if (next?.kind === 'answer') {
        state.entries.push({ section: state.section, number: t.n, text: next.text, paragraph });
        i++;
      }
    } else if (t.kind === 'range') {
      const answers: string[] = [];
      while (tokens[i + 1]?.kind === 'answer') answers.push((tokens[++i] as { text: string }).text);
      const size = t.to - t.from + 1;
      let split: string[] | undefined;
      if (answers.length === size) split = answers;
      else if (answers.length === 1 && [...(answers[0] as string)].length === size) split = [...(answers[0] as string)];
      if (size < 1 || split === undefined) {
        state.problems.push(problem([], `参考答案第${String(paragraph)}段：“${String(t.from)}-${String(t.to)}”的答案个数与题数不符`));
        continue;
      }
      split.forEach((text, k) => state.entries.push({ section: state.section, number: t.from + k, text, paragraph }));
    }
  }
}

/** Gives each draft its key-table answer: by section when the table has 题型 headings, else by number. */
function applyKeyTable(drafts: readonly Draft[], entries: readonly KeyEntry[], problems: Problem[]): void {
  if (entries.length === 0) return;
  const bySection = new Map<number, Map<number, Draft>>();
  for (const d of drafts) {
    const s = d.section?.ordinal ?? -1;
    if (!bySection.has(s)) bySection.set(s, new Map());
    const m = bySection.get(s) as Map<number, Draft>;
    if (!m.has(d.number)) m.set(d.number, d);
  }
  const itemSections = [...bySection.keys()];
  const target = new Map<KeyEntry, Draft | undefined>();
  const numbers = drafts.map((d) => d.number);
  const byNumber = new Set(numbers).size === numbers.length ? new Map(drafts.map((d) => [d.number, d])) : undefined;

  if (entries.some((e) => e.section !== undefined)) {
    // Key sections matched to item sections of the same 题型 (or word), in order.
    const used = new Map<string, number>();
    const sectionFor = new Map<number, number | undefined>();
    for (const e of entries) {
      const ks = e.section;
      if (ks === undefined || sectionFor.has(ks.ordinal)) continue;
      const kind = ks.type === 'unsupported' ? ks.word : ks.type;
      const k = used.get(kind) ?? 0;
      used.set(kind, k + 1);
      const candidates = itemSections.filter((s) => {
        const d = [...(bySection.get(s)?.values() ?? [])][0];
        const is = d?.section;
        return is !== undefined && (is.type === 'unsupported' ? is.word : is.type) === kind;
      });
      sectionFor.set(ks.ordinal, candidates[k]);
    }
    for (const e of entries) {
      const s = e.section === undefined ? undefined : sectionFor.get(e.section.ordinal);
      // A key section without a matching item section (the items have no headings): numbers decide.
      target.set(e, (s === undefined ? undefined : bySection.get(s)?.get(e.number)) ?? byNumber?.get(e.number));
    }
  } else {
    if (byNumber !== undefined) {
      for (const e of entries) target.set(e, byNumber.get(e.number));
    } else {
      // Numbering restarts in every section: the key table's runs (split where numbers restart) in order.
      let run = 0;
      let previous = Number.POSITIVE_INFINITY;
      for (const e of entries) {
        if (e.number <= previous && previous !== Number.POSITIVE_INFINITY) run++;
        previous = e.number;
        const s = itemSections[run];
        target.set(e, s === undefined ? undefined : bySection.get(s)?.get(e.number));
      }
    }
  }
  for (const [e, d] of target) {
    if (d === undefined) problems.push(problem([], `参考答案第${String(e.number)}题（第${String(e.paragraph)}段）没有对应的试题`));
    else if (d.tableKey === undefined) d.tableKey = { text: e.text, paragraph: e.paragraph };
  }
}

// ---------------------------------------------------------------------------------------------------
// Items.

const newDraft = (paragraph: number, section: Section | undefined, number: number): Draft => ({
  paragraph,
  section,
  number,
  stem: [],
  options: [],
  optionParagraphs: [],
  explanation: [],
  images: [],
  problems: [],
  last: 'stem',
});

function addOption(draft: Draft, letter: number, text: string, paragraph: number): void {
  if (draft.options[letter] !== undefined) {
    draft.problems.push(draftProblem(draft, ['options', letter], '选项重复', paragraph));
    return;
  }
  draft.options[letter] = text;
  draft.optionParagraphs[letter] = paragraph;
  draft.last = 'option';
}

/** Options on a line that starts with a marker; false when the line does not. */
function optionLine(draft: Draft, m: string, line: string, paragraph: number): boolean {
  const o = OPTION_RE.exec(m);
  if (!o) return false;
  const letter = (o[1] ?? o[2] ?? 'A').charCodeAt(0) - 65;
  for (const opt of splitOptions(m, line, letter, o[0].length)) addOption(draft, opt.letter, opt.text, paragraph);
  return true;
}

function tagValue(draft: Draft, tag: string, value: string, paragraph: number): void {
  const v = value.trim();
  if (/答案/.test(tag)) {
    if (v === '') draft.awaiting = 'key';
    else draft.key = { text: v, paragraph };
    draft.last = 'none';
  } else if (/难度/.test(tag)) {
    if (v === '') draft.awaiting = 'difficulty';
    else draft.difficulty = { text: v, paragraph };
    draft.last = 'none';
  } else if (/解析/.test(tag)) {
    if (v !== '') draft.explanation.push(v);
    draft.last = 'explanation';
  } else {
    if (v === '') draft.awaiting = 'element';
    else draft.element = parseElementCode(v);
    draft.last = 'none';
  }
}

/** Text that is not an item start, option or tag: more stem, more explanation, or a problem. */
function continuation(draft: Draft, line: string, paragraph: number): void {
  const text = line.trim();
  if (text === '') return;
  if (draft.last === 'stem') draft.stem.push({ text, paragraph });
  else if (draft.last === 'explanation') draft.explanation.push(text);
  else draft.problems.push(draftProblem(draft, [], `无法识别的文字“${text.length > 30 ? `${text.slice(0, 30)}…` : text}”`, paragraph));
}

/** The body of a line after any item number: stem/option text, then 答案/难度/解析/鉴定点 tags. */
function content(draft: Draft, m: string, line: string, offset: number, paragraph: number, startsItem: boolean): void {
  const tags = [...m.slice(offset).matchAll(TAG_RE)].map((t) => ({ at: offset + t.index, end: offset + t.index + t[0].length, word: t[1] ?? t[2] ?? '' }));
  const bodyEnd = tags[0]?.at ?? m.length;
  const bodyM = m.slice(0, bodyEnd);
  const body = line.slice(0, bodyEnd);
  if (bodyM.slice(offset).trim() !== '') {
    if (startsItem) {
      const inline = inlineOptionsStart(bodyM, offset);
      const stemEnd = inline?.at ?? bodyEnd;
      const stem = body.slice(offset, stemEnd).trim();
      if (stem !== '') draft.stem.push({ text: stem, paragraph });
      if (inline) for (const opt of splitOptions(bodyM, body, 0, inline.end)) addOption(draft, opt.letter, opt.text, paragraph);
    } else if (!optionLine(draft, bodyM.slice(offset), body.slice(offset), paragraph)) {
      if (draft.awaiting !== undefined) {
        tagValue(draft, draft.awaiting === 'key' ? '答案' : draft.awaiting === 'difficulty' ? '难度' : '鉴定点', body.slice(offset), paragraph);
        draft.awaiting = undefined;
      } else continuation(draft, body.slice(offset), paragraph);
    }
  }
  tags.forEach((t, i) => {
    draft.awaiting = undefined;
    tagValue(draft, t.word, line.slice(t.end, tags[i + 1]?.at ?? line.length), paragraph);
  });
}

/** Removes the key written in the stem's brackets (`（ B ）` → `（ ）`); the last such bracket counts. */
function takeStemKey(stem: string): { stem: string; key?: string } {
  const m = toHalfWidth(stem);
  const found = [...m.matchAll(STEM_KEY_RE)].at(-1);
  if (!found) return { stem };
  const open = stem[found.index] as string;
  const close = stem[found.index + found[0].length - 1] as string;
  return { stem: `${stem.slice(0, found.index)}${open} ${close}${stem.slice(found.index + found[0].length)}`, key: found[1] };
}

/** Removes a leading or trailing `（√）`/`（×）`/`（ ）` from a 判断 stem; returns the mark if any. */
function takeTrueFalseMark(stem: string, blankToo: boolean): { stem: string; mark?: string } {
  for (const re of [TF_LEADING_RE, TF_TRAILING_RE]) {
    const found = re.exec(toHalfWidth(stem));
    if (found && (found[1] !== undefined || blankToo)) {
      return { stem: (stem.slice(0, found.index) + stem.slice(found.index + found[0].length)).trim(), mark: found[1] };
    }
  }
  return { stem };
}

const TRUE_FALSE_OPTION_PAIRS = [
  ['正确', '错误'],
  ['对', '错'],
  ['√', '×'],
];

function finish(draft: Draft, imageIds: Map<string, string | Problem>): DocxRow {
  const problems = draft.problems;
  const section = draft.section;
  let stem = draft.stem.map((s) => s.text).join('\n').trim();
  let element = draft.element;
  const trailing = TRAILING_CODE_RE.exec(toHalfWidth(stem));
  if (trailing) {
    if (element === undefined) element = trailing[1];
    stem = stem.slice(0, trailing.index).trim();
  }
  const options = Array.from({ length: draft.options.length }, (_, i) => draft.options[i] ?? '');
  const tfPair = TRUE_FALSE_OPTION_PAIRS.find((p) => options.length === 2 && options[0] === p[0] && options[1] === p[1]);

  // 题型: from the section, else from what the item looks like.
  let type: TheoryItemType | undefined;
  const keyTexts = [draft.key?.text, draft.tableKey?.text].filter((t): t is string => t !== undefined);
  if (section?.type === 'trueFalse' || section?.type === 'singleChoice' || section?.type === 'multipleChoice') type = section.type;
  else if (section?.type !== 'unsupported') {
    const stemKey = takeStemKey(stem).key;
    const letters = [...keyTexts, stemKey].map((t) => (t === undefined ? undefined : parseChoiceKey(t))).find((k) => k !== undefined);
    if (options.length > 0 && tfPair === undefined) type = letters !== undefined ? (letters.length > 1 ? 'multipleChoice' : 'singleChoice') : options.length > 4 ? 'multipleChoice' : 'singleChoice';
    else if (takeTrueFalseMark(stem, false).mark !== undefined || keyTexts.some((t) => parseTrueFalseKey(t) !== undefined) || tfPair !== undefined) type = 'trueFalse';
  }

  const raw: Record<string, unknown> = {};
  let key: unknown;
  let keySource: { text: string; paragraph: number } | undefined = draft.key;
  if (type === 'trueFalse') {
    const taken = takeTrueFalseMark(stem, true);
    stem = taken.stem;
    if (keySource === undefined && taken.mark !== undefined) keySource = { text: taken.mark, paragraph: draft.paragraph };
    if (options.length > 0 && tfPair === undefined) problems.push(draftProblem(draft, ['options'], '判断题不应有选项', draft.optionParagraphs.find((p) => p !== undefined)));
    const parseTf = (text: string) => (tfPair !== undefined && /^[AB]$/i.test(toHalfWidth(text).trim()) ? toHalfWidth(text).trim().toUpperCase() === 'A' : parseTrueFalseKey(text));
    key = keyFrom(draft, keySource, parseTf, problems);
  } else if (type !== undefined) {
    const taken = takeStemKey(stem);
    stem = taken.stem;
    if (keySource === undefined && taken.key !== undefined) keySource = { text: taken.key, paragraph: draft.paragraph };
    key = keyFrom(draft, keySource, parseChoiceKey, problems);
    if (type === 'singleChoice' && typeof key === 'string' && key.length > 1 && parseChoiceKey(key) !== undefined) {
      problems.push(draftProblem(draft, ['key'], `单选题只能有一个答案，写的是“${key}”`, keySource?.paragraph));
    }
  } else if (section?.type === 'unsupported') {
    problems.push(draftProblem(draft, ['type'], `无法识别“${section.word}”`));
    key = draft.key?.text ?? draft.tableKey?.text;
  } else {
    problems.push(draftProblem(draft, ['type'], '无法判断题型（没有题型标题，也看不出是判断题还是选择题）'));
    key = draft.key?.text ?? draft.tableKey?.text;
  }

  raw.type = type ?? (section?.type === 'unsupported' ? section.word : undefined);
  raw.stem = stem;
  if (type !== 'trueFalse' && (options.length > 0 || type !== undefined)) raw.options = options;
  raw.key = key;
  let difficulty: number | string | undefined;
  if (draft.difficulty !== undefined) {
    difficulty = parseDifficulty(draft.difficulty.text);
    if (difficulty === undefined) {
      problems.push(draftProblem(draft, ['difficulty'], `无法识别“${draft.difficulty.text}”（应为 1～5 或 易、较易、中、较难、难）`, draft.difficulty.paragraph));
      difficulty = draft.difficulty.text;
    }
  }
  raw.difficulty = difficulty;
  raw.element = element;
  raw.explanation = draft.explanation.join('\n').trim();
  const images: string[] = [];
  for (const id of draft.images) {
    const found = imageIds.get(id);
    if (typeof found === 'string') {
      if (!images.includes(found)) images.push(found);
    } else if (found !== undefined) problems.push(found);
  }
  raw.images = images;
  return { paragraph: draft.paragraph, section: section?.name ?? '', raw, problems };
}

/** The key from its source (answer line, brackets, or else the key table), parsed; problems named. */
function keyFrom(
  draft: Draft,
  source: { text: string; paragraph: number } | undefined,
  parse: (text: string) => string | boolean | undefined,
  problems: Problem[],
): unknown {
  const table = draft.tableKey;
  if (source !== undefined && table !== undefined) {
    const a = parse(source.text);
    const b = parse(table.text);
    if (a !== undefined && b !== undefined && a !== b) {
      problems.push(draftProblem(draft, ['key'], `答案与参考答案表不一致（试题中为“${source.text}”，参考答案为“${table.text}”）`, source.paragraph));
    }
  }
  const chosen = source ?? table;
  if (chosen === undefined) {
    problems.push(draftProblem(draft, ['key'], '缺少答案'));
    return undefined;
  }
  const parsed = parse(chosen.text);
  if (parsed === undefined) {
    problems.push(draftProblem(draft, ['key'], `无法识别“${chosen.text}”`, chosen.paragraph));
    return chosen.text;
  }
  return parsed;
}

/** Walks the lines: headings, items, options, tags, then the key table. */
function parseLines(lines: readonly Line[], problems: Problem[], budget: Budget): { drafts: Draft[]; entries: KeyEntry[] } {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let section: Section | undefined;
  let sections = 0;
  let style: NumberStyle | undefined;
  let keyMode = false;
  const keyState: KeyTableState = { section: undefined, pendingNumbers: undefined, entries: [], problems };
  // With 题型 headings above the items, whatever comes before the first one is the paper's title block
  // (注意事项 …). Headings that only appear in the key table at the end do not count.
  let firstHeading = -1;
  let firstKeyHeading = -1;
  let sawItem = false;
  lines.forEach((l, i) => {
    const m = toHalfWidth(l.text);
    if (firstHeading < 0 && sectionOf(m, 0, l.text) !== undefined) firstHeading = i;
    if (ITEM_RE.test(m)) sawItem = true;
    else if (firstKeyHeading < 0 && sawItem && isKeyHeading(m)) firstKeyHeading = i;
  });
  const hasHeadings = firstHeading >= 0 && (firstKeyHeading < 0 || firstHeading < firstKeyHeading);

  let done = 0;
  for (const line of lines) {
    if ((++done & 0x3ff) === 0) budget.check();
    const m = toHalfWidth(line.text);
    if (keyMode) {
      const s = sectionOf(m, sections, line.text);
      if (s) {
        sections++;
        keyState.section = s;
        keyState.pendingNumbers = undefined;
      } else keyTableLine(keyState, m, line.paragraph);
      continue;
    }
    if (m.trim() !== '') {
      const s = sectionOf(m, sections, line.text);
      if (s) {
        sections++;
        section = s;
        current = undefined;
        style = undefined;
      } else if (drafts.length > 0 && isKeyHeading(m)) {
        // Only after items: a title such as `…理论知识试卷及参考答案` above them is not the key table.
        keyMode = true;
        current = undefined;
      } else if (!isNoise(m) && !(hasHeadings && section === undefined)) {
        const item = ITEM_RE.exec(m);
        const petro = item ? undefined : PETRO_RE.exec(m);
        const itemStyle: NumberStyle | undefined = item ? (item[3] !== undefined ? 'paren' : 'plain') : petro ? 'plain' : undefined;
        if (itemStyle !== undefined && (style === undefined || style === itemStyle || current === undefined)) {
          style = itemStyle;
          const number = Number(item ? (item[2] ?? item[3]) : petro?.[1]);
          current = newDraft(line.paragraph, section, number);
          drafts.push(current);
          let offset = (item ?? petro)?.[0].length ?? 0;
          if (item?.[1] !== undefined) current.element = item[1];
          if (petro) current.element = `${[...(petro[2] ?? '')].join('-')}-${petro[3] ?? ''}`;
          const after = CODE_AFTER_NUMBER_RE.exec(m.slice(offset));
          if (after) {
            current.element ??= after[1] ?? after[2];
            offset += after[0].length;
          }
          content(current, m, line.text, offset, line.paragraph, true);
        } else if (current) content(current, m, line.text, 0, line.paragraph, false);
      }
    }
    if (current && line.images.length > 0) current.images.push(...line.images);
  }
  return { drafts, entries: keyState.entries };
}

/** Bounds for tests; the import uses the defaults. */
export interface DocxReadOptions {
  readonly limits?: ReaderLimits;
  readonly clock?: () => number;
}

/**
 * Reads the theory items of a .docx. Never throws for bad input: a file that is not a Word document, or
 * passes a bound of readers/limits.ts, is a file-level problem; an item that cannot be read is a row
 * with problems (an image that is not PNG/JPEG, or too large, is a problem of its item).
 */
export async function parseItemDocx(bytes: Uint8Array, options: DocxReadOptions = {}): Promise<ParsedDocument> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const budget = new Budget(limits, options.clock);
  const refused = (message: string): ParsedDocument => ({ rows: [], images: [], problems: [problem([], message)] });
  let pkg: DocxPackage;
  let paragraphs: Paragraph[];
  try {
    pkg = openDocxPackage(bytes, limits, budget);
    if (pkg.xml === undefined) return refused(NOT_DOCX);
    paragraphs = readParagraphs(pkg.xml, budget);
  } catch (e) {
    return refused(e instanceof ReaderError ? refusalMessage(e, NOT_DOCX) : NOT_DOCX);
  }

  const problems: Problem[] = [];
  let imageResult: ReturnType<typeof readDocxImages>;
  let rows: DocxRow[];
  try {
    budget.check();
    const { drafts, entries } = parseLines(toLines(paragraphs), problems, budget);
    applyKeyTable(drafts, entries, problems);
    budget.check();
    imageResult = readDocxImages(pkg, new Set(drafts.flatMap((d) => d.images)), limits, budget);
    rows = drafts.map((d) => finish(d, imageResult.byId));
  } catch (e) {
    if (e instanceof ReaderError) return refused(refusalMessage(e, NOT_DOCX));
    throw e;
  }
  if (rows.length === 0) problems.push(problem([], '文档中没有找到试题（题干应以“1.”“1、”或“（1）”等题号开头）'));
  return { rows, images: imageResult.images, problems };
}
