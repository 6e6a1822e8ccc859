/**
 * The header of a 理论知识考核要素细目表 (domain-formats.md §1): found by its labels (鉴定范围, 鉴定点, 一级…四级,
 * 名称, 代码, 重要程度, 鉴定比重), never by a fixed row number, over one or several rows; the number of
 * 鉴定范围 levels (1–4) is read from it, and the column of each field of each level.
 */
import type ExcelJS from 'exceljs';
import { toCompact } from '../../domain/text/normalise.js';
import type { Problem } from '../../domain/validation.js';
import { elementTableLabels as L, elementTableMessages as M, type ElementField, type ScopeField } from './messages.js';
import { headerProblem, headerRaw, rowTexts } from './sheet.js';

const LEVEL_DIGITS = ['一', '二', '三', '四'] as const;
const SCOPE_LEVEL_LABELS = L.scopeLevels;

export interface TheoryLayout {
  depth: number;
  /** Per level (index 0 = 一级), the column of each field. */
  scope: Partial<Record<ScopeField, number>>[];
  element: Partial<Record<ElementField, number>>;
  headerTop: number;
  firstDataRow: number;
}

const HEADER_WORD = new RegExp(
  '^(?:鉴定范围|鉴定点|考核范围|考核要素)?(?:[一二三四1-4]级(?:鉴定范围)?)?' +
    '(?:名称|代码|编码|代号|重要程度比例|重要程度|重要性|鉴定比重|比重|权重|名称及代码|代码及名称|代码和名称|名称和代码)?' +
    '(?:\\(%\\)|%)?$',
);

/** A cell of the header band: 鉴定范围/鉴定点, a level, a field name (名称, 代码, 鉴定比重 …). */
export function isHeaderWord(text: string): boolean {
  const t = toCompact(text).replace(/[:：]$/, '');
  return t !== '' && (HEADER_WORD.test(t) || /^(?:序号|页码|备注)$/.test(t));
}

/** The header band: the first rows whose every non-empty cell is a header word (at least two in the first). */
export function findHeaderBand(ws: ExcelJS.Worksheet, columns: number, isWord: (t: string) => boolean): [number, number] | undefined {
  const limit = Math.min(ws.rowCount, 60);
  for (let r = 1; r <= limit; r += 1) {
    const texts = rowTexts(ws, r, columns, headerRaw).filter((t) => t !== '');
    if (new Set(texts).size < 2 || !texts.every(isWord)) continue;
    let end = r;
    while (end + 1 <= ws.rowCount) {
      const next = rowTexts(ws, end + 1, columns, headerRaw).filter((t) => t !== '');
      if (next.length === 0 || !next.every(isWord)) break;
      end += 1;
    }
    return [r, end];
  }
  return undefined;
}

/** `一级鉴定范围 名称`: the label of a 鉴定范围 column (level 1–4). */
export function scopeLabel(level: number, field: ScopeField): string {
  return L.scopeColumn(SCOPE_LEVEL_LABELS[level - 1] ?? '', field);
}

function elementLabel(field: ElementField): string {
  return L.elementColumn[field];
}

/** A header cell naming a code, a name, or both in one cell (`A基本要求`), for scopes and 鉴定点 alike. */
function codeNameField(header: string): 'combined' | 'code' | 'name' | undefined {
  if (/名称.*代码|代码.*名称/.test(header)) return 'combined';
  if (/代码|编码|代号/.test(header)) return 'code';
  if (/名称/.test(header)) return 'name';
  return undefined;
}

/** The columns of each 鉴定范围 level and of the 鉴定点 under the header band; problems name what is missing. */
export function classifyTheoryColumns(ws: ExcelJS.Worksheet, band: [number, number], columns: number): { layout?: TheoryLayout; problems: Problem[] } {
  const problems: Problem[] = [];
  const composite: string[] = [];
  for (let c = 1; c <= columns; c += 1) {
    const parts: string[] = [];
    for (let r = band[0]; r <= band[1]; r += 1) {
      const t = toCompact(headerRaw(ws.getRow(r).getCell(c)).text).replace(/[:：]$/, '');
      if (t !== '' && parts[parts.length - 1] !== t) parts.push(t);
    }
    composite.push(parts.join('|'));
  }

  const scope: Partial<Record<ScopeField, number>>[] = [];
  const element: Partial<Record<ElementField, number>> = {};
  const put = <K extends string>(target: Partial<Record<K, number>>, key: K, col: number, label: string) => {
    if (target[key] === undefined) target[key] = col;
    else problems.push(headerProblem(M.duplicateColumn(label)));
  };
  let lastScopeColumn = 0;
  composite.forEach((s, i) => {
    const level = /([一二三四1-4])级/.exec(s)?.[1];
    if (level === undefined) return;
    const n = /\d/.test(level) ? Number(level) : LEVEL_DIGITS.indexOf(level as (typeof LEVEL_DIGITS)[number]) + 1;
    const field: ScopeField = /比例/.test(s) ? 'ratio' : /比重|权重/.test(s) ? 'weight' : (codeNameField(s) ?? 'combined');
    scope[n - 1] ??= {};
    put(scope[n - 1] as Partial<Record<ScopeField, number>>, field, i + 1, scopeLabel(n, field));
    lastScopeColumn = i + 1;
  });
  composite.forEach((s, i) => {
    if (/([一二三四1-4])级/.test(s) || s === '') return;
    if (!s.includes('鉴定点') && i + 1 <= lastScopeColumn) return;
    const field: ElementField | undefined = /重要程度(?!比例)|重要性/.test(s)
      ? 'importance'
      : (codeNameField(s) ?? (s.split('|').pop() === '鉴定点' ? 'combined' : undefined));
    if (field !== undefined) put(element, field, i + 1, elementLabel(field));
  });

  const depth = scope.length;
  if (depth === 0) problems.push(headerProblem(M.noScopeColumns));
  for (let level = 1; level <= depth; level += 1) {
    const s = scope[level - 1];
    if (s === undefined) {
      problems.push(headerProblem(M.levelGap(SCOPE_LEVEL_LABELS[level - 1] ?? '', SCOPE_LEVEL_LABELS[depth - 1] ?? '')));
      continue;
    }
    if (s.name === undefined && s.combined === undefined) problems.push(headerProblem(M.missingColumn(scopeLabel(level, 'name'))));
    if (s.weight === undefined) problems.push(headerProblem(M.missingColumn(scopeLabel(level, 'weight'))));
  }
  if (element.name === undefined && element.combined === undefined) problems.push(headerProblem(M.missingColumn(elementLabel('name'))));
  if (element.importance === undefined) problems.push(headerProblem(M.missingColumn(elementLabel('importance'))));
  if (problems.length > 0) return { problems };
  return { layout: { depth, scope, element, headerTop: band[0], firstDataRow: band[1] + 1 }, problems };
}
