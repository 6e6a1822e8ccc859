/**
 * The rows of the assembly MIP, in a fixed order: cells, bands, importance, points, pointCap,
 * pointMin, overlap, enemies, pinned, then the two deviation rows per set ('minimax' only).
 * Rows of a relaxed group are left out; see `index.ts` for what each row says.
 */
import { type AssemblyProblem, type ConstraintGroup, cellKey, pointCapOf } from '../problem.js';
import type { MipColumns } from './columns.js';
import type { MipRowGroup, RowDraft } from './types.js';

const INF = Number.POSITIVE_INFINITY;

export function buildRows(problem: AssemblyProblem, columns: MipColumns, relax: ReadonlySet<ConstraintGroup>): RowDraft[] {
  const { S, numX, numY, yStart, xItemList, xSetList, yItemList, ySetList, yOtherList, indexOf, col, colsOfSet } = columns;
  const items = problem.items;
  const rows: RowDraft[] = [];
  const addRow = (group: MipRowGroup, cols: number[], vals: number[] | number, lower: number, upper: number) => {
    if (cols.length === 0 && lower <= 0 && upper >= 0) return;
    const v = typeof vals === 'number' ? new Array<number>(cols.length).fill(vals) : vals;
    rows.push({ cols, vals: v, lower, upper, group });
  };

  if (!relax.has('cells')) {
    const byCell = new Map<string, number[]>();
    for (let c = 0; c < numX; c += 1) {
      const item = items[xItemList[c] ?? -1];
      if (item === undefined) continue;
      const key = `${cellKey(item.node, item.type)}\u0000${xSetList[c]}`;
      const list = byCell.get(key) ?? [];
      list.push(c);
      byCell.set(key, list);
    }
    for (const cell of problem.cells) {
      for (let s = 0; s < S; s += 1) {
        const want = cell.counts[s] ?? 0;
        addRow('cells', [...(byCell.get(`${cellKey(cell.node, cell.type)}\u0000${s}`) ?? [])], 1, want, want);
      }
    }
  }

  if (problem.bands !== undefined && !relax.has('bands')) {
    for (let s = 0; s < S; s += 1) {
      const bands = problem.bands[s];
      if (bands === undefined) continue;
      bands.forEach((want, b) => addRow('bands', colsOfSet(s, (i) => items[i]?.band === b + 1), 1, want, want));
    }
  }

  if (problem.importance !== undefined && !relax.has('importance')) {
    for (let s = 0; s < S; s += 1) {
      const minX = problem.importance.minX[s] ?? 0;
      if (minX > 0) addRow('importance', colsOfSet(s, (i) => items[i]?.importance === 'X'), 1, minX, INF);
      const maxZ = problem.importance.maxZ[s];
      if (maxZ !== undefined) {
        const z = colsOfSet(s, (i) => items[i]?.importance === 'Z');
        if (z.length > maxZ) addRow('importance', z, 1, -INF, maxZ);
      }
    }
  }

  if (!relax.has('points')) {
    for (let s = 0; s < S; s += 1) {
      const want = problem.totalPoints[s] ?? 0;
      const cols = colsOfSet(s, () => true);
      addRow('points', cols, cols.map((c) => items[xItemList[c] ?? -1]?.points ?? 0), want, want);
    }
  }

  const colsByPoint = (s: number): Map<string, number[]> => {
    const out = new Map<string, number[]>();
    for (const c of colsOfSet(s, () => true)) {
      const point = items[xItemList[c] ?? -1]?.point ?? '';
      const list = out.get(point) ?? [];
      list.push(c);
      out.set(point, list);
    }
    return out;
  };
  const byPoint = Array.from({ length: S }, (_, s) => colsByPoint(s));

  if (!relax.has('pointCap')) {
    for (let s = 0; s < S; s += 1) {
      for (const [point, cols] of byPoint[s] ?? []) {
        const cap = pointCapOf(problem, point);
        if (cols.length > cap) addRow('pointCap', cols, 1, -INF, cap);
      }
    }
  }

  if (!relax.has('pointMin')) {
    for (const m of problem.pointMin) {
      if (m.min <= 0) continue;
      for (let s = 0; s < S; s += 1) addRow('pointMin', [...(byPoint[s]?.get(m.point) ?? [])], 1, m.min, INF);
    }
  }

  if (!relax.has('overlap')) {
    if (problem.overlap <= 0) {
      for (let i = 0; i < items.length; i += 1) {
        const cols: number[] = [];
        for (let s = 0; s < S; s += 1) if (col(i, s) >= 0) cols.push(col(i, s));
        if (cols.length > 1) addRow('overlap', cols, 1, -INF, 1);
      }
    } else {
      const perPair = new Map<number, number[]>();
      for (let k = 0; k < numY; k += 1) {
        const i = yItemList[k] ?? 0;
        const s = ySetList[k] ?? 0;
        const u = yOtherList[k] ?? 0;
        addRow('overlap', [col(i, s), col(i, u), yStart + k], [1, 1, -1], -INF, 1);
        const pair = s * S + u;
        const list = perPair.get(pair) ?? [];
        list.push(yStart + k);
        perPair.set(pair, list);
      }
      for (const ys of perPair.values()) if (ys.length > problem.overlap) addRow('overlap', ys, 1, -INF, problem.overlap);
    }
  }

  if (!relax.has('enemies')) {
    for (const [a, b] of problem.enemies) {
      const ia = indexOf.get(a);
      const ib = indexOf.get(b);
      if (ia === undefined || ib === undefined || ia === ib) continue;
      for (let s = 0; s < S; s += 1) {
        const ca = col(ia, s);
        const cb = col(ib, s);
        if (ca >= 0 && cb >= 0) addRow('enemies', [ca, cb], 1, -INF, 1);
      }
    }
  }

  if (!relax.has('pinned')) {
    for (const pin of problem.pinned) {
      const i = indexOf.get(pin.itemId);
      const c = i === undefined || pin.set < 0 || pin.set >= S ? -1 : col(i, pin.set);
      addRow('pinned', c >= 0 ? [c] : [], 1, 1, INF);
    }
  }

  const { tCol } = columns;
  if (tCol !== null) {
    for (let s = 0; s < S; s += 1) {
      const target = problem.target[s] ?? 0;
      const cols = colsOfSet(s, () => true);
      const ps = cols.map((c) => items[xItemList[c] ?? -1]?.p ?? 0);
      rows.push({ cols: [...cols, tCol], vals: [...ps, -1], lower: -INF, upper: target, group: 'deviation' });
      rows.push({ cols: [...cols, tCol], vals: [...ps, 1], lower: target, upper: INF, group: 'deviation' });
    }
  }
  return rows;
}
