import { describe, expect, it } from 'vitest';
import { comprehensiveItemSchema } from '../../../app/domain/comprehensive-item.js';
import { decodeItem, ITEM_KINDS, ITEM_TYPES, itemColumns, itemSchema, type Item } from '../../../app/domain/item.js';
import { PAPER_KINDS } from '../../../app/domain/paper.js';
import { THEORY_ITEM_TYPES } from '../../../app/domain/theory-item.js';
import { formatProblem } from '../../../app/domain/validation.js';
import { sampleItems, sampleTasks } from '../../helpers/documents.js';

const theory = sampleItems()[0]!;
const task = sampleTasks()[0]!;
const comprehensive = comprehensiveItemSchema.parse({
  title: '技术总结与答辩',
  form: '技术总结答辩',
  minutes: 30,
  instructions: ['提交 3000 字以上技术总结，答辩 30 分钟。'],
  question: '结合本人工作实际，撰写一篇制图技术总结。',
  rubric: [{ content: '技术总结', keyPoint: '内容真实完整', points: 100, criteria: '按质量分档评分' }],
  scoreSheet: [{ aspect: '选题', keyPoint: '结合实际', points: 100 }],
});
const ITEMS: readonly Item[] = [
  { kind: 'theory', body: theory },
  { kind: 'practical', body: task },
  { kind: 'comprehensive', body: comprehensive },
];

describe('item kinds and types', () => {
  it('lists the three kinds once (papers use the same) and every 题型', () => {
    expect(ITEM_KINDS).toEqual(['theory', 'practical', 'comprehensive']);
    expect(PAPER_KINDS).toBe(ITEM_KINDS);
    expect(ITEM_TYPES).toEqual([...THEORY_ITEM_TYPES, 'practical', 'comprehensive']);
  });
});

describe('itemColumns', () => {
  it('derives type, 鉴定点 and difficulty of a theory item from its body', () => {
    expect(itemColumns({ kind: 'theory', body: theory })).toEqual({ kind: 'theory', type: theory.type, binding: theory.element, difficulty: theory.difficulty });
  });

  it('binds a practical task to its 职业功能 and a 综合评审 item to nothing, neither with a difficulty', () => {
    expect(itemColumns({ kind: 'practical', body: task })).toEqual({ kind: 'practical', type: 'practical', binding: task.module, difficulty: null });
    expect(itemColumns({ kind: 'comprehensive', body: comprehensive })).toEqual({ kind: 'comprehensive', type: 'comprehensive', binding: '', difficulty: null });
  });

  it('follows every theory type', () => {
    for (const body of sampleItems().filter((t, k, all) => all.findIndex((u) => u.type === t.type) === k)) {
      expect(itemColumns({ kind: 'theory', body }).type).toBe(body.type);
    }
  });
});

describe('decodeItem', () => {
  it('reads a saved body back (JSON round trip) as the same item of its kind', () => {
    for (const item of ITEMS) {
      const decoded = decodeItem(item.kind, JSON.parse(JSON.stringify(item.body)));
      expect(decoded).toEqual({ ok: true, value: item, warnings: [] });
    }
  });

  it('agrees with the discriminated union schema', () => {
    for (const item of ITEMS) expect(itemSchema.parse(JSON.parse(JSON.stringify(item)))).toEqual(item);
    expect(itemSchema.safeParse({ kind: 'practical', body: theory }).success).toBe(false);
  });

  it('names the fields of a body that does not fit its kind', () => {
    const messages = (kind: string, body: unknown) => {
      const r = decodeItem(kind, body);
      return r.ok ? [] : r.problems.map((p) => formatProblem(p));
    };
    expect(messages('theory', { ...theory, stem: '' })).toEqual(['题干: 不能为空']);
    expect(messages('practical', theory)).toContain('职业功能: 不能为空');
    expect(messages('comprehensive', null).length).toBeGreaterThan(0);
    expect(messages('essay', theory)).toEqual(['类别: 未知的试题类别 essay']);
  });
});
