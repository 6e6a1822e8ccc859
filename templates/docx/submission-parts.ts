/**
 * Parts shared by the submission documents (附件6 §三) beyond `kit.ts`: an A4 landscape document with the
 * kit's header (secrecy mark, sample note) and footer (`第 X 页 共 Y 页` and the mark), a bordered table whose
 * cells may also span rows (w:vMerge) and rows of their own minimum height, and small text helpers. Fonts,
 * sizes, borders and shading are the kit's; only what the kit cannot do is built here with docx directly.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
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
} from 'docx';
import { FONTS, PAGE, para, run, SIZES, TEXT_WIDTH, type CellSpec, type DocumentSpec } from './kit.js';

/** Usable text width on an A4 landscape page (same margins as the kit's portrait page). */
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - 2 * PAGE.marginSide;

const latin = { ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin };

/** The kit's page header: the mark top left, the sample note under it. */
function markHeader(spec: DocumentSpec): Header {
  const children = [para(spec.mark, { font: 'heading', size: SIZES.小四, align: 'left', after: 0 })];
  if (spec.note) children.push(para(spec.note, { font: 'note', size: SIZES.小五, align: 'left', after: 0 }));
  return new Header({ children });
}

/** The kit's page footer: `第 X 页 共 Y 页` and the mark. */
function pageFooter(spec: DocumentSpec): Footer {
  const size = SIZES.小五;
  const font = { ...latin, eastAsia: FONTS.body };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: '第 ', font, size }),
          new TextRun({ children: [PageNumber.CURRENT], font, size }),
          new TextRun({ text: ' 页 共 ', font, size }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], font, size }),
          new TextRun({ text: ' 页', font, size }),
          ...(spec.mark === '' ? [] : [new TextRun({ text: `    ${spec.mark}`, font, size })]),
        ],
      }),
    ],
  });
}

/** `createDocument` of the kit, on A4 landscape: for wide tables such as the 细目表. */
export function createLandscapeDocument(spec: DocumentSpec): Document {
  return new Document({
    title: spec.title,
    creator: '题库工作站',
    styles: { default: { document: { run: { font: { ...latin, eastAsia: FONTS.body }, size: SIZES.小四 } } } },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for a landscape section.
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginSide, right: PAGE.marginSide, header: 567, footer: 567 },
          },
        },
        headers: { default: markHeader(spec) },
        footers: { default: pageFooter(spec) },
        children: [...spec.children],
      },
    ],
  });
}

export interface GridCellSpec extends CellSpec {
  /** Rows the cell covers (vertical merge); the rows below list no cell for these columns. */
  readonly rowSpan?: number;
  /** Vertical alignment (default centre); `top` for text boxes such as an opinion. */
  readonly valign?: 'top' | 'center';
}
export type GridCell = string | GridCellSpec;

