import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSets } from '../../../../app/domain/assembly/checker.js';
import { assembleHeuristic } from '../../../../app/domain/assembly/heuristic/index.js';
import { buildMip, encodeSets, violatedRows } from '../../../../app/domain/assembly/mip-model/index.js';
import { resolvePointCaps } from '../../../../app/domain/assembly/point-caps.js';
import { precheck } from '../../../../app/domain/assembly/precheck/index.js';
import { pointCapOf, type AssemblyItem, type AssemblyProblem } from '../../../../app/domain/assembly/problem.js';
import type { ScopeNode } from '../../../../app/domain/element-table.js';
import { Random } from '../../../../app/domain/assembly/random.js';
import { testProblem } from '../../../helpers/assembly.js';
import { plantedProblem } from '../../../helpers/synthetic-bank.js';

const names = { nodes: { 'B-A': '基础知识' }, types: { singleChoice: '单选题' } };
const code = (k: number) => `B-A-${String(k).padStart(3, '0')}`;

/** `perPoint` single-choice items of B-A for each of the 鉴定点 B-A-001 … B-A-<points>, ids from 1. */
function pool(points: number, perPoint: number): AssemblyItem[] {
  return Array.from({ length: points * perPoint }, (_, k) => ({
    id: k + 1,
    version: 1,
    type: 'singleChoice',
    node: 'B-A',
    point: code(Math.floor(k / perPoint) + 1),
    importance: 'X' as const,
    band: 3,
    p: Math.round((0.4 + (0.4 * ((k * 37) % 101)) / 100) * 1000) / 1000,
    points: 1,
  }));
}

/** `sets` disjoint sets of `perSet` items of B-A; the paper's cap 2 unless overridden. */
function problem(items: AssemblyItem[], perSet: number, over: Partial<AssemblyProblem> = {}): AssemblyProblem {
  const sets = over.sets ?? 2;
  const each = <T>(v: T) => new Array<T>(sets).fill(v);
  return testProblem({
    sets,
    items,
    cells: [{ node: 'B-A', type: 'singleChoice', counts: each(perSet) }],
    totalPoints: each(perSet),
    pointCap: 2,
    target: each(perSet * 0.6),
    tolerance: 0.0005,
    seed: 3,
    names,
    ...over,
  });
}

const perPointOf = (items: readonly AssemblyItem[], ids: readonly number[]) => {
  const byId = new Map(items.map((i) => [i.id, i.point]));
  const out: Record<string, number> = {};
  for (const id of ids) out[byId.get(id) ?? ''] = (out[byId.get(id) ?? ''] ?? 0) + 1;
  return out;
};

