/** The 销毁 entry's schema and rules: Chinese messages naming the field. */
import { describe, expect, it } from 'vitest';
import {
  destructionFieldLabels,
  destructionFilterRules,
  destructionFilterSchema,
  destructionRules,
  destructionSchema,
  destructionSummary,
} from '../../../app/domain/destruction.js';
import { formatProblem, validate } from '../../../app/domain/validation.js';

// 2026-12-03 23:30 in Beijing
const NOW = new Date('2026-12-03T15:30:00Z');
const ENTRY = { kind: '光盘', description: '备份光盘', quantity: 1, method: '粉碎', destroyedOn: '2026-12-03', destroyer: '张三', witness: '李四' };

function problems(input: Record<string, unknown>, now = NOW): string[] {
  const r = validate(destructionSchema(now), input, destructionRules, destructionFieldLabels);
  return r.ok ? [] : r.problems.map((p) => formatProblem(p));
}

describe('destruction entry', () => {
  it('accepts a complete entry, with the note empty by default', () => {
    const r = validate(destructionSchema(NOW), { ...ENTRY, destroyer: 3 }, destructionRules, destructionFieldLabels);
    expect(r.ok && r.value).toEqual({ ...ENTRY, destroyer: 3, note: '' });
  });

  it('refuses the same person as destroyer and witness', () => {
    expect(problems({ ...ENTRY, witness: '张三' })).toEqual(['监销人: 销毁人和监销人必须是两个不同的人']);
    expect(problems({ ...ENTRY, destroyer: 4, witness: 4 })).toEqual(['监销人: 销毁人和监销人必须是两个不同的人']);
  });

  it('refuses a date after the day of recording, in Beijing time', () => {
    expect(problems({ ...ENTRY, destroyedOn: '2026-12-04' })).toEqual(['销毁日期: 销毁日期不能晚于今天（2026-12-03）']);
    // 2026-12-03 16:30 UTC is already the 4th in Beijing
    expect(problems({ ...ENTRY, destroyedOn: '2026-12-04' }, new Date('2026-12-03T16:30:00Z'))).toEqual([]);
  });

  it('names each bad field', () => {
    expect(problems({ ...ENTRY, quantity: 0 })).toEqual(['数量: 数量至少为 1']);
    expect(problems({ ...ENTRY, quantity: 1.5 })).toHaveLength(1);
    expect(problems({ ...ENTRY, kind: '硬盘' })).toEqual(['载体类别: 载体类别必须是：光盘、纸质试卷、纸质答案、其他载体']);
    expect(problems({ ...ENTRY, destroyer: '' })).toEqual(['销毁人: 不能为空']);
    expect(problems({ ...ENTRY, witness: true })).toEqual(['监销人: 应为人员登记表中的人员编号或姓名']);
    expect(problems({ ...ENTRY, kind: '纸质答案', discExportId: 2 })).toEqual(['光盘存档编号: 只有载体类别为“光盘”时才能填写光盘存档编号']);
  });

  it('checks the list filter and says one line per entry', () => {
    const r = validate(destructionFilterSchema, { from: '2026-12-01', to: '2026-11-01' }, destructionFilterRules, destructionFieldLabels);
    expect(r.ok ? [] : r.problems.map((p) => formatProblem(p))).toEqual(['截止日期: 起始日期不能晚于截止日期']);
    expect(destructionSummary({ ...ENTRY, kind: '光盘', quantity: 2 })).toBe('光盘 2 件（备份光盘），粉碎，2026-12-03，销毁人 张三，监销人 李四');
  });
});
