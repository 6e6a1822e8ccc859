/**
 * 理论知识试卷 of one set: 密封线 (姓名/准考证号/单位), title, 注意事项, 得分表, then per section a
 * 得分/评分人 box, the section header (range, how to answer, points) and the items — stem with its
 * answer bracket, images, options A–E laid out four, two or one to a line. Never the answers.
 * The secrecy mark and `第 X 页 共 Y 页` come from the kit's header and footer.
 */
import { AlignmentType, ImageRun, Paragraph, Tab, TabStopType, TextRun, type FileChild, type Table } from 'docx';
import { chineseNumber } from '../../app/domain/format.js';
import type { DocumentImage, TheoryPaperData, TheoryPaperItem, TheoryPaperSection } from '../../app/domain/submission/documents.js';
import { OPTION_LETTERS } from '../../app/domain/theory-item.js';
import { blankFields, createDocument, estimateLines, FONTS, packDocx, paperCodeLine, para, run, SIZES, table, tailStart, TEXT_WIDTH, title, type RunStyle, type TableSpec } from './kit.js';
import { fitImage, imageInfo } from './images.js';
import {
  ANSWER_BRACKET,
  NOTICE_HEADING,
  noticeLines,
  paperSectionNote,
  paperTitle,
  paperTotal,
  presentSections,
  SCORE,
  SEAL,
  sectionName,
  stemWithBracket,
} from '../../app/domain/submission/wording/theory.js';

/** Body size of items, options and 注意事项: 五号. */
const ITEM_SIZE = SIZES.五号;
/** Options are indented two characters under the stem. */
const OPTION_INDENT = ITEM_SIZE * 20;
/** Room inside an answer bracket, in characters. */
const BRACKET_ROOM_EM = 2.5;
const BODY_FONT = { ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia: FONTS.body } as const;
/** Images are scaled down to at most 12 cm × 9 cm (pixels at 96 dpi, as docx takes them). */
const IMAGE_MAX_CM = { width: 12, height: 9 } as const;

// ---------------------------------------------------------------------------------------------
// Helpers the kit lacks (candidates for kit.ts): text with line breaks, a tabbed paragraph, a table
// whose rows are kept with what follows, pixel size of PNG/JPEG.
// ---------------------------------------------------------------------------------------------

/** Runs of `text`, a line break for each newline in it. */
function textRuns(text: string, style: RunStyle): TextRun[] {
  return text.split(/\r?\n/).flatMap((line, i) => (i === 0 ? [run(line, style)] : [new TextRun({ break: 1 }), run(line, style)]));
}

/**
 * Runs of a stem: its text as is, but each empty answer bracket opened by a `（` whose character
 * spacing makes the room inside BRACKET_ROOM_EM characters wide, so there is space to write in.
 */
function stemRuns(stem: string, size: number): TextRun[] {
  const style = { size } as const;
  const runs: TextRun[] = [];
  let at = 0;
  for (const m of stem.matchAll(ANSWER_BRACKET)) {
    const index = m.index;
    if (index > at) runs.push(...textRuns(stem.slice(at, index), style));
    const inner = m[0].slice(1, -1);
    const naturalEm = [...inner].reduce((a, ch) => a + (ch === '\u3000' ? 1 : 0.25), 0);
    const room = Math.max(0, Math.round((BRACKET_ROOM_EM - naturalEm) * size * 10));
    runs.push(new TextRun({ text: m[0].slice(0, 1), font: BODY_FONT, size, characterSpacing: room }), run(m[0].slice(1), style));
    at = index + m[0].length;
  }
  if (at < stem.length) runs.push(...textRuns(stem.slice(at), style));
  return runs;
}

/** A left-aligned paragraph with tab stops (twips from the margin), spaced like the kit's `para`. */
function tabbedPara(children: readonly TextRun[], stops: readonly number[], options: { indentLeft: number; keepNext: boolean }): Paragraph {
  return new Paragraph({
    children: [...children],
    alignment: AlignmentType.LEFT,
    spacing: { after: 0, before: 0, line: 360 },
    indent: { left: options.indentLeft },
    tabStops: stops.map((position) => ({ type: TabStopType.LEFT, position })),
    keepLines: true,
    ...(options.keepNext ? { keepNext: true } : {}),
  });
}

