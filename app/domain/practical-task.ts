/**
 * 技能考核试题 (practical task): 试题 (名称, 分值, 时间, 形式, 说明, 具体考核要求, 附图), its
 * 考场准备通知单 and 考生准备通知单 (rows 名称/规格/单位/数量/备注 grouped into 设备/工具/量具/材料)
 * and its 评分标准. Bound to a 职业功能 (module) of the 技能考核内容结构表.
 */
import { z } from 'zod';
import { ASSESSMENT_FORMS } from './practical-structure.js';
import { pointsSchema, pointsSumRule, rubricRowSchema } from './rubric.js';
import type { Problem } from './validation.js';

export const noticeRowSchema = z.object({
  name: z.string().trim().min(1).max(60),
  spec: z.string().trim().max(120).default(''),
  unit: z.string().trim().min(1).max(10),
  quantity: z.string().trim().min(1).max(20),
  remark: z.string().trim().max(120).default(''),
});
export type NoticeRow = z.output<typeof noticeRowSchema>;

export const NOTICE_GROUPS = ['equipment', 'tools', 'measuring', 'materials'] as const;
export type NoticeGroup = (typeof NOTICE_GROUPS)[number];
export const noticeGroupNames: Readonly<Record<NoticeGroup, string>> = {
  equipment: '设备',
  tools: '工具',
  measuring: '量具',
  materials: '材料',
};

export const preparationNoticeSchema = z.object({
  equipment: z.array(noticeRowSchema).default([]),
  tools: z.array(noticeRowSchema).default([]),
  measuring: z.array(noticeRowSchema).default([]),
  materials: z.array(noticeRowSchema).default([]),
  notes: z.array(z.string().trim().min(1).max(300)).default([]),
});
export type PreparationNotice = z.output<typeof preparationNoticeSchema>;

export const practicalTaskSchema = z.object({
  module: z.string().trim().regex(/^[A-Z]$/, { error: '职业功能代码应为一个大写字母' }),
  title: z.string().trim().min(1).max(60),
  points: pointsSchema,
  minutes: z.number().int().min(1).max(600),
  form: z.enum(ASSESSMENT_FORMS),
  description: z.string().trim().min(1).max(3000),
  requirements: z.array(z.string().trim().min(1).max(500)).min(1),
  figureNote: z.string().trim().max(1000).default(''),
  images: z.array(z.string().regex(/^[0-9a-f]{64}$/)).default([]),
  siteNotice: preparationNoticeSchema,
  candidateNotice: preparationNoticeSchema,
  rubric: z.array(rubricRowSchema).min(1),
});
export type PracticalTask = z.output<typeof practicalTaskSchema>;

export function practicalTaskRules(task: PracticalTask): Problem[] {
  return pointsSumRule('rubric', task.rubric, task.points);
}
