/**
 * 试卷结构 (paper structure) per bank and kind: what one set (套) consists of.
 * - Theory: sections by 题型 with a count and points per item, total 100 (百分制: 理论知识考试、技能考核均实行
 *   百分制, domain-formats.md P12), time 90–240 min (国家职业技能标准: 理论知识考试时间不少于 90 分钟).
 *   Presets hold the layouts in use; any other structure may be set (`parseTheoryStructure`): 题型 are
 *   those of the level (`theoryTypesForLevel`), each at most once, counts ≥ 1, points > 0 in steps of 0.5.
 * - Practical: follows the 技能考核内容结构表 of the level: every 必考 module in every set, the 选考
 *   modules rotated over the sets (set k takes the selectCount 选考 modules starting at k), one task
 *   per module, points = the module's 鉴定比重, time = the modules' 考试时间. The program, not the
 *   candidate, fixes which 选考 module a set holds: the exported 结构表 says so.
 * - 综合评审 (levels 1–2): one item per set, 100 points, ≥ 30 min.
 */
import { z } from 'zod';
import { levelName, type Level } from '../level.js';
import type { StructureLevel } from '../practical-structure.js';
import { THEORY_ITEM_TYPES, theoryItemTypeNames, type TheoryItemType } from '../theory-item.js';
import { problem, validate, type Problem, type Validated } from '../validation.js';
import { paperStructureMessages as M } from './messages.js';

/** Bounds of a theory structure. */
export const THEORY_STRUCTURE_LIMITS = { totalPoints: 100, minutes: { min: 90, max: 240 }, count: { min: 1, max: 300 } } as const;

const L = THEORY_STRUCTURE_LIMITS;

export const theorySectionSchema = z.object({
  type: z.enum(THEORY_ITEM_TYPES, { error: M.typeInvalid }),
  count: z.number().int({ error: M.countInteger }).min(L.count.min, { error: M.countMin }).max(L.count.max, { error: M.countMax(L.count.max) }),
  pointsEach: z.number().positive({ error: M.pointsPositive }).max(100, { error: M.pointsMax }).multipleOf(0.5, { error: M.pointsStep }),
});
export type TheorySection = z.output<typeof theorySectionSchema>;

export const theoryStructureSchema = z.object({
  minutes: z.number().int({ error: M.minutesInteger }).min(L.minutes.min, { error: M.minutesMin(L.minutes.min) }).max(L.minutes.max, { error: M.minutesMax(L.minutes.max) }),
  totalPoints: z.number().default(L.totalPoints).refine((v): boolean => v === L.totalPoints, { error: M.totalPoints(L.totalPoints) }),
  sections: z.array(theorySectionSchema).min(1, { error: M.sectionsMin }).max(THEORY_ITEM_TYPES.length, { error: M.sectionsMax(THEORY_ITEM_TYPES.length) }),
});
export type TheoryStructure = z.output<typeof theoryStructureSchema>;

/** Section order on the paper: 判断, 单选, 多选 (as the 得分表 一、二、三 lists them). */
const TYPE_ORDER: Readonly<Record<TheoryItemType, number>> = { trueFalse: 0, singleChoice: 1, multipleChoice: 2 };

export function sortedSections(structure: TheoryStructure): TheorySection[] {
  return [...structure.sections].sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);
}

export function theoryItemCount(structure: TheoryStructure): number {
  return structure.sections.reduce((a, s) => a + s.count, 0);
}

const SHORT_TYPE_NAMES: Readonly<Record<TheoryItemType, string>> = { trueFalse: '判断', singleChoice: '单选', multipleChoice: '多选' };

/** A structure as users read it, in paper order: `判断20×1分 + 单选140×0.5分 + 多选10×1分，120分钟`. */
export function structureName(structure: TheoryStructure): string {
  return `${sortedSections(structure).map((s) => `${SHORT_TYPE_NAMES[s.type]}${s.count}×${s.pointsEach}分`).join(' + ')}，${structure.minutes}分钟`;
}

/** A preset from its sections (题型, count, points each), named by `structureName`. */
function preset(minutes: number, sections: readonly (readonly [TheoryItemType, number, number])[]): { name: string; structure: TheoryStructure } {
  const structure = { minutes, totalPoints: 100, sections: sections.map(([type, count, pointsEach]) => ({ type, count, pointsEach })) };
  return { name: structureName(structure), structure };
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

/** Cross-field rules: one section per 题型, Σ count × points = total. */
export function theoryStructureRules(structure: TheoryStructure): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const s of structure.sections) {
    if (seen.has(s.type)) problems.push(problem(['sections'], M.duplicate(theoryItemTypeNames[s.type])));
    seen.add(s.type);
  }
  const total = structure.sections.reduce((a, s) => a + s.count * s.pointsEach, 0);
  if (Math.abs(total - structure.totalPoints) > 1e-9) {
    const parts = sortedSections(structure).map((s) => `${theoryItemTypeNames[s.type]}${s.count}×${s.pointsEach}`);
    problems.push(problem(['sections'], M.sum(parts.join(' + '), total, structure.totalPoints)));
  }
  return problems;
}

