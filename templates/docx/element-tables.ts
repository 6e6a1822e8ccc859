/**
 * 理论知识考核要素细目表 and 技能考核内容结构表 as Word documents for the submission (附件6 §三 (二)),
 * the same content as the xlsx of `templates/xlsx/element-table/` (domain-formats.md §1, §2):
 * - 细目表: A4 landscape, title, header line `职业：… 职业编码：… 等级：… 鉴定方式：理论知识 鉴定点数：N`, then
 *   鉴定范围 一级/二级/三级(/四级) {代码, 名称, 鉴定比重（%）, 重要程度比例 (X:Y:Z)} and 鉴定点 {代码, 名称,
 *   重要程度} (the columns of the xlsx, `THEORY_COLUMNS`), one row per 鉴定点 with the 鉴定范围 cells merged
 *   down their rows (a merged name never cut by a page break), a 合计 row and the 填表人/审表人 row closing
 *   the table.
 * - 结构表: A4 landscape, the national matrix of the xlsx (`practicalMatrix`): 级别 | 项目 | 职业功能 (名称 over
 *   代码) … | 合计, four rows per 级别 (选考方式, 鉴定比重, 考试时间, 考核形式), and the note.
 */
import type { Document } from 'docx';
import { elementTableStats, formatImportanceRatio, MAX_SCOPE_DEPTH, type ScopeNode } from '../../app/domain/element-table.js';
import { formatNumber } from '../../app/domain/format.js';
import type { DocumentHeader, ElementTablesData } from '../../app/domain/submission/documents.js';
import { importanceSummary, PRACTICAL_COLUMNS, PRACTICAL_ROW_LABELS, practicalMatrix, THEORY_COLUMNS } from '../element-table-shared.js';
import { headedDocument, LANDSCAPE_TEXT_WIDTH, para, SIZES, table, type Cell } from './kit.js';
import { infoLine, note } from './submission-parts.js';

export const THEORY_TABLE_TITLE = '理论知识考核要素细目表';
export const PRACTICAL_TABLE_TITLE = '技能考核内容结构表';
/** Room for handwriting in the 填表人 row (0.9 cm). */
const SIGNATURE_ROW_HEIGHT = 520;
/** Header labels set on several lines in the narrow columns (joined, they are the label). */
const LABEL_LINES: Readonly<Record<string, readonly string[]>> = { '鉴定比重(%)': ['鉴定', '比重', '(%)'], 重要程度比例: ['重要程度', '比例'] };
const labelCell = (label: string): Cell => ({ text: LABEL_LINES[label] ?? label });
export const SIGNATURE_LINE = '填表人：　　　　　　　　填表日期：　　　　　　　　审表人：　　　　　　　　审表日期：';

/** Fields of a 鉴定范围 level: 代码, 名称, 鉴定比重, 重要程度比例; of a 鉴定点: 代码, 名称, 重要程度. */
const SCOPE_FIELDS = 4;
const ELEMENT_FIELDS = 3;
/** Twips of the narrow columns (代码, 鉴定比重, 重要程度比例), a little narrower when there are four levels. */
const NARROW = { 3: { code: 600, weight: 620, ratio: 1080 }, 4: { code: 560, weight: 560, ratio: 980 } } as const;
/** The 鉴定点 名称 takes this many times the width of a 鉴定范围 名称. */
const ELEMENT_NAME_SHARE = 2.5;

/** Column widths in twips: the narrow columns fixed, the 名称 columns sharing what is left. */
function columnWidths(depth: number, total: number): number[] {
  const narrow = depth >= 4 ? NARROW[4] : NARROW[3];
  const fixed = depth * (narrow.code + narrow.weight + narrow.ratio) + narrow.code + narrow.weight;
  const name = (total - fixed) / (depth + ELEMENT_NAME_SHARE);
  return [
    ...Array.from({ length: depth }, () => [narrow.code, name, narrow.weight, narrow.ratio]).flat(),
    narrow.code,
    name * ELEMENT_NAME_SHARE,
    narrow.weight,
  ];
}

