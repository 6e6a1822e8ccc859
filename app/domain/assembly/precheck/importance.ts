/** Importance: X minimums and Z caps against the quotas, the per-point cap and the available items. */
import { setOrdinal } from '../../format.js';
import type { BankCounts } from './bank.js';
import type { PrecheckContext } from './context.js';
import { capsText, listSome, perSetText, sum } from './format.js';

/** Importance. (only when no cell is short). */
export function checkImportance(ctx: PrecheckContext, bank: BankCounts, shortCells: ReadonlySet<number>): void {
  const { problem, N, overlap, shareable, cap, capOf, add, cellName, count } = ctx;
  const { eligible, uniqueCells } = bank;
  const C = problem.cells.length;
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
    const xCaps: number[] = [];
    for (const [pt, n] of xPerPoint) {
      const c = capOf(pt);
      xCaps.push(c);
      xByCap += Math.min(c, n);
    }
    const minX = Array.from({ length: N }, (_, s) => Math.max(0, Math.ceil(importance.minX[s] ?? 0)));
    const maxZ = Array.from({ length: N }, (_, s) => importance.maxZ[s] ?? Number.POSITIVE_INFINITY);
    const uniform =
      minX.every((x) => x === minX[0]) &&
      maxZ.every((z) => z === maxZ[0]) &&
      uniqueCells.every((c) => Array.from({ length: N }, (_, s) => count(c, s)).every((n) => n === count(c, 0)));
    let fired = false;
    for (let s = 0; s < N && !(fired && uniform); s += 1) {
      const who = uniform ? '每套' : setOrdinal(s);
      const need = minX[s] ?? 0;
      const byCells = sum(uniqueCells.map((c) => Math.min(count(c, s), xCell[c] ?? 0)));
      if (need > byCells) {
        add('importance', `核心要素（X）试题${who}至少需要 ${need} 道，但按各鉴定范围题型题量，${who}至多能选 ${byCells} 道 X 类已入库试题`);
        fired = true;
      } else if (need > xByCap) {
        add('importance', `核心要素（X）试题${who}至少需要 ${need} 道，但${capsText(xCaps, cap)}，X 类鉴定点${who}至多能提供 ${xByCap} 道`);
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
}
