/**
 * Reading items from an Excel workbook (issue [C] part 4a): the writers' import template
 * (templates/xlsx/item-template.ts) and the look-alike sheets writers already keep. Parsing only: every
 * row becomes a raw object in the shape of the domain schema (app/domain/theory-item.ts,
 * practical-task.ts) plus the problems found while reading it; validation, dedupe and saving are the
 * import service's job. Never throws on bad input: a file that is not an .xlsx is a file-level problem.
 *
 * Accepted variations (real files): 题型 判断题/判断/单选题/单项选择题/单选/多选题/多项选择题/多选;
 * keys A, a, Ａ, `A、C`, `ACD`, `A,C,D`; 判断 keys √ ✓ 对 正确 T true Y 是 / × ✗ 错 错误 F false N 否;
 * 难度 1–5 or 易/较易/中/较难/难; rich text, numbers; columns found by name in any order, extra columns
 * ignored, 选项E optional.
 *
 * Bounds (issue 11): before exceljs sees the file, app/readers/xlsx-package.ts checks the package (ZIP
 * structure, CRC-32, sizes, XML depth and text, rows, cells, merged ranges); the time budget is checked
 * while rows are read. Formula cells: a formula in the 答案 column refuses its row (the cached result
 * is whatever the file says it is); any other formula cell is read as its cached result, with a warning
 * naming the cells.
 */
import ExcelJS from 'exceljs';
import type { TheoryItemType } from '../../domain/theory-item.js';
import { problem, type Problem } from '../../domain/validation.js';
import { Budget, ReaderError, refusalMessage } from '../../readers/errors.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../../readers/limits.js';
import { checkXlsxPackage } from '../../readers/xlsx-package.js';
import {
  EXAMPLE_MARK,
  ITEM_TEMPLATE_SHEETS,
  NOTICE_HEADERS,
  PRACTICAL_HEADERS,
  RUBRIC_HEADERS,
  THEORY_HEADERS,
} from '../../../templates/xlsx/item-template.js';

export interface ImportRow {
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  kind: 'theory' | 'practical';
  /** Object for the domain schema (theoryItemSchema / practicalTaskSchema). */
  raw: unknown;
  /** Parse problems: unknown 题型, key not parseable, cell too long … */
  problems: Problem[];
}

export interface ParsedWorkbook {
  rows: ImportRow[];
  /** File-level: not an xlsx, missing sheet, missing header columns, orphan rows … */
  problems: Problem[];
}

export const NOT_XLSX = '不是有效的 Excel 文件（.xlsx）';
/** A longer cell is reported for its row and cut (a writer pasted a whole document into a cell). */
export const MAX_CELL_CHARS = 5000;
/** Rows read per sheet; the import service takes at most 20 000 items per batch. */
export const MAX_SHEET_ROWS = 20000;
/** How far down the header row is searched for (titles above it are allowed). */
const HEADER_SEARCH_ROWS = 10;

// ---------------------------------------------------------------------------------------------------
// Normalisers shared with the Word importer (docx-items.ts).

/**
 * Full-width ASCII (Ａ, １, （, ：, －) to half-width and the ideographic space to a space, one character
 * for one character, so positions in the result are positions in the input.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const TYPE_NAMES: Readonly<Record<string, TheoryItemType>> = {
  判断题: 'trueFalse',
  判断: 'trueFalse',
  是非题: 'trueFalse',
  单选题: 'singleChoice',
  单项选择题: 'singleChoice',
  单项选择: 'singleChoice',
  单选: 'singleChoice',
  多选题: 'multipleChoice',
  多项选择题: 'multipleChoice',
  多项选择: 'multipleChoice',
  多选: 'multipleChoice',
  truefalse: 'trueFalse',
  singlechoice: 'singleChoice',
  multiplechoice: 'multipleChoice',
};

/** `单项选择题` → `singleChoice`; undefined when not a theory item type. */
export function parseTheoryType(text: string): TheoryItemType | undefined {
  const t = toHalfWidth(text).replace(/\s+/g, '').toLowerCase();
  return TYPE_NAMES[t];
}

