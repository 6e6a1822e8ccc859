/**
 * 涉密人员登记 (规程第七条): everyone who writes, reviews, proofreads, translates, enters, transmits or
 * maintains the bank is registered with a signed 保密责任书; 第十五条: nobody who took part may run
 * related training or coaching — the register records it and warns.
 */
import { z } from 'zod';
import { problem, type Problem } from './validation.js';

export const WORK_TYPES = ['命题', '审定', '校对', '翻译', '录入', '传递', '技术维护'] as const;
export type WorkType = (typeof WORK_TYPES)[number];

export const EXPERT_ROLES = ['方法专家', '内容专家', '实际工作专家'] as const;
export type ExpertRole = (typeof EXPERT_ROLES)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const dateSchema = z
  .string()
  .trim()
  .regex(DATE, { error: '日期格式应为 YYYY-MM-DD' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: '日期不存在',
  });

export const personSchema = z.object({
  name: z.string().trim().min(1).max(40),
  unit: z.string().trim().min(1).max(100),
  title: z.string().trim().max(40).default(''),
  position: z.string().trim().max(40).default(''),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, { error: '联系电话格式不正确' }),
  specialty: z.string().trim().max(60).default(''),
  workTypes: z.array(z.enum(WORK_TYPES, { error: `工作类别必须是：${WORK_TYPES.join('、')}` })).default([]),
  /** 方法专家 / 内容专家 / 实际工作专家, for members of internal review panels. */
  expertRole: z.enum(EXPERT_ROLES).optional(),
  /** Takes part in training or pre-assessment coaching (规程第十五条). */
  trainer: z.boolean().default(false),
});
export type Person = z.output<typeof personSchema>;

/** Field names that mean something else on a person than elsewhere. */
export const personFieldLabels: Readonly<Record<string, string>> = { name: '姓名', title: '职称' };

export const pledgeSchema = z.object({
  signedOn: dateSchema,
  expiresOn: dateSchema,
  /** 责任范围, e.g. `制图员（机械）四级 题库命题`. */
  scope: z.string().trim().min(1).max(200),
});
export type Pledge = z.output<typeof pledgeSchema>;

export function pledgeRules(p: Pledge): Problem[] {
  return p.expiresOn <= p.signedOn ? [problem(['expiresOn'], '有效期必须晚于签订日期')] : [];
}

export type PledgeStatus = '有效' | '已过期' | '未登记';

/** Status of a person's pledges on `today` (YYYY-MM-DD): valid when one covers today. */
export function pledgeStatus(pledges: readonly Pledge[], today: string): PledgeStatus {
  if (pledges.length === 0) return '未登记';
  return pledges.some((p) => p.signedOn <= today && today <= p.expiresOn) ? '有效' : '已过期';
}

/** 规程第十五条: a participant who also trains or coaches. */
export function trainingConflict(person: Pick<Person, 'trainer' | 'workTypes'>): string | undefined {
  return person.trainer && person.workTypes.length > 0
    ? `参与了${person.workTypes.join('、')}工作的人员不得组织或参与相关培训、鉴定前辅导（规程第十五条）`
    : undefined;
}

/** `2026-11-23` in Beijing time (UTC+8), the calendar the pledges are dated in. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
