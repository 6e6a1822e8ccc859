/** Pinned items: in the bank, in a set that exists, eligible, and within the set's limits. */
import { cellKey, nodeName, typeName, type AssemblyItem } from '../problem.js';
import { setOrdinal } from '../../format.js';
import type { BankCounts } from './bank.js';
import type { PrecheckContext } from './context.js';
import { pointCapText } from './format.js';

/** Pinned items (指定试题). */
export function checkPinned(ctx: PrecheckContext, bank: BankCounts): void {
  const { problem, N, cap, capOf, overlap, add, cellName } = ctx;
  const { byId, cellIndex, selfEnemies } = bank;
  const excluded = new Set(problem.excluded);
  const valid: { item: AssemblyItem; set: number; cell: number }[] = [];
  const seen = new Set<string>();
  for (const pin of problem.pinned) {
    const item = byId.get(pin.itemId);
    if (item === undefined) {
      add('pinned', `指定试题 ${pin.itemId} 不在题库中`);
      continue;
    }
    if (!Number.isInteger(pin.set) || pin.set < 0 || pin.set >= N) {
      add('pinned', `指定试题 ${pin.itemId} 指定到第 ${String(pin.set + 1)} 套，但只组 ${N} 套`);
      continue;
    }
    const cell = cellIndex.get(cellKey(item.node, item.type));
    if (cell === undefined) {
      add('pinned', `指定试题 ${pin.itemId}（${nodeName(problem, item.node)}，${typeName(problem, item.type)}）不属于任何组卷题量`);
      continue;
    }
    if (excluded.has(pin.itemId)) {
      add('pinned', `指定试题 ${pin.itemId} 已被排除`);
      continue;
    }
    if (selfEnemies.has(pin.itemId)) {
      add('pinned', `指定试题 ${pin.itemId} 被列为与自身互斥，任何一套都不能使用`);
      continue;
    }
    const key = `${pin.itemId}/${pin.set}`;
    if (seen.has(key)) continue;
    seen.add(key);
    valid.push({ item, set: pin.set, cell });
  }
  if (N >= 2) {
    const setsOf = new Map<number, number[]>();
    for (const p of valid) setsOf.set(p.item.id, [...(setsOf.get(p.item.id) ?? []), p.set]);
    const shared = new Map<string, number>();
    for (const list of setsOf.values()) {
      for (let a = 0; a < list.length; a += 1)
        for (let b = a + 1; b < list.length; b += 1) {
          const s = Math.min(list[a] ?? 0, list[b] ?? 0);
          const t = Math.max(list[a] ?? 0, list[b] ?? 0);
          shared.set(`${s}/${t}`, (shared.get(`${s}/${t}`) ?? 0) + 1);
        }
    }
    for (const [key, n] of shared) {
      const [s, t] = key.split('/').map(Number);
      if (n > Math.max(0, overlap)) add('pinned', `指定试题使${setOrdinal(s ?? 0)}与${setOrdinal(t ?? 0)}重复 ${n} 道，上限 ${Math.max(0, overlap)} 道`);
    }
  }
  const inSet = Array.from({ length: N }, () => new Set<number>());
  for (const p of valid) inSet[p.set]?.add(p.item.id);
  for (const [a, b] of problem.enemies) {
    if (a === b) continue;
    for (let s = 0; s < N; s += 1) if (inSet[s]?.has(a) && inSet[s]?.has(b)) add('pinned', `指定试题 ${a} 和 ${b} 互斥，却都指定在${setOrdinal(s)}`);
  }
  for (let s = 0; s < N; s += 1) {
    const mine = valid.filter((p) => p.set === s);
    const perCell = new Map<number, number>();
    const perPoint = new Map<string, number>();
    const perBand = new Map<number, number>();
    let z = 0;
    for (const p of mine) {
      perCell.set(p.cell, (perCell.get(p.cell) ?? 0) + 1);
      perPoint.set(p.item.point, (perPoint.get(p.item.point) ?? 0) + 1);
      perBand.set(p.item.band, (perBand.get(p.item.band) ?? 0) + 1);
      if (p.item.importance === 'Z') z += 1;
    }
    for (const [c, n] of perCell) {
      const want = problem.cells[c]?.counts[s] ?? 0;
      if (n > want) add('pinned', `${setOrdinal(s)}指定了${cellName(c)} ${n} 道，超过该套题量 ${want} 道`);
    }
    for (const [pt, n] of perPoint) {
      const c = capOf(pt);
      if (n > c) add('pinned', `${setOrdinal(s)}指定试题中鉴定点 ${pt} 有 ${n} 道，超过${pointCapText(c, cap)}`);
    }
    const row = problem.bands?.[s];
    if (row !== undefined) {
      for (const [band, n] of perBand) {
        const want = Number.isInteger(band) && band >= 1 && band <= row.length ? (row[band - 1] ?? 0) : undefined;
        if (want !== undefined && n > want) add('pinned', `${setOrdinal(s)}指定试题中难度 ${band} 级有 ${n} 道，超过难度分布 ${want} 道`);
      }
    }
    const maxZ = problem.importance?.maxZ[s];
    if (maxZ !== undefined && z > 0 && z > maxZ) add('pinned', `${setOrdinal(s)}指定了 ${z} 道辅助要素（Z）试题，超过上限 ${maxZ} 道`);
  }
}