export interface KeptTableSpec extends Omit<TableSpec, 'headerRows'> {
  /** Rows kept on the page of the next row (or of the paragraph after the table, for the last row). */
  readonly keepNext: (row: number) => boolean;
  readonly align?: 'left' | 'center';
}

/**
 * The kit's bordered table, cells centred unless told, with chosen rows kept with the next (a
 * 题号 row with its 答案 row; the 得分 box with its section header). No header rows: shade cells.
 */
export function keptTable(spec: KeptTableSpec): Table {
  return table({ ...spec, headerRows: 0, cellMargin: 30, cellAlign: 'center', centred: spec.align === 'center' });
}

/** Pixel size of a PNG or JPEG from its header; undefined when it is neither. */
export function imagePixelSize(image: DocumentImage): { width: number; height: number } | undefined {
  const info = imageInfo(image.bytes);
  return info === undefined ? undefined : { width: info.width, height: info.height };
}

/** Display size in pixels at 96 dpi: natural size, scaled down to fit 12 × 9 cm with its aspect. */
export function imageDisplaySize(image: DocumentImage): { width: number; height: number } {
  return fitImage(imagePixelSize(image) ?? { width: 320, height: 240 }, IMAGE_MAX_CM);
}

// ---------------------------------------------------------------------------------------------
// The paper.
// ---------------------------------------------------------------------------------------------

/**
 * Display width in half-em units, erring wide: Latin 1; CJK, full-width and everything past Latin
 * (Greek, ——, ×, √, “ ” may all come out full width in a Chinese font) 2.
 */
function displayUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) >= 0x0370 ? 2 : 1;
  return units;
}

function sealBlock(): Paragraph[] {
  return [blankFields(SEAL.fields, { size: ITEM_SIZE }), para(SEAL.line, { align: 'center', size: ITEM_SIZE, after: 240 })];
}

function scoreTable(data: TheoryPaperData): Table {
  const sections = presentSections(data);
  return table({
    widths: [1.2, ...sections.map(() => 1), 1.2, 1.2],
    rows: [
      ['', ...sections.map((s) => chineseNumber(s.position)), SCORE.total, SCORE.totaller].map((text) => ({ text, align: 'center' as const })),
      [{ text: SCORE.score, bold: true, font: 'heading', align: 'center', shade: true }, ...sections.map(() => ''), '', ''],
    ],
    headerRows: 1,
    rowHeight: 560,
  });
}

/** The small 得分/评分人 box before a section header. */
function markerBox(): Table {
  return keptTable({
    widths: [1, 1.3],
    rows: [
      [{ text: SCORE.score, shade: true }, ''],
      [{ text: SCORE.marker, shade: true }, ''],
    ],
    rowHeight: 400,
    width: 2000,
    keepNext: () => true,
  });
}

function optionParagraphs(options: readonly string[], keepAfter: boolean): Paragraph[] {
  const style = { size: ITEM_SIZE } as const;
  const labelled = options.map((o, i) => `${OPTION_LETTERS[i] ?? '?'}. ${o}`);
  const available = TEXT_WIDTH - OPTION_INDENT;
  const unitTwips = (ITEM_SIZE * 10) / 2;
  const longest = Math.max(...labelled.map(displayUnits));
  const candidates = [options.length, options.length > 4 ? 3 : 2];
  // Each option needs its width plus two characters of gap in its column.
  const columns = candidates.find((n) => longest + 4 <= Math.floor(available / n / unitTwips)) ?? 1;
  const stops = Array.from({ length: columns - 1 }, (_, k) => OPTION_INDENT + Math.round((available / columns) * (k + 1)));
  const lines: string[][] = [];
  for (let i = 0; i < labelled.length; i += columns) lines.push(labelled.slice(i, i + columns));
  return lines.map((line, li) =>
    tabbedPara(
      line.flatMap((text, k) => (k === 0 ? textRuns(text, style) : [new TextRun({ children: [new Tab()] }), ...textRuns(text, style)])),
      stops,
      { indentLeft: OPTION_INDENT, keepNext: keepAfter || li < lines.length - 1 },
    ),
  );
}