/**
 * Choice keys: `A`, `a`, `Ａ`, `A、C`, `ACD`, `A,C,D`, `A C D` → letters upper-cased and sorted (`ACD`).
 * Undefined when anything but the letters A–E and separators is there.
 */
export function parseChoiceKey(text: string): string | undefined {
  const letters = toHalfWidth(text)
    .toUpperCase()
    .replace(/[\s,，、;；/|和及与]+/g, '');
  if (!/^[A-E]+$/.test(letters)) return undefined;
  return [...letters].sort().join('');
}

const TRUE_TOKENS = new Set(['√', '✓', '✔', '对', '正确', '是', 'T', 'TRUE', 'Y', 'YES', '1']);
const FALSE_TOKENS = new Set(['×', '✗', '✘', 'X', '错', '错误', '否', 'F', 'FALSE', 'N', 'NO', '0', '╳', '✕']);

/** 判断 keys: √ ✓ 对 正确 T true Y 是 → true; × ✗ 错 错误 F false N 否 → false. */
export function parseTrueFalseKey(value: string | boolean): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const t = toHalfWidth(value).replace(/\s+/g, '').toUpperCase();
  if (TRUE_TOKENS.has(t)) return true;
  if (FALSE_TOKENS.has(t)) return false;
  return undefined;
}

const DIFFICULTY_NAMES: Readonly<Record<string, number>> = { 易: 1, 容易: 1, 较易: 2, 中: 3, 中等: 3, 适中: 3, 较难: 4, 难: 5, 困难: 5 };

/**
 * 难度 1–5 (命题技术标准: 1 易 … 5 难) as a number or 易/较易/中/较难/难. A number outside 1–5 is returned
 * as it is (the schema names the range); undefined when the text is neither a number nor a level name.
 */
export function parseDifficulty(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const t = toHalfWidth(value).replace(/\s+/g, '');
  if (t === '') return undefined;
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return Number(t);
  return DIFFICULTY_NAMES[t];
}

const ELEMENT_IN_TEXT = /^[[【(]?\s*([A-Za-z](?:\s*-\s*[A-Za-z]){0,3}\s*-\s*\d{3})(?![\d])/;

/**
 * A 鉴定点 code as written: `A-B-C-001`, `a-b-c-001`, full-width `Ａ－Ｂ－Ｃ－００１`, `[A-B-C-001]`, or
 * the code followed by the element's name (`A-B-C-001 图纸幅面`). Text without a code is returned trimmed
 * (the schema reports it).
 */
export function parseElementCode(text: string): string {
  const t = toHalfWidth(text).trim();
  const m = ELEMENT_IN_TEXT.exec(t);
  if (m?.[1] === undefined) return t;
  return m[1].replace(/\s+/g, '').toUpperCase();
}

/** A number written in a cell: `60`, `60分`, `120 分钟`, `１２０`; NaN when it is not one. */
export function parseNumber(value: string | number): number {
  if (typeof value === 'number') return value;
  const t = toHalfWidth(value)
    .replace(/\s+/g, '')
    .replace(/(分钟|min|分|minutes?)$/i, '');
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

// ---------------------------------------------------------------------------------------------------
// Cells.

type CellScalar = string | number | boolean | Date | null | undefined;

/** The value a reader sees: rich text joined, a formula's cached result, a hyperlink's text. */
function cellScalar(value: ExcelJS.CellValue | undefined): CellScalar {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return undefined;
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellScalar((value as { result?: ExcelJS.CellValue }).result);
  if ('hyperlink' in value && 'text' in value) return cellScalar((value as { text: ExcelJS.CellValue }).text);
  if ('error' in value) return undefined;
  return undefined;
}

/** Cell text: trimmed, CRLF and Excel's `_x000D_` escape turned into plain line breaks. */
function textOf(value: CellScalar): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number') s = String(value);
  else if (typeof value === 'boolean') s = value ? 'TRUE' : 'FALSE';
  else s = Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return s.replace(/_x000D_/g, '').replace(/\r\n?/g, '\n').trim();
}

// ---------------------------------------------------------------------------------------------------
// Columns found by name.

interface ColumnSpec<F extends string> {
  field: F;
  header: string;
  aliases?: readonly string[];
  required: boolean;
}

/** `题干（必填）`, `* 题 干`, `考核时间(分钟)` → `题干`, `题干`, `考核时间`. */
function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/\([^)]*\)|【[^】]*】|\[[^\]]*\]/g, '')
    .replace(/[\s*＊:]/g, '')
    .toUpperCase();
}

