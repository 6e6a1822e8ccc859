/**
 * Eligibility of the items of an assembly problem, shared by the pre-checks and the heuristic: items
 * whose (鉴定范围, 题型) has a quota, not excluded and not their own enemy ("available", 已入库试题).
 */
import { cellKey, type AssemblyItem, type AssemblyProblem } from './problem.js';

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
