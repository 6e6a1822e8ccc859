/**
 * 销毁登记 (规程第十四条: 调阅、组卷、销毁、存档 一律登记): each destruction of discs and printed papers —
 * what (载体类别, a description, how many, the 存档 entry of the disc when it is one the workstation wrote),
 * how (粉碎, 焚毁 …), when, who destroyed it and who witnessed it (two different people of the personnel
 * register), and a note. The date is not in the future of the day it is recorded.
 */
import { z } from 'zod';
import { beijingDate, dateSchema } from './person.js';
import type { Problem } from './validation.js';

export const DESTRUCTION_KINDS = ['光盘', '纸质试卷', '纸质答案', '其他载体'] as const;
export type DestructionKind = (typeof DESTRUCTION_KINDS)[number];

/** The usual methods, offered as choices; another method may be written out. */
export const DESTRUCTION_METHODS = ['粉碎', '焚毁', '消磁', '物理破坏'] as const;

export const destructionMessages = {
  subject: '销毁登记',
  filter: '销毁登记查询条件',
  kind: `载体类别必须是：${DESTRUCTION_KINDS.join('、')}`,
  person: '应为人员登记表中的人员编号或姓名',
  quantity: '数量至少为 1',
  samePerson: '销毁人和监销人必须是两个不同的人',
  future: (today: string) => `销毁日期不能晚于今天（${today}）`,
  discOnlyForDiscs: '只有载体类别为“光盘”时才能填写光盘存档编号',
  range: '起始日期不能晚于截止日期',
} as const;

/** Chinese names of the fields, for the messages (`监销人: …`). */
export const destructionFieldLabels: Readonly<Record<string, string>> = {
  kind: '载体类别',
  description: '载体说明',
  quantity: '数量',
  discExportId: '光盘存档编号',
  method: '销毁方式',
  destroyedOn: '销毁日期',
  destroyer: '销毁人',
  witness: '监销人',
  note: '备注',
  from: '起始日期',
  to: '截止日期',
};

/** A problem of one field, named in Chinese (`监销人: …`). */
export function destructionProblem(field: string, message: string): Problem {
  return { severity: 'error', path: [field], field: destructionFieldLabels[field] ?? field, message };
}

/** A person of the register: the 人员编号, or the name as registered. */
export const personRefSchema = z.union([z.number().int().positive(), z.string().trim().min(1).max(40)], {
  error: (issue) => (issue.input === undefined || issue.input === '' ? '不能为空' : destructionMessages.person),
});
export type PersonRef = z.output<typeof personRefSchema>;

const sameRef = (a: PersonRef, b: PersonRef) => typeof a === typeof b && a === b;

/** An entry as it is recorded; `now` is the moment of recording (the date may not lie after its day). */
export function destructionSchema(now: Date) {
  const today = beijingDate(now);
  return z
    .object({
      kind: z.enum(DESTRUCTION_KINDS, { error: destructionMessages.kind }),
      /** What was destroyed, e.g. `制图员四级 理论知识试卷 甲套`. */
      description: z.string().trim().min(1).max(200),
      quantity: z.number().int().min(1, { error: destructionMessages.quantity }).max(100_000),
      /** The 存档 entry (disc_exports) of a disc the workstation wrote. */
      discExportId: z.number().int().positive().optional(),
      method: z.string().trim().min(1).max(40),
      destroyedOn: dateSchema.refine((d) => d <= today, { error: destructionMessages.future(today) }),
      destroyer: personRefSchema,
      witness: personRefSchema,
      note: z.string().trim().max(500).default(''),
    })
    .strict();
}
export type DestructionInput = z.output<ReturnType<typeof destructionSchema>>;

/** The rules across fields: two different people; a disc's 存档 entry only on a disc. */
export function destructionRules(d: DestructionInput): Problem[] {
  return [
    ...(sameRef(d.destroyer, d.witness) ? [destructionProblem('witness', destructionMessages.samePerson)] : []),
    ...(d.discExportId !== undefined && d.kind !== '光盘' ? [destructionProblem('discExportId', destructionMessages.discOnlyForDiscs)] : []),
  ];
}

/** What was destroyed, how, when and by whom, with the names as they were registered. */
export interface Destruction {
  readonly id: number;
  readonly kind: DestructionKind;
  readonly description: string;
  readonly quantity: number;
  readonly discExportId: number | null;
  readonly method: string;
  readonly destroyedOn: string;
  readonly destroyer: string;
  readonly witness: string;
  readonly note: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** Which entries to list: a range of destruction dates (inclusive) and a kind. */
export const destructionFilterSchema = z
  .object({
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    kind: z.enum(DESTRUCTION_KINDS, { error: destructionMessages.kind }).optional(),
  })
  .strict();
export type DestructionFilter = z.output<typeof destructionFilterSchema>;

export function destructionFilterRules(f: DestructionFilter): Problem[] {
  return f.from !== undefined && f.to !== undefined && f.from > f.to ? [destructionProblem('to', destructionMessages.range)] : [];
}

/** One line for the access log and the CLI: `光盘 2 件（…），粉碎，2026-12-03，销毁人 张三，监销人 李四`. */
export function destructionSummary(d: Pick<Destruction, 'kind' | 'description' | 'quantity' | 'method' | 'destroyedOn' | 'destroyer' | 'witness'>): string {
  return `${d.kind} ${String(d.quantity)} 件（${d.description}），${d.method}，${d.destroyedOn}，销毁人 ${d.destroyer}，监销人 ${d.witness}`;
}