function imageParagraph(image: DocumentImage, number: number, index: number, keepNext: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 60, after: 60 },
    keepNext,
    children: [
      new ImageRun({
        type: image.contentType === 'image/png' ? 'png' : 'jpg',
        data: image.bytes,
        transformation: imageDisplaySize(image),
        altText: { name: `第${number}题图${index + 1}`, description: `第${number}题图${index + 1}`, title: `第${number}题图${index + 1}` },
      }),
    ],
  });
}

/**
 * An item: its stem kept with its images and options, each paragraph on one page; `keepAfter` keeps
 * its last line with the next item too (the widow rule at the end of the paper).
 */
function itemParagraphs(entry: TheoryPaperItem, keepAfter = false): Paragraph[] {
  const { item, number, images } = entry;
  const options = item.type === 'trueFalse' ? [] : item.options;
  const hasMore = images.length > 0 || options.length > 0;
  const style = { size: ITEM_SIZE } as const;
  const stem = para([run(`${number}. `, style), ...stemRuns(stemWithBracket(item.stem), ITEM_SIZE)], {
    size: ITEM_SIZE,
    align: 'left',
    before: 60,
    after: 0,
    keepNext: hasMore || keepAfter,
    keepLines: true,
  });
  const pictures = images.map((img, i) => imageParagraph(img, number, i, i < images.length - 1 || options.length > 0 || keepAfter));
  return [stem, ...pictures, ...(options.length > 0 ? optionParagraphs(options, keepAfter) : [])];
}

/** Lines an item takes on the page, erring long (an image counts as the lines of its height). */
function itemLines(entry: TheoryPaperItem): number {
  const { item, images } = entry;
  const options = item.type === 'trueFalse' ? [] : item.options;
  const stem = estimateLines(`${entry.number}. ${stemWithBracket(item.stem)}`, ITEM_SIZE);
  const pictures = images.reduce((a, img) => a + Math.ceil((imageDisplaySize(img).height * 0.75) / 15.75), 0);
  return stem + pictures + optionParagraphs(options, false).length;
}

/** The paper ends with at least this many lines (and two items) on its last page, never one stray item. */
const TAIL_LINES = 10;

function sectionChildren(section: TheoryPaperSection, position: number, last: boolean): FileChild[] {
  const header = para(
    [run(sectionName(section, position), { font: 'heading', size: SIZES.小四 }), run(paperSectionNote(section), { size: ITEM_SIZE })],
    { size: ITEM_SIZE, align: 'justify', before: 60, after: 120, keepNext: true },
  );
  const tail = last ? tailStart(section.items.map(itemLines), TAIL_LINES) : section.items.length;
  const items = section.items.flatMap((entry, i) => itemParagraphs(entry, i >= tail && i < section.items.length - 1));
  return [para('', { size: ITEM_SIZE, after: 0, before: 120, keepNext: true }), markerBox(), header, ...items];
}

/** Body of the paper: 密封线, title, 注意事项, 得分表, sections. */
function paperChildren(data: TheoryPaperData): FileChild[] {
  paperTotal(data);
  const children: FileChild[] = [];
  if (data.sealLine) children.push(...sealBlock());
  children.push(title(paperTitle(data), SIZES.三号));
  children.push(paperCodeLine(data.paperCode));
  children.push(para(NOTICE_HEADING, { font: 'heading', size: SIZES.小四, align: 'left', after: 0, keepNext: true }));
  for (const line of noticeLines(data)) children.push(para(line, { size: ITEM_SIZE, after: 0, indentLeft: 0, keepNext: true }));
  children.push(para('', { size: ITEM_SIZE, after: 0 }));
  children.push(scoreTable(data));
  const sections = presentSections(data);
  sections.forEach(({ section, position }, i) => children.push(...sectionChildren(section, position, i === sections.length - 1)));
  return children;
}

/** 理论知识试卷 (one set) as .docx bytes. Throws when the declared total differs from Σ pointsEach × items. */
export async function theoryPaperDocx(data: TheoryPaperData): Promise<Uint8Array> {
  const doc = createDocument({ mark: data.header.mark, title: paperTitle(data), note: data.header.sampleNote, children: paperChildren(data) });
  return packDocx(doc);
}
