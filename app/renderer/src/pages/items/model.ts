/**
 * The list's pure side: the rows the API gives, the filters (those the search handler applies
 * itself — 题型, 状态, 难度, 鉴定点 prefix — and the lint filter applied here), lint counts, the pages
 * of search results, and which findings belong to which field.
 */
import { ITEM_STATES, type ItemState } from '../../../../domain/bank.js';
import { ITEM_TYPES, type ItemType } from '../../../../domain/item.js';
import type { CatalogueRow } from '../../../../domain/item-catalogue.js';
import type { LintFinding } from '../../../../domain/lint/item-lint.js';
import type { QbankApi } from '../../api/client.js';

/** A row of the catalogue (items.catalogue, unpacked). */
export type ItemRow = CatalogueRow;
export type ItemRecord = Awaited<ReturnType<QbankApi['items.get']>>;
export type SearchHit = Awaited<ReturnType<QbankApi['items.search']>>['hits'][number];
export type BankRecord = Awaited<ReturnType<QbankApi['banks.list']>>[number];
export type { LintFinding };

/** Filters the search handler applies itself (same meaning as its attribute bitmaps). */
export interface ServerFilter {
  readonly type?: ItemType | undefined;
  readonly state?: ItemState | undefined;
  readonly difficulty?: number | undefined;
  /** A 鉴定点/职业功能 code or a prefix of whole segments (`B-A`). */
  readonly element?: string | undefined;
}

export type LintFilter = 'any' | 'error' | 'warning' | 'clean';

export interface Filters extends ServerFilter {
  readonly lint?: LintFilter | undefined;
}

/** Findings of an item by severity. */
export interface LintCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export const NO_FINDINGS: LintCounts = { error: 0, warning: 0, info: 0 };

/** Rows per search call (the handler allows up to 500). */
export const PAGE = 200;

/** `B-A` takes B-A-C-001 and B-A, not B-AC (as the search index does). */
export function matchesElement(binding: string, prefix: string): boolean {
  const p = prefix.trim().toUpperCase().replace(/-+$/u, '');
  return p === '' || binding === p || binding.startsWith(`${p}-`);
}

export function matchesServer(row: Pick<ItemRow, 'type' | 'state' | 'difficulty' | 'binding'>, f: ServerFilter): boolean {
  if (f.type !== undefined && row.type !== f.type) return false;
  if (f.state !== undefined && row.state !== f.state) return false;
  if (f.difficulty !== undefined && row.difficulty !== f.difficulty) return false;
  return f.element === undefined || matchesElement(row.binding, f.element);
}

export function countFindings(findings: readonly LintFinding[]): LintCounts {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function totalFindings(c: LintCounts): number {
  return c.error + c.warning + c.info;
}

/**
 * Whether an item passes the lint filter. `counts` undefined: the item has no known lint (practical
 * and 综合评审 items are linted when opened; the bank report covers theory items) — it passes no lint filter.
 */
export function passesLint(counts: LintCounts | undefined, filter: LintFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (counts === undefined) return false;
  switch (filter) {
    case 'any':
      return totalFindings(counts) > 0;
    case 'error':
      return counts.error > 0;
    case 'warning':
      return counts.error + counts.warning > 0;
    case 'clean':
      return counts.error + counts.warning === 0;
  }
}

/** The part of the filters the search handler takes, without undefined keys. */
export function serverPart(f: Filters): ServerFilter {
  const out: { -readonly [K in keyof ServerFilter]: ServerFilter[K] } = {};
  if (f.type !== undefined) out.type = f.type;
  if (f.state !== undefined) out.state = f.state;
  if (f.difficulty !== undefined) out.difficulty = f.difficulty;
  if (f.element !== undefined && f.element.trim() !== '') out.element = f.element.trim().toUpperCase();
  return out;
}

export const filterKey = (f: ServerFilter): string => JSON.stringify([f.type, f.state, f.difficulty, f.element]);

/** Offsets of the pages that hold these positions. */
export function pagesOf(positions: Iterable<number>): number[] {
  const pages = new Set<number>();
  for (const p of positions) if (p >= 0) pages.add(Math.floor(p / PAGE) * PAGE);
  return [...pages].sort((a, b) => a - b);
}

/**
 * The options of the 鉴定点 filter: every prefix of whole segments of the items' bindings (`A`,
 * `A-B`, `A-B-C`, `A-B-C-001`, and a practical task's 职业功能 letter) with its item count, named
 * where the 细目表's scope names are known.
 */
export function elementOptions(rows: readonly Pick<ItemRow, 'binding'>[], names: ReadonlyMap<string, string>): { code: string; name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    if (r.binding === '') continue;
    const parts = r.binding.split('-');
    for (let i = 1; i <= parts.length; i++) {
      const code = parts.slice(0, i).join('-');
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([code, count]) => ({ code, name: names.get(code) ?? '', count }));
}

/** The distinct 鉴定点 codes (full codes of theory items) or 职业功能 letters, for the editors' selects. */
export function bindingsOf(rows: readonly Pick<ItemRow, 'binding' | 'kind'>[], kind: ItemRow['kind']): string[] {
  const set = new Set<string>();
  for (const r of rows) if (r.kind === kind && r.binding !== '') set.add(r.binding);
  return [...set].sort((a, b) => a.localeCompare(b, 'en'));
}

/** The stem (theory) or title (practical, 综合评审): the list's 题干摘要. */
export function titleOf(record: ItemRecord): string {
  return record.kind === 'theory' ? record.body.stem : record.body.title;
}

/** The findings about one field: `label` exactly, or (nested) anything under it (`评分标准第3行 配分`). */
export function findingsAt(findings: readonly LintFinding[], label: string, nested = false): LintFinding[] {
  return findings.filter((f) => f.field === label || (nested && f.field.startsWith(label)));
}

/** The row of the catalogue a summary (items.history, items.transition) replaces or adds. */
export function withRow(rows: readonly ItemRow[], row: ItemRow): ItemRow[] {
  const i = rows.findIndex((r) => r.id === row.id);
  if (i < 0) return [...rows, row];
  const next = rows.slice();
  next[i] = row;
  return next;
}

/**
 * The filters a link asks for (`/banks/1/items?point=B-A-C` from an assembly's infeasibility cause,
 * `?kind=practical&module=A`, `?type=singleChoice&state=待审`); unknown values are ignored.
 */
export function filtersFromQuery(q: URLSearchParams): Filters {
  const out: { -readonly [K in keyof Filters]: Filters[K] } = {};
  const type = q.get('type') ?? (q.get('kind') === 'practical' || q.get('kind') === 'comprehensive' ? q.get('kind') : null);
  if (type !== null && (ITEM_TYPES as readonly string[]).includes(type)) out.type = type as ItemType;
  const state = q.get('state');
  if (state !== null && (ITEM_STATES as readonly string[]).includes(state)) out.state = state as ItemState;
  const difficulty = Number(q.get('difficulty') ?? NaN);
  if (Number.isInteger(difficulty) && difficulty >= 1 && difficulty <= 5) out.difficulty = difficulty;
  const element = (q.get('point') ?? q.get('module') ?? '').trim().toUpperCase();
  if (/^[A-Z0-9]+(-[A-Z0-9]+)*$/u.test(element)) out.element = element;
  return out;
}
