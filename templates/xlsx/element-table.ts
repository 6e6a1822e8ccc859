/**
 * 细目表 as Excel (domain-formats.md §1, §2):
 * - 理论知识考核要素细目表: title, header block `职业：… 等级：… 鉴定方式：理论知识 鉴定点数：113`, then
 *   鉴定范围 一级/二级/三级(/四级), each {名称, 代码, 重要程度比例 (X:Y:Z), 鉴定比重}, and 鉴定点 {代码, 名称,
 *   重要程度}; one row per 鉴定点, 鉴定范围 cells merged vertically over their rows (命题技术标准 表2.1/表2.2).
 * - 技能考核内容结构表: a matrix of 职业功能 (名称 + 代码) + 合计 by columns and, per 级别, the rows 选考方式,
 *   鉴定比重(%), 考试时间(min), 考核形式.
 * - the blank 细目表 template (`qbank template elements`): the theory layout with two example rows and a
 *   填写说明 sheet.
 * Pure: domain data in, bytes out; no clock (dates come from `generatedAt`), no file system.
 * `app/services/import/xlsx-element-table.ts` reads these layouts (and real-world variants) back.
 */
import type ExcelJS from 'exceljs';
import { elementTableStats, formatImportanceRatio, MAX_SCOPE_DEPTH, type ScopeNode, type TheoryElementTable } from '../../app/domain/element-table.js';
import { levelName, type Level } from '../../app/domain/level.js';
import { occupationDisplayName } from '../../app/domain/occupation.js';
import { levelTotals, type PracticalStructure, type StructureEntry } from '../../app/domain/practical-structure.js';
import { displayWidth, newWorkbook, solidFill, toBytes } from './workbook.js';

export const THEORY_SHEET_NAME = '理论知识考核要素细目表';
export const PRACTICAL_SHEET_NAME = '技能考核内容结构表';
export const INSTRUCTIONS_SHEET_NAME = '填写说明';

/** Labels of the theory layout (the importer finds its columns by these words, not by position). */
export const THEORY_LABELS = {
  scope: '鉴定范围',
  element: '鉴定点',
  levels: ['一级', '二级', '三级', '四级'],
  scopeFields: ['名称', '代码', '重要程度比例', '鉴定比重'],
  elementFields: ['代码', '名称', '重要程度'],
} as const;

/** Row labels of the practical matrix, per 级别 (domain-formats.md §2, P8). */
export const PRACTICAL_ROW_LABELS = ['选考方式', '鉴定比重（%）', '考试时间（min）', '考核形式'] as const;

const NOT_ASSESSED = '—';
const SONG = '宋体';
const HEI = '黑体';
/** GB2312 charset, so Excel picks the East Asian face for these fonts. */
const CHARSET_GB2312 = 134;
const BODY_SIZE = 10.5;
const LIGHT_GREY = 'FFD9D9D9';
const RED = 'FFC00000';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export interface TheoryElementTableXlsxInput {
  occupationName: string;
  occupationCode: string;
  track: string;
  level: Level;
  table: TheoryElementTable;
  /** `机密★启用前`: printed above the title and in the page header of every page (规程第四条). */
  secrecyMark?: string;
  generatedAt: Date;
}

export interface PracticalStructureXlsxInput {
  occupationName: string;
  occupationCode: string;
  track: string;
  structure: PracticalStructure;
  secrecyMark?: string;
  generatedAt: Date;
}

export interface ElementTableTemplateXlsxInput {
  occupationName?: string;
  occupationCode?: string;
  track?: string;
  level?: Level;
  generatedAt: Date;
}

function font(size: number, extra: Partial<ExcelJS.Font> = {}, name = SONG): Partial<ExcelJS.Font> {
  return { name, size, charset: CHARSET_GB2312, ...extra };
}

/** Text for a header/footer section: `&` is a control character there and is doubled. */
function headerFooterText(text: string): string {
  return text.replaceAll('&', '&&');
}

function merge(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
}

