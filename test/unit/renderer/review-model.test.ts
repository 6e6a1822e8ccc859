/** The 审核 tab's pure side: the views by role, what counts as judged, the next item, the keys, the sets and 细目表 lines. */
import { describe, expect, it } from 'vitest';
import type { TheoryElementTable } from '../../../app/domain/element-table.js';
import type { PracticalStructure } from '../../../app/domain/practical-structure.js';
import { elementLine, judgedKeys, keyOf, myVerdicts, nextUnjudged, setsOf, verdictOfKey, viewsFor, type AssignedSet, type MyVerdict } from '../../../app/renderer/src/pages/review/model.js';

describe('viewsFor', () => {
  it('offers each role the views whose calls it may make, and starts where its work is', () => {
    expect(viewsFor(['manager'])).toEqual({ views: ['panel', 'workspace', 'feedback', 'signoff', 'submissions'], start: 'panel' });
    expect(viewsFor(['reviewer'])).toEqual({ views: ['workspace', 'feedback', 'signoff'], start: 'workspace' });
    expect(viewsFor(['author'])).toEqual({ views: ['feedback', 'signoff'], start: 'feedback' });
    expect(viewsFor(['auditor'])).toEqual({ views: [], start: 'signoff' });
  });
});

describe('judged and next', () => {
  const items = [
    { itemId: 1, version: 1 },
    { itemId: 2, version: 2 },
    { itemId: 3, version: 1 },
  ];
  const rows = items.map((i) => ({ key: keyOf(i) }));

  it('counts the expert’s own verdicts, and a version revised after the panel’s 修改后通过 as judged', () => {
    const mine = new Map<string, MyVerdict>([['1@1', { verdict: '通过', comment: '' }]]);
    // item 2 was judged 修改后通过 (by someone else) in version 1: version 2 is the revision the panel asked for
    const others = [{ itemId: 2, version: 1, personId: 9, verdict: '修改后通过' as const }];
    expect([...judgedKeys(items, mine, others, 7)].sort()).toEqual(['1@1', '2@2']);
    expect([...judgedKeys(items, mine, [], 7)]).toEqual(['1@1']);
  });

  it('finds the next unjudged row after the current one, wrapping round, -1 when all are judged', () => {
    expect(nextUnjudged(rows, new Set(['1@1']), 0)).toBe(1);
    expect(nextUnjudged(rows, new Set(['3@1']), 1)).toBe(0);
    expect(nextUnjudged(rows, new Set(['1@1', '2@2', '3@1']), 2)).toBe(-1);
    expect(nextUnjudged(rows, new Set(), -1)).toBe(0);
  });

  it('takes the acting expert’s verdicts only', () => {
    const all = [
      { itemId: 1, version: 1, personId: 7, verdict: '不通过' as const, comment: '答案有误' },
      { itemId: 1, version: 1, personId: 8, verdict: '通过' as const, comment: '' },
    ];
    expect([...myVerdicts(all, 7)]).toEqual([['1@1', { verdict: '不通过', comment: '答案有误' }]]);
    expect(myVerdicts(all, null).size).toBe(0);
  });

  it('maps 1, 2, 3 to the verdicts and nothing else', () => {
    expect(['1', '2', '3', '4', 'c'].map(verdictOfKey)).toEqual(['通过', '修改后通过', '不通过', null, null]);
  });
});

describe('where an item is', () => {
  const set = (setLabel: string, items: AssignedSet['items']): AssignedSet => ({ paperId: 1, kind: 'theory', kindName: '理论知识', setLabel, status: '已审定', items });

  it('names every set pinning that version, with the place and points', () => {
    const sets = [set('甲', [{ position: 3, section: '判断题', itemId: 5, version: 1, points: 1 }]), set('乙', [{ position: 7, section: '判断题', itemId: 5, version: 2, points: 1 }])];
    expect(setsOf(sets, 5, 1)).toEqual(['理论知识 甲套 第 3 题（1 分）']);
    expect(setsOf(sets, 6, 1)).toEqual([]);
  });

  it('gives the 鉴定点 line of the 细目表 and the 职业功能 of the 内容结构表', () => {
    const table = {
      occupationCode: '3-01-02-07',
      level: 4,
      track: '',
      scopes: [{ code: 'A', name: '基本要求', weight: 100, children: [{ code: 'B', name: '基础知识', weight: 100, elements: [{ code: '001', name: '投影原理', importance: 'X' }] }] }],
    } as TheoryElementTable;
    const structure = { modules: [{ code: 'C', name: '图档管理' }] } as PracticalStructure;
    const tables = { theory: { table }, practical: { structure } };
    expect(elementLine(tables, { kind: 'theory', binding: 'A-B-001' })).toBe('A-B-001 投影原理（重要程度 X）— A 基本要求 / B 基础知识');
    expect(elementLine(tables, { kind: 'theory', binding: 'A-B-002' })).toBeNull();
    expect(elementLine(tables, { kind: 'practical', binding: 'C' })).toBe('职业功能 C 图档管理');
    expect(elementLine(undefined, { kind: 'practical', binding: 'C' })).toBeNull();
  });
});
