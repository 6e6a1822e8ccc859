/**
 * Reading theory items from a Word document (issue [C] part 4b/4c). Parsing only: every item becomes a
 * raw object in the shape of app/domain/theory-item.ts plus the problems found while reading it; the
 * import service validates, dedupes and saves. Never throws on bad input.
 *
 * The package, its lines and images come from docx/package.ts (bounded: ZIP structure, CRC-32, sizes,
 * XML depth and text, time; images by their bytes); the lines are read against the layouts of
 * docx/item-layout.ts into drafts (item-draft.ts), the key table (key-table.ts) gives answers to them,
 * and each draft becomes a raw item (item-finish.ts).
 */
import { problem, type Problem } from '../../domain/validation.js';
import { toHalfWidth } from '../../domain/text/normalise.js';
import { Budget, ReaderError, refusalMessage } from '../errors.js';
import { DEFAULT_LIMITS, type ReadOptions } from '../limits.js';
import { itemReaderMessages as msg } from '../items/messages.js';
import { content, newDraft, type Draft } from './item-draft.js';
import { finish } from './item-finish.js';
import {
  CODE_AFTER_NUMBER_RE,
  isBareKeyHeading,
  isKeyHeading,
  isNoise,
  ITEM_RE,
  ITEM_TAG_RE,
  itemNumber,
  itemTagType,
  PETRO_RE,
  sectionOf,
  type NumberStyle,
  type Section,
} from './item-layout.js';
import { applyKeyTable, KEY_TOKEN_RE, keyTableLine, type KeyEntry, type KeyTableState } from './key-table.js';
import { itemTableHeader, tableRowDraft, type ItemTableColumns } from './table-items.js';
import { openDocxPackage, readDocxImages, readDocxLines, type ContentHash, type DocxImage, type DocxLine, type DocxPackage } from './package.js';

export type { DocxImage } from './package.js';

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

/** An answer bracket before an item's number: `（√）1.`, `（ ）2、`, `（B）3.`; groups: the bracket, the number. */
const BRACKET_BEFORE_NUMBER_RE = /^\s*(\(\s*(?:[A-E]{1,5}|√|×|✓|✗|对|错|正确|错误|X)?\s*\))\s*(\d{1,4}\s*[.、](?!\d)\s*)/;

/** A line of the key table (only numbers, ranges and answers): `1.B 2.C`, `1-5 √×√√×`, `题号 1 2 3`. */
function isKeyLine(m: string): boolean {
  const rest = m.toUpperCase().replace(KEY_TOKEN_RE, '').replace(/题号|答案|[\s\p{P}]|分/gu, '');
  return rest === '' && /\d/.test(m) && /[A-E√×✓✗✔✘╳X]|正确|错误|对|错/.test(m.toUpperCase());
}

/**
 * A key-table line without a heading above it: it starts with a number and is made of pairs of a number
 * and its answer (`1.B 2.C`, `1.√ 2.×`), or of a range and its answers (`1-5 BCADA`); two answers or more.
 */
function isKeyTableStart(m: string): boolean {
  if (!/^\s*\d/.test(m) || !isKeyLine(m)) return false;
  const tokens = [...m.toUpperCase().matchAll(KEY_TOKEN_RE)];
  let pairs = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t === undefined || t[4] !== undefined || next?.[4] === undefined) return false;
    pairs += t[1] !== undefined ? 2 : 1;
    i++;
    while (tokens[i + 1]?.[4] !== undefined && t[1] !== undefined) i++;
  }
  return pairs >= 2;
}

/** An item line inside a key table: a number followed by text that is not answers (`1. 图样中的…`). */
function looksLikeItem(m: string): boolean {
  const item = ITEM_RE.exec(m);
  if (!item) return false;
  const rest = m.slice(item[0].length).toUpperCase().replace(KEY_TOKEN_RE, '').replace(/题号|答案|[\s\p{P}]|分/gu, '');
  return [...rest].length >= 3;
}

