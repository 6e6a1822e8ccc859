/**
 * The practical sheets of the item import template: `技能考核试题` (one row per task) and the sheets joined
 * to a task by 试题名称 — `评分标准`, `考场准备`, `考生准备` (domain: app/domain/practical-task.ts, rubric.ts).
 */
import type ExcelJS from 'exceljs';
import { ITEM_TEMPLATE_SHEETS, NOTICE_HEADERS, PRACTICAL_HEADERS, RUBRIC_HEADERS } from '../../../app/domain/item-workbook.js';
import { addDataSheet, listValidation, numberValidation, quoted, validateColumn, type Column } from './sheets.js';

/** 类别 values of the notice sheets: the four groups of a 准备通知单, and 其他要求 (text in 名称). */
export const NOTICE_CATEGORIES = ['设备', '工具', '量具', '材料', '其他要求'] as const;

const PRACTICAL_COLUMNS: readonly Column[] = [
  { header: PRACTICAL_HEADERS.module, width: 12, text: true },
  { header: PRACTICAL_HEADERS.title, width: 24, wrap: true },
  { header: PRACTICAL_HEADERS.points, width: 8 },
  { header: PRACTICAL_HEADERS.minutes, width: 10 },
  { header: PRACTICAL_HEADERS.form, width: 10 },
  { header: PRACTICAL_HEADERS.description, width: 40, wrap: true },
  { header: PRACTICAL_HEADERS.requirements, width: 50, wrap: true, note: '每条要求占一行（单元格内按 Alt+Enter 换行）' },
  { header: PRACTICAL_HEADERS.figureNote, width: 30, wrap: true },
];

/** 评分标准 columns, shared by the practical and the 综合评审 评分标准 sheets. */
export const RUBRIC_COLUMNS: readonly Column[] = [
  { header: RUBRIC_HEADERS.title, width: 24, wrap: true },
  { header: RUBRIC_HEADERS.content, width: 16, wrap: true },
  { header: RUBRIC_HEADERS.keyPoint, width: 36, wrap: true },
  { header: RUBRIC_HEADERS.points, width: 8 },
  { header: RUBRIC_HEADERS.criteria, width: 40, wrap: true },
  { header: RUBRIC_HEADERS.deductionNote, width: 20, wrap: true },
];

const NOTICE_COLUMNS: readonly Column[] = [
  { header: NOTICE_HEADERS.title, width: 24, wrap: true },
  { header: NOTICE_HEADERS.category, width: 10 },
  { header: NOTICE_HEADERS.name, width: 24, wrap: true },
  { header: NOTICE_HEADERS.spec, width: 24, wrap: true },
  { header: NOTICE_HEADERS.unit, width: 8 },
  { header: NOTICE_HEADERS.quantity, width: 8, text: true },
  { header: NOTICE_HEADERS.remark, width: 24, wrap: true },
];

/** A 评分标准 sheet (practical or 综合评审): 配分 of each row between 0.5 and 100. */
export function addRubricSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const rubric = addDataSheet(workbook, name, RUBRIC_COLUMNS);
  validateColumn(rubric, RUBRIC_COLUMNS, RUBRIC_HEADERS.points, numberValidation('decimal', 0.5, 100, '本项配分', '配分应在 0.5～100 之间'));
  return rubric;
}

export function addPracticalSheets(workbook: ExcelJS.Workbook): void {
  const practical = addDataSheet(workbook, ITEM_TEMPLATE_SHEETS.practical, PRACTICAL_COLUMNS);
  validateColumn(practical, PRACTICAL_COLUMNS, PRACTICAL_HEADERS.points, numberValidation('decimal', 0.5, 100, '本题分值，0.5 分的整数倍', '配分应在 0.5～100 之间'));
  validateColumn(practical, PRACTICAL_COLUMNS, PRACTICAL_HEADERS.minutes, numberValidation('whole', 1, 600, '考核时间（分钟）', '考核时间应为 1～600 分钟'));
  validateColumn(practical, PRACTICAL_COLUMNS, PRACTICAL_HEADERS.form, listValidation('"实操,笔试"', '实操或笔试', '请从列表中选择考核形式'));

  addRubricSheet(workbook, ITEM_TEMPLATE_SHEETS.rubric);

  for (const name of [ITEM_TEMPLATE_SHEETS.site, ITEM_TEMPLATE_SHEETS.candidate]) {
    const sheet = addDataSheet(workbook, name, NOTICE_COLUMNS);
    validateColumn(sheet, NOTICE_COLUMNS, NOTICE_HEADERS.category, listValidation(quoted(NOTICE_CATEGORIES), NOTICE_CATEGORIES.join('、'), '请从列表中选择类别'));
  }
}
