import { describe, expect, it } from 'vitest';
import { checkSets } from '../../../../app/domain/assembly/checker.js';
import {
  DEFAULT_SETTINGS,
  comprehensiveBlueprint,
  estimatedP,
  practicalBlueprint,
  theoryBlueprint,
  type CandidateItem,
} from '../../../../app/domain/assembly/blueprint.js';
import { practicalSlots, THEORY_PRESETS, theoryStructureRules, type TheoryStructure } from '../../../../app/domain/assembly/paper-structure.js';
import { assemblyStatistics } from '../../../../app/domain/assembly/set-statistics.js';
import type { ScopeNode } from '../../../../app/domain/element-table.js';
import type { StructureLevel } from '../../../../app/domain/practical-structure.js';

/** 细目表: A (40) with leaves A-A (25), A-B (15); B (60) leaf; points 3 + 2 + 5, one of them Z. */
const scopes: ScopeNode[] = [
  {
    code: 'A',
    name: '基础',
    weight: 40,
    children: [
      {
        code: 'A',
        name: '制图',
        weight: 25,
        elements: [
          { code: '001', name: '点1', importance: 'X' },
          { code: '002', name: '点2', importance: 'X' },
          { code: '003', name: '点3', importance: 'Y' },
        ],
      },
      {
        code: 'B',
        name: '投影',
        weight: 15,
        elements: [
          { code: '001', name: '点4', importance: 'X' },
          { code: '002', name: '点5', importance: 'Z' },
        ],
      },
    ],
  },
  {
    code: 'B',
    name: '操作',
    weight: 60,
    elements: ['001', '002', '003', '004', '005'].map((code) => ({ code, name: `点${code}`, importance: 'X' as const })),
  },
];

const structure: TheoryStructure = {
  minutes: 90,
  totalPoints: 100,
  sections: [
    { type: 'trueFalse', count: 4, pointsEach: 5 },
    { type: 'singleChoice', count: 16, pointsEach: 5 },
  ],
};

function items(): CandidateItem[] {
  const points = ['A-A-001', 'A-A-002', 'A-A-003', 'A-B-001', 'A-B-002', 'B-001', 'B-002', 'B-003', 'B-004', 'B-005'];
  const out: CandidateItem[] = [];
  let id = 1;
  for (const binding of points) {
    for (let k = 0; k < 8; k++) {
      out.push({ id, version: 1, type: k % 4 === 0 ? 'trueFalse' : 'singleChoice', binding, difficulty: (k % 5) + 1, p: null });
      id++;
    }
  }
  out.push({ id: 999, version: 1, type: 'multipleChoice', binding: 'B-001', difficulty: 3, p: null }); // 题型 not in the paper
  out.push({ id: 998, version: 1, type: 'singleChoice', binding: 'Z-009', difficulty: 3, p: null }); // not in the 细目表
  return out;
}

describe('paper structures', () => {
  it('presets add up to 100 points and the rules name a wrong total', () => {
    for (const preset of Object.values(THEORY_PRESETS)) expect(theoryStructureRules(preset.structure as unknown as TheoryStructure)).toEqual([]);
    const wrong = { ...structure, sections: [{ type: 'trueFalse' as const, count: 20, pointsEach: 1 }, { type: 'trueFalse' as const, count: 10, pointsEach: 1 }] };
    const messages = theoryStructureRules(wrong).map((p) => p.message);
    expect(messages).toContain('判断题重复出现');
    expect(messages.some((m) => m.includes('= 30 分，应为 100 分'))).toBe(true);
  });

  it('practical slots: 必考 in every set, 选考 rotated', () => {
    const level: StructureLevel = {
      level: 3,
      selectCount: 1,
      entries: [
        { module: 'A', mode: '必考', weight: 60, minutes: 120, form: '实操' },
        { module: 'B', mode: '选考', weight: 40, minutes: 60, form: '实操' },
        { module: 'C', mode: '选考', weight: 40, minutes: 60, form: '实操' },
      ],
    };
    const slots = practicalSlots(level, 3).map((set) => set.map((s) => s.module).join(''));
    expect(slots).toEqual(['AB', 'AC', 'AB']);
  });
});

