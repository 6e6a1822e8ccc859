import { describe, expect, it } from 'vitest';
import { checkSets } from '../../../../app/domain/assembly/checker.js';
import {
  buildMip,
  decodeSets,
  encodeSets,
  mipObjective,
  mipSize,
  violatedRows,
  type SparseMip,
} from '../../../../app/domain/assembly/mip-model/index.js';
import { testItem, testProblem } from '../../../helpers/assembly.js';
import { maxDeviation, type AssemblyProblem } from '../../../../app/domain/assembly/problem.js';

const item = testItem;
const base = (over: Partial<AssemblyProblem>): AssemblyProblem => testProblem({ tolerance: 0.01, ...over });

/** Four items, two sets of two, disjoint; targets 1.0: the best split is {0.9, 0.2} / {0.8, 0.3}, deviation 0.1. */
const byHand = base({
  items: [item(1, { p: 0.9 }), item(2, { p: 0.8 }), item(3, { p: 0.3 }), item(4, { p: 0.2 })],
  cells: [{ node: 'A', type: 'singleChoice', counts: [2, 2] }],
  totalPoints: [2, 2],
  target: [1, 1],
});

/** Every group at once, small enough to enumerate every assignment of its x columns. */
const everything = base({
  items: [
    item(1, { p: 0.9, band: 1, importance: 'X', point: 'K1', points: 2 }),
    item(2, { p: 0.7, band: 1, importance: 'Z', point: 'K1' }),
    item(3, { p: 0.6, band: 2, importance: 'X', point: 'K2' }),
    item(4, { p: 0.4, band: 2, importance: 'X', point: 'K2' }),
    item(5, { p: 0.3, band: 3, importance: 'Z', point: 'K3', type: 'trueFalse' }),
    item(6, { p: 0.2, band: 3, importance: 'X', point: 'K3', type: 'trueFalse' }),
    item(7, { p: 0.5, node: 'C' }), // no cell: ineligible
    item(8, { p: 0.5, point: 'K4' }), // excluded
  ],
  cells: [
    { node: 'A', type: 'singleChoice', counts: [2, 2] },
    { node: 'A', type: 'trueFalse', counts: [1, 0] },
  ],
  bands: [
    [1, 1, 1, 0, 0],
    [1, 1, 0, 0, 0],
  ],
  importance: { minX: [1, 1], maxZ: [1, 1] },
  totalPoints: [4, 2],
  pointCap: 1,
  pointMin: [{ point: 'K2', min: 1 }],
  overlap: 1,
  enemies: [[1, 3]],
  pinned: [{ itemId: 4, set: 1 }],
  excluded: [8],
  penalised: [2],
  target: [1.5, 1.1],
});

/** Every assignment of the x columns: rows hold (with minimal y and t) ⇔ the checker finds nothing. */
function enumerate(problem: AssemblyProblem, mip: SparseMip): { feasible: number; best: number } {
  expect(mip.numX).toBeLessThanOrEqual(16);
  let feasible = 0;
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << mip.numX; mask += 1) {
    const x = new Float64Array(mip.numCol);
    for (let c = 0; c < mip.numX; c += 1) x[c] = (mask >> c) & 1;
    const sets = decodeSets(problem, mip, x);
    const vector = encodeSets(problem, mip, sets);
    for (let c = 0; c < mip.numX; c += 1) expect(vector[c]).toBe(x[c]);
    const modelOk = violatedRows(mip, vector, 1e-9).length === 0;
    const checkerOk = checkSets(problem, sets).length === 0;
    expect(modelOk, `assignment ${JSON.stringify(sets)}`).toBe(checkerOk);
    if (modelOk) {
      feasible += 1;
      if (mip.tCol !== null) expect(vector[mip.tCol]).toBeCloseTo(maxDeviation(problem, sets), 12);
      best = Math.min(best, vector[mip.tCol ?? -1] ?? 0);
    }
  }
  return { feasible, best };
}

