/**
 * 综合评审试题 (levels 1–2, 技师/高级技师): 考核说明, 试题, 评分标准 and 评分表 (粤人社函〔2023〕134号
 * 附件6 §三). Typical form: 技术总结/论文 + 答辩, ≥ 30 minutes, 100 points.
 */
import { z } from 'zod';
import { pointsSchema, pointsSumRule, rubricRowSchema } from './rubric.js';
import type { Problem } from './validation.js';

export const COMPREHENSIVE_FORMS = ['论文答辩', '技术总结答辩', '业绩评审', '案例分析答辩'] as const;

export const scoreSheetRowSchema = z.object({
  aspect: z.string().trim().min(1).max(60),
  keyPoint: z.string().trim().min(1).max(300),
  points: pointsSchema,
});

export const comprehensiveItemSchema = z.object({
  title: z.string().trim().min(1).max(80),
  form: z.enum(COMPREHENSIVE_FORMS),
  points: pointsSchema.default(100),
  minutes: z.number().int().min(30, { error: '综合评审时间不少于 30 分钟' }).max(600),
  instructions: z.array(z.string().trim().min(1).max(500)).min(1),
  question: z.string().trim().min(1).max(5000),
  rubric: z.array(rubricRowSchema).min(1),
  scoreSheet: z.array(scoreSheetRowSchema).min(1),
});
export type ComprehensiveItem = z.output<typeof comprehensiveItemSchema>;

export function comprehensiveItemRules(item: ComprehensiveItem): Problem[] {
  return [...pointsSumRule('rubric', item.rubric, item.points), ...pointsSumRule('scoreSheet', item.scoreSheet, item.points)];
}
