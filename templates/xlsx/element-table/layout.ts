/**
 * The print layout shared by the 细目表 sheets: 宋体/黑体 fonts with the GB2312 charset, thin borders,
 * grey headings, an A4 landscape sheet one page wide (as many pages high as needed) with repeated header
 * rows, the secrecy mark once in the page header and `第 x 页 共 y 页` with the mark in the footer (as the
 * docx), and the title + `label：value` header block at the top.
 */
import type ExcelJS from 'exceljs';
import { solidFill } from '../workbook.js';

const SONG = '宋体';
export const HEI = '黑体';
/** GB2312 charset, so Excel picks the East Asian face for these fonts. */
const CHARSET_GB2312 = 134;
/** Body size: printed at ≥ 9 pt once the sheet is scaled to the page width (the sheets are ≤ 130 wide). */
export const BODY_SIZE = 11;
const LIGHT_GREY = 'FFD9D9D9';
/** Page margins in inches: the usable height of an A4 landscape page is PRINT_HEIGHT points. */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 } as const;
export const PRINT_HEIGHT = 595.3 - (MARGINS.top + MARGINS.bottom) * 72;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export function font(size: number, extra: Partial<ExcelJS.Font> = {}, name = SONG): Partial<ExcelJS.Font> {
  return { name, size, charset: CHARSET_GB2312, ...extra };
}

/** Text for a header/footer section: `&` is a control character there and is doubled. */
function headerFooterText(text: string): string {
  return text.replaceAll('&', '&&');
}

export function merge(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
}

/** A worksheet set up for print: A4 landscape, one page wide, `repeatRows` on every page, the mark and page x of y. */
export function addPrintSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  widths: readonly number[],
  repeatRows: readonly [number, number] | undefined,
  secrecyMark: string | undefined,
): ExcelJS.Worksheet {
  const mark = secrecyMark === undefined || secrecyMark === '' ? '' : headerFooterText(secrecyMark);
  const ws = workbook.addWorksheet(name, {
    views: repeatRows
      ? [{ state: 'frozen', xSplit: 0, ySplit: repeatRows[1], topLeftCell: `A${String(repeatRows[1] + 1)}`, activeCell: `A${String(repeatRows[1] + 1)}` }]
      : [],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages high as needed
      horizontalCentered: true,
      margins: { ...MARGINS },
      ...(repeatRows ? { printTitlesRow: `${String(repeatRows[0])}:${String(repeatRows[1])}` } : {}),
    },
    headerFooter: {
      differentFirst: false,
      differentOddEven: false,
      ...(mark === '' ? {} : { oddHeader: `&L&12&"${SONG},Bold"${mark}` }),
      oddFooter: `&C&10&"${SONG},Regular"第 &P 页 共 &N 页${mark === '' ? '' : `    ${mark}`}`,
    },
  });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

/**
 * Title and header block at the top of a sheet; returns the next free row. The header block is one merged
 * cell of `label：value` pairs separated by full-width spaces, as in real tables; the importer reads it by
 * label. The secrecy mark is not repeated here: the page header and footer print it on every page.
 */
export function addTitleBlock(ws: ExcelJS.Worksheet, columns: number, spec: { title: string; info: readonly (readonly [string, string])[] }): number {
  let row = 1;
  const title = ws.getCell(row, 1);
  title.value = spec.title;
  title.font = font(16, { bold: true }, HEI);
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  merge(ws, row, 1, row, columns);
  ws.getRow(row).height = TITLE_HEIGHTS[0];
  row += 1;
  const info = ws.getCell(row, 1);
  info.value = spec.info.map(([label, value]) => `${label}：${value}`).join('　　');
  info.font = font(BODY_SIZE);
  info.alignment = { horizontal: 'left', vertical: 'middle' };
  merge(ws, row, 1, row, columns);
  ws.getRow(row).height = TITLE_HEIGHTS[1];
  return row + 1;
}

/** Heights of the title and header-block rows, in points. */
export const TITLE_HEIGHTS = [30, 20] as const;

function styleHeading(cell: ExcelJS.Cell): void {
  cell.font = font(BODY_SIZE, { bold: true }, HEI);
  cell.fill = solidFill(LIGHT_GREY);
  cell.border = THIN;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

export function styleBody(cell: ExcelJS.Cell, horizontal: 'left' | 'center' = 'center'): void {
  cell.font = font(BODY_SIZE);
  cell.border = THIN;
  cell.alignment = { horizontal, vertical: 'middle', wrapText: horizontal === 'left' };
}

export function heading(ws: ExcelJS.Worksheet, row: number, col: number, text: string, bottom = row, right = col): void {
  for (let r = row; r <= bottom; r += 1) for (let c = col; c <= right; c += 1) styleHeading(ws.getCell(r, c));
  // A blank heading (a 职业功能 column of the blank template) stays an empty cell.
  if (text !== '') ws.getCell(row, col).value = text;
  merge(ws, row, col, bottom, right);
}
