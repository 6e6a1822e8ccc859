/**
 * The sheet kit of the item import template (templates/xlsx/item-template.ts): data sheets with a styled,
 * frozen header row, column widths and text formats, range data validations (drop-down lists, number
 * ranges, prompts) over the rows 2 … LAST_TEMPLATE_ROW, and example rows in grey italics.
 */
import type ExcelJS from 'exceljs';
import { displayWidth, solidFill } from '../workbook.js';

/** Data validations cover the rows 2 … LAST_TEMPLATE_ROW. */
export const LAST_TEMPLATE_ROW = 5001;

export interface Column {
  header: string;
  width: number;
  wrap?: boolean;
  /** Excel number format `@` (text), so that codes and keys are never turned into numbers or dates. */
  text?: boolean;
  note?: string;
}

export const SONG = '宋体';
export const CHARSET_GB2312 = 134;
const HEADER_FILL = 'FFD9E1F2';
const EXAMPLE_GREY = 'FF808080';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * exceljs writes range validations (`A2:A5001`, one `<dataValidation sqref>`), but its typings only
 * expose per-cell validations; this is the documented runtime object (`lib/doc/data-validations.js`).
 */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}
function validations(worksheet: ExcelJS.Worksheet): RangeValidations {
  return (worksheet as unknown as { dataValidations: RangeValidations }).dataValidations;
}

/** Adds `validation` to the cells of `range` (`C6:H6`). */
export function addRangeValidation(worksheet: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  validations(worksheet).add(range, validation);
}

export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The data range of column `index` (1-based): `C2:C5001`. */
function dataRange(index: number): string {
  const c = columnLetter(index);
  return `${c}2:${c}${String(LAST_TEMPLATE_ROW)}`;
}

/** Adds `validation` to the data rows of the column headed `header` (which must be one of `columns`). */
export function validateColumn(worksheet: ExcelJS.Worksheet, columns: readonly Column[], header: string, validation: ExcelJS.DataValidation): void {
  const index = columns.findIndex((c) => c.header === header) + 1;
  if (index === 0) throw new Error(`no column ${header}`);
  addRangeValidation(worksheet, dataRange(index), validation);
}

/** A data sheet: header in row 1 (frozen, repeated when printed), column widths and text formats. */
export function addDataSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly Column[]): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  worksheet.columns = columns.map((c) => ({
    width: c.width,
    style: {
      font: { name: SONG, size: 10.5, charset: CHARSET_GB2312 },
      alignment: { vertical: 'top', wrapText: c.wrap === true },
      ...(c.text === true ? { numFmt: '@' } : {}),
    },
  }));
  const header = worksheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: SONG, size: 10.5, charset: CHARSET_GB2312, bold: true };
    cell.fill = solidFill(HEADER_FILL);
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (c.note !== undefined) cell.note = c.note;
  });
  header.height = 20;
  return worksheet;
}

/**
 * Example rows from row 2 on, in grey italics (a blank value leaves its cell empty). With `columns`, a row
 * whose text needs several lines (line breaks, or wrapping in its column) is made that tall: not every
 * program grows a row for wrapped text by itself.
 */
export function writeExampleRows(worksheet: ExcelJS.Worksheet, rows: readonly (readonly (string | number)[])[], columns?: readonly Column[]): void {
  rows.forEach((values, r) => {
    const row = worksheet.getRow(2 + r);
    let lines = 1;
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v === '' ? null : v;
      cell.font = { name: SONG, size: 10.5, charset: CHARSET_GB2312, italic: true, color: { argb: EXAMPLE_GREY } };
      const column = columns?.[c];
      if (typeof v === 'string' && column?.wrap === true) {
        lines = Math.max(lines, v.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / (column.width - 2))), 0));
      }
    });
    if (lines > 1) row.height = 14 * lines + 2;
  });
}

/** What every validation of the template shares: blank allowed, the prompt shown, a wrong value stopped. */
function stopping(prompt: string, error: string) {
  return { allowBlank: true, showInputMessage: true, prompt, showErrorMessage: true, errorStyle: 'stop', errorTitle: '输入有误', error } as const;
}

export function listValidation(formula: string, prompt: string, error: string): ExcelJS.DataValidation {
  return { type: 'list', formulae: [formula], ...stopping(prompt, error) };
}

export function numberValidation(type: 'whole' | 'decimal', min: number, max: number, prompt: string, error: string): ExcelJS.DataValidation {
  return { type, operator: 'between', formulae: [min, max], ...stopping(prompt, error) };
}

export function promptOnly(prompt: string): ExcelJS.DataValidation {
  return { type: 'custom', allowBlank: true, formulae: ['TRUE'], showInputMessage: true, prompt };
}

/** A literal list for a list validation: `"实操,笔试"`. */
export const quoted = (values: readonly string[]) => `"${values.join(',')}"`;
