/**
 * Coverage of a 理论知识考核要素细目表 by the items of a bank, against what N parallel sets need.
 *
 * 分布性 (命题技术标准; design/domain-formats.md §1): each scope's share of a paper is its 鉴定比重.
 * A paper of T items therefore gives a scope round(T × weight / 100) items. Rounding each node on its
 * own would let children drift from their parent (three children of 1/3 each of 10 items would all
 * round to 3), so the items are apportioned top-down with the largest-remainder (Hamilton) method:
 * the top level shares the paper's T items by weight, every node then shares its own count among its
 * children by their weights. Children always add up to the parent and the top level to T.
 *
 * The split by 题型 follows the paper's 题型 totals (e.g. 判断 20 / 单选 140 / 多选 10). It is done with
 * the same top-down scheme on a two-way table (children × 题型) whose row sums are the children's counts
 * and whose column sums are the parent's 题型 counts — a controlled rounding (Cox & Ernst 1982) — so
 * that for every 题型 too the children add up to the parent and the top level to the paper.
 *
 * Sets are disjoint (no item in two sets), so N sets need N times the items of one set. The services do
 * not pick a paper shape here: they pass the needs of the bank (`theorySetNeeds` in assembly/set-needs.ts,
 * built on `scopeNeeds` for the bank's stored paper structure), the same the bank lint and 组卷 read.
 */
import {
  listElements,
  type ImportanceCounts,
  type Importance,
  type ScopeNode,
  type TheoryElementTable,
} from '../element-table.js';
import { THEORY_ITEM_TYPES, type TheoryItemType } from '../theory-item.js';

/** Items of each 题型 in one paper. */
export interface PaperShape {
  readonly trueFalse: number;
  readonly singleChoice: number;
  readonly multipleChoice: number;
}

/** 判断 20 / 单选 140 / 多选 10 — the usual 2019+ 等级认定 theory paper (domain-formats.md §3). */
export const DEFAULT_PAPER: PaperShape = { trueFalse: 20, singleChoice: 140, multipleChoice: 10 };

export type TypeCounts = Record<TheoryItemType, number>;

export interface CoverageItem {
  /** Full 鉴定点 code, `A-B-C-001`. */
  readonly element: string;
  readonly type: TheoryItemType;
  /** Workflow state; items in state 停用 are never counted, all others are (callers filter further). */
  readonly state?: string;
}

/** What one set takes from a node of the 细目表 (apportioned by weight, see the module comment). */
export interface ScopeNeed {
  /** Scope codes joined by `-`, e.g. `B-A-C`. */
  readonly path: string;
  readonly name: string;
  /** 1 for the top level. */
  readonly depth: number;
  readonly isLeaf: boolean;
  /** 鉴定比重 (% of the paper). */
  readonly weight: number;
  /** Items one set takes from this node. */
  readonly perSet: number;
  readonly perSetByType: TypeCounts;
}

/** What N disjoint sets take from the nodes of a 细目表: `sets` × each node's `perSet`. */
export interface ScopeNeeds {
  readonly sets: number;
  /** Pre-order: a parent before its children. */
  readonly nodes: readonly ScopeNeed[];
}

/**
 * The 细目表 and what the sets need from it: the needs of the bank (`theorySetNeeds` in
 * assembly/set-needs.ts, the one source the services use), or a paper shape and a number of sets
 * (apportioned here with the same `scopeNeeds`).
 */
export type CoverageInput = {
  readonly table: Pick<TheoryElementTable, 'scopes'>;
  readonly items: readonly CoverageItem[];
} & ({ readonly needs: ScopeNeeds } | { readonly sets: number; readonly paper: PaperShape });

