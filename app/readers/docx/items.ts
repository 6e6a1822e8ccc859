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
import { CODE_AFTER_NUMBER_RE, isKeyHeading, isNoise, ITEM_RE, PETRO_RE, sectionOf, type NumberStyle, type Section } from './item-layout.js';
import { applyKeyTable, keyTableLine, type KeyEntry, type KeyTableState } from './key-table.js';
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

/** Walks the lines: headings, items, options, tags, then the key table. */
function parseLines(lines: readonly DocxLine[], problems: Problem[], budget: Budget): { drafts: Draft[]; entries: KeyEntry[] } {
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
    lines = readDocxLines(pkg.xml, budget);
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
