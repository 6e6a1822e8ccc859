/**
 * 职业技能等级 1–5 with both names (粤人社办〔2020〕39号 附件4 表7):
 * 1 一级/高级技师, 2 二级/技师, 3 三级/高级工, 4 四级/中级工, 5 五级/初级工.
 */
import { z } from 'zod';

export const LEVELS = [
  { level: 1, grade: '一级', title: '高级技师', shortTitle: '高级技师' },
  { level: 2, grade: '二级', title: '技师', shortTitle: '技师' },
  { level: 3, grade: '三级', title: '高级工', shortTitle: '高级' },
  { level: 4, grade: '四级', title: '中级工', shortTitle: '中级' },
  { level: 5, grade: '五级', title: '初级工', shortTitle: '初级' },
] as const;

export type Level = 1 | 2 | 3 | 4 | 5;

export const levelSchema = z
  .number({ error: '级别必须是 1–5 的整数（一级/高级技师 … 五级/初级工）' })
  .int({ error: '级别必须是 1–5 的整数（一级/高级技师 … 五级/初级工）' })
  .min(1, { error: '级别必须是 1–5 的整数（一级/高级技师 … 五级/初级工）' })
  .max(5, { error: '级别必须是 1–5 的整数（一级/高级技师 … 五级/初级工）' })
  .transform((n) => n as Level);

function info(level: Level) {
  const found = LEVELS[level - 1];
  if (!found) throw new RangeError(`level ${String(level)}`);
  return found;
}

/** `四级/中级工` */
export function levelName(level: Level): string {
  const l = info(level);
  return `${l.grade}/${l.title}`;
}

/** `四级` */
export function levelGrade(level: Level): string {
  return info(level).grade;
}

/** `中级工` */
export function levelTitle(level: Level): string {
  return info(level).title;
}

/** Levels 1–2 (技师, 高级技师) are assessed with 综合评审 as well and get provincial re-review. */
export function needsComprehensiveReview(level: Level): boolean {
  return level <= 2;
}

/**
 * Reads a level as people write it: `4`, `四级`, `中级工`, `中级`, `四级/中级工`, `4级`.
 * Returns undefined when the text is not a level.
 */
export function parseLevel(text: string): Level | undefined {
  const t = text.replace(/\s+/g, '').replace('／', '/');
  if (/^[1-5]$/.test(t)) return Number(t) as Level;
  if (/^[1-5]级$/.test(t)) return Number(t[0]) as Level;
  for (const l of LEVELS) {
    if (t === l.grade || t === l.title || t === l.shortTitle || t === `${l.grade}/${l.title}`) return l.level;
  }
  return undefined;
}
