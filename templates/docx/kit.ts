/**
 * The house style of every Word document the workstation writes: A4, 宋体 body with Times New Roman
 * for Latin text (set for East Asian text through w:eastAsia), 黑体 headings, 仿宋 for notes, the
 * secrecy mark (`机密★启用前`) top left on every page and `第 X 页 共 Y 页` with the mark in the footer,
 * tables whose rows do not split across pages. Pure: from data to a docx Document; `packDocx` makes
 * the bytes. Generators in this folder build on these helpers only.
 */
import { paperCodeText } from '../../app/domain/submission/wording/theory.js';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
  type FileChild,
  type IParagraphOptions,
} from 'docx';

export const FONTS = { body: '宋体', heading: '黑体', note: '仿宋', latin: 'Times New Roman' } as const;
export type FontRole = 'body' | 'heading' | 'note';

/** Font sizes in half-points: 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt. */
export const SIZES = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21, 小五: 18 } as const;

/** A4 in twentieths of a point, margins 2.5 cm / 2.2 cm. */
export const PAGE = { width: 11906, height: 16838, marginTop: 1417, marginBottom: 1247, marginSide: 1247 } as const;
/** Usable text width on an A4 portrait page. */
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.marginSide;
/** Usable text width on an A4 landscape page (same margins). */
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - 2 * PAGE.marginSide;

export interface RunStyle {
  readonly bold?: boolean;
  readonly size?: number;
  readonly font?: FontRole;
  readonly underline?: boolean;
}

const fontOf = (role: FontRole) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia: FONTS[role] });

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: fontOf(style.font ?? 'body'),
    ...(style.bold === true ? { bold: true } : {}),
    ...(style.size === undefined ? {} : { size: style.size }),
    ...(style.underline === true ? { underline: {} } : {}),
  });
}

export interface ParaStyle extends RunStyle {
  readonly align?: 'left' | 'center' | 'right' | 'justify';
  /** Space after, in twentieths of a point. */
  readonly after?: number;
  readonly before?: number;
  /** First-line indent in characters (2 = the usual 首行缩进两字). */
  readonly indentChars?: number;
  /** Left indent in twips. */
  readonly indentLeft?: number;
  readonly keepNext?: boolean;
  /** All lines of the paragraph on one page. */
  readonly keepLines?: boolean;
  readonly pageBreakBefore?: boolean;
  /** Line spacing in 240ths of a line (default 360: 1.5 lines; tables use 240). */
  readonly line?: number;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

/** A paragraph of one style; `content` is text or runs. */
export function para(content: string | readonly TextRun[], style: ParaStyle = {}): Paragraph {
  const size = style.size ?? SIZES.小四;
  const children = typeof content === 'string' ? [run(content, { ...style, size })] : [...content];
  const options: IParagraphOptions = {
    children,
    alignment: ALIGN[style.align ?? 'justify'],
    spacing: { after: style.after ?? 60, before: style.before ?? 0, line: style.line ?? 360, lineRule: LineRuleType.AUTO },
    ...(style.indentChars === undefined && style.indentLeft === undefined
      ? {}
      : { indent: { ...(style.indentChars === undefined ? {} : { firstLine: Math.round((style.indentChars * size * 20) / 2) }), ...(style.indentLeft === undefined ? {} : { left: style.indentLeft }) } }),
    ...(style.keepNext === true ? { keepNext: true } : {}),
    ...(style.keepLines === true ? { keepLines: true } : {}),
    ...(style.pageBreakBefore === true ? { pageBreakBefore: true } : {}),
  };
  return new Paragraph(options);
}

/**
 * Lines a text takes at `size` half-points in `width` twips, erring long: CJK, full-width and other
 * wide characters one em, Latin half an em; `indentChars` shortens the first line.
 */
export function estimateLines(text: string, size: number = SIZES.小四, width: number = TEXT_WIDTH, indentChars = 0): number {
  const perLine = Math.max(1, Math.floor(width / (size * 10)));
  return Math.max(1, Math.ceil((indentChars + textEms(text)) / perLine));
}

/** Width of a text in ems, erring wide: CJK, full-width and other wide characters 1, Latin 0.65 (the widest serif digits). */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2000 ? 1 : 0.65;
  return ems;
}

/**
 * Widow rule for blocks (items, requirements, notes): the index where the tail of a run of blocks starts
 * — the last blocks that take at least `minLines` lines together and number at least `minBlocks`. The
 * caller keeps the tail together (keep-with-next on every block of it but the last), so the last page
 * never holds a single stray block or a couple of lines.
 */
export function tailStart(lines: readonly number[], minLines: number, minBlocks = 2): number {
  let sum = 0;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    sum += lines[i] ?? 0;
    if (sum >= minLines && lines.length - i >= minBlocks) return i;
  }
  return 0;
}

