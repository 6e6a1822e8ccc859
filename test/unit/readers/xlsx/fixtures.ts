/** Workbooks of items for the xlsx reader tests: the writers' template filled with the sample bank, and sheets given as rows. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { PracticalTask } from '../../../../app/domain/practical-task.js';
import type { TheoryItem } from '../../../../app/domain/theory-item.js';
import { formatProblem } from '../../../../app/domain/validation.js';
import { parseItemWorkbook, type ImportRow, type ParsedWorkbook } from '../../../../app/readers/xlsx/items.js';
import { ITEM_TEMPLATE_SHEETS, itemTemplateXlsx } from '../../../../templates/xlsx/item-template.js';

export const SAMPLE = join(import.meta.dirname, '../../../../app/demo/sample');
/** A sample item as stored in the JSON files (no `images`), per 题型. */
export type SampleTheory = TheoryItem extends infer T ? (T extends unknown ? Omit<T, 'images'> : never) : never;
export type SamplePractical = Omit<PracticalTask, 'images'>;

export function sampleTheory(): SampleTheory[] {
  return readdirSync(SAMPLE)
    .filter((f) => /^theory-.*\.json$/.test(f))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(SAMPLE, f), 'utf8')) as { items: SampleTheory[] }).items);
}

export function samplePractical(): SamplePractical[] {
  return (JSON.parse(readFileSync(join(SAMPLE, 'practical.json'), 'utf8')) as { tasks: SamplePractical[] }).tasks;
}

export const THEORY_HEADER = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '答案', '难度', '鉴定点代码', '解析'];
export const PRACTICAL_HEADER = ['职业功能代码', '试题名称', '配分', '考核时间', '考核形式', '试题说明', '具体考核要求', '附图说明'];
export const RUBRIC_HEADER = ['试题名称', '考核内容', '考核要点', '配分', '评分标准', '扣分说明'];
export const NOTICE_HEADER = ['试题名称', '类别', '名称', '规格', '单位', '数量', '备注'];
export const TYPE_NAMES = { trueFalse: '判断题', singleChoice: '单选题', multipleChoice: '多选题' } as const;
export const GROUP_NAMES = { equipment: '设备', tools: '工具', measuring: '量具', materials: '材料' } as const;

export type Cell = ExcelJS.CellValue;

export function theoryCells(item: SampleTheory): Cell[] {
  const options = item.type === 'trueFalse' ? [] : item.options;
  const key = item.type === 'trueFalse' ? (item.key ? '√' : '×') : item.key;
  return [TYPE_NAMES[item.type], item.stem, ...[0, 1, 2, 3, 4].map((i) => options[i] ?? null), key, item.difficulty, item.element, item.explanation];
}

export function practicalCells(tasks: readonly SamplePractical[]) {
  const task = tasks.map((t) => [t.module, t.title, t.points, t.minutes, t.form, t.description, t.requirements.join('\n'), t.figureNote]);
  const rubric = tasks.flatMap((t) => t.rubric.map((r) => [t.title, r.content, r.keyPoint, r.points, r.criteria, r.deductionNote]));
  const notice = (key: 'siteNotice' | 'candidateNotice') =>
    tasks.flatMap((t) => [
      ...(['equipment', 'tools', 'measuring', 'materials'] as const).flatMap((g) =>
        t[key][g].map((r) => [t.title, GROUP_NAMES[g], r.name, r.spec, r.unit, r.quantity, r.remark]),
      ),
      ...t[key].notes.map((n) => [t.title, '其他要求', n, null, null, null, null]),
    ]);
  return { task, rubric, site: notice('siteNotice'), candidate: notice('candidateNotice') };
}

export function writeRows(sheet: ExcelJS.Worksheet, first: number, rows: readonly Cell[][]): void {
  rows.forEach((values, r) => {
    values.forEach((v, c) => {
      if (v !== null && v !== '') sheet.getRow(first + r).getCell(c + 1).value = v;
    });
  });
}

export async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The writers' template filled in with the sample bank, below the example rows. */
export async function filledTemplate(theory: readonly SampleTheory[], tasks: readonly SamplePractical[]): Promise<Uint8Array> {
  const template = await itemTemplateXlsx({
    occupation: '制图员',
    level: '四级/中级工',
    generatedAt: new Date('2026-11-23T16:30:05.000Z'),
    elementCodes: [...new Set(theory.map((i) => i.element))].map((code) => ({ code, name: code })),
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.slice().buffer);
  const sheet = (name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.theory), 4, theory.map(theoryCells));
  const p = practicalCells(tasks);
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.practical), 2, p.task);
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.rubric), 2, p.rubric);
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.site), 2, p.site);
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.candidate), 2, p.candidate);
  return bytesOf(workbook);
}

/** A workbook of sheets given as rows of cells (row 1 first). */
export async function workbookOf(sheets: Record<string, Cell[][]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) writeRows(workbook.addWorksheet(name), 1, rows);
  return bytesOf(workbook);
}

/** One theory sheet: the header and the given rows. */
export async function theorySheet(rows: Cell[][], header: Cell[] = THEORY_HEADER): Promise<ParsedWorkbook> {
  return parseItemWorkbook(await workbookOf({ 理论知识试题: [header, ...rows] }));
}

export const raws = (parsed: ParsedWorkbook) => parsed.rows.map((r) => r.raw as Record<string, unknown>);
export const messages = (row: ImportRow | undefined) => (row?.problems ?? []).map((p) => formatProblem(p));
export const fileMessages = (parsed: ParsedWorkbook) => parsed.problems.map((p) => formatProblem(p));

export const SINGLE: Cell[] = ['单选题', '长度的基本单位是（ ）。', '毫米', '厘米', '分米', '米', null, 'D', 2, 'A-B-A-001', '米是 SI 基本单位。'];
export const MULTI: Cell[] = ['多选题', '下列属于视图的有（ ）。', '主视图', '俯视图', '左视图', '剖面线', null, 'ABC', 3, 'A-B-A-002', ''];
export const TRUE_FALSE: Cell[] = ['判断题', '图纸的标题栏一般位于图框的右下角。', null, null, null, null, null, '√', 1, 'A-B-A-003', ''];
