/** Difficulty bands: available items per band, band totals against the quotas, then the cells × bands split. */
import type { AssemblyItem } from '../problem.js';
import { setOrdinal } from '../../format.js';
import { checkBandSplit } from './band-split.js';
import { shortage, type BankCounts } from './bank.js';
import type { PrecheckContext } from './context.js';
import { sum } from './format.js';

/** Bands (after the cells: the split is checked only when no cell is short). */
export function checkBands(ctx: PrecheckContext, bank: BankCounts, shortCells: ReadonlySet<number>): void {
  const { problem, N, add } = ctx;
  const { eligible, totals } = bank;
  const bands = problem.bands;
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
      const msg = shortage(ctx, `难度 ${b + 1} 级试题`, '', perSet, availBand[b] ?? 0);
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
        add('bands', `${uniform ? '每套' : setOrdinal(s)}难度分布合计 ${banded} 道，与各鉴定范围题型题量合计 ${total} 道不一致`);
        bandTrouble = true;
      }
    }
    if (!bandTrouble && shortCells.size === 0) bandTrouble = checkBandSplit(ctx, bank) || bandTrouble;
  }
}
