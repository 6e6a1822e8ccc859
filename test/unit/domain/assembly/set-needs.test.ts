import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, theoryBlueprint } from '../../../../app/domain/assembly/blueprint.js';
import { THEORY_PRESETS } from '../../../../app/domain/assembly/paper-structure.js';
import { capOfShare, minimumOfShare, pointCapIn, theorySetNeeds } from '../../../../app/domain/assembly/set-needs.js';
import type { ScopeNode } from '../../../../app/domain/element-table.js';
import { lintBank } from '../../../../app/domain/lint/bank-lint.js';
import { coverage } from '../../../../app/domain/lint/coverage.js';

/** Two leaves: A (40 %, 10 鉴定点) and B (60 %, 20 鉴定点, one of them Z). */
const scopes: ScopeNode[] = [
  { code: 'A', name: '基础', weight: 40, elements: Array.from({ length: 10 }, (_, i) => ({ code: String(i + 1).padStart(3, '0'), name: `点A${i + 1}`, importance: 'X' as const })) },
  {
    code: 'B',
    name: '操作',
    weight: 60,
    elements: Array.from({ length: 20 }, (_, i) => ({ code: String(i + 1).padStart(3, '0'), name: `点B${i + 1}`, importance: i === 0 ? ('Z' as const) : ('X' as const) })),
  },
];
const table = { scopes };
const compact = THEORY_PRESETS['compact-90'].structure;

describe('importance limits per set', () => {
  it('round a cap down and a minimum up, so that the share always holds', () => {
    expect(capOfShare(90, 5)).toBe(4); // 4.5 → 4: 5 of 90 would be 5.6 %
    expect(capOfShare(170, 5)).toBe(8); // 8.5 → 8
    expect(capOfShare(100, 5)).toBe(5);
    expect(capOfShare(200, 5)).toBe(10);
    expect(minimumOfShare(90, 80)).toBe(72);
    expect(minimumOfShare(91, 80)).toBe(73); // 72.8 → 73: 72 of 91 would be 79.1 %
    expect(minimumOfShare(170, 80)).toBe(136);
    for (const n of [1, 7, 20, 90, 91, 169, 170, 200]) {
      expect(capOfShare(n, 5) / n).toBeLessThanOrEqual(0.05);
      expect(minimumOfShare(n, 80) / n).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('are what the blueprint of a 90-item paper asks: Z ≤ 4, X ≥ 72', () => {
    const { blueprint, problem } = theoryBlueprint({ table, structure: compact, items: [], settings: DEFAULT_SETTINGS });
    expect([blueprint.maxZ, blueprint.minX]).toEqual([4, 72]);
    expect(problem.importance).toEqual({ minX: [72, 72, 72], maxZ: [4, 4, 4] });
  });
});

describe('theorySetNeeds', () => {
  const needs = theorySetNeeds({ table, structure: compact, sets: 3 });

  it('takes the 题型 counts from the structure, per set and for all sets', () => {
    expect(needs.paper).toEqual({ trueFalse: 20, singleChoice: 60, multipleChoice: 10 });
    expect([needs.perSet, needs.total]).toEqual([90, 270]);
    expect(needs.byType).toEqual({ trueFalse: 60, singleChoice: 180, multipleChoice: 30 });
    expect(needs.nodes.map((n) => [n.path, n.perSet])).toEqual([
      ['A', 36],
      ['B', 54],
    ]);
    expect(needs.bands).toEqual([9, 18, 36, 18, 9]);
    expect(needs.bandsTotal).toEqual([27, 54, 108, 54, 27]);
  });

  it('caps items per 鉴定点 at the smallest cap that fits every leaf, or as set', () => {
    // A: 36 items from 10 points → 4; B: 54 from 20 → 3.
    expect([needs.pointCap, needs.pointCapAutomatic]).toEqual([4, true]);
    const own = theorySetNeeds({ table, structure: compact, sets: 3, pointCap: 5, pointCapAt: { B: 3, 'b-002': 1, 'Q-Q': 2 } });
    expect([own.pointCap, own.pointCapAutomatic]).toEqual([5, false]);
    expect([pointCapIn(own, 'A-001'), pointCapIn(own, 'B-001'), pointCapIn(own, 'B-002')]).toEqual([5, 3, 1]);
    expect(own.unknownCapCodes).toEqual(['Q-Q']);
  });

  it('is what coverage, the bank lint and the blueprint report', () => {
    const items = [{ element: 'A-001', type: 'singleChoice' as const }];
    expect(coverage({ table, items, needs }).map((r) => [r.path, r.needed, r.neededByType])).toEqual(
      needs.nodes.map((n) => [n.path, n.perSet * 3, { trueFalse: n.perSetByType.trueFalse * 3, singleChoice: n.perSetByType.singleChoice * 3, multipleChoice: n.perSetByType.multipleChoice * 3 }]),
    );
    const report = lintBank({ items: [], table: { occupationCode: '3-01-02-07', level: 4, track: '', scopes }, needs });
    expect(report.perType.map((t) => t.needed)).toEqual([60, 180, 30]);
    expect(report.perElementCap).toBe(4);
    expect(report.perElement.every((e) => e.needed === 12)).toBe(true);
    expect(report.difficultyNeeded).toEqual([27, 54, 108, 54, 27]);
    const { blueprint } = theoryBlueprint({ table, structure: compact, items: [], settings: DEFAULT_SETTINGS });
    expect([blueprint.itemsPerSet, blueprint.pointCap, blueprint.bands]).toEqual([90, 4, needs.bands]);
    expect(blueprint.nodes.map((n) => [n.path, n.perSet])).toEqual(needs.nodes.map((n) => [n.path, n.perSet]));
  });

  it('refuses a number of sets that is not a whole number ≥ 1', () => {
    expect(() => theorySetNeeds({ table, structure: compact, sets: 0 })).toThrow(RangeError);
  });
});
