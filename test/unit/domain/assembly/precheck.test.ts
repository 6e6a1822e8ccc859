import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSets } from '../../../../app/domain/assembly/checker.js';
import { eligibility } from '../../../../app/domain/assembly/eligibility.js';
import { TransportFlow } from '../../../../app/domain/assembly/min-cost-flow.js';
import { precheck } from '../../../../app/domain/assembly/precheck/index.js';
import type { AssemblyItem, AssemblyProblem } from '../../../../app/domain/assembly/problem.js';
import { Random } from '../../../../app/domain/assembly/random.js';
import { testProblem } from '../../../helpers/assembly.js';
import { plantedProblem, syntheticBank } from '../../../helpers/synthetic-bank.js';

const names = {
  nodes: { B: '相关知识', 'B-A': '基础知识', 'B-B': '识读零件图', 'A-B-C': '测量' },
  types: { trueFalse: '判断题', singleChoice: '单选题', multipleChoice: '多选题' },
};

let nextId = 1;
function item(over: Partial<AssemblyItem> = {}): AssemblyItem {
  const id = nextId;
  nextId += 1;
  return { id, version: 1, type: 'singleChoice', node: 'B-A', point: `B-A-${String(id).padStart(3, '0')}`, importance: 'X', band: 3, p: 0.6, points: 1, ...over };
}

function items(n: number, over: Partial<AssemblyItem> | ((k: number) => Partial<AssemblyItem>) = {}): AssemblyItem[] {
  return Array.from({ length: n }, (_, k) => item(typeof over === 'function' ? over(k) : over));
}

/** A problem of N sets over the given items; totals follow the cells (1 point per item). */
function problem(over: Partial<AssemblyProblem> & Pick<AssemblyProblem, 'items' | 'cells'>): AssemblyProblem {
  const sets = over.sets ?? 3;
  const perSet = Array.from({ length: sets }, (_, s) => over.cells.reduce((a, c) => a + (c.counts[s] ?? 0), 0));
  return testProblem({ sets, totalPoints: perSet, pointCap: 99, target: perSet.map((n) => n * 0.6), tolerance: 0.0005, names, ...over });
}
const cell = (node: string, type: string, count: number, sets = 3) => ({ node, type, counts: new Array<number>(sets).fill(count) });
const messages = (p: AssemblyProblem) => precheck(p).map((f) => f.message);

