/**
 * Infeasibility pre-checks of an assembly problem (组卷前的题量核算): necessary conditions found by
 * counting, each explained in Chinese with the numbers that cause it, so that a user learns *why* the
 * bank cannot give the sets before any solver runs (and the heuristic can fail fast).
 *
 * Every finding is a proof of infeasibility: a problem that has a solution never gets one. The checks
 * therefore only use bounds that every solution obeys:
 * - a set takes distinct items, so each set needs at most the available items of each class;
 * - with `overlap = k`, N sets of n_1 … n_N items of a class use at least Σ n_s − k·N(N−1)/2 distinct
 *   items of it (Bonferroni: every item beyond its first set is shared by at least one pair of sets);
 *   with k = 0 that is simply Σ n_s;
 * - 每个鉴定点每套至多 c 道 limits what a set (or, with disjoint sets, all N sets) can take from a
 *   scope to Σ over its 鉴定点 of min(c, available) (resp. min(N·c, available));
 * - the difficulty split: per set (and, disjoint, for all sets together) there must be a table
 *   cells × bands with the cell quotas as row sums, the band quotas as column sums and no entry above
 *   the available items — a max-flow; a minimum cut names the scopes and bands that clash.
 * "Available" (已入库试题) = items of the problem whose (鉴定范围, 题型) has a quota, not excluded and not
 * their own enemy.
 *
 * The module also holds the small min-cost flow (successive shortest paths) that the heuristic uses to
 * split quotas over difficulty bands.
 */
import {
  cellKey,
  nodeName,
  typeName,
  type AssemblyItem,
  type AssemblyProblem,
  type ConstraintGroup,
} from './problem.js';

export interface Finding {
  readonly group: ConstraintGroup;
  readonly message: string;
}

// ---------------------------------------------------------------------------------------------------
// Min-cost flow on a small network (successive shortest paths, Bellman–Ford queue).
// ---------------------------------------------------------------------------------------------------

/**
 * Min-cost flow with integer costs on small networks (a few hundred nodes, a few thousand edges).
 * An edge may have a convex cost: its k-th unit costs `base + slope·k`, which spreads flow over parallel
 * routes (a balanced split). Successive shortest paths keep the flow optimal for every value; the queue
 * Bellman–Ford handles the negative residual costs.
 */
export class TransportFlow {
  private readonly head: number[];
  private readonly nextEdge: number[] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly flow: number[] = [];
  private readonly base: number[] = [];
  private readonly slope: number[] = [];

  constructor(readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
  }

  /** Adds an edge u → v and returns its index (for `flowOn`). */
  addEdge(u: number, v: number, capacity: number, base = 0, slope = 0): number {
    const e = this.to.length;
    this.push(u, v, Math.max(0, capacity), base, slope);
    this.push(v, u, 0, 0, 0);
    return e;
  }

  private push(u: number, v: number, capacity: number, base: number, slope: number): void {
    this.to.push(v);
    this.cap.push(capacity);
    this.flow.push(0);
    this.base.push(base);
    this.slope.push(slope);
    this.nextEdge.push(this.head[u] ?? -1);
    this.head[u] = this.to.length - 1;
  }

  flowOn(edge: number): number {
    return this.flow[edge] ?? 0;
  }

  private residual(e: number): number {
    // Odd edges are the reverses: their residual is the flow of the forward edge.
    return e % 2 === 0 ? (this.cap[e] ?? 0) - (this.flow[e] ?? 0) : (this.flow[e - 1] ?? 0);
  }

  private cost(e: number): number {
    if (e % 2 === 0) return (this.base[e] ?? 0) + (this.slope[e] ?? 0) * ((this.flow[e] ?? 0) + 1);
    const f = e - 1;
    return -((this.base[f] ?? 0) + (this.slope[f] ?? 0) * (this.flow[f] ?? 0));
  }

  /** Sends up to `limit` units from source to sink at minimum cost; returns the units sent. */
  run(source: number, sink: number, limit = Number.POSITIVE_INFINITY): number {
    const n = this.nodes;
    const dist = new Float64Array(n);
    const prev = new Int32Array(n);
    const inQueue = new Uint8Array(n);
    const queue = new Int32Array(n + 1);
    let sent = 0;
    while (sent < limit) {
      dist.fill(Number.POSITIVE_INFINITY);
      prev.fill(-1);
      dist[source] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = source;
      inQueue[source] = 1;
      let size = 1;
      while (size > 0) {
        const u = queue[qh] as number;
        qh = (qh + 1) % (n + 1);
        size -= 1;
        inQueue[u] = 0;
        const du = dist[u] as number;
        for (let e = this.head[u] ?? -1; e >= 0; e = this.nextEdge[e] ?? -1) {
          if (this.residual(e) <= 0) continue;
          const v = this.to[e] as number;
          const nd = du + this.cost(e);
          if (nd < (dist[v] as number)) {
            dist[v] = nd;
            prev[v] = e;
            if (inQueue[v] === 0) {
              inQueue[v] = 1;
              queue[qt] = v;
              qt = (qt + 1) % (n + 1);
              size += 1;
            }
          }
        }
      }
      if (prev[sink] === -1 || sink === source) break;
      let amount = limit - sent;
      let convex = false;
      for (let v = sink; v !== source; ) {
        const e = prev[v] as number;
        amount = Math.min(amount, this.residual(e));
        if ((this.slope[e - (e % 2)] ?? 0) !== 0) convex = true;
        v = this.to[e ^ 1] as number;
      }
      if (convex) amount = Math.min(amount, 1);
      if (amount <= 0) break;
      for (let v = sink; v !== source; ) {
        const e = prev[v] as number;
        if (e % 2 === 0) this.flow[e] = (this.flow[e] ?? 0) + amount;
        else this.flow[e - 1] = (this.flow[e - 1] ?? 0) - amount;
        v = this.to[e ^ 1] as number;
      }
      sent += amount;
    }
    return sent;
  }

