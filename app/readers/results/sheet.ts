/**
 * The answer sheet of an exam sitting (`qbank results import`), as a table of text: an .xlsx workbook
 * (its first worksheet) or CSV/TSV text, a header row and one row per candidate. Read with the bounded
 * readers of this folder's parents (zip/XML bounds, time budget, CSV size/line/row bounds, UTF-8 only);
 * which column is which, and whether a cell fits its item, is decided by the service against the paper.
 */
import { readCsvLines } from '../csv.js';
import { bound, ReaderError } from '../errors.js';
import { DEFAULT_LIMITS, type ReadOptions } from '../limits.js';
import { cellScalar, cellText, loadWorkbook } from '../xlsx/cells.js';
import { resultsReaderMessages as m } from './messages.js';

export interface SheetRow {
  /** 1-based line (CSV) or row number (xlsx), for messages. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface ResultSheet {
  readonly header: readonly string[];
  readonly rows: readonly SheetRow[];
}

/** The answer sheet is refused as a whole (not a workbook or CSV text, over a bound); the message says why. */
export class ResultSheetError extends ReaderError {
  override name = 'ResultSheetError';
}

/** Columns a sheet may have: the candidate, a few ignored ones (姓名 …) and the items of the longest paper. */
export const MAX_COLUMNS = 1000;

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * One line's fields (RFC 4180 quoting: `"A,B"` is one field, `""` a quote inside it), separated by tab
 * when the line has one, else by comma. A line break inside quotes is not supported (lines are read first).
 */
export function splitCsv(text: string): string[] {
  const sep = text.includes('\t') ? '\t' : ',';
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === sep) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

function table(lines: readonly SheetRow[]): ResultSheet {
  const [head, ...rows] = lines;
  if (!head || rows.length === 0) throw new ResultSheetError(m.refused(m.empty));
  const widest = rows.reduce((w, r) => Math.max(w, r.cells.length), head.cells.length);
  if (widest > MAX_COLUMNS) throw new ResultSheetError(m.refused(m.tooManyColumns(widest, MAX_COLUMNS)));
  return { header: head.cells, rows };
}

export async function readResultSheet(bytes: Uint8Array, options: ReadOptions = {}): Promise<ResultSheet> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (!isZip(bytes)) {
    try {
      return table(readCsvLines(bytes, limits).map(({ line, text }) => ({ line, cells: splitCsv(text) })));
    } catch (e) {
      if (e instanceof ResultSheetError || !(e instanceof ReaderError)) throw e;
      throw new ResultSheetError(m.refused(e.message));
    }
  }
  const loaded = await loadWorkbook(bytes, options, m.notKind);
  if (typeof loaded === 'string') throw new ResultSheetError(m.refused(loaded));
  const sheet = loaded.workbook.worksheets[0];
  if (!sheet) throw new ResultSheetError(m.refused(m.noSheet));
  const lines: SheetRow[] = [];
  try {
    bound('sheetRows', limits, sheet.rowCount);
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      loaded.budget.check();
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        if (col > MAX_COLUMNS) throw new ResultSheetError(m.refused(m.tooManyColumns(col, MAX_COLUMNS)));
        cells[col - 1] = cellText(cellScalar(cell.value)).trim();
      });
      const filled = Array.from({ length: cells.length }, (_v, i) => cells[i] ?? '');
      if (filled.some((c) => c !== '')) lines.push({ line: number, cells: filled });
    });
  } catch (e) {
    if (e instanceof ResultSheetError || !(e instanceof ReaderError)) throw e;
    throw new ResultSheetError(m.refused(e.message));
  }
  return table(lines);
}
