/**
 * 每个鉴定点每套至多 c 道 against the quotas of a cell, a 鉴定范围 and the whole paper; c is each
 * 鉴定点's own cap (set per node of the 细目表) or the paper's.
 */
import { nodeName, typeName } from '../problem.js';
import { setOrdinal } from '../../format.js';
import type { BankCounts } from './bank.js';
import type { PrecheckContext } from './context.js';
import { capsText, sum } from './format.js';

/** 每个鉴定点每套至多 cap 道. Adds the cells it finds short to `shortCells`. */
export function checkPointCap(ctx: PrecheckContext, bank: BankCounts, shortCells: Set<number>): void {
  const { problem, N, overlap, cap, capOf, capBinds, add, count } = ctx;
  const { eligible, uniqueCells, posOf } = bank;
  if (capBinds) {
    const perPointInCell = uniqueCells.map(() => new Map<string, number>());
    for (const { item, cell } of eligible) {
      const m = perPointInCell[posOf[cell] ?? -1];
      if (m !== undefined) m.set(item.point, (m.get(item.point) ?? 0) + 1);
    }
    /**
     * Σ over points of min(times × the point's cap, available in the cells of `group`), how many
     * points have items there, and their caps.
     */
    const capacity = (group: readonly number[], times: number) => {
      const merged = new Map<string, number>();
      for (const k of group) for (const [pt, n] of perPointInCell[k] ?? []) merged.set(pt, (merged.get(pt) ?? 0) + n);
      let total = 0;
      const caps: number[] = [];
      for (const [pt, n] of merged) {
        const c = capOf(pt);
        caps.push(c);
        total += Math.min(times * c, n);
      }
      return { total, points: merged.size, caps };
    };
    const capMsg = (where: string, what: string, group: readonly number[], scope = '该范围'): boolean => {
      const perSet = Array.from({ length: N }, (_, s) => sum(group.map((k) => count(uniqueCells[k] ?? 0, s))));
      const uniform = perSet.every((n) => n === perSet[0]);
      let fired = false;
      const one = capacity(group, 1);
      const limit = capsText(one.caps, cap);
      const oneEach = one.caps.length === 0 ? cap === 1 : one.caps.every((c) => c === 1);
      for (let s = 0; s < N; s += 1) {
        const need = perSet[s] ?? 0;
        if (need <= one.total) continue;
        const who = uniform ? '每套' : setOrdinal(s);
        add(
          'pointCap',
          oneEach
            ? `${where} ${who}需要 ${need} 道${what}，但每个鉴定点每套至多 1 道，${scope}只有 ${one.points} 个鉴定点有${what === '题' ? '试题' : what}`
            : `${where} ${who}需要 ${need} 道${what}，但${limit}，${scope} ${one.points} 个鉴定点的${what === '题' ? '试题' : what}每套至多能选 ${one.total} 道`,
        );
        fired = true;
        if (uniform) break;
      }
      if (!fired && overlap === 0 && N >= 2) {
        const all = capacity(group, N);
        const need = sum(perSet);
        if (need > all.total) {
          add(
            'pointCap',
            `${where} ${what === '题' ? '' : what} ${N} 套共需 ${need} 道，但${limit}且各套不能重复，${scope} ${all.points} 个鉴定点至多能提供 ${all.total} 道`.replace(/ {2}/g, ' '),
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
}
