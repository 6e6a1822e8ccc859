/**
 * The 细目表 as rows of a tree table (鉴定范围 nodes with their 鉴定点 below) and the in-place edits
 * of a draft: a node's 比重 or name, a 鉴定点's name or X/Y/Z. Pure; every edit returns a new table.
 * Counts come from the domain's `elementTableStats`, the checks from its `elementTableRules`.
 */
import {
  elementTableStats,
  fullElementCode,
  WEIGHT_TOLERANCE,
  type ElementPoint,
  type ImportanceCounts,
  type Importance,
  type ScopeNode,
  type TheoryElementTable,
} from '../../../../domain/element-table.js';

export interface TreeRow {
  readonly key: string;
  readonly kind: 'scope' | 'element';
  /** A node's code path (`A-B`) or a 鉴定点's full code (`A-B-C-001`). */
  readonly path: string;
  readonly code: string;
  readonly name: string;
  /** 1 for the top level; a 鉴定点 is one deeper than its node. */
  readonly depth: number;
  readonly weight?: number;
  /** The sum of the children's 比重 (nodes with children only). */
  readonly childSum?: number;
  readonly counts?: ImportanceCounts;
  readonly points?: number;
  readonly importance?: Importance;
  readonly children?: TreeRow[];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Whether two 比重 are equal within the domain's tolerance. */
export function sameWeight(a: number, b: number): boolean {
  return Math.abs(a - b) <= WEIGHT_TOLERANCE;
}

/** The tree rows of a table, pre-order, each node with its X/Y/Z counts. */
export function treeRows(table: Pick<TheoryElementTable, 'scopes'>): TreeRow[] {
  const stats = new Map(elementTableStats(table).scopes.map((s) => [s.path, s]));
  const rowsOf = (nodes: readonly ScopeNode[], codes: readonly string[]): TreeRow[] =>
    nodes.map((node) => {
      const path = [...codes, node.code];
      const key = path.join('-');
      const s = stats.get(key);
      const children = node.children ?? [];
      const elements = (node.elements ?? []).map(
        (e): TreeRow => ({ key: `e:${fullElementCode(path, e.code)}`, kind: 'element', path: fullElementCode(path, e.code), code: e.code, name: e.name, depth: path.length + 1, importance: e.importance }),
      );
      return {
        key: `s:${key}`,
        kind: 'scope',
        path: key,
        code: node.code,
        name: node.name,
        depth: path.length,
        weight: node.weight,
        ...(children.length > 0 ? { childSum: sum(children.map((c) => c.weight)) } : {}),
        ...(s ? { counts: s.counts, points: s.total } : {}),
        ...(children.length + elements.length > 0 ? { children: [...rowsOf(children, path), ...elements] } : {}),
      };
    });
  return rowsOf(table.scopes, []);
}

/** The sum of the top-level 比重 (should be 100). */
export function topSum(table: Pick<TheoryElementTable, 'scopes'>): number {
  return sum(table.scopes.map((s) => s.weight));
}

/** Keys of the node rows down to `depth` (the rows shown expanded). */
export function scopeKeys(rows: readonly TreeRow[], depth: number): string[] {
  return rows.flatMap((r) => (r.kind === 'scope' && r.depth <= depth ? [r.key, ...scopeKeys(r.children ?? [], depth)] : []));
}

function mapNode(nodes: readonly ScopeNode[], codes: readonly string[], path: string, change: (n: ScopeNode) => ScopeNode): ScopeNode[] {
  return nodes.map((node) => {
    const here = [...codes, node.code].join('-');
    if (here === path) return change(node);
    if (!path.startsWith(`${here}-`)) return node;
    return { ...node, ...(node.children ? { children: mapNode(node.children, [...codes, node.code], path, change) } : {}) };
  });
}

/** The table with the node at `path` changed (its 比重 or name). */
export function updateScope(table: TheoryElementTable, path: string, patch: Partial<Pick<ScopeNode, 'weight' | 'name'>>): TheoryElementTable {
  return { ...table, scopes: mapNode(table.scopes, [], path, (n) => ({ ...n, ...patch })) };
}

/** The table with the 鉴定点 `fullCode` changed (its name or X/Y/Z). */
export function updateElement(table: TheoryElementTable, fullCode: string, patch: Partial<Pick<ElementPoint, 'name' | 'importance'>>): TheoryElementTable {
  const parts = fullCode.split('-');
  const code = parts.pop() ?? '';
  return {
    ...table,
    scopes: mapNode(table.scopes, [], parts.join('-'), (n) => ({ ...n, elements: (n.elements ?? []).map((e) => (e.code === code ? { ...e, ...patch } : e)) })),
  };
}
