/**
 * 试卷 (paper): one set (套) of one occupation × level × track and kind, pinning item versions.
 * 粤人社函〔2023〕134号 附件6 §二: at least three sets per occupation and level.
 */
import { z } from 'zod';
import { levelSchema } from './level.js';
import { occupationCodeSchema } from './occupation.js';
import { pointsSchema, sumPoints } from './rubric.js';
import { ITEM_KINDS, ITEM_TYPES, itemKindNames } from './item.js';
import { problem, type Problem } from './validation.js';

/** 附件6 §二: 每个职业（工种）每个级别 ≥ 3 套. */
export const MIN_PARALLEL_SETS = 3;

/** 套别: 甲 … 癸 (`setLabel` in format.ts) or a capital letter. */
export const setLabelSchema = z
  .string()
  .trim()
  .regex(/^([甲乙丙丁戊己庚辛壬癸]|[A-Z])$/, { error: '套别应为 甲、乙、丙…… 或 A、B、C……' });

/** A paper holds items of one kind. */
export const PAPER_KINDS = ITEM_KINDS;
export type PaperKind = (typeof PAPER_KINDS)[number];
export const paperKindNames: Readonly<Record<PaperKind, string>> = itemKindNames;

export const paperItemRefSchema = z.object({
  itemId: z.number().int().positive(),
  version: z.number().int().positive(),
  points: pointsSchema,
});

export const paperSectionSchema = z.object({
  title: z.string().trim().min(1).max(60),
  itemType: z.enum(ITEM_TYPES),
  items: z.array(paperItemRefSchema).min(1),
});

export const paperSchema = z.object({
  occupationCode: occupationCodeSchema,
  level: levelSchema,
  track: z.string().trim().default(''),
  kind: z.enum(PAPER_KINDS),
  setLabel: setLabelSchema,
  minutes: z.number().int().min(1).max(600),
  totalPoints: z.number().positive().default(100),
  sections: z.array(paperSectionSchema).min(1),
});
export type Paper = z.output<typeof paperSchema>;

export function paperRules(paper: Paper): Problem[] {
  const problems: Problem[] = [];
  const all = paper.sections.flatMap((s) => s.items);
  const total = sumPoints(all);
  if (Math.abs(total - paper.totalPoints) > 1e-9) {
    problems.push(problem(['sections'], `各题分值之和为 ${total}，应等于总分 ${paper.totalPoints}`));
  }
  const seen = new Set<number>();
  for (const ref of all) {
    if (seen.has(ref.itemId)) problems.push(problem(['sections'], `试题 ${ref.itemId} 在本套试卷中出现多次`));
    seen.add(ref.itemId);
  }
  return problems;
}

/** Letter of a paper kind in the 试卷编号: L 理论知识, J 技能考核, Z 综合评审. */
const PAPER_CODE_LETTERS: Readonly<Record<PaperKind, string>> = { theory: 'L', practical: 'J', comprehensive: 'Z' };

/**
 * The 试卷编号 printed on a paper, its answers and its 评分记录表: occupation code, level, kind, set —
 * `3-01-02-07-4-L-甲`. One number per set, so that a page that is separated from its paper still says
 * which paper it belongs to.
 */
export function paperCode(occupationCode: string, level: number, kind: PaperKind, setLabel: string): string {
  return `${occupationCode}-${String(level)}-${PAPER_CODE_LETTERS[kind]}-${setLabel}`;
}
