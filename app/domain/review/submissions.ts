/**
 * Submissions to the province's 试题审核备案 module (附件6 四(二)): during the incubation period a bank of
 * one occupation × level may be submitted for review at most twice, so the workstation warns before the
 * second and refuses a third. The period starts on a configured date, or on the first submission, and
 * lasts 180 days unless configured otherwise. 二级/技师 and 一级/高级技师 are re-reviewed by the province
 * (省级复审).
 */
import { z } from 'zod';
import type { Level } from '../level.js';
import { dateSchema } from '../person.js';

export const MAX_SUBMISSIONS_IN_INCUBATION = 2;
export const DEFAULT_INCUBATION_DAYS = 180;

export const SUBMISSION_RESULTS = ['通过', '退回'] as const;
export type SubmissionResult = (typeof SUBMISSION_RESULTS)[number];

export const submissionResultSchema = z
  .object({
    result: z.enum(SUBMISSION_RESULTS, { error: '审核结果必须是“通过”或“退回”' }),
    resultOn: dateSchema,
    comments: z.string().trim().max(5000).default(''),
  })
  .refine((r) => r.result === '通过' || r.comments.length >= 2, { error: '退回须录入省里的退回意见', path: ['comments'] });

export const incubationSchema = z.object({
  /** First day of the incubation period; '' = the day of the first submission. */
  startsOn: z.union([dateSchema, z.literal('')]).default(''),
  days: z.number().int().min(1).max(3650).default(DEFAULT_INCUBATION_DAYS),
});
export type Incubation = z.output<typeof incubationSchema>;

/** `2026-01-01` + n days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface SubmissionCheck {
  /** The submission may be recorded. */
  readonly allowed: boolean;
  /** Which one this would be within the period (1, 2, 3 …). */
  readonly ordinal: number;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** Chinese: the warning before the second, the refusal of a third; '' when nothing to say. */
  readonly message: string;
  /** Levels 1–2: the province reviews the bank again (省级复审). */
  readonly provincialReview: boolean;
}

/** levels 1 and 2 (二级/技师, 一级/高级技师). */
export function needsProvincialReview(level: Level): boolean {
  return level <= 2;
}

/** Whether one more submission on `today` is allowed, given the dates of the earlier ones. */
export function checkSubmission(previous: readonly string[], today: string, incubation: Incubation, level: Level): SubmissionCheck {
  const sorted = [...previous].sort();
  const periodStart = incubation.startsOn !== '' ? incubation.startsOn : (sorted[0] ?? today);
  const periodEnd = addDays(periodStart, incubation.days - 1);
  const inPeriod = today >= periodStart && today <= periodEnd;
  const before = sorted.filter((d) => d >= periodStart && d <= periodEnd).length;
  const ordinal = before + 1;
  const provincialReview = needsProvincialReview(level);
  const base = { ordinal, periodStart, periodEnd, provincialReview };
  if (!inPeriod) return { ...base, allowed: true, message: '' };
  if (before >= MAX_SUBMISSIONS_IN_INCUBATION) {
    return {
      ...base,
      allowed: false,
      message: `孵化期（${periodStart} 至 ${periodEnd}）内已报送审核 ${String(before)} 次，附件6 规定孵化期内最多报送 ${String(MAX_SUBMISSIONS_IN_INCUBATION)} 次，不能再次报送`,
    };
  }
  if (before === MAX_SUBMISSIONS_IN_INCUBATION - 1) {
    return {
      ...base,
      allowed: true,
      message: `这将是孵化期（${periodStart} 至 ${periodEnd}）内第 ${String(ordinal)} 次报送审核，也是最后一次：再被退回就不能在孵化期内报送`,
    };
  }
  return { ...base, allowed: true, message: '' };
}
