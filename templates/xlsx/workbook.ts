/**
 * Shared layout of register-style sheets (登记表) built with exceljs: title, secrecy mark (规程第四条) on the
 * sheet and in the page header of every printed page, a header row repeated on every page, A4 landscape.
 * Pure: no clock, no file system — the same input gives the same bytes (see `toBytes`).
 */
import ExcelJS from 'exceljs';

export interface RegisterColumn {
  header: string;
  key: string;
  /** Excel column width in characters (a CJK character counts about 2). */
  width: number;
  wrap?: boolean;
}

export interface RegisterSheetSpec {
  title: string;
  subtitle?: string;
  secrecyMark: string;
  columns: RegisterColumn[];
  rows: Record<string, string | number>[];
  footerNote?: string;
}

/** Row numbers of the register layout. */
export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

/** Fills that flag a cell: light red for 拒绝/失败/过期, light yellow for warnings (ARGB). */
export const LIGHT_RED = 'FFFFC7CE';
export const LIGHT_YELLOW = 'FFFFEB9C';
const LIGHT_GREY = 'FFD9D9D9';
const RED = 'FFC00000';

const SONG = '宋体';
const HEI = '黑体';
/** GB2312 charset, so Excel picks the East Asian face for these fonts. */
const CHARSET_GB2312 = 134;
const BODY_SIZE = 10.5;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A workbook with fixed metadata: the dates come from `now`, never from the clock. */
export function newWorkbook(now: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '题库工作站';
  workbook.lastModifiedBy = '题库工作站';
  workbook.created = now;
  workbook.modified = now;
  return workbook;
}

