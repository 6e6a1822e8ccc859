/** Total points: the range of 卷面总分 the quotas allow against the required total. */
import { formatNumber, setOrdinal } from '../../format.js';
import type { BankCounts } from './bank.js';
import type { PrecheckContext } from './context.js';

const EPSILON = 1e-6;

/** Total points. (only when no cell is short). */
export function checkTotalPoints(ctx: PrecheckContext, bank: BankCounts, shortCells: ReadonlySet<number>): void {
  const { problem, N, add, count } = ctx;
  const { eligible, uniqueCells, posOf } = bank;
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
      const who = uniform ? '每套' : setOrdinal(s);
      add(
        'points',
        hi - lo < EPSILON
          ? `按各鉴定范围题型题量，${who}卷面总分只能是 ${formatNumber(lo)} 分，应为 ${formatNumber(want)} 分`
          : `按各鉴定范围题型题量，${who}卷面总分只能在 ${formatNumber(lo)}–${formatNumber(hi)} 分之间，应为 ${formatNumber(want)} 分`,
      );
    });
  }
}