function depthOf(nodes: readonly ScopeNode[]): number {
  return nodes.reduce((d, n) => Math.max(d, 1 + depthOf(n.children ?? [])), 0);
}

/** Rows a 鉴定范围 covers: one per 鉴定点 beneath it (at least one). */
function spanOf(node: ScopeNode): number {
  const children = node.children ?? [];
  if (children.length > 0) return children.reduce((a, c) => a + spanOf(c), 0);
  return Math.max(1, (node.elements ?? []).length);
}

/** Lines a text takes in a cell `width` twips wide at `size` half-points (CJK one em, Latin half). */
function linesOf(text: string, width: number, size: number): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2000 ? 1 : 0.5;
  const perLine = Math.max(1, Math.floor((width - 160) / (size * 10)));
  return Math.max(1, Math.ceil(ems / perLine));
}

function occupationInfo(header: DocumentHeader): [string, string][] {
  return [
    ['职业', header.occupationName],
    ['职业编码', header.occupationCode],
    ...(header.track === '' ? [] : [['方向', header.track] as [string, string]]),
    ['等级', header.levelName],
  ];
}

/** The 理论知识考核要素细目表 of the bank's level, A4 landscape. */
export function theoryElementTableDocx(data: ElementTablesData): Document {
  const { header, theory } = data;
  const scopes = theory.scopes;
  const depth = Math.min(MAX_SCOPE_DEPTH, Math.max(1, depthOf(scopes)));
  const stats = elementTableStats(theory);
  const ratios = new Map(stats.scopes.map((s) => [s.path, formatImportanceRatio(s.counts)]));
  const heading = `${header.occupationTitle}${header.levelName} ${THEORY_TABLE_TITLE}`;

  const widths = columnWidths(depth, LANDSCAPE_TEXT_WIDTH);
  const scopeColumns = depth * SCOPE_FIELDS;
  const headRows: Cell[][] = [
    [
      { text: THEORY_COLUMNS.scope, colSpan: scopeColumns },
      { text: THEORY_COLUMNS.element, colSpan: ELEMENT_FIELDS },
    ],
    [
      ...THEORY_COLUMNS.levels.slice(0, depth).map((l) => ({ text: l, colSpan: SCOPE_FIELDS })),
      ...THEORY_COLUMNS.elementFields.map((f) => ({ text: f, rowSpan: 2 })),
    ],
    Array.from({ length: depth }, (): Cell[] => THEORY_COLUMNS.scopeFields.map(labelCell)).flat(),
  ];

  const body: Cell[][] = Array.from({ length: scopes.reduce((a, n) => a + spanOf(n), 0) }, () => []);
  /**
   * Rows kept with the next: a merged 鉴定范围 cell that starts near the foot of a page would have its name
   * cut in two, so the rows its name needs (one line a row) start on the same page.
   */
  const keep = new Set<number>();
  const nameWidth = widths[1] ?? 0;
  const centred = (text: string, rowSpan: number): Cell => ({ text, rowSpan, align: 'center' });
  const place = (node: ScopeNode, level: number, row: number, codes: readonly string[]): void => {
    const path = [...codes, node.code];
    const span = spanOf(node);
    const cells = body[row];
    if (cells === undefined) return;
    cells.push(centred(node.code, span), { text: node.name, rowSpan: span }, centred(formatNumber(node.weight), span), centred(ratios.get(path.join('-')) ?? '', span));
    const together = Math.min(span, linesOf(node.name, nameWidth, SIZES.小五) + 1);
    for (let i = 0; i < together - 1; i += 1) keep.add(headRows.length + row + i);
    const children = node.children ?? [];
    if (children.length > 0) {
      let r = row;
      for (const child of children) {
        place(child, level + 1, r, path);
        r += spanOf(child);
      }
      return;
    }
    // A leaf above the deepest level: its deeper 鉴定范围 columns stay blank, merged like the rest.
    for (let l = level + 1; l <= depth; l += 1) cells.push(...Array.from({ length: SCOPE_FIELDS }, () => centred('', span)));
    const elements = node.elements ?? [];
    if (elements.length === 0) cells.push('', '', '');
    elements.forEach((e, i) => body[row + i]?.push({ text: e.code, align: 'center' }, e.name, { text: e.importance, align: 'center' }));
  };
  // The 合计 row stays with the 填表人 row that closes the table.
  keep.add(headRows.length + body.length);
  const signatureRow = headRows.length + body.length + 1;
  let row = 0;
  for (const node of scopes) {
    place(node, 1, row, []);
    row += spanOf(node);
  }
  const total: Cell[] = [
    { text: '合计', colSpan: 2, align: 'center', bold: true },
    { text: formatNumber(scopes.reduce((a, n) => a + n.weight, 0)), align: 'center' },
    { text: formatImportanceRatio(stats.counts), align: 'center' },
    { text: importanceSummary(stats.elements, stats.counts, stats.shares), colSpan: widths.length - 4 },
  ];

  return headedDocument(header, heading, [
    para(infoLine([...occupationInfo(header), ['鉴定方式', '理论知识'], ['鉴定点数', String(stats.elements)]]), { size: SIZES.五号, align: 'left', after: 120 }),
    table({
      widths,
      rows: [...headRows, ...body, total, [{ text: SIGNATURE_LINE, colSpan: widths.length, size: SIZES.五号 }]],
      headerRows: 3,
      size: SIZES.小五,
      line: 240,
      width: LANDSCAPE_TEXT_WIDTH,
      keepNext: (r) => keep.has(r),
      minHeights: { [signatureRow]: SIGNATURE_ROW_HEIGHT },
    }),
  ], { landscape: true });
}

