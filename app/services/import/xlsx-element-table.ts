/**
 * Reads 细目表 back from Excel: the 理论知识考核要素细目表 (domain-formats.md §1) and the 技能考核内容结构表
 * (§2), as written by `templates/xlsx/element-table.ts` and as found in real files (G4, P2, P8):
 * - the header row is found by its labels (鉴定范围, 鉴定点, 一级…四级, 名称, 代码, 重要程度, 鉴定比重), never by
 *   a fixed row number; the number of 鉴定范围 levels (1–4) is read from the header;
 * - merged or blank 鉴定范围 cells mean “same as above” and are carried down;
 * - code and name may share a cell (`A基本要求`, `001道德的概念`); 重要程度 is X/Y/Z, x/y/z or 核心/一般/辅助;
 *   鉴定比重 is a number, a percentage cell or a text like `25%`;
 * - 职业编码, 等级 (via `parseLevel`) and 方向 come from the header block above the table when present.
 * The result is the plain object for `theoryElementTableSchema` / `practicalStructureSchema`; the caller
 * validates it with the domain rules. Problems name row and column in Chinese
 * (`第12行 鉴定点代码: “01” 应为三位数字`); a file that is not an xlsx or is truncated gives one file-level
 * problem, never an exception.
 *
 * Bounds (issue 11): before exceljs sees the file, app/readers/xlsx-package.ts checks the package (ZIP
 * structure, CRC-32, sizes, XML depth and text, rows, cells, merged ranges) within the time budget.
 * Formula cells are refused: 鉴定比重 and codes decide every paper, and a formula's cached result is
 * whatever the file says it is.
 */
import ExcelJS from 'exceljs';
import { LEVELS, parseLevel, type Level } from '../../domain/level.js';
import type { Problem } from '../../domain/validation.js';
import { Budget, ReaderError, refusalMessage } from '../../readers/errors.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../../readers/limits.js';
import { checkXlsxPackage } from '../../readers/xlsx-package.js';

export interface ParsedTheoryElementTable {
  /** `{ occupationCode?, level?, track?, scopes }` for `theoryElementTableSchema`; absent when the layout was not recognised. */
  table?: unknown;
  problems: Problem[];
}

export interface ParsedPracticalStructure {
  /** `{ occupationCode?, track?, modules, levels }` for `practicalStructureSchema`; absent when the layout was not recognised. */
  structure?: unknown;
  problems: Problem[];
}

/** User-facing texts of the importer (zh-CN). */
export const importMessages = {
  notXlsx: '文件不是有效的 Excel 工作簿（.xlsx），或文件已损坏、不完整',
  noSheet: '工作簿中没有工作表',
  noTheoryHeader: '找不到理论知识考核要素细目表的表头：应有“鉴定范围”（一级、二级…的名称、代码、鉴定比重）和“鉴定点”（代码、名称、重要程度）各列',
  noPracticalHeader: '找不到技能考核内容结构表的表头：应有“级别”“项目”、各职业功能和“合计”各列，以及“选考方式”“鉴定比重”“考试时间”“考核形式”各行',
  missingColumn: (label: string) => `缺少“${label}”列`,
  duplicateColumn: (label: string) => `“${label}”列重复`,
  noScopeColumns: '缺少鉴定范围各列（一级、二级…）',
  levelGap: (missing: string, present: string) => `鉴定范围有${present}却没有${missing}`,
  required: '不能为空',
  scopeCode: (v: string) => `“${v}” 应为一个大写字母`,
  elementCode: (v: string) => `“${v}” 应为三位数字`,
  elementCodeScope: (v: string, scope: string) => `“${v}” 与所在鉴定范围 ${scope} 不符`,
  importance: (v: string) => `“${v}” 应为 X、Y 或 Z（核心、一般、辅助要素）`,
  weight: (v: string) => `“${v}” 应为 0–100 的数字（如 25 或 25%）`,
  weightConflict: (v: string, before: string) => `“${v}” 与上方同一鉴定范围的鉴定比重 ${before} 不一致`,
  noScope: '没有所属的鉴定范围',
  elementCount: (stated: number, found: number) => `表头写明鉴定点数 ${stated}，表中实际有 ${found} 个鉴定点`,
  level: (v: string) => `“${v}” 不是有效的级别（一级/高级技师 … 五级/初级工）`,
  mode: (v: string) => `“${v}” 应为 必考、选考 或 —`,
  form: (v: string) => `“${v}” 应为 实操 或 笔试`,
  minutes: (v: string) => `“${v}” 应为考试时间的分钟数（正整数）`,
  takenCount: (v: string) => `${v === '' ? '' : `“${v}” `}应写明考生所考项目数，如“3项”`,
  takenTooFew: (n: number, required: number) => `考生所考项目数 ${n} 少于必考项目数 ${required}`,
  rowsMissing: (labels: string) => `缺少${labels}行`,
  formulas: (sheet: string, count: number, cells: string) =>
    `工作表“${sheet}”有 ${String(count)} 个公式单元格（${cells}），细目表不接受公式：请将公式改为数值（选择性粘贴 → 数值）后再导入`,
} as const;

/** Bounds for tests; the import uses the defaults. */
export interface ElementTableReadOptions {
  readonly limits?: ReaderLimits;
  readonly clock?: () => number;
}

const LEVEL_DIGITS = ['一', '二', '三', '四'] as const;
const SCOPE_LEVEL_LABELS = ['一级', '二级', '三级', '四级'] as const;

