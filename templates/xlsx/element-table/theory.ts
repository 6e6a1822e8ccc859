/**
 * 理论知识考核要素细目表 as Excel (domain-formats.md §1): title, header block `职业：… 等级：… 鉴定方式：理论知识
 * 鉴定点数：113`, then 鉴定范围 一级/二级/三级(/四级), each {名称, 代码, 重要程度比例 (X:Y:Z), 鉴定比重}, and 鉴定点
 * {代码, 名称, 重要程度}; one row per 鉴定点, 鉴定范围 cells merged vertically over their rows (命题技术标准
 * 表2.1/表2.2). The blank template (`template.ts`) uses the same sheet.
 */
import type ExcelJS from 'exceljs';
import { elementTableStats, formatImportanceRatio, MAX_SCOPE_DEPTH, type ScopeNode, type TheoryElementTable } from '../../../app/domain/element-table.js';
import { levelName, type Level } from '../../../app/domain/level.js';
import { occupationDisplayName } from '../../../app/domain/occupation.js';
import { newWorkbook, toBytes } from '../workbook.js';
import { addPrintSheet, addTitleBlock, BODY_SIZE, font, heading, merge, styleBody } from './layout.js';

export const THEORY_SHEET_NAME = '理论知识考核要素细目表';

/** Labels of the theory layout (the importer finds its columns by these words, not by position). */
export const THEORY_LABELS = {
  scope: '鉴定范围',
  element: '鉴定点',
  levels: ['一级', '二级', '三级', '四级'],
  scopeFields: ['名称', '代码', '重要程度比例', '鉴定比重'],
  elementFields: ['代码', '名称', '重要程度'],
} as const;

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

export interface TheorySheetSpec {
  title: string;
  secrecyMark?: string | undefined;
  info: readonly (readonly [string, string])[];
  scopes: readonly ScopeNode[];
  /** Number of scope levels shown (at least the depth of the table). */
  depth: number;
}

export function addTheorySheet(workbook: ExcelJS.Workbook, spec: TheorySheetSpec): ExcelJS.Worksheet {
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

export function theoryTitle(occupationName: string | undefined, track: string | undefined, level: Level | undefined): string {
  const who = occupationName ? occupationDisplayName(occupationName, track) : '';
  const grade = level === undefined ? '' : levelName(level);
  const head = `${who}${grade}`;
  return head === '' ? THEORY_SHEET_NAME : `${head} ${THEORY_SHEET_NAME}`;
}

export function countElements(nodes: readonly ScopeNode[]): number {
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
