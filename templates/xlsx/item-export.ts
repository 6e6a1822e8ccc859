/**
 * A bank's items written into the writers' import template (试题导入模板): theory items, practical tasks
 * and 综合评审 items, each below the template's example rows, so that what the workstation exports it
 * can import again unchanged (round trip), and writers can work offline on a copy. Pure: the same items give the same bytes. Images of items (a task's 附图, a theory figure) are
 * pasted over the item's row, right of its last column, where the import reads them back.
 */
import ExcelJS from 'exceljs';
import type { ComprehensiveItem } from '../../app/domain/comprehensive-item.js';
import type { PracticalTask } from '../../app/domain/practical-task.js';
import type { TheoryItem } from '../../app/domain/theory-item.js';
import { PRACTICAL_HEADERS, THEORY_HEADERS } from '../../app/domain/item-workbook.js';
import { ITEM_TEMPLATE_SHEETS, itemTemplateXlsx, type ItemTemplateInput } from './item-template.js';
import { COMPREHENSIVE_FIRST_ROW, comprehensiveRow, comprehensiveRubricRows, scoreSheetRows } from './item-template/comprehensive.js';
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

/** The bytes of the images items refer to, by SHA-256. */
export type ItemImages = ReadonlyMap<string, { readonly bytes: Uint8Array; readonly contentType: 'image/png' | 'image/jpeg' }>;

/** Shown size of a pasted picture (px) and the row height (pt) that holds it. */
const PICTURE = { width: 160, height: 110, rowHeight: 86 } as const;

/** Pastes each row's pictures side by side from column `col` (0-based) over its row (1-based). */
function pastePictures(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, col: number, rows: readonly { row: number; hashes: readonly string[] }[], images: ItemImages): void {
  for (const { row, hashes } of rows) {
    const present = hashes.filter((h) => images.has(h));
    present.forEach((hash, k) => {
      const image = images.get(hash)!;
      const id = workbook.addImage({ buffer: Buffer.from(image.bytes) as unknown as ExcelJS.Buffer, extension: image.contentType === 'image/png' ? 'png' : 'jpeg' });
      sheet.addImage(id, { tl: { col: col + k * 2, row: row - 1 + 0.05 }, ext: { width: PICTURE.width, height: PICTURE.height }, editAs: 'oneCell' });
    });
    if (present.length > 0) sheet.getRow(row).height = Math.max(sheet.getRow(row).height ?? 0, PICTURE.rowHeight);
  }
}

/**
 * The template filled with items: row 4 on for theory items (below the two examples), row 2 on for the
 * practical sheets, below the example item on the 综合评审 sheets.
 */
export async function itemsWorkbookXlsx(
  template: ItemTemplateInput,
  items: { readonly theory: readonly TheoryItem[]; readonly practical: readonly PracticalTask[]; readonly comprehensive?: readonly ComprehensiveItem[] },
  images: ItemImages = new Map(),
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
  pastePictures(workbook, sheet(ITEM_TEMPLATE_SHEETS.theory), Object.keys(THEORY_HEADERS).length, items.theory.map((t, k) => ({ row: 4 + k, hashes: t.images })), images);
  pastePictures(workbook, sheet(ITEM_TEMPLATE_SHEETS.practical), Object.keys(PRACTICAL_HEADERS).length, tasks.map((t, k) => ({ row: 2 + k, hashes: t.images })), images);
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
  const comprehensive = items.comprehensive ?? [];
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.comprehensive), COMPREHENSIVE_FIRST_ROW.main, comprehensive.map((c) => comprehensiveRow(c)));
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.comprehensiveRubric), COMPREHENSIVE_FIRST_ROW.rubric, comprehensive.flatMap(comprehensiveRubricRows));
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.comprehensiveScore), COMPREHENSIVE_FIRST_ROW.score, comprehensive.flatMap(scoreSheetRows));
  workbook.created = template.generatedAt;
  workbook.modified = template.generatedAt;
  return toBytes(workbook);
}