/** Label–blank fields on one centred line, e.g. `姓名____　　准考证号____　　单位____` for a candidate. */
export function blankFields(fields: readonly { readonly label: string; readonly blank: number }[], style: ParaStyle = {}): Paragraph {
  const size = style.size ?? SIZES.五号;
  const runs = fields.flatMap((f, i) => [run(`${i === 0 ? '' : '　　'}${f.label}`, { size }), run('_'.repeat(f.blank), { size })]);
  return para(runs, { align: 'center', after: 0, ...style, size });
}

/** `试卷编号：3-01-02-07-4-L-甲`, right-aligned under a paper's title, kept with what follows. */
export function paperCodeLine(code: string): Paragraph {
  return para(paperCodeText(code), { size: SIZES.五号, align: 'right', after: 60, keepNext: true });
}

/** Document title: 黑体 二号 (or a given size), centred. */
export function title(text: string, size: number = SIZES.二号): Paragraph {
  return para(text, { font: 'heading', size, align: 'center', after: 240, bold: false, keepNext: true });
}

/** Section heading: 黑体 四号 (level 1) or 小四 (level 2), kept with what follows. */
export function heading(text: string, level: 1 | 2 = 1): Paragraph {
  return para(text, { font: 'heading', size: level === 1 ? SIZES.四号 : SIZES.小四, before: level === 1 ? 200 : 120, after: 100, keepNext: true, align: 'left' });
}

export interface CellSpec {
  readonly text: string | readonly string[];
  readonly bold?: boolean;
  readonly align?: 'left' | 'center' | 'right' | 'justify';
  readonly colSpan?: number;
  readonly size?: number;
  readonly font?: FontRole;
  /** Shading (default: header cells shaded, body cells not). */
  readonly shade?: boolean;
  /** Rows the cell covers (vertical merge); the rows below list no cell for these columns. */
  readonly rowSpan?: number;
  /** Vertical alignment (default centre); `top` for text boxes such as an opinion. */
  readonly valign?: 'top' | 'center';
}
export type Cell = string | CellSpec;

export interface TableSpec {
  /** Column widths as shares (any unit); scaled to the text width. */
  readonly widths: readonly number[];
  /**
   * Rows as in HTML: each lists only the cells that start in it, left to right; the columns covered by
   * a cell with `rowSpan` from a row above are skipped.
   */
  readonly rows: readonly (readonly Cell[])[];
  /** Leading rows repeated on every page and set bold/shaded. */
  readonly headerRows?: number;
  readonly size?: number;
  /** Line spacing in cells, in 240ths of a line (default 360, the body's). */
  readonly line?: number;
  /** Minimum row height in twips (e.g. signature rows). */
  readonly rowHeight?: number;
  /** Minimum height of a row in twips, by row index (instead of `rowHeight`). */
  readonly minHeights?: Readonly<Record<number, number>>;
  readonly width?: number;
  /** Rows kept on the same page as the next one (e.g. a 题号 row with its 答案 row). */
  readonly keepNext?: (row: number) => boolean;
  /** Left/right cell margin in twips (default 80). */
  readonly cellMargin?: number;
  /** Alignment of body cells (default left; header cells are centred). */
  readonly cellAlign?: 'left' | 'center' | 'right' | 'justify';
  /** Centre the table on the page. */
  readonly centred?: boolean;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border } as const;
const SHADE = 'EDEDED';

/**
 * A bordered table whose rows never split across pages; header rows repeat on each page. Cells may
 * span columns (`colSpan`) and rows (`rowSpan`, written as w:vMerge restart/continue).
 */