export interface CoverageRow {
  /** Scope codes joined by `-`, e.g. `B-A-C`. */
  readonly path: string;
  readonly name: string;
  /** 1 for the top level. */
  readonly depth: number;
  readonly isLeaf: boolean;
  /** 鉴定比重 (% of the paper). */
  readonly weight: number;
  /** 鉴定点 below this node by importance — the 重要程度比例 (X:Y:Z). */
  readonly points: ImportanceCounts;
  /** 鉴定点 below this node with at least one item. */
  readonly coveredPoints: number;
  /** Items bound to a 鉴定点 below this node. */
  readonly available: number;
  readonly availableByImportance: ImportanceCounts;
  readonly availableByType: TypeCounts;
  /** Items one paper takes from this node (apportioned by weight, see the module comment). */
  readonly neededPerSet: number;
  readonly neededPerSetByType: TypeCounts;
  /** `neededPerSet × sets`. */
  readonly needed: number;
  readonly neededByType: TypeCounts;
  /** 题型 whose available items are fewer than needed. */
  readonly shortTypes: readonly TheoryItemType[];
  /** Fewer items than needed, in total or for some 题型 (a total shortfall implies a 题型 shortfall). */
  readonly short: boolean;
}

const EPSILON = 1e-9;

/**
 * Splits the whole number `total` into whole parts proportional to `weights` (largest-remainder /
 * Hamilton method): every part first gets the integer part of its exact quota total × w / Σw, the units
 * still missing go one each to the largest fractional remainders. Ties go to the larger weight, then
 * to the earlier position, so equal weights in any order get the same multiset of parts.
 * Properties: the parts add up to `total`, each part is within 1 of its exact quota (floor or ceiling).
 * When every weight is 0 the total is shared as if the weights were equal.
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a whole number ≥ 0, got ${String(total)}`);
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw new RangeError('weights must be finite and ≥ 0');
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('cannot share a positive total among no weights');
    return [];
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = sum > 0 ? weights : weights.map(() => 1);
  const s = sum > 0 ? sum : weights.length;
  const quotas = w.map((x) => (total * x) / s);
  const parts = quotas.map((q) => Math.floor(q + EPSILON));
  let missing = total - parts.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, rem: q - (parts[i] ?? 0), weight: w[i] ?? 0 }))
    .sort((a, b) => (Math.abs(b.rem - a.rem) > EPSILON ? b.rem - a.rem : b.weight !== a.weight ? b.weight - a.weight : a.i - b.i));
  for (const { i } of order) {
    if (missing <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    missing -= 1;
  }
  return parts;
}

/**
 * Controlled rounding of the table rows × columns whose exact cells are rowTotals[i] × columnTotals[j] / T
 * (T = Σ rows = Σ columns): a table of whole numbers with exactly these row and column sums, every
 * cell the floor or the ceiling of its exact value. Floors first (exact integer arithmetic), then the
 * missing units go to the cells with the largest remainders while their row and column still miss
 * units; if that greedy pass gets stuck, augmenting paths (as in bipartite matching) move units until
 * every row and column is complete — such a rounding always exists for two-way tables.
 */
