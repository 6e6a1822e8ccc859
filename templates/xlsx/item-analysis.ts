/**
 * The item-analysis report of one sitting (试题分析报告) as .xlsx, in the register house style
 * (workbook.ts: title row, the mark on the sheet and in every printed page's header, header row repeated
 * and frozen): 概况 (the paper's figures), 试题统计 (one row per item in report order — the items for
 * the panel first, then those with notes, then the rest — with every figure and the flag texts; filters
 * on the header) and 选项分析 (one row per item and option: choice rates overall, upper and lower group,
 * point-biserial, whether it is the key). Figures are numbers with a number format, r that could not be
 * computed is `—`. Pure: the same report gives the same bytes.
 */
import type ExcelJS from 'exceljs';
import { THRESHOLDS } from '../../app/domain/analysis/flags.js';
import type { SittingReport } from '../../app/domain/analysis/report.js';
import { flagNames, overviewPairs, REPORT_TEXT } from '../docx/item-analysis-tables.js';
import { addRegisterSheet, displayWidth, FIRST_DATA_ROW, HEADER_ROW, LIGHT_RED, LIGHT_YELLOW, newWorkbook, solidFill, toBytes, type RegisterColumn } from './workbook.js';

/** The Chinese of the workbook, in one place (the figures' names are the docx's). */
export const XLSX_TEXT = {
  sheets: { overview: '概况', items: '试题统计', options: '选项分析' },
  title: (sheet: string) => `${REPORT_TEXT.title}（${sheet}）`,
  subtitle: (paperTitle: string, label: string, heldOn: string) => `${paperTitle}　${label}　${heldOn}`,
  overview: { name: '项目', value: '数值', paper: '试卷', sitting: '考试场次', heldOn: '考试日期', madeOn: '报告日期' },
  item: {
    position: '题号',
    typeName: '题型',
    binding: '鉴定点',
    group: '分组',
    n: '作答人数',
    p: '通过率 p',
    r: '区分度 r',
    d: '高低分组差 D',
    omit: '未作答率',
    key: '答案',
    flags: '标记',
    messages: '问题说明',
    stem: '题干（或任务名称）',
  },
  option: { position: '题号', typeName: '题型', option: '选项', isKey: '答案', rate: '全体选择率', upper: '高分组选择率', lower: '低分组选择率', r: '点二列相关' },
  yes: '是',
  none: '—',
  note: REPORT_TEXT.explanation.slice(0, 3).join(''),
} as const;

const LIGHT_GREEN = 'FFC6EFCE';
const FIXED2 = '0.00';
const PERCENT = '0.0%';

/** The day the report was made, as an instant (Beijing midnight): the workbook's dates, never the clock. */
function madeOnDate(day: string): Date {
  const ms = Date.parse(`${day}T00:00:00+08:00`);
  return Number.isNaN(ms) ? new Date(Date.UTC(2000, 0, 1)) : new Date(ms);
}

function formatColumn(sheet: ExcelJS.Worksheet, key: string, rows: number, numFmt: string): void {
  for (let i = 0; i < rows; i++) {
    const cell = sheet.getRow(FIRST_DATA_ROW + i).getCell(key);
    if (typeof cell.value === 'number') cell.numFmt = numFmt;
    else cell.alignment = { ...cell.alignment, horizontal: 'right' };
  }
}

/**
 * Heights of the data rows from their wrapped texts (exceljs writes no height, and a reader need not fit
 * one): 15 pt a line, the lines of the longest wrapped cell, each text line broken at the column width.
 */
function fitRowHeights(sheet: ExcelJS.Worksheet, columns: readonly RegisterColumn[], rows: readonly Record<string, string | number>[]): void {
  rows.forEach((values, r) => {
    const lines = Math.max(
      1,
      ...columns.filter((c) => c.wrap === true).map((c) => String(values[c.key] ?? '').split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l) / Math.max(1, c.width - 1))), 0)),
    );
    if (lines > 1) sheet.getRow(FIRST_DATA_ROW + r).height = 15 * lines + 2;
  });
}

function filterOn(sheet: ExcelJS.Worksheet, columns: number, rows: number): void {
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + Math.max(rows, 1), column: columns } };
}

