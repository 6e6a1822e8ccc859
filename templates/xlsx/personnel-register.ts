/**
 * 涉密人员登记表 (规程第七条): everyone who works on the bank, with the 保密责任书 and work types;
 * flags pledges that are not valid and the 第十五条 conflict (a participant who also trains or coaches).
 */
import { addRegisterSheet, dataCell, generatedSubtitle, LIGHT_RED, LIGHT_YELLOW, newWorkbook, solidFill, toBytes, type RegisterColumn } from './workbook.js';

export interface PersonnelRow {
  name: string;
  unit: string;
  title: string;
  position: string;
  phone: string;
  specialty: string;
  /** 命题、审定、校对、翻译、录入、传递、技术维护 */
  workTypes: readonly string[];
  /** 参与培训/辅导 (规程第十五条). */
  trainer: boolean;
  pledge: { signedOn: string; expiresOn: string; scope: string; status: '有效' | '已过期' | '未登记' };
  /** Linked usernames. */
  accounts: readonly string[];
}

export interface PersonnelRegisterInput {
  title: string;
  secrecyMark: string;
  generatedAt: Date;
  workstationId: string;
  rows: readonly PersonnelRow[];
}

export const PERSONNEL_SHEET_NAME = '涉密人员登记表';
export const PERSONNEL_FOOTER_NOTE = '依据《职业技能鉴定国家题库安全保密工作规程（暂行）》第七条登记。';

const COLUMNS: RegisterColumn[] = [
  { header: '序号', key: 'seq', width: 6 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '单位', key: 'unit', width: 22, wrap: true },
  { header: '职称', key: 'title', width: 12, wrap: true },
  { header: '职务', key: 'position', width: 12, wrap: true },
  { header: '联系电话', key: 'phone', width: 15 },
  { header: '专业', key: 'specialty', width: 14, wrap: true },
  { header: '工作类别', key: 'workTypes', width: 18, wrap: true },
  { header: '保密责任书签订日期', key: 'signedOn', width: 12, wrap: true },
  { header: '有效期至', key: 'expiresOn', width: 12 },
  { header: '责任范围', key: 'scope', width: 24, wrap: true },
  { header: '责任书状态', key: 'status', width: 10 },
  { header: '参与培训/辅导', key: 'trainer', width: 10, wrap: true },
  { header: '账号', key: 'accounts', width: 14, wrap: true },
];

/** The register as .xlsx bytes; deterministic for the same input. */
export async function personnelRegisterXlsx(input: PersonnelRegisterInput): Promise<Uint8Array> {
  const workbook = newWorkbook(input.generatedAt);
  workbook.title = input.title;
  const worksheet = addRegisterSheet(workbook, PERSONNEL_SHEET_NAME, {
    title: input.title,
    subtitle: generatedSubtitle(input.generatedAt, input.workstationId),
    secrecyMark: input.secrecyMark,
    columns: COLUMNS,
    rows: input.rows.map((p, i) => ({
      seq: i + 1,
      name: p.name,
      unit: p.unit,
      title: p.title,
      position: p.position,
      phone: p.phone,
      specialty: p.specialty,
      workTypes: p.workTypes.join('、'),
      signedOn: p.pledge.signedOn,
      expiresOn: p.pledge.expiresOn,
      scope: p.pledge.scope,
      status: p.pledge.status,
      trainer: p.trainer ? '是' : '否',
      accounts: p.accounts.join('、'),
    })),
    footerNote: PERSONNEL_FOOTER_NOTE,
  });
  input.rows.forEach((p, i) => {
    if (p.pledge.status !== '有效') dataCell(worksheet, i, 'status').fill = solidFill(LIGHT_RED);
    // 规程第十五条: who took part in the bank must not run related training or coaching.
    if (p.trainer && p.workTypes.length > 0) dataCell(worksheet, i, 'trainer').fill = solidFill(LIGHT_YELLOW);
  });
  return toBytes(workbook);
}
