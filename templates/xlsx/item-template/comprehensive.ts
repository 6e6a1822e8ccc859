/**
 * The 综合评审 sheets of the item import template (levels 1–2, 技师/高级技师; domain:
 * app/domain/comprehensive-item.ts): `综合评审试题` — one row per item (试题名称, 考核形式, 配分, 考核时间,
 * 考核说明 one per line, 试题内容, 备注) — and the sheets joined to an item by 试题名称: `综合评审评分标准`
 * (the rubric rows, as on the practical 评分标准 sheet) and `综合评审评分表` (评审项目, 评分要点, 配分: the
 * sheet each 评委 fills in). Each sheet starts with one example item in grey italics, marked `示例` in 备注;
 * the reader skips it and the rows joined to it. The row functions are shared with the export.
 */
import type ExcelJS from 'exceljs';
import { COMPREHENSIVE_FORMS, type ComprehensiveItem } from '../../../app/domain/comprehensive-item.js';
import { COMPREHENSIVE_HEADERS, EXAMPLE_MARK, ITEM_TEMPLATE_SHEETS, RUBRIC_HEADERS, SCORE_SHEET_HEADERS } from '../../../app/domain/item-workbook.js';
import { addRubricSheet, RUBRIC_COLUMNS } from './practical.js';
import { addDataSheet, listValidation, numberValidation, quoted, validateColumn, writeExampleRows, type Column } from './sheets.js';

type Cell = string | number;

const COMPREHENSIVE_COLUMNS: readonly Column[] = [
  { header: COMPREHENSIVE_HEADERS.title, width: 24, wrap: true },
  { header: COMPREHENSIVE_HEADERS.form, width: 14 },
  { header: COMPREHENSIVE_HEADERS.points, width: 8 },
  { header: COMPREHENSIVE_HEADERS.minutes, width: 10 },
  { header: COMPREHENSIVE_HEADERS.instructions, width: 50, wrap: true, note: '每条说明占一行（单元格内按 Alt+Enter 换行），打印时自动编号' },
  { header: COMPREHENSIVE_HEADERS.question, width: 50, wrap: true },
  { header: COMPREHENSIVE_HEADERS.remark, width: 8, note: `填“${EXAMPLE_MARK}”的行是示例，导入时跳过（评分标准、评分表中同名的行一并跳过）` },
];

const SCORE_COLUMNS: readonly Column[] = [
  { header: SCORE_SHEET_HEADERS.title, width: 24, wrap: true },
  { header: SCORE_SHEET_HEADERS.aspect, width: 16, wrap: true },
  { header: SCORE_SHEET_HEADERS.keyPoint, width: 48, wrap: true },
  { header: SCORE_SHEET_HEADERS.points, width: 8 },
];

/** The example item of the template (a valid item: 评分标准 and 评分表 each add up to 100). */
export const COMPREHENSIVE_EXAMPLE: ComprehensiveItem = {
  title: '本职业典型工作技术总结（示例）',
  form: '技术总结答辩',
  points: 100,
  minutes: 40,
  instructions: [
    '考生于考核前 15 日提交本人撰写的技术总结一篇，不少于 3000 字，内容须为本人近三年完成的工作。',
    '答辩时先由考生陈述 10 分钟，再由评审组提问 20 分钟，考生逐题作答。',
    '评审组由 3 名（含）以上单数考评人员组成，各自独立评分，取平均分。',
  ],
  question: '结合本人近三年从事本职业工作的实际，撰写一篇技术总结，并参加答辩。\n内容应包括：工作背景、采用的技术方法、遇到的问题及解决措施、取得的成效与体会。',
  rubric: [
    { content: '选题', keyPoint: '选题来源于本人实际工作，具有代表性和推广价值', points: 10, criteria: '选题脱离本人工作扣 5 分；选题过窄或无实际意义扣 3 分', deductionNote: '' },
    { content: '技术内容', keyPoint: '技术方法正确，数据真实可靠，论证充分', points: 40, criteria: '技术错误每处扣 5 分；数据不可靠每处扣 3 分；论证不充分扣 5～10 分', deductionNote: '扣完本项配分为止' },
    { content: '文字表达', keyPoint: '结构合理，层次清楚，图表规范', points: 10, criteria: '结构混乱扣 3 分；图表不规范每处扣 1 分', deductionNote: '' },
    { content: '答辩', keyPoint: '陈述清楚，回答问题正确、完整', points: 40, criteria: '陈述超时扣 2 分；回答错误每题扣 8 分；回答不完整每题扣 4 分', deductionNote: '' },
  ],
  scoreSheet: [
    { aspect: '选题', keyPoint: '来源于本人实际工作，具有代表性', points: 10 },
    { aspect: '技术内容', keyPoint: '方法正确，数据可靠，论证充分', points: 40 },
    { aspect: '文字表达', keyPoint: '结构合理，图表规范', points: 10 },
    { aspect: '答辩', keyPoint: '陈述清楚，回答正确完整', points: 40 },
  ],
};

