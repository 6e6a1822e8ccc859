/**
 * The 综合评审 items of the item workbook (levels 1–2): one row per item on 综合评审试题, joined by 试题名称
 * to its rows on 综合评审评分标准 and 综合评审评分表 (both required once the sheet holds an item: the schema
 * needs at least one row of each). Raw objects for comprehensiveItemSchema; whether the bank's level has
 * 综合评审 at all is the import service's question. Rows marked `示例` in 备注 are skipped, and so are the
 * rows of the other two sheets joined to them (or whose 试题名称 says `（示例）`).
 */
import type ExcelJS from 'exceljs';
import { COMPREHENSIVE_FORMS } from '../../domain/comprehensive-item.js';
import { COMPREHENSIVE_HEADERS, EXAMPLE_MARK, ITEM_TEMPLATE_SHEETS, SCORE_SHEET_HEADERS } from '../../domain/item-workbook.js';
import { problem, type Problem } from '../../domain/validation.js';
import type { Budget } from '../errors.js';
import { itemReaderMessages as m } from '../items/messages.js';
import type { ImportRow } from './items.js';
import { numberField, RUBRIC_SPECS, rubricRowOf } from './practical-items.js';
import { findLayout, findSheet, readRows, type ColumnSpec, type SheetRow } from './sheet-columns.js';

const COMPREHENSIVE_SPECS: readonly ColumnSpec<keyof typeof COMPREHENSIVE_HEADERS>[] = [
  { field: 'title', header: COMPREHENSIVE_HEADERS.title, aliases: ['题目名称', '试题题目'], required: true },
  { field: 'form', header: COMPREHENSIVE_HEADERS.form, aliases: ['评审形式', '考核方式'], required: true },
  { field: 'points', header: COMPREHENSIVE_HEADERS.points, aliases: ['分值', '本题分值'], required: false },
  { field: 'minutes', header: COMPREHENSIVE_HEADERS.minutes, aliases: ['考试时间', '评审时间', '时间'], required: true },
  { field: 'instructions', header: COMPREHENSIVE_HEADERS.instructions, aliases: ['评审说明', '说明'], required: true },
  { field: 'question', header: COMPREHENSIVE_HEADERS.question, aliases: ['试题', '题目'], required: true },
  { field: 'remark', header: COMPREHENSIVE_HEADERS.remark, required: false },
];

const SCORE_SPECS: readonly ColumnSpec<keyof typeof SCORE_SHEET_HEADERS>[] = [
  { field: 'title', header: SCORE_SHEET_HEADERS.title, required: true },
  { field: 'aspect', header: SCORE_SHEET_HEADERS.aspect, aliases: ['评价项目', '项目'], required: true },
  { field: 'keyPoint', header: SCORE_SHEET_HEADERS.keyPoint, aliases: ['评价要点', '评审要点', '考核要点'], required: true },
  { field: 'points', header: SCORE_SHEET_HEADERS.points, aliases: ['分值'], required: true },
];

/** The three sheets, found by name (a main sheet is needed; the other two may be missing). */
export interface ComprehensiveSheets {
  readonly main: ExcelJS.Worksheet;
  readonly rubric: ExcelJS.Worksheet | undefined;
  readonly score: ExcelJS.Worksheet | undefined;
}

/**
 * Finds the 综合评审 sheets and marks them taken, so that the practical reader's loose search for a
 * `评分` sheet never lands on `综合评审评分标准`. Undefined when the workbook has no 综合评审试题 sheet.
 */
export function findComprehensiveSheets(workbook: ExcelJS.Workbook, taken: Set<ExcelJS.Worksheet>): ComprehensiveSheets | undefined {
  const s = ITEM_TEMPLATE_SHEETS;
  const main = findSheet(workbook, s.comprehensive, [s.comprehensive], taken);
  if (main) taken.add(main);
  // Taken even without a main sheet: a stray 综合评审评分标准 is never a practical 评分标准.
  const rubric = findSheet(workbook, s.comprehensiveRubric, [s.comprehensiveRubric], taken);
  if (rubric) taken.add(rubric);
  const score = findSheet(workbook, s.comprehensiveScore, [s.comprehensiveScore], taken);
  if (score) taken.add(score);
  return main === undefined ? undefined : { main, rubric, score };
}

