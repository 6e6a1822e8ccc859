import { describe, expect, it } from 'vitest';
import { checkSets } from '../../../app/domain/assembly/checker.js';
import { maxDeviation, type AssemblyProblem } from '../../../app/domain/assembly/problem.js';
import { plantedProblem } from '../../helpers/synthetic-bank.js';
import { testItem, testProblem } from '../../helpers/assembly.js';
import { Random } from '../../../app/domain/assembly/random.js';
import { explainInfeasible, lpBound, solveMip } from '../../../app/services/assembly/mip-solver.js';

const item = testItem;
const base = (over: Partial<AssemblyProblem>): AssemblyProblem => testProblem({ tolerance: 1e-6, ...over });

/** Deterministic pseudo-random numbers in [0, 1) (the assembler's own seeded generator). */
function rng(seed: number): () => number {
  const r = new Random(seed);
  return () => r.next();
}

/** A bank of `n` items over 3 nodes × 2 types; `sets` sets of `perCell` items per cell, disjoint. */
function generated(n: number, sets: number, perCell: number, seed: number, tolerance: number): AssemblyProblem {
  const random = rng(seed);
  const nodes = ['A', 'B', 'C'];
  const types = ['singleChoice', 'trueFalse'];
  const items = Array.from({ length: n }, (_, k) =>
    item(k + 1, {
      node: nodes[k % 3],
      type: types[Math.floor(k / 3) % 2],
      point: `K${k % 40}`,
      p: Math.round((0.25 + 0.7 * random()) * 1000) / 1000,
      band: 1 + Math.floor(random() * 5),
    }),
  );
  const cells = nodes.flatMap((node) => types.map((type) => ({ node, type, counts: new Array<number>(sets).fill(perCell) })));
  const size = cells.length * perCell;
  const meanP = items.reduce((a, i) => a + i.p, 0) / n;
  return base({
    sets,
    items,
    cells,
    totalPoints: new Array<number>(sets).fill(size),
    pointCap: 2,
    target: new Array<number>(sets).fill(Math.round(meanP * size * 100) / 100),
    tolerance,
    seed,
  });
}

/** Minimum deviation over every assignment (each item: any subset of the sets). */
function bruteForce(problem: AssemblyProblem): number {
  const n = problem.items.length;
  const choices = 1 << problem.sets;
  let best = Number.POSITIVE_INFINITY;
  const total = choices ** n;
  for (let code = 0; code < total; code += 1) {
    const sets: number[][] = Array.from({ length: problem.sets }, () => []);
    let rest = code;
    for (let i = 0; i < n; i += 1) {
      const mask = rest % choices;
      rest = Math.floor(rest / choices);
      for (let s = 0; s < problem.sets; s += 1) if ((mask >> s) & 1) sets[s]?.push(problem.items[i]?.id ?? -1);
    }
    if (sets.some((ids, s) => ids.length !== (problem.cells.reduce((a, c) => a + (c.counts[s] ?? 0), 0)))) continue;
    if (checkSets(problem, sets).length > 0) continue;
    best = Math.min(best, maxDeviation(problem, sets));
  }
  return best;
}

