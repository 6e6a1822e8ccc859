/**
 * The one reader of Excel cells and the one workbook loader of every xlsx reader (items, 细目表,
 * 内容结构表). A cell is seen as people see it in Excel:
 * - rich text joined; a hyperlink as its text; a formula as its cached result (callers that must not
 *   trust a result refuse formulas first, see `isFormula`); an error value (`#N/A`) as nothing;
 * - its text trimmed, CRLF and Excel's `_x000D_` escape turned into plain line breaks, a boolean as
 *   `TRUE`/`FALSE` (what Excel shows; readers of 判断 keys take 是/否 and TRUE/FALSE alike), a date as
 *   `YYYY-MM-DD`.
 * The loader runs the pre-scan of xlsx/package.ts (ZIP structure, CRC-32, sizes, XML depth and text, rows,
 * cells, merged ranges; the parts the import reads, found by the relationships), then hands exceljs only
 * those parts under the names it expects (xlsx/repack.ts), within the file's time budget: a template
 * re-saved by another program (openpyxl and LibreOffice Calc are tested) loads as the template did.
 */
import type ExcelJS from 'exceljs';
import { Budget, ReaderError, refusalMessage } from '../errors.js';
import { DEFAULT_LIMITS, type ReadOptions } from '../limits.js';
import { readerMessages } from '../messages.js';
import { checkXlsxPackage } from './package.js';
import { loadXlsxPackage, shortReason } from './repack.js';

export type CellScalar = string | number | boolean | Date | null | undefined;

/** The value a reader sees: rich text joined, a formula's cached result, a hyperlink's text. */
export function cellScalar(value: ExcelJS.CellValue | undefined): CellScalar {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return undefined;
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellScalar((value as { result?: ExcelJS.CellValue }).result);
  if ('hyperlink' in value && 'text' in value) return cellScalar((value as { text: ExcelJS.CellValue }).text);
  return undefined;
}

/** Cell text: trimmed, CRLF and Excel's `_x000D_` escape turned into plain line breaks. */
export function cellText(value: CellScalar): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number') s = String(value);
  else if (typeof value === 'boolean') s = value ? 'TRUE' : 'FALSE';
  else s = Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return s.replace(/_x000D_/g, '').replace(/\r\n?/g, '\n').trim();
}

/** A formula cell (its value is a cached result the file says it is). */
export function isFormula(value: ExcelJS.CellValue | undefined): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value);
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface LoadedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  /** The file's time budget, to be checked while its rows are read. */
  readonly budget: Budget;
}

/**
 * The workbook, or the file-level message when it is refused: `notKind` for a file that is not a
 * workbook (`不是有效的 Excel 文件（.xlsx）`: no ZIP, or a package without a workbook), the bound it
 * passes, or `notKind：reason` for damage — the reason names the part that cannot be read
 * (`xl/worksheets/sheet2.xml（工作表“理论知识试题”） 无法读取（…）`).
 */
export async function loadWorkbook(bytes: Uint8Array, options: ReadOptions, notKind: string): Promise<LoadedWorkbook | string> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const budget = new Budget(limits, options.clock);
  try {
    const pkg = checkXlsxPackage(bytes, limits, budget);
    if (pkg.workbook === undefined) return notKind;
    const workbook = await loadXlsxPackage(pkg, budget);
    budget.check();
    return { workbook, budget };
  } catch (e) {
    return refusalMessage(e instanceof ReaderError ? e : new ReaderError(readerMessages.workbookUnreadable(shortReason(e))), notKind);
  }
}
