/**
 * 评分标准 rows shared by practical tasks and 综合评审 items: 考核内容, 考核要点, 配分, 评分标准, 扣分说明.
 * The rows' points must add up to the task's points.
 */
import { z } from 'zod';
import { roundTo } from './format.js';
import { problem, type Problem } from './validation.js';

/** Points are whole or half points (0.5 steps), as on real 评分记录表. */
export const pointsSchema = z.number().positive().max(100).multipleOf(0.5);

export const rubricRowSchema = z.object({
  content: z.string().trim().min(1).max(100),
  keyPoint: z.string().trim().min(1).max(500),
  points: pointsSchema,
  criteria: z.string().trim().min(1).max(1000),
  deductionNote: z.string().trim().max(200).default(''),
});
export type RubricRow = z.output<typeof rubricRowSchema>;

export function sumPoints(rows: readonly { points: number }[]): number {
  return roundTo(rows.reduce((a, r) => a + r.points, 0), 2);
}

/** `评分标准: 各行配分之和为 55，应等于本题分值 60` when the rows do not add up. */
export function pointsSumRule(field: 'rubric' | 'scoreSheet', rows: readonly { points: number }[], expected: number): Problem[] {
  const total = sumPoints(rows);
  if (Math.abs(total - expected) > 1e-9) {
    return [problem([field], `各行配分之和为 ${total}，应等于本题分值 ${expected}`)];
  }
  return [];
}