export function apportionTable(rowTotals: readonly number[], columnTotals: readonly number[]): number[][] {
  const T = rowTotals.reduce((a, b) => a + b, 0);
  if (T !== columnTotals.reduce((a, b) => a + b, 0)) throw new RangeError('row and column totals differ');
  if ([...rowTotals, ...columnTotals].some((v) => !Number.isInteger(v) || v < 0)) throw new RangeError('totals must be whole numbers ≥ 0');
  const cells = rowTotals.map(() => columnTotals.map(() => 0));
  if (T === 0) return cells;
  const rowMissing = [...rowTotals];
  const colMissing = [...columnTotals];
  /** Cells that may still take a unit (remainder > 0), and whether they took one. */
  const candidates: { r: number; c: number; rem: number }[] = [];
  const raised = rowTotals.map(() => columnTotals.map(() => false));
  rowTotals.forEach((rt, r) => {
    columnTotals.forEach((ct, c) => {
      const product = rt * ct;
      const floor = Math.floor(product / T);
      (cells[r] as number[])[c] = floor;
      rowMissing[r] = (rowMissing[r] ?? 0) - floor;
      colMissing[c] = (colMissing[c] ?? 0) - floor;
      const rem = product - floor * T;
      if (rem > 0) candidates.push({ r, c, rem });
    });
  });
  candidates.sort((a, b) => b.rem - a.rem || a.r - b.r || a.c - b.c);
  const raise = (r: number, c: number, by: 1 | -1) => {
    (cells[r] as number[])[c] = ((cells[r] as number[])[c] ?? 0) + by;
    (raised[r] as boolean[])[c] = by === 1;
  };
  for (const { r, c } of candidates) {
    if ((rowMissing[r] ?? 0) > 0 && (colMissing[c] ?? 0) > 0) {
      raise(r, c, 1);
      rowMissing[r] = (rowMissing[r] ?? 0) - 1;
      colMissing[c] = (colMissing[c] ?? 0) - 1;
    }
  }
  const isCandidate = rowTotals.map(() => columnTotals.map(() => false));
  for (const { r, c } of candidates) (isCandidate[r] as boolean[])[c] = true;
  // Augmenting paths: row r (missing) → column c via an unraised candidate cell; column c → row r' via
  // a raised cell (which is lowered, freeing a unit of row r'); ends at a column still missing units.
  for (;;) {
    const start = rowMissing.findIndex((m) => m > 0);
    if (start < 0) break;
    const prevRowOfCol = new Map<number, number>();
    const prevColOfRow = new Map<number, number>([[start, -1]]);
    const queue = [start];
    let end = -1;
    while (queue.length > 0 && end < 0) {
      const r = queue.shift() as number;
      for (let c = 0; c < columnTotals.length; c++) {
        if (!isCandidate[r]?.[c] || raised[r]?.[c] || prevRowOfCol.has(c)) continue;
        prevRowOfCol.set(c, r);
        if ((colMissing[c] ?? 0) > 0) {
          end = c;
          break;
        }
        for (let r2 = 0; r2 < rowTotals.length; r2++) {
          if (raised[r2]?.[c] && !prevColOfRow.has(r2)) {
            prevColOfRow.set(r2, c);
            queue.push(r2);
          }
        }
      }
    }
    if (end < 0) throw new Error('apportionTable: no controlled rounding found'); // cannot happen for two-way tables
    let c = end;
    for (;;) {
      const r = prevRowOfCol.get(c) as number;
      raise(r, c, 1);
      const back = prevColOfRow.get(r) as number;
      if (back < 0) break;
      raise(r, back, -1);
      c = back;
    }
    rowMissing[start] = (rowMissing[start] ?? 0) - 1;
    colMissing[end] = (colMissing[end] ?? 0) - 1;
  }
  return cells;
}

const typeCounts = (): TypeCounts => ({ trueFalse: 0, singleChoice: 0, multipleChoice: 0 });
const importanceCounts = (): ImportanceCounts => ({ X: 0, Y: 0, Z: 0 });
const typeVector = (p: PaperShape): number[] => THEORY_ITEM_TYPES.map((t) => p[t]);
const toTypeCounts = (v: readonly number[]): TypeCounts => {
  const out = typeCounts();
  THEORY_ITEM_TYPES.forEach((t, i) => (out[t] = v[i] ?? 0));
  return out;
};

/** Items a paper takes from each scope of one level, split by 题型 (see the module comment). */
function apportion(nodes: readonly ScopeNode[], perSet: number, perSetByType: readonly number[]) {
  const totals = largestRemainder(
    nodes.map((n) => n.weight),
    perSet,
  );
  const byType = apportionTable(totals, perSetByType);
  return nodes.map((node, i) => ({ node, perSet: totals[i] ?? 0, perSetByType: byType[i] ?? [] }));
}