describe('precheck', () => {
  describe('#precheck (题型, cells)', () => {
    it('names a 题型 short of items across all scopes, with the sets arithmetic', () => {
      const p = problem({ items: items(21, { type: 'multipleChoice' }), cells: [cell('B-A', 'multipleChoice', 10)] });
      const found = precheck(p);
      expect(found).toContainEqual({ group: 'cells', message: '多选题需要 30 道（3 套 × 10），题库中只有 21 道已入库试题' });
      expect(found).toContainEqual({ group: 'cells', message: '鉴定范围 B-A 基础知识 多选题需要 30 道（3 套 × 10），题库中只有 21 道已入库试题' });
    });

    it('names the cell short of items and mentions excluded ones', () => {
      const pool = [...items(30), ...items(3)];
      const p = problem({ items: pool, cells: [cell('B-A', 'singleChoice', 14)], excluded: pool.slice(30).map((i) => i.id) });
      expect(messages(p)).toContain('鉴定范围 B-A 基础知识 单选题需要 42 道（3 套 × 14），题库中只有 30 道已入库试题（另有 3 道已排除）');
    });

    it('lists different per-set quotas', () => {
      const p = problem({ items: items(20), cells: [{ node: 'B-A', type: 'singleChoice', counts: [10, 12, 10] }] });
      expect(messages(p)).toContain('单选题需要 32 道（各套分别 10、12、10 道），题库中只有 20 道已入库试题');
    });

    it('uses the Bonferroni bound when sets may share items', () => {
      const base = { items: items(21, { type: 'multipleChoice' }), cells: [cell('B-A', 'multipleChoice', 10)] };
      expect(messages(problem({ ...base, overlap: 2 }))).toContain(
        '多选题需要 30 道（3 套 × 10），套间每两套至多重复 2 道，至少需要 24 道不同试题，题库中只有 21 道已入库试题',
      );
      // 30 − 3 × 3 = 21 distinct items suffice.
      expect(precheck(problem({ ...base, overlap: 3 }))).toEqual([]);
    });

    it('still needs as many items as one set takes, whatever the overlap', () => {
      const p = problem({ items: items(8), cells: [cell('B-A', 'singleChoice', 10)], overlap: 50 });
      expect(messages(p)).toContain('单选题每套至多需要 10 道，题库中只有 8 道已入库试题');
    });

    it('does not count items without a cell, excluded items or items that are their own enemy', () => {
      const own = items(10);
      const other = items(10, { node: 'B-B' });
      const p = problem({ sets: 1, items: [...own, ...other], cells: [cell('B-A', 'singleChoice', 10, 1)], excluded: [own[0]?.id ?? 0], enemies: [[own[1]?.id ?? 0, own[1]?.id ?? 0]] });
      expect(messages(p)).toContain('单选题需要 10 道（1 套 × 10），题库中只有 8 道已入库试题（另有 1 道已排除）');
    });
  });

  describe('#precheck (bands)', () => {
    it('names a difficulty band short of items', () => {
      const pool = [...items(21, { band: 5 }), ...items(200, { band: 3 })];
      const p = problem({ items: pool, cells: [cell('B-A', 'singleChoice', 20)], bands: new Array(3).fill([0, 0, 10, 0, 10]) });
      expect(precheck(p)).toContainEqual({ group: 'bands', message: '难度 5 级试题需要 30 道（3 套 × 10），题库中只有 21 道已入库试题' });
    });

    it('reports band totals that differ from the cell totals', () => {
      const p = problem({ items: items(600), cells: [cell('B-A', 'singleChoice', 170)], bands: new Array(3).fill([16, 32, 64, 32, 16]) });
      expect(precheck(p)).toContainEqual({ group: 'bands', message: '每套难度分布合计 160 道，与各鉴定范围题型题量合计 170 道不一致' });
    });

    it('explains a clash between the band split and the cells by a minimum cut', () => {
      // B-A has only easy items (band 1) but each set takes 5 of them while band 1 allows 2.
      const pool = [...items(30, { band: 1 }), ...items(30, { node: 'B-B', band: 3 })];
      const p = problem({ items: pool, cells: [cell('B-A', 'singleChoice', 5), cell('B-B', 'singleChoice', 5)], bands: new Array(3).fill([2, 0, 8, 0, 0]) });
      const found = precheck(p);
      expect(found).toHaveLength(1);
      expect(found[0]?.group).toBe('bands');
      expect(found[0]?.message).toBe(
        '难度分布与各鉴定范围题型题量无法同时满足：每套鉴定范围 B-A 基础知识 单选题共需 5 道，难度 1 级试题按难度分布共只要 2 道，其他难度级别的已入库试题只有 0 道',
      );
    });

    it('checks the split of all disjoint sets together', () => {
      // Per set B-A takes 1 easy and 2 hard items; three sets would need 7 easy ones but band 1 wants 3.
      const pool = [...items(10, { band: 1 }), ...items(2, { band: 3 }), ...items(10, { node: 'B-B', band: 1 }), ...items(20, { node: 'B-B', band: 3 })];
      const p = problem({ items: pool, cells: [cell('B-A', 'singleChoice', 3), cell('B-B', 'singleChoice', 3)], bands: new Array(3).fill([1, 0, 5, 0, 0]) });
      expect(precheck(p)).toEqual([
        {
          group: 'bands',
          message: '难度分布与各鉴定范围题型题量无法同时满足：3 套合计，鉴定范围 B-A 基础知识 单选题共需 9 道，难度 1 级试题按难度分布 3 套共只要 3 道，其他难度级别的已入库试题只有 2 道',
        },
      ]);
      // With an overlap the joint bound does not hold and nothing is reported.
      expect(precheck({ ...p, overlap: 2 })).toEqual([]);
    });
  });

  describe('#precheck (鉴定点)', () => {
    it('names a 鉴定点 minimum the bank cannot give', () => {
      const pool = [...items(1, { node: 'A-B-C', point: 'A-B-C-003' }), ...items(30, { node: 'A-B-C', point: 'A-B-C-001' })];
      const p = problem({ items: pool, cells: [cell('A-B-C', 'singleChoice', 3)], pointMin: [{ point: 'A-B-C-003', min: 1 }] });
      expect(precheck(p)).toEqual([{ group: 'pointMin', message: '鉴定点 A-B-C-003 需要 3 道题（3 套 × 1），题库中只有 1 道已入库试题' }]);
    });

    it('rejects a minimum above the per-point cap', () => {
      const p = problem({ items: items(30, { point: 'B-A-001' }), cells: [cell('B-A', 'singleChoice', 3)], pointCap: 2, pointMin: [{ point: 'B-A-001', min: 3 }] });
      expect(messages(p)).toContain('鉴定点 B-A-001 每套至少需要 3 道题，但每个鉴定点每套至多 2 道');
    });

    it('counts the minimums that must fit one set', () => {
      const pool = items(40, (k) => ({ point: `B-A-${String((k % 20) + 1).padStart(3, '0')}` }));
      const pointMin = Array.from({ length: 20 }, (_, k) => ({ point: `B-A-${String(k + 1).padStart(3, '0')}`, min: 1 }));
      const p = problem({ sets: 1, items: pool, cells: [cell('B-A', 'singleChoice', 12, 1)], pointMin });
      expect(precheck(p)).toContainEqual({ group: 'pointMin', message: '必须覆盖的鉴定点有 20 个，每套至少需要 20 道题，但每套只有 12 道题' });
      expect(messages(p)).toContain('鉴定范围 B-A 基础知识 单选题每套只有 12 道题，但有 20 个必须覆盖的鉴定点只能从中选题，每套至少需要 20 道');
    });

    it('explains the per-point cap of a cell (cap 1 and cap 2)', () => {
      const pool = items(45, (k) => ({ point: `B-A-${String((k % 9) + 1).padStart(3, '0')}` }));
      const p = problem({ items: pool, cells: [cell('B-A', 'singleChoice', 14)], pointCap: 1 });
      expect(precheck(p)).toEqual([
        { group: 'pointCap', message: '鉴定范围 B-A 基础知识 每套需要 14 道单选题，但每个鉴定点每套至多 1 道，该范围只有 9 个鉴定点有单选题' },
      ]);
      const five = items(45, (k) => ({ point: `B-A-${String((k % 5) + 1).padStart(3, '0')}` }));
      expect(messages(problem({ items: five, cells: [cell('B-A', 'singleChoice', 14)], pointCap: 2 }))).toEqual([
        '鉴定范围 B-A 基础知识 每套需要 14 道单选题，但每个鉴定点每套至多 2 道，该范围 5 个鉴定点的单选题每套至多能选 10 道',
      ]);
    });

    it('explains the cap over all disjoint sets together', () => {
      const pool = [...items(60, (k) => ({ point: `B-A-${String((k % 6) + 1).padStart(3, '0')}` })), ...items(2, { point: 'B-A-007' })];
      const p = problem({ items: pool, cells: [cell('B-A', 'singleChoice', 14)], pointCap: 2 });
      expect(messages(p)).toEqual(['鉴定范围 B-A 基础知识 单选题 3 套共需 42 道，但每个鉴定点每套至多 2 道且各套不能重复，该范围 7 个鉴定点至多能提供 38 道']);
      expect(precheck({ ...p, overlap: 4 })).toEqual([]);
    });

    it('applies the cap across the 题型 of a scope', () => {
      const pool = [...items(5, { point: 'B-A-001' }), ...items(5, { point: 'B-A-001', type: 'trueFalse' })];
      const p = problem({ sets: 1, items: pool, cells: [cell('B-A', 'singleChoice', 1, 1), cell('B-A', 'trueFalse', 1, 1)], pointCap: 1 });
      expect(messages(p)).toEqual(['鉴定范围 B-A 基础知识 每套需要 2 道题，但每个鉴定点每套至多 1 道，该范围只有 1 个鉴定点有试题']);
    });
  });

  describe('#precheck (importance, points)', () => {
    it('needs enough X items per set and in all', () => {
      const pool = [...items(10, { importance: 'X' }), ...items(40, { importance: 'Y' })];
      const p = problem({ items: pool, cells: [cell('B-A', 'singleChoice', 10)], importance: { minX: [4, 4, 4], maxZ: [10, 10, 10] } });
      expect(precheck(p)).toEqual([{ group: 'importance', message: '核心要素（X）试题需要至少 12 道（3 套 × 4），题库中只有 10 道 X 类已入库试题' }]);
      const one = problem({ sets: 1, items: pool, cells: [cell('B-A', 'singleChoice', 10, 1)], importance: { minX: [11], maxZ: [10] } });
      expect(messages(one)).toContain('核心要素（X）试题每套至少需要 11 道，但按各鉴定范围题型题量，每套至多能选 10 道 X 类已入库试题');
    });

    it('counts the Z items a set cannot avoid', () => {
      const pool = [...items(5, { importance: 'X' }), ...items(40, { importance: 'Z' })];
      const p = problem({ sets: 1, items: pool, cells: [cell('B-A', 'singleChoice', 10, 1)], importance: { minX: [0], maxZ: [3] } });
      expect(precheck(p)).toEqual([
        { group: 'importance', message: '辅助要素（Z）试题每套至多 3 道，但鉴定范围 B-A 基础知识 单选题的非 Z 类已入库试题不足，每套至少要选 5 道 Z 类试题' },
      ]);
    });

    it('finds total points the cells cannot make', () => {
      const fixed = problem({ items: items(60, { points: 0.5 }), cells: [cell('B-A', 'singleChoice', 10)], totalPoints: [6, 6, 6] });
      expect(precheck(fixed)).toEqual([{ group: 'points', message: '按各鉴定范围题型题量，每套卷面总分只能是 5 分，应为 6 分' }]);
      const mixed = problem({ items: items(60, (k) => ({ points: k % 2 === 0 ? 1 : 2 })), cells: [cell('B-A', 'singleChoice', 10)], totalPoints: [25, 25, 25] });
      expect(messages(mixed)).toEqual(['按各鉴定范围题型题量，每套卷面总分只能在 10–20 分之间，应为 25 分']);
    });
  });

  describe('#precheck (pinned)', () => {
    it('names unknown, excluded, ineligible and misplaced pinned items', () => {
      const pool = items(30);
      const stray = item({ node: 'C-C' });
      const [a, b] = pool;
      const p = problem({
        items: [...pool, stray],
        cells: [cell('B-A', 'singleChoice', 5)],
        excluded: [b?.id ?? 0],
        pinned: [
          { itemId: 99_999, set: 0 },
          { itemId: b?.id ?? 0, set: 0 },
          { itemId: stray.id, set: 1 },
          { itemId: a?.id ?? 0, set: 3 },
        ],
      });
      expect(precheck(p)).toEqual([
        { group: 'pinned', message: '指定试题 99999 不在题库中' },
        { group: 'pinned', message: `指定试题 ${b?.id} 已被排除` },
        { group: 'pinned', message: `指定试题 ${stray.id}（C-C，单选题）不属于任何组卷题量` },
        { group: 'pinned', message: `指定试题 ${a?.id} 指定到第 4 套，但只组 3 套` },
      ]);
    });

    it('finds pinned enemies, pins beyond quotas and caps, and pins shared by sets', () => {
      const pool = items(30, { point: 'B-A-001', band: 5, importance: 'Z' });
      const ids = pool.map((i) => i.id);
      const p = problem({
        items: pool,
        cells: [cell('B-A', 'singleChoice', 2)],
        bands: new Array(3).fill([0, 0, 0, 0, 2]),
        importance: { minX: [0, 0, 0], maxZ: [2, 2, 2] },
        pointCap: 2,
        enemies: [[ids[0] ?? 0, ids[1] ?? 0]],
        pinned: [0, 1, 2].map((k) => ({ itemId: ids[k] ?? 0, set: 0 })).concat([{ itemId: ids[0] ?? 0, set: 1 }]),
      });
      const found = messages(p);
      expect(found).toContain(`指定试题使第1套与第2套重复 1 道，上限 0 道`);
      expect(found).toContain(`指定试题 ${ids[0]} 和 ${ids[1]} 互斥，却都指定在第1套`);
      expect(found).toContain('第1套指定了鉴定范围 B-A 基础知识 单选题 3 道，超过该套题量 2 道');
      expect(found).toContain('第1套指定试题中鉴定点 B-A-001 有 3 道，超过每个鉴定点每套至多 2 道');
      expect(found).toContain('第1套指定试题中难度 5 级有 3 道，超过难度分布 2 道');
      expect(found).toContain('第1套指定了 3 道辅助要素（Z）试题，超过上限 2 道');
      expect(precheck(p).every((f) => f.group === 'pinned')).toBe(true);
    });

    it('rejects a pinned item that is its own enemy', () => {
      const pool = items(10);
      const id = pool[0]?.id ?? 0;
      const p = problem({ items: pool, cells: [cell('B-A', 'singleChoice', 1)], enemies: [[id, id]], pinned: [{ itemId: id, set: 0 }] });
      expect(messages(p)).toEqual([`指定试题 ${id} 被列为与自身互斥，任何一套都不能使用`]);
    });
  });

  describe('#precheck (parameters)', () => {
    it('rejects impossible parameters', () => {
      const base = { items: items(30), cells: [cell('B-A', 'singleChoice', 2)] };
      expect(precheck(problem({ ...base, sets: 0 }))).toEqual([{ group: 'cells', message: '套数应为不小于 1 的整数，实际为 0' }]);
      expect(messages(problem({ ...base, tolerance: -1 }))).toEqual(['平行度容差应不小于 0，实际为 -1']);
      expect(messages(problem({ ...base, overlap: -1 }))).toEqual(['套间重复题量上限为 -1，无法满足']);
      expect(messages(problem({ ...base, importance: { minX: [0, 0, 0], maxZ: [-1, 0, 0] } }))).toEqual(['第1套辅助要素（Z）试题上限为 -1 道，无法满足']);
      expect(messages(problem({ ...base, cells: [{ node: 'B-A', type: 'singleChoice', counts: [2, -1, 2] }] }))).toEqual([
        '鉴定范围 B-A 基础知识 单选题第2套题量为 -1，应为不小于 0 的整数',
      ]);
      expect(messages(problem({ ...base, cells: [cell('B-A', 'singleChoice', 2), cell('B-A', 'singleChoice', 3)] }))).toEqual([
        '鉴定范围 B-A 基础知识 单选题重复列出，第1套题量分别为 2 和 3 道',
      ]);
      expect(messages(problem({ ...base, bands: [[0, 0, 2.5, 0, 0], [0, 0, 2, 0, 0], [0, 0, 2, 0, 0]] }))).toContain('第1套难度 3 级题量为 2.5，应为不小于 0 的整数');
    });

    it('finds nothing in a feasible problem, with 1 set, or with identical duplicate cells', () => {
      const base = { items: items(30), cells: [cell('B-A', 'singleChoice', 2)] };
      expect(precheck(problem(base))).toEqual([]);
      expect(precheck(problem({ ...base, sets: 1, cells: [cell('B-A', 'singleChoice', 2, 1)], overlap: -1 }))).toEqual([]);
      expect(precheck(problem({ ...base, cells: [cell('B-A', 'singleChoice', 2), cell('B-A', 'singleChoice', 2)], totalPoints: [2, 2, 2] }))).toEqual([]);
      // NaN limits never bind in the checker, so they are no cause either.
      const nan = problem({ ...base, overlap: Number.NaN, totalPoints: [Number.NaN, 2, 2], pointMin: [{ point: 'B-A-001', min: Number.NaN }], pointCap: Number.NaN });
      const two = base.items.slice(0, 2).map((i) => i.id);
      expect(checkSets(nan, [two, two, two])).toEqual([]);
      expect(precheck(nan)).toEqual([]);
    });

    it('finds nothing in the synthetic banks', () => {
      for (const [n, sets] of [
        [1500, 5],
        [3000, 3],
      ] as const) {
        expect(precheck(syntheticBank({ items: n, sets, seed: 3, enemyPairs: 20 }).problem)).toEqual([]);
      }
    });
  });

  describe('soundness (never reports a feasible problem)', () => {
    it('finds nothing in random planted problems, tight or with slack', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, tight) => {
          const { problem: p, planted } = plantedProblem({ seed, tight });
          expect(checkSets(p, planted)).toEqual([]);
          expect(precheck(p)).toEqual([]);
        }),
        { numRuns: 400 },
      );
    });

    it('finds nothing in randomly tightened problems whose planted sets still hold', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
          const { problem: p, planted } = plantedProblem({ seed, tight: true, spare: 0.2 });
          const rng = new Random(seed, 3);
          // Random extra rules; keep those the planted sets obey, the rest must not matter.
          const ids = p.items.map((i) => i.id);
          const candidate: AssemblyProblem = {
            ...p,
            pinned: [...p.pinned, ...planted.flatMap((set, s) => set.filter(() => rng.next() < 0.2).map((itemId) => ({ itemId, set: s })))],
            excluded: [...p.excluded, ...ids.filter(() => rng.next() < 0.2)],
            enemies: [...p.enemies, ...Array.from({ length: 5 }, () => [rng.pick(ids), rng.pick(ids)] as const)],
            pointCap: Math.max(1, p.pointCap - rng.int(2)),
          };
          if (checkSets(candidate, planted).length === 0) expect(precheck(candidate)).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('TransportFlow', () => {
    it('finds a maximum flow and a minimum cut', () => {
      const f = new TransportFlow(4);
      f.addEdge(0, 1, 3);
      f.addEdge(0, 2, 2);
      const mid = f.addEdge(1, 2, 5);
      f.addEdge(1, 3, 2);
      f.addEdge(2, 3, 3);
      expect(f.run(0, 3)).toBe(5);
      expect(f.flowOn(mid)).toBe(1);
      expect(f.reachable(0)).toEqual([true, false, false, false]);
    });

    it('spreads units over convex edges and prefers cheap ones', () => {
      const f = new TransportFlow(4);
      f.addEdge(0, 1, 10);
      const a = f.addEdge(1, 2, 10, 0, 1);
      const b = f.addEdge(1, 2, 10, 0, 1);
      f.addEdge(2, 3, 10);
      const cheap = new TransportFlow(3);
      const x = cheap.addEdge(0, 1, 4, 5);
      const y = cheap.addEdge(0, 1, 4, 1);
      cheap.addEdge(1, 2, 5);
      expect(f.run(0, 3, 6)).toBe(6);
      expect([f.flowOn(a), f.flowOn(b)]).toEqual([3, 3]);
      expect(cheap.run(0, 2)).toBe(5);
      expect([cheap.flowOn(x), cheap.flowOn(y)]).toEqual([1, 4]);
    });
  });

  describe('#eligibility', () => {
    it('keeps the last of duplicate ids and the first of duplicate cells', () => {
      const a = item({ id: 7, p: 0.1 } as Partial<AssemblyItem>);
      const b = { ...a, p: 0.9 };
      const p = problem({ items: [a, b], cells: [cell('B-A', 'singleChoice', 1), cell('B-A', 'singleChoice', 1)] });
      const e = eligibility(p);
      expect(e.eligible.map((x) => x.item.p)).toEqual([0.9]);
      expect(e.eligible[0]?.cell).toBe(0);
    });
  });
});