// ---------------------------------------------------------------------------------------------------
// Cells

interface Raw {
  /** Trimmed display text. */
  text: string;
  /** The number when the cell holds one (also a formula's numeric result). */
  number?: number;
  /** A percentage format (`0%`): 0.25 means 25. */
  percent: boolean;
}

const EMPTY: Raw = { text: '', percent: false };

function valueText(value: ExcelJS.CellValue): { text: string; number?: number } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'number') return { text: String(value), number: value };
  if (typeof value === 'boolean') return { text: value ? '是' : '否' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim() };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (typeof result === 'number') return { text: String(result), number: result };
    if (typeof result === 'string') return { text: result.trim() };
    return { text: '' };
  }
  if ('text' in value && typeof value.text === 'string') return { text: value.text.trim() };
  return { text: '' };
}

/** A cell as the header sees it: a merged cell shows its master's value in every cell it covers. */
function headerRaw(cell: ExcelJS.Cell): Raw {
  const v = valueText(cell.value);
  return { ...v, percent: false };
}

/** A cell as the data sees it: the covered cells of a merge are empty (“same as above/left”). */
function dataRaw(cell: ExcelJS.Cell): Raw {
  if (cell.type === ExcelJS.ValueType.Merge) return EMPTY;
  const v = valueText(cell.value);
  return { ...v, percent: typeof cell.numFmt === 'string' && cell.numFmt.includes('%') };
}

/** Compatibility form (full-width letters and digits to ASCII) without whitespace. */
function norm(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function fileProblem(message: string, severity: Problem['severity'] = 'error'): Problem {
  return { severity, path: [], field: '', message };
}

function headerProblem(message: string): Problem {
  return { severity: 'error', path: ['header'], field: '表头', message };
}

/** `第12行 鉴定点代码: “01” 应为三位数字` (with `formatProblem`); the path holds row and column letter. */
function cellProblem(row: number, col: number, label: string, message: string, severity: Problem['severity'] = 'error'): Problem {
  return { severity, path: [row, columnLetter(col)], field: `第${String(row)}行 ${label}`, message };
}

/** Cell problems in reading order (row, then column); problems about the whole file or header keep their place after them. */
function inReadingOrder(problems: Problem[]): Problem[] {
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

/** The workbook, or the file-level problem: damaged, over a bound, or holding formula cells. */
async function loadWorkbook(bytes: Uint8Array, options: ElementTableReadOptions): Promise<ExcelJS.Workbook | Problem> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const budget = new Budget(limits, options.clock);
  const workbook = new ExcelJS.Workbook();
  try {
    checkXlsxPackage(bytes, limits, budget);
    // exceljs types `load` as taking its own `Buffer extends ArrayBuffer`; an exact-length copy is that.
    await workbook.xlsx.load(bytes.slice().buffer);
    budget.check();
  } catch (e) {
    return fileProblem(e instanceof ReaderError ? refusalMessage(e, importMessages.notXlsx) : importMessages.notXlsx);
  }
  for (const ws of workbook.worksheets) {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) cells.push(cell.address);
      }),
    );
    if (cells.length > 0) return fileProblem(importMessages.formulas(ws.name, cells.length, `${cells.slice(0, 5).join('、')}${cells.length > 5 ? ' 等' : ''}`));
  }
  return workbook;
}

function rowTexts(ws: ExcelJS.Worksheet, row: number, columns: number, read: (c: ExcelJS.Cell) => Raw): string[] {
  const r = ws.getRow(row);
  return Array.from({ length: columns }, (_, i) => read(r.getCell(i + 1)).text);
}

// ---------------------------------------------------------------------------------------------------
// Values

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; text: string };

/** 鉴定比重: `25`, `25%`, a 25 % cell (0.25) or `２５％`. */
function parseWeight(raw: Raw): Parsed<number> {
  if (raw.number !== undefined) {
    const n = raw.percent ? round(raw.number * 100) : raw.number;
    return n >= 0 && n <= 100 ? { ok: true, value: n } : { ok: false, text: raw.text };
  }
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(norm(raw.text));
  const n = m?.[1] === undefined ? NaN : Number(m[1]);
  return Number.isFinite(n) && n <= 100 ? { ok: true, value: n } : { ok: false, text: raw.text };
}

function parseImportance(text: string): Parsed<'X' | 'Y' | 'Z'> {
  const t = norm(text).toUpperCase();
  if (t === 'X' || /^核心(要素)?$/.test(t)) return { ok: true, value: 'X' };
  if (t === 'Y' || /^一般(要素)?$/.test(t)) return { ok: true, value: 'Y' };
  if (t === 'Z' || /^辅助(性)?(要素)?$/.test(t)) return { ok: true, value: 'Z' };
  return { ok: false, text };
}

/** `A基本要求`, `A 基本要求`, `A、基本要求`, `（A）基本要求`, `基本要求（A）` → code and name. */
function splitScopeText(text: string): { code?: string; name: string } {
  const lead = /^[（(]?([A-ZＡ-Ｚ])[）)]?(?![A-Za-zＡ-Ｚａ-ｚ])[\s、.．:：\-－]*(\S.*)$/u.exec(text);
  if (lead?.[1] !== undefined && lead[2] !== undefined) return { code: lead[1].normalize('NFKC'), name: lead[2].trim() };
  const trail = /^(.*\S)\s*[（(]([A-ZＡ-Ｚ])[）)]$/u.exec(text);
  if (trail?.[1] !== undefined && trail[2] !== undefined) return { code: trail[2].normalize('NFKC'), name: trail[1].trim() };
  return { name: text };
}