describe('solveMip (HiGHS)', () => {
  it('finds the optimum found by hand and by brute force', async () => {
    const byHand = base({
      items: [item(1, { p: 0.9 }), item(2, { p: 0.8 }), item(3, { p: 0.3 }), item(4, { p: 0.2 })],
      cells: [{ node: 'A', type: 'singleChoice', counts: [2, 2] }],
      totalPoints: [2, 2],
      target: [1, 1],
    });
    const r = await solveMip(byHand, { timeLimitSeconds: 10 });
    expect(r.status).toBe('optimal');
    expect(r.deviation).toBeCloseTo(0.1, 9);
    const got = (r.sets ?? []).map((ids) => [...ids].sort((x, y) => x - y)).sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
    expect(got).toEqual([
      [1, 4],
      [2, 3],
    ]);
    // The LP relaxation already proves 0.1 here: every item is used, Σp = 2.2 for 2.0 of targets.
    expect(await lpBound(byHand, 10)).toBeCloseTo(0.1, 9);
  });

  it('matches brute force on a tiny instance with overlap, bands, enemies and a pin', async () => {
    const random = rng(7);
    const problem = base({
      items: Array.from({ length: 7 }, (_, k) =>
        item(k + 1, { p: Math.round(random() * 1000) / 1000, band: 1 + (k % 2), point: `K${k % 3}`, points: 1 + (k % 2) }),
      ),
      cells: [{ node: 'A', type: 'singleChoice', counts: [3, 3] }],
      bands: [
        [2, 1, 0, 0, 0],
        [1, 2, 0, 0, 0],
      ],
      totalPoints: [4, 5],
      pointCap: 2,
      overlap: 1,
      enemies: [[1, 2]],
      pinned: [{ itemId: 3, set: 1 }],
      target: [1.7, 1.2],
    });
    const best = bruteForce(problem);
    expect(Number.isFinite(best)).toBe(true);
    const r = await solveMip(problem, { timeLimitSeconds: 10 });
    expect(r.status).toBe('optimal');
    expect(checkSets(problem, r.sets ?? [])).toEqual([]);
    expect(r.deviation).toBeCloseTo(best, 6);
    expect(r.bound).toBeLessThanOrEqual(best + 1e-9);
    expect(await lpBound(problem, 10)).toBeLessThanOrEqual((r.deviation ?? 0) + 1e-9);
  });

  it('never returns worse sets than its warm start', async () => {
    const problem = generated(240, 3, 4, 11, 1e-9);
    const first = await solveMip(problem, { timeLimitSeconds: 5, objective: 'feasibility' });
    expect(['optimal', 'feasible']).toContain(first.status);
    const warm = first.sets ?? [];
    const warmDeviation = maxDeviation(problem, warm);
    for (const seconds of [0.001, 0.5]) {
      const r = await solveMip(problem, { timeLimitSeconds: seconds, warmStart: warm });
      expect(['optimal', 'feasible']).toContain(r.status);
      expect(checkSets(problem, r.sets ?? [])).toEqual([]);
      expect(r.deviation).toBeLessThanOrEqual(warmDeviation + 1e-12);
    }
  });

  it('respects the time limit', async () => {
    const problem = generated(900, 3, 8, 5, 0);
    const r = await solveMip(problem, { timeLimitSeconds: 1 });
    expect(['optimal', 'feasible', 'timeLimit']).toContain(r.status);
    expect(r.seconds).toBeLessThan(2.5);
    if (r.sets !== undefined) {
      expect(checkSets(problem, r.sets)).toEqual([]);
      expect(r.bound).toBeLessThanOrEqual((r.deviation ?? 0) + 1e-9);
      expect(await lpBound(problem, 5)).toBeLessThanOrEqual((r.deviation ?? 0) + 1e-9);
    }
  });

  it('avoids penalised items and shared items when that costs no parallelism', async () => {
    const problem = base({
      items: Array.from({ length: 6 }, (_, k) => item(k + 1, { p: 0.5 })),
      cells: [{ node: 'A', type: 'singleChoice', counts: [2, 2] }],
      totalPoints: [2, 2],
      target: [1, 1],
      overlap: 2,
      penalised: [1, 2, 3],
      tolerance: 0.01,
    });
    const r = await solveMip(problem, { timeLimitSeconds: 10 });
    expect(r.status).toBe('optimal');
    expect(r.deviation).toBeCloseTo(0, 9);
    const used = (r.sets ?? []).flat();
    // Four places, three unpenalised items: sharing one (weight 0.1·tol / 2 places) costs less than a
    // penalised item (0.3·tol / 4 places), so the sets are items 4–6 with one of them in both.
    expect(used.filter((id) => id <= 3)).toEqual([]);
    expect(new Set(used).size).toBe(3);
  });

  it('solves planted problems (every constraint group), never worse than the planted sets', async () => {
    for (let seed = 1; seed <= 8; seed += 1) {
      const { problem, planted } = plantedProblem({ seed, tight: seed % 2 === 0 });
      const feasible = await solveMip(problem, { timeLimitSeconds: 5, objective: 'feasibility' });
      expect(feasible.status, `seed ${seed}`).toBe('optimal');
      expect(checkSets(problem, feasible.sets ?? [])).toEqual([]);
      const r = await solveMip(problem, { timeLimitSeconds: 0.3, warmStart: planted });
      expect(['optimal', 'feasible'], `seed ${seed}`).toContain(r.status);
      expect(checkSets(problem, r.sets ?? [])).toEqual([]);
      expect(r.deviation ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(maxDeviation(problem, planted) + 1e-9);
    }
  });

  it('reports an infeasible problem', async () => {
    const r = await solveMip(bandsAgainstCells, { timeLimitSeconds: 10 });
    expect(r.status).toBe('infeasible');
    expect(r.sets).toBeUndefined();
    expect(r.bound).toBe(Number.POSITIVE_INFINITY);
    // Without the bands it solves; the sets break the bands only.
    const relaxed = await solveMip(bandsAgainstCells, { timeLimitSeconds: 10, relax: ['bands'] });
    expect(relaxed.status).toBe('optimal');
    expect(new Set(checkSets(bandsAgainstCells, relaxed.sets ?? []).map((v) => v.group))).toEqual(new Set(['bands']));
  });
});

/** The cell holds only band 1–2 items, the bands want band 3: only dropping the bands helps. */
const bandsAgainstCells = base({
  items: [
    ...Array.from({ length: 6 }, (_, k) => item(k + 1, { band: 1 + (k % 2) })),
    item(7, { band: 3, node: 'B' }),
    item(8, { band: 3, node: 'B' }),
  ],
  cells: [{ node: 'A', type: 'singleChoice', counts: [2, 2] }],
  bands: [
    [0, 0, 2, 0, 0],
    [0, 0, 2, 0, 0],
  ],
  totalPoints: [2, 2],
  target: [1, 1],
});

describe('explainInfeasible', () => {
  it('names the bands when they cannot meet the cells', async () => {
    const why = await explainInfeasible(bandsAgainstCells, 10);
    expect(why.proven).toBe(true);
    expect(why.groups).toEqual(['bands']);
    expect(why.messages).toContain('放宽“难度分布”后可以组卷：难度分布与其他约束不能同时满足');
  });

  it('names both sides of a pin on an excluded item', async () => {
    const problem = base({
      items: Array.from({ length: 6 }, (_, k) => item(k + 1)),
      cells: [{ node: 'A', type: 'singleChoice', counts: [2, 2] }],
      totalPoints: [2, 2],
      target: [1, 1],
      pinned: [{ itemId: 3, set: 0 }],
      excluded: [3],
    });
    expect((await solveMip(problem, { timeLimitSeconds: 10 })).status).toBe('infeasible');
    const why = await explainInfeasible(problem, 10);
    expect(why.proven).toBe(true);
    expect([...why.groups].sort()).toEqual(['excluded', 'pinned']);
  });

  it('falls back to pairs when no single group is enough', async () => {
    // Two independent conflicts, each lifted only by its own group: no single group is enough.
    const problem = base({
      items: [...Array.from({ length: 4 }, (_, k) => item(k + 1)), item(5, { node: 'B' })],
      cells: [{ node: 'A', type: 'singleChoice', counts: [2, 2] }],
      totalPoints: [2, 2],
      target: [1, 1],
      pinned: [{ itemId: 5, set: 0 }], // ineligible item: only dropping the pin helps
      pointMin: [{ point: 'P9', min: 1 }], // no item of P9: only dropping the minimum helps
    });
    const why = await explainInfeasible(problem, 10);
    expect(why.proven).toBe(true);
    expect([...why.groups].sort()).toEqual(['pinned', 'pointMin']);
    expect(why.messages.some((m) => m.startsWith('同时放宽'))).toBe(true);
  });

  it('says so when the problem is feasible', async () => {
    const problem = generated(60, 2, 2, 3, 0.01);
    const why = await explainInfeasible(problem, 10);
    expect(why).toEqual({ proven: true, groups: [], messages: ['全部约束可以同时满足，可以组卷'] });
  });
});