/** What one paper of the shape `paper` takes from every node of the 细目表, pre-order (see the module comment). */
export function scopeNeeds(table: Pick<TheoryElementTable, 'scopes'>, paper: PaperShape): ScopeNeed[] {
  const out: ScopeNeed[] = [];
  const visit = (nodes: readonly ScopeNode[], perSet: number, perSetByType: readonly number[], codes: readonly string[]) => {
    for (const { node, perSet: own, perSetByType: ownByType } of apportion(nodes, perSet, perSetByType)) {
      const path = [...codes, node.code];
      const children = node.children ?? [];
      out.push({ path: path.join('-'), name: node.name, depth: path.length, isLeaf: children.length === 0, weight: node.weight, perSet: own, perSetByType: toTypeCounts(ownByType) });
      if (children.length > 0) visit(children, own, ownByType, path);
    }
  };
  const byType = typeVector(paper);
  visit(table.scopes, byType.reduce((a, b) => a + b, 0), byType, []);
  return out;
}

/** Items available and needed per node of the 细目表, pre-order (a parent before its children). */
export function coverage(input: CoverageInput): CoverageRow[] {
  const { sets, nodes } = 'needs' in input ? input.needs : { sets: input.sets, nodes: scopeNeeds(input.table, input.paper) };
  if (!Number.isInteger(sets) || sets < 1) throw new RangeError(`sets must be a whole number ≥ 1, got ${String(sets)}`);
  const elements = new Map(listElements(input.table).map((e) => [e.fullCode, e]));

  interface Tally {
    points: ImportanceCounts;
    covered: number;
    byImportance: ImportanceCounts;
    byType: TypeCounts;
  }
  const tallies = new Map<string, Tally>();
  const tally = (path: string): Tally => {
    let t = tallies.get(path);
    if (!t) {
      t = { points: importanceCounts(), covered: 0, byImportance: importanceCounts(), byType: typeCounts() };
      tallies.set(path, t);
    }
    return t;
  };
  const prefixes = (codes: readonly string[]) => codes.map((_, i) => codes.slice(0, i + 1).join('-'));

  const itemsPerPoint = new Map<string, number>();
  for (const item of input.items) {
    if (item.state === '停用') continue;
    const e = elements.get(item.element.trim().toUpperCase());
    if (!e) continue;
    itemsPerPoint.set(e.fullCode, (itemsPerPoint.get(e.fullCode) ?? 0) + 1);
    for (const p of prefixes(e.scopeCodes)) {
      const t = tally(p);
      t.byImportance[e.importance as Importance] += 1;
      t.byType[item.type] += 1;
    }
  }
  for (const e of elements.values()) {
    for (const p of prefixes(e.scopeCodes)) {
      const t = tally(p);
      t.points[e.importance] += 1;
      if ((itemsPerPoint.get(e.fullCode) ?? 0) > 0) t.covered += 1;
    }
  }

  const empty = { points: importanceCounts(), covered: 0, byImportance: importanceCounts(), byType: typeCounts() };
  return nodes.map((node): CoverageRow => {
    const t = tallies.get(node.path) ?? empty;
    const neededByType = toTypeCounts(THEORY_ITEM_TYPES.map((type) => node.perSetByType[type] * sets));
    const shortTypes = THEORY_ITEM_TYPES.filter((type) => t.byType[type] < neededByType[type]);
    return {
      path: node.path,
      name: node.name,
      depth: node.depth,
      isLeaf: node.isLeaf,
      weight: node.weight,
      points: t.points,
      coveredPoints: t.covered,
      available: t.byType.trueFalse + t.byType.singleChoice + t.byType.multipleChoice,
      availableByImportance: t.byImportance,
      availableByType: t.byType,
      neededPerSet: node.perSet,
      neededPerSetByType: node.perSetByType,
      needed: node.perSet * sets,
      neededByType,
      shortTypes,
      short: shortTypes.length > 0,
    };
  });
}
