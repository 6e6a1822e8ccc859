/**
 * Reading items from an Excel workbook (issue [C] part 4a): the writers' import template
 * (templates/xlsx/item-template.ts, layout in app/domain/item-workbook.ts) and the look-alike sheets
 * writers already keep. Parsing only: every row becomes a raw object in the shape of the domain schema
 * (app/domain/theory-item.ts, practical-task.ts, comprehensive-item.ts; the practical and 综合评审 sheets
 * in practical-items.ts and comprehensive-items.ts) plus the problems found while reading it; validation,
 * dedupe and saving are the import service's job. Never throws on bad input: a file that is not an
 * .xlsx is a file-level problem.
 *
 * Accepted variations (real files): the values of items/values.ts; rich text, numbers; columns found by
 * name in any order, extra columns ignored, 选项E optional (xlsx/sheet-columns.ts).
 *
 * Bounds (issue 11): the workbook is loaded by xlsx/cells.ts after the package pre-scan; the time budget
 * is checked while rows are read. Formula cells: a formula in the 答案 column refuses its row (the cached
 * result is whatever the file says it is); any other formula cell is read as its cached result, with a
 * warning naming the cells.
 */
import type ExcelJS from 'exceljs';
import { EXAMPLE_MARK, ITEM_TEMPLATE_SHEETS, THEORY_HEADERS } from '../../domain/item-workbook.js';
import { problem, type Problem } from '../../domain/validation.js';
import { ReaderError, refusalMessage, type Budget } from '../errors.js';
import type { ReadOptions } from '../limits.js';
import { itemReaderMessages as m } from '../items/messages.js';
import { parseChoiceKey, parseDifficulty, parseFullElementCode, parseTheoryType, parseTrueFalseKey, trueFalseFromLetter, trueFalseOptionPair } from '../items/values.js';
import { loadWorkbook } from './cells.js';
import { findComprehensiveSheets, readComprehensive } from './comprehensive-items.js';
import { readPractical } from './practical-items.js';
import { readRowImages, type ReadImage } from './row-images.js';
import type { ContentHash } from '../docx/package.js';
import { findLayout, findSheet, readRows, type ColumnSpec, type SheetRow } from './sheet-columns.js';

export interface ImportRow {
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  kind: 'theory' | 'practical' | 'comprehensive';
  /** Object for the domain schema (theoryItemSchema / practicalTaskSchema / comprehensiveItemSchema). */
  raw: unknown;
  /** Parse problems: unknown 题型, key not parseable, cell too long … */
  problems: Problem[];
}

export interface ParsedWorkbook {
  rows: ImportRow[];
  /** The pictures the rows refer to (raw.images), once each; only read when a content hash is given. */
  images: ReadImage[];
  /** File-level: not an xlsx, missing sheet, missing header columns, orphan rows … */
  problems: Problem[];
}

type TheoryField = keyof typeof THEORY_HEADERS;