describe('theory blueprint', () => {
  const settings = { ...DEFAULT_SETTINGS, minXPercent: 50, maxZPercent: 20 };
  const { blueprint, problem } = theoryBlueprint({ table: { scopes }, structure, items: items(), settings });

  it('apportions the paper over the leaves by weight, children adding up to parents', () => {
    const perSet = Object.fromEntries(blueprint.nodes.map((n) => [n.path, n.perSet]));
    expect(perSet).toEqual({ A: 8, 'A-A': 5, 'A-B': 3, B: 12 });
    const leafTypes = blueprint.nodes.filter((n) => n.isLeaf).map((n) => n.perSetByType.trueFalse);
    expect(leafTypes.reduce((a, b) => a + b, 0)).toBe(4);
    expect(problem.cells.reduce((a, c) => a + (c.counts[0] ?? 0), 0)).toBe(20);
  });

  it('keeps only items of the paper’s 题型 bound to a 鉴定点 of the table, with p estimated from the level', () => {
    expect(problem.items.map((i) => i.id)).not.toContain(999);
    expect(problem.items.map((i) => i.id)).not.toContain(998);
    const item = problem.items.find((i) => i.id === 1);
    expect(item).toMatchObject({ node: 'A-A', point: 'A-A-001', importance: 'X', band: 1, points: 5, p: estimatedP(1) });
  });

  it('chooses the smallest per-point cap that fits and shares bands 1:2:4:2:1', () => {
    // B needs 12 items from 5 points → cap 3; A-A 5 from 3 → 2.
    expect(blueprint.pointCap).toBe(3);
    expect(blueprint.bands).toEqual([2, 4, 8, 4, 2]);
    expect(blueprint.minX).toBe(10);
    expect(blueprint.maxZ).toBe(4);
    expect(problem.target[0]).toBeCloseTo(2 * 0.9 + 4 * 0.78 + 8 * 0.63 + 4 * 0.48 + 2 * 0.33, 9);
  });

  it('honours a requested mean difficulty, a fixed cap and X coverage', () => {
    const b = theoryBlueprint({ table: { scopes }, structure, items: items(), settings: { ...settings, difficultyMean: 0.7, pointCap: 4, coverXPoints: true } });
    expect(b.problem.target).toEqual([14, 14, 14].map((x) => expect.closeTo(x, 9) as unknown as number));
    expect(b.problem.pointCap).toBe(4);
    expect(b.problem.pointMin.map((m) => m.point)).toEqual(['A-A-001', 'A-A-002', 'A-B-001', 'B-001', 'B-002', 'B-003', 'B-004', 'B-005']);
  });

  it('resolves caps set at nodes of the 细目表 per 鉴定点 (the most specific wins) and lists them', () => {
    expect(problem.pointCaps).toBeUndefined();
    expect(blueprint.pointCapOverrides).toEqual([]);
    const b = theoryBlueprint({ table: { scopes }, structure, items: items(), settings: { ...settings, pointCapAt: { a: 2, 'A-B': 1, ' a-b-002 ': 4 } } });
    expect(b.problem.pointCap).toBe(3);
    expect(b.problem.pointCaps).toEqual({ 'A-A-001': 2, 'A-A-002': 2, 'A-A-003': 2, 'A-B-001': 1, 'A-B-002': 4 });
    expect(b.blueprint.pointCapOverrides).toEqual([
      { code: 'A', kind: 'scope', name: '基础', cap: 2, points: 3 },
      { code: 'A-B', kind: 'scope', name: '投影', cap: 1, points: 1 },
      { code: 'A-B-002', kind: 'point', name: '点5', cap: 4, points: 1 },
    ]);
  });

  it('statistics of hand-made sets count nodes, 题型, importance, bands and overlap', () => {
    const pick = (s: number) =>
      problem.cells.flatMap((c) => problem.items.filter((i) => i.node === c.node && i.type === c.type).slice(s * 2, s * 2 + (c.counts[s] ?? 0)).map((i) => i.id));
    const sets = [pick(0), pick(1), pick(1)];
    const st = assemblyStatistics(problem, sets, ['甲', '乙', '丙']);
    expect(st.sets[0]?.items).toBe(20);
    expect(st.sets[0]?.byNode['B']).toEqual({ trueFalse: expect.any(Number) as number, singleChoice: expect.any(Number) as number });
    expect(st.overlap[1]?.[2]).toBe(20);
    expect(st.spread).toBeCloseTo(Math.abs((st.sets[0]?.sumP ?? 0) - (st.sets[1]?.sumP ?? 0)), 6);
    expect(checkSets(problem, sets).some((v) => v.group === 'overlap')).toBe(true);
  });
});

describe('practical and 综合评审 blueprints', () => {
  it('one task per module and set, points from the tasks, 选考 rotation in the cells', () => {
    const level: StructureLevel = {
      level: 3,
      selectCount: 1,
      entries: [
        { module: 'A', mode: '必考', weight: 70, minutes: 120, form: '实操' },
        { module: 'B', mode: '选考', weight: 30, minutes: 60, form: '实操' },
        { module: 'C', mode: '选考', weight: 30, minutes: 60, form: '笔试' },
      ],
    };
    const tasks: CandidateItem[] = [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, version: 1, type: 'practical', binding: id <= 3 ? 'A' : id <= 5 ? 'B' : 'C', difficulty: null, p: null, points: id <= 3 ? 70 : 30 }));
    const { problem, blueprint } = practicalBlueprint({ level, moduleNames: { A: '二维', B: '三维', C: '管理' }, tasks, settings: DEFAULT_SETTINGS });
    expect(problem.cells.map((c) => [c.node, ...c.counts])).toEqual([
      ['A', 1, 1, 1],
      ['B', 1, 0, 1],
      ['C', 0, 1, 0],
    ]);
    expect(problem.totalPoints).toEqual([100, 100, 100]);
    expect(blueprint.slots?.[1]?.map((s) => s.module)).toEqual(['A', 'C']);
  });

  it('综合评审: one item per set', () => {
    const { problem } = comprehensiveBlueprint({ items: [1, 2, 3].map((id) => ({ id, version: 1, type: 'comprehensive', binding: '', difficulty: 3, p: null, points: 100 })), settings: DEFAULT_SETTINGS });
    expect(problem.cells).toEqual([{ node: 'R', type: 'comprehensive', counts: [1, 1, 1] }]);
    expect(checkSets(problem, [[1], [2], [3]])).toEqual([]);
    expect(checkSets(problem, [[1], [1], [3]]).map((v) => v.group)).toEqual(['overlap']);
  });
});
