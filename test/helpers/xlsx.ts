import ExcelJS from 'exceljs';

/** Opens generated xlsx bytes with exceljs, as a reader would. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types `load` as taking its own `Buffer extends ArrayBuffer`; an exact-length copy is that.
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

export function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}
