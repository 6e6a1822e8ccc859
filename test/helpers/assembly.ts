/** fast-check arbitraries of assembly problems, shared by the heuristic and engine property tests. */
import fc from 'fast-check';
import type { AssemblyItem, AssemblyProblem } from '../../app/domain/assembly/problem.js';

/** A single-choice item of node A with its own 鉴定点 `P<id>`, p 0.5, 1 point; override what matters. */
export const testItem = (id: number, over: Partial<AssemblyItem> = {}): AssemblyItem => ({
  id,
  version: 1,
  type: 'singleChoice',
  node: 'A',
  point: `P${id}`,
  importance: 'Y',
  band: 3,
  p: 0.5,
  points: 1,
  ...over,
});

/** An empty two-set problem without side constraints; override what matters. */
export const testProblem = (over: Partial<AssemblyProblem>): AssemblyProblem => ({
  sets: 2,
  items: [],
  cells: [],
  totalPoints: [0, 0],
  pointCap: 10,
  pointMin: [],
  overlap: 0,
  enemies: [],
  pinned: [],
  excluded: [],
  penalised: [],
  target: [0, 0],
  tolerance: 0.01,
  seed: 1,
  ...over,
});

const TYPES = ['trueFalse', 'singleChoice'] as const;
const NODES = ['A', 'B'] as const;

/** Arbitrary small problems: random items, quotas, bands and rules — feasible or not. */
export const arbitraryProblem: fc.Arbitrary<AssemblyProblem> = fc
  .record({
    sets: fc.integer({ min: 1, max: 4 }),
    items: fc.array(
      fc.record({
        type: fc.constantFrom(...TYPES),
        node: fc.constantFrom(...NODES),
        point: fc.integer({ min: 1, max: 4 }),
        importance: fc.constantFrom('X', 'X', 'Y', 'Z'),
        band: fc.integer({ min: 1, max: 5 }),
        p: fc.integer({ min: 0, max: 1000 }),
        points: fc.constantFrom(0.5, 1, 1, 2),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    counts: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }),
    useBands: fc.boolean(),
    pointCap: fc.integer({ min: 1, max: 4 }),
    /** Caps of particular 鉴定点 (node, point, cap), as the per-node overrides of the 细目表 resolve to. */
    ownCaps: fc.array(fc.tuple(fc.constantFrom(...NODES), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })), { maxLength: 3 }),
    overlap: fc.integer({ min: 0, max: 2 }),
    enemies: fc.array(fc.tuple(fc.nat(39), fc.nat(39)), { maxLength: 10 }),
    pinned: fc.array(fc.tuple(fc.nat(39), fc.nat(3)), { maxLength: 3 }),
    minX: fc.integer({ min: 0, max: 6 }),
    maxZ: fc.integer({ min: 0, max: 6 }),
    pointMin: fc.option(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 2 }))),
    pointsSlack: fc.constantFrom(0, 0, 0.5, -1),
    seed: fc.nat(1000),
  })
  .map((r) => {
    const items: AssemblyItem[] = r.items.map((x, k) => ({
      id: k + 1,
      version: 1,
      type: x.type,
      node: x.node,
      point: `${x.node}-${String(x.point).padStart(3, '0')}`,
      importance: x.importance as AssemblyItem['importance'],
      band: x.band,
      p: x.p / 1000,
      points: x.points,
    }));
    const cells = NODES.flatMap((node, a) => TYPES.map((type, b) => ({ node, type, counts: new Array<number>(r.sets).fill(r.counts[a * 2 + b] ?? 0) })));
    const total = cells.reduce((a, c) => a + (c.counts[0] ?? 0), 0);
    const bandSplit = [0, 0, 0, 0, 0];
    for (let k = 0; k < total; k += 1) bandSplit[(k * 3) % 5] = (bandSplit[(k * 3) % 5] ?? 0) + 1;
    const n = items.length;
    return {
      sets: r.sets,
      items,
      cells,
      ...(r.useBands ? { bands: new Array(r.sets).fill(bandSplit) } : {}),
      importance: { minX: new Array<number>(r.sets).fill(Math.min(r.minX, total)), maxZ: new Array<number>(r.sets).fill(r.maxZ) },
      totalPoints: new Array<number>(r.sets).fill(total + r.pointsSlack),
      pointCap: r.pointCap,
      ...(r.ownCaps.length === 0 ? {} : { pointCaps: Object.fromEntries(r.ownCaps.map(([node, pt, cap]) => [`${node}-00${pt}`, cap])) }),
      pointMin: r.pointMin === null ? [] : [{ point: `A-00${r.pointMin[0]}`, min: r.pointMin[1] }],
      overlap: r.overlap,
      enemies: r.enemies.filter(([a, b]) => a < n && b < n).map(([a, b]) => [a + 1, b + 1] as const),
      pinned: r.pinned.filter(([i]) => i < n).map(([i, s]) => ({ itemId: i + 1, set: s % r.sets })),
      excluded: [],
      penalised: items.filter((i) => i.id % 7 === 0).map((i) => i.id),
      target: new Array<number>(r.sets).fill(total * 0.6),
      tolerance: 0.001,
      seed: r.seed,
    } satisfies AssemblyProblem;
  });
