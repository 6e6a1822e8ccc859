/**
 * The cells of a 细目表 / 内容结构表 sheet and the problems that name them. A table cell is read by the one
 * cell reader of xlsx/cells.ts, with its number and whether it is a percentage; merged cells are seen two
 * ways: the header sees a merge's value in every cell it covers, the data sees the covered cells as empty
 * (“same as above/left”). Formula cells are refused for the whole file: 鉴定比重 and codes decide every
 * paper, and a formula's cached result is whatever the file says it is.
 */
import ExcelJS from 'exceljs';
import type { Problem } from '../../domain/validation.js';
import type { ReadOptions } from '../limits.js';
import { cellList } from '../messages.js';
import { cellScalar, cellText, columnName, loadWorkbook } from '../xlsx/cells.js';
import { elementTableLabels as L, elementTableMessages as M } from './messages.js';

export interface Raw {
  /** Trimmed display text. */
  text: string;
  /** The number when the cell holds one. */
  number?: number;
  /** A percentage format (`0%`): 0.25 means 25. */
  percent: boolean;
}

export const EMPTY: Raw = { text: '', percent: false };

function rawOf(value: ExcelJS.CellValue, percent: boolean): Raw {
  const v = cellScalar(value);
  const text = cellText(v);
  return typeof v === 'number' ? { text, number: v, percent } : { text, percent };
}

/** A cell as the header sees it: a merged cell shows its master's value in every cell it covers. */
export function headerRaw(cell: ExcelJS.Cell): Raw {
  return rawOf(cell.value, false);
}

/** A cell as the data sees it: the covered cells of a merge are empty (“same as above/left”). */
export function dataRaw(cell: ExcelJS.Cell): Raw {
  if (cell.type === ExcelJS.ValueType.Merge) return EMPTY;
  return rawOf(cell.value, typeof cell.numFmt === 'string' && cell.numFmt.includes('%'));
}

/** The texts of the first `columns` cells of a row. */
export function rowTexts(ws: ExcelJS.Worksheet, row: number, columns: number, read: (c: ExcelJS.Cell) => Raw): string[] {
  const r = ws.getRow(row);
  return Array.from({ length: columns }, (_, i) => read(r.getCell(i + 1)).text);
}

/** Footer and note rows under a table: 填表人/审表人, 注/说明. */
export const NOTE_ROW = /^(?:填表|审表|审核|制表|编制|说明|注[:：\s]|注$|备注)/;

export function fileProblem(message: string, severity: Problem['severity'] = 'error'): Problem {
  return { severity, path: [], field: '', message };
}

export function headerProblem(message: string): Problem {
  return { severity: 'error', path: ['header'], field: L.header, message };
}

/** `第12行 鉴定点代码: “01” 应为三位数字` (with `formatProblem`); the path holds row and column letter. */
export function cellProblem(row: number, col: number, label: string, message: string, severity: Problem['severity'] = 'error'): Problem {
  return { severity, path: [row, columnName(col)], field: L.atRow(row, label), message };
}

/** Cell problems in reading order (row, then column); problems about the whole file or header keep their place after them. */
export function inReadingOrder(problems: Problem[]): Problem[] {
  const key = (p: Problem): [number, number] => {
    const [row, col] = p.path;
    if (typeof row !== 'number') return [Number.POSITIVE_INFINITY, 0];
    let n = 0;
    for (const ch of typeof col === 'string' ? col : '') n = n * 26 + ch.charCodeAt(0) - 64;
    return [row, n];
  };
  return problems
    .map((p, i) => ({ p, i, k: key(p) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.p);
}

/** The workbook, or the file-level problem: damaged, over a bound, without sheets, or holding formula cells. */
export async function loadTableWorkbook(bytes: Uint8Array, options: ReadOptions): Promise<ExcelJS.Workbook | Problem> {
  const loaded = await loadWorkbook(bytes, options, M.notXlsx);
  if (typeof loaded === 'string') return fileProblem(loaded);
  const { workbook } = loaded;
  for (const ws of workbook.worksheets) {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) cells.push(cell.address);
      }),
    );
    if (cells.length > 0) return fileProblem(M.formulas(ws.name, cells.length, cellList(cells)));
  }
  if (workbook.worksheets.length === 0) return fileProblem(M.noSheet);
  return workbook;
}
