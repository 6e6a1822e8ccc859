/**
 * 销毁登记表 (规程第十四条): every disc and printed paper destroyed — what, how many, how, when, who
 * destroyed it and who witnessed it — with the signed checkpoint of the access log named under the
 * rows, as the registers of the access log do (`auditFooterNote`).
 */
import type { Destruction } from '../../app/domain/destruction.js';
import { auditFooterNote, type AuditRegisterInput } from './audit-register.js';
import { addRegisterSheet, formatBeijingTime, generatedSubtitle, newWorkbook, toBytes, type RegisterColumn } from './workbook.js';

export interface DestructionRegisterInput {
  secrecyMark: string;
  generatedAt: Date;
  workstationId: string;
  /** The checkpoint that covers the entries (null before the first). */
  checkpoint: AuditRegisterInput['checkpoint'];
  /** In the order they are printed (newest first, as listed). */
  rows: readonly Destruction[];
}

export const DESTRUCTION_REGISTER_TITLE = '销毁登记表';

const COLUMNS: RegisterColumn[] = [
  { header: '登记编号', key: 'id', width: 8 },
  { header: '销毁日期', key: 'destroyedOn', width: 12 },
  { header: '载体类别', key: 'kind', width: 10 },
  { header: '载体说明', key: 'description', width: 30, wrap: true },
  { header: '数量', key: 'quantity', width: 6 },
  { header: '光盘存档编号', key: 'disc', width: 10 },
  { header: '销毁方式', key: 'method', width: 10, wrap: true },
  { header: '销毁人', key: 'destroyer', width: 10 },
  { header: '监销人', key: 'witness', width: 10 },
  { header: '备注', key: 'note', width: 24, wrap: true },
  { header: '登记时间', key: 'recordedAt', width: 20 },
  { header: '登记人', key: 'recordedBy', width: 12 },
];

/** An ISO 8601 instant as Beijing time; text that is not a time is shown as it is. */
const beijing = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : formatBeijingTime(new Date(Date.parse(iso))));

/** The register as .xlsx bytes; deterministic for the same input. */
export async function destructionRegisterXlsx(input: DestructionRegisterInput): Promise<Uint8Array> {
  const workbook = newWorkbook(input.generatedAt);
  workbook.title = DESTRUCTION_REGISTER_TITLE;
  addRegisterSheet(workbook, DESTRUCTION_REGISTER_TITLE, {
    title: DESTRUCTION_REGISTER_TITLE,
    subtitle: generatedSubtitle(input.generatedAt, input.workstationId),
    secrecyMark: input.secrecyMark,
    columns: COLUMNS,
    rows: input.rows.map((d) => ({
      id: d.id,
      destroyedOn: d.destroyedOn,
      kind: d.kind,
      description: d.description,
      quantity: d.quantity,
      disc: d.discExportId ?? '',
      method: d.method,
      destroyer: d.destroyer,
      witness: d.witness,
      note: d.note,
      recordedAt: beijing(d.recordedAt),
      recordedBy: d.recordedBy,
    })),
    footerNote: auditFooterNote(input.checkpoint),
  });
  return toBytes(workbook);
}
