/**
 * Parts shared by the submission documents (附件6 §三) beyond `kit.ts`: a bordered table whose cells may
 * also span rows (w:vMerge) and rows of their own minimum height, and small text helpers. Fonts,
 * sizes, borders and shading are the kit's; only what the kit cannot do is built here with docx directly.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { para, run, SIZES, TEXT_WIDTH, type CellSpec } from './kit.js';

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
