import { describe, expect, it } from 'vitest';
import { levelName, levelSchema, needsComprehensiveReview, parseLevel } from '../../../app/domain/level.js';
import { levelsOffered, occupationSchema } from '../../../app/domain/occupation.js';
import { secrecyMark } from '../../../app/domain/secrecy.js';
import { validate } from '../../../app/domain/validation.js';

describe('level', () => {
  it('has both names for every level', () => {
    expect([1, 2, 3, 4, 5].map((l) => levelName(l as 1))).toEqual(['一级/高级技师', '二级/技师', '三级/高级工', '四级/中级工', '五级/初级工']);
  });
  it('reads the ways people write a level', () => {
    expect(['4', '四级', '中级工', '中级', '四级/中级工', '4级', '四级／中级工'].map(parseLevel)).toEqual([4, 4, 4, 4, 4, 4, 4]);
    expect(parseLevel('高级技师')).toBe(1);
    expect(parseLevel('六级')).toBeUndefined();
  });
  it('rejects 0 and 6 with a Chinese message', () => {
    const r = validate(levelSchema, 6);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toContain('1–5');
  });
  it('requires 综合评审 only for levels 1 and 2', () => {
    expect([1, 2, 3, 4, 5].map((l) => needsComprehensiveReview(l as 1))).toEqual([true, true, false, false, false]);
  });
});

describe('secrecy', () => {
  it('marks papers 机密★启用前 by default', () => {
    expect(secrecyMark({ level: '机密', period: '', beforeUse: true })).toBe('机密★启用前');
  });
  it('shows the 保密期限 where set', () => {
    expect(secrecyMark({ level: '机密', period: '10年', beforeUse: false })).toBe('机密★10年');
    expect(secrecyMark({ level: '绝密', period: '长期', beforeUse: true })).toBe('绝密★启用前（保密期限：长期）');
  });
});

describe('occupation', () => {
  it('rejects a code that is not d-dd-dd-dd', () => {
    const r = validate(occupationSchema, { code: '3-1-2-7', name: '制图员' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toBe('职业编码格式应为 d-dd-dd-dd（如 3-01-02-07）');
  });
  it('offers the levels of a track where the track has its own', () => {
    const o = occupationSchema.parse({
      code: '4-09-10-01',
      name: '园林绿化工',
      levels: [3, 4, 5],
      tracks: [
        { name: '绿化工', kind: '工种', levels: [3, 4, 5] },
        { name: '花卉园艺工', kind: '工种', levels: [5] },
      ],
    });
    expect(levelsOffered(o, '花卉园艺工')).toEqual([5]);
    expect(levelsOffered(o)).toEqual([3, 4, 5]);
    expect(levelsOffered(occupationSchema.parse({ code: '6-31-01-03', name: '电工' }))).toEqual([1, 2, 3, 4, 5]);
  });
});
