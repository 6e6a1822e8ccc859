/**
 * 理论知识考核要素细目表 (theory element table): hierarchical 鉴定范围 (1–4 levels, a code letter per
 * level restarting under each parent, 鉴定比重 in % of the paper) with 鉴定点 (3-digit code, name,
 * importance X/Y/Z) under the leaves. Full 鉴定点 code: `A-B-C-001`.
 * Rules: children's weights sum to their parent, top level sums to 100 (分布性, 命题技术标准);
 * X ≥ 80 %, Y ≤ 15 %, Z ≤ 5 % is the usual importance distribution (warnings only).
 */
import { z } from 'zod';
import { formatNumber, percent } from './format.js';
import { levelSchema } from './level.js';
import { occupationCodeSchema } from './occupation.js';
import type { Problem } from './validation.js';

export const IMPORTANCE = ['X', 'Y', 'Z'] as const;
export type Importance = (typeof IMPORTANCE)[number];

export const MAX_SCOPE_DEPTH = 4;
export const WEIGHT_TOLERANCE = 1e-6;

/** Full code of a 鉴定点: one letter per scope level, then the 3-digit number. */
export const ELEMENT_CODE = /^[A-Z](-[A-Z]){0,3}-\d{3}$/;
export const elementCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(ELEMENT_CODE, { error: '鉴定点代码格式应为 A-B-C-001（每级鉴定范围一个字母，再加三位数字）' });

export const elementSchema = z.object({
  code: z.string().trim().regex(/^\d{3}$/, { error: '鉴定点代码应为三位数字，如 001' }),
  name: z.string().trim().min(1).max(80),
  importance: z.enum(IMPORTANCE, { error: '重要程度必须是 X、Y 或 Z' }),
});
export type ElementPoint = z.output<typeof elementSchema>;

export interface ScopeNode {
  code: string;
  name: string;
  weight: number;
  children?: ScopeNode[] | undefined;
  elements?: ElementPoint[] | undefined;
}

const weightSchema = z.number().min(0).max(100);

export const scopeNodeSchema: z.ZodType<ScopeNode> = z.lazy(() =>
  z.object({
    code: z.string().trim().regex(/^[A-Z]$/, { error: '鉴定范围代码应为一个大写字母' }),
    name: z.string().trim().min(1).max(60),
    weight: weightSchema,
    children: z.array(scopeNodeSchema).optional(),
    elements: z.array(elementSchema).optional(),
  }),
);

export const theoryElementTableSchema = z.object({
  occupationCode: occupationCodeSchema,
  level: levelSchema,
  track: z.string().trim().default(''),
  scopes: z.array(scopeNodeSchema).min(1),
});
export type TheoryElementTable = z.output<typeof theoryElementTableSchema>;

export interface ImportanceCounts {
  X: number;
  Y: number;
  Z: number;
}

/** A 鉴定点 with its place in the table. */
export interface FlatElement {
  readonly fullCode: string;
  readonly code: string;
  readonly name: string;
  readonly importance: Importance;
  readonly scopeCodes: readonly string[];
  readonly scopeNames: readonly string[];
  /** 鉴定比重 of the leaf scope it belongs to. */
  readonly leafWeight: number;
}

export interface ScopeStats {
  readonly path: string;
  readonly name: string;
  readonly depth: number;
  readonly weight: number;
  readonly counts: ImportanceCounts;
  readonly total: number;
  readonly isLeaf: boolean;
}

export interface ElementTableStats {
  readonly elements: number;
  readonly counts: ImportanceCounts;
  /** Shares in percent. */
  readonly shares: ImportanceCounts;
  readonly scopes: readonly ScopeStats[];
}

export function fullElementCode(scopeCodes: readonly string[], code: string): string {
  return [...scopeCodes, code].join('-');
}

/** `(132:21:0)` — the 重要程度比例 notation of the 细目表. */
export function formatImportanceRatio(counts: ImportanceCounts): string {
  return `(${counts.X}:${counts.Y}:${counts.Z})`;
}

interface Visit {
  node: ScopeNode;
  codes: string[];
  names: string[];
}

function walk(scopes: readonly ScopeNode[], visit: (v: Visit) => void, codes: string[] = [], names: string[] = []): void {
  for (const node of scopes) {
    const v = { node, codes: [...codes, node.code], names: [...names, node.name] };
    visit(v);
    if (node.children) walk(node.children, visit, v.codes, v.names);
  }
}

export function listElements(table: Pick<TheoryElementTable, 'scopes'>): FlatElement[] {
  const out: FlatElement[] = [];
  walk(table.scopes, ({ node, codes, names }) => {
    for (const e of node.elements ?? []) {
      out.push({
        fullCode: fullElementCode(codes, e.code),
        code: e.code,
        name: e.name,
        importance: e.importance,
        scopeCodes: codes,
        scopeNames: names,
        leafWeight: node.weight,
      });
    }
  });
  return out;
}