describe('buildMip', () => {
  it('creates x only for eligible, not excluded items and sets whose cell wants items', () => {
    const mip = buildMip(everything, { objective: 'minimax' });
    // items 1–4 (singleChoice): both sets; 5–6 (trueFalse): set 0 only; 7 ineligible; 8 excluded.
    expect(mip.numX).toBe(4 * 2 + 2);
    expect([...mip.xItem]).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 5]);
    expect([...mip.xSet]).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 0]);
    expect(mip.xColOf[6 * 2 + 0]).toBe(-1);
    expect(mip.xColOf[7 * 2 + 1]).toBe(-1);
    // overlap 1 > 0: one y per item present in both sets.
    expect(mip.numY).toBe(4);
    expect(mip.colNames.slice(mip.yStart, mip.yStart + 2)).toEqual(['y_1_0_1', 'y_2_0_1']);
    expect(mip.tCol).toBe(mip.numCol - 1);
    expect(mip.colNames[mip.tCol ?? -1]).toBe('t');
    expect([...mip.integrality]).toEqual([...new Array<number>(10).fill(1), 0, 0, 0, 0, 0]);
    expect(mip.colUpper[mip.tCol ?? -1]).toBe(Number.POSITIVE_INFINITY);
    expect(mip.starts.length).toBe(mip.numRow + 1);
    expect(mip.starts[mip.numRow]).toBe(mip.index.length);
    expect(mipSize(mip)).toEqual({ cols: 15, integers: 10, rows: mip.numRow, nonzeros: mip.index.length });

    const count = (g: string) => mip.rowGroups.filter((r) => r === g).length;
    expect(count('cells')).toBe(3); // the trueFalse cell of set 1 wants 0 and has no column: left out
    expect(count('bands')).toBe(3 + 2); // empty band rows that want 0 are left out
    expect(count('importance')).toBe(2 + 1); // minX per set; maxZ only where two Z items can meet (set 0)
    expect(count('points')).toBe(2);
    expect(count('pointCap')).toBe(3 + 2); // K1, K2, K3 in set 0; K1, K2 in set 1
    expect(count('pointMin')).toBe(2);
    expect(count('overlap')).toBe(4 + 1); // one link row per y, one pair row
    expect(count('enemies')).toBe(2);
    expect(count('pinned')).toBe(1);
    expect(count('deviation')).toBe(4);
  });

  it('agrees with the independent checker on every assignment', () => {
    const mip = buildMip(everything, { objective: 'minimax' });
    // By hand: set 1 = {2, 4} (pin, 2 points), set 0 = {1, 4, 5 or 6} (4 points, enemy of 3).
    expect(enumerate(everything, mip).feasible).toBe(2);
    const disjoint = { ...everything, overlap: 0, pinned: [] };
    const d = buildMip(disjoint, { objective: 'minimax' });
    expect(d.numY).toBe(0);
    expect(d.rowGroups.filter((g) => g === 'overlap').length).toBe(4); // Σ_s x(i,s) ≤ 1 for items 1–4
    expect(enumerate(disjoint, d).feasible).toBe(2); // {1, 4, 5|6} / {2, 3}
  });

  it('has the optimum found by hand (0.1) on the four-item problem', () => {
    const mip = buildMip(byHand, { objective: 'minimax' });
    expect(enumerate(byHand, mip).best).toBeCloseTo(0.1, 12);
    const best = encodeSets(byHand, mip, [
      [1, 4],
      [2, 3],
    ]);
    expect(violatedRows(mip, best)).toEqual([]);
    expect(mipObjective(mip, best)).toBeCloseTo(0.1, 12);
  });

  it('round-trips sets through encode and decode, in item order', () => {
    const mip = buildMip(everything, { objective: 'minimax' });
    const sets = [
      [5, 3, 1],
      [4, 2],
    ];
    const x = encodeSets(everything, mip, sets);
    expect(decodeSets(everything, mip, x)).toEqual([
      [1, 3, 5],
      [2, 4],
    ]);
    expect(x[mip.tCol ?? -1]).toBeCloseTo(maxDeviation(everything, sets), 12);
    // Items without a column are skipped by the encoder.
    expect(decodeSets(everything, mip, encodeSets(everything, mip, [[7, 8, 1], []]))).toEqual([[1], []]);
  });

  it('drops the rows of relaxed groups', () => {
    const full = buildMip(everything, { objective: 'minimax' });
    const groups = ['bands', 'importance', 'points', 'pointCap', 'pointMin', 'overlap', 'enemies', 'pinned'] as const;
    for (const g of groups) {
      const relaxed = buildMip(everything, { objective: 'minimax', relax: [g] });
      expect(relaxed.rowGroups).not.toContain(g);
      const others = (m: SparseMip) => m.rowGroups.filter((r) => r !== g).length;
      expect(others(relaxed), g).toBe(others(full));
    }
    // Relaxing cells drops their rows and opens every set to every eligible item.
    const cells = buildMip(everything, { objective: 'minimax', relax: ['cells'] });
    expect(cells.rowGroups).not.toContain('cells');
    expect(cells.numX).toBe(6 * 2);
    // Relaxing 'excluded' gives the excluded item its columns back.
    const excluded = buildMip(everything, { objective: 'minimax', relax: ['excluded'] });
    expect(excluded.numX).toBe(full.numX + 2);
    // Relaxing overlap removes its rows and the y columns.
    expect(buildMip(everything, { objective: 'minimax', relax: ['overlap'] }).numY).toBe(0);
  });

  it('keeps an impossible empty row (a pin on an item without a column)', () => {
    const mip = buildMip({ ...everything, pinned: [{ itemId: 7, set: 0 }] }, { objective: 'feasibility' });
    const r = mip.rowGroups.indexOf('pinned');
    expect(mip.starts[r + 1]! - mip.starts[r]!).toBe(0);
    expect(mip.rowLower[r]).toBe(1);
  });

  it('has no t and no costs for the feasibility objective', () => {
    const mip = buildMip(everything, { objective: 'feasibility' });
    expect(mip.tCol).toBeNull();
    expect(mip.rowGroups).not.toContain('deviation');
    expect([...mip.colCost].every((c) => c === 0)).toBe(true);
  });

  it('weights the secondary terms within 0.4 × tolerance', () => {
    const mip = buildMip(everything, { objective: 'minimax' });
    expect(mip.weights.penalised).toBeGreaterThan(0);
    expect(mip.weights.overlap).toBeGreaterThan(0);
    expect(mip.secondaryCap).toBeLessThanOrEqual(0.4 * everything.tolerance + 1e-15);
    // Penalised item 2 costs in both sets; every y costs.
    expect(mip.colCost[mip.xColOf[1 * 2 + 0]!]).toBe(mip.weights.penalised);
    expect(mip.colCost[mip.xColOf[1 * 2 + 1]!]).toBe(mip.weights.penalised);
    expect(mip.colCost[mip.yStart]).toBe(mip.weights.overlap);
    // No secondary terms when asked, or when the tolerance is 0.
    expect(buildMip(everything, { objective: 'minimax', secondary: false }).secondaryCap).toBe(0);
    expect(buildMip({ ...everything, tolerance: 0 }, { objective: 'minimax' }).weights).toEqual({ penalised: 0, overlap: 0 });
  });
});