/** The row of an item on `综合评审试题`, in header order (备注 last). */
export function comprehensiveRow(item: ComprehensiveItem, remark = ''): Cell[] {
  return [item.title, item.form, item.points, item.minutes, item.instructions.join('\n'), item.question, remark];
}

/** The item's rows on `综合评审评分标准`. */
export function comprehensiveRubricRows(item: ComprehensiveItem): Cell[][] {
  return item.rubric.map((r) => [item.title, r.content, r.keyPoint, r.points, r.criteria, r.deductionNote]);
}

/** The item's rows on `综合评审评分表`. */
export function scoreSheetRows(item: ComprehensiveItem): Cell[][] {
  return item.scoreSheet.map((r) => [item.title, r.aspect, r.keyPoint, r.points]);
}

/** The first row below the example rows, per 综合评审 sheet (where the export writes a bank's items). */
export const COMPREHENSIVE_FIRST_ROW = {
  main: 3,
  rubric: 2 + COMPREHENSIVE_EXAMPLE.rubric.length,
  score: 2 + COMPREHENSIVE_EXAMPLE.scoreSheet.length,
} as const;

export function addComprehensiveSheets(workbook: ExcelJS.Workbook): void {
  const main = addDataSheet(workbook, ITEM_TEMPLATE_SHEETS.comprehensive, COMPREHENSIVE_COLUMNS);
  writeExampleRows(main, [comprehensiveRow(COMPREHENSIVE_EXAMPLE, EXAMPLE_MARK)], COMPREHENSIVE_COLUMNS);
  const h = COMPREHENSIVE_HEADERS;
  validateColumn(main, COMPREHENSIVE_COLUMNS, h.form, listValidation(quoted(COMPREHENSIVE_FORMS), COMPREHENSIVE_FORMS.join('、'), '请从列表中选择考核形式'));
  validateColumn(main, COMPREHENSIVE_COLUMNS, h.points, numberValidation('decimal', 0.5, 100, '本题分值，一般为 100 分（不填按 100 分）', '配分应在 0.5～100 之间'));
  validateColumn(main, COMPREHENSIVE_COLUMNS, h.minutes, numberValidation('whole', 30, 600, '考核时间（分钟），不少于 30 分钟', '考核时间应为 30～600 分钟'));

  writeExampleRows(addRubricSheet(workbook, ITEM_TEMPLATE_SHEETS.comprehensiveRubric), comprehensiveRubricRows(COMPREHENSIVE_EXAMPLE), RUBRIC_COLUMNS);

  const score = addDataSheet(workbook, ITEM_TEMPLATE_SHEETS.comprehensiveScore, SCORE_COLUMNS);
  writeExampleRows(score, scoreSheetRows(COMPREHENSIVE_EXAMPLE), SCORE_COLUMNS);
  validateColumn(score, SCORE_COLUMNS, SCORE_SHEET_HEADERS.points, numberValidation('decimal', 0.5, 100, '本项配分', '配分应在 0.5～100 之间'));
}

/** The 填写说明 lines of the 综合评审 sheets (`heading` is the section's number, e.g. 六). */
export function comprehensiveGuideLines(heading: string): string[] {
  const s = ITEM_TEMPLATE_SHEETS;
  const h = COMPREHENSIVE_HEADERS;
  return [
    `${heading}、工作表“${s.comprehensive}”“${s.comprehensiveRubric}”“${s.comprehensiveScore}”：综合评审试题，只用于二级/技师和一级/高级技师（三级至五级的题库不设综合评审，导入时这些行会被拒绝）`,
    `1. “${s.comprehensive}”每行一道试题。${h.title}在本文件中不得重复，另两张工作表按${h.title}对应到本题。`,
    `2. ${h.form}：${COMPREHENSIVE_FORMS.join('、')}（从下拉列表选择）。`,
    `3. ${h.points}：本题分值，一般为 100 分（不填按 100 分）；${h.minutes}：分钟，不少于 30 分钟。`,
    `4. ${h.instructions}：对考生和评审组的要求，每条说明占一行，打印时自动编号；${h.question}：向考生提出的试题，可分多行。`,
    `5. “${s.comprehensiveRubric}”：每行一项评分内容（${RUBRIC_HEADERS.content}、${RUBRIC_HEADERS.keyPoint}、${RUBRIC_HEADERS.points}、${RUBRIC_HEADERS.criteria}、${RUBRIC_HEADERS.deductionNote}），同一试题各行配分之和应等于本题分值。`,
    `6. “${s.comprehensiveScore}”：评委打分用的评分表，每行一个${SCORE_SHEET_HEADERS.aspect}（${SCORE_SHEET_HEADERS.aspect}、${SCORE_SHEET_HEADERS.keyPoint}、${SCORE_SHEET_HEADERS.points}），同一试题各行配分之和也应等于本题分值。`,
    `7. ${h.remark}填“${EXAMPLE_MARK}”的行（灰色斜体）是示例，导入时跳过，另两张工作表中${h.title}相同的行一并跳过；可以保留或删除。`,
  ];
}
