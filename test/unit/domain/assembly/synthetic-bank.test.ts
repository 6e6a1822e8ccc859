import { describe, expect, it } from 'vitest';
import { checkSets } from '../../../../app/domain/assembly/checker.js';
import { assembleHeuristic } from '../../../../app/domain/assembly/heuristic/index.js';
import { precheck } from '../../../../app/domain/assembly/precheck/index.js';
import { BAND_P_RANGES, plantedProblem, syntheticBank } from '../../../helpers/synthetic-bank.js';
import { elementTableRules, elementTableStats, listElements, theoryElementTableSchema } from '../../../../app/domain/element-table.js';
import { coverage } from '../../../../app/domain/lint/coverage.js';

describe('synthetic-bank', () => {
  describe('#syntheticBank', () => {
    const bank = syntheticBank({ items: 3000, seed: 11, sets: 3, enemyPairs: 40 });
    const { table, items, problem } = bank;

    it('builds a valid 细目表 with 3–4 top scopes, ≥ 12 leaves and ≥ 60 鉴定点 of about 80/15/5 % X/Y/Z', () => {
      expect(theoryElementTableSchema.safeParse(table).success).toBe(true);
      expect(elementTableRules(table).filter((p) => p.severity === 'error')).toEqual([]);
      expect(table.scopes.length).toBeGreaterThanOrEqual(3);
      expect(table.scopes.length).toBeLessThanOrEqual(4);
      const stats = elementTableStats(table);
      expect(stats.scopes.filter((s) => s.isLeaf).length).toBeGreaterThanOrEqual(12);
      expect(stats.elements).toBeGreaterThanOrEqual(60);
      expect(stats.shares.X).toBeGreaterThanOrEqual(78);
      expect(stats.shares.Z).toBeLessThanOrEqual(6);
      for (const e of listElements(table)) expect(e.fullCode).toMatch(/^[A-Z](-[A-Z]){1,2}-\d{3}$/);
    });

    it('binds every item to a 鉴定点 of its leaf with realistic 题型, bands, p and points', () => {
      expect(items).toHaveLength(3000);
      expect(new Set(items.map((i) => i.id)).size).toBe(3000);
      const elements = new Map(listElements(table).map((e) => [e.fullCode, e]));
      const share = (pred: (i: (typeof items)[number]) => boolean) => items.filter(pred).length / items.length;
      for (const item of items) {
        const e = elements.get(item.point);
        expect(e?.scopeCodes.join('-')).toBe(item.node);
        expect(item.importance).toBe(e?.importance);
        const [lo, hi] = BAND_P_RANGES[item.band - 1] ?? [0, 0];
        expect(item.p).toBeGreaterThanOrEqual(lo);
        expect(item.p).toBeLessThanOrEqual(hi);
        expect(Math.round(item.p * 1000)).toBeCloseTo(item.p * 1000, 6);
        expect(item.points).toBe({ trueFalse: 1, singleChoice: 0.5, multipleChoice: 1 }[item.type]);
      }
      expect(share((i) => i.type === 'trueFalse')).toBeGreaterThan(0.12);
      expect(share((i) => i.type === 'trueFalse')).toBeLessThan(0.2);
      expect(share((i) => i.type === 'singleChoice')).toBeGreaterThan(0.68);
      expect(share((i) => i.type === 'multipleChoice')).toBeGreaterThan(0.07);
      [0.1, 0.2, 0.4, 0.2, 0.1].forEach((want, b) => expect(share((i) => i.band === b + 1)).toBeCloseTo(want, 1));
      // More items on X points than on Z points.
      const perPoint = (imp: string) => {
        const own = items.filter((i) => i.importance === imp);
        return own.length / new Set(own.map((i) => i.point)).size;
      };
      expect(perPoint('X')).toBeGreaterThan(perPoint('Z'));
    });

    it('states the problem of the default paper: cells from the blueprint apportionment, bands, importance, points', () => {
      expect(problem.sets).toBe(3);
      const perType = (type: string) => problem.cells.filter((c) => c.type === type).reduce((a, c) => a + (c.counts[0] ?? 0), 0);
      expect([perType('trueFalse'), perType('singleChoice'), perType('multipleChoice')]).toEqual([20, 140, 10]);
      const rows = coverage({ table, items: [], sets: 3, paper: { trueFalse: 20, singleChoice: 140, multipleChoice: 10 } });
      for (const c of problem.cells) expect(c.counts).toEqual(new Array(3).fill(rows.find((r) => r.path === c.node)?.neededPerSetByType[c.type as 'trueFalse']));
      const leaves = rows.filter((r) => r.isLeaf);
      expect(problem.cells).toHaveLength(leaves.reduce((a, r) => a + Object.values(r.neededPerSetByType).filter((n) => n > 0).length, 0));
      expect(problem.bands).toEqual(new Array(3).fill([17, 34, 68, 34, 17]));
      expect(problem.importance).toEqual({ minX: [119, 119, 119], maxZ: [17, 17, 17] });
      expect(problem.totalPoints).toEqual([100, 100, 100]);
      expect(problem.pointCap).toBeGreaterThanOrEqual(1);
      expect(problem.tolerance).toBe(0.0005);
      expect(problem.overlap).toBe(0);
      expect(problem.cells.every((c) => (c.counts[0] ?? 0) > 0)).toBe(true);
      const cells = new Set(problem.cells.map((c) => `${c.node}/${c.type}`));
      const mean = (b: number) => {
        const own = items.filter((i) => i.band === b && cells.has(`${i.node}/${i.type}`));
        return own.reduce((a, i) => a + i.p, 0) / own.length;
      };
      expect(problem.target[0]).toBeCloseTo([17, 34, 68, 34, 17].reduce((a, n, b) => a + n * mean(b + 1), 0), 9);
      expect(problem.names?.types?.singleChoice).toBe('单选题');
    });

    it('draws enemy pairs mostly within one 鉴定点, never an item with itself', () => {
      expect(problem.enemies).toHaveLength(40);
      const byId = new Map(items.map((i) => [i.id, i]));
      const samePoint = problem.enemies.filter(([a, b]) => byId.get(a)?.point === byId.get(b)?.point).length;
      expect(samePoint).toBeGreaterThan(20);
      expect(problem.enemies.every(([a, b]) => a !== b && byId.has(a) && byId.has(b))).toBe(true);
      expect(new Set(problem.enemies.map(([a, b]) => `${Math.min(a, b)}/${Math.max(a, b)}`)).size).toBe(40);
    });

    it('is deterministic per seed', () => {
      expect(syntheticBank({ items: 3000, seed: 11, sets: 3, enemyPairs: 40 })).toEqual(bank);
      expect(syntheticBank({ items: 3000, seed: 12, sets: 3, enemyPairs: 40 }).items).not.toEqual(items);
    });

    it('takes the paper, scopes, points, overlap and tolerance from the options', () => {
      const other = syntheticBank({ items: 1200, seed: 2, sets: 3, paper: { trueFalse: 10, singleChoice: 60, multipleChoice: 0 }, scopes: 16, points: 90, overlap: 2, tolerance: 0.01 });
      expect(elementTableStats(other.table).scopes.filter((s) => s.isLeaf)).toHaveLength(16);
      expect(elementTableStats(other.table).elements).toBe(90);
      expect(other.items.some((i) => i.type === 'multipleChoice')).toBe(false);
      expect(other.problem.totalPoints).toEqual([40, 40, 40]);
      expect(other.problem.overlap).toBe(2);
      expect(other.problem.tolerance).toBe(0.01);
      expect(precheck(other.problem)).toEqual([]);
    });

    it('rejects too few items and bad sizes', () => {
      expect(() => syntheticBank({ items: 300, seed: 1, sets: 5 })).toThrow(RangeError);
      expect(() => syntheticBank({ items: 3000, seed: 1, sets: 0 })).toThrow(RangeError);
      expect(() => syntheticBank({ items: 0, seed: 1, sets: 3 })).toThrow(RangeError);
    });

    it('is feasible at the benchmark sizes: no pre-check finding, and the heuristic solves it', () => {
      for (const [n, sets, enemyPairs] of [
        [1500, 3, 0],
        [1500, 5, 20],
        [3000, 3, 0],
        [3000, 5, 50],
        [10000, 5, 100],
      ] as const) {
        const { problem: p } = syntheticBank({ items: n, seed: n + sets, sets, enemyPairs });
        expect(precheck(p)).toEqual([]);
        const r = assembleHeuristic(p);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(checkSets(p, r.sets)).toEqual([]);
          expect(r.deviation).toBeLessThanOrEqual(p.tolerance);
        }
      }
    });
  });

  describe('#plantedProblem', () => {
    it('plants valid sets, deterministically', () => {
      for (let seed = 1; seed <= 60; seed += 1) {
        for (const tight of [true, false]) {
          const { problem, planted } = plantedProblem({ seed, tight });
          expect(planted).toHaveLength(problem.sets);
          expect(checkSets(problem, planted)).toEqual([]);
        }
      }
      expect(plantedProblem({ seed: 5 })).toEqual(plantedProblem({ seed: 5 }));
    });

    it('honours the given sizes', () => {
      const { problem, planted } = plantedProblem({ seed: 9, sets: 4, itemsPerSet: 12, spare: 1, enemies: 3 });
      expect(problem.sets).toBe(4);
      expect(planted.every((s) => s.length === 12)).toBe(true);
      expect(problem.items.length).toBe(96);
      expect(problem.enemies.length).toBeLessThanOrEqual(3);
    });
  });
});
