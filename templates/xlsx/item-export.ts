/**
 * A bank's items written into the writers' import template (试题导入模板), so that what the
 * workstation exports it can import again unchanged (round trip), and writers can work offline on
 * a copy. Pure: the same items give the same bytes.
 */
import ExcelJS from 'exceljs';
import type { PracticalTask } from '../../app/domain/practical-task.js';
import type { TheoryItem } from '../../app/domain/theory-item.js';
import { ITEM_TEMPLATE_SHEETS, itemTemplateXlsx, type ItemTemplateInput } from './item-template.js';
import { toBytes } from './workbook.js';

const TYPE_NAMES = { trueFalse: '判断题', singleChoice: '单选题', multipleChoice: '多选题' } as const;
const GROUP_NAMES = { equipment: '设备', tools: '工具', measuring: '量具', materials: '材料' } as const;

type Cell = string | number | null;

function writeRows(sheet: ExcelJS.Worksheet, first: number, rows: readonly Cell[][]): void {
  rows.forEach((values, r) => {
    values.forEach((v, c) => {
      if (v !== null && v !== '') sheet.getRow(first + r).getCell(c + 1).value = v;
    });
  });
}

export function theoryRow(i: TheoryItem): Cell[] {
  const options: readonly string[] = i.type === 'trueFalse' ? [] : i.options;
  return [
    TYPE_NAMES[i.type],
    i.stem,
    ...[0, 1, 2, 3, 4].map((k) => options[k] ?? null),
    i.type === 'trueFalse' ? (i.key ? '√' : '×') : i.key,
    i.difficulty,
    i.element,
    i.explanation,
  ];
}

/** The template (row 4 on for theory items, row 2 on for the practical sheets) filled with items. */
export async function itemsWorkbookXlsx(
  template: ItemTemplateInput,
  items: { readonly theory: readonly TheoryItem[]; readonly practical: readonly PracticalTask[] },
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await itemTemplateXlsx(template)).slice().buffer);
  const sheet = (name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.theory), 4, items.theory.map(theoryRow));
  const tasks = items.practical;
  writeRows(
    sheet(ITEM_TEMPLATE_SHEETS.practical),
    2,
    tasks.map((t) => [t.module, t.title, t.points, t.minutes, t.form, t.description, t.requirements.join('\n'), t.figureNote]),
  );
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.rubric), 2, tasks.flatMap((t) => t.rubric.map((r) => [t.title, r.content, r.keyPoint, r.points, r.criteria, r.deductionNote])));
  for (const [name, key] of [
    [ITEM_TEMPLATE_SHEETS.site, 'siteNotice'],
    [ITEM_TEMPLATE_SHEETS.candidate, 'candidateNotice'],
  ] as const) {
    writeRows(
      sheet(name),
      2,
      tasks.flatMap((t) => [
        ...(['equipment', 'tools', 'measuring', 'materials'] as const).flatMap((g) =>
          t[key][g].map((r): Cell[] => [t.title, GROUP_NAMES[g], r.name, r.spec, r.unit, r.quantity, r.remark]),
        ),
        ...t[key].notes.map((n): Cell[] => [t.title, '其他要求', n, null, null, null, null]),
      ]),
    );
  }
  workbook.created = template.generatedAt;
  workbook.modified = template.generatedAt;
  return toBytes(workbook);
}
