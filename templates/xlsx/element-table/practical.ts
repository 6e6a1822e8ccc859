/**
 * 技能考核内容结构表 as Excel (domain-formats.md §2): a matrix of 职业功能 (名称 + 代码) + 合计 by columns
 * and, per 级别, the rows 选考方式, 鉴定比重(%), 考试时间(min), 考核形式.
 */
import { roundTo } from '../../../app/domain/format.js';
import { levelName } from '../../../app/domain/level.js';
import { occupationDisplayName } from '../../../app/domain/occupation.js';
import { levelTotals, type PracticalStructure, type StructureEntry } from '../../../app/domain/practical-structure.js';
import { newWorkbook, toBytes } from '../workbook.js';
import { addPrintSheet, addTitleBlock, BODY_SIZE, font, heading, merge, styleBody } from './layout.js';

export const PRACTICAL_SHEET_NAME = '技能考核内容结构表';

/** Row labels of the practical matrix, per 级别 (domain-formats.md §2, P8). */
export const PRACTICAL_ROW_LABELS = ['选考方式', '鉴定比重（%）', '考试时间（min）', '考核形式'] as const;

const NOT_ASSESSED = '—';

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
  const { structure } = input;
  const modules = structure.modules;
  const totalColumn = 3 + modules.length;
  const columns = totalColumn;
  const widths = [14, 16, ...modules.map(() => 16), 12];
  const titleRows = (input.secrecyMark ? 1 : 0) + 2;
  const headerTop = titleRows + 1;
  const headerBottom = headerTop + 2;
  const workbook = newWorkbook(input.generatedAt);
  const title = `${occupationDisplayName(input.occupationName, input.track)} ${PRACTICAL_SHEET_NAME}`;
  workbook.title = title;
  const ws = addPrintSheet(workbook, PRACTICAL_SHEET_NAME, widths, [headerTop, headerBottom], input.secrecyMark);
  addTitleBlock(ws, columns, {
    secrecyMark: input.secrecyMark,
    title,
    info: [
      ['职业', input.occupationName],
      ['职业编码', input.occupationCode],
      ...(input.track !== '' ? [['方向', input.track] as const] : []),
      ['鉴定方式', '技能考核'],
    ],
  });

  // Header band: 级别 | 项目 | 职业功能 (名称 over 代码) … | 合计.
  heading(ws, headerTop, 1, '级别', headerBottom);
  heading(ws, headerTop, 2, '项目', headerBottom);
  heading(ws, headerTop, 3, '职业功能', headerTop, 2 + modules.length);
  modules.forEach((m, i) => {
    heading(ws, headerTop + 1, 3 + i, m.name);
    heading(ws, headerBottom, 3 + i, m.code);
  });
  heading(ws, headerTop, totalColumn, '合计', headerBottom);
  ws.getRow(headerTop + 1).height = 30;

  let row = headerBottom + 1;
  for (const lv of structure.levels) {
    const byModule = new Map<string, StructureEntry>(lv.entries.map((e) => [e.module, e]));
    const totals = levelTotals(lv);
    const taken = [...lv.entries.filter((e) => e.mode === '必考'), ...lv.entries.filter((e) => e.mode === '选考').slice(0, lv.selectCount)];
    const forms = [...new Set(taken.map((e) => e.form))].join('、');
    for (let r = row; r < row + PRACTICAL_ROW_LABELS.length; r += 1) for (let c = 1; c <= columns; c += 1) styleBody(ws.getCell(r, c));
    ws.getCell(row, 1).value = levelName(lv.level);
    merge(ws, row, 1, row + PRACTICAL_ROW_LABELS.length - 1, 1);
    PRACTICAL_ROW_LABELS.forEach((label, k) => {
      ws.getCell(row + k, 2).value = label;
    });
    modules.forEach((m, i) => {
      const e = byModule.get(m.code);
      const col = 3 + i;
      ws.getCell(row, col).value = e ? e.mode : NOT_ASSESSED;
      ws.getCell(row + 1, col).value = e ? roundTo(e.weight, 6) : NOT_ASSESSED;
      ws.getCell(row + 2, col).value = e ? e.minutes : NOT_ASSESSED;
      ws.getCell(row + 3, col).value = e ? e.form : NOT_ASSESSED;
    });
    ws.getCell(row, totalColumn).value = `${String(totals.modules)}项`;
    ws.getCell(row + 1, totalColumn).value = roundTo(totals.weight, 6);
    ws.getCell(row + 2, totalColumn).value = totals.minutes;
    ws.getCell(row + 3, totalColumn).value = forms;
    row += PRACTICAL_ROW_LABELS.length;
  }

  // How many 选考 modules a candidate takes, per level that has any.
  const notes = structure.levels
    .filter((lv) => lv.entries.some((e) => e.mode === '选考'))
    .map((lv) => `${levelName(lv.level)}：考生须考全部必考项目，并从选考项目中任选 ${String(lv.selectCount)} 项`);
  const noteCell = ws.getCell(row + 1, 1);
  noteCell.value = `注：“${NOT_ASSESSED}”表示该级别不考核此项职业功能；合计栏为考生所考项目数、鉴定比重之和与考试时间之和。${notes.length > 0 ? `${notes.join('；')}。` : ''}`;
  noteCell.font = font(BODY_SIZE);
  noteCell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  merge(ws, row + 1, 1, row + 1, columns);
  ws.getRow(row + 1).height = 32;
  return toBytes(workbook);
}
