import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSets } from '../../../../app/domain/assembly/checker.js';
import { assembleHeuristic } from '../../../../app/domain/assembly/heuristic/index.js';
import { precheck } from '../../../../app/domain/assembly/precheck/index.js';
import { maxDeviation, type AssemblyProblem } from '../../../../app/domain/assembly/problem.js';
import { Random } from '../../../../app/domain/assembly/random.js';
import { plantedProblem } from '../../../helpers/synthetic-bank.js';
import { arbitraryProblem } from '../../../helpers/assembly.js';

describe('heuristic (properties)', () => {
  it('solves random planted problems, validly and deterministically', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (seed) => {
        const { problem } = plantedProblem({ seed });
        const r = assembleHeuristic(problem);
        if (!r.ok) throw new Error(`planted problem ${seed} not solved: ${r.reason}`);
        expect(checkSets(problem, r.sets)).toEqual([]);
        expect(r.deviation).toBeCloseTo(maxDeviation(problem, r.sets), 9);
        const again = assembleHeuristic(problem);
        expect(again.ok && again.sets).toEqual(r.sets);
      }),
      { numRuns: 150 },
    );
  });

  it('returns valid sets whenever it claims success on tight planted problems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (seed) => {
        const { problem } = plantedProblem({ seed, tight: true });
        const r = assembleHeuristic(problem, { restarts: 1 });
        if (r.ok) expect(checkSets(problem, r.sets)).toEqual([]);
        else expect(r.violations.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it('never claims success with violated constraints on arbitrary problems', () => {
    fc.assert(
      fc.property(arbitraryProblem, (problem) => {
        const r = assembleHeuristic(problem, { restarts: 1, maxMoves: 500 });
        if (r.ok) {
          expect(checkSets(problem, r.sets)).toEqual([]);
          expect(precheck(problem)).toEqual([]);
        } else {
          expect(r.reason.length).toBeGreaterThan(0);
          expect(r.violations.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never claims success on randomly damaged planted problems unless they hold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (seed) => {
        const { problem, planted } = plantedProblem({ seed, spare: 0.3 });
        const rng = new Random(seed, 5);
        const ids = problem.items.map((i) => i.id);
        const damaged: AssemblyProblem = {
          ...problem,
          cells: problem.cells.map((c) => ({ ...c, counts: c.counts.map((n) => Math.max(0, n + rng.int(3) - 1)) })),
          enemies: [...problem.enemies, ...planted.flatMap((set) => (set.length > 1 && rng.next() < 0.3 ? [[set[0] ?? 0, set[1] ?? 0] as const] : []))],
          pinned: [...problem.pinned, ...(rng.next() < 0.3 ? [{ itemId: rng.pick(ids), set: rng.int(problem.sets + 1) }] : [])],
          pointCap: Math.max(1, problem.pointCap - rng.int(2)),
        };
        const r = assembleHeuristic(damaged, { restarts: 1, maxMoves: 500 });
        if (r.ok) expect(checkSets(damaged, r.sets)).toEqual([]);
        else expect(r.violations.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});
