/**
 * Synthetic, realistic question banks for tests and benchmarks of the assembly engines: a 理论知识考核
 * 要素细目表 (3–4 top-level 鉴定范围, ≥ 12 leaves, 鉴定比重 summing to 100 and children to their
 * parent, 鉴定点 X/Y/Z ≈ 80/15/5 %), items spread over it, and the assembly problem of N parallel sets.
 *
 * - Items per (leaf, 题型): every cell first gets 1.5 × N × its per-set quota (+3), the rest is shared
 *   by 鉴定比重 × 题型 share (判断 ≈ 15 %, 单选 ≈ 75 %, 多选 ≈ 10 % for the 20/140/10 paper: the paper's
 *   counts to the power 0.75, normalised).
 * - Within a cell, items go to the leaf's 鉴定点 by weight X 3 : Y 1.5 : Z 1; difficulty bands 1…5 by
 *   1:2:4:2:1 (largest remainders, then shuffled), p uniform within the band (1: 0.85–0.95, 2: 0.72–0.85,
 *   3: 0.55–0.72, 4: 0.40–0.55, 5: 0.25–0.40; 3 decimals); points 判断 1, 单选 0.5, 多选 1.
 * - The problem: cells from the 细目表 apportionment (`coverage`, the same as the blueprint; only
 *   (leaf, 题型) with a positive quota, so the other items are not eligible), bands
 *   largestRemainder([1,2,4,2,1], n) per set, minX ⌊0.7 n⌋, maxZ ⌈0.1 n⌉, target Σ_b bands[b] × mean p
 *   of the eligible items of band b, tolerance 0.0005, enemies preferring items of one 鉴定点.
 * - 鉴定点 per leaf: the per-point cap is the smallest c such that every leaf can get
 *   ⌈1.25 × its per-set items / c⌉ 鉴定点 (25 % headroom) within the requested number of 鉴定点; the rest
 *   of the 鉴定点 go by 鉴定比重. `pointCap` is then max over leaves of ⌈per-set items / 鉴定点⌉, the
 *   blueprint's own rule — 1 whenever the leaves have at least as many 鉴定点 as items.
 * Deterministic per seed; feasible by construction at the sizes used (1,500 / 3,000 / 10,000 items,
 * 3 and 5 sets, the default paper).
 */
import type { ElementPoint, ScopeNode, TheoryElementTable } from '../../app/domain/element-table.js';
import { coverage, DEFAULT_PAPER, largestRemainder, type PaperShape } from '../../app/domain/lint/coverage.js';
import { THEORY_ITEM_TYPES, type TheoryItemType } from '../../app/domain/theory-item.js';
import type { AssemblyItem, AssemblyProblem, ItemImportance } from '../../app/domain/assembly/problem.js';
import { Random } from '../../app/domain/assembly/random.js';

export interface SyntheticBankOptions {
  readonly items: number;
  readonly seed: number;
  readonly sets: number;
  readonly paper?: PaperShape;
  /** Leaf 鉴定范围 (default 12). */
  readonly scopes?: number;
  /** 鉴定点 (default max(60, min(300, items / 40))). */
  readonly points?: number;
  readonly enemyPairs?: number;
  readonly overlap?: number;
  readonly tolerance?: number;
}

export interface SyntheticBank {
  readonly table: TheoryElementTable;
  readonly items: AssemblyItem[];
  readonly problem: AssemblyProblem;
}

export const SYNTHETIC_TYPE_NAMES: Readonly<Record<TheoryItemType, string>> = {
  trueFalse: '判断题',
  singleChoice: '单选题',
  multipleChoice: '多选题',
};

export const SYNTHETIC_POINTS_EACH: Readonly<Record<TheoryItemType, number>> = { trueFalse: 1, singleChoice: 0.5, multipleChoice: 1 };