/** Walks the lines: headings, items, options, tags, then the key table (at the end, or after each section). */
function parseLines(lines: readonly DocxLine[], problems: Problem[], budget: Budget): { drafts: Draft[]; entries: KeyEntry[] } {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let section: Section | undefined;
  let sections = 0;
  let style: NumberStyle | undefined;
  let keyMode = false;
  let keyBlocks = 0;
  /** In the key table, a heading not yet followed by answers: the next section of items if items follow. */
  let keyHeading: Section | undefined;
  /** A table of items (one per row) under a header row naming 题干 and 答案. */
  let itemTable: { table: number; columns: ItemTableColumns } | undefined;
  const keyState: KeyTableState = { section: undefined, context: undefined, pendingNumbers: undefined, entries: [], problems };
  // With 题型 headings above the items, whatever comes before the first one is the paper's title block
  // (注意事项 …). Headings that only appear in the key table at the end do not count.
  let firstHeading = -1;
  let firstKeyHeading = -1;
  let sawItem = false;
  const halves = lines.map((l) => toHalfWidth(l.text));
  halves.forEach((m, i) => {
    if (firstHeading < 0 && sectionOf(m, 0, lines[i]?.text ?? '') !== undefined) firstHeading = i;
    if (ITEM_RE.test(m)) sawItem = true;
    else if (firstKeyHeading < 0 && sawItem && isKeyHeading(m)) firstKeyHeading = i;
  });
  const hasHeadings = firstHeading >= 0 && (firstKeyHeading < 0 || firstHeading < firstKeyHeading);
  /** The next line with text after line `i` is a key-table line. */
  const keyLineAfter = (i: number) => {
    for (let j = i + 1; j < halves.length; j++) if ((halves[j] ?? '').trim() !== '') return isKeyLine(halves[j] ?? '') || /^\s*题\s*号/.test(halves[j] ?? '');
    return false;
  };
  const startSection = (s: Section) => {
    sections++;
    section = s;
    current = undefined;
    style = undefined;
  };

  /** An item line, or a line of the current item; `text`/`m` may be the rest of a heading's line. */
  const itemLine = (lineText: string, lineM: string, paragraph: number) => {
    // `（√）1. 题干` / `（ B ）2. 题干`: the answer in a bracket before the number is the item's key.
    const before = BRACKET_BEFORE_NUMBER_RE.exec(lineM);
    const skip = before ? before[0].length - (before[2] ?? '').length : 0;
    const m = lineM.slice(skip);
    const text = lineText.slice(skip);
    const bracketKey = before?.[1]?.replace(/[()\s]/g, '') ?? '';
    const item = ITEM_RE.exec(m);
    const petro = item ? undefined : PETRO_RE.exec(m);
    const numbered = item ? itemNumber(item) : petro ? { number: Number(petro[1]), style: 'plain' as const } : undefined;
    if (numbered !== undefined && (style === undefined || style === numbered.style || current === undefined)) {
      style = numbered.style;
      current = newDraft(paragraph, section, numbered.number);
      drafts.push(current);
      let offset = (item ?? petro)?.[0].length ?? 0;
      if (item?.[1] !== undefined) current.element = item[1];
      if (petro) current.element = `${[...(petro[2] ?? '')].join('-')}-${petro[3] ?? ''}`;
      for (let guard = 0; guard < 3; guard++) {
        const after = CODE_AFTER_NUMBER_RE.exec(m.slice(offset));
        const tag = after ? undefined : ITEM_TAG_RE.exec(m.slice(offset));
        if (after) {
          current.element ??= after[1] ?? after[2];
          offset += after[0].length;
        } else if (tag) {
          current.typeTag ??= itemTagType(tag);
          offset += tag[0].length;
        } else break;
      }
      if (bracketKey !== '') current.key = { text: bracketKey, paragraph };
      content(current, m, text, offset, paragraph, true);
    } else if (current) content(current, lineM, lineText, 0, paragraph, false);
  };

  let done = 0;
  lines.forEach((line, i) => {
    if ((++done & 0x3ff) === 0) budget.check();
    const m = halves[i] ?? '';
    if (keyMode && looksLikeItem(m)) {
      // Items again after a key table: the key came after its section (interleaved layout).
      keyMode = false;
      if (keyHeading !== undefined) startSection(keyHeading);
      current = undefined;
    }
    if (keyMode) {
      const s = sectionOf(m, sections, line.text);
      if (s) {
        sections++;
        keyState.section = s;
        keyState.pendingNumbers = undefined;
        keyHeading = s;
        // `一、判断题 1-5 √×√√×`: answers on the heading's line (a note in brackets is not).
        const rest = m.slice(s.end).replace(/\([^)]*\)/g, ' ');
        if (isKeyLine(rest)) keyTableLine(keyState, rest, line.paragraph);
      } else {
        if (m.trim() !== '') keyHeading = undefined;
        keyTableLine(keyState, m, line.paragraph);
      }
      return;
    }
    if (line.table !== undefined && itemTable?.table === line.table) {
      const draft = tableRowDraft(itemTable.columns, line, section, drafts.length + 1);
      if (draft) drafts.push(draft);
      current = undefined;
      return;
    }
    const header = line.table === undefined || line.cells === undefined ? undefined : itemTableHeader(line.cells);
    if (line.table !== undefined && header !== undefined) {
      itemTable = { table: line.table, columns: header };
      current = undefined;
      return;
    }
    if (m.trim() !== '') {
      const s = sectionOf(m, sections, line.text);
      if (s) {
        startSection(s);
        // `【单选题】1. 题干`: a heading and an item on one line.
        const rest = m.slice(s.end);
        if (ITEM_RE.test(rest)) itemLine(line.text.slice(s.end), rest, line.paragraph);
      } else if (drafts.length > 0 && (isKeyHeading(m) || (isBareKeyHeading(m) && keyLineAfter(i)) || isKeyTableStart(m))) {
        // Only after items: a title such as `…理论知识试卷及参考答案` above them is not the key table.
        keyMode = true;
        keyBlocks++;
        keyState.context = section;
        keyState.section = undefined;
        keyHeading = undefined;
        current = undefined;
        if (isKeyLine(m)) keyTableLine(keyState, m, line.paragraph);
      } else if (!isNoise(m) && !(hasHeadings && section === undefined)) itemLine(line.text, m, line.paragraph);
    }
    if (current && line.images.length > 0) current.images.push(...line.images);
  });
  // Answers given after each section (more than one key table): headless answers belong to the section above them.
  const entries = keyBlocks > 1 ? keyState.entries.map((e) => (e.section === undefined && e.context !== undefined ? { ...e, section: e.context } : e)) : keyState.entries;
  return { drafts, entries };
}

