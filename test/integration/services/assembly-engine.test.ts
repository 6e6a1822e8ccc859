import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latticeBound, decimalGrid } from '../../../app/domain/assembly/bound.js';
import { checkSets } from '../../../app/domain/assembly/checker.js';
import { maxDeviation, type AssemblyProblem } from '../../../app/domain/assembly/problem.js';
import { plantedProblem, syntheticBank } from '../../helpers/synthetic-bank.js';
import { solveAssembly } from '../../../app/services/assembly/engine.js';
import { arbitraryProblem } from '../../helpers/assembly.js';

describe('assembly engine (pre-checks → heuristic → HiGHS → explanation)', () => {
  it('on arbitrary problems returns valid sets or names at least one cause, never both', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryProblem, async (problem) => {
        const out = await solveAssembly(problem, { timeLimitSeconds: 2 });
        if (out.ok) {
          expect(checkSets(problem, out.sets)).toEqual([]);
          expect(out.deviation).toBeCloseTo(maxDeviation(problem, out.sets), 9);
          expect(out.bound).toBeLessThanOrEqual(out.deviation + 1e-9);
          if (out.engine !== 'heuristic') expect(out.highsRan).toBe(true);
        } else {
          expect(out.causes.length).toBeGreaterThan(0);
          for (const cause of out.causes) expect(cause).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it('solves damaged-but-feasible and proves damaged-infeasible planted problems, with a Chinese cause', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        const { problem, planted } = plantedProblem({ seed, sets: 3, spare: 0.3 });
        const first = planted[0] ?? [];
        // Two items of one planted set made enemies and pinned together into set 0: infeasible by construction.
        if (first.length < 2) return;
        const [a, b] = [first[0] as number, first[1] as number];
        const broken: AssemblyProblem = { ...problem, enemies: [...problem.enemies, [a, b]], pinned: [{ itemId: a, set: 0 }, { itemId: b, set: 0 }] };
        const out = await solveAssembly(broken, { timeLimitSeconds: 5 });
        expect(out.ok).toBe(false);
        if (!out.ok) {
          expect(out.proven).toBe(true);
          expect(out.causes.join('；')).toMatch(/互斥|指定/);
        }
        const fine = await solveAssembly(problem, { timeLimitSeconds: 1 });
        expect(fine.ok).toBe(true);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('certifies full-size sets from a 3,000-item bank against the grid bound', async () => {
    const { problem } = syntheticBank({ items: 3000, seed: 11, sets: 3 });
    const out = await solveAssembly(problem, { timeLimitSeconds: 10 });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.engine).toBe('heuristic');
    expect(out.certified).toBe(true);
    expect(out.bound).toBe(latticeBound(problem));
    expect(out.gap).toBeLessThanOrEqual(problem.tolerance);
  });

  it('with tolerance 0, a heuristic that reaches the grid bound is not followed by HiGHS', async () => {
    const { problem } = syntheticBank({ items: 1500, seed: 20261123, sets: 3, tolerance: 0 });
    const out = await solveAssembly(problem, { timeLimitSeconds: 30 });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    // The heuristic reached the bound up to float noise (the old `deviation − bound > tolerance` read it as a miss).
    expect(out.heuristicDeviation).not.toBeNull();
    expect(Math.abs((out.heuristicDeviation ?? 1) - out.bound)).toBeLessThan(1e-12);
    expect(out.highsRan).toBe(false);
    expect(out.engine).toBe('heuristic');
    expect(out.certified).toBe(true);
    expect(out.seconds).toBeLessThan(10);
  });

  it('the grid bound: Σp of 3-decimal items cannot come closer to a target than the grid allows', () => {
    expect(decimalGrid([0.5, 0.25, 0.125])).toBeCloseTo(0.001, 12);
    expect(decimalGrid([0.1234567])).toBeNull();
    const items = [0.512, 0.3, 0.731].map((p, k) => ({ id: k + 1, version: 1, type: 't', node: 'A', point: 'A-001', importance: 'X' as const, band: 3, p, points: 1 }));
    expect(latticeBound({ items, target: [1.0004, 2.0] })).toBeCloseTo(0.0004, 12);
    expect(latticeBound({ items: [{ ...items[0]!, p: Math.PI / 10 }], target: [1.0004] })).toBe(0);
  });
});