/**
 * The 技能考核内容结构表 as the national matrix of its xlsx twin (all 级别 of the structure), A4 landscape;
 * null when the bank has no structure or it has no entry for the bank's level.
 */
export function practicalStructureDocx(data: ElementTablesData): Document | null {
  const { header, practical } = data;
  if (practical === null) return null;
  const level = practical.levels.find((l) => l.level === header.level);
  if (level === undefined) return null;
  const heading = `${header.occupationTitle}${header.levelName} ${PRACTICAL_TABLE_TITLE}`;
  const matrix = practicalMatrix(practical);
  const modules = matrix.modules;
  const c = (text: string | number): Cell => ({ text: typeof text === 'number' ? formatNumber(text) : text, align: 'center' });
  const rows: Cell[][] = [
    [
      { text: PRACTICAL_COLUMNS.level, rowSpan: 3 },
      { text: PRACTICAL_COLUMNS.item, rowSpan: 3 },
      { text: PRACTICAL_COLUMNS.modules, colSpan: modules.length },
      { text: PRACTICAL_COLUMNS.total, rowSpan: 3 },
    ],
    modules.map((m) => m.name),
    modules.map((m) => m.code),
    ...matrix.levels.flatMap((lv) =>
      PRACTICAL_ROW_LABELS.map((label, k): Cell[] => [
        ...(k === 0 ? [{ text: lv.name, rowSpan: PRACTICAL_ROW_LABELS.length, align: 'center' as const }] : []),
        c(label),
        ...(lv.rows[k] ?? []).map(c),
      ]),
    ),
  ];

  return headedDocument(
    header,
    heading,
    [
      para(infoLine([...occupationInfo(header), ['鉴定方式', '技能考核']], '　'), { size: SIZES.五号, align: 'left', after: 120 }),
      table({ widths: [7, 9, ...modules.map(() => 10), 9], rows, headerRows: 3, width: LANDSCAPE_TEXT_WIDTH, keepNext: () => true }),
      note(matrix.note),
      para(SIGNATURE_LINE, { size: SIZES.五号, align: 'left', before: 200 }),
    ],
    { landscape: true },
  );
}