  /** Nodes reachable from `source` in the residual network (after `run`: the source side of a minimum cut). */
  reachable(source: number): boolean[] {
    const seen = new Array<boolean>(this.nodes).fill(false);
    seen[source] = true;
    const stack = [source];
    while (stack.length > 0) {
      const u = stack.pop() as number;
      for (let e = this.head[u] ?? -1; e >= 0; e = this.nextEdge[e] ?? -1) {
        const v = this.to[e] as number;
        if (!seen[v] && this.residual(e) > 0) {
          seen[v] = true;
          stack.push(v);
        }
      }
    }
    return seen;
  }
}

// ---------------------------------------------------------------------------------------------------
// Eligibility, shared with the heuristic.
// ---------------------------------------------------------------------------------------------------

export interface Eligibility {
  /** Items by id (the last of duplicate ids wins, as in the checker). */
  readonly byId: ReadonlyMap<number, AssemblyItem>;
  /** Cell index by `cellKey` (the first of duplicate cells). */
  readonly cellIndex: ReadonlyMap<string, number>;
  /** Usable items with their cell index. */
  readonly eligible: readonly { readonly item: AssemblyItem; readonly cell: number }[];
  /** Items of a cell that are excluded, per cell index. */
  readonly excludedPerCell: readonly number[];
  /** Ids that are their own enemy (never usable). */
  readonly selfEnemies: ReadonlySet<number>;
}

export function eligibility(problem: AssemblyProblem): Eligibility {
  const byId = new Map<number, AssemblyItem>();
  for (const item of problem.items) byId.set(item.id, item);
  const cellIndex = new Map<string, number>();
  problem.cells.forEach((c, i) => {
    const key = cellKey(c.node, c.type);
    if (!cellIndex.has(key)) cellIndex.set(key, i);
  });
  const excluded = new Set(problem.excluded);
  const selfEnemies = new Set<number>();
  for (const [a, b] of problem.enemies) if (a === b) selfEnemies.add(a);
  const eligible: { item: AssemblyItem; cell: number }[] = [];
  const excludedPerCell = problem.cells.map(() => 0);
  for (const item of byId.values()) {
    const cell = cellIndex.get(cellKey(item.node, item.type));
    if (cell === undefined) continue;
    if (excluded.has(item.id)) {
      excludedPerCell[cell] = (excludedPerCell[cell] ?? 0) + 1;
      continue;
    }
    if (selfEnemies.has(item.id)) continue;
    eligible.push({ item, cell });
  }
  return { byId, cellIndex, eligible, excludedPerCell, selfEnemies };
}

// ---------------------------------------------------------------------------------------------------
// The checks.
// ---------------------------------------------------------------------------------------------------

const EPSILON = 1e-6;

function setLabel(s: number): string {
  return `第${s + 1}套`;
}

