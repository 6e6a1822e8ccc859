/**
 * 理论知识考核要素细目表 as Excel (domain-formats.md §1): title, header block `职业：… 等级：… 鉴定方式：理论知识
 * 鉴定点数：113`, then 鉴定范围 一级/二级/三级(/四级), each {代码, 名称, 鉴定比重, 重要程度比例 (X:Y:Z)}, and 鉴定点
 * {代码, 名称, 重要程度} — the columns of the Word twin, in the national order (命题技术标准 表2.1) — one row per
 * 鉴定点, the 合计 row and the 填表人 line. Printed one page wide at a readable size with the header band on
 * every page; pages break between 鉴定范围 (pagination.ts), the merged cells split at the breaks, so no merged
 * cell is cut. The blank template (`template.ts`) uses the same sheet.
 */
import type ExcelJS from 'exceljs';
import { elementTableStats, formatImportanceRatio, MAX_SCOPE_DEPTH, type ScopeNode, type TheoryElementTable } from '../../../app/domain/element-table.js';
import { formatNumber } from '../../../app/domain/format.js';
import { levelName, type Level } from '../../../app/domain/level.js';
import { occupationDisplayName } from '../../../app/domain/occupation.js';
import { ELEMENT_FIELD, importanceSummary, SCOPE_FIELD, THEORY_COLUMNS } from '../../element-table-shared.js';
import { displayWidth, newWorkbook, toBytes } from '../workbook.js';
import { addPrintSheet, addTitleBlock, BODY_SIZE, font, heading, merge, PRINT_HEIGHT, styleBody, TITLE_HEIGHTS } from './layout.js';
import { paginate, partsOf, type MergedBlock } from './pagination.js';

export const THEORY_SHEET_NAME = '理论知识考核要素细目表';

/** Labels of the theory layout (the importer finds its columns by these words, not by position). */
export const THEORY_LABELS = THEORY_COLUMNS;

export interface TheoryElementTableXlsxInput {
  occupationName: string;
  occupationCode: string;
  track: string;
  level: Level;
  table: TheoryElementTable;
  /** `机密★启用前`: printed in the page header and the footer of every page (规程第四条); '' or absent: none. */
  secrecyMark?: string;
  generatedAt: Date;
}

const SCOPE_FIELD_COUNT = 4;
/** Column widths (代码, 名称, 鉴定比重, 重要程度比例 per level; 代码, 名称, 重要程度): ≤ 135 wide, so ≥ 9 pt in print. */
const WIDTHS = {
  3: { scope: [5, 12, 6, 9], element: [5, 23, 6] },
  4: { scope: [4, 9, 5, 9], element: [5, 17, 5] },
} as const;
/** Row heights in points: a line of 11 pt text (CJK fonts draw it ≈ 16 pt high) and the padding. */
const LINE = 16;
const PAD = 2;
const BAND_HEIGHTS = [18, 18, 3 * LINE + PAD] as const;
const SIGN_HEIGHT = 26;
/** Points kept free on each page for what a reader rounds differently. */
const SLACK = 12;
/** Header labels broken where a narrow column would break them badly (the importer ignores the line break). */
const LABEL_BREAKS: Readonly<Record<string, string>> = { '鉴定比重(%)': '鉴定\n比重\n(%)', 重要程度比例: '重要程度\n比例', 重要程度: '重要\n程度' };
const label = (text: string) => LABEL_BREAKS[text] ?? text;
const SIGN_TEXT = '填表人：　　　　　　填表日期：　　　　　　审表人：　　　　　　审表日期：';

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

/**
 * Lines a wrapped text takes in a column `width` characters wide, as Excel draws 11 pt 宋体 (7 px a
 * character of width, CJK 14.7 px, Latin 7.4 px), erring long; readers with wider columns need fewer.
 */
function linesIn(text: string, width: number): number {
  const usable = width * 7 + 5 - 8;
  const wide = displayWidth(text);
  return Math.max(1, Math.ceil((wide * 7.4) / usable));
}

const heightOf = (lines: number) => lines * LINE + PAD;

export interface TheorySheetSpec {
  title: string;
  secrecyMark?: string | undefined;
  info: readonly (readonly [string, string])[];
  scopes: readonly ScopeNode[];
  /** Number of scope levels shown (at least the depth of the table). */
  depth: number;
}

interface Placed {
  readonly node: ScopeNode;
  readonly level: number;
  readonly first: number;
  readonly last: number;
  readonly path: string;
}

/** Every 鉴定范围 with its level and body rows, in reading order. */
function placeScopes(scopes: readonly ScopeNode[]): Placed[] {
  const out: Placed[] = [];
  const visit = (nodes: readonly ScopeNode[], level: number, row: number, codes: readonly string[]) => {
    let r = row;
    for (const node of nodes) {
      const span = spanOf(node);
      const path = [...codes, node.code];
      out.push({ node, level, first: r, last: r + span - 1, path: path.join('-') });
      visit(node.children ?? [], level + 1, r, path);
      r += span;
    }
  };
  visit(scopes, 1, 0, []);
  return out;
}