const THEORY_SPECS: readonly ColumnSpec<keyof typeof THEORY_HEADERS>[] = [
  { field: 'type', header: THEORY_HEADERS.type, aliases: ['试题类型', '题目类型'], required: true },
  { field: 'stem', header: THEORY_HEADERS.stem, aliases: ['试题内容', '题目', '试题', '题目内容'], required: true },
  { field: 'optionA', header: THEORY_HEADERS.optionA, aliases: ['A', '选项 A', 'A选项'], required: true },
  { field: 'optionB', header: THEORY_HEADERS.optionB, aliases: ['B', 'B选项'], required: true },
  { field: 'optionC', header: THEORY_HEADERS.optionC, aliases: ['C', 'C选项'], required: true },
  { field: 'optionD', header: THEORY_HEADERS.optionD, aliases: ['D', 'D选项'], required: true },
  { field: 'optionE', header: THEORY_HEADERS.optionE, aliases: ['E', 'E选项'], required: false },
  { field: 'key', header: THEORY_HEADERS.key, aliases: ['正确答案', '标准答案', '参考答案'], required: true },
  { field: 'difficulty', header: THEORY_HEADERS.difficulty, aliases: ['难度等级', '难度系数', '难易程度'], required: true },
  { field: 'element', header: THEORY_HEADERS.element, aliases: ['鉴定点', '鉴定点编码', '考核点代码', '考评点代码'], required: true },
  { field: 'explanation', header: THEORY_HEADERS.explanation, aliases: ['试题解析', '答案解析'], required: false },
  { field: 'remark', header: THEORY_HEADERS.remark, aliases: ['说明'], required: false },
];

const PRACTICAL_SPECS: readonly ColumnSpec<keyof typeof PRACTICAL_HEADERS>[] = [
  { field: 'module', header: PRACTICAL_HEADERS.module, aliases: ['职业功能', '模块代码'], required: true },
  { field: 'title', header: PRACTICAL_HEADERS.title, aliases: ['试题', '题目名称'], required: true },
  { field: 'points', header: PRACTICAL_HEADERS.points, aliases: ['分值', '本题分值'], required: true },
  { field: 'minutes', header: PRACTICAL_HEADERS.minutes, aliases: ['考试时间', '时间'], required: true },
  { field: 'form', header: PRACTICAL_HEADERS.form, aliases: ['考核方式'], required: true },
  { field: 'description', header: PRACTICAL_HEADERS.description, aliases: ['说明'], required: true },
  { field: 'requirements', header: PRACTICAL_HEADERS.requirements, aliases: ['考核要求'], required: true },
  { field: 'figureNote', header: PRACTICAL_HEADERS.figureNote, aliases: ['附图'], required: false },
];

const RUBRIC_SPECS: readonly ColumnSpec<keyof typeof RUBRIC_HEADERS>[] = [
  { field: 'title', header: RUBRIC_HEADERS.title, required: true },
  { field: 'content', header: RUBRIC_HEADERS.content, required: true },
  { field: 'keyPoint', header: RUBRIC_HEADERS.keyPoint, aliases: ['考核要求'], required: true },
  { field: 'points', header: RUBRIC_HEADERS.points, aliases: ['分值'], required: true },
  { field: 'criteria', header: RUBRIC_HEADERS.criteria, required: true },
  { field: 'deductionNote', header: RUBRIC_HEADERS.deductionNote, aliases: ['备注'], required: false },
];

