import { describe, expect, it } from 'vitest';
import { comprehensiveItemRules, comprehensiveItemSchema } from '../../../app/domain/comprehensive-item.js';
import { setLabel } from '../../../app/domain/format.js';
import { paperRules, paperSchema } from '../../../app/domain/paper.js';
import { practicalTaskRules, practicalTaskSchema } from '../../../app/domain/practical-task.js';
import { formatKey, theoryItemRules, theoryItemSchema, type TheoryItem } from '../../../app/domain/theory-item.js';
import { formatProblem, validate } from '../../../app/domain/validation.js';

const messages = (r: ReturnType<typeof validate>) => (r.ok ? [] : r.problems.map((p) => formatProblem(p)));
const theory = (input: unknown) => validate(theoryItemSchema, input, theoryItemRules);

const single = {
  type: 'singleChoice',
  element: 'B-A-C-001',
  stem: '图样中的尺寸以（ ）为单位时，不需标注单位的符号。',
  options: ['毫米', '厘米', '米', '英寸'],
  key: 'A',
  difficulty: 2,
};

describe('theory-item', () => {
  it('accepts the three item types', () => {
    expect(theory(single).ok).toBe(true);
    expect(theory({ type: 'trueFalse', element: 'A-A-A-001', stem: '图样上的尺寸是机件的真实大小。', key: true, difficulty: 1 }).ok).toBe(true);
    const mc = theory({ ...single, type: 'multipleChoice', options: ['甲', '乙', '丙', '丁', '戊'], key: 'dba' });
    expect(mc.ok && mc.value.type === 'multipleChoice' && mc.value.key).toBe('ABD');
  });

  it('names the empty option by its letter', () => {
    expect(messages(theory({ ...single, options: ['毫米', '厘米', '', '英寸'] }))).toEqual(['选项C: 不能为空']);
  });

  it('rejects a single choice with 3 options or a key outside A–D', () => {
    expect(messages(theory({ ...single, options: ['a', 'b', 'c'] }))).toEqual(['选项: 必须恰好 4 项']);
    expect(messages(theory({ ...single, key: 'E' }))).toEqual(['答案: 单项选择题答案必须是 A、B、C、D 之一']);
  });

  it('rejects a multiple choice with one key, a key beyond its options or a repeated letter', () => {
    const mc = { ...single, type: 'multipleChoice', options: ['甲', '乙', '丙', '丁'] };
    expect(messages(theory({ ...mc, key: 'A' }))).toEqual(['答案: 多项选择题答案应为 2–5 个字母（如 ABD）']);
    expect(messages(theory({ ...mc, key: 'AE' }))).toEqual(['答案: 答案 E 超出选项范围 A–D']);
    expect(messages(theory({ ...mc, key: 'AAB' }))).toEqual(['答案: 答案中有重复的字母']);
  });

  it('rejects duplicated options, a missing 鉴定点 and an unknown type', () => {
    expect(messages(theory({ ...single, options: ['毫米', '厘米', '毫 米', '英寸'] }))).toEqual(['选项C: 与选项A相同']);
    expect(messages(theory({ ...single, element: '' }))).toEqual(['鉴定点代码: 鉴定点代码格式应为 A-B-C-001（每级鉴定范围一个字母，再加三位数字）']);
    expect(messages(theory({ ...single, type: 'essay' }))).toEqual(['题型: 题型必须是判断题、单项选择题或多项选择题']);
  });

  it('rejects a difficulty outside 1–5 and a true/false key that is not a boolean', () => {
    expect(messages(theory({ ...single, difficulty: 0 }))).toEqual(['难度: 不能小于 1']);
    expect(messages(theory({ type: 'trueFalse', element: 'A-A-A-001', stem: '陈述。', key: '对', difficulty: 1 }))).toEqual([
      '答案: 判断题答案必须是 √（正确）或 ×（错误）',
    ]);
  });

  it('prints keys as 标准答案 does', () => {
    expect(formatKey({ type: 'trueFalse', key: false } as TheoryItem)).toBe('×');
    expect(formatKey(theoryItemSchema.parse({ ...single, type: 'multipleChoice', options: ['甲', '乙', '丙', '丁'], key: 'CA' }))).toBe('AC');
  });
});

const row = (name: string) => ({ name, spec: '', unit: '个', quantity: '1', remark: '' });
const task = {
  module: 'A',
  title: '绘制轴承座零件图',
  points: 60,
  minutes: 120,
  form: '实操',
  description: '根据轴测图绘制零件图。',
  requirements: ['1. 视图表达完整。'],
  siteNotice: { equipment: [row('绘图桌')], tools: [], measuring: [], materials: [row('A3 图纸')], notes: [] },
  candidateNotice: { tools: [row('圆规')] },
  rubric: [
    { content: '视图表达', keyPoint: '表达完整', points: 30, criteria: '缺视图扣 5 分', deductionNote: '' },
    { content: '尺寸标注', keyPoint: '正确完整', points: 30, criteria: '每处扣 1 分' },
  ],
};

