/**
 * 调阅、组卷、销毁、存档、登录 registers and the whole access log (规程第十四条) as .xlsx, with the latest
 * signed checkpoint of the hash-chained log named in the note under the rows.
 */
import type { AuditRegister } from '../../app/domain/audit.js';
import {
  addRegisterSheet,
  dataCell,
  formatBeijingTime,
  generatedSubtitle,
  LIGHT_RED,
  newWorkbook,
  solidFill,
  toBytes,
  type RegisterColumn,
} from './workbook.js';

export interface AuditRegisterRow {
  seq: number;
  /** ISO 8601. */
  at: string;
  actor: string;
  action: string;
  actionName: string;
  objects: string;
  result: '成功' | '拒绝' | '失败';
  detail: string;
}

/**
 * 调阅、组卷、销毁、存档、登录 (and the domain's 权限、拒绝) or 全部 for the whole log: every named register of
 * `app/domain/audit.ts`, so the service can pass any register the log knows.
 */
export type AuditRegisterKind = Exclude<AuditRegister, ''> | '全部';

export interface AuditRegisterInput {
  register: AuditRegisterKind;
  secrecyMark: string;
  generatedAt: Date;
  workstationId: string;
  /**
   * Latest signed checkpoint covering the rows: the log row it signs (seq, hash — the anchor text
   * `seq:hash` that `qbank audit verify --anchor` takes), and the checkpoint's own number, signer,
   * key and signature.
   */
  checkpoint: { seq: number; hash: string; signature: string; checkpointSeq?: number; signer?: string; keyId?: string } | null;
  rows: readonly AuditRegisterRow[];
}

const COLUMNS: RegisterColumn[] = [
  { header: '序号', key: 'seq', width: 8 },
  { header: '时间', key: 'at', width: 20 },
  { header: '操作人', key: 'actor', width: 12, wrap: true },
  { header: '操作', key: 'action', width: 18, wrap: true },
  { header: '对象', key: 'objects', width: 36, wrap: true },
  { header: '结果', key: 'result', width: 8 },
  { header: '说明', key: 'detail', width: 40, wrap: true },
];

/** Sheet name and title: `调阅登记表` …, `访问日志` for the whole log. */
export function auditRegisterTitle(register: AuditRegisterKind): string {
  return register === '全部' ? '访问日志' : `${register}登记表`;
}

/** The note under the rows, naming the checkpoint that covers them. */
export function auditFooterNote(checkpoint: AuditRegisterInput['checkpoint']): string {
  if (checkpoint === null) return '依据规程第十四条登记。尚无签名校验点';
  const by = checkpoint.signer === undefined ? '' : `，签署人 ${checkpoint.signer}（密钥 ${checkpoint.keyId ?? ''}）`;
  const number = checkpoint.checkpointSeq === undefined ? '' : ` #${String(checkpoint.checkpointSeq)}`;
  return (
    `依据规程第十四条登记。外部锚点 ${String(checkpoint.seq)}:${checkpoint.hash}` +
    `（校验点${number}，覆盖第 1～${String(checkpoint.seq)} 条${by}，签名 ${checkpoint.signature}）`
  );
}

/** An ISO 8601 instant as Beijing time; text that is not a time is shown as it is. */
function beijingTimeOf(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatBeijingTime(new Date(ms));
}

/** The register as .xlsx bytes; deterministic for the same input. */
export async function auditRegisterXlsx(input: AuditRegisterInput): Promise<Uint8Array> {
  const title = auditRegisterTitle(input.register);
  const workbook = newWorkbook(input.generatedAt);
  workbook.title = title;
  const worksheet = addRegisterSheet(workbook, title, {
    title,
    subtitle: generatedSubtitle(input.generatedAt, input.workstationId),
    secrecyMark: input.secrecyMark,
    columns: COLUMNS,
    rows: input.rows.map((r) => ({
      seq: r.seq,
      at: beijingTimeOf(r.at),
      actor: r.actor,
      action: r.actionName === '' ? r.action : r.actionName,
      objects: r.objects,
      result: r.result,
      detail: r.detail,
    })),
    footerNote: auditFooterNote(input.checkpoint),
  });
  input.rows.forEach((r, i) => {
    if (r.result !== '成功') dataCell(worksheet, i, 'result').fill = solidFill(LIGHT_RED);
  });
  return toBytes(workbook);
}