const NOTICE_SPECS: readonly ColumnSpec<keyof typeof NOTICE_HEADERS>[] = [
  { field: 'title', header: NOTICE_HEADERS.title, required: true },
  { field: 'category', header: NOTICE_HEADERS.category, aliases: ['类型'], required: true },
  { field: 'name', header: NOTICE_HEADERS.name, required: true },
  { field: 'spec', header: NOTICE_HEADERS.spec, aliases: ['规格型号', '型号'], required: false },
  { field: 'unit', header: NOTICE_HEADERS.unit, required: true },
  { field: 'quantity', header: NOTICE_HEADERS.quantity, required: true },
  { field: 'remark', header: NOTICE_HEADERS.remark, required: false },
];

interface SheetLayout<F extends string> {
  headerRow: number;
  columns: Partial<Record<F, number>>;
}

/**
 * Finds the header row (the row among the first ten naming the most required columns) and the column of
 * each field. Missing required columns are a file-level problem naming them; the sheet is then skipped.
 */
function findLayout<F extends string>(
  sheet: ExcelJS.Worksheet,
  specs: readonly ColumnSpec<F>[],
  problems: Problem[],
): SheetLayout<F> | undefined {
  const names = new Map<string, F>();
  for (const s of specs) for (const n of [s.header, ...(s.aliases ?? [])]) names.set(normalizeHeader(n), s.field);
  let best: { row: number; columns: Partial<Record<F, number>>; required: number } | undefined;
  const lastRow = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= lastRow; r++) {
    const columns: Partial<Record<F, number>> = {};
    const row = sheet.getRow(r);
    row.eachCell((cell, c) => {
      const field = names.get(normalizeHeader(textOf(cellScalar(cell.value))));
      if (field !== undefined && columns[field] === undefined) columns[field] = c;
    });
    const required = specs.filter((s) => s.required && columns[s.field] !== undefined).length;
    if (required > (best?.required ?? 0)) best = { row: r, columns, required };
  }
  const missing = specs.filter((s) => s.required && best?.columns[s.field] === undefined).map((s) => s.header);
  if (missing.length > 0) {
    problems.push(problem([], `工作表“${sheet.name}”缺少列：${missing.join('、')}（第 1 行应为列名），该工作表未读取`));
    return undefined;
  }
  if (best === undefined) return undefined;
  return { headerRow: best.row, columns: best.columns };
}

interface SheetRow<F extends string> {
  row: number;
  text: Record<F, string>;
  scalar: Record<F, CellScalar>;
  problems: Problem[];
}

/**
 * The data rows of a sheet as texts per field; blank rows are left out; a cell longer than
 * MAX_CELL_CHARS is cut and reported for its row (path = the field).
 */
function readRows<F extends string>(
  sheet: ExcelJS.Worksheet,
  layout: SheetLayout<F>,
  fieldPath: (field: F) => (string | number)[],
  problems: Problem[],
  budget: Budget,
): SheetRow<F>[] {
  const out: SheetRow<F>[] = [];
  const fields = Object.keys(layout.columns) as F[];
  const formulas: string[] = [];
  let truncated = false;
  let seen = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if ((++seen & 0x3ff) === 0) budget.check();
    if (r <= layout.headerRow) return;
    if (r > layout.headerRow + MAX_SHEET_ROWS) {
      truncated = true;
      return;
    }
    const text = {} as Record<F, string>;
    const scalar = {} as Record<F, CellScalar>;
    const rowProblems: Problem[] = [];
    let blank = true;
    for (const f of fields) {
      const value = row.getCell(layout.columns[f] as number).value;
      if (isFormula(value)) {
        if (f === 'key') rowProblems.push(problem(fieldPath(f), FORMULA_KEY));
        else formulas.push(`${columnName(layout.columns[f] as number)}${String(r)}`);
      }
      const v = cellScalar(value);
      let t = textOf(v);
      if (t.length > MAX_CELL_CHARS) {
        rowProblems.push(problem(fieldPath(f), `内容过长（${String(t.length)} 字），单元格不能超过 ${String(MAX_CELL_CHARS)} 字`));
        t = t.slice(0, MAX_CELL_CHARS);
      }
      text[f] = t;
      scalar[f] = typeof v === 'string' ? t : v;
      if (t !== '') blank = false;
    }
    if (!blank) out.push({ row: r, text, scalar, problems: rowProblems });
  });
  if (truncated) problems.push(problem([], `工作表“${sheet.name}”超过 ${String(MAX_SHEET_ROWS)} 行，之后的行未读取`));
  if (formulas.length > 0) {
    const cells = `${formulas.slice(0, 5).join('、')}${formulas.length > 5 ? ' 等' : ''}`;
    problems.push(problem([], `工作表“${sheet.name}”有 ${String(formulas.length)} 个公式单元格（${cells}），已按文件中保存的计算结果导入，请核对`, 'warning'));
  }
  return out;
}

