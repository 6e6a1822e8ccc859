import { describe, expect, it } from 'vitest';
import {
  parseTheoryStructure,
  presetOf,
  THEORY_PRESETS,
  theoryItemCount,
  theoryPreset,
  theoryStructureRules,
  theoryStructureSchema,
  theoryTypeOf,
  theoryTypesForLevel,
} from '../../../app/domain/assembly/paper-structure.js';

describe('theory paper presets', () => {
  it('are named as users read them (the names appear in demo.json and the GUI)', () => {
    expect(Object.fromEntries(Object.entries(THEORY_PRESETS).map(([k, p]) => [k, p.name]))).toEqual({
      'standard-170': '判断20×1分 + 单选140×0.5分 + 多选10×1分，120分钟',
      'classic-200': '判断40×0.5分 + 单选160×0.5分，120分钟',
      'compact-90': '判断20×1分 + 单选60×1分 + 多选10×2分，90分钟',
    });
  });

  it('are valid structures of 100 points', () => {
    for (const p of Object.values(THEORY_PRESETS)) {
      expect(theoryStructureSchema.parse(p.structure)).toEqual(p.structure);
      expect(theoryStructureRules(p.structure)).toEqual([]);
    }
    expect(theoryItemCount(THEORY_PRESETS['standard-170'].structure)).toBe(170);
    expect(THEORY_PRESETS['classic-200'].structure.sections).toEqual([
      { type: 'trueFalse', count: 40, pointsEach: 0.5 },
      { type: 'singleChoice', count: 160, pointsEach: 0.5 },
    ]);
  });
});

describe('structures of one’s own (parseTheoryStructure)', () => {
  const own = { minutes: 90, sections: [{ type: '判断', count: 20, pointsEach: 1 }, { type: '单选', count: 60, pointsEach: 1 }, { type: '多选题', count: 10, pointsEach: 2 }] };
  const messages = (raw: unknown) => {
    const r = parseTheoryStructure(raw, 4);
    return r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message}`);
  };

  it('reads 题型 by their names or keys and knows the preset it equals', () => {
    const r = parseTheoryStructure(own, 4);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({ minutes: 90, totalPoints: 100, sections: THEORY_PRESETS['compact-90'].structure.sections });
    expect(presetOf(r.value)).toBe('compact-90');
    expect(presetOf({ ...r.value, minutes: 100 })).toBeUndefined();
    expect(['判断', '判断题', 'trueFalse', '单项选择题', '单项选择', '单选题', '多选'].map(theoryTypeOf)).toEqual([
      'trueFalse',
      'trueFalse',
      'trueFalse',
      'singleChoice',
      'singleChoice',
      'singleChoice',
      'multipleChoice',
    ]);
    expect(theoryTypeOf('填空')).toBeUndefined();
    for (const level of [1, 2, 3, 4, 5] as const) expect(theoryTypesForLevel(level)).toEqual(['trueFalse', 'singleChoice', 'multipleChoice']);
  });

  it('names the section and the rule of every problem', () => {
    const at = (k: number, over: Record<string, unknown>) => ({ ...own, sections: own.sections.map((s, i) => (i === k ? { ...s, ...over } : s)) });
    expect(messages(at(1, { count: 0 }))).toEqual(['单选 题量: 题量至少 1 道']);
    expect(messages(at(1, { count: 301 }))).toEqual(['单选 题量: 题量不能超过 300 道']);
    expect(messages(at(2, { pointsEach: -1 }))).toEqual(['多选 每题分值: 每题分值应大于 0']);
    expect(messages(at(2, { pointsEach: 1.25 }))).toEqual(['多选 每题分值: 每题分值应为 0.5 的整数倍']);
    expect(messages(at(0, { type: '简答' }))).toEqual(['第1个题型 题型: “简答”不是四级/中级工理论知识试卷可用的题型，可用：判断、单选、多选']);
    expect(messages(at(0, { count: 30 }))).toEqual(['题型: 判断题30×1 + 单项选择题60×1 + 多项选择题10×2 = 110 分，应为 100 分']);
    expect(messages({ ...own, minutes: 89 })).toEqual(['考试时间: 理论知识考试时间不少于 90 分钟']);
    expect(messages({ ...own, minutes: 241 })).toEqual(['考试时间: 理论知识考试时间不超过 240 分钟']);
    expect(messages({ ...own, minutes: 90.5 })).toEqual(['考试时间: 考试时间应为整数分钟']);
    expect(messages({ ...own, totalPoints: 150 })).toEqual(['总分: 理论知识考试实行百分制，总分应为 100 分']);
    expect(messages({ minutes: 90, sections: [] })).toEqual(['题型: 至少需要一个题型']);
  });

  it('lists the presets when a name is not one of them', () => {
    expect(theoryPreset('compact-90')).toEqual({ ok: true, preset: 'compact-90' });
    const wrong = theoryPreset('custom');
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.message).toContain('没有名为“custom”的预设试卷结构；可选预设：standard-170（判断20×1分 + 单选140×0.5分 + 多选10×1分，120分钟）、classic-200');
    expect(theoryPreset('toString').ok).toBe(false);
  });
});