/** `001道德的概念`, `001 道德的概念`, `A-A-A-001 道德的概念` → code and name. */
function splitElementText(text: string): { code?: string; name: string } {
  const m = /^((?:[A-ZＡ-Ｚ][-－]?){0,4}[0-9０-９]{1,3})(?![0-9０-９])[\s、.．:：\-－]*(\S.*)$/u.exec(text);
  if (m?.[1] !== undefined && m[2] !== undefined) return { code: m[1], name: m[2].trim() };
  return { name: text };
}

function parseScopeCode(text: string): Parsed<string> {
  const t = norm(text).toUpperCase();
  return /^[A-Z]$/.test(t) ? { ok: true, value: t } : { ok: false, text };
}

/** A 鉴定点 code: `001`, the number 1 (a cell formatted `000`), or the full `A-B-C-001` / `ABC001`. */
function parseElementCode(raw: Raw, scopeCodes: readonly string[]): Parsed<string> | { ok: false; text: string; scope: true } {
  if (raw.number !== undefined && Number.isInteger(raw.number) && raw.number >= 1 && raw.number <= 999) {
    return { ok: true, value: String(raw.number).padStart(3, '0') };
  }
  const t = norm(raw.text).toUpperCase().replace(/－/g, '-');
  if (/^\d{3}$/.test(t)) return { ok: true, value: t };
  const full = /^([A-Z](?:-?[A-Z]){0,3})-?(\d{3})$/.exec(t);
  if (full?.[1] !== undefined && full[2] !== undefined) {
    if (full[1].replace(/-/g, '') === scopeCodes.join('')) return { ok: true, value: full[2] };
    return { ok: false, text: raw.text, scope: true };
  }
  return { ok: false, text: raw.text };
}

/** A level as people write it, also inside a longer text (`（三级/高级工）`, `四级（中级工）`). */
function levelFromText(text: string): Level | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const direct = parseLevel(t);
  if (direct !== undefined) return direct;
  const grade = /([一二三四五])级/.exec(t) ?? /(?<![\d.])([1-5])级/.exec(t);
  if (grade?.[0] !== undefined) return parseLevel(grade[0]);
  // Longest titles first: 高级技师 contains 技师, 高级工 contains 高级.
  const titles = LEVELS.flatMap((l) => [
    [l.title, l.level],
    [l.shortTitle, l.level],
  ] as const).sort((a, b) => b[0].length - a[0].length);
  for (const [title, level] of titles) if (t.includes(title)) return level;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Header block: `职业：制图员　职业编码：3-01-02-07　方向：机械　等级：四级/中级工　鉴定方式：理论知识　鉴定点数：113`

interface HeaderBlock {
  occupationCode?: string;
  track?: string;
  level?: Level;
  levelText?: string;
  elementCount?: number;
}

const BLOCK_LABELS: readonly (readonly [RegExp, keyof HeaderBlock | 'name' | 'mode'])[] = [
  [/^职业(?:编码|代码)$/, 'occupationCode'],
  [/^(?:职业(?:\(工种\))?|职业名称)$/, 'name'],
  [/^(?:职业)?(?:方向|工种)$/, 'track'],
  [/^(?:职业)?(?:等级|级别)$/, 'levelText'],
  [/^鉴定方式$/, 'mode'],
  [/^鉴定点(?:数|数量|总数)?$/, 'elementCount'],
];

function blockLabel(token: string): keyof HeaderBlock | 'name' | 'mode' | undefined {
  const t = token.normalize('NFKC');
  return BLOCK_LABELS.find(([re]) => re.test(t))?.[1];
}

const OCCUPATION_CODE_IN_TEXT = /(?<![\d-])(\d-\d{2}-\d{2}-\d{2})(?![\d-])/;
const NONE = /^(?:—+|-+|－+|无|\/|／)$/;

/**
 * Reads `label：value` pairs from the rows above the table (one merged cell or one cell per label or
 * value); the title supplies 方向 `（机械）` and 等级 when the block does not.
 */
function readHeaderBlock(lines: readonly string[], titleLine: string | undefined): HeaderBlock {
  const values: Partial<Record<keyof HeaderBlock | 'name' | 'mode', string>> = {};
  for (const line of lines) {
    const tokens = line.split(/[\s\u3000]+/).filter((t) => t !== '');
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i] ?? '';
      const m = /^([^:：]+)[:：](.*)$/.exec(token);
      const label = blockLabel(m?.[1] ?? token);
      if (label === undefined || (m === null && values[label] !== undefined)) continue;
      let value = m?.[2] ?? '';
      const next = tokens[i + 1];
      if (value === '' && next !== undefined) {
        const nextIsLabel = blockLabel(/^([^:：]+)[:：]/.exec(next)?.[1] ?? next) !== undefined;
        if (!nextIsLabel) {
          value = next;
          i += 1;
        }
      }
      if (values[label] === undefined || values[label] === '') values[label] = value;
    }
  }
  const block: HeaderBlock = {};
  const code = values.occupationCode ?? '';
  const codeFound = OCCUPATION_CODE_IN_TEXT.exec(code.normalize('NFKC')) ?? OCCUPATION_CODE_IN_TEXT.exec(lines.join(' ').normalize('NFKC'));
  if (codeFound?.[1] !== undefined) block.occupationCode = codeFound[1];
  else if (code !== '') block.occupationCode = code;
  // A blank 方向 leaves the caller's value; `—` or `无` says explicitly that there is none.
  if (values.track !== undefined && values.track !== '') block.track = NONE.test(values.track) ? '' : values.track;
  if (values.levelText !== undefined && values.levelText !== '') {
    block.levelText = values.levelText;
    const level = levelFromText(values.levelText);
    if (level !== undefined) block.level = level;
  }
  const count = values.elementCount === undefined ? NaN : Number(norm(values.elementCount).replace(/个$/, ''));
  if (Number.isInteger(count)) block.elementCount = count;

  if (titleLine !== undefined) {
    if (block.level === undefined && block.levelText === undefined) {
      const level = levelFromText(titleLine.replace(/考核要素细目表|要素细目表|细目表|内容结构表/g, ''));
      if (level !== undefined) block.level = level;
    }
    if (block.track === undefined) {
      for (const m of titleLine.matchAll(/[（(]([^（）()]+)[）)]/g)) {
        const inner = m[1]?.trim() ?? '';
        if (inner !== '' && levelFromText(inner) === undefined && !/样例|示例|征求意见稿|试行/.test(inner)) {
          block.track = inner;
          break;
        }
      }
    }
  }
  return block;
}