/** The report as .xlsx bytes; deterministic for the same report. */
export async function itemAnalysisXlsx(input: { readonly mark: string; readonly report: SittingReport }): Promise<Uint8Array> {
  const { report, mark } = input;
  const { sitting } = report;
  const s = sitting.statistics;
  const workbook = newWorkbook(madeOnDate(report.madeOn));
  workbook.title = `${REPORT_TEXT.title}（${report.paperTitle} ${sitting.label}）`;
  const subtitle = XLSX_TEXT.subtitle(report.paperTitle, sitting.label, sitting.heldOn);
  const X = XLSX_TEXT;

  // 概况: the sitting, then the paper's figures as the docx shows them, then the raw numbers
  const o = X.overview;
  const overviewRows: Record<string, string | number>[] = [
    { name: o.paper, value: report.paperTitle },
    { name: o.sitting, value: sitting.label },
    { name: o.heldOn, value: sitting.heldOn },
    ...overviewPairs(report).map(([name, value]) => ({ name, value })),
    { name: o.madeOn, value: report.madeOn },
  ];
  addRegisterSheet(workbook, X.sheets.overview, {
    title: X.title(X.sheets.overview),
    subtitle,
    secrecyMark: mark,
    columns: [
      { header: o.name, key: 'name', width: 24 },
      { header: o.value, key: 'value', width: 60, wrap: true },
    ],
    rows: overviewRows,
    ...(s.candidates < THRESHOLDS.minSample ? { footerNote: REPORT_TEXT.smallSample(s.candidates, THRESHOLDS.minSample) } : {}),
  });

  // 试题统计: one row per item, in report order
  const it = X.item;
  const itemColumns: RegisterColumn[] = [
    { header: it.position, key: 'position', width: 7 },
    { header: it.typeName, key: 'typeName', width: 13 },
    { header: it.binding, key: 'binding', width: 12 },
    { header: it.group, key: 'group', width: 9 },
    { header: it.n, key: 'n', width: 9 },
    { header: it.p, key: 'p', width: 10 },
    { header: it.r, key: 'r', width: 10 },
    { header: it.d, key: 'd', width: 10 },
    { header: it.omit, key: 'omit', width: 10 },
    { header: it.key, key: 'key', width: 8 },
    { header: it.flags, key: 'flags', width: 22, wrap: true },
    { header: it.messages, key: 'messages', width: 60, wrap: true },
    { header: it.stem, key: 'stem', width: 50, wrap: true },
  ];
  const itemRows = report.items.map((i) => ({
    position: i.position,
    typeName: i.typeName,
    binding: i.binding,
    group: REPORT_TEXT.groupNames[i.group],
    n: i.n,
    p: i.p,
    r: i.pointBiserial ?? X.none,
    d: i.discrimination,
    omit: i.omitRate,
    key: i.keyText,
    flags: flagNames(i),
    messages: i.flags.map((f) => f.message).join('\n'),
    stem: i.stem,
  }));
  const items = addRegisterSheet(workbook, X.sheets.items, {
    title: X.title(X.sheets.items),
    subtitle,
    secrecyMark: mark,
    columns: itemColumns,
    rows: itemRows,
    footerNote: X.note,
  });
  const count = report.items.length;
  fitRowHeights(items, itemColumns, itemRows);
  for (const [key, fmt] of [['p', FIXED2], ['r', FIXED2], ['d', FIXED2], ['omit', PERCENT]] as const) formatColumn(items, key, count, fmt);
  report.items.forEach((i, r) => {
    if (i.group === 'none') return;
    items.getRow(FIRST_DATA_ROW + r).getCell('group').fill = solidFill(i.group === 'review' ? LIGHT_RED : LIGHT_YELLOW);
  });
  filterOn(items, itemColumns.length, count);

  // 选项分析: one row per item and option
  const op = X.option;
  const optionColumns: RegisterColumn[] = [
    { header: op.position, key: 'position', width: 7 },
    { header: op.typeName, key: 'typeName', width: 13 },
    { header: op.option, key: 'option', width: 7 },
    { header: op.isKey, key: 'isKey', width: 7 },
    { header: op.rate, key: 'rate', width: 13 },
    { header: op.upper, key: 'upper', width: 13 },
    { header: op.lower, key: 'lower', width: 13 },
    { header: op.r, key: 'r', width: 12 },
  ];
  const optionRows = report.items.flatMap((i) =>
    i.options.map((opt) => ({
      position: i.position,
      typeName: i.typeName,
      option: opt.option,
      isKey: opt.isKey ? X.yes : '',
      rate: opt.rate,
      upper: opt.upperRate,
      lower: opt.lowerRate,
      r: opt.pointBiserial ?? X.none,
      key: opt.isKey,
    })),
  );
  const options = addRegisterSheet(workbook, X.sheets.options, {
    title: X.title(X.sheets.options),
    subtitle,
    secrecyMark: mark,
    columns: optionColumns,
    rows: optionRows.map(({ key: _key, ...row }) => row),
  });
  for (const [key, fmt] of [['rate', PERCENT], ['upper', PERCENT], ['lower', PERCENT], ['r', FIXED2]] as const) formatColumn(options, key, optionRows.length, fmt);
  optionRows.forEach((row, r) => {
    if (row.key) for (const key of ['option', 'isKey']) options.getRow(FIRST_DATA_ROW + r).getCell(key).fill = solidFill(LIGHT_GREEN);
  });
  filterOn(options, optionColumns.length, optionRows.length);
  return toBytes(workbook);
}