function fmt(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** `3 套 × 10` or `各套分别 10、12、10 道`. */
function perSetText(perSet: readonly number[]): string {
  const first = perSet[0] ?? 0;
  return perSet.every((n) => n === first) ? `${perSet.length} 套 × ${first}` : `各套分别 ${perSet.join('、')} 道`;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function bandList(bands: readonly number[]): string {
  return `难度 ${bands.map((b) => String(b)).join('、')} 级`;
}

function listSome(names: readonly string[], max = 4): string {
  return names.length <= max ? names.join('、') : `${names.slice(0, max).join('、')} 等 ${names.length} 项`;
}

/** Whole-number view of a cap (NaN means no cap, as in the checker). */
function capOf(pointCap: number): number {
  if (Number.isNaN(pointCap)) return Number.POSITIVE_INFINITY;
  return pointCap === Number.POSITIVE_INFINITY ? pointCap : Math.max(0, Math.floor(pointCap));
}

/** Every infeasibility found by counting, in Chinese; [] when none is found (which proves nothing). */
export function precheck(problem: AssemblyProblem, usable?: Eligibility): Finding[] {
  const out: Finding[] = [];
  const add = (group: ConstraintGroup, message: string) => {
    if (!out.some((f) => f.group === group && f.message === message)) out.push({ group, message });
  };
  const N = problem.sets;
  if (!Number.isInteger(N) || N < 1) {
    add('cells', `套数应为不小于 1 的整数，实际为 ${String(N)}`);
    return out;
  }
  if (!(problem.tolerance >= 0)) add('cells', `平行度容差应不小于 0，实际为 ${String(problem.tolerance)}`);
  // NaN limits never bind in the checker (every comparison with NaN is false): treat them as absent.
  const overlap = Number.isNaN(problem.overlap) ? Number.POSITIVE_INFINITY : Math.floor(problem.overlap);
  const pairs = (N * (N - 1)) / 2;
  if (N >= 2 && overlap < 0) add('overlap', `套间重复题量上限为 ${String(problem.overlap)}，无法满足`);
  const shareable = N >= 2 && overlap > 0 ? overlap * pairs : 0;
  const cap = capOf(problem.pointCap);

  const cellName = (c: number) => {
    const cell = problem.cells[c];
    return cell === undefined ? '' : `鉴定范围 ${nodeName(problem, cell.node)} ${typeName(problem, cell.type)}`;
  };
  const count = (c: number, s: number) => problem.cells[c]?.counts[s] ?? 0;

  // Parameters.
  let broken = false;
  problem.cells.forEach((cell, c) => {
    for (let s = 0; s < N; s += 1) {
      const n = cell.counts[s] ?? 0;
      if (!Number.isInteger(n) || n < 0) {
        add('cells', `${cellName(c)}${setLabel(s)}题量为 ${String(n)}，应为不小于 0 的整数`);
        broken = true;
      }
    }
  });
  const seenCells = new Map<string, number>();
  problem.cells.forEach((cell, c) => {
    const key = cellKey(cell.node, cell.type);
    const first = seenCells.get(key);
    if (first === undefined) {
      seenCells.set(key, c);
      return;
    }
    for (let s = 0; s < N; s += 1) {
      if (count(first, s) !== count(c, s)) {
        add('cells', `${cellName(c)}重复列出，${setLabel(s)}题量分别为 ${count(first, s)} 和 ${count(c, s)} 道`);
        broken = true;
        break;
      }
    }
  });
  const bands = problem.bands;
  if (bands !== undefined) {
    for (let s = 0; s < N; s += 1) {
      (bands[s] ?? []).forEach((n, b) => {
        if (!Number.isInteger(n) || n < 0) {
          add('bands', `${setLabel(s)}难度 ${b + 1} 级题量为 ${String(n)}，应为不小于 0 的整数`);
          broken = true;
        }
      });
    }
  }
  for (let s = 0; s < N; s += 1) {
    const maxZ = problem.importance?.maxZ[s];
    if (maxZ !== undefined && maxZ < 0) {
      add('importance', `${setLabel(s)}辅助要素（Z）试题上限为 ${maxZ} 道，无法满足`);
      broken = true;
    }
  }
  for (const m of problem.pointMin) {
    if (m.min > cap) add('pointMin', `鉴定点 ${m.point} 每套至少需要 ${m.min} 道题，但每个鉴定点每套至多 ${cap} 道`);
  }
  if (broken) return out;

  const { byId, eligible, excludedPerCell, cellIndex, selfEnemies } = usable ?? eligibility(problem);
  const C = problem.cells.length;
  const excludedNote = (n: number) => (n > 0 ? `（另有 ${n} 道已排除）` : '');

  /** Message when N sets needing perSet items of a class cannot be served by `avail` items. */
  const shortage = (what: string, noun: string, perSet: readonly number[], avail: number, excludedCount = 0): string | null => {
    const total = sum(perSet);
    const most = Math.max(0, ...perSet);
    const distinct = Math.max(most, total - shareable);
    if (distinct <= avail) return null;
    const tail = `题库中只有 ${avail} 道已入库试题${excludedNote(excludedCount)}`;
    if (shareable > 0 && N >= 2) {
      if (total - shareable >= most)
        return `${what}需要 ${total} 道${noun}（${perSetText(perSet)}），套间每两套至多重复 ${overlap} 道，至少需要 ${distinct} 道不同试题，${tail}`;
      return `${what}每套至多需要 ${most} 道${noun}，${tail}`;
    }
    return `${what}需要 ${total} 道${noun}（${perSetText(perSet)}），${tail}`;
  };

  // Availability per type, cell, band and 鉴定点.
  const availCell = new Array<number>(C).fill(0);
  const availType = new Map<string, number>();
  const excludedType = new Map<string, number>();
  for (const { item, cell } of eligible) {
    availCell[cell] = (availCell[cell] ?? 0) + 1;
    availType.set(item.type, (availType.get(item.type) ?? 0) + 1);
  }
  problem.cells.forEach((cell, c) => {
    if (cellIndex.get(cellKey(cell.node, cell.type)) !== c) return;
    excludedType.set(cell.type, (excludedType.get(cell.type) ?? 0) + (excludedPerCell[c] ?? 0));
  });
  const uniqueCells = problem.cells.map((_, c) => c).filter((c) => {
    const cell = problem.cells[c];
    return cell !== undefined && cellIndex.get(cellKey(cell.node, cell.type)) === c;
  });
  /** Position of a cell in `uniqueCells`. */
  const posOf = new Array<number>(C).fill(-1);
  uniqueCells.forEach((c, k) => (posOf[c] = k));

  const totals = Array.from({ length: N }, (_, s) => sum(uniqueCells.map((c) => count(c, s))));

  // 题型 (all nodes).
  const types = [...new Set(uniqueCells.map((c) => problem.cells[c]?.type ?? ''))];
  for (const type of types) {
    const perSet = Array.from({ length: N }, (_, s) => sum(uniqueCells.filter((c) => problem.cells[c]?.type === type).map((c) => count(c, s))));
    const msg = shortage(typeName(problem, type), '', perSet, availType.get(type) ?? 0, excludedType.get(type) ?? 0);
    if (msg !== null) add('cells', msg);
  }
  // Cells.
  const shortCells = new Set<number>();
  for (const c of uniqueCells) {
    const perSet = Array.from({ length: N }, (_, s) => count(c, s));
    const msg = shortage(cellName(c), '', perSet, availCell[c] ?? 0, excludedPerCell[c] ?? 0);
    if (msg !== null) {
      add('cells', msg);
      shortCells.add(c);
    }
  }

  // Bands.
  const B = bands === undefined ? 0 : Math.max(0, ...Array.from({ length: N }, (_, s) => bands[s]?.length ?? 0));
  const bandOf = (item: AssemblyItem, length: number) => (Number.isInteger(item.band) && item.band >= 1 && item.band <= length ? item.band - 1 : -1);
  let bandTrouble = false;
  if (bands !== undefined && B > 0) {
    const availBand = new Array<number>(B).fill(0);
    for (const { item } of eligible) {
      const b = bandOf(item, B);
      if (b >= 0) availBand[b] = (availBand[b] ?? 0) + 1;
    }
    for (let b = 0; b < B; b += 1) {
      const perSet = Array.from({ length: N }, (_, s) => bands[s]?.[b] ?? 0);
      const msg = shortage(`难度 ${b + 1} 级试题`, '', perSet, availBand[b] ?? 0);
      if (msg !== null) {
        add('bands', msg);
        bandTrouble = true;
      }
    }
    const uniform = Array.from({ length: N }, (_, s) => `${(bands[s] ?? []).join(',')}|${totals[s] ?? 0}`).every((k, _, all) => k === all[0]);
    const perBandValue = new Map<number, number>();
    for (const { item } of eligible) perBandValue.set(item.band, (perBandValue.get(item.band) ?? 0) + 1);
    for (let s = 0; s < N; s += 1) {
      const row = bands[s];
      if (row === undefined) continue;
      const banded = sum(row);
      const total = totals[s] ?? 0;
      let others = eligible.length;
      for (let b = 1; b <= row.length; b += 1) others -= perBandValue.get(b) ?? 0;
      if (banded > total || total - banded > others) {
        add('bands', `${uniform ? '每套' : setLabel(s)}难度分布合计 ${banded} 道，与各鉴定范围题型题量合计 ${total} 道不一致`);
        bandTrouble = true;
      }
    }
    if (!bandTrouble && shortCells.size === 0) bandTrouble = bandSplitChecks(problem, eligible, uniqueCells, totals, shareable, add, cellName) || bandTrouble;
  }

  // 每个鉴定点每套至多 cap 道.
  if (Number.isFinite(cap)) {
    const perPointInCell = uniqueCells.map(() => new Map<string, number>());
    for (const { item, cell } of eligible) {
      const m = perPointInCell[posOf[cell] ?? -1];
      if (m !== undefined) m.set(item.point, (m.get(item.point) ?? 0) + 1);
    }
    /** Σ over points of min(limit, available in the cells of `group`), and how many points have items there. */
    const capacity = (group: readonly number[], limit: number) => {
      const merged = new Map<string, number>();
      for (const k of group) for (const [pt, n] of perPointInCell[k] ?? []) merged.set(pt, (merged.get(pt) ?? 0) + n);
      let total = 0;
      for (const n of merged.values()) total += Math.min(limit, n);
      return { total, points: merged.size };
    };
    const capMsg = (where: string, what: string, group: readonly number[], scope = '该范围'): boolean => {
      const perSet = Array.from({ length: N }, (_, s) => sum(group.map((k) => count(uniqueCells[k] ?? 0, s))));
      const uniform = perSet.every((n) => n === perSet[0]);
      let fired = false;
      const one = capacity(group, cap);
      for (let s = 0; s < N; s += 1) {
        const need = perSet[s] ?? 0;
        if (need <= one.total) continue;
        const who = uniform ? '每套' : setLabel(s);
        add(
          'pointCap',
          cap === 1
            ? `${where} ${who}需要 ${need} 道${what}，但每个鉴定点每套至多 1 道，${scope}只有 ${one.points} 个鉴定点有${what === '题' ? '试题' : what}`
            : `${where} ${who}需要 ${need} 道${what}，但每个鉴定点每套至多 ${cap} 道，${scope} ${one.points} 个鉴定点的${what === '题' ? '试题' : what}每套至多能选 ${one.total} 道`,
        );
        fired = true;
        if (uniform) break;
      }
      if (!fired && overlap === 0 && N >= 2) {
        const all = capacity(group, N * cap);
        const need = sum(perSet);
        if (need > all.total) {
          add(
            'pointCap',
            `${where} ${what === '题' ? '' : what} ${N} 套共需 ${need} 道，但每个鉴定点每套至多 ${cap} 道且各套不能重复，${scope} ${all.points} 个鉴定点至多能提供 ${all.total} 道`.replace(/ {2}/g, ' '),
          );
          fired = true;
        }
      }
      return fired;
    };
    const nodes = new Map<string, number[]>();
    let anyFired = false;
    uniqueCells.forEach((c, k) => {
      const cell = problem.cells[c];
      if (cell === undefined) return;
      const list = nodes.get(cell.node) ?? [];
      list.push(k);
      nodes.set(cell.node, list);
      if (shortCells.has(c)) return;
      if (capMsg(`鉴定范围 ${nodeName(problem, cell.node)}`, typeName(problem, cell.type), [k])) {
        anyFired = true;
        shortCells.add(c);
      }
    });
    for (const [node, group] of nodes) {
      if (group.length < 2 || group.some((k) => shortCells.has(uniqueCells[k] ?? -1))) continue;
      if (capMsg(`鉴定范围 ${nodeName(problem, node)}`, '题', group)) anyFired = true;
    }
    if (!anyFired && shortCells.size === 0) capMsg('全卷', '题', uniqueCells.map((_, k) => k), '题库中');
  }

  // 鉴定点 minimums.
  const perPoint = new Map<string, number>();
  for (const { item } of eligible) perPoint.set(item.point, (perPoint.get(item.point) ?? 0) + 1);
  let minShort = false;
  for (const m of problem.pointMin) {
    if (!(m.min > 0) || m.min > cap) continue;
    const msg = shortage(`鉴定点 ${m.point} `, '题', new Array<number>(N).fill(Math.ceil(m.min)), perPoint.get(m.point) ?? 0);
    if (msg !== null) {
      add('pointMin', msg);
      minShort = true;
    }
  }
  if (!minShort && problem.pointMin.length > 0) {
    // Each item covers one 鉴定点: the minimums of the 鉴定点 whose items all lie in a scope must fit its quota.
    const minOf = new Map<string, number>();
    for (const m of problem.pointMin) if (m.min > 0) minOf.set(m.point, Math.max(minOf.get(m.point) ?? 0, Math.ceil(m.min)));
    const homeCells = new Map<string, Set<number>>();
    for (const { item, cell } of eligible) {
      if (!minOf.has(item.point)) continue;
      const set = homeCells.get(item.point) ?? new Set<number>();
      set.add(cell);
      homeCells.set(item.point, set);
    }
    const fit = (where: string, cellsOf: (pt: string) => boolean, group: readonly number[], wholePaper: boolean) => {
      let need = 0;
      let points = 0;
      for (const [pt, min] of minOf) {
        if (!cellsOf(pt)) continue;
        need += min;
        points += 1;
      }
      if (points === 0) return;
      const perSet = Array.from({ length: N }, (_, s) => sum(group.map((c) => count(c, s))));
      const uniform = perSet.every((x) => x === perSet[0]);
      for (let s = 0; s < N; s += 1) {
        const have = perSet[s] ?? 0;
        if (need <= have) continue;
        const who = uniform ? '每套' : setLabel(s);
        add(
          'pointMin',
          wholePaper
            ? `必须覆盖的鉴定点有 ${points} 个，${who}至少需要 ${need} 道题，但${who}只有 ${have} 道题`
            : `${where}${who}只有 ${have} 道题，但有 ${points} 个必须覆盖的鉴定点只能从中选题，${who}至少需要 ${need} 道`,
        );
        if (uniform) break;
      }
    };
    fit('', () => true, uniqueCells, true);
    const within = (pt: string, ok: (c: number) => boolean) => {
      const home = homeCells.get(pt);
      return home !== undefined && [...home].every(ok);
    };
    for (const c of uniqueCells) fit(cellName(c), (pt) => within(pt, (x) => x === c), [c], false);
    const byNode = new Map<string, number[]>();
    for (const c of uniqueCells) {
      const node = problem.cells[c]?.node ?? '';
      byNode.set(node, [...(byNode.get(node) ?? []), c]);
    }
    for (const [node, group] of byNode) {
      if (group.length < 2) continue;
      const inNode = new Set(group);
      fit(`鉴定范围 ${nodeName(problem, node)} `, (pt) => within(pt, (x) => inNode.has(x)), group, false);
    }
  }

  // Importance.
  const importance = problem.importance;
  if (importance !== undefined && shortCells.size === 0) {
    const xCell = new Array<number>(C).fill(0);
    const nonZCell = new Array<number>(C).fill(0);
    const xPerPoint = new Map<string, number>();
    for (const { item, cell } of eligible) {
      if (item.importance === 'X') {
        xCell[cell] = (xCell[cell] ?? 0) + 1;
        xPerPoint.set(item.point, (xPerPoint.get(item.point) ?? 0) + 1);
      }
      if (item.importance !== 'Z') nonZCell[cell] = (nonZCell[cell] ?? 0) + 1;
    }
    const xAvail = sum(xCell);
    let xByCap = 0;
    for (const n of xPerPoint.values()) xByCap += Math.min(cap, n);
    const minX = Array.from({ length: N }, (_, s) => Math.max(0, Math.ceil(importance.minX[s] ?? 0)));
    const maxZ = Array.from({ length: N }, (_, s) => importance.maxZ[s] ?? Number.POSITIVE_INFINITY);
    const uniform =
      minX.every((x) => x === minX[0]) &&
      maxZ.every((z) => z === maxZ[0]) &&
      uniqueCells.every((c) => Array.from({ length: N }, (_, s) => count(c, s)).every((n) => n === count(c, 0)));
    let fired = false;
    for (let s = 0; s < N && !(fired && uniform); s += 1) {
      const who = uniform ? '每套' : setLabel(s);
      const need = minX[s] ?? 0;
      const byCells = sum(uniqueCells.map((c) => Math.min(count(c, s), xCell[c] ?? 0)));
      if (need > byCells) {
        add('importance', `核心要素（X）试题${who}至少需要 ${need} 道，但按各鉴定范围题型题量，${who}至多能选 ${byCells} 道 X 类已入库试题`);
        fired = true;
      } else if (need > xByCap) {
        add('importance', `核心要素（X）试题${who}至少需要 ${need} 道，但每个鉴定点每套至多 ${cap} 道，X 类鉴定点${who}至多能提供 ${xByCap} 道`);
        fired = true;
      }
      const forced = uniqueCells.map((c) => ({ c, z: Math.max(0, count(c, s) - (nonZCell[c] ?? 0)) })).filter((f) => f.z > 0);
      const zNeed = sum(forced.map((f) => f.z));
      if (zNeed > (maxZ[s] ?? 0)) {
        add(
          'importance',
          `辅助要素（Z）试题${who}至多 ${maxZ[s] ?? 0} 道，但${listSome(forced.map((f) => cellName(f.c)))}的非 Z 类已入库试题不足，${who}至少要选 ${zNeed} 道 Z 类试题`,
        );
        fired = true;
      }
    }
    if (!fired && N >= 2) {
      const need = sum(minX);
      const distinct = need - shareable;
      if (distinct > xAvail) {
        add(
          'importance',
          shareable > 0
            ? `核心要素（X）试题需要至少 ${need} 道（${perSetText(minX)}），套间每两套至多重复 ${overlap} 道，至少需要 ${distinct} 道不同试题，题库中只有 ${xAvail} 道 X 类已入库试题`
            : `核心要素（X）试题需要至少 ${need} 道（${perSetText(minX)}），题库中只有 ${xAvail} 道 X 类已入库试题`,
        );
      } else if (overlap === 0) {
        const byCells = sum(uniqueCells.map((c) => Math.min(sum(Array.from({ length: N }, (_, s) => count(c, s))), xCell[c] ?? 0)));
        if (need > byCells)
          add('importance', `核心要素（X）试题需要至少 ${need} 道（${perSetText(minX)}），但按各鉴定范围题型题量，${N} 套至多能选 ${byCells} 道 X 类已入库试题`);
        const forced = uniqueCells
          .map((c) => ({ c, z: Math.max(0, sum(Array.from({ length: N }, (_, s) => count(c, s))) - (nonZCell[c] ?? 0)) }))
          .filter((f) => f.z > 0);
        const zNeed = sum(forced.map((f) => f.z));
        const zCap = sum(maxZ);
        if (zNeed > zCap)
          add(
            'importance',
            `辅助要素（Z）试题 ${N} 套合计至多 ${zCap} 道，但${listSome(forced.map((f) => cellName(f.c)))}的非 Z 类已入库试题不足，${N} 套至少要选 ${zNeed} 道 Z 类试题`,
          );
      }
    }
  }

  // Total points.
  if (shortCells.size === 0) {
    const pointsPerCell = uniqueCells.map(() => [] as number[]);
    for (const { item, cell } of eligible) pointsPerCell[posOf[cell] ?? -1]?.push(item.points);
    for (const list of pointsPerCell) list.sort((a, b) => a - b);
    const ranges = Array.from({ length: N }, (_, s) => {
      let lo = 0;
      let hi = 0;
      uniqueCells.forEach((c, k) => {
        const list = pointsPerCell[k] ?? [];
        const n = count(c, s);
        for (let i = 0; i < n; i += 1) {
          lo += list[i] ?? 0;
          hi += list[list.length - 1 - i] ?? 0;
        }
      });
      return { lo, hi, want: problem.totalPoints[s] ?? 0 };
    });
    const uniform = ranges.every((r) => Math.abs(r.lo - (ranges[0]?.lo ?? 0)) < EPSILON && Math.abs(r.hi - (ranges[0]?.hi ?? 0)) < EPSILON && r.want === ranges[0]?.want);
    ranges.forEach(({ lo, hi, want }, s) => {
      if (Number.isNaN(want) || (want >= lo - EPSILON && want <= hi + EPSILON)) return;
      const who = uniform ? '每套' : setLabel(s);
      add(
        'points',
        hi - lo < EPSILON
          ? `按各鉴定范围题型题量，${who}卷面总分只能是 ${fmt(lo)} 分，应为 ${fmt(want)} 分`
          : `按各鉴定范围题型题量，${who}卷面总分只能在 ${fmt(lo)}–${fmt(hi)} 分之间，应为 ${fmt(want)} 分`,
      );
    });
  }

  pinnedChecks(problem, byId, cellIndex, selfEnemies, cap, overlap, add, cellName);
  return out;
}

/** Cells × bands split per set and, for disjoint sets, for all sets together (max-flow, min-cut message). */
function bandSplitChecks(
  problem: AssemblyProblem,
  eligible: Eligibility['eligible'],
  uniqueCells: readonly number[],
  totals: readonly number[],
  shareable: number,
  add: (group: ConstraintGroup, message: string) => void,
  cellName: (c: number) => string,
): boolean {
  const bands = problem.bands;
  if (bands === undefined) return false;
  const N = problem.sets;
  const count = (c: number, s: number) => problem.cells[c]?.counts[s] ?? 0;
  const position = new Map(uniqueCells.map((c, k) => [c, k]));
  const check = (sets: readonly number[], where: string): boolean => {
    const L = bands[sets[0] ?? 0]?.length ?? 0;
    if (sets.some((s) => (bands[s]?.length ?? -1) !== L)) return false;
    const K = uniqueCells.length;
    // Nodes: 0 source, 1..K cells, K+1..K+L bands, K+L+1 other bands, K+L+2 sink.
    const other = K + L + 1;
    const sink = K + L + 2;
    const flow = new TransportFlow(K + L + 3);
    const avail = Array.from({ length: K }, () => new Array<number>(L + 1).fill(0));
    for (const { item, cell } of eligible) {
      const k = position.get(cell);
      if (k === undefined) continue;
      const b = Number.isInteger(item.band) && item.band >= 1 && item.band <= L ? item.band - 1 : L;
      const row = avail[k] as number[];
      row[b] = (row[b] ?? 0) + 1;
    }
    const mult = sets.length;
    let need = 0;
    uniqueCells.forEach((c, k) => {
      const n = sum(sets.map((s) => count(c, s)));
      need += n;
      flow.addEdge(0, k + 1, n);
      for (let b = 0; b <= L; b += 1) flow.addEdge(k + 1, b < L ? K + 1 + b : other, avail[k]?.[b] ?? 0);
    });
    const bandNeed = Array.from({ length: L }, (_, b) => sum(sets.map((s) => bands[s]?.[b] ?? 0)));
    bandNeed.forEach((n, b) => flow.addEdge(K + 1 + b, sink, n));
    const otherNeed = sum(sets.map((s) => (totals[s] ?? 0) - sum(bands[s] ?? [])));
    flow.addEdge(other, sink, otherNeed);
    const sent = flow.run(0, sink);
    if (sent >= need) return false;
    const seen = flow.reachable(0);
    const cells = uniqueCells.filter((_, k) => seen[k + 1]);
    const tight = bandNeed.map((_, b) => b).filter((b) => seen[K + 1 + b]);
    const cellNeed = sum(cells.map((c) => sum(sets.map((s) => count(c, s)))));
    const tightNeed = sum(tight.map((b) => bandNeed[b] ?? 0));
    let rest = 0;
    for (const c of cells) {
      const k = position.get(c) ?? 0;
      for (let b = 0; b <= L; b += 1) if (!(b < L && seen[K + 1 + b]) && !(b === L && seen[other])) rest += avail[k]?.[b] ?? 0;
    }
    const names = listSome(cells.map(cellName));
    const restText = tight.length === 0 ? `这些范围的已入库试题只有 ${rest} 道` : `其他难度级别的已入库试题只有 ${rest} 道`;
    const tightText = tight.length === 0 ? '' : `${bandList(tight.map((b) => b + 1))}试题按难度分布${mult > 1 ? ` ${mult} 套` : ''}共只要 ${tightNeed} 道，`;
    add('bands', `难度分布与各鉴定范围题型题量无法同时满足：${where}${names}共需 ${cellNeed} 道，${tightText}${restText}`);
    return true;
  };
  let fired = false;
  const uniform = Array.from({ length: N }, (_, s) => `${(bands[s] ?? []).join(',')}|${uniqueCells.map((c) => count(c, s)).join(',')}`).every(
    (k, _, all) => k === all[0],
  );
  for (let s = 0; s < N; s += 1) {
    if (bands[s] === undefined) continue;
    if (check([s], uniform ? '每套' : setLabel(s))) {
      fired = true;
      if (uniform) break;
    }
  }
  if (!fired && shareable === 0 && N >= 2 && Array.from({ length: N }, (_, s) => bands[s] !== undefined).every(Boolean)) {
    fired = check(
      Array.from({ length: N }, (_, s) => s),
      `${N} 套合计，`,
    );
  }
  return fired;
}

function pinnedChecks(
  problem: AssemblyProblem,
  byId: ReadonlyMap<number, AssemblyItem>,
  cellIndex: ReadonlyMap<string, number>,
  selfEnemies: ReadonlySet<number>,
  cap: number,
  overlap: number,
  add: (group: ConstraintGroup, message: string) => void,
  cellName: (c: number) => string,
): void {
  const N = problem.sets;
  const excluded = new Set(problem.excluded);
  const valid: { item: AssemblyItem; set: number; cell: number }[] = [];
  const seen = new Set<string>();
  for (const pin of problem.pinned) {
    const item = byId.get(pin.itemId);
    if (item === undefined) {
      add('pinned', `指定试题 ${pin.itemId} 不在题库中`);
      continue;
    }
    if (!Number.isInteger(pin.set) || pin.set < 0 || pin.set >= N) {
      add('pinned', `指定试题 ${pin.itemId} 指定到第 ${String(pin.set + 1)} 套，但只组 ${N} 套`);
      continue;
    }
    const cell = cellIndex.get(cellKey(item.node, item.type));
    if (cell === undefined) {
      add('pinned', `指定试题 ${pin.itemId}（${nodeName(problem, item.node)}，${typeName(problem, item.type)}）不属于任何组卷题量`);
      continue;
    }
    if (excluded.has(pin.itemId)) {
      add('pinned', `指定试题 ${pin.itemId} 已被排除`);
      continue;
    }
    if (selfEnemies.has(pin.itemId)) {
      add('pinned', `指定试题 ${pin.itemId} 被列为与自身互斥，任何一套都不能使用`);
      continue;
    }
    const key = `${pin.itemId}/${pin.set}`;
    if (seen.has(key)) continue;
    seen.add(key);
    valid.push({ item, set: pin.set, cell });
  }
  if (N >= 2) {
    const setsOf = new Map<number, number[]>();
    for (const p of valid) setsOf.set(p.item.id, [...(setsOf.get(p.item.id) ?? []), p.set]);
    const shared = new Map<string, number>();
    for (const list of setsOf.values()) {
      for (let a = 0; a < list.length; a += 1)
        for (let b = a + 1; b < list.length; b += 1) {
          const s = Math.min(list[a] ?? 0, list[b] ?? 0);
          const t = Math.max(list[a] ?? 0, list[b] ?? 0);
          shared.set(`${s}/${t}`, (shared.get(`${s}/${t}`) ?? 0) + 1);
        }
    }
    for (const [key, n] of shared) {
      const [s, t] = key.split('/').map(Number);
      if (n > Math.max(0, overlap)) add('pinned', `指定试题使${setLabel(s ?? 0)}与${setLabel(t ?? 0)}重复 ${n} 道，上限 ${Math.max(0, overlap)} 道`);
    }
  }
  const inSet = Array.from({ length: N }, () => new Set<number>());
  for (const p of valid) inSet[p.set]?.add(p.item.id);
  for (const [a, b] of problem.enemies) {
    if (a === b) continue;
    for (let s = 0; s < N; s += 1) if (inSet[s]?.has(a) && inSet[s]?.has(b)) add('pinned', `指定试题 ${a} 和 ${b} 互斥，却都指定在${setLabel(s)}`);
  }
  for (let s = 0; s < N; s += 1) {
    const mine = valid.filter((p) => p.set === s);
    const perCell = new Map<number, number>();
    const perPoint = new Map<string, number>();
    const perBand = new Map<number, number>();
    let z = 0;
    for (const p of mine) {
      perCell.set(p.cell, (perCell.get(p.cell) ?? 0) + 1);
      perPoint.set(p.item.point, (perPoint.get(p.item.point) ?? 0) + 1);
      perBand.set(p.item.band, (perBand.get(p.item.band) ?? 0) + 1);
      if (p.item.importance === 'Z') z += 1;
    }
    for (const [c, n] of perCell) {
      const want = problem.cells[c]?.counts[s] ?? 0;
      if (n > want) add('pinned', `${setLabel(s)}指定了${cellName(c)} ${n} 道，超过该套题量 ${want} 道`);
    }
    for (const [pt, n] of perPoint) if (n > cap) add('pinned', `${setLabel(s)}指定试题中鉴定点 ${pt} 有 ${n} 道，超过每个鉴定点每套至多 ${cap} 道`);
    const row = problem.bands?.[s];
    if (row !== undefined) {
      for (const [band, n] of perBand) {
        const want = Number.isInteger(band) && band >= 1 && band <= row.length ? (row[band - 1] ?? 0) : undefined;
        if (want !== undefined && n > want) add('pinned', `${setLabel(s)}指定试题中难度 ${band} 级有 ${n} 道，超过难度分布 ${want} 道`);
      }
    }
    const maxZ = problem.importance?.maxZ[s];
    if (maxZ !== undefined && z > 0 && z > maxZ) add('pinned', `${setLabel(s)}指定了 ${z} 道辅助要素（Z）试题，超过上限 ${maxZ} 道`);
  }
}
