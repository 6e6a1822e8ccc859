/** `qbank items`: the id lists of the workflow steps and the readable text of every kind of item. */
import { describe, expect, it } from 'vitest';
import { parseItemIds } from '../../../app/cli/commands/items-workflow.js';
import { shownLines, type ShownItem } from '../../../app/cli/commands/items-show.js';
import { decodeItem } from '../../../app/domain/item.js';
import { samplePracticalTasks } from '../../../app/demo/sample-bank.js';

describe('item id lists', () => {
  it('take ids, ranges and comma lists, in the order given and without repeats', () => {
    expect(parseItemIds(['1', '2-5', '7,9'])).toEqual([1, 2, 3, 4, 5, 7, 9]);
    expect(parseItemIds(['9,3', '3-4', '1，2'])).toEqual([9, 3, 4, 1, 2]);
    expect(parseItemIds([])).toEqual([]);
  });

  it('refuse what is not an id, a backwards range and a range beyond the batch bound', () => {
    expect(() => parseItemIds(['2-x'])).toThrow('<试题> 应为正整数、范围（如 2-5）或逗号分隔的列表（如 7,9），收到 2-x');
    expect(() => parseItemIds(['0'])).toThrow('收到 0');
    expect(() => parseItemIds(['5-2'])).toThrow('收到 5-2');
    expect(() => parseItemIds(['1-30000'])).toThrow('试题范围 1-30000 超过 20000 道');
  });
});

const shown = (kind: string, body: unknown): ShownItem => {
  const decoded = decodeItem(kind, body);
  if (!decoded.ok) throw new Error(decoded.problems.map((p) => `${p.field}: ${p.message}`).join('；'));
  return { ...decoded.value, id: 7, version: 2, state: '待审' };
};

describe('items show', () => {
  it('prints a practical task like the documents: 试题, both notices, rubric rows with points and their total', () => {
    const lines = shownLines(shown('practical', samplePracticalTasks()[0]));
    expect(lines[0]).toMatch(/^7　技能考核　职业功能 [A-Z]　第2版　待审$/);
    expect(lines[1]).toMatch(/^试题名称：\S+　分值 \d+(\.5)? 分　时间 \d+ 分钟　形式 (实操|笔试)$/);
    for (const part of ['【试题】', '具体考核要求：', '【考场准备通知单】', '【考生准备通知单】', '【评分标准】']) expect(lines).toContain(part);
    const rubric = lines.slice(lines.indexOf('【评分标准】'));
    expect(rubric[1]).toBe('  序号\t考核内容\t考核要点\t配分\t评分标准\t扣分说明');
    expect(rubric.at(-1)).toMatch(/^ {2}合计\t\d+(\.5)? 分$/);
    expect(lines.join('\n')).not.toContain('{');
    // Requirements that carry their own numbers keep them, once; unnumbered ones are numbered.
    const requirements = lines.slice(lines.indexOf('具体考核要求：') + 1, lines.indexOf('具体考核要求：') + 3);
    expect(requirements).toEqual([expect.stringMatching(/^ {2}1\. [^\d]/), expect.stringMatching(/^ {2}2\. [^\d]/)]);
    const task = samplePracticalTasks()[0] as { requirements: string[] };
    const unnumbered = shownLines(shown('practical', { ...task, requirements: ['视图完整。', '尺寸齐全。'] }));
    expect(unnumbered.slice(unnumbered.indexOf('具体考核要求：') + 1, unnumbered.indexOf('具体考核要求：') + 3)).toEqual(['  1. 视图完整。', '  2. 尺寸齐全。']);
  });

  it('prints a 综合评审 item with 考核说明, 试题, 评分标准 and 评分表, and says when a notice is empty', () => {
    const item = {
      title: '制图技术总结与答辩',
      form: '技术总结答辩',
      minutes: 40,
      instructions: ['考生提交本人撰写的技术总结。', '答辩时间 20 分钟。'],
      question: '结合本人工作，总结一项图样标准化的改进。\n说明改进前后的效果。',
      rubric: [
        { content: '技术总结', keyPoint: '内容真实', points: 60, criteria: '按内容评分' },
        { content: '答辩', keyPoint: '回答准确', points: 40, criteria: '按回答评分', deductionNote: '超时扣 5 分' },
      ],
      scoreSheet: [
        { aspect: '技术总结', keyPoint: '内容真实、条理清楚', points: 60 },
        { aspect: '答辩', keyPoint: '回答准确', points: 40 },
      ],
    };
    expect(shownLines(shown('comprehensive', item))).toEqual([
      '7　综合评审　第2版　待审',
      '试题名称：制图技术总结与答辩　形式 技术总结答辩　分值 100 分　时间 40 分钟',
      '【考核说明】',
      '  1. 考生提交本人撰写的技术总结。',
      '  2. 答辩时间 20 分钟。',
      '【试题】',
      '  结合本人工作，总结一项图样标准化的改进。',
      '  说明改进前后的效果。',
      '【评分标准】',
      '  序号\t考核内容\t考核要点\t配分\t评分标准\t扣分说明',
      '  1\t技术总结\t内容真实\t60\t按内容评分\t',
      '  2\t答辩\t回答准确\t40\t按回答评分\t超时扣 5 分',
      '  合计\t100 分',
      '【评分表】',
      '  序号\t评价项目\t评分要点\t配分',
      '  1\t技术总结\t内容真实、条理清楚\t60',
      '  2\t答辩\t回答准确\t40',
      '  合计\t100 分',
    ]);
    const task = samplePracticalTasks()[0] as Record<string, unknown>;
    const bare = shownLines(shown('practical', { ...task, siteNotice: {}, candidateNotice: {} }));
    expect(bare.slice(bare.indexOf('【考场准备通知单】'), bare.indexOf('【评分标准】'))).toEqual([
      '【考场准备通知单】',
      '  本题无需考场另行准备。',
      '【考生准备通知单】',
      '  本题无需考生另行准备。',
    ]);
  });

  it('prints a theory item as before: title line, stem, options, key and explanation', () => {
    const lines = shownLines(shown('theory', { type: 'multipleChoice', element: 'A-B-C-001', stem: '常用单位有（ ）。', options: ['毫米', '米', '斤', '升'], key: 'BA', difficulty: 2, explanation: '长度' }));
    expect(lines).toEqual(['7　多项选择题　鉴定点 A-B-C-001　难度 2　第2版　待审', '常用单位有（ ）。', 'A. 毫米', 'B. 米', 'C. 斤', 'D. 升', '答案：AB', '解析：长度']);
  });
});