export function table(spec: TableSpec): Table {
  const total = spec.width ?? TEXT_WIDTH;
  const sum = spec.widths.reduce((a, b) => a + b, 0);
  const twips = spec.widths.map((w) => Math.round((w / sum) * total));
  const columns = twips.length;
  const headerRows = spec.headerRows ?? 1;
  const margins = { top: 40, bottom: 40, left: spec.cellMargin ?? 80, right: spec.cellMargin ?? 80 };
  /** Per column: rows still covered by a merge from above, and the shape of the cell to continue. */
  const covered = Array.from({ length: columns }, () => ({ left: 0, width: 0, span: 1, shaded: false }));
  const rows = spec.rows.map((cells, r) => {
    const isHeader = r < headerRows;
    const keepNext = spec.keepNext?.(r) === true;
    // A merged-over cell's paragraph has no run (`text` []): Word shows the first cell's content only.
    const paragraph = (text: string | readonly TextRun[], cell: CellSpec) =>
      para(text, {
        size: cell.size ?? spec.size ?? SIZES.五号,
        bold: cell.bold ?? isHeader,
        font: cell.font ?? (isHeader ? 'heading' : 'body'),
        align: cell.align ?? (isHeader ? 'center' : (spec.cellAlign ?? 'left')),
        after: 0,
        keepNext,
        ...(spec.line === undefined ? {} : { line: spec.line }),
      });
    const out: TableCell[] = [];
    let next = 0;
    let column = 0;
    while (column < columns) {
      const cover = covered[column];
      if (cover !== undefined && cover.left > 0) {
        cover.left -= 1;
        out.push(
          new TableCell({
            width: { size: cover.width, type: WidthType.DXA },
            columnSpan: cover.span,
            verticalMerge: VerticalMergeType.CONTINUE,
            verticalAlign: VerticalAlign.CENTER,
            margins,
            ...(cover.shaded ? { shading: { fill: SHADE } } : {}),
            children: [paragraph([], { text: '', align: 'left', bold: false, font: 'body' })],
          }),
        );
        column += cover.span;
        continue;
      }
      const c = cells[next];
      next += 1;
      if (c === undefined) throw new RangeError(`table: row ${String(r)} has too few cells`);
      const cell: CellSpec = typeof c === 'string' ? { text: c } : c;
      const span = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      const width = twips.slice(column, column + span).reduce((a, b) => a + b, 0);
      const shaded = cell.shade === true || (isHeader && cell.shade !== false);
      if (rowSpan > 1 && cover !== undefined) Object.assign(cover, { left: rowSpan - 1, width, span, shaded });
      const lines = typeof cell.text === 'string' ? [cell.text] : cell.text;
      out.push(
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: span,
          ...(rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
          verticalAlign: cell.valign === 'top' ? VerticalAlign.TOP : VerticalAlign.CENTER,
          margins,
          ...(shaded ? { shading: { fill: SHADE } } : {}),
          children: lines.map((line) => paragraph(line, cell)),
        }),
      );
      column += span;
    }
    if (next < cells.length) throw new RangeError(`table: row ${String(r)} has too many cells`);
    const minHeight = spec.minHeights?.[r] ?? spec.rowHeight;
    return new TableRow({
      children: out,
      cantSplit: true,
      ...(keepNext ? { keepNext: true } : {}),
      ...(isHeader ? { tableHeader: true } : {}),
      ...(minHeight === undefined ? {} : { height: { value: minHeight, rule: HeightRule.ATLEAST } }),
    });
  });
  return new Table({
    rows,
    width: { size: total, type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    borders,
    ...(spec.centred === true ? { alignment: AlignmentType.CENTER } : {}),
  });
}

export interface DocumentSpec {
  /** Secrecy mark printed top left of every page and in the footer; '' for unclassified lists. */
  readonly mark: string;
  /** Document title (file properties). */
  readonly title: string;
  readonly children: readonly FileChild[];
  /** A line under the mark, e.g. `样例（演示用）`. */
  readonly note?: string;
  /** A4 landscape, for wide tables such as the 细目表. */
  readonly landscape?: boolean;
}

function header(spec: DocumentSpec): Header {
  // An unmarked document (e.g. the 考生准备通知单) prints no mark line, not an empty one.
  const children = spec.mark === '' ? [] : [para(spec.mark, { font: 'heading', size: SIZES.小四, align: 'left', after: 0 })];
  if (spec.note) children.push(para(spec.note, { font: 'note', size: SIZES.小五, align: 'left', after: 0 }));
  if (children.length === 0) children.push(para('', { size: SIZES.小五, after: 0 }));
  return new Header({ children });
}

function footer(spec: DocumentSpec): Footer {
  const size = SIZES.小五;
  const f = fontOf('body');
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: '第 ', font: f, size }),
          new TextRun({ children: [PageNumber.CURRENT], font: f, size }),
          new TextRun({ text: ' 页 共 ', font: f, size }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], font: f, size }),
          new TextRun({ text: ' 页', font: f, size }),
          ...(spec.mark === '' ? [] : [new TextRun({ text: `    ${spec.mark}`, font: f, size })]),
        ],
      }),
    ],
  });
}

/** A4 document (portrait, or landscape when asked) in the house style. */
export function createDocument(spec: DocumentSpec): Document {
  return new Document({
    title: spec.title,
    creator: '题库工作站',
    styles: {
      default: {
        document: { run: { font: fontOf('body'), size: SIZES.小四 } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for a landscape section.
            size: { width: PAGE.width, height: PAGE.height, ...(spec.landscape === true ? { orientation: PageOrientation.LANDSCAPE } : {}) },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginSide, right: PAGE.marginSide, header: 567, footer: 567 },
          },
        },
        headers: { default: header(spec) },
        footers: { default: footer(spec) },
        children: [...spec.children],
      },
    ],
  });
}

/** A one-table document of the submission: the bank's mark and sample note, its heading as title. */
export function headedDocument(
  header: { readonly mark: string; readonly sampleNote: string },
  heading: string,
  children: readonly FileChild[],
  options: { readonly landscape?: boolean } = {},
): Document {
  return createDocument({ ...options, mark: header.mark, note: header.sampleNote, title: heading, children: [title(heading, SIZES.三号), ...children] });
}

export async function packDocx(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}