const THEORY_SPECS: readonly ColumnSpec<TheoryField>[] = [
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

const OPTION_FIELDS = ['optionA', 'optionB', 'optionC', 'optionD', 'optionE'] as const;

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
  if (typeText !== '' && type === undefined) problems.push(problem(['type'], m.unknown(typeText)));

  const written = OPTION_FIELDS.map((f) => text[f] ?? '');
  let count = written.length;
  while (count > 0 && written[count - 1] === '') count--;
  const options = written.slice(0, count);

  const raw: Record<string, unknown> = { type: type ?? (typeText === '' ? undefined : typeText), stem: text.stem };
  const keyText = text.key;
  const keyScalar = scalar.key;

  if (type === 'trueFalse') {
    const pair = trueFalseOptionPair(options);
    let key: boolean | undefined;
    if (pair !== undefined && trueFalseFromLetter(keyText) !== undefined) key = trueFalseFromLetter(keyText);
    else key = typeof keyScalar === 'boolean' ? keyScalar : keyText === '' ? undefined : parseTrueFalseKey(keyText);
    if (options.length > 0 && pair === undefined) problems.push(problem(['options'], m.trueFalseOptionsInCells));
    if (keyText !== '' && key === undefined) problems.push(problem(['key'], m.trueFalseKey(keyText)));
    raw.key = key ?? (keyText === '' ? undefined : keyText);
  } else if (type === undefined) {
    // Unknown 题型 (already reported): the key stays as written.
    if (options.length > 0) raw.options = options;
    raw.key = keyText === '' ? undefined : keyText;
  } else {
    raw.options = options;
    const key = keyText === '' ? undefined : parseChoiceKey(keyText);
    if (keyText !== '' && key === undefined) problems.push(problem(['key'], m.choiceKey(keyText)));
    else if (type === 'singleChoice' && key !== undefined && key.length > 1) problems.push(problem(['key'], m.singleKeyInCells(keyText)));
    raw.key = key ?? (keyText === '' ? undefined : keyText);
  }

  const difficultyScalar = scalar.difficulty;
  const difficulty = typeof difficultyScalar === 'number' ? difficultyScalar : text.difficulty === '' ? undefined : parseDifficulty(text.difficulty);
  if (text.difficulty !== '' && difficulty === undefined) problems.push(problem(['difficulty'], m.difficulty(text.difficulty)));
  raw.difficulty = difficulty ?? (text.difficulty === '' ? undefined : text.difficulty);
  raw.element = text.element === '' ? undefined : parseFullElementCode(text.element);
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

/** Has the 题型/题干/答案 header: a theory sheet under another name (`Sheet1`). */
function looksLikeTheory(sheet: ExcelJS.Worksheet): boolean {
  const scratch: Problem[] = [];
  return findLayout(sheet, THEORY_SPECS, scratch) !== undefined;
}

/**
 * Reads the import workbook into raw rows. Never throws for bad input: a damaged file, a file over a
 * bound of readers/limits.ts, a missing sheet or column is reported in `problems`.
 */
/**
 * `contentHash` names the pictures pasted into item rows (a 附图 over a task's row): given, each row's
 * pictures become its `images`; absent, pictures are not read.
 */
export async function parseItemWorkbook(bytes: Uint8Array, options: ReadOptions & { readonly contentHash?: ContentHash } = {}): Promise<ParsedWorkbook> {
  const problems: Problem[] = [];
  const loaded = await loadWorkbook(bytes, options, m.notXlsx);
  if (typeof loaded === 'string') return { rows: [], images: [], problems: [problem([], loaded)] };
  const { workbook, budget } = loaded;
  if (workbook.worksheets.length === 0) return { rows: [], images: [], problems: [problem([], m.notXlsx)] };

  const taken = new Set<ExcelJS.Worksheet>();
  const theory =
    findSheet(workbook, ITEM_TEMPLATE_SHEETS.theory, ['理论'], taken) ??
    workbook.worksheets.find((s) => s.name !== ITEM_TEMPLATE_SHEETS.elements && looksLikeTheory(s));
  if (theory) taken.add(theory);
  const practical = findSheet(workbook, ITEM_TEMPLATE_SHEETS.practical, ['技能考核', '技能试题', '操作技能'], taken);
  if (practical) taken.add(practical);
  // Before the practical 评分标准 is looked for: its loose search must not land on 综合评审评分标准.
  const comprehensive = findComprehensiveSheets(workbook, taken);
  if (!theory && !practical && !comprehensive) {
    problems.push(problem([], m.missingItemSheets([ITEM_TEMPLATE_SHEETS.theory, ITEM_TEMPLATE_SHEETS.practical, ITEM_TEMPLATE_SHEETS.comprehensive])));
    return { rows: [], images: [], problems };
  }
  const rows: ImportRow[] = [];
  const images: ReadImage[] = [];
  try {
    if (theory) rows.push(...withImages(workbook, theory, readTheory(theory, problems, budget), images, options, budget));
    if (practical) rows.push(...withImages(workbook, practical, readPractical(workbook, practical, taken, problems, budget), images, options, budget));
    if (comprehensive) rows.push(...readComprehensive(comprehensive, problems, budget));
  } catch (e) {
    if (e instanceof ReaderError) return { rows: [], images: [], problems: [problem([], refusalMessage(e, m.notXlsx))] };
    throw e;
  }
  return { rows, images, problems };
}

/** Each row of `sheet` gets the pictures anchored in it (`raw.images`); a refused picture is a problem of its row. */
function withImages(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  rows: ImportRow[],
  images: ReadImage[],
  options: ReadOptions & { readonly contentHash?: ContentHash },
  budget: Budget,
): ImportRow[] {
  if (options.contentHash === undefined) return rows;
  const read = readRowImages(workbook, sheet, options.contentHash, options.limits, budget);
  for (const image of read.images) if (!images.some((i) => i.sha256 === image.sha256)) images.push(image);
  for (const row of rows) {
    const hashes = read.byRow.get(row.row);
    if (hashes !== undefined) (row.raw as { images?: readonly string[] }).images = hashes;
    row.problems.push(...(read.refused.get(row.row) ?? []));
  }
  return rows;
}