/** A worksheet set up for print: A4 landscape, one page wide, `repeatRows` on every page, page x of y. */
function addPrintSheet(
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
function addTitleBlock(
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

function styleBody(cell: ExcelJS.Cell, horizontal: 'left' | 'center' = 'center'): void {
  cell.font = font(BODY_SIZE);
  cell.border = THIN;
  cell.alignment = { horizontal, vertical: 'middle', wrapText: horizontal === 'left' };
}

function heading(ws: ExcelJS.Worksheet, row: number, col: number, text: string, bottom = row, right = col): void {
  for (let r = row; r <= bottom; r += 1) for (let c = col; c <= right; c += 1) styleHeading(ws.getCell(r, c));
  ws.getCell(row, col).value = text;
  merge(ws, row, col, bottom, right);
}

// ---------------------------------------------------------------------------------------------------
// 理论知识考核要素细目表

const SCOPE_FIELD_COUNT = 4;
const SCOPE_WIDTHS = [16, 6, 12, 7] as const; // 名称, 代码, 重要程度比例, 鉴定比重
const ELEMENT_WIDTHS = [7, 36, 8] as const; // 代码, 名称, 重要程度

/** Column of a scope field (0 名称, 1 代码, 2 重要程度比例, 3 鉴定比重) at `level` (1-based). */
function scopeColumn(level: number, field: number): number {
  return (level - 1) * SCOPE_FIELD_COUNT + field + 1;
}

function elementColumn(depth: number, field: number): number {
  return depth * SCOPE_FIELD_COUNT + field + 1;
}

function depthOf(nodes: readonly ScopeNode[]): number {
  let depth = 0;
  for (const n of nodes) depth = Math.max(depth, 1 + depthOf(n.children ?? []));
  return depth;
}

/** Rows a scope node takes: one per 鉴定点 (at least one), or the sum over its children. */
function spanOf(node: ScopeNode): number {
  const children = node.children ?? [];
  if (children.length > 0) return children.reduce((a, c) => a + spanOf(c), 0);
  return Math.max(1, (node.elements ?? []).length);
}

interface TheorySheetSpec {
  title: string;
  secrecyMark?: string | undefined;
  info: readonly (readonly [string, string])[];
  scopes: readonly ScopeNode[];
  /** Number of scope levels shown (at least the depth of the table). */
  depth: number;
}

function addTheorySheet(workbook: ExcelJS.Workbook, spec: TheorySheetSpec): ExcelJS.Worksheet {
  const depth = Math.min(MAX_SCOPE_DEPTH, Math.max(1, spec.depth, depthOf(spec.scopes)));
  const columns = depth * SCOPE_FIELD_COUNT + ELEMENT_WIDTHS.length;
  const widths = [...Array.from({ length: depth }, () => SCOPE_WIDTHS).flat(), ...ELEMENT_WIDTHS];
  const titleRows = (spec.secrecyMark ? 1 : 0) + 2;
  const headerTop = titleRows + 1;
  const headerBottom = headerTop + 2;
  const ws = addPrintSheet(workbook, THEORY_SHEET_NAME, widths, [headerTop, headerBottom], spec.secrecyMark);
  addTitleBlock(ws, columns, spec);

  // Header band: 鉴定范围 | 鉴定点; 一级 … ; 名称 代码 重要程度比例 鉴定比重 ×depth | 代码 名称 重要程度.
  heading(ws, headerTop, 1, THEORY_LABELS.scope, headerTop, depth * SCOPE_FIELD_COUNT);
  heading(ws, headerTop, elementColumn(depth, 0), THEORY_LABELS.element, headerTop, columns);
  for (let level = 1; level <= depth; level += 1) {
    heading(ws, headerTop + 1, scopeColumn(level, 0), THEORY_LABELS.levels[level - 1] ?? '', headerTop + 1, scopeColumn(level, 3));
    THEORY_LABELS.scopeFields.forEach((label, f) => heading(ws, headerBottom, scopeColumn(level, f), label));
  }
  THEORY_LABELS.elementFields.forEach((label, f) => heading(ws, headerTop + 1, elementColumn(depth, f), label, headerBottom));
  ws.getRow(headerBottom).height = 28;

  // Body: every cell bordered first, then the values; scope cells merged over their rows.
  const first = headerBottom + 1;
  const rows = spec.scopes.reduce((a, n) => a + spanOf(n), 0);
  for (let r = first; r < first + rows; r += 1) {
    for (let c = 1; c <= columns; c += 1) styleBody(ws.getCell(r, c));
    const name = ws.getCell(r, elementColumn(depth, 1));
    styleBody(name, 'left');
  }
  const ratios = new Map(elementTableStats({ scopes: [...spec.scopes] }).scopes.map((s) => [s.path, formatImportanceRatio(s.counts)]));

  const writeNode = (node: ScopeNode, level: number, row: number, codes: readonly string[]): void => {
    const path = [...codes, node.code];
    const span = spanOf(node);
    const values: (string | number)[] = [node.name, node.code, ratios.get(path.join('-')) ?? '', node.weight];
    values.forEach((value, f) => {
      const col = scopeColumn(level, f);
      ws.getCell(row, col).value = value;
      merge(ws, row, col, row + span - 1, col);
    });
    styleBody(ws.getCell(row, scopeColumn(level, 0)), 'left');
    const children = node.children ?? [];
    if (children.length > 0) {
      let r = row;
      for (const child of children) {
        writeNode(child, level + 1, r, path);
        r += spanOf(child);
      }
      return;
    }
    (node.elements ?? []).forEach((e, i) => {
      ws.getCell(row + i, elementColumn(depth, 0)).value = e.code;
      ws.getCell(row + i, elementColumn(depth, 1)).value = e.name;
      ws.getCell(row + i, elementColumn(depth, 2)).value = e.importance;
    });
  };
  let row = first;
  for (const node of spec.scopes) {
    writeNode(node, 1, row, []);
    row += spanOf(node);
  }

  // 填表人/审表人 under the table (命题技术标准 表2.1 header fields), left blank for signatures.
  const sign = ws.getCell(row + 1, 1);
  sign.value = '填表人：　　　　　　填表日期：　　　　　　审表人：　　　　　　审表日期：';
  sign.font = font(BODY_SIZE);
  merge(ws, row + 1, 1, row + 1, columns);
  return ws;
}

function theoryTitle(occupationName: string | undefined, track: string | undefined, level: Level | undefined): string {
  const who = occupationName ? occupationDisplayName(occupationName, track) : '';
  const grade = level === undefined ? '' : levelName(level);
  const head = `${who}${grade}`;
  return head === '' ? THEORY_SHEET_NAME : `${head} ${THEORY_SHEET_NAME}`;
}

function countElements(nodes: readonly ScopeNode[]): number {
  return nodes.reduce((a, n) => a + (n.elements ?? []).length + countElements(n.children ?? []), 0);
}

/** The 理论知识考核要素细目表 of one 职业（方向）× 级别 as .xlsx bytes; deterministic for the same input. */
export async function theoryElementTableXlsx(input: TheoryElementTableXlsxInput): Promise<Uint8Array> {
  const workbook = newWorkbook(input.generatedAt);
  const title = theoryTitle(input.occupationName, input.track, input.level);
  workbook.title = title;
  addTheorySheet(workbook, {
    title,
    secrecyMark: input.secrecyMark,
    info: [
      ['职业', input.occupationName],
      ['职业编码', input.occupationCode],
      ...(input.track !== '' ? [['方向', input.track] as const] : []),
      ['等级', levelName(input.level)],
      ['鉴定方式', '理论知识'],
      ['鉴定点数', String(countElements(input.table.scopes))],
    ],
    scopes: input.table.scopes,
    depth: depthOf(input.table.scopes),
  });
  return toBytes(workbook);
}

/** Two example rows of the template: a valid two-branch table (一级 weights 25 + 75 = 100). */
export const TEMPLATE_EXAMPLE_SCOPES: readonly ScopeNode[] = [
  {
    code: 'A',
    name: '基本要求',
    weight: 25,
    children: [
      {
        code: 'A',
        name: '职业道德',
        weight: 25,
        children: [{ code: 'A', name: '职业道德基本知识', weight: 25, elements: [{ code: '001', name: '道德的概念（示例）', importance: 'X' }] }],
      },
    ],
  },
  {
    code: 'B',
    name: '相关知识',
    weight: 75,
    children: [
      {
        code: 'A',
        name: '工作内容一（示例）',
        weight: 75,
        children: [{ code: 'A', name: '相关知识一（示例）', weight: 75, elements: [{ code: '001', name: '鉴定点名称（示例）', importance: 'Y' }] }],
      },
    ],
  },
];

/** 填写说明 of the template, one rule per line. */
export const TEMPLATE_INSTRUCTIONS: readonly string[] = [
  '本表为理论知识考核要素细目表模板，一个职业（工种/方向）的一个等级填写一张表；表中两行示例请替换为实际内容。',
  '表头信息行按“职业：… 职业编码：… 方向：… 等级：… 鉴定方式：理论知识 鉴定点数：…”填写；职业编码格式为 d-dd-dd-dd（如 3-01-02-07），等级可写“四级”“中级工”“四级/中级工”或“4”。',
  '每个鉴定点占一行。鉴定范围可分 1～4 级（一级、二级、三级、四级）；同一鉴定范围的单元格可以合并，也可以只在第一行填写、下面各行留空（表示“同上”）。',
  '鉴定范围代码为一个大写字母，在同一上级范围内从 A 起依次编排（A、B、C…）；鉴定点代码为三位数字，在所属的最末级鉴定范围内从 001 起依次编排。完整代码形如 A-B-C-001。',
  '代码和名称也可以写在同一单元格，如“A基本要求”“001道德的概念”。',
  '重要程度填 X（核心要素）、Y（一般要素）或 Z（辅助要素）；一般 X 不低于 80%，Y 不超过 15%，Z 不超过 5%。',
  '鉴定比重为占整卷的百分比，可写 25 或 25%；各一级鉴定范围的比重之和应为 100，下级鉴定范围的比重之和应等于上级的比重。',
  '“重要程度比例”列（X:Y:Z，即该范围下各类鉴定点的个数）由程序导出时自动计算，导入时不读取，可以留空。',
  '理论知识鉴定点数量一般为比重的 2 倍以上；每个鉴定点下的试题一般不少于 4 道。',
];

/** The blank 细目表 for `qbank template elements`: the theory layout with two example rows and 填写说明. */
export async function elementTableTemplateXlsx(input: ElementTableTemplateXlsxInput): Promise<Uint8Array> {
  const workbook = newWorkbook(input.generatedAt);
  const title = theoryTitle(input.occupationName, input.track, input.level);
  workbook.title = title;
  addTheorySheet(workbook, {
    title,
    info: [
      ['职业', input.occupationName ?? ''],
      ['职业编码', input.occupationCode ?? ''],
      ['方向', input.track ?? ''],
      ['等级', input.level === undefined ? '' : levelName(input.level)],
      ['鉴定方式', '理论知识'],
      ['鉴定点数', String(countElements(TEMPLATE_EXAMPLE_SCOPES))],
    ],
    scopes: TEMPLATE_EXAMPLE_SCOPES,
    depth: 3,
  });

  const textWidth = 110;
  const ws = addPrintSheet(workbook, INSTRUCTIONS_SHEET_NAME, [6, textWidth], [2, 2], undefined);
  const title2 = ws.getCell(1, 1);
  title2.value = `${THEORY_SHEET_NAME} 填写说明`;
  title2.font = font(14, { bold: true }, HEI);
  title2.alignment = { horizontal: 'center', vertical: 'middle' };
  merge(ws, 1, 1, 1, 2);
  ws.getRow(1).height = 28;
  heading(ws, 2, 1, '序号');
  heading(ws, 2, 2, '说明');
  TEMPLATE_INSTRUCTIONS.forEach((text, i) => {
    const no = ws.getCell(3 + i, 1);
    no.value = i + 1;
    styleBody(no);
    const cell = ws.getCell(3 + i, 2);
    cell.value = text;
    styleBody(cell, 'left');
    // Wrapped text does not grow its row in every reader: the height is estimated from the width.
    ws.getRow(3 + i).height = 15 * Math.max(1, Math.ceil(displayWidth(text) / (textWidth - 4))) + 4;
  });
  return toBytes(workbook);
}

// ---------------------------------------------------------------------------------------------------
// 技能考核内容结构表

function formatNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6;
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
      ws.getCell(row + 1, col).value = e ? formatNumber(e.weight) : NOT_ASSESSED;
      ws.getCell(row + 2, col).value = e ? e.minutes : NOT_ASSESSED;
      ws.getCell(row + 3, col).value = e ? e.form : NOT_ASSESSED;
    });
    ws.getCell(row, totalColumn).value = `${String(totals.modules)}项`;
    ws.getCell(row + 1, totalColumn).value = formatNumber(totals.weight);
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
