/** Quotas per 题型 and per cell against the available items. */
import { typeName } from '../problem.js';
import { shortage, type BankCounts } from './bank.js';
import type { PrecheckContext } from './context.js';
import { sum } from './format.js';

/** 题型 (all nodes). */
export function checkTypes(ctx: PrecheckContext, bank: BankCounts): void {
  const { problem, N, add, count } = ctx;
  const { uniqueCells, availType, excludedType } = bank;
  const types = [...new Set(uniqueCells.map((c) => problem.cells[c]?.type ?? ''))];
  for (const type of types) {
    const perSet = Array.from({ length: N }, (_, s) => sum(uniqueCells.filter((c) => problem.cells[c]?.type === type).map((c) => count(c, s))));
    const msg = shortage(ctx, typeName(problem, type), '', perSet, availType.get(type) ?? 0, excludedType.get(type) ?? 0);
    if (msg !== null) add('cells', msg);
  }
}

/** Cells; returns the cells found short. */
export function checkCells(ctx: PrecheckContext, bank: BankCounts): Set<number> {
  const { N, add, cellName, count } = ctx;
  const { uniqueCells, availCell, excludedPerCell } = bank;
  const shortCells = new Set<number>();
  for (const c of uniqueCells) {
    const perSet = Array.from({ length: N }, (_, s) => count(c, s));
    const msg = shortage(ctx, cellName(c), '', perSet, availCell[c] ?? 0, excludedPerCell[c] ?? 0);
    if (msg !== null) {
      add('cells', msg);
      shortCells.add(c);
    }
  }
  return shortCells;
}
