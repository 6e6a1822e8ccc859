import { describe, expect, it } from 'vitest';
import { forbiddenTerms, noticeConflictFindings, noticeConflicts } from '../../../../app/domain/lint/notice-conflicts.js';
import { practicalTaskSchema, type PracticalTask } from '../../../../app/domain/practical-task.js';
import { samplePracticalTasks } from '../../../../app/demo/sample-bank.js';

const tasks = (): PracticalTask[] => samplePracticalTasks().map((raw) => practicalTaskSchema.parse(raw));

function withNotice(task: PracticalTask, tools: string[], notes: string[]): PracticalTask {
  const row = (name: string) => ({ name, spec: '', unit: '把', quantity: '1', remark: '' });
  return { ...task, candidateNotice: { ...task.candidateNotice, tools: tools.map(row), notes }, siteNotice: { ...task.siteNotice, notes: [] } };
}

describe('forbiddenTerms', () => {
  it.each([
    ['不得携带刀具、胶水等可能损坏图纸的物品。', ['刀具', '胶水']],
    ['不得携带 U 盘等移动存储设备及手机等通讯工具入场。', ['U盘']],
    ['考生严禁携带手机和计算器入场；考试时间 120 分钟。', ['手机', '计算器']],
    ['不得携带修正液、修正带、刀具等物品。', ['修正液', '修正带', '刀具']],
    ['考生应携带身份证。', []],
  ])('%s', (note, terms) => {
    expect(forbiddenTerms(note)).toEqual(terms);
  });
});

describe('noticeConflicts', () => {
  const [a, b] = tasks();
  it('finds an item one task asks for and another forbids, by the term head (刀具 → 削笔刀)', () => {
    const set = [withNotice(a!, ['削笔刀', '铅笔'], []), withNotice(b!, ['三角板'], ['不得携带刀具、胶水等可能损坏图纸的物品。'])];
    expect(noticeConflicts(set)).toEqual([{ bringing: 0, item: '削笔刀', forbidding: 1, term: '刀具', note: '不得携带刀具、胶水等可能损坏图纸的物品。' }]);
    const [finding] = noticeConflictFindings(set);
    expect(finding).toMatchObject({ rule: 'notice-conflict', severity: 'error' });
    expect(finding?.message).toBe('试题1要求考生携带“削笔刀”，试题2却规定不得携带“刀具”（不得携带刀具、胶水等可能损坏图纸的物品。）');
  });

  it('finds a contradiction inside one task and ignores tasks that agree', () => {
    expect(noticeConflicts([withNotice(a!, ['计算器'], ['严禁携带计算器入场。'])])).toHaveLength(1);
    expect(noticeConflicts([withNotice(a!, ['铅笔', '橡皮'], []), withNotice(b!, ['三角板'], ['不得携带美工刀、胶水等物品。'])])).toEqual([]);
  });

  it('the sample bank has no contradiction within any set of its tasks', () => {
    expect(noticeConflictFindings(tasks())).toEqual([]);
  });
});
