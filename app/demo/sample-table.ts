/**
 * A sample's 细目表 is kept as a skeleton of scopes (element-table.json) and, per part of the theory
 * items (theory-*.json), the 鉴定点 of its leaves; this puts them together. Shared by the 制图员 and
 * 电工 samples.
 */

interface SampleScope {
  code: string;
  name: string;
  weight: number;
  children?: SampleScope[];
  elements?: unknown[];
}

/** A theory-*.json file: the 鉴定点 of some leaves and the items bound to them. */
export interface TheoryPart {
  scopes: { path: string; name: string; elements: unknown[] }[];
  items: unknown[];
}

/** The skeleton with the 鉴定点 of every leaf filled in from the parts (a leaf may be split over parts). */
export function sampleElementTableOf(skeleton: object, parts: readonly TheoryPart[]): unknown {
  const table = structuredClone(skeleton) as { scopes: SampleScope[] } & Record<string, unknown>;
  const leaves = new Map<string, SampleScope>();
  const walk = (nodes: SampleScope[], prefix: string[]) => {
    for (const n of nodes) {
      const path = [...prefix, n.code];
      if (n.children) walk(n.children, path);
      else leaves.set(path.join('-'), n);
    }
  };
  walk(table.scopes, []);
  for (const part of parts) {
    for (const scope of part.scopes) {
      const leaf = leaves.get(scope.path);
      if (!leaf) throw new Error(`sample data: scope ${scope.path} is not a leaf of the skeleton`);
      leaf.elements = [...(leaf.elements ?? []), ...scope.elements];
    }
  }
  return table;
}