/** Texts of the rows above the table (master cells only), and the title among them. */
function blockLines(ws: ExcelJS.Worksheet, lastRow: number, columns: number): { lines: string[]; title?: string } {
  const lines: string[] = [];
  for (let r = 1; r <= lastRow; r += 1) {
    const line = rowTexts(ws, r, columns, dataRaw).filter((t) => t !== '').join(' ');
    if (line !== '') lines.push(line);
  }
  const title = lines.find((l) => /细目表|结构表/.test(l));
  return title === undefined ? { lines } : { lines, title };
}

// ---------------------------------------------------------------------------------------------------
// 理论知识考核要素细目表: header

type ScopeField = 'name' | 'code' | 'ratio' | 'weight' | 'combined';
type ElementField = 'code' | 'name' | 'importance' | 'combined';

interface TheoryLayout {
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

function isHeaderWord(text: string): boolean {
  const t = norm(text).replace(/[:：]$/, '');
  return t !== '' && (HEADER_WORD.test(t) || /^(?:序号|页码|备注)$/.test(t));
}

/** The header band: the first rows whose every non-empty cell is a header word (at least two in the first). */
function findHeaderBand(ws: ExcelJS.Worksheet, columns: number, isWord: (t: string) => boolean): [number, number] | undefined {
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

function scopeLabel(level: number, field: ScopeField): string {
  const names: Record<ScopeField, string> = { name: '名称', code: '代码', ratio: '重要程度比例', weight: '鉴定比重', combined: '' };
  return `${SCOPE_LEVEL_LABELS[level - 1] ?? ''}鉴定范围${names[field] === '' ? '' : ` ${names[field]}`}`;
}

function elementLabel(field: ElementField): string {
  const names: Record<ElementField, string> = { code: '鉴定点 代码', name: '鉴定点 名称', importance: '鉴定点 重要程度', combined: '鉴定点' };
  return names[field];
}

/** A header cell naming a code, a name, or both in one cell (`A基本要求`), for scopes and 鉴定点 alike. */
function codeNameField(header: string): 'combined' | 'code' | 'name' | undefined {
  if (/名称.*代码|代码.*名称/.test(header)) return 'combined';
  if (/代码|编码|代号/.test(header)) return 'code';
  if (/名称/.test(header)) return 'name';
  return undefined;
}

function classifyTheoryColumns(ws: ExcelJS.Worksheet, band: [number, number], columns: number): { layout?: TheoryLayout; problems: Problem[] } {
  const problems: Problem[] = [];
  const composite: string[] = [];
  for (let c = 1; c <= columns; c += 1) {
    const parts: string[] = [];
    for (let r = band[0]; r <= band[1]; r += 1) {
      const t = norm(headerRaw(ws.getRow(r).getCell(c)).text).replace(/[:：]$/, '');
      if (t !== '' && parts[parts.length - 1] !== t) parts.push(t);
    }
    composite.push(parts.join('|'));
  }

  const scope: Partial<Record<ScopeField, number>>[] = [];
  const element: Partial<Record<ElementField, number>> = {};
  const put = <K extends string>(target: Partial<Record<K, number>>, key: K, col: number, label: string) => {
    if (target[key] === undefined) target[key] = col;
    else problems.push(headerProblem(importMessages.duplicateColumn(label)));
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
  if (depth === 0) problems.push(headerProblem(importMessages.noScopeColumns));
  for (let level = 1; level <= depth; level += 1) {
    const s = scope[level - 1];
    if (s === undefined) {
      problems.push(headerProblem(importMessages.levelGap(SCOPE_LEVEL_LABELS[level - 1] ?? '', SCOPE_LEVEL_LABELS[depth - 1] ?? '')));
      continue;
    }
    if (s.name === undefined && s.combined === undefined) problems.push(headerProblem(importMessages.missingColumn(scopeLabel(level, 'name'))));
    if (s.weight === undefined) problems.push(headerProblem(importMessages.missingColumn(scopeLabel(level, 'weight'))));
  }
  if (element.name === undefined && element.combined === undefined) problems.push(headerProblem(importMessages.missingColumn(elementLabel('name'))));
  if (element.importance === undefined) problems.push(headerProblem(importMessages.missingColumn(elementLabel('importance'))));
  if (problems.length > 0) return { problems };
  return { layout: { depth, scope, element, headerTop: band[0], firstDataRow: band[1] + 1 }, problems };
}

// ---------------------------------------------------------------------------------------------------
// 理论知识考核要素细目表: rows

interface ElementOut {
  code: string;
  name: string;
  importance: string;
}

interface NodeOut {
  code: string;
  name: string;
  weight: number | string | undefined;
  children?: NodeOut[];
  elements?: ElementOut[];
}

/** Footer and note rows under a table: 填表人/审表人, 注/说明. */
const NOTE_ROW = /^(?:填表|审表|审核|制表|编制|说明|注[:：\s]|注$|备注)/;

function isNoteRow(ws: ExcelJS.Worksheet, row: number, columns: number): boolean {
  const r = ws.getRow(row);
  const cells = Array.from({ length: columns }, (_, i) => r.getCell(i + 1)).filter((c) => dataRaw(c).text !== '');
  const first = cells[0];
  if (first === undefined) return false;
  if (NOTE_ROW.test(dataRaw(first).text)) return true;
  // One text spread over a merge of the whole width: a note, not data.
  const right = r.getCell(Number(first.col) + 1);
  return cells.length === 1 && right.type === ExcelJS.ValueType.Merge && right.master.address === first.address && Number(first.col) + 2 <= columns;
}

/** Parses the 理论知识考核要素细目表 of the first sheet that has one. */
export async function parseTheoryElementTableXlsx(bytes: Uint8Array, options: ElementTableReadOptions = {}): Promise<ParsedTheoryElementTable> {
  const workbook = await loadWorkbook(bytes, options);
  if (!(workbook instanceof ExcelJS.Workbook)) return { problems: [workbook] };
  if (workbook.worksheets.length === 0) return { problems: [fileProblem(importMessages.noSheet)] };

  let found: { ws: ExcelJS.Worksheet; band: [number, number]; columns: number } | undefined;
  for (const ws of workbook.worksheets) {
    const columns = ws.columnCount;
    const band = findHeaderBand(ws, columns, isHeaderWord);
    if (band === undefined) continue;
    const joined = rowTexts(ws, band[1], columns, headerRaw).concat(rowTexts(ws, band[0], columns, headerRaw)).map(norm).join('|');
    if (/重要程度|鉴定点|[一二三四]级/.test(joined)) {
      found = { ws, band, columns };
      break;
    }
  }
  if (found === undefined) return { problems: [fileProblem(importMessages.noTheoryHeader)] };
  const { ws, band, columns } = found;
  const classified = classifyTheoryColumns(ws, band, columns);
  if (classified.layout === undefined) return { problems: classified.problems };
  const layout = classified.layout;
  const problems: Problem[] = [];

  const scopes: NodeOut[] = [];
  /** The current 鉴定范围 of each level, carried down over blank and merged cells. */
  const stack: NodeOut[] = [];
  let elementCount = 0;

  for (let r = layout.firstDataRow; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const read = (col: number | undefined): Raw => (col === undefined ? EMPTY : dataRaw(row.getCell(col)));
    const elementRaw = {
      code: read(layout.element.code),
      name: read(layout.element.name),
      importance: read(layout.element.importance),
      combined: read(layout.element.combined),
    };
    const scopeRaw = layout.scope.map((s) => ({
      name: read(s.name),
      code: read(s.code),
      weight: read(s.weight),
      combined: read(s.combined),
      columns: s,
    }));
    const hasElement = Object.values(elementRaw).some((v) => v.text !== '');
    const hasScope = scopeRaw.some((s) => s.name.text !== '' || s.code.text !== '' || s.weight.text !== '' || s.combined.text !== '');
    if (!hasElement && !hasScope) continue;
    if (!hasElement && isNoteRow(ws, r, columns)) continue;

    // 鉴定范围: a level with a value that differs from the one above starts a new node there; blank
    // levels under a new node mean the branch is shallower; blank levels under the same node carry down.
    let changed = false;
    let rowOk = true;
    for (let i = 0; i < layout.depth; i += 1) {
      const s = scopeRaw[i];
      if (s === undefined) break;
      let code = s.code.text;
      let name = s.name.text;
      if (s.combined.text !== '') {
        const split = splitScopeText(s.combined.text);
        if (code === '') code = split.code ?? '';
        if (name === '') name = split.name;
      } else if (code === '' && name !== '' && s.columns.code === undefined) {
        const split = splitScopeText(name);
        code = split.code ?? '';
        name = split.name;
      } else if (name === '' && code.length > 1) {
        const split = splitScopeText(code);
        if (split.code !== undefined) {
          code = split.code;
          name = split.name;
        }
      }
      const given = code !== '' || name !== '' || s.weight.text !== '';
      const current = stack[i];
      const codeCol = s.columns.code ?? s.columns.combined ?? s.columns.name ?? 1;
      const nameCol = s.columns.name ?? s.columns.combined ?? codeCol;
      const weightCol = s.columns.weight ?? codeCol;
      if (!given) {
        if (changed || current === undefined) {
          stack.length = i;
          if (i === 0) {
            problems.push(cellProblem(r, nameCol, `${scopeLabel(1, 'name')}`, importMessages.required));
            rowOk = false;
          }
          break;
        }
        continue;
      }
      const parsedCode = code === '' ? undefined : parseScopeCode(code);
      const codeValue = parsedCode?.ok === true ? parsedCode.value : code;
      const weight = s.weight.text === '' ? undefined : parseWeight(s.weight);
      const same =
        !changed &&
        current !== undefined &&
        (code === '' || codeValue === current.code) &&
        (name === '' || name === current.name) &&
        (code !== '' || name !== '');
      if (same) {
        if (weight !== undefined) {
          const value = weight.ok ? weight.value : weight.text;
          if (current.weight === undefined) current.weight = value;
          else if (value !== current.weight) problems.push(cellProblem(r, weightCol, `${SCOPE_LEVEL_LABELS[i]}鉴定比重`, importMessages.weightConflict(s.weight.text, String(current.weight))));
        }
        continue;
      }
      if (code === '' && name === '' && current !== undefined && !changed) {
        // Only a weight: a conflict with the node above, not a new node.
        const value = weight?.ok === true ? weight.value : s.weight.text;
        if (current.weight === undefined) current.weight = value;
        else if (value !== current.weight) problems.push(cellProblem(r, weightCol, `${SCOPE_LEVEL_LABELS[i]}鉴定比重`, importMessages.weightConflict(s.weight.text, String(current.weight))));
        continue;
      }
      // A new 鉴定范围 at this level.
      if (i > 0 && stack[i - 1] === undefined) {
        const parent = layout.scope[i - 1];
        problems.push(cellProblem(r, parent?.name ?? parent?.combined ?? 1, `${SCOPE_LEVEL_LABELS[i - 1]}鉴定范围名称`, importMessages.required));
        rowOk = false;
        break;
      }
      if (code === '') problems.push(cellProblem(r, codeCol, `${SCOPE_LEVEL_LABELS[i]}鉴定范围代码`, importMessages.required));
      else if (parsedCode?.ok === false) problems.push(cellProblem(r, codeCol, `${SCOPE_LEVEL_LABELS[i]}鉴定范围代码`, importMessages.scopeCode(code)));
      if (name === '') problems.push(cellProblem(r, nameCol, `${SCOPE_LEVEL_LABELS[i]}鉴定范围名称`, importMessages.required));
      if (weight === undefined) problems.push(cellProblem(r, weightCol, `${SCOPE_LEVEL_LABELS[i]}鉴定比重`, importMessages.required));
      else if (!weight.ok) problems.push(cellProblem(r, weightCol, `${SCOPE_LEVEL_LABELS[i]}鉴定比重`, importMessages.weight(weight.text)));
      const node: NodeOut = { code: codeValue, name, weight: weight === undefined ? undefined : weight.ok ? weight.value : weight.text };
      if (i === 0) scopes.push(node);
      else {
        const parent = stack[i - 1] as NodeOut;
        (parent.children ??= []).push(node);
      }
      stack.length = i;
      stack.push(node);
      changed = true;
    }
    if (!hasElement) continue;
    const leaf = stack[stack.length - 1];
    if (!rowOk || leaf === undefined) {
      if (rowOk) problems.push(cellProblem(r, layout.scope[0]?.name ?? 1, scopeLabel(1, 'name'), importMessages.noScope));
      continue;
    }

    // 鉴定点
    const codeCol = layout.element.code ?? layout.element.combined ?? layout.element.name ?? 1;
    const nameCol = layout.element.name ?? layout.element.combined ?? codeCol;
    const impCol = layout.element.importance ?? codeCol;
    let codeRaw = elementRaw.code;
    let name = elementRaw.name.text;
    if (elementRaw.combined.text !== '') {
      const split = splitElementText(elementRaw.combined.text);
      if (codeRaw.text === '' && split.code !== undefined) codeRaw = { text: split.code, percent: false };
      if (name === '') name = split.name;
    } else if (codeRaw.text === '' && name !== '') {
      const split = splitElementText(name);
      if (split.code !== undefined) {
        codeRaw = { text: split.code, percent: false };
        name = split.name;
      }
    } else if (name === '' && codeRaw.number === undefined && codeRaw.text.length > 3) {
      const split = splitElementText(codeRaw.text);
      if (split.code !== undefined) {
        codeRaw = { text: split.code, percent: false };
        name = split.name;
      }
    }
    const scopeCodes = stack.map((n) => n.code);
    let code = codeRaw.text;
    if (codeRaw.text === '') problems.push(cellProblem(r, codeCol, '鉴定点代码', importMessages.required));
    else {
      const parsed = parseElementCode(codeRaw, scopeCodes);
      if (parsed.ok) code = parsed.value;
      else if ('scope' in parsed) problems.push(cellProblem(r, codeCol, '鉴定点代码', importMessages.elementCodeScope(parsed.text, scopeCodes.join('-'))));
      else problems.push(cellProblem(r, codeCol, '鉴定点代码', importMessages.elementCode(parsed.text)));
    }
    if (name === '') problems.push(cellProblem(r, nameCol, '鉴定点名称', importMessages.required));
    let importance = elementRaw.importance.text;
    if (importance === '') problems.push(cellProblem(r, impCol, '重要程度', importMessages.required));
    else {
      const parsed = parseImportance(importance);
      if (parsed.ok) importance = parsed.value;
      else problems.push(cellProblem(r, impCol, '重要程度', importMessages.importance(parsed.text)));
    }
    (leaf.elements ??= []).push({ code, name, importance });
    elementCount += 1;
  }

  const block = blockLines(ws, layout.headerTop - 1, columns);
  const header = readHeaderBlock(block.lines, block.title);
  if (header.levelText !== undefined && header.level === undefined) {
    problems.push({ severity: 'error', path: ['level'], field: '表头 等级', message: importMessages.level(header.levelText) });
  }
  if (header.elementCount !== undefined && header.elementCount !== elementCount) {
    problems.push({ severity: 'warning', path: ['header'], field: '表头 鉴定点数', message: importMessages.elementCount(header.elementCount, elementCount) });
  }
  const table: Record<string, unknown> = {};
  if (header.occupationCode !== undefined) table.occupationCode = header.occupationCode;
  if (header.level !== undefined) table.level = header.level;
  if (header.track !== undefined) table.track = header.track;
  table.scopes = scopes;
  return { table, problems: inReadingOrder(problems) };
}

// ---------------------------------------------------------------------------------------------------
// 技能考核内容结构表

type PracticalRow = 'mode' | 'weight' | 'minutes' | 'form';

const PRACTICAL_ROWS: readonly (readonly [RegExp, PracticalRow, string])[] = [
  [/^选考方式|^考核方式|^选考/, 'mode', '选考方式'],
  [/^(?:鉴定)?比重|^权重/, 'weight', '鉴定比重'],
  [/^(?:考试|考核)?时间|^时长/, 'minutes', '考试时间'],
  [/^(?:考核|考试)?形式/, 'form', '考核形式'],
];

function practicalRowOf(text: string): PracticalRow | undefined {
  const t = norm(text);
  return PRACTICAL_ROWS.find(([re]) => re.test(t))?.[1];
}

const MODULE_HEADER_WORDS = /^(?:职业功能|职业功能模块|鉴定范围|考核范围|模块|考核内容)$/;

interface LevelBlock {
  level: Level | undefined;
  levelText: string;
  row: number;
  cells: Partial<Record<PracticalRow, { row: number; raws: Raw[]; total: Raw }>>;
}

/** Parses the 技能考核内容结构表 of the first sheet that has one. */
export async function parsePracticalStructureXlsx(bytes: Uint8Array, options: ElementTableReadOptions = {}): Promise<ParsedPracticalStructure> {
  const workbook = await loadWorkbook(bytes, options);
  if (!(workbook instanceof ExcelJS.Workbook)) return { problems: [workbook] };
  if (workbook.worksheets.length === 0) return { problems: [fileProblem(importMessages.noSheet)] };

  // The sheet and column of the row labels: the first cell reading 选考方式.
  let found: { ws: ExcelJS.Worksheet; labelColumn: number; firstDataRow: number; columns: number } | undefined;
  for (const ws of workbook.worksheets) {
    const columns = ws.columnCount;
    for (let r = 1; r <= Math.min(ws.rowCount, 80) && found === undefined; r += 1) {
      const texts = rowTexts(ws, r, columns, dataRaw);
      const c = texts.findIndex((t) => /^(?:选考方式|考核方式)$/.test(norm(t)));
      if (c >= 0) found = { ws, labelColumn: c + 1, firstDataRow: r, columns };
    }
    if (found !== undefined) break;
  }
  if (found === undefined) return { problems: [fileProblem(importMessages.noPracticalHeader)] };
  const { ws, labelColumn, firstDataRow, columns } = found;
  const problems: Problem[] = [];

  // Header rows: from the row holding 合计 (or 职业功能) down to the first data row.
  let headerTop = firstDataRow - 1;
  let totalColumn: number | undefined;
  for (let r = firstDataRow - 1; r >= Math.max(1, firstDataRow - 6); r -= 1) {
    const texts = rowTexts(ws, r, columns, headerRaw).map(norm);
    const t = texts.findIndex((x) => x === '合计' || x === '总计');
    if (t >= 0) totalColumn ??= t + 1;
    if (texts.some((x) => x === '合计' || x === '总计' || MODULE_HEADER_WORDS.test(x) || /^(?:级别|等级|项目)$/.test(x))) headerTop = r;
  }
  if (headerTop >= firstDataRow) return { problems: [fileProblem(importMessages.noPracticalHeader)] };
  const levelColumn = labelColumn > 1 ? labelColumn - 1 : undefined;
  const lastModuleColumn = (totalColumn ?? columns + 1) - 1;

  // 职业功能: name and code from the header rows of each module column (master cells only, so the
  // merged 职业功能 label over them does not count).
  const modules: { code: string; name: string; col: number }[] = [];
  let missingCodes = false;
  for (let c = labelColumn + 1; c <= lastModuleColumn; c += 1) {
    const texts: string[] = [];
    for (let r = headerTop; r < firstDataRow; r += 1) {
      const t = dataRaw(ws.getRow(r).getCell(c)).text;
      if (t !== '' && !MODULE_HEADER_WORDS.test(norm(t))) texts.push(t);
    }
    if (texts.length === 0) continue;
    let code = '';
    const names: string[] = [];
    for (const t of texts) {
      const letter = parseScopeCode(t);
      if (letter.ok && code === '') code = letter.value;
      else {
        const split = splitScopeText(t);
        if (split.code !== undefined && code === '') code = split.code;
        names.push(split.name);
      }
    }
    if (code === '') missingCodes = true;
    modules.push({ code, name: names.join(''), col: c });
  }
  if (modules.length === 0) return { problems: [fileProblem(importMessages.noPracticalHeader)] };
  // Real tables often name the 职业功能 without codes: A, B, C … in column order, as the standard does.
  if (missingCodes) modules.forEach((m, i) => (m.code = m.code === '' ? String.fromCharCode(65 + i) : m.code));

  // Rows, grouped by 级别 (the level cell is merged over its rows, or written on the first only).
  const blocks: LevelBlock[] = [];
  for (let r = firstDataRow; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const label = dataRaw(row.getCell(labelColumn)).text;
    const levelText = levelColumn === undefined ? '' : dataRaw(row.getCell(levelColumn)).text;
    if (NOTE_ROW.test(levelText) || NOTE_ROW.test(label)) continue;
    const kind = label === '' ? undefined : practicalRowOf(label);
    if (levelText !== '') {
      const level = levelFromText(levelText);
      if (level === undefined) problems.push(cellProblem(r, levelColumn ?? 1, '级别', importMessages.level(levelText)));
      blocks.push({ level, levelText, row: r, cells: {} });
    }
    if (kind === undefined) continue;
    const block = blocks[blocks.length - 1];
    if (block === undefined) {
      problems.push(cellProblem(r, levelColumn ?? 1, '级别', importMessages.required));
      blocks.push({ level: undefined, levelText: '', row: r, cells: {} });
    }
    const target = blocks[blocks.length - 1] as LevelBlock;
    target.cells[kind] = {
      row: r,
      raws: modules.map((m) => dataRaw(row.getCell(m.col))),
      total: totalColumn === undefined ? EMPTY : dataRaw(row.getCell(totalColumn)),
    };
  }

  const levels: unknown[] = [];
  for (const block of blocks) {
    const missing = PRACTICAL_ROWS.filter(([, k]) => block.cells[k] === undefined).map(([, , label]) => `“${label}”`);
    if (missing.length > 0) {
      problems.push(cellProblem(block.row, levelColumn ?? labelColumn, block.levelText === '' ? '级别' : block.levelText, importMessages.rowsMissing(missing.join('、'))));
      continue;
    }
    const { mode, weight, minutes, form } = block.cells as Required<LevelBlock['cells']>;
    const entries: Record<string, unknown>[] = [];
    modules.forEach((m, i) => {
      const where = `${m.name}（${m.code}）`;
      const modeRaw = mode.raws[i] ?? EMPTY;
      const modeText = norm(modeRaw.text);
      if (modeText === '' || NONE.test(modeText) || /^(?:不考|无)$/.test(modeText)) return;
      if (modeText !== '必考' && modeText !== '选考') {
        problems.push(cellProblem(mode.row, m.col, `${where} 选考方式`, importMessages.mode(modeRaw.text)));
        return;
      }
      const w = weight.raws[i] ?? EMPTY;
      const parsedWeight = w.text === '' ? undefined : parseWeight(w);
      if (parsedWeight === undefined) problems.push(cellProblem(weight.row, m.col, `${where} 鉴定比重`, importMessages.required));
      else if (!parsedWeight.ok) problems.push(cellProblem(weight.row, m.col, `${where} 鉴定比重`, importMessages.weight(parsedWeight.text)));
      const t = minutes.raws[i] ?? EMPTY;
      const minuteText = norm(t.text).replace(/(?:min|分钟|分)$/i, '');
      const minuteValue = t.number ?? (/^\d+$/.test(minuteText) ? Number(minuteText) : NaN);
      if (t.text === '') problems.push(cellProblem(minutes.row, m.col, `${where} 考试时间`, importMessages.required));
      else if (!Number.isInteger(minuteValue) || minuteValue <= 0) problems.push(cellProblem(minutes.row, m.col, `${where} 考试时间`, importMessages.minutes(t.text)));
      const f = form.raws[i] ?? EMPTY;
      const formText = norm(f.text).replace(/^实际操作$|^操作$/, '实操');
      if (f.text === '') problems.push(cellProblem(form.row, m.col, `${where} 考核形式`, importMessages.required));
      else if (formText !== '实操' && formText !== '笔试') problems.push(cellProblem(form.row, m.col, `${where} 考核形式`, importMessages.form(f.text)));
      entries.push({
        module: m.code,
        mode: modeText,
        weight: parsedWeight?.ok === true ? parsedWeight.value : w.text,
        minutes: Number.isInteger(minuteValue) ? minuteValue : t.text,
        form: formText,
      });
    });
    const required = entries.filter((e) => e.mode === '必考').length;
    const optional = entries.length - required;
    let selectCount = 0;
    if (optional > 0) {
      const total = mode.total;
      const n = total.number ?? Number(/(\d+)\s*项/.exec(norm(total.text))?.[1] ?? /^(\d+)$/.exec(norm(total.text))?.[1] ?? NaN);
      if (!Number.isInteger(n)) problems.push(cellProblem(mode.row, totalColumn ?? labelColumn, '合计 选考方式', importMessages.takenCount(total.text)));
      else if (n < required) problems.push(cellProblem(mode.row, totalColumn ?? labelColumn, '合计 选考方式', importMessages.takenTooFew(n, required)));
      else selectCount = n - required;
    }
    levels.push({ level: block.level ?? block.levelText, selectCount, entries });
  }

  const lines = blockLines(ws, headerTop - 1, columns);
  const header = readHeaderBlock(lines.lines, lines.title);
  const structure: Record<string, unknown> = {};
  if (header.occupationCode !== undefined) structure.occupationCode = header.occupationCode;
  if (header.track !== undefined) structure.track = header.track;
  structure.modules = modules.map((m) => ({ code: m.code, name: m.name }));
  structure.levels = levels;
  return { structure, problems: inReadingOrder(problems) };
}