/** A formula in the 答案 column: its cached result cannot be trusted as the key. */
export const FORMULA_KEY = '答案单元格是公式，不能作为答案导入：请改为直接填写答案（如 B 或 √）';

function isFormula(value: ExcelJS.CellValue | undefined): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value);
}

function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The sheet with this exact name, else the first whose name contains one of the words. */
function findSheet(workbook: ExcelJS.Workbook, name: string, words: readonly string[], taken: Set<ExcelJS.Worksheet>): ExcelJS.Worksheet | undefined {
  const exact = workbook.worksheets.find((s) => s.name.trim() === name && !taken.has(s));
  if (exact) return exact;
  return workbook.worksheets.find((s) => !taken.has(s) && s.name !== ITEM_TEMPLATE_SHEETS.guide && words.some((w) => s.name.includes(w)));
}

// ---------------------------------------------------------------------------------------------------
// Theory items.

type TheoryField = keyof typeof THEORY_HEADERS;
const OPTION_FIELDS = ['optionA', 'optionB', 'optionC', 'optionD', 'optionE'] as const;
/** 判断题 written as a two-option choice (正确/错误 with key A/B), as some exam systems export them. */
const TRUE_FALSE_OPTION_PAIRS = [
  ['正确', '错误'],
  ['对', '错'],
  ['√', '×'],
  ['是', '否'],
];

function theoryPath(field: TheoryField): (string | number)[] {
  const i = OPTION_FIELDS.indexOf(field as (typeof OPTION_FIELDS)[number]);
  if (i >= 0) return ['options', i];
  return [field];
}

/** The raw theory item of a row: `{ type, stem, options?, key, difficulty, element, explanation }`. */
function theoryRaw(row: SheetRow<TheoryField>): Record<string, unknown> {
  const { text, scalar, problems } = row;
  const typeText = text.type;
  const type = parseTheoryType(typeText);
  if (typeText !== '' && type === undefined) problems.push(problem(['type'], `无法识别“${typeText}”`));

  const written = OPTION_FIELDS.map((f) => text[f] ?? '');
  let count = written.length;
  while (count > 0 && written[count - 1] === '') count--;
  const options = written.slice(0, count);

  const raw: Record<string, unknown> = { type: type ?? (typeText === '' ? undefined : typeText), stem: text.stem };
  const keyText = text.key;
  const keyScalar = scalar.key;

  if (type === 'trueFalse') {
    const pair = TRUE_FALSE_OPTION_PAIRS.find((p) => options.length === 2 && options[0] === p[0] && options[1] === p[1]);
    let key: boolean | undefined;
    if (pair !== undefined && /^[AB]$/i.test(toHalfWidth(keyText))) key = toHalfWidth(keyText).toUpperCase() === 'A';
    else key = typeof keyScalar === 'boolean' ? keyScalar : keyText === '' ? undefined : parseTrueFalseKey(keyText);
    if (options.length > 0 && pair === undefined) problems.push(problem(['options'], '判断题不应填写选项'));
    if (keyText !== '' && key === undefined) problems.push(problem(['key'], `无法识别“${keyText}”（判断题填 √ 或 ×）`));
    raw.key = key ?? (keyText === '' ? undefined : keyText);
  } else if (type === undefined) {
    // Unknown 题型 (already reported): the key stays as written.
    if (options.length > 0) raw.options = options;
    raw.key = keyText === '' ? undefined : keyText;
  } else {
    raw.options = options;
    const key = keyText === '' ? undefined : parseChoiceKey(keyText);
    if (keyText !== '' && key === undefined) problems.push(problem(['key'], `无法识别“${keyText}”（应为选项字母，如 B 或 ACD）`));
    else if (type === 'singleChoice' && key !== undefined && key.length > 1) problems.push(problem(['key'], `单选题只能有一个答案，填写的是“${keyText}”`));
    raw.key = key ?? (keyText === '' ? undefined : keyText);
  }

  const difficultyScalar = scalar.difficulty;
  const difficulty = typeof difficultyScalar === 'number' ? difficultyScalar : text.difficulty === '' ? undefined : parseDifficulty(text.difficulty);
  if (text.difficulty !== '' && difficulty === undefined) problems.push(problem(['difficulty'], `无法识别“${text.difficulty}”（应为 1～5 或 易、较易、中、较难、难）`));
  raw.difficulty = difficulty ?? (text.difficulty === '' ? undefined : text.difficulty);
  raw.element = text.element === '' ? undefined : parseElementCode(text.element);
  raw.explanation = text.explanation ?? '';
  return raw;
}

