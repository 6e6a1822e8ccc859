/**
 * 技能考核内容结构表 as Excel (domain-formats.md §2): a matrix of 职业功能 (名称 + 代码) + 合计 by columns
 * and, per 级别, the rows 选考方式, 鉴定比重(%), 考试时间(min), 考核形式 — the content of
 * `practicalMatrix`, which the Word twin prints too.
 */
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

/** The 技能考核内容结构表 as .xlsx bytes; deterministic for the same input. */
export async function practicalStructureXlsx(input: PracticalStructureXlsxInput): Promise<Uint8Array> {
  const matrix = practicalMatrix(input.structure);
  const modules = matrix.modules;
  const totalColumn = 3 + modules.length;
  const columns = totalColumn;
  const widths = [14, 16, ...modules.map(() => 16), 12];
  const headerTop = 3;
  const headerBottom = headerTop + 2;
  const workbook = newWorkbook(input.generatedAt);
  const title = `${occupationDisplayName(input.occupationName, input.track)} ${PRACTICAL_SHEET_NAME}`;
  workbook.title = title;
  const ws = addPrintSheet(workbook, PRACTICAL_SHEET_NAME, widths, [headerTop, headerBottom], input.secrecyMark);
  addTitleBlock(ws, columns, {
    title,
    info: [
      ['职业', input.occupationName],
      ['职业编码', input.occupationCode],
      ...(input.track !== '' ? [['方向', input.track] as const] : []),
      ['鉴定方式', '技能考核'],
    ],
  });

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
  for (const lv of matrix.levels) {
    for (let r = row; r < row + PRACTICAL_ROW_LABELS.length; r += 1) for (let c = 1; c <= columns; c += 1) styleBody(ws.getCell(r, c));
    ws.getCell(row, 1).value = lv.name;
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
  noteCell.value = matrix.note;
  noteCell.font = font(BODY_SIZE);
  noteCell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  merge(ws, row + 1, 1, row + 1, columns);
  ws.getRow(row + 1).height = 32;
  return toBytes(workbook);
}