/** Short names of the 题型 as users write them: 判断, 单选, 多选. */
export const THEORY_TYPE_SHORT_NAMES: Readonly<Record<TheoryItemType, string>> = SHORT_TYPE_NAMES;

/**
 * The 题型 a theory paper of this level may hold. The 理论知识 items of a bank are 判断、单项选择 and
 * 多项选择 at every level (theory-item.ts; no level-specific rule is known from the sources), so every
 * level allows all three; the rule is asked per level so that a paper structure names its level.
 */
export function theoryTypesForLevel(level: Level): readonly TheoryItemType[] {
  void level;
  return THEORY_ITEM_TYPES;
}

/** The 题型 a name denotes: `判断`, `判断题`, `单选`, `单项选择题`, `多选题`, … or the key itself. */
export function theoryTypeOf(name: string): TheoryItemType | undefined {
  const n = name.trim().replace(/\s+/g, '');
  for (const t of THEORY_ITEM_TYPES) {
    const full = theoryItemTypeNames[t];
    const short = SHORT_TYPE_NAMES[t];
    if ([t, full, full.replace(/题$/, ''), short, `${short}题`].includes(n)) return t;
  }
  return undefined;
}

/** Replaces 题型 names (`单选`) by their keys (`singleChoice`); anything else is left for the schema to judge. */
function normaliseTypes(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { sections?: unknown }).sections)) return raw;
  const sections = (raw as { sections: unknown[] }).sections.map((s) => {
    if (typeof s !== 'object' || s === null || typeof (s as { type?: unknown }).type !== 'string') return s;
    const type = theoryTypeOf((s as { type: string }).type);
    return type === undefined ? s : { ...s, type };
  });
  return { ...raw, sections };
}

/**
 * A theory structure as a user gives it (presets aside): 题型 by name or key, count, points per item,
 * minutes. Checked by the schema and the rules; every problem names the section by its 题型 (or place)
 * and the field, in Chinese: `单选 题量: 题量至少 1 道`.
 */
export function parseTheoryStructure(raw: unknown, level: Level): Validated<TheoryStructure> {
  const allowed = theoryTypesForLevel(level);
  const given = normaliseTypes(raw);
  const sections = (typeof given === 'object' && given !== null && Array.isArray((given as { sections?: unknown }).sections) ? (given as { sections: unknown[] }).sections : []) as {
    type?: unknown;
  }[];
  const result = validate(theoryStructureSchema, given, (s) => [
    ...theoryStructureRules(s),
    ...s.sections.flatMap((x, i) => (allowed.includes(x.type) ? [] : [problem(['sections', i, 'type'], M.typeUnknown(SHORT_TYPE_NAMES[x.type], levelName(level), allowed.map((t) => SHORT_TYPE_NAMES[t]).join('、')))])),
  ]);
  if (result.ok) return result;
  const name = (i: number) => {
    const type = sections[i]?.type;
    return typeof type === 'string' && (THEORY_ITEM_TYPES as readonly string[]).includes(type) ? SHORT_TYPE_NAMES[type as TheoryItemType] : M.section(i + 1);
  };
  const relabel = (p: Problem): Problem => {
    const [head, index, field] = p.path;
    if (head === 'sections' && typeof index === 'number') {
      const type = sections[index]?.type;
      const message =
        field === 'type' && p.message === M.typeInvalid
          ? M.typeUnknown(String(type), levelName(level), allowed.map((t) => SHORT_TYPE_NAMES[t]).join('、'))
          : p.message;
      return { ...p, field: [name(index), typeof field === 'string' ? (M.fields[field] ?? field) : ''].filter(Boolean).join(' '), message };
    }
    return { ...p, field: typeof head === 'string' ? (M.fields[head] ?? head) : p.field };
  };
  return { ok: false, problems: result.problems.map(relabel) };
}

/** The preset whose structure this is, if any. */
export function presetOf(structure: TheoryStructure): TheoryPreset | undefined {
  const same = (a: TheoryStructure, b: TheoryStructure) =>
    a.minutes === b.minutes &&
    a.totalPoints === b.totalPoints &&
    sortedSections(a).map((s) => `${s.type}:${s.count}:${s.pointsEach}`).join() === sortedSections(b).map((s) => `${s.type}:${s.count}:${s.pointsEach}`).join();
  return (Object.keys(THEORY_PRESETS) as TheoryPreset[]).find((k) => same(THEORY_PRESETS[k].structure, structure));
}

/** A preset by its key, or the Chinese refusal listing the presets. */
export function theoryPreset(key: string): { ok: true; preset: TheoryPreset } | { ok: false; message: string } {
  if (Object.hasOwn(THEORY_PRESETS, key)) return { ok: true, preset: key as TheoryPreset };
  const list = Object.entries(THEORY_PRESETS).map(([k, p]) => `${k}（${p.name}）`).join('、');
  return { ok: false, message: M.unknownPreset(key, list) };
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
