/**
 * Eligibility of the items of an assembly problem, shared by the pre-checks and the heuristic: items
 * whose (鉴定范围, 题型) has a quota, not excluded and not their own enemy ("available", 已入库试题), and
 * never a 待归类 one (no 鉴定点, or a difficulty band outside 1–5: theory-item.ts).
 */
import { cellKey, DIFFICULTY_BANDS, type AssemblyItem, type AssemblyProblem } from './problem.js';

/** An item bound to a 鉴定点 (or module) with a difficulty band 1–5: a 待归类 item never is. */
export function isAssemblable(item: Pick<AssemblyItem, 'point' | 'band'>): boolean {
  return item.point.trim() !== '' && (DIFFICULTY_BANDS as readonly number[]).includes(item.band);
}

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
    if (!isAssemblable(item)) continue;
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
