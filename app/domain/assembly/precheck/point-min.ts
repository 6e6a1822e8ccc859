/** 鉴定点 minimums against the available items and against the quotas of the scopes that hold them. */
import { nodeName } from '../problem.js';
import { setOrdinal } from '../../format.js';
import { shortage, type BankCounts } from './bank.js';
import type { PrecheckContext } from './context.js';
import { sum } from './format.js';

/** 鉴定点 minimums. */
export function checkPointMinimums(ctx: PrecheckContext, bank: BankCounts): void {
  const { problem, N, capOf, add, cellName, count } = ctx;
  const { eligible, uniqueCells } = bank;
  const perPoint = new Map<string, number>();
  for (const { item } of eligible) perPoint.set(item.point, (perPoint.get(item.point) ?? 0) + 1);
  let minShort = false;
  for (const m of problem.pointMin) {
    if (!(m.min > 0) || m.min > capOf(m.point)) continue;
    const msg = shortage(ctx, `鉴定点 ${m.point} `, '题', new Array<number>(N).fill(Math.ceil(m.min)), perPoint.get(m.point) ?? 0);
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
        const who = uniform ? '每套' : setOrdinal(s);
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
}