/** A solid fill of one colour (ARGB). */
export function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** `2026-11-24 00:30:05`: the instant as Beijing time (UTC+8, no daylight saving), computed arithmetically. */
export function formatBeijingTime(date: Date): string {
  const t = new Date(date.getTime() + 8 * 3_600_000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return (
    `${String(t.getUTCFullYear()).padStart(4, '0')}-${p2(t.getUTCMonth() + 1)}-${p2(t.getUTCDate())} ` +
    `${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())}`
  );
}

/** `生成时间：… 工作站标识：…`, the usual subtitle of a register. */
export function generatedSubtitle(generatedAt: Date, workstationId: string): string {
  return `生成时间：${formatBeijingTime(generatedAt)}　工作站标识：${workstationId}`;
}

/** The cell of data row `index` (0-based) in the column with `key`. */
export function dataCell(worksheet: ExcelJS.Worksheet, index: number, key: string): ExcelJS.Cell {
  return worksheet.getRow(FIRST_DATA_ROW + index).getCell(key);
}

/**
 * Display width of a text in Excel column units, as a CJK font such as 宋体 draws it: from General
 * Punctuation on (★, …, —, CJK, full-width forms) a character counts 2, ASCII and Latin count 1.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2000 ? 2 : 1;
  return width;
}

/** Text for a header/footer section: `&` is a control character there and is doubled. */
function headerFooterText(text: string): string {
  return text.replaceAll('&', '&&');
}

function font(size: number, extra: Partial<ExcelJS.Font> = {}, name = SONG): Partial<ExcelJS.Font> {
  return { name, size, charset: CHARSET_GB2312, ...extra };
}

/**
 * Adds a register sheet: row 1 title, row 2 secrecy mark (left) and subtitle (right), row 3 header,
 * data from row 4, an optional merged note after the data.
 */
export function addRegisterSheet(workbook: ExcelJS.Workbook, name: string, spec: RegisterSheetSpec): ExcelJS.Worksheet {
  const { columns } = spec;
  if (columns.length === 0) throw new RangeError('登记表至少需要一列');
  const last = columns.length;
  const mark = headerFooterText(spec.secrecyMark);

  const worksheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${String(FIRST_DATA_ROW)}`, activeCell: 'A4' }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages high as needed
      horizontalCentered: true,
      printTitlesRow: `${String(HEADER_ROW)}:${String(HEADER_ROW)}`,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      differentFirst: false,
      differentOddEven: false,
      oddHeader: `&L&12&"${SONG},Bold"${mark}`,
      oddFooter: `&C&10&"${SONG},Regular"第 &P 页 共 &N 页`,
    },
  });
  // Keys and widths only: a `header` here would make exceljs write it into row 1.
  worksheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));

  // Row 1: title across all columns.
  const title = worksheet.getCell(TITLE_ROW, 1);
  title.value = spec.title;
  title.font = font(16, { bold: true }, HEI);
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  if (last > 1) worksheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, last);
  worksheet.getRow(TITLE_ROW).height = 30;

  // Row 2: the mark at the left, spread over as many leading columns as it needs so that it is not cut
  // off by the subtitle (a narrow 序号 column cannot show `机密★启用前`), the subtitle over the rest.
  const markWidth = displayWidth(spec.secrecyMark) + 2;
  let markColumns = 1;
  let covered = columns[0]?.width ?? 0;
  while (covered < markWidth && markColumns < last - 1) {
    covered += columns[markColumns]?.width ?? 0;
    markColumns += 1;
  }
  const markCell = worksheet.getCell(SUBTITLE_ROW, 1);
  markCell.value = spec.secrecyMark;
  markCell.font = font(12, { bold: true, color: { argb: RED } });
  markCell.alignment = { horizontal: 'left', vertical: 'middle' };
  if (markColumns > 1) worksheet.mergeCells(SUBTITLE_ROW, 1, SUBTITLE_ROW, markColumns);
  if (last > markColumns) {
    const subtitle = worksheet.getCell(SUBTITLE_ROW, markColumns + 1);
    subtitle.value = spec.subtitle ?? '';
    subtitle.font = font(BODY_SIZE);
    subtitle.alignment = { horizontal: 'right', vertical: 'middle' };
    if (last > markColumns + 1) worksheet.mergeCells(SUBTITLE_ROW, markColumns + 1, SUBTITLE_ROW, last);
  } else if (spec.subtitle) {
    markCell.value = `${spec.secrecyMark}　${spec.subtitle}`;
  }
  worksheet.getRow(SUBTITLE_ROW).height = 20;

  // Row 3: header.
  const header = worksheet.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = font(BODY_SIZE, { bold: true });
    cell.fill = solidFill(LIGHT_GREY);
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  // Data rows.
  spec.rows.forEach((values, r) => {
    const row = worksheet.getRow(FIRST_DATA_ROW + r);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = values[c.key] ?? '';
      cell.font = font(BODY_SIZE);
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: c.wrap === true };
    });
  });

  // Optional note after the data: merged cells do not grow with their text, so the height is estimated.
  if (spec.footerNote !== undefined) {
    const rowNumber = FIRST_DATA_ROW + spec.rows.length;
    const note = worksheet.getCell(rowNumber, 1);
    note.value = spec.footerNote;
    note.font = font(BODY_SIZE, { italic: true });
    note.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    if (last > 1) worksheet.mergeCells(rowNumber, 1, rowNumber, last);
    const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
    const lines = Math.max(1, Math.ceil(displayWidth(spec.footerNote) / Math.max(1, totalWidth)));
    worksheet.getRow(rowNumber).height = 15 * lines + 3;
  }

  return worksheet;
}

/**
 * The .xlsx bytes. exceljs stamps every zip entry with the clock (JSZip `new Date()`), so the entry
 * times are rewritten to the workbook's `modified` date: the same workbook always gives the same bytes.
 */
export async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const stamp = workbook.modified instanceof Date ? workbook.modified : new Date(Date.UTC(1980, 0, 1));
  setZipEntryTimes(bytes, stamp);
  return bytes;
}

/** DOS date and time of the instant as Beijing wall-clock time (2-second resolution, 1980…2107). */
function dosDateTime(date: Date): { time: number; date: number } {
  const t = new Date(date.getTime() + 8 * 3_600_000);
  const year = Math.min(Math.max(t.getUTCFullYear(), 1980), 2107);
  return {
    time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | Math.floor(t.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
  };
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * Sets the modification time of every entry of a zip, in place: walks the central directory from the
 * end-of-central-directory record and patches each central and local header (the times are outside the
 * CRC, so the archive stays valid). Throws when the bytes are not the zip it expects.
 */
function setZipEntryTimes(zip: Uint8Array, at: Date): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.byteLength - 22; i >= Math.max(0, zip.byteLength - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('xlsx 输出不是有效的 zip 文件（找不到中央目录）');
  const { time, date } = dosDateTime(at);
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n += 1) {
    if (view.getUint32(p, true) !== CENTRAL_SIGNATURE) throw new Error('xlsx 输出的 zip 中央目录已损坏');
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, date, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== LOCAL_SIGNATURE) throw new Error('xlsx 输出的 zip 文件头已损坏');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
}
