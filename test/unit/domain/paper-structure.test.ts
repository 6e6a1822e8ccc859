import { describe, expect, it } from 'vitest';
import { THEORY_PRESETS, theoryItemCount, theoryStructureRules, theoryStructureSchema } from '../../../app/domain/assembly/paper-structure.js';

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
