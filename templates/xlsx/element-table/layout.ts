/**
 * The print layout shared by the 细目表 sheets: 宋体/黑体 fonts with the GB2312 charset, thin borders,
 * grey headings, an A4 landscape sheet one page wide with repeated header rows and 第 x 页 共 y 页, and
 * the secrecy mark + title + `label：value` header block at the top.
 */
import type ExcelJS from 'exceljs';
import { solidFill } from '../workbook.js';

const SONG = '宋体';
export const HEI = '黑体';
/** GB2312 charset, so Excel picks the East Asian face for these fonts. */
const CHARSET_GB2312 = 134;
export const BODY_SIZE = 10.5;
const LIGHT_GREY = 'FFD9D9D9';
const RED = 'FFC00000';
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

/** A worksheet set up for print: A4 landscape, one page wide, `repeatRows` on every page, page x of y. */
export function addPrintSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  widths: readonly number[],
  repeatRows: readonly [number, number] | undefined,
  secrecyMark: string | undefined,
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, {
    views: repeatRows
      ? [{ state: 'frozen', xSplit: 0, ySplit: repeatRows[1], topLeftCell: `A${String(repeatRows[1] + 1)}`, activeCell: `A${String(repeatRows[1] + 1)}` }]
      : [],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(repeatRows ? { printTitlesRow: `${String(repeatRows[0])}:${String(repeatRows[1])}` } : {}),
    },
    headerFooter: {
      differentFirst: false,
      differentOddEven: false,
      ...(secrecyMark ? { oddHeader: `&L&12&"${SONG},Bold"${headerFooterText(secrecyMark)}` } : {}),
      oddFooter: `&C&10&"${SONG},Regular"第 &P 页 共 &N 页`,
    },
  });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

/**
 * Secrecy mark (optional), title and header block at the top of a sheet; returns the next free row.
 * The header block is one merged cell of `label：value` pairs separated by full-width spaces, as in
 * real tables; the importer reads it by label.
 */
export function addTitleBlock(
  ws: ExcelJS.Worksheet,
  columns: number,
  spec: { secrecyMark?: string | undefined; title: string; info: readonly (readonly [string, string])[] },
): number {
  let row = 1;
  if (spec.secrecyMark) {
    const mark = ws.getCell(row, 1);
    mark.value = spec.secrecyMark;
    mark.font = font(12, { bold: true, color: { argb: RED } });
    mark.alignment = { horizontal: 'left', vertical: 'middle' };
    merge(ws, row, 1, row, Math.min(columns, 4));
    ws.getRow(row).height = 20;
    row += 1;
  }
  const title = ws.getCell(row, 1);
  title.value = spec.title;
  title.font = font(16, { bold: true }, HEI);
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  merge(ws, row, 1, row, columns);
  ws.getRow(row).height = 30;
  row += 1;
  const info = ws.getCell(row, 1);
  info.value = spec.info.map(([label, value]) => `${label}：${value}`).join('　　');
  info.font = font(BODY_SIZE);
  info.alignment = { horizontal: 'left', vertical: 'middle' };
  merge(ws, row, 1, row, columns);
  ws.getRow(row).height = 20;
  return row + 1;
}

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
  ws.getCell(row, col).value = text;
  merge(ws, row, col, bottom, right);
}
