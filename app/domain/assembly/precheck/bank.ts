/** Availability counts of the bank (per cell, 题型, unique cells) and the shortage message built on them. */
import type { Eligibility } from '../eligibility.js';
import { cellKey } from '../problem.js';
import type { PrecheckContext } from './context.js';
import { perSetText, sum } from './format.js';

export interface BankCounts extends Eligibility {
  /** Available items per cell index. */
  readonly availCell: readonly number[];
  /** Available and excluded items per 题型. */
  readonly availType: ReadonlyMap<string, number>;
  readonly excludedType: ReadonlyMap<string, number>;
  /** Cell indices, the first of duplicate cells only. */
  readonly uniqueCells: readonly number[];
  /** Position of a cell in `uniqueCells`. */
  readonly posOf: readonly number[];
  /** Items per set over the unique cells. */
  readonly totals: readonly number[];
}

/** The counts every later check reads (once the parameters passed). */
export function countBank(ctx: PrecheckContext, usable: Eligibility): BankCounts {
  const { problem, N, count } = ctx;
  const { byId, eligible, excludedPerCell, cellIndex, selfEnemies } = usable;
  const C = problem.cells.length;
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
  return { byId, eligible, excludedPerCell, cellIndex, selfEnemies, availCell, availType, excludedType, uniqueCells, posOf, totals };
}

const excludedNote = (n: number) => (n > 0 ? `（另有 ${n} 道已排除）` : '');

/** Message when N sets needing perSet items of a class cannot be served by `avail` items. */
export function shortage(ctx: PrecheckContext, what: string, noun: string, perSet: readonly number[], avail: number, excludedCount = 0): string | null {
  const { N, overlap, shareable } = ctx;
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
}
