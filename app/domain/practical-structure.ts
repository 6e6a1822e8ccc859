/**
 * 技能考核内容结构表 (practical content structure table): columns are 职业功能 (modules), and per
 * level each module has 选考方式 (必考/选考), 鉴定比重 (%), 考试时间 (min) and 考核形式 (实操/笔试).
 * A candidate takes every 必考 module plus `selectCount` of the 选考 modules; the weights of what a
 * candidate takes add up to 100.
 */
import { z } from 'zod';
import { levelSchema } from './level.js';
import { occupationCodeSchema } from './occupation.js';
import type { Problem } from './validation.js';

export const SELECTION_MODES = ['必考', '选考'] as const;
export const ASSESSMENT_FORMS = ['实操', '笔试'] as const;
export type AssessmentForm = (typeof ASSESSMENT_FORMS)[number];

export const moduleSchema = z.object({
  code: z.string().trim().regex(/^[A-Z]$/, { error: '职业功能代码应为一个大写字母' }),
  name: z.string().trim().min(1).max(60),
});

export const structureEntrySchema = z.object({
  module: z.string().trim().regex(/^[A-Z]$/, { error: '职业功能代码应为一个大写字母' }),
  mode: z.enum(SELECTION_MODES),
  weight: z.number().min(0).max(100),
  minutes: z.number().int().min(1).max(600),
  form: z.enum(ASSESSMENT_FORMS),
});
export type StructureEntry = z.output<typeof structureEntrySchema>;

export const structureLevelSchema = z.object({
  level: levelSchema,
  /** How many of the 选考 modules a candidate takes (0 when all are 必考). */
  selectCount: z.number().int().min(0).default(0),
  entries: z.array(structureEntrySchema).min(1),
});
export type StructureLevel = z.output<typeof structureLevelSchema>;

export const practicalStructureSchema = z.object({
  occupationCode: occupationCodeSchema,
  track: z.string().trim().default(''),
  modules: z.array(moduleSchema).min(1),
  levels: z.array(structureLevelSchema).min(1),
});
export type PracticalStructure = z.output<typeof practicalStructureSchema>;

/** Summary of one level's column 合计: number of modules taken, total weight and minutes. */
export function levelTotals(level: StructureLevel): { modules: number; weight: number; minutes: number } {
  const required = level.entries.filter((e) => e.mode === '必考');
  const optional = level.entries.filter((e) => e.mode === '选考');
  const chosen = optional.slice(0, level.selectCount);
  const taken = [...required, ...chosen];
  return {
    modules: taken.length,
    weight: taken.reduce((a, e) => a + e.weight, 0),
    minutes: taken.reduce((a, e) => a + e.minutes, 0),
  };
}

export function practicalStructureRules(structure: PracticalStructure): Problem[] {
  const problems: Problem[] = [];
  const err = (field: string, message: string) => problems.push({ severity: 'error', path: ['levels'], field, message });
  const codes = new Set<string>();
  for (const m of structure.modules) {
    if (codes.has(m.code)) err('职业功能', `代码 ${m.code} 重复`);
    codes.add(m.code);
  }
  const seenLevels = new Set<number>();
  for (const lv of structure.levels) {
    const where = `${lv.level}级`;
    if (seenLevels.has(lv.level)) err(where, '级别重复');
    seenLevels.add(lv.level);
    const seenModules = new Set<string>();
    for (const e of lv.entries) {
      if (!codes.has(e.module)) err(where, `职业功能 ${e.module} 不在结构表中`);
      if (seenModules.has(e.module)) err(where, `职业功能 ${e.module} 重复`);
      seenModules.add(e.module);
    }
    const optional = lv.entries.filter((e) => e.mode === '选考');
    if (lv.selectCount > optional.length) err(where, `选考数量 ${lv.selectCount} 超过选考项目数 ${optional.length}`);
    if (optional.length > 0 && lv.selectCount === 0) err(where, '有选考项目时必须给出选考数量');
    if (new Set(optional.map((e) => e.weight)).size > 1) err(where, '各选考项目的鉴定比重必须相同');
    const total = levelTotals(lv).weight;
    if (Math.abs(total - 100) > 1e-6) err(where, `考生所考项目的鉴定比重之和为 ${total}，应等于 100`);
  }
  return problems;
}
