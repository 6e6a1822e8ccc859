/**
 * 各套试卷统计表: what each assembled set holds — counts per 鉴定范围 node and 题型, X/Y/Z,
 * difficulty mean and bands, points, Σp and its deviation from the target — and the overlap matrix
 * between sets. Computed from the problem and the item ids only.
 */
import { roundTo } from '../format.js';
import { overlapMatrix, type AssemblyItem, type AssemblyProblem, type SetAssignment } from './problem.js';

export interface SetStatistics {
  readonly label: string;
  readonly items: number;
  readonly points: number;
  readonly byType: Readonly<Record<string, number>>;
  /** `node → 题型 → count`. */
  readonly byNode: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly importance: { readonly X: number; readonly Y: number; readonly Z: number };
  /** Items per difficulty band 1…5. */
  readonly bands: readonly number[];
  readonly sumP: number;
  readonly meanP: number;
  readonly target: number;
  readonly deviation: number;
  /** Items used although recently exposed. */
  readonly penalised: number;
}

export interface AssemblyStatistics {
  readonly sets: readonly SetStatistics[];
  readonly overlap: readonly (readonly number[])[];
  /** max |Σp − target| over the sets. */
  readonly deviation: number;
  /** max Σp − min Σp. */
  readonly spread: number;
}

export function assemblyStatistics(problem: AssemblyProblem, sets: SetAssignment, labels: readonly string[]): AssemblyStatistics {
  const byId = new Map<number, AssemblyItem>(problem.items.map((i) => [i.id, i]));
  const penalised = new Set(problem.penalised);
  const stats = sets.map((ids, s): SetStatistics => {
    const members = ids.map((id) => byId.get(id)).filter((i): i is AssemblyItem => i !== undefined);
    const byType: Record<string, number> = {};
    const byNode: Record<string, Record<string, number>> = {};
    const importance = { X: 0, Y: 0, Z: 0 };
    const bands = [0, 0, 0, 0, 0];
    let sumP = 0;
    let points = 0;
    for (const i of members) {
      byType[i.type] = (byType[i.type] ?? 0) + 1;
      const node = (byNode[i.node] ??= {});
      node[i.type] = (node[i.type] ?? 0) + 1;
      importance[i.importance] += 1;
      if (i.band >= 1 && i.band <= 5) bands[i.band - 1] = (bands[i.band - 1] ?? 0) + 1;
      sumP += i.p;
      points += i.points;
    }
    const target = problem.target[s] ?? 0;
    return {
      label: labels[s] ?? String(s + 1),
      items: members.length,
      points: roundTo(points, 3),
      byType,
      byNode,
      importance,
      bands,
      sumP: roundTo(sumP, 6),
      meanP: members.length === 0 ? 0 : roundTo(sumP / members.length, 6),
      target: roundTo(target, 6),
      deviation: roundTo(Math.abs(sumP - target), 6),
      penalised: members.filter((i) => penalised.has(i.id)).length,
    };
  });
  const sums = stats.map((s) => s.sumP);
  return {
    sets: stats,
    overlap: overlapMatrix(sets),
    deviation: stats.reduce((m, s) => Math.max(m, s.deviation), 0),
    spread: sums.length === 0 ? 0 : roundTo(Math.max(...sums) - Math.min(...sums), 6),
  };
}