function readTheory(sheet: ExcelJS.Worksheet, problems: Problem[], budget: Budget): ImportRow[] {
  const layout = findLayout(sheet, THEORY_SPECS, problems);
  if (!layout) return [];
  return readRows(sheet, layout, theoryPath, problems, budget)
    .filter((r) => !(r.text.remark ?? '').startsWith(EXAMPLE_MARK))
    .map((r) => ({ sheet: sheet.name, row: r.row, kind: 'theory' as const, raw: theoryRaw(r), problems: r.problems }));
}

// ---------------------------------------------------------------------------------------------------
// Practical tasks.

type NoticeField = keyof typeof NOTICE_HEADERS;

const NOTICE_GROUP_OF: Readonly<Record<string, 'equipment' | 'tools' | 'measuring' | 'materials' | 'notes'>> = {
  设备: 'equipment',
  仪器设备: 'equipment',
  工具: 'tools',
  量具: 'measuring',
  材料: 'materials',
  原材料: 'materials',
  其他要求: 'notes',
  其他: 'notes',
  其它: 'notes',
  其它要求: 'notes',
  要求: 'notes',
  说明: 'notes',
  注意事项: 'notes',
};

const FORM_NAMES: Readonly<Record<string, string>> = { 实操: '实操', 实际操作: '实操', 操作: '实操', 笔试: '笔试' };

interface Notice {
  equipment: Record<string, string>[];
  tools: Record<string, string>[];
  measuring: Record<string, string>[];
  materials: Record<string, string>[];
  notes: string[];
}

const emptyNotice = (): Notice => ({ equipment: [], tools: [], measuring: [], materials: [], notes: [] });

/** `60` / `60分` → 60; unreadable text stays text (the schema names it) with a parse problem. */
function numberField(path: (string | number)[], text: string, scalar: CellScalar, problems: Problem[], where = ''): unknown {
  if (text === '') return undefined;
  const n = typeof scalar === 'number' ? scalar : parseNumber(text);
  if (Number.isNaN(n)) {
    problems.push(problem(path, `无法识别“${text}”（应为数字）${where}`));
    return text;
  }
  return n;
}

interface TaskDraft {
  row: ImportRow;
  raw: {
    rubric: Record<string, unknown>[];
    siteNotice: Notice;
    candidateNotice: Notice;
  } & Record<string, unknown>;
}