export interface DocxReadOptions extends ReadOptions {
  /** Names each image by its bytes: the service passes `sha256Hex` of crypto/digest.ts. */
  readonly contentHash: ContentHash;
}

/**
 * Reads the theory items of a .docx. Never throws for bad input: a file that is not a Word document, or
 * passes a bound of readers/limits.ts, is a file-level problem; an item that cannot be read is a row
 * with problems (an image that is not PNG/JPEG, or too large, is a problem of its item).
 */
export async function parseItemDocx(bytes: Uint8Array, options: DocxReadOptions): Promise<ParsedDocument> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const budget = new Budget(limits, options.clock);
  const refused = (message: string): ParsedDocument => ({ rows: [], images: [], problems: [problem([], message)] });
  let pkg: DocxPackage;
  let lines: DocxLine[];
  try {
    pkg = openDocxPackage(bytes, limits, budget);
    if (pkg.xml === undefined) return refused(msg.notDocx);
    lines = readDocxLines(pkg.xml, budget, pkg.numbering);
  } catch (e) {
    return refused(e instanceof ReaderError ? refusalMessage(e, msg.notDocx) : msg.notDocx);
  }

  const problems: Problem[] = [];
  let imageResult: ReturnType<typeof readDocxImages>;
  let rows: DocxRow[];
  try {
    budget.check();
    const { drafts, entries } = parseLines(lines, problems, budget);
    applyKeyTable(drafts, entries, problems);
    budget.check();
    imageResult = readDocxImages(pkg, new Set(drafts.flatMap((d) => d.images)), options.contentHash, limits, budget);
    rows = drafts.map((d) => finish(d, imageResult.byId));
  } catch (e) {
    if (e instanceof ReaderError) return refused(refusalMessage(e, msg.notDocx));
    throw e;
  }
  if (rows.length === 0) problems.push(problem([], msg.noItems));
  return { rows, images: imageResult.images, problems };
}