/** p range of each difficulty band (band 1 easiest). */
export const BAND_P_RANGES: readonly (readonly [number, number])[] = [
  [0.85, 0.95],
  [0.72, 0.85],
  [0.55, 0.72],
  [0.4, 0.55],
  [0.25, 0.4],
];

const BAND_RATIO = [1, 2, 4, 2, 1];
const TYPE_BASE_SHARE = 0.75;
const IMPORTANCE_ITEM_WEIGHT: Readonly<Record<ItemImportance, number>> = { X: 3, Y: 1.5, Z: 1 };

const TOP_NAMES = ['基本要求', '工艺准备', '加工操作', '质量检验与设备维护', '生产管理与培训'];
const LEAF_NAMES = [
  '职业道德',
  '基础知识',
  '识读零件图',
  '制定加工工艺',
  '选用刀具与夹具',
  '编制加工程序',
  '车削外圆与端面',
  '加工螺纹',
  '孔加工',
  '测量与检验',
  '误差分析',
  '设备日常保养',
  '故障诊断与排除',
  '安全文明生产',
  '技术文件管理',
  '培训与指导',
  '成本核算',
  '新工艺应用',
];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Splits a whole number into `k` positive whole parts with random proportions. */
function randomSplit(rng: Random, total: number, k: number): number[] {
  if (k <= 0) return [];
  if (total < k) throw new RangeError(`cannot split ${total} into ${k} positive parts`);
  const extra = largestRemainder(
    Array.from({ length: k }, () => 0.6 + rng.next()),
    total - k,
  );
  return extra.map((e) => e + 1);
}

interface Leaf {
  readonly path: string;
  readonly name: string;
  readonly weight: number;
  readonly node: ScopeNode;
}

function buildScopes(rng: Random, leafCount: number): { scopes: ScopeNode[]; leaves: Leaf[]; names: Record<string, string> } {
  const tops = Math.min(leafCount >= 8 ? 3 + rng.int(2) : 3, leafCount);
  // Leaves per top: the first (基本要求) gets 2, the others share the rest.
  const first = Math.min(2, leafCount - (tops - 1));
  const rest = randomSplit(rng, leafCount - first, tops - 1);
  const perTop = [first, ...rest];
  const firstWeight = Math.max(first, 10 + rng.int(11));
  const floors = perTop.slice(1).map((k) => Math.max(2, k));
  const others = largestRemainder(
    perTop.slice(1).map((k) => k * (0.7 + 0.6 * rng.next())),
    100 - firstWeight - floors.reduce((a, b) => a + b, 0),
  ).map((w, i) => w + (floors[i] ?? 0));
  const topWeights = [firstWeight, ...others];
  const names: Record<string, string> = {};
  const leaves: Leaf[] = [];
  let leafName = 0;
  const makeLeaf = (path: string, code: string, weight: number): ScopeNode => {
    const name = LEAF_NAMES[leafName] ?? `专业知识${leafName + 1}`;
    leafName += 1;
    const node: ScopeNode = { code, name, weight, elements: [] };
    names[path] = name;
    leaves.push({ path, name, weight, node });
    return node;
  };
  const scopes: ScopeNode[] = perTop.map((n, t) => {
    const code = LETTERS[t] ?? 'Z';
    const name = TOP_NAMES[t] ?? `相关知识${t + 1}`;
    names[code] = name;
    const weight = topWeights[t] ?? 0;
    if (n >= 4 && t === perTop.length - 1) {
      // A deeper scope: two middle levels with the leaves below.
      const half = Math.floor(n / 2);
      const counts = [half, n - half];
      const midWeights = largestRemainder(
        counts.map((k) => k * (0.8 + 0.4 * rng.next())),
        weight - n,
      ).map((w, k) => w + (counts[k] ?? 0));
      const children = counts.map((count, k) => {
        const midCode = LETTERS[k] ?? 'Z';
        const midPath = `${code}-${midCode}`;
        const midName = `${name}（${k === 0 ? '一' : '二'}）`;
        names[midPath] = midName;
        const w = midWeights[k] ?? 0;
        const leafWeights = randomSplit(rng, w, count);
        return {
          code: midCode,
          name: midName,
          weight: w,
          children: leafWeights.map((lw, i) => makeLeaf(`${midPath}-${LETTERS[i] ?? 'Z'}`, LETTERS[i] ?? 'Z', lw)),
        };
      });
      return { code, name, weight, children };
    }
    const weights = randomSplit(rng, weight, n);
    return { code, name, weight, children: weights.map((lw, i) => makeLeaf(`${code}-${LETTERS[i] ?? 'Z'}`, LETTERS[i] ?? 'Z', lw)) };
  });
  return { scopes, leaves, names };
}