function readPractical(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, taken: Set<ExcelJS.Worksheet>, problems: Problem[], budget: Budget): ImportRow[] {
  const layout = findLayout(sheet, PRACTICAL_SPECS, problems);
  if (!layout) return [];
  const tasks = new Map<string, TaskDraft>();
  const rows: ImportRow[] = [];
  for (const r of readRows(sheet, layout, (f) => [f], problems, budget)) {
    const { text, scalar } = r;
    const moduleText = toHalfWidth(text.module).trim();
    const form = FORM_NAMES[text.form.replace(/\s+/g, '')];
    const raw: TaskDraft['raw'] = {
      module: /^[a-z]$/.test(moduleText) ? moduleText.toUpperCase() : moduleText,
      title: text.title,
      points: numberField(['points'], text.points, scalar.points, r.problems),
      minutes: numberField(['minutes'], text.minutes, scalar.minutes, r.problems),
      form: form ?? (text.form === '' ? undefined : text.form),
      description: text.description,
      requirements: text.requirements
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      figureNote: text.figureNote ?? '',
      siteNotice: emptyNotice(),
      candidateNotice: emptyNotice(),
      rubric: [],
    };
    if (text.form !== '' && form === undefined) r.problems.push(problem(['form'], `无法识别“${text.form}”（应为实操或笔试）`));
    const row: ImportRow = { sheet: sheet.name, row: r.row, kind: 'practical', raw, problems: r.problems };
    rows.push(row);
    const earlier = tasks.get(text.title);
    if (earlier !== undefined) r.problems.push(problem(['title'], `与第 ${String(earlier.row.row)} 行的试题名称重复`));
    else if (text.title !== '') tasks.set(text.title, { row, raw });
  }

  // 评分标准: required for practical tasks (every task needs at least one rubric row).
  const rubricSheet = findSheet(workbook, ITEM_TEMPLATE_SHEETS.rubric, ['评分'], taken);
  if (rubricSheet === undefined) problems.push(problem([], `缺少工作表“${ITEM_TEMPLATE_SHEETS.rubric}”`));
  else {
    taken.add(rubricSheet);
    const rl = findLayout(rubricSheet, RUBRIC_SPECS, problems);
    if (rl) {
      for (const r of readRows(rubricSheet, rl, (f) => [f], problems, budget)) {
        const where = `（工作表“${rubricSheet.name}”第 ${String(r.row)} 行）`;
        const task = joinTask(tasks, r.text.title, rubricSheet.name, r.row, problems);
        if (!task) continue;
        const index = task.raw.rubric.length;
        task.row.problems.push(...r.problems.map((p) => problem(['rubric', index, ...p.path], p.message + where)));
        task.raw.rubric.push({
          content: r.text.content,
          keyPoint: r.text.keyPoint,
          points: numberField(['rubric', index, 'points'], r.text.points, r.scalar.points, task.row.problems, where),
          criteria: r.text.criteria,
          deductionNote: r.text.deductionNote ?? '',
        });
      }
    }
  }

  // 考场准备 / 考生准备: optional (a task may need nothing), a warning when the sheet is not there.
  for (const [name, words, noticeKey] of [
    [ITEM_TEMPLATE_SHEETS.site, ['考场准备'], 'siteNotice'],
    [ITEM_TEMPLATE_SHEETS.candidate, ['考生准备'], 'candidateNotice'],
  ] as const) {
    const noticeSheet = findSheet(workbook, name, words, taken);
    if (noticeSheet === undefined) {
      problems.push(problem([], `缺少工作表“${name}”，各试题的${name}通知单为空`, 'warning'));
      continue;
    }
    taken.add(noticeSheet);
    const nl = findLayout(noticeSheet, NOTICE_SPECS, problems);
    if (!nl) continue;
    for (const r of readRows(noticeSheet, nl, (f) => [f], problems, budget)) {
      const where = `（工作表“${noticeSheet.name}”第 ${String(r.row)} 行）`;
      const task = joinTask(tasks, r.text.title, noticeSheet.name, r.row, problems);
      if (!task) continue;
      const notice = task.raw[noticeKey];
      task.row.problems.push(...r.problems.map((p) => problem([noticeKey], `${NOTICE_HEADERS[p.path[0] as NoticeField]}${p.message}${where}`)));
      const group = NOTICE_GROUP_OF[r.text.category.replace(/\s+/g, '')];
      if (group === undefined) {
        task.row.problems.push(problem([noticeKey], `类别无法识别“${r.text.category}”（应为设备、工具、量具、材料或其他要求）${where}`));
        continue;
      }
      if (group === 'notes') {
        const note = [r.text.name, r.text.spec ?? '', r.text.remark ?? ''].filter((s) => s !== '').join(' ');
        notice.notes.push(note);
        continue;
      }
      notice[group].push({
        name: r.text.name,
        spec: r.text.spec ?? '',
        unit: r.text.unit,
        quantity: r.text.quantity,
        remark: r.text.remark ?? '',
      });
    }
  }
  return rows;
}