/** `技术总结答辩`, ` 论文 答辩 `, `论文` → the form; undefined when it is none of COMPREHENSIVE_FORMS. */
function parseForm(text: string): string | undefined {
  const t = text.replace(/\s+/g, '');
  return COMPREHENSIVE_FORMS.find((f) => f === t || f === `${t}答辩`);
}

interface Draft {
  row: ImportRow;
  raw: { rubric: Record<string, unknown>[]; scoreSheet: Record<string, unknown>[] } & Record<string, unknown>;
}

const isExampleTitle = (title: string, examples: ReadonlySet<string>) => examples.has(title) || title.includes(`（${EXAMPLE_MARK}）`);

export function readComprehensive(sheets: ComprehensiveSheets, problems: Problem[], budget: Budget): ImportRow[] {
  const { main } = sheets;
  const layout = findLayout(main, COMPREHENSIVE_SPECS, problems);
  if (!layout) return [];
  const items = new Map<string, Draft>();
  const examples = new Set<string>();
  const rows: ImportRow[] = [];
  for (const r of readRows(main, layout, (f) => [f], problems, budget)) {
    const { text, scalar } = r;
    if ((text.remark ?? '').startsWith(EXAMPLE_MARK)) {
      examples.add(text.title);
      continue;
    }
    const form = parseForm(text.form);
    if (text.form !== '' && form === undefined) r.problems.push(problem(['form'], m.comprehensiveForm(text.form, COMPREHENSIVE_FORMS)));
    const raw: Draft['raw'] = {
      title: text.title,
      form: form ?? (text.form === '' ? undefined : text.form),
      points: numberField(['points'], text.points ?? '', scalar.points ?? null, r.problems),
      minutes: numberField(['minutes'], text.minutes, scalar.minutes, r.problems),
      instructions: text.instructions
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      question: text.question,
      rubric: [],
      scoreSheet: [],
    };
    const row: ImportRow = { sheet: main.name, row: r.row, kind: 'comprehensive', raw, problems: r.problems };
    rows.push(row);
    const earlier = items.get(text.title);
    if (earlier !== undefined) r.problems.push(problem(['title'], m.duplicateTitle(earlier.row.row)));
    else if (text.title !== '') items.set(text.title, { row, raw });
  }
  if (rows.length === 0) return rows;

  /** Reads a joined sheet; `add` appends one row to its item and returns the problems' path prefix. */
  const joined = <F extends string>(
    sheet: ExcelJS.Worksheet | undefined,
    name: string,
    specs: readonly ColumnSpec<F | 'title'>[],
    add: (draft: Draft, r: SheetRow<F | 'title'>, where: string) => (string | number)[],
  ) => {
    if (sheet === undefined) {
      problems.push(problem([], m.missingSheet(name)));
      return;
    }
    const sl = findLayout(sheet, specs, problems);
    if (!sl) return;
    for (const r of readRows(sheet, sl, (f) => [f], problems, budget)) {
      const title = r.text.title;
      if (isExampleTitle(title, examples)) continue;
      if (title === '') {
        problems.push(problem([], m.rowWithoutTitle(sheet.name, r.row)));
        continue;
      }
      const draft = items.get(title);
      if (draft === undefined) {
        problems.push(problem([], m.rowOfUnknownTask(sheet.name, r.row, title, main.name)));
        continue;
      }
      const where = m.atSheetRow(sheet.name, r.row);
      const prefix = add(draft, r, where);
      draft.row.problems.push(...r.problems.map((p) => problem([...prefix, ...p.path], p.message + where)));
    }
  };

  joined(sheets.rubric, ITEM_TEMPLATE_SHEETS.comprehensiveRubric, RUBRIC_SPECS, (draft, r, where) => {
    const index = draft.raw.rubric.length;
    draft.raw.rubric.push(rubricRowOf(r, index, draft.row.problems, where));
    return ['rubric', index];
  });
  joined(sheets.score, ITEM_TEMPLATE_SHEETS.comprehensiveScore, SCORE_SPECS, (draft, r, where) => {
    const index = draft.raw.scoreSheet.length;
    draft.raw.scoreSheet.push({
      aspect: r.text.aspect,
      keyPoint: r.text.keyPoint,
      points: numberField(['scoreSheet', index, 'points'], r.text.points, r.scalar.points, draft.row.problems, where),
    });
    return ['scoreSheet', index];
  });
  return rows;
}