describe('caps per node of the 细目表', () => {
  it('resolve per 鉴定点: its own code, else the deepest 鉴定范围, else the paper’s cap', () => {
    const scopes: ScopeNode[] = [
      {
        code: 'A',
        name: '基础',
        weight: 50,
        children: [
          { code: 'A', name: '制图', weight: 30, elements: [{ code: '001', name: '点1', importance: 'X' }] },
          {
            code: 'B',
            name: '投影',
            weight: 20,
            elements: [
              { code: '001', name: '点2', importance: 'X' },
              { code: '002', name: '点3', importance: 'Y' },
            ],
          },
        ],
      },
      { code: 'B', name: '操作', weight: 50, elements: [{ code: '001', name: '点4', importance: 'X' }] },
    ];
    const r = resolvePointCaps({ scopes }, { A: 3, 'a-b': 1, 'A-B-002': 5, 'C-D': 2, 'A-B-009': 2 });
    expect(r.caps).toEqual({ 'A-A-001': 3, 'A-B-001': 1, 'A-B-002': 5 });
    expect(r.overrides.map((o) => [o.code, o.kind, o.name, o.cap, o.points])).toEqual([
      ['A', 'scope', '基础', 3, 1],
      ['A-B', 'scope', '投影', 1, 1],
      ['A-B-002', 'point', '点3', 5, 1],
    ]);
    expect(r.unknown).toEqual(['C-D', 'A-B-009']);
    expect(resolvePointCaps({ scopes }, {})).toEqual({ caps: {}, overrides: [], unknown: [] });
  });

  it('checker: names the 鉴定点 and its own cap', () => {
    const items = pool(3, 3);
    const p = problem(items, 3, { sets: 1, pointCaps: { [code(1)]: 1 } });
    expect(pointCapOf(p, code(1))).toBe(1);
    expect(pointCapOf(p, code(2))).toBe(2);
    expect(pointCapOf(p, 'constructor')).toBe(2);
    expect(checkSets(p, [[1, 2, 4]]).map((v) => [v.group, v.message])).toEqual([['pointCap', '第1套鉴定点 B-A-001 有 2 道题，上限 1 道']]);
    expect(checkSets(p, [[1, 4, 5]])).toEqual([]);
    expect(checkSets({ ...p, pointCaps: { [code(2)]: 3 } }, [[4, 5, 6]])).toEqual([]);
  });

  it('pre-checks: count each 鉴定点 at its own cap and say so', () => {
    // 5 鉴定点 × 3 items, 10 per set: the paper's cap 2 gives 10, one 鉴定点 held to 1 gives 9.
    const items = pool(5, 3);
    expect(precheck(problem(items, 10, { sets: 1 }))).toEqual([]);
    expect(precheck(problem(items, 10, { sets: 1, pointCaps: { [code(1)]: 1 } }))).toEqual([
      { group: 'pointCap', message: '鉴定范围 B-A 基础知识 每套需要 10 道单选题，但各鉴定点每套至多 1–2 道，该范围 5 个鉴定点的单选题每套至多能选 9 道' },
    ]);
    // The whole scope held to 1 reads as before; a cap raised above the paper's makes room.
    const ones = Object.fromEntries([1, 2, 3, 4, 5].map((k) => [code(k), 1]));
    expect(precheck(problem(items, 6, { sets: 1, pointCaps: ones })).map((f) => f.message)).toEqual([
      '鉴定范围 B-A 基础知识 每套需要 6 道单选题，但每个鉴定点每套至多 1 道，该范围只有 5 个鉴定点有单选题',
    ]);
    expect(precheck(problem(items, 11, { sets: 1 })).length).toBeGreaterThan(0);
    expect(precheck(problem(items, 11, { sets: 1, pointCaps: { [code(1)]: 3 } }))).toEqual([]);
    // A minimum above the 鉴定点's own cap, and pins beyond it.
    const withMin = problem(items, 4, { sets: 1, pointCaps: { [code(1)]: 1 }, pointMin: [{ point: code(1), min: 2 }] });
    expect(precheck(withMin).map((f) => f.message)).toContain('鉴定点 B-A-001 每套至少需要 2 道题，但该鉴定点每套至多 1 道');
    const pinned = problem(items, 4, { pointCaps: { [code(1)]: 1 }, pinned: [{ itemId: 1, set: 0 }, { itemId: 2, set: 0 }] });
    expect(precheck(pinned).map((f) => f.message)).toContain('第1套指定试题中鉴定点 B-A-001 有 2 道，超过该鉴定点每套至多 1 道');
  });

  it('heuristic: holds one 鉴定点 to 1 while the others take 2', () => {
    // 6 鉴定点 × 4 items, 2 disjoint sets of 11: only 5 × 2 + 1 fits, so every cap is reached exactly.
    const items = pool(6, 4);
    const p = problem(items, 11, { pointCaps: { [code(1)]: 1 } });
    const r = assembleHeuristic(p);
    if (!r.ok) throw new Error(`expected a solution: ${r.reason}`);
    expect(checkSets(p, r.sets)).toEqual([]);
    for (const set of r.sets) {
      expect(perPointOf(items, set)).toEqual({ [code(1)]: 1, [code(2)]: 2, [code(3)]: 2, [code(4)]: 2, [code(5)]: 2, [code(6)]: 2 });
    }
    // Two 鉴定点 held to 1 leave room for 10: proven impossible by counting.
    const tight = assembleHeuristic({ ...p, pointCaps: { [code(1)]: 1, [code(2)]: 1 } });
    expect(tight.ok).toBe(false);
    if (!tight.ok) expect(tight.proven).toBe(true);
  });

  it('MIP rows: one row per 鉴定点 and set at its own cap, agreeing with the checker', () => {
    const items = pool(2, 3);
    const p = problem(items, 2, { pointCaps: { [code(1)]: 1 } });
    const mip = buildMip(p, { objective: 'minimax' });
    const caps = Array.from({ length: mip.numRow }, (_, r) => r)
      .filter((r) => mip.rowGroups[r] === 'pointCap')
      .map((r) => mip.rowUpper[r]);
    expect(caps).toEqual([1, 2, 1, 2]);
    const pointCapRows = (sets: number[][]) => violatedRows(mip, encodeSets(p, mip, sets)).filter((r) => mip.rowGroups[r] === 'pointCap');
    expect(pointCapRows([[1, 2], [4, 5]]).length).toBe(1);
    expect(checkSets(p, [[1, 2], [4, 5]]).map((v) => v.group)).toEqual(['pointCap']);
    expect(pointCapRows([[1, 4], [2, 5]])).toEqual([]);
    // Without the override no row binds 2 items (3 candidates > 2 keeps the rows, at 2).
    const plain = buildMip({ ...p, pointCaps: undefined } as AssemblyProblem, { objective: 'minimax' });
    expect(Array.from({ length: plain.numRow }, (_, r) => r).filter((r) => plain.rowGroups[r] === 'pointCap').map((r) => plain.rowUpper[r])).toEqual([2, 2, 2, 2]);
  });

  it('pre-checks stay silent and the heuristic stays valid when planted sets fit their 鉴定点’s own caps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.boolean(), (seed, tight) => {
        const { problem: planted, planted: sets } = plantedProblem({ seed, tight });
        const rng = new Random(seed, 9);
        const most = new Map<string, number>();
        for (const set of sets) for (const [point, n] of Object.entries(perPointOf(planted.items, set))) most.set(point, Math.max(most.get(point) ?? 0, n));
        // Some 鉴定点 get their own cap, at or just above what the planted sets use.
        const pointCaps: Record<string, number> = {};
        for (const [point, n] of most) if (rng.next() < 0.5) pointCaps[point] = n + rng.int(2);
        const p: AssemblyProblem = { ...planted, pointCap: planted.pointCap + rng.int(2), pointCaps };
        expect(checkSets(p, sets)).toEqual([]);
        expect(precheck(p)).toEqual([]);
        const r = assembleHeuristic(p, { restarts: 1, maxMoves: 2000 });
        if (r.ok) expect(checkSets(p, r.sets)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