export interface GridSpec {
  /** Column widths as shares; scaled to `width`. */
  readonly widths: readonly number[];
  /**
   * Rows as in HTML: each lists only the cells that start in it, left to right; the columns covered by a
   * cell with `rowSpan` from a row above are skipped.
   */
  readonly rows: readonly (readonly GridCell[])[];
  /** Leading rows repeated on every page, bold, 黑体, shaded. */
  readonly headerRows?: number;
  readonly size?: number;
  readonly width?: number;
  /** Line spacing in cells, in 240ths of a line (240 single; the kit's paragraphs use 360). */
  readonly line?: number;
  /** Minimum height of every row in twips (e.g. signature rows). */
  readonly rowHeight?: number;
  /** Minimum height of a row in twips, by row index (instead of `rowHeight`). */
  readonly minHeights?: Readonly<Record<number, number>>;
  /** Rows kept on the same page as the row after them (w:keepNext on their paragraphs), by row index. */
  readonly keepWithNext?: ReadonlySet<number>;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;
const MARGINS = { top: 40, bottom: 40, left: 80, right: 80 } as const;

function cellParagraph(text: string, size: number, line: number, style: { bold: boolean; font: 'body' | 'heading' | 'note'; align: keyof typeof ALIGN }): Paragraph {
  return new Paragraph({
    children: text === '' ? [] : [run(text, { size, bold: style.bold, font: style.font })],
    alignment: ALIGN[style.align],
    spacing: { after: 0, before: 0, line, lineRule: LineRuleType.AUTO },
  });
}

/**
 * A bordered table in the kit's look whose cells may span rows and columns; rows never split across
 * pages and the header rows repeat. Merged cells are written as w:vMerge restart/continue.
 */
export function gridTable(spec: GridSpec): Table {
  const total = spec.width ?? TEXT_WIDTH;
  const sum = spec.widths.reduce((a, b) => a + b, 0);
  const twips = spec.widths.map((w) => Math.round((w / sum) * total));
  const columns = twips.length;
  const headerRows = spec.headerRows ?? 1;
  const size = spec.size ?? SIZES.五号;
  const line = spec.line ?? 360;
  /** Per column: rows still covered by a merge from above, and the cell to continue. */
  const covered: { left: number; width: number; span: number; shaded: boolean }[] = Array.from({ length: columns }, () => ({ left: 0, width: 0, span: 1, shaded: false }));

  const rows = spec.rows.map((cells, r) => {
    const isHeader = r < headerRows;
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
            margins: MARGINS,
            ...(cover.shaded ? { shading: { fill: 'EDEDED' } } : {}),
            children: [cellParagraph('', size, line, { bold: false, font: 'body', align: 'left' })],
          }),
        );
        column += cover.span;
        continue;
      }
      const c = cells[next];
      next += 1;
      if (c === undefined) throw new RangeError(`gridTable: row ${String(r)} has too few cells`);
      const cell: GridCellSpec = typeof c === 'string' ? { text: c } : c;
      const span = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      const width = twips.slice(column, column + span).reduce((a, b) => a + b, 0);
      const shaded = cell.shade === true || (isHeader && cell.shade !== false);
      if (rowSpan > 1) {
        const slot = covered[column];
        if (slot !== undefined) Object.assign(slot, { left: rowSpan - 1, width, span, shaded });
      }
      const lines = typeof cell.text === 'string' ? [cell.text] : cell.text;
      out.push(
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: span,
          ...(rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
          verticalAlign: cell.valign === 'top' ? VerticalAlign.TOP : VerticalAlign.CENTER,
          margins: MARGINS,
          ...(shaded ? { shading: { fill: 'EDEDED' } } : {}),
          children: lines.map((text) =>
            cellParagraph(text, cell.size ?? size, line, {
              bold: cell.bold ?? isHeader,
              font: cell.font ?? (isHeader ? 'heading' : 'body'),
              align: cell.align ?? (isHeader ? 'center' : 'left'),
            }),
          ),
        }),
      );
      column += span;
    }
    if (next < cells.length) throw new RangeError(`gridTable: row ${String(r)} has too many cells`);
    const minHeight = spec.minHeights?.[r] ?? spec.rowHeight;
    return new TableRow({
      children: out,
      cantSplit: true,
      ...(isHeader ? { tableHeader: true } : {}),
      ...(spec.keepWithNext?.has(r) === true ? { keepNext: true } : {}),
      ...(minHeight === undefined ? {} : { height: { value: minHeight, rule: HeightRule.ATLEAST } }),
    });
  });
  return new Table({ rows, width: { size: total, type: WidthType.DXA }, columnWidths: twips, layout: TableLayoutType.FIXED, borders });
}

/** `职业：制图员　　职业编码：3-01-02-07`: label–value pairs separated by two full-width spaces (or `separator`). */
export function infoLine(pairs: readonly (readonly [string, string])[], separator = '　　'): string {
  return pairs.map(([label, value]) => `${label}：${value}`).join(separator);
}

/** A number as people write it in these tables: 25, 0.5, 12.5 (no float noise). */
export function formatNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** Text without its final full stop, to be put into a sentence that adds its own. */
export function withoutFullStop(text: string): string {
  return text.trim().replace(/[。．.；;，,]+$/u, '');
}

/** Non-empty lines of a free text, trimmed. */
export function textLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** A caption above a table: `表1　…`, 黑体 五号, centred, kept with the table. */
export function caption(text: string): Paragraph {
  return para(text, { font: 'heading', size: SIZES.五号, align: 'center', after: 60, before: 120, keepNext: true });
}

/** Row indexes of a table of `rows` rows, all but the last: with `keepWithNext`, keeps a table on one page. */
export function allButLast(rows: number): ReadonlySet<number> {
  return new Set(Array.from({ length: Math.max(0, rows - 1) }, (_, i) => i));
}

/** A note under a table: 仿宋 五号. */
export function note(text: string): Paragraph {
  return para(text, { font: 'note', size: SIZES.五号, align: 'left', before: 60, after: 60 });
}