function joinTask(tasks: Map<string, TaskDraft>, title: string, sheet: string, row: number, problems: Problem[]): TaskDraft | undefined {
  if (title === '') {
    problems.push(problem([], `工作表“${sheet}”第 ${String(row)} 行：缺少试题名称，该行未读取`));
    return undefined;
  }
  const task = tasks.get(title);
  if (task === undefined) {
    problems.push(problem([], `工作表“${sheet}”第 ${String(row)} 行：试题名称“${title}”在工作表“${ITEM_TEMPLATE_SHEETS.practical}”中不存在，该行未读取`));
  }
  return task;
}

// ---------------------------------------------------------------------------------------------------

/** Has the 题型/题干/答案 header: a theory sheet under another name (`Sheet1`). */
function looksLikeTheory(sheet: ExcelJS.Worksheet): boolean {
  const scratch: Problem[] = [];
  return findLayout(sheet, THEORY_SPECS, scratch) !== undefined;
}

/** Bounds for tests; the import uses the defaults. */
export interface XlsxReadOptions {
  readonly limits?: ReaderLimits;
  readonly clock?: () => number;
}

/**
 * Reads the import workbook into raw rows. Never throws for bad input: a damaged file, a file over a
 * bound of readers/limits.ts, a missing sheet or column is reported in `problems`.
 */
export async function parseItemWorkbook(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<ParsedWorkbook> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const budget = new Budget(limits, options.clock);
  const problems: Problem[] = [];
  const workbook = new ExcelJS.Workbook();
  try {
    checkXlsxPackage(bytes, limits, budget);
    // exceljs types `load` as taking its own Buffer; an exact-length copy of the bytes is that.
    await workbook.xlsx.load(bytes.slice().buffer);
    budget.check();
  } catch (e) {
    return { rows: [], problems: [problem([], e instanceof ReaderError ? refusalMessage(e, NOT_XLSX) : NOT_XLSX)] };
  }
  if (workbook.worksheets.length === 0) return { rows: [], problems: [problem([], NOT_XLSX)] };

  const taken = new Set<ExcelJS.Worksheet>();
  const theory =
    findSheet(workbook, ITEM_TEMPLATE_SHEETS.theory, ['理论'], taken) ??
    workbook.worksheets.find((s) => s.name !== ITEM_TEMPLATE_SHEETS.elements && looksLikeTheory(s));
  if (theory) taken.add(theory);
  const practical = findSheet(workbook, ITEM_TEMPLATE_SHEETS.practical, ['技能考核', '技能试题', '操作技能'], taken);
  if (practical) taken.add(practical);
  if (!theory && !practical) {
    problems.push(problem([], `缺少工作表“${ITEM_TEMPLATE_SHEETS.theory}”或“${ITEM_TEMPLATE_SHEETS.practical}”`));
    return { rows: [], problems };
  }
  const rows: ImportRow[] = [];
  try {
    if (theory) rows.push(...readTheory(theory, problems, budget));
    if (practical) rows.push(...readPractical(workbook, practical, taken, problems, budget));
  } catch (e) {
    if (e instanceof ReaderError) return { rows: [], problems: [problem([], refusalMessage(e, NOT_XLSX))] };
    throw e;
  }
  return { rows, problems };
}
