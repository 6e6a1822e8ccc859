/** Workbooks of 细目表 and 内容结构表 for the element-table reader tests. */
import ExcelJS from 'exceljs';
import { elementTableRules, theoryElementTableSchema, type TheoryElementTable } from '../../../../app/domain/element-table.js';
import { practicalStructureRules, practicalStructureSchema, type PracticalStructure } from '../../../../app/domain/practical-structure.js';
import { formatProblem, validate, type Problem } from '../../../../app/domain/validation.js';
import { theoryElementTableXlsx } from '../../../../templates/xlsx/element-table/index.js';

export const GENERATED_AT = new Date('2026-11-23T16:30:05.000Z');

export function validTable(input: unknown): TheoryElementTable {
  const r = validate(theoryElementTableSchema, input, elementTableRules);
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
  return r.value;
}

export function validStructure(input: unknown): PracticalStructure {
  const r = validate(practicalStructureSchema, input, practicalStructureRules);
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
  return r.value;
}

export const messages = (problems: readonly Problem[]) => problems.map((p) => formatProblem(p));

export function exportTheory(table: TheoryElementTable, extra: { secrecyMark?: string; track?: string } = {}): Promise<Uint8Array> {
  return theoryElementTableXlsx({
    occupationName: '制图员',
    occupationCode: table.occupationCode,
    track: extra.track ?? table.track,
    level: table.level,
    table,
    generatedAt: GENERATED_AT,
    ...(extra.secrecyMark === undefined ? {} : { secrecyMark: extra.secrecyMark }),
  });
}

export async function xlsxOf(fill: (ws: ExcelJS.Worksheet) => void, sheetName = 'Sheet1'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet(sheetName));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