export function addTheorySheet(workbook: ExcelJS.Workbook, spec: TheorySheetSpec): ExcelJS.Worksheet {
  const depth = Math.min(MAX_SCOPE_DEPTH, Math.max(1, spec.depth, depthOf(spec.scopes)));
  const layout = depth >= 4 ? WIDTHS[4] : WIDTHS[3];
  const columns = depth * SCOPE_FIELD_COUNT + layout.element.length;
  const widths = [...Array.from({ length: depth }, () => layout.scope).flat(), ...layout.element];
  const headerTop = TITLE_HEIGHTS.length + 1;
  const headerBottom = headerTop + 2;
  const ws = addPrintSheet(workbook, THEORY_SHEET_NAME, widths, [headerTop, headerBottom], spec.secrecyMark);
  addTitleBlock(ws, columns, spec);

  // Header band: 鉴定范围 | 鉴定点; 一级 … ; 代码 名称 鉴定比重 重要程度比例 ×depth | 代码 名称 重要程度.
  heading(ws, headerTop, 1, THEORY_COLUMNS.scope, headerTop, depth * SCOPE_FIELD_COUNT);
  heading(ws, headerTop, elementColumn(depth, 0), THEORY_COLUMNS.element, headerTop, columns);
  for (let level = 1; level <= depth; level += 1) {
    heading(ws, headerTop + 1, scopeColumn(level, 0), THEORY_COLUMNS.levels[level - 1] ?? '', headerTop + 1, scopeColumn(level, SCOPE_FIELD_COUNT - 1));
    THEORY_COLUMNS.scopeFields.forEach((text, f) => heading(ws, headerBottom, scopeColumn(level, f), label(text)));
  }
  THEORY_COLUMNS.elementFields.forEach((text, f) => heading(ws, headerTop + 1, elementColumn(depth, f), label(text), headerBottom));
  BAND_HEIGHTS.forEach((h, i) => (ws.getRow(headerTop + i).height = h));

  // Body rows: one per 鉴定点, then 合计 and the 填表人 line (kept with the last 鉴定范围).
  const placed = placeScopes(spec.scopes);
  const rows = spec.scopes.reduce((a, n) => a + spanOf(n), 0);
  const elementNames: string[] = Array.from({ length: rows }, () => '');
  for (const p of placed) (p.node.elements ?? []).forEach((e, i) => (elementNames[p.first + i] = e.name));
  const stats = elementTableStats({ scopes: [...spec.scopes] });
  const totalText = `合计　鉴定比重 ${formatNumber(spec.scopes.reduce((a, n) => a + n.weight, 0))}　重要程度比例 ${formatImportanceRatio(stats.counts)}　${importanceSummary(stats.elements, stats.counts, stats.shares)}`;
  const fullWidth = widths.reduce((a, w) => a + w, 0);
  const heights = [...elementNames.map((n) => heightOf(linesIn(n, layout.element[ELEMENT_FIELD.name]))), heightOf(linesIn(totalText, fullWidth)), SIGN_HEIGHT];
  const blocks: MergedBlock[] = placed.map((p) => ({ first: p.first, last: p.last, level: p.level, need: heightOf(linesIn(p.node.name, layout.scope[SCOPE_FIELD.name])) }));
  const breakable = new Set(placed.filter((p) => (p.node.children ?? []).length === 0).map((p) => p.first));
  const band = BAND_HEIGHTS.reduce((a, h) => a + h, 0);
  const other = PRINT_HEIGHT - band - SLACK;
  const pages = paginate(heights, blocks, breakable, { first: other - TITLE_HEIGHTS.reduce((a, h) => a + h, 0), other });

  const first = headerBottom + 1;
  for (let r = 0; r < rows; r += 1) {
    for (let c = 1; c <= columns; c += 1) styleBody(ws.getCell(first + r, c));
    styleBody(ws.getCell(first + r, elementColumn(depth, ELEMENT_FIELD.name)), 'left');
  }
  pages.heights.forEach((h, r) => (ws.getRow(first + r).height = h));
  for (const s of pages.starts) ws.getRow(first + s - 1).addPageBreak();

  const ratios = new Map(stats.scopes.map((s) => [s.path, formatImportanceRatio(s.counts)]));
  for (const p of placed) {
    const values: (string | number)[] = [];
    values[SCOPE_FIELD.code] = p.node.code;
    values[SCOPE_FIELD.name] = p.node.name;
    values[SCOPE_FIELD.weight] = p.node.weight;
    values[SCOPE_FIELD.ratio] = ratios.get(p.path) ?? '';
    // Each part on a page is a merged cell of its own that repeats the values (the importer reads it as the same 鉴定范围).
    for (const [a, b] of partsOf(p.first, p.last, pages.starts)) {
      values.forEach((value, f) => {
        const col = scopeColumn(p.level, f);
        ws.getCell(first + a, col).value = value;
        merge(ws, first + a, col, first + b, col);
      });
      styleBody(ws.getCell(first + a, scopeColumn(p.level, SCOPE_FIELD.name)), 'left');
    }
    (p.node.elements ?? []).forEach((e, i) => {
      const row = ws.getRow(first + p.first + i);
      row.getCell(elementColumn(depth, ELEMENT_FIELD.code)).value = e.code;
      row.getCell(elementColumn(depth, ELEMENT_FIELD.name)).value = e.name;
      row.getCell(elementColumn(depth, ELEMENT_FIELD.importance)).value = e.importance;
    });
  }

  // 合计 over the whole width (one text: the importer takes it for a note), then 填表人/审表人 left blank to sign.
  const total = ws.getCell(first + rows, 1);
  styleBody(total, 'left');
  total.value = totalText;
  total.font = font(BODY_SIZE, { bold: true });
  merge(ws, first + rows, 1, first + rows, columns);
  const sign = ws.getCell(first + rows + 1, 1);
  sign.value = SIGN_TEXT;
  sign.font = font(BODY_SIZE);
  sign.alignment = { horizontal: 'left', vertical: 'middle' };
  merge(ws, first + rows + 1, 1, first + rows + 1, columns);
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
