/**
 * Independent checker of assembled sets: recounts every hard constraint of the problem from the raw
 * item ids, sharing no code or state with the heuristic or the MIP model. Services run it on every
 * result before storing it; tests and the benchmark run it on every solver's output.
 */
import { roundTo, setOrdinal } from '../format.js';
import {
  cellKey,
  constraintGroupNames,
  nodeName,
  pointCapOf,
  typeName,
  type AssemblyItem,
  type AssemblyProblem,
  type ConstraintGroup,
  type SetAssignment,
} from './problem.js';

export interface Violation {
  readonly group: ConstraintGroup;
  /** Set index, when the violation belongs to one set. */
  readonly set?: number;
  readonly message: string;
}

const EPSILON = 1e-6;

/** Every violated hard constraint, in Chinese; empty when the sets are valid. */
export function checkSets(problem: AssemblyProblem, sets: SetAssignment): Violation[] {
  const out: Violation[] = [];
  const add = (group: ConstraintGroup, set: number | undefined, message: string) =>
    out.push(set === undefined ? { group, message } : { group, set, message });

  if (sets.length !== problem.sets) {
    add('cells', undefined, `应组 ${problem.sets} 套，实际 ${sets.length} 套`);
    return out;
  }
  const byId = new Map<number, AssemblyItem>(problem.items.map((i) => [i.id, i]));
  const cellKeys = new Set(problem.cells.map((c) => cellKey(c.node, c.type)));
  const excluded = new Set(problem.excluded);

  sets.forEach((ids, s) => {
    const seen = new Set<number>();
    const members: AssemblyItem[] = [];
    for (const id of ids) {
      const item = byId.get(id);
      if (item === undefined) {
        add('eligibility', s, `${setOrdinal(s)}含有题库之外的试题 ${id}`);
        continue;
      }
      if (seen.has(id)) add('eligibility', s, `${setOrdinal(s)}重复使用试题 ${id}`);
      seen.add(id);
      if (!cellKeys.has(cellKey(item.node, item.type)))
        add('eligibility', s, `${setOrdinal(s)}的试题 ${id}（${nodeName(problem, item.node)}，${typeName(problem, item.type)}）不属于任何组卷题量`);
      if (excluded.has(id)) add('excluded', s, `${setOrdinal(s)}使用了已排除的试题 ${id}`);
      members.push(item);
    }

    for (const cell of problem.cells) {
      const want = cell.counts[s] ?? 0;
      const got = members.filter((i) => i.node === cell.node && i.type === cell.type).length;
      if (got !== want)
        add('cells', s, `${setOrdinal(s)} ${nodeName(problem, cell.node)} ${typeName(problem, cell.type)}应为 ${want} 道，实际 ${got} 道`);
    }

    const bands = problem.bands?.[s];
    if (bands !== undefined) {
      bands.forEach((want, b) => {
        const got = members.filter((i) => i.band === b + 1).length;
        if (got !== want) add('bands', s, `${setOrdinal(s)}难度 ${b + 1} 级应为 ${want} 道，实际 ${got} 道`);
      });
    }

    if (problem.importance !== undefined) {
      const minX = problem.importance.minX[s] ?? 0;
      const maxZ = problem.importance.maxZ[s] ?? Number.POSITIVE_INFINITY;
      const x = members.filter((i) => i.importance === 'X').length;
      const z = members.filter((i) => i.importance === 'Z').length;
      if (x < minX) add('importance', s, `${setOrdinal(s)}核心要素（X）试题应不少于 ${minX} 道，实际 ${x} 道`);
      if (z > maxZ) add('importance', s, `${setOrdinal(s)}辅助要素（Z）试题应不多于 ${maxZ} 道，实际 ${z} 道`);
    }

    const want = problem.totalPoints[s] ?? 0;
    const got = members.reduce((a, i) => a + i.points, 0);
    if (Math.abs(got - want) > EPSILON) add('points', s, `${setOrdinal(s)}总分应为 ${want} 分，实际 ${roundTo(got, 3)} 分`);

    const perPoint = new Map<string, number>();
    for (const i of members) perPoint.set(i.point, (perPoint.get(i.point) ?? 0) + 1);
    for (const [point, n] of perPoint) {
      const cap = pointCapOf(problem, point);
      if (n > cap) add('pointCap', s, `${setOrdinal(s)}鉴定点 ${point} 有 ${n} 道题，上限 ${cap} 道`);
    }
    for (const m of problem.pointMin) {
      const n = perPoint.get(m.point) ?? 0;
      if (n < m.min) add('pointMin', s, `${setOrdinal(s)}鉴定点 ${m.point} 应至少 ${m.min} 道题，实际 ${n} 道`);
    }

    for (const [a, b] of problem.enemies) {
      if (seen.has(a) && seen.has(b)) add('enemies', s, `${setOrdinal(s)}同时含有互斥试题 ${a} 和 ${b}`);
    }
  });

  for (const pin of problem.pinned) {
    const ids = sets[pin.set];
    if (ids === undefined || !ids.includes(pin.itemId))
      add('pinned', pin.set, `指定试题 ${pin.itemId} 不在${setOrdinal(pin.set)}中`);
  }

  const asSets = sets.map((ids) => new Set(ids));
  for (let s = 0; s < asSets.length; s += 1) {
    for (let t = s + 1; t < asSets.length; t += 1) {
      const a = asSets[s] ?? new Set<number>();
      const b = asSets[t] ?? new Set<number>();
      const shared = [...a].filter((id) => b.has(id)).length;
      if (shared > problem.overlap)
        add('overlap', undefined, `${setOrdinal(s)}与${setOrdinal(t)}重复 ${shared} 道题，上限 ${problem.overlap} 道`);
    }
  }
  return out;
}

/** The violated groups, each once, with their Chinese names. */
export function violatedGroups(violations: readonly Violation[]): string[] {
  return [...new Set(violations.map((v) => v.group))].map((g) => constraintGroupNames[g]);
}
