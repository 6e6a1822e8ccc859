/**
 * Columns found by name in any order (the writers' template and the look-alike sheets writers already
 * keep): the header row is searched for among the first rows, extra columns are ignored, and each data
 * row is read as text per field. Used by the item workbook reader (theory, practical, 评分标准 and the
 * 准备通知单 sheets).
 */
import type ExcelJS from 'exceljs';
import { toHalfWidth } from '../../domain/text/normalise.js';
import { ITEM_CELL_MAX_CHARS, ITEM_TEMPLATE_SHEETS } from '../../domain/item-workbook.js';
import { problem, type Problem } from '../../domain/validation.js';
import type { Budget } from '../errors.js';
import { itemReaderMessages as m } from '../items/messages.js';
import { cellList } from '../messages.js';
import { cellScalar, cellText, columnName, isFormula, type CellScalar } from './cells.js';

/** Rows read per sheet; the import service takes at most 20 000 items per batch. */
export const MAX_SHEET_ROWS = 20000;
/** How far down the header row is searched for (titles above it are allowed). */
const HEADER_SEARCH_ROWS = 10;

export interface ColumnSpec<F extends string> {
  field: F;
  header: string;
  aliases?: readonly string[];
  required: boolean;
}

/** `题干（必填）`, `* 题 干`, `考核时间(分钟)` → `题干`, `题干`, `考核时间`. */
function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/\([^)]*\)|【[^】]*】|\[[^\]]*\]/g, '')
    .replace(/[\s*＊:]/g, '')
    .toUpperCase();
}

export interface SheetLayout<F extends string> {
  headerRow: number;
  columns: Partial<Record<F, number>>;
}

/**
 * Finds the header row (the row among the first ten naming the most required columns) and the column of
 * each field. Missing required columns are a file-level problem naming them; the sheet is then skipped.
 */
export function findLayout<F extends string>(
  sheet: ExcelJS.Worksheet,
  specs: readonly ColumnSpec<F>[],
  problems: Problem[],
): SheetLayout<F> | undefined {
  const names = new Map<string, F>();
  for (const s of specs) for (const n of [s.header, ...(s.aliases ?? [])]) names.set(normalizeHeader(n), s.field);
  let best: { row: number; columns: Partial<Record<F, number>>; required: number } | undefined;
  const lastRow = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= lastRow; r++) {
    const columns: Partial<Record<F, number>> = {};
    const row = sheet.getRow(r);
    row.eachCell((cell, c) => {
      const field = names.get(normalizeHeader(cellText(cellScalar(cell.value))));
      if (field !== undefined && columns[field] === undefined) columns[field] = c;
    });
    const required = specs.filter((s) => s.required && columns[s.field] !== undefined).length;
    if (required > (best?.required ?? 0)) best = { row: r, columns, required };
  }
  const missing = specs.filter((s) => s.required && best?.columns[s.field] === undefined).map((s) => s.header);
  if (missing.length > 0) {
    problems.push(problem([], m.missingColumns(sheet.name, missing)));
    return undefined;
  }
  if (best === undefined) return undefined;
  return { headerRow: best.row, columns: best.columns };
}

export interface SheetRow<F extends string> {
  row: number;
  text: Record<F, string>;
  scalar: Record<F, CellScalar>;
  problems: Problem[];
}

/**
 * The data rows of a sheet as texts per field; blank rows are left out; a cell longer than
 * ITEM_CELL_MAX_CHARS is cut and reported for its row (path = the field). A formula in the `key` field
 * refuses its row; any other formula cell is read as its cached result, with a warning naming the cells.
 */
export function readRows<F extends string>(
  sheet: ExcelJS.Worksheet,
  layout: SheetLayout<F>,
  fieldPath: (field: F) => (string | number)[],
  problems: Problem[],
  budget: Budget,
): SheetRow<F>[] {
  const out: SheetRow<F>[] = [];
  const fields = Object.keys(layout.columns) as F[];
  const formulas: string[] = [];
  let truncated = false;
  let seen = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if ((++seen & 0x3ff) === 0) budget.check();
    if (r <= layout.headerRow) return;
    if (r > layout.headerRow + MAX_SHEET_ROWS) {
      truncated = true;
      return;
    }
    const text = {} as Record<F, string>;
    const scalar = {} as Record<F, CellScalar>;
    const rowProblems: Problem[] = [];
    let blank = true;
    for (const f of fields) {
      const value = row.getCell(layout.columns[f] as number).value;
      if (isFormula(value)) {
        if (f === 'key') rowProblems.push(problem(fieldPath(f), m.formulaKey));
        else formulas.push(`${columnName(layout.columns[f] as number)}${String(r)}`);
      }
      const v = cellScalar(value);
      let t = cellText(v);
      if (t.length > ITEM_CELL_MAX_CHARS) {
        rowProblems.push(problem(fieldPath(f), m.cellTooLong(t.length, ITEM_CELL_MAX_CHARS)));
        t = t.slice(0, ITEM_CELL_MAX_CHARS);
      }
      text[f] = t;
      scalar[f] = typeof v === 'string' ? t : v;
      if (t !== '') blank = false;
    }
    if (!blank) out.push({ row: r, text, scalar, problems: rowProblems });
  });
  if (truncated) problems.push(problem([], m.sheetTooLong(sheet.name, MAX_SHEET_ROWS)));
  if (formulas.length > 0) problems.push(problem([], m.formulaCells(sheet.name, formulas.length, cellList(formulas)), 'warning'));
  return out;
}

/** The sheet with this exact name, else the first whose name contains one of the words (never 填写说明). */
export function findSheet(workbook: ExcelJS.Workbook, name: string, words: readonly string[], taken: Set<ExcelJS.Worksheet>): ExcelJS.Worksheet | undefined {
  const exact = workbook.worksheets.find((s) => s.name.trim() === name && !taken.has(s));
  if (exact) return exact;
  return workbook.worksheets.find((s) => !taken.has(s) && s.name !== ITEM_TEMPLATE_SHEETS.guide && words.some((w) => s.name.includes(w)));
}
