/**
 * 试卷结构 (paper structure) per bank and kind: what one set (套) consists of.
 * - Theory: sections by 题型 with a count and points per item, total 100 (百分制), time ≥ 90 min
 *   (国家职业技能标准: 理论知识考试时间不少于 90 分钟). Presets hold the layouts in use.
 * - Practical: follows the 技能考核内容结构表 of the level: every 必考 module in every set, the 选考
 *   modules rotated over the sets (set k takes the selectCount 选考 modules starting at k), one task
 *   per module, points = the module's 鉴定比重, time = the modules' 考试时间.
 * - 综合评审 (levels 1–2): one item per set, 100 points, ≥ 30 min.
 */
import { z } from 'zod';
import type { StructureLevel } from '../practical-structure.js';
import { pointsSchema } from '../rubric.js';
import { THEORY_ITEM_TYPES, theoryItemTypeNames, type TheoryItemType } from '../theory-item.js';
import { problem, type Problem } from '../validation.js';

export const theorySectionSchema = z.object({
  type: z.enum(THEORY_ITEM_TYPES, { error: '题型应为 判断、单选 或 多选' }),
  count: z.number().int().min(1, { error: '题量至少 1 道' }).max(300, { error: '题量不能超过 300 道' }),
  pointsEach: pointsSchema,
});
export type TheorySection = z.output<typeof theorySectionSchema>;

export const theoryStructureSchema = z.object({
  minutes: z.number().int().min(90, { error: '理论知识考试时间不少于 90 分钟' }).max(240),
  totalPoints: z.number().positive().default(100),
  sections: z.array(theorySectionSchema).min(1, { error: '至少需要一个题型' }).max(3),
});
export type TheoryStructure = z.output<typeof theoryStructureSchema>;

const SHORT_TYPE_NAMES: Readonly<Record<TheoryItemType, string>> = { trueFalse: '判断', singleChoice: '单选', multipleChoice: '多选' };

/** A preset from its sections (题型, count, points each), named as users read it: `判断20×1分 + …，120分钟`. */
function preset(minutes: number, sections: readonly (readonly [TheoryItemType, number, number])[]): { name: string; structure: TheoryStructure } {
  return {
    name: `${sections.map(([type, count, points]) => `${SHORT_TYPE_NAMES[type]}${count}×${points}分`).join(' + ')}，${minutes}分钟`,
    structure: { minutes, totalPoints: 100, sections: sections.map(([type, count, pointsEach]) => ({ type, count, pointsEach })) },
  };
}

export const THEORY_PRESETS = {
  /** 判断 20×1 + 单选 140×0.5 + 多选 10×1, 120 min: the usual provincial layout since 2019. */
  'standard-170': preset(120, [['trueFalse', 20, 1], ['singleChoice', 140, 0.5], ['multipleChoice', 10, 1]]),
  /** 判断 40×0.5 + 单选 160×0.5, 120 min: the former national bank paper. */
  'classic-200': preset(120, [['trueFalse', 40, 0.5], ['singleChoice', 160, 0.5]]),
  /** 判断 20×1 + 单选 60×1 + 多选 10×2, 90 min: a shorter paper. */
  'compact-90': preset(90, [['trueFalse', 20, 1], ['singleChoice', 60, 1], ['multipleChoice', 10, 2]]),
} as const satisfies Record<string, { name: string; structure: TheoryStructure }>;
export type TheoryPreset = keyof typeof THEORY_PRESETS;
export const DEFAULT_THEORY_PRESET: TheoryPreset = 'standard-170';

/** Section order on the paper: 判断, 单选, 多选 (as the 得分表 一、二、三 lists them). */
const TYPE_ORDER: Readonly<Record<TheoryItemType, number>> = { trueFalse: 0, singleChoice: 1, multipleChoice: 2 };

export function sortedSections(structure: TheoryStructure): TheorySection[] {
  return [...structure.sections].sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);
}

export function theoryItemCount(structure: TheoryStructure): number {
  return structure.sections.reduce((a, s) => a + s.count, 0);
}

/** Cross-field rules: one section per 题型, Σ count × points = total. */
export function theoryStructureRules(structure: TheoryStructure): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const s of structure.sections) {
    if (seen.has(s.type)) problems.push(problem(['sections'], `${theoryItemTypeNames[s.type]}重复出现`));
    seen.add(s.type);
  }
  const total = structure.sections.reduce((a, s) => a + s.count * s.pointsEach, 0);
  if (Math.abs(total - structure.totalPoints) > 1e-9) {
    const parts = sortedSections(structure).map((s) => `${theoryItemTypeNames[s.type]}${s.count}×${s.pointsEach}`);
    problems.push(problem(['sections'], `${parts.join(' + ')} = ${total} 分，应为 ${structure.totalPoints} 分`));
  }
  return problems;
}

/** One module of a practical set. */
export interface PracticalSlot {
  readonly module: string;
  readonly mode: '必考' | '选考';
  readonly points: number;
  readonly minutes: number;
}

/**
 * The modules each of `sets` practical sets takes at this level: all 必考 modules, and the 选考 ones
 * rotated (set k takes selectCount 选考 modules starting at position k), so that over the sets every
 * 选考 module is used and each set totals the same 100 points when the 结构表 is consistent.
 */
export function practicalSlots(level: StructureLevel, sets: number): PracticalSlot[][] {
  const required = level.entries.filter((e) => e.mode === '必考');
  const optional = level.entries.filter((e) => e.mode === '选考');
  return Array.from({ length: sets }, (_, k) => {
    const chosen =
      optional.length === 0 ? [] : Array.from({ length: level.selectCount }, (_, j) => optional[(k + j) % optional.length]).filter((e) => e !== undefined);
    return [...required, ...chosen].map((e) => ({ module: e.module, mode: e.mode, points: e.weight, minutes: e.minutes }));
  });
}

/** Settings of the 综合评审 paper (levels 1–2). */
export const COMPREHENSIVE_STRUCTURE = { points: 100, minMinutes: 30 } as const;
