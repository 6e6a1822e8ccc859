/**
 * 每个鉴定点每套题量上限, per node of the 细目表. The paper has one cap (`pointCap`: automatic, or the
 * user's); a 鉴定范围 path (`A-B`) or a 鉴定点 code (`A-B-C-001`) may set another one for the 鉴定点
 * beneath it. The most specific node wins: the 鉴定点's own code, else the deepest 鉴定范围 on its path,
 * else the paper's cap. The blueprint resolves the overrides once per 鉴定点 into
 * `AssemblyProblem.pointCaps`; the checker, the pre-checks, the heuristic and the MIP then read the cap
 * of a 鉴定点 with `pointCapOf`.
 */
import { elementTableStats, listElements, type TheoryElementTable } from '../element-table.js';

/** The caps a user may set, per 鉴定点 and set (the same range as the paper's `pointCap`). */
export const POINT_CAP_RANGE = { min: 1, max: 20 } as const;

/** One override as the blueprint shows it. */
export interface PointCapOverride {
  /** The 鉴定范围 path or 鉴定点 code, as the 细目表 writes it. */
  readonly code: string;
  readonly kind: 'scope' | 'point';
  /** Name of the 鉴定范围 or 鉴定点. */
  readonly name: string;
  readonly cap: number;
  /** 鉴定点 whose cap it decides (those for which no more specific override exists). */
  readonly points: number;
}

export interface ResolvedPointCaps {
  /** Cap of every 鉴定点 (full code) that an override covers; the others keep the paper's cap. */
  readonly caps: Record<string, number>;
  /** The overrides that name a node of the table, in code order. */
  readonly overrides: PointCapOverride[];
  /** Codes that name no 鉴定范围 and no 鉴定点 of the table (normalised), in the order given. */
  readonly unknown: string[];
}

/** A code as the 细目表 writes it: trimmed, upper case. */
export function normalPointCapCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Resolves per-node caps (code → cap) against a 细目表; codes are compared trimmed and upper case. */
export function resolvePointCaps(table: Pick<TheoryElementTable, 'scopes'>, capAt: Readonly<Record<string, number>>): ResolvedPointCaps {
  const given = new Map<string, number>();
  for (const [code, cap] of Object.entries(capAt)) given.set(normalPointCapCode(code), cap);
  const names = new Map<string, { kind: 'scope' | 'point'; name: string }>();
  for (const scope of elementTableStats(table).scopes) names.set(scope.path, { kind: 'scope', name: scope.name });
  const elements = listElements(table);
  for (const e of elements) names.set(e.fullCode, { kind: 'point', name: e.name });

  const caps: Record<string, number> = {};
  const decided = new Map<string, number>();
  for (const e of elements) {
    const paths = e.scopeCodes.map((_, d) => e.scopeCodes.slice(0, e.scopeCodes.length - d).join('-'));
    const winner = [e.fullCode, ...paths].find((code) => given.has(code));
    if (winner === undefined) continue;
    caps[e.fullCode] = given.get(winner) ?? 0;
    decided.set(winner, (decided.get(winner) ?? 0) + 1);
  }
  const overrides: PointCapOverride[] = [];
  const unknown: string[] = [];
  for (const [code, cap] of given) {
    const node = names.get(code);
    if (node === undefined) unknown.push(code);
    else overrides.push({ code, kind: node.kind, name: node.name, cap, points: decided.get(code) ?? 0 });
  }
  overrides.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { caps, overrides, unknown };
}