function countNode(node: ScopeNode): ImportanceCounts {
  const c: ImportanceCounts = { X: 0, Y: 0, Z: 0 };
  for (const e of node.elements ?? []) c[e.importance] += 1;
  for (const child of node.children ?? []) {
    const cc = countNode(child);
    c.X += cc.X;
    c.Y += cc.Y;
    c.Z += cc.Z;
  }
  return c;
}

export function elementTableStats(table: Pick<TheoryElementTable, 'scopes'>): ElementTableStats {
  const scopes: ScopeStats[] = [];
  walk(table.scopes, ({ node, codes }) => {
    const counts = countNode(node);
    scopes.push({
      path: codes.join('-'),
      name: node.name,
      depth: codes.length,
      weight: node.weight,
      counts,
      total: counts.X + counts.Y + counts.Z,
      isLeaf: (node.children ?? []).length === 0,
    });
  });
  const counts: ImportanceCounts = { X: 0, Y: 0, Z: 0 };
  for (const s of scopes.filter((s) => s.depth === 1)) {
    counts.X += s.counts.X;
    counts.Y += s.counts.Y;
    counts.Z += s.counts.Z;
  }
  const total = counts.X + counts.Y + counts.Z;
  return {
    elements: total,
    counts,
    shares: { X: percent(counts.X, total), Y: percent(counts.Y, total), Z: percent(counts.Z, total) },
    scopes,
  };
}

/** Usual importance distribution of a 细目表 (X ≥ 80 %, Y ≤ 15 %, Z ≤ 5 %). */
export const IMPORTANCE_LIMITS = { minX: 80, maxY: 15, maxZ: 5 } as const;

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Cross-field rules of a theory element table: structure, codes, weights, importance shares. */
export function elementTableRules(table: Pick<TheoryElementTable, 'scopes'>): Problem[] {
  const problems: Problem[] = [];
  const err = (field: string, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ severity, path: ['scopes'], field, message });

  const checkSiblings = (nodes: readonly ScopeNode[], where: string) => {
    const seen = new Set<string>();
    for (const n of nodes) {
      if (seen.has(n.code)) err(where, `鉴定范围代码 ${n.code} 重复`);
      seen.add(n.code);
    }
  };

  checkSiblings(table.scopes, '一级鉴定范围');
  const top = sum(table.scopes.map((s) => s.weight));
  if (Math.abs(top - 100) > WEIGHT_TOLERANCE) err('一级鉴定范围', `鉴定比重之和为 ${formatNumber(top)}，应等于 100`);

  walk(table.scopes, ({ node, codes }) => {
    const label = `鉴定范围 ${codes.join('-')}（${node.name}）`;
    const children = node.children ?? [];
    const elements = node.elements ?? [];
    if (codes.length > MAX_SCOPE_DEPTH) err(label, `鉴定范围最多 ${MAX_SCOPE_DEPTH} 级`);
    if (children.length > 0 && elements.length > 0) err(label, '不能同时含有下级鉴定范围和鉴定点');
    if (children.length === 0 && elements.length === 0) err(label, '必须含有下级鉴定范围或鉴定点');
    if (children.length > 0) {
      checkSiblings(children, label);
      const s = sum(children.map((c) => c.weight));
      if (Math.abs(s - node.weight) > WEIGHT_TOLERANCE)
        err(label, `下级鉴定比重之和为 ${formatNumber(s)}，应等于本级鉴定比重 ${formatNumber(node.weight)}`);
    }
    const seen = new Set<string>();
    for (const e of elements) {
      if (seen.has(e.code)) err(label, `鉴定点代码 ${e.code} 重复`);
      seen.add(e.code);
    }
  });

  const stats = elementTableStats(table);
  if (stats.elements > 0) {
    const { X, Y, Z } = stats.shares;
    if (X < IMPORTANCE_LIMITS.minX) err('重要程度', `X 类鉴定点占 ${X}%，一般应不低于 ${IMPORTANCE_LIMITS.minX}%`, 'warning');
    if (Y > IMPORTANCE_LIMITS.maxY) err('重要程度', `Y 类鉴定点占 ${Y}%，一般应不超过 ${IMPORTANCE_LIMITS.maxY}%`, 'warning');
    if (Z > IMPORTANCE_LIMITS.maxZ) err('重要程度', `Z 类鉴定点占 ${Z}%，一般应不超过 ${IMPORTANCE_LIMITS.maxZ}%`, 'warning');
  }
  return problems;
}