describe('practical-task', () => {
  it('accepts a task whose rubric adds up to its points', () => {
    expect(validate(practicalTaskSchema, task, practicalTaskRules).ok).toBe(true);
  });
  it('rejects a rubric that does not add up, naming the field', () => {
    const bad = { ...task, rubric: [task.rubric[0], { ...task.rubric[1], points: 25 }] };
    expect(messages(validate(practicalTaskSchema, bad, practicalTaskRules))).toEqual(['评分标准: 各行配分之和为 55，应等于本题分值 60']);
  });
  it('names the notice group and row of a bad notice row', () => {
    const bad = { ...task, siteNotice: { ...task.siteNotice, materials: [{ ...row('纸'), unit: '' }] } };
    expect(messages(validate(practicalTaskSchema, bad, practicalTaskRules))).toEqual(['考场准备通知单 材料第1行 单位: 不能为空']);
  });
  it('accepts half points and rejects other fractions', () => {
    const half = { ...task, points: 60, rubric: [{ ...task.rubric[0], points: 30.5 }, { ...task.rubric[1], points: 29.5 }] };
    expect(validate(practicalTaskSchema, half, practicalTaskRules).ok).toBe(true);
    const third = { ...task, rubric: [{ ...task.rubric[0], points: 30.3 }, task.rubric[1]] };
    expect(messages(validate(practicalTaskSchema, third, practicalTaskRules))).toContain('评分标准第1行 配分: 必须是 0.5 的整数倍');
  });
});

describe('comprehensive-item', () => {
  const item = {
    title: '技术总结与答辩',
    form: '技术总结答辩',
    minutes: 30,
    instructions: ['提交 3000 字以上技术总结，答辩 30 分钟。'],
    question: '结合本人工作实际，撰写一篇制图技术总结。',
    rubric: [{ content: '技术总结', keyPoint: '内容真实完整', points: 100, criteria: '按质量分档评分' }],
    scoreSheet: [
      { aspect: '选题', keyPoint: '结合实际', points: 40 },
      { aspect: '答辩', keyPoint: '回答准确', points: 60 },
    ],
  };
  it('accepts rubric and score sheet that both add up to 100', () => {
    expect(validate(comprehensiveItemSchema, item, comprehensiveItemRules).ok).toBe(true);
  });
  it('rejects a score sheet that does not add up and a time under 30 minutes', () => {
    const bad = { ...item, minutes: 20, scoreSheet: [item.scoreSheet[0]] };
    expect(messages(validate(comprehensiveItemSchema, bad, comprehensiveItemRules))).toEqual(['考核时间: 综合评审时间不少于 30 分钟']);
    expect(messages(validate(comprehensiveItemSchema, { ...item, scoreSheet: [item.scoreSheet[0]] }, comprehensiveItemRules))).toEqual([
      '评分表: 各行配分之和为 40，应等于本题分值 100',
    ]);
  });
});

describe('paper', () => {
  const paper = {
    occupationCode: '3-01-02-07',
    level: 4,
    track: '机械',
    kind: 'theory',
    setLabel: '甲',
    minutes: 120,
    sections: [
      { title: '判断题', itemType: 'trueFalse', items: [{ itemId: 1, version: 1, points: 50 }] },
      { title: '单项选择题', itemType: 'singleChoice', items: [{ itemId: 2, version: 3, points: 50 }] },
    ],
  };
  it('accepts a paper of 100 points', () => {
    expect(validate(paperSchema, paper, paperRules).ok).toBe(true);
  });
  it('rejects points that do not add up and an item used twice', () => {
    const bad = { ...paper, sections: [...paper.sections, { title: '多选', itemType: 'multipleChoice', items: [{ itemId: 1, version: 1, points: 10 }] }] };
    expect(messages(validate(paperSchema, bad, paperRules))).toEqual(['大题: 各题分值之和为 110，应等于总分 100', '大题: 试题 1 在本套试卷中出现多次']);
  });
  it('labels sets 甲 乙 丙', () => {
    expect([0, 1, 2].map(setLabel)).toEqual(['甲', '乙', '丙']);
    expect(messages(validate(paperSchema, { ...paper, setLabel: '一' }, paperRules))).toEqual(['套别: 套别应为 甲、乙、丙…… 或 A、B、C……']);
  });
});
