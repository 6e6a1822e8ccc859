/**
 * The practical tasks of the item workbook: one row per task on 技能考核试题, joined by 试题名称 to its
 * rows on 评分标准 (required: every task needs at least one) and on 考场准备 / 考生准备 (optional: a task
 * may need nothing; a warning when the sheet is not there). Raw objects for practicalTaskSchema.
 */
import type ExcelJS from 'exceljs';
import { ITEM_TEMPLATE_SHEETS, NOTICE_HEADERS, PRACTICAL_HEADERS, RUBRIC_HEADERS } from '../../domain/item-workbook.js';
import { toHalfWidth } from '../../domain/text/normalise.js';
import { problem, type Problem } from '../../domain/validation.js';
import type { Budget } from '../errors.js';
import { itemReaderMessages as m } from '../items/messages.js';
import { parseNumber } from '../items/values.js';
import type { CellScalar } from './cells.js';
import type { ImportRow } from './items.js';
import { findLayout, findSheet, readRows, type ColumnSpec, type SheetRow } from './sheet-columns.js';

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

/** The 评分标准 columns, shared with the 综合评审 评分标准 sheet (comprehensive-items.ts). */
export const RUBRIC_SPECS: readonly ColumnSpec<keyof typeof RUBRIC_HEADERS>[] = [
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
export function numberField(path: (string | number)[], text: string, scalar: CellScalar, problems: Problem[], where = ''): unknown {
  if (text === '') return undefined;
  const n = typeof scalar === 'number' ? scalar : parseNumber(text);
  if (Number.isNaN(n)) {
    problems.push(problem(path, m.number(text, where)));
    return text;
  }
  return n;
}

/** A 评分标准 row of a rubric sheet (技能考核 or 综合评审) as the item's `rubric[index]`; number problems go to `problems`. */
export function rubricRowOf(
  r: SheetRow<keyof typeof RUBRIC_HEADERS>,
  index: number,
  problems: Problem[],
  where: string,
): Record<string, unknown> {
  return {
    content: r.text.content,
    keyPoint: r.text.keyPoint,
    points: numberField(['rubric', index, 'points'], r.text.points, r.scalar.points, problems, where),
    criteria: r.text.criteria,
    deductionNote: r.text.deductionNote ?? '',
  };
}

interface TaskDraft {
  row: ImportRow;
  raw: {
    rubric: Record<string, unknown>[];
    siteNotice: Notice;
    candidateNotice: Notice;
  } & Record<string, unknown>;
}

export function readPractical(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, taken: Set<ExcelJS.Worksheet>, problems: Problem[], budget: Budget): ImportRow[] {
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
    if (text.form !== '' && form === undefined) r.problems.push(problem(['form'], m.form(text.form)));
    const row: ImportRow = { sheet: sheet.name, row: r.row, kind: 'practical', raw, problems: r.problems };
    rows.push(row);
    const earlier = tasks.get(text.title);
    if (earlier !== undefined) r.problems.push(problem(['title'], m.duplicateTitle(earlier.row.row)));
    else if (text.title !== '') tasks.set(text.title, { row, raw });
  }

  // 评分标准: required for practical tasks (every task needs at least one rubric row).
  const rubricSheet = findSheet(workbook, ITEM_TEMPLATE_SHEETS.rubric, ['评分'], taken);
  if (rubricSheet === undefined) problems.push(problem([], m.missingSheet(ITEM_TEMPLATE_SHEETS.rubric)));
  else {
    taken.add(rubricSheet);
    const rl = findLayout(rubricSheet, RUBRIC_SPECS, problems);
    if (rl) {
      for (const r of readRows(rubricSheet, rl, (f) => [f], problems, budget)) {
        const where = m.atSheetRow(rubricSheet.name, r.row);
        const task = joinTask(tasks, r.text.title, rubricSheet.name, r.row, problems);
        if (!task) continue;
        const index = task.raw.rubric.length;
        task.row.problems.push(...r.problems.map((p) => problem(['rubric', index, ...p.path], p.message + where)));
        task.raw.rubric.push(rubricRowOf(r, index, task.row.problems, where));
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
      problems.push(problem([], m.missingNoticeSheet(name), 'warning'));
      continue;
    }
    taken.add(noticeSheet);
    const nl = findLayout(noticeSheet, NOTICE_SPECS, problems);
    if (!nl) continue;
    for (const r of readRows(noticeSheet, nl, (f) => [f], problems, budget)) {
      const where = m.atSheetRow(noticeSheet.name, r.row);
      const task = joinTask(tasks, r.text.title, noticeSheet.name, r.row, problems);
      if (!task) continue;
      const notice = task.raw[noticeKey];
      task.row.problems.push(...r.problems.map((p) => problem([noticeKey], `${NOTICE_HEADERS[p.path[0] as NoticeField]}${p.message}${where}`)));
      const group = NOTICE_GROUP_OF[r.text.category.replace(/\s+/g, '')];
      if (group === undefined) {
        task.row.problems.push(problem([noticeKey], m.noticeCategory(r.text.category, where)));
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
    problems.push(problem([], m.rowWithoutTitle(sheet, row)));
    return undefined;
  }
  const task = tasks.get(title);
  if (task === undefined) {
    problems.push(problem([], m.rowOfUnknownTask(sheet, row, title, ITEM_TEMPLATE_SHEETS.practical)));
  }
  return task;
}
