/**
 * 技能考核内容结构表 as Excel (domain-formats.md §2): a matrix of 职业功能 (名称 + 代码) + 合计 by columns
 * and, per 级别, the rows 选考方式, 鉴定比重(%), 考试时间(min), 考核形式 — the content of
 * `practicalMatrix`, which the Word twin prints too.
 */
import type ExcelJS from 'exceljs';
import { occupationDisplayName } from '../../../app/domain/occupation.js';
import type { PracticalStructure } from '../../../app/domain/practical-structure.js';
import { PRACTICAL_COLUMNS, PRACTICAL_ROW_LABELS, practicalMatrix } from '../../element-table-shared.js';
import { newWorkbook, toBytes } from '../workbook.js';
import { addPrintSheet, addTitleBlock, BODY_SIZE, font, heading, merge, styleBody } from './layout.js';

export { PRACTICAL_ROW_LABELS } from '../../element-table-shared.js';

export const PRACTICAL_SHEET_NAME = '技能考核内容结构表';

export interface PracticalStructureXlsxInput {
  occupationName: string;
  occupationCode: string;
  track: string;
  structure: PracticalStructure;
  secrecyMark?: string;
  generatedAt: Date;
}

/** What a 技能考核内容结构表 sheet shows: its title block, 职业功能 columns, one block of four rows per 级别, the note. */
export interface PracticalSheetSpec {
  readonly title: string;
  readonly info: readonly (readonly [string, string])[];
  /** The 职业功能 columns; '' leaves a heading cell blank (the blank template). */
  readonly modules: readonly { readonly code: string; readonly name: string }[];
  /** Per 级别: its name ('' leaves it blank) and the four rows of PRACTICAL_ROW_LABELS, module values then 合计. */
  readonly levels: readonly { readonly name: string; readonly rows: readonly (readonly (string | number)[])[] }[];
  readonly note: string;
  readonly secrecyMark?: string | undefined;
}

/** Where the parts of a written sheet are (1-based), for the blank template's validations. */
export interface PracticalSheetLayout {
  readonly ws: ExcelJS.Worksheet;
  /** The first row of the first 级别 block. */
  readonly firstDataRow: number;
  readonly firstModuleColumn: number;
  readonly totalColumn: number;
}

/** Adds a 技能考核内容结构表 sheet in the national layout (the one app/readers/element-table/practical.ts reads). */
export function addPracticalSheet(workbook: ExcelJS.Workbook, name: string, spec: PracticalSheetSpec): PracticalSheetLayout {
  const modules = spec.modules;
  const totalColumn = 3 + modules.length;
  const columns = totalColumn;
  const widths = [14, 16, ...modules.map(() => 16), 12];
  const headerTop = 3;
  const headerBottom = headerTop + 2;
  const ws = addPrintSheet(workbook, name, widths, [headerTop, headerBottom], spec.secrecyMark);
  addTitleBlock(ws, columns, { title: spec.title, info: spec.info });

  // Header band: 级别 | 项目 | 职业功能 (名称 over 代码) … | 合计.
  heading(ws, headerTop, 1, PRACTICAL_COLUMNS.level, headerBottom);
  heading(ws, headerTop, 2, PRACTICAL_COLUMNS.item, headerBottom);
  heading(ws, headerTop, 3, PRACTICAL_COLUMNS.modules, headerTop, 2 + modules.length);
  modules.forEach((m, i) => {
    heading(ws, headerTop + 1, 3 + i, m.name);
    heading(ws, headerBottom, 3 + i, m.code);
  });
  heading(ws, headerTop, totalColumn, PRACTICAL_COLUMNS.total, headerBottom);
  ws.getRow(headerTop + 1).height = 30;

  let row = headerBottom + 1;
  for (const lv of spec.levels) {
    for (let r = row; r < row + PRACTICAL_ROW_LABELS.length; r += 1) for (let c = 1; c <= columns; c += 1) styleBody(ws.getCell(r, c));
    if (lv.name !== '') ws.getCell(row, 1).value = lv.name;
    merge(ws, row, 1, row + PRACTICAL_ROW_LABELS.length - 1, 1);
    PRACTICAL_ROW_LABELS.forEach((label, k) => {
      ws.getCell(row + k, 2).value = label;
      (lv.rows[k] ?? []).forEach((value, i) => {
        ws.getCell(row + k, 3 + i).value = value;
      });
    });
    row += PRACTICAL_ROW_LABELS.length;
  }

  const noteCell = ws.getCell(row + 1, 1);
  noteCell.value = spec.note;
  noteCell.font = font(BODY_SIZE);
  noteCell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  merge(ws, row + 1, 1, row + 1, columns);
  ws.getRow(row + 1).height = 32;
  return { ws, firstDataRow: headerBottom + 1, firstModuleColumn: 3, totalColumn };
}

/** The header block of a filled table: 职业, 职业编码, 方向 (when there is one), 鉴定方式. */
export function practicalInfo(occupationName: string, occupationCode: string, track: string): [string, string][] {
  return [['职业', occupationName], ['职业编码', occupationCode], ...(track !== '' ? [['方向', track] as [string, string]] : []), ['鉴定方式', '技能考核']];
}

/** The 技能考核内容结构表 as .xlsx bytes; deterministic for the same input. */
export async function practicalStructureXlsx(input: PracticalStructureXlsxInput): Promise<Uint8Array> {
  const matrix = practicalMatrix(input.structure);
  const workbook = newWorkbook(input.generatedAt);
  const title = `${occupationDisplayName(input.occupationName, input.track)} ${PRACTICAL_SHEET_NAME}`;
  workbook.title = title;
  addPracticalSheet(workbook, PRACTICAL_SHEET_NAME, {
    title,
    info: practicalInfo(input.occupationName, input.occupationCode, input.track),
    modules: matrix.modules,
    levels: matrix.levels,
    note: matrix.note,
    secrecyMark: input.secrecyMark,
  });
  return toBytes(workbook);
}