/** A deterministic synthetic bank and its assembly problem. */
export function syntheticBank(options: SyntheticBankOptions): SyntheticBank {
  const N = options.sets;
  if (!Number.isInteger(N) || N < 1) throw new RangeError(`sets must be a whole number ≥ 1, got ${String(N)}`);
  if (!Number.isInteger(options.items) || options.items < 1) throw new RangeError(`items must be a whole number ≥ 1, got ${String(options.items)}`);
  const rng = new Random(options.seed, 0x5eed);
  const paper = options.paper ?? DEFAULT_PAPER;
  const types = THEORY_ITEM_TYPES.filter((t) => paper[t] > 0);
  const n = THEORY_ITEM_TYPES.reduce((a, t) => a + paper[t], 0);
  if (n < 1) throw new RangeError('the paper has no items');
  const leafCount = Math.max(3, Math.min(26, Math.floor(options.scopes ?? 12)));
  const { scopes, leaves, names } = buildScopes(rng, leafCount);

  // Per-set needs of every leaf, as the blueprint apportions them.
  const rows = coverage({ table: { scopes }, items: [], sets: N, paper });
  const needOf = new Map(rows.filter((r) => r.isLeaf).map((r) => [r.path, r]));
  const leafNeed = leaves.map((l) => needOf.get(l.path)?.neededPerSet ?? 0);

  // 鉴定点 per leaf.
  let P = Math.max(2 * leaves.length, Math.floor(options.points ?? Math.max(60, Math.min(300, Math.round(options.items / 40)))));
  let c = 1;
  const minimum = (cap: number) => leafNeed.map((need) => Math.max(2, Math.ceil((1.25 * need) / cap)));
  while (minimum(c).reduce((a, b) => a + b, 0) > P && c < n) c += 1;
  const mins = minimum(c);
  P = Math.max(P, mins.reduce((a, b) => a + b, 0));
  const extra = largestRemainder(
    leaves.map((l) => l.weight),
    P - mins.reduce((a, b) => a + b, 0),
  );
  const pointsPerLeaf = mins.map((m, i) => m + (extra[i] ?? 0));
  const importances = rng.shuffle(
    largestRemainder([80, 15, 5], P).flatMap((count, k) => new Array<ItemImportance>(count).fill((['X', 'Y', 'Z'] as const)[k] ?? 'X')),
  );
  let next = 0;
  const leafPoints = leaves.map((leaf, li) => {
    const count = pointsPerLeaf[li] ?? 0;
    const elements: ElementPoint[] = [];
    for (let k = 0; k < count; k += 1) {
      let importance = importances[next] ?? 'X';
      if (k === 0 && importance !== 'X') {
        // Every leaf starts with an X point: swap with the next X further on.
        const swap = importances.indexOf('X', next + 1);
        if (swap > next) {
          importances[swap] = importance;
          importance = 'X';
        }
      }
      next += 1;
      elements.push({ code: String(k + 1).padStart(3, '0'), name: `${leaf.name}要点${k + 1}`, importance });
    }
    leaf.node.elements = elements;
    return elements.map((e) => ({ code: `${leaf.path}-${e.code}`, importance: e.importance }));
  });
  const pointCap = c;

  // Items per cell (leaf × 题型).
  const typeWeight = types.map((t) => paper[t] ** TYPE_BASE_SHARE);
  const typeTotal = typeWeight.reduce((a, b) => a + b, 0);
  const cells = leaves.flatMap((leaf, li) =>
    types.map((type, ti) => {
      const perSet = needOf.get(leaf.path)?.neededPerSetByType[type] ?? 0;
      return { leaf, li, type, perSet, min: perSet > 0 ? Math.ceil(1.5 * N * perSet) + 3 : 0, weight: leaf.weight * ((typeWeight[ti] ?? 0) / typeTotal) };
    }),
  );
  const minTotal = cells.reduce((a, cell) => a + cell.min, 0);
  if (minTotal > options.items)
    throw new RangeError(`${options.items} items are too few for ${N} sets of ${n} (at least ${minTotal} are needed)`);
  const spread = largestRemainder(
    cells.map((cell) => cell.weight),
    options.items - minTotal,
  );
  const drafts: Omit<AssemblyItem, 'id'>[] = [];
  cells.forEach((cell, k) => {
    const count = cell.min + (spread[k] ?? 0);
    if (count === 0) return;
    const points = leafPoints[cell.li] ?? [];
    const perPoint = largestRemainder(
      points.map((pt) => IMPORTANCE_ITEM_WEIGHT[pt.importance]),
      count,
    );
    const bands = rng.shuffle(largestRemainder(BAND_RATIO, count).flatMap((m, b) => new Array<number>(m).fill(b + 1)));
    let at = 0;
    points.forEach((pt, pi) => {
      for (let r = 0; r < (perPoint[pi] ?? 0); r += 1) {
        const band = bands[at] ?? 3;
        at += 1;
        const [lo, hi] = BAND_P_RANGES[band - 1] ?? [0.55, 0.72];
        const p = Math.min(hi, Math.max(lo, Math.round(rng.range(lo, hi) * 1000) / 1000));
        drafts.push({
          version: 1,
          type: cell.type,
          node: cell.leaf.path,
          point: pt.code,
          importance: pt.importance,
          band,
          p,
          points: SYNTHETIC_POINTS_EACH[cell.type],
        });
      }
    });
  });
  const ids = rng.shuffle(Array.from({ length: drafts.length }, (_, i) => i + 1));
  const items: AssemblyItem[] = drafts.map((d, i) => ({ id: ids[i] ?? i + 1, ...d }));
  items.sort((a, b) => a.id - b.id);

  // Enemies: random pairs, mostly of one 鉴定点 (near-duplicates), else of one leaf.
  const enemies: [number, number][] = [];
  const wanted = Math.max(0, Math.floor(options.enemyPairs ?? 0));
  if (wanted > 0 && items.length > 1) {
    const byPoint = new Map<string, number[]>();
    const byNode = new Map<string, number[]>();
    for (const item of items) {
      byPoint.set(item.point, [...(byPoint.get(item.point) ?? []), item.id]);
      byNode.set(item.node, [...(byNode.get(item.node) ?? []), item.id]);
    }
    const seen = new Set<string>();
    for (let attempt = 0; attempt < wanted * 20 && enemies.length < wanted; attempt += 1) {
      const a = rng.pick(items);
      const pool = rng.next() < 0.8 ? (byPoint.get(a.point) ?? []) : (byNode.get(a.node) ?? []);
      if (pool.length < 2) continue;
      const b = rng.pick(pool);
      if (b === a.id) continue;
      const key = a.id < b ? `${a.id}/${b}` : `${b}/${a.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      enemies.push([a.id, b]);
    }
  }

  const bandsPerSet = largestRemainder(BAND_RATIO, n);
  const usable = new Set(cells.filter((cell) => cell.perSet > 0).map((cell) => `${cell.leaf.path}/${cell.type}`));
  const eligible = items.filter((i) => usable.has(`${i.node}/${i.type}`));
  const bandMean = bandsPerSet.map((_, b) => {
    const own = eligible.filter((i) => i.band === b + 1);
    return own.length === 0 ? 0 : own.reduce((a, i) => a + i.p, 0) / own.length;
  });
  const target = bandsPerSet.reduce((a, count, b) => a + count * (bandMean[b] ?? 0), 0);
  const totalPoints = types.reduce((a, t) => a + paper[t] * SYNTHETIC_POINTS_EACH[t], 0);
  const repeat = <T>(x: T): T[] => Array.from({ length: N }, () => x);

  const table: TheoryElementTable = { occupationCode: '6-18-01-01', level: 4, track: '', scopes };
  const problem: AssemblyProblem = {
    sets: N,
    items,
    // As the blueprint: a cell only where the paper takes items (other items are not eligible).
    cells: cells.filter((cell) => cell.perSet > 0).map((cell) => ({ node: cell.leaf.path, type: cell.type, counts: repeat(cell.perSet) })),
    bands: repeat(bandsPerSet),
    importance: { minX: repeat(Math.floor((7 * n) / 10)), maxZ: repeat(Math.ceil(n / 10)) },
    totalPoints: repeat(totalPoints),
    pointCap,
    pointMin: [],
    overlap: Math.max(0, Math.floor(options.overlap ?? 0)),
    enemies,
    pinned: [],
    excluded: [],
    penalised: [],
    target: repeat(target),
    tolerance: options.tolerance ?? 0.0005,
    seed: options.seed,
    names: { nodes: names, types: { ...SYNTHETIC_TYPE_NAMES } },
  };
  return { table, items, problem };
}

// ---------------------------------------------------------------------------------------------------
// Planted problems: random problems with a known solution, for property tests.
// ---------------------------------------------------------------------------------------------------

export interface PlantedOptions {
  readonly seed: number;
  /** Sets (default 1 … 5 at random). */
  readonly sets?: number;
  /** Items per set (default 4 … 40 at random). */
  readonly itemsPerSet?: number;
  /** Spare items as a multiple of the planted ones (default 0.3 … 2 at random). */
  readonly spare?: number;
  /**
   * Constraints exactly at the planted values (caps, minimums, importance bounds, overlap) — the
   * hardest feasible problems, for the soundness of the pre-checks. Default false: a little slack,
   * as real blueprints have, for the heuristic.
   */
  readonly tight?: boolean;
  /** Enemy pairs (default up to half the planted items); never inside one planted set. */
  readonly enemies?: number;
}

export interface PlantedProblem {
  readonly problem: AssemblyProblem;
  /** The planted solution (item ids per set); `checkSets(problem, planted)` is empty. */
  readonly planted: number[][];
}

const PLANTED_TYPES = ['trueFalse', 'singleChoice', 'multipleChoice'] as const;

/** A random feasible problem built around N planted sets (deterministic per seed). */
export function plantedProblem(options: PlantedOptions): PlantedProblem {
  const rng = new Random(options.seed, 0x91a7);
  const tight = options.tight ?? false;
  const N = options.sets ?? 1 + rng.int(5);
  const n = options.itemsPerSet ?? 4 + rng.int(37);
  const nodes = Array.from({ length: 1 + rng.int(4) }, (_, k) => LETTERS[k] ?? 'Z');
  const types = PLANTED_TYPES.filter(() => rng.next() < 0.7);
  if (types.length === 0) types.push('singleChoice');
  const combos = nodes.flatMap((node) => types.map((type) => ({ node, type })));
  let cells = combos.filter(() => rng.next() < 0.75);
  if (cells.length === 0) cells = [rng.pick(combos)];
  const kept = new Set(cells.map((c) => `${c.node}/${c.type}`));
  const ineligible = combos.filter((c) => !kept.has(`${c.node}/${c.type}`));
  const points = new Map(
    nodes.map((node) => [
      node,
      Array.from({ length: 1 + rng.int(5) }, (_, k) => {
        const r = rng.next();
        return { code: `${node}-${String(k + 1).padStart(3, '0')}`, importance: (r < 0.7 ? 'X' : r < 0.9 ? 'Y' : 'Z') as ItemImportance };
      }),
    ]),
  );
  const useBands = rng.next() < 0.7;
  const useImportance = rng.next() < 0.7;
  const varyPoints = rng.next() < 0.25;
  const parallel = rng.next() < 0.6;
  const pointsEach: Record<string, number> = { trueFalse: 1, singleChoice: 0.5, multipleChoice: 2 };
  const band = () => {
    const r = rng.int(10);
    return r < 1 ? 1 : r < 3 ? 2 : r < 7 ? 3 : r < 9 ? 4 : 5;
  };
  const drafts: Omit<AssemblyItem, 'id'>[] = [];
  const make = (cell: { node: string; type: string }, b: number): number => {
    const pts = points.get(cell.node) ?? [];
    const pt = rng.pick(pts);
    const [lo, hi] = BAND_P_RANGES[b - 1] ?? [0.55, 0.72];
    drafts.push({
      version: 1,
      type: cell.type,
      node: cell.node,
      point: pt.code,
      importance: pt.importance,
      band: b,
      p: Math.round(rng.range(lo, hi) * 1000) / 1000,
      points: varyPoints ? rng.pick([0.5, 1, 1.5, 2]) : (pointsEach[cell.type] ?? 1),
    });
    return drafts.length - 1;
  };
  const template = Array.from({ length: n }, () => ({ cell: rng.pick(cells), band: band() }));
  const sets: number[][] = Array.from({ length: N }, () =>
    (parallel ? template : Array.from({ length: n }, () => ({ cell: rng.pick(cells), band: band() }))).map((slot) => make(slot.cell, slot.band)),
  );
  // Shared items (overlap > 0): a set takes over an item of another set of the same cell and band.
  let overlap = 0;
  if (N >= 2 && rng.next() < 0.25) {
    const want = 1 + rng.int(3);
    for (let r = 0; r < want * 3; r += 1) {
      const s = rng.int(N);
      const t = (s + 1 + rng.int(N - 1)) % N;
      const from = sets[s] ?? [];
      const to = sets[t] ?? [];
      const i = rng.pick(from);
      const di = drafts[i];
      if (di === undefined || to.includes(i)) continue;
      const k = to.findIndex((j) => {
        const dj = drafts[j];
        return dj !== undefined && dj.node === di.node && dj.type === di.type && dj.band === di.band && !from.includes(j);
      });
      if (k < 0) continue;
      const shared = to.filter((j) => from.includes(j)).length;
      if (shared >= want) continue;
      to[k] = i;
    }
  }
  const setsOf = new Map<number, Set<number>>();
  sets.forEach((set, s) => {
    for (const i of set) setsOf.set(i, (setsOf.get(i) ?? new Set<number>()).add(s));
  });
  for (let s = 0; s < N; s += 1)
    for (let t = s + 1; t < N; t += 1) overlap = Math.max(overlap, (sets[s] ?? []).filter((i) => (sets[t] ?? []).includes(i)).length);
  // Spare items: mostly eligible, some of (node, 题型) without a cell.
  const spare = Math.round((options.spare ?? rng.range(0.3, 2)) * N * n);
  const spareIds: number[] = [];
  for (let k = 0; k < spare; k += 1) {
    const cell = ineligible.length > 0 && rng.next() < 0.1 ? rng.pick(ineligible) : rng.pick(cells);
    spareIds.push(make(cell, band()));
  }
  // Ids.
  const ids = rng.shuffle(Array.from({ length: drafts.length }, (_, i) => 1 + i + rng.int(3) * drafts.length));
  const uniqueIds = [...new Set(ids)];
  for (let i = uniqueIds.length; i < drafts.length; i += 1) uniqueIds.push(10 * drafts.length + i);
  const idOf = (i: number) => uniqueIds[i] ?? i;
  const items: AssemblyItem[] = rng.shuffle(drafts.map((d, i) => ({ id: idOf(i), ...d })));

  // Constraints derived from the planted sets.
  const slack = (k: number) => (tight ? 0 : rng.int(k + 1));
  const count = (s: number, pred: (d: Omit<AssemblyItem, 'id'>) => boolean) => (sets[s] ?? []).filter((i) => drafts[i] !== undefined && pred(drafts[i])).length;
  const perPoint = new Map<string, number[]>();
  sets.forEach((set, s) => {
    for (const i of set) {
      const code = drafts[i]?.point ?? '';
      const row = perPoint.get(code) ?? new Array<number>(N).fill(0);
      row[s] = (row[s] ?? 0) + 1;
      perPoint.set(code, row);
    }
  });
  const pointCap = Math.max(1, ...[...perPoint.values()].flat()) + slack(1);
  const pointMin = [...perPoint.entries()]
    .filter(() => rng.next() < 0.3)
    .slice(0, 3)
    .map(([point, row]) => ({ point, min: Math.max(0, Math.min(...row) - slack(1)) }))
    .filter((m) => m.min > 0);
  const enemyCount = options.enemies ?? rng.int(Math.floor((N * n) / 2) + 1);
  const enemies: [number, number][] = [];
  for (let r = 0; r < enemyCount * 4 && enemies.length < enemyCount; r += 1) {
    const a = rng.int(drafts.length);
    const b = rng.int(drafts.length);
    if (a === b) continue;
    const sa = setsOf.get(a);
    const sb = setsOf.get(b);
    if (sa !== undefined && sb !== undefined && [...sa].some((s) => sb.has(s))) continue;
    enemies.push([idOf(a), idOf(b)]);
  }
  const pinned = sets.flatMap((set, s) => set.filter(() => rng.next() < 0.05).map((i) => ({ itemId: idOf(i), set: s })));
  const excluded = spareIds.filter(() => rng.next() < 0.1).map(idOf);
  const penalised = items.filter(() => rng.next() < 0.1).map((i) => i.id);
  const sums = sets.map((set) => set.reduce((a, i) => a + (drafts[i]?.p ?? 0), 0));
  const tolerance = rng.pick([0, 0.0005, 0.001, 0.01]);
  const problem: AssemblyProblem = {
    sets: N,
    items,
    cells: cells.map((c) => ({ node: c.node, type: c.type, counts: sets.map((_, s) => count(s, (d) => d.node === c.node && d.type === c.type)) })),
    ...(useBands ? { bands: sets.map((_, s) => [1, 2, 3, 4, 5].map((b) => count(s, (d) => d.band === b))) } : {}),
    ...(useImportance
      ? {
          importance: {
            minX: sets.map((_, s) => Math.max(0, count(s, (d) => d.importance === 'X') - slack(2))),
            maxZ: sets.map((_, s) => count(s, (d) => d.importance === 'Z') + slack(2)),
          },
        }
      : {}),
    totalPoints: sets.map((set) => set.reduce((a, i) => a + (drafts[i]?.points ?? 0), 0)),
    pointCap,
    pointMin,
    overlap: overlap + (overlap > 0 ? slack(1) : 0),
    enemies,
    pinned,
    excluded,
    penalised,
    target: sums.map((x) => Math.round((x + (tight ? 0 : rng.range(-0.05, 0.05))) * 1e6) / 1e6),
    tolerance,
    seed: rng.int(1_000_000),
    names: { nodes: Object.fromEntries(nodes.map((c) => [c, `范围${c}`])), types: { ...SYNTHETIC_TYPE_NAMES } },
  };
  return { problem, planted: sets.map((set) => set.map(idOf)) };
}
