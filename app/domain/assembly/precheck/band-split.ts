/** The cells × bands split (max-flow) and the minimum cut that names the clashing scopes and bands. */
import { TransportFlow } from '../min-cost-flow.js';
import { setOrdinal } from '../../format.js';
import type { BankCounts } from './bank.js';
import type { PrecheckContext } from './context.js';
import { bandList, listSome, sum } from './format.js';

/** Cells × bands split per set and, for disjoint sets, for all sets together (max-flow, min-cut message). */
export function checkBandSplit(ctx: PrecheckContext, bank: BankCounts): boolean {
  const { problem, N, shareable, add, cellName, count } = ctx;
  const { eligible, uniqueCells, totals } = bank;
  const bands = problem.bands;
  if (bands === undefined) return false;
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
    if (check([s], uniform ? '每套' : setOrdinal(s))) {
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
