/**
 * 题库开发组成员名单 (附件6 §三 (四)) as Excel: the register layout of `workbook.ts` — title row merged, the
 * secrecy mark and the occupation line in row 2, a bold bordered header row repeated on every printed page,
 * A4 landscape one page wide, the mark in the page header and 第 X 页 共 Y 页 in the footer.
 */
import type { DocumentHeader, TeamListData } from '../../app/domain/submission/documents.js';
import { addRegisterSheet, dataCell, displayWidth, newWorkbook, toBytes, type RegisterColumn } from './workbook.js';

export const TEAM_SHEET_NAME = '题库开发组成员名单';

const COLUMNS: RegisterColumn[] = [
  { header: '序号', key: 'seq', width: 6 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '单位', key: 'unit', width: 32, wrap: true },
  { header: '职称', key: 'title', width: 12, wrap: true },
  { header: '职务', key: 'position', width: 12, wrap: true },
  { header: '联系电话', key: 'phone', width: 16 },
  { header: '备注', key: 'work', width: 20, wrap: true },
];

/** Columns that stay on one line (序号, 姓名, 职称, 职务, 联系电话): as wide as their longest entry, up to a cap. */
const ONE_LINE_CAP: Readonly<Record<string, number>> = { seq: 6, name: 12, title: 18, position: 18, phone: 18 };

/** The columns with 职称, 职务 and the others that must not wrap as wide as their entries (like the docx). */
export function teamColumns(rows: readonly Record<string, string | number>[]): RegisterColumn[] {
  return COLUMNS.map((c) => {
    const cap = ONE_LINE_CAP[c.key];
    if (cap === undefined) return c;
    const widest = Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(String(r[c.key] ?? ''))));
    return { ...c, width: Math.min(cap, Math.max(c.width, widest + 2)) };
  });
}

function subtitle(header: DocumentHeader): string {
  const parts = [`职业（工种）：${header.occupationTitle}`, `职业编码：${header.occupationCode}`, `等级：${header.levelName}`];
  if (header.sampleNote !== '') parts.push(header.sampleNote);
  return parts.join('　');
}

/** The 名单 as .xlsx bytes; `generatedAt` is the workbook's date (deterministic for the same input). */
export async function teamListXlsx(data: TeamListData, generatedAt: Date): Promise<Uint8Array> {
  const { header } = data;
  const title = `${header.occupationTitle}${header.levelName} ${TEAM_SHEET_NAME}`;
  const workbook = newWorkbook(generatedAt);
  workbook.title = title;
  const rows = data.members.map((m, i) => ({ seq: i + 1, name: m.name, unit: m.unit, title: m.title, position: m.position, phone: m.phone, work: m.work }));
  const sheet = addRegisterSheet(workbook, TEAM_SHEET_NAME, {
    title,
    subtitle: subtitle(header),
    secrecyMark: header.mark,
    columns: teamColumns(rows),
    rows,
    footerNote: `填报单位（盖章）：${header.institution}`,
  });
  data.members.forEach((_, i) => {
    for (const key of ['seq', 'name', 'phone']) {
      const cell = dataCell(sheet, i, key);
      cell.alignment = { ...cell.alignment, horizontal: 'center' };
    }
  });
  return toBytes(workbook);
}
