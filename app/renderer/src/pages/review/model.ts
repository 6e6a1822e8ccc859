/**
 * The review screens' pure side: the workspace's item rows, which of them the acting expert has
 * judged (the domain's own rule, so the counter agrees with the service), the next one to judge,
 * the sets an item is in and its line of the 细目表 or 内容结构表, and the keys of the workbench.
 */
import { listElements, type TheoryElementTable } from '../../../../domain/element-table.js';
import type { PracticalStructure } from '../../../../domain/practical-structure.js';
import type { Role } from '../../../../domain/roles.js';
import { unjudged, VERDICTS, type RecordedVerdict, type Verdict } from '../../../../domain/review/verdicts.js';
import type { QbankApi } from '../../api/client.js';
import { reviewText } from './text.js';

export const REVIEW_VIEWS = ['panel', 'workspace', 'feedback', 'signoff', 'submissions'] as const;
export type ReviewView = (typeof REVIEW_VIEWS)[number];

/** Who may open each view: the roles whose calls it makes. */
const VIEW_ROLES: Readonly<Record<ReviewView, readonly Role[]>> = {
  panel: ['manager'],
  workspace: ['manager', 'reviewer'],
  feedback: ['manager', 'author', 'reviewer'],
  signoff: ['manager', 'author', 'reviewer'],
  submissions: ['manager'],
};

/** The views the roles may open, and the one to start with (an expert's workbench, an author's answers). */
export function viewsFor(roles: readonly Role[]): { views: ReviewView[]; start: ReviewView } {
  const views = REVIEW_VIEWS.filter((v) => VIEW_ROLES[v].some((r) => roles.includes(r)));
  const start: ReviewView = roles.includes('reviewer') ? 'workspace' : roles.includes('manager') ? 'panel' : 'feedback';
  return { views, start: views.includes(start) ? start : (views[0] ?? 'signoff') };
}

export type Workspace = Awaited<ReturnType<QbankApi['review.workspace']>>;
export type WorkspaceItem = Workspace['items'][number];
export type AssignedSet = Workspace['sets'][number];

/** `12@1`: one item version of the assignment. */
export const keyOf = (i: { readonly itemId: number; readonly version: number }): string => `${String(i.itemId)}@${String(i.version)}`;

export interface Draft {
  readonly verdict: Verdict | null;
  readonly comment: string;
}

export interface MyVerdict {
  readonly verdict: Verdict;
  readonly comment: string;
}

/** A row of the list: what it shows without opening the item. */
export interface Row {
  readonly key: string;
  readonly itemId: number;
  readonly version: number;
  readonly code: string;
  readonly kind: string;
  readonly type: string;
  readonly binding: string;
}

const field = (body: unknown, name: string): string => {
  const v = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : '';
};

export function rowsOf(items: readonly WorkspaceItem[]): Row[] {
  return items.map((i) => {
    const kind = i.item.kind;
    const body = i.item.body;
    return {
      key: keyOf(i),
      itemId: i.itemId,
      version: i.version,
      code: i.code,
      kind,
      type: kind === 'theory' ? field(body, 'type') : kind,
      binding: kind === 'theory' ? field(body, 'element') : kind === 'practical' ? field(body, 'module') : '',
    };
  });
}

/** The acting expert's verdicts by item version. */
export function myVerdicts(verdicts: readonly (RecordedVerdict & { comment: string })[], personId: number | null): Map<string, MyVerdict> {
  const out = new Map<string, MyVerdict>();
  if (personId === null) return out;
  for (const v of verdicts) if (v.personId === personId) out.set(keyOf(v), { verdict: v.verdict, comment: v.comment });
  return out;
}

/**
 * The keys the acting expert has judged, by the service's rule (a version revised after the panel's
 * 修改后通过 counts as judged): `mine` are the expert's own, `others` every other member's verdicts.
 */
export function judgedKeys(items: readonly { itemId: number; version: number }[], mine: ReadonlyMap<string, MyVerdict>, others: readonly RecordedVerdict[], personId: number): Set<string> {
  const own: RecordedVerdict[] = [...mine.entries()].map(([k, v]) => {
    const [itemId, version] = k.split('@').map(Number);
    return { itemId: itemId ?? 0, version: version ?? 0, personId, verdict: v.verdict };
  });
  const left = new Set(unjudged(items, own, [...others, ...own]).map(keyOf));
  return new Set(items.map(keyOf).filter((k) => !left.has(k)));
}

/** The first unjudged row after `from` (wrapping round), or -1 when every row is judged. */
export function nextUnjudged(rows: readonly { key: string }[], judged: ReadonlySet<string>, from: number): number {
  for (let step = 1; step <= rows.length; step++) {
    const i = (from + step) % rows.length;
    if (!judged.has(rows[i]!.key)) return i;
  }
  return -1;
}

/** `1`, `2`, `3` → 通过, 修改后通过, 不通过. */
export function verdictOfKey(key: string): Verdict | null {
  const i = ['1', '2', '3'].indexOf(key);
  return i < 0 ? null : (VERDICTS[i] ?? null);
}

/** Where the item is: `理论知识 甲套 第 3 题（1 分）`, per set that pins this version. */
export function setsOf(sets: readonly AssignedSet[], itemId: number, version: number): string[] {
  const out: string[] = [];
  for (const s of sets) {
    for (const i of s.items) if (i.itemId === itemId && i.version === version) out.push(reviewText.workspace.setLine(s.kindName, s.setLabel, i.position, i.points));
  }
  return out;
}

export interface Tables {
  readonly theory: { readonly table: TheoryElementTable } | null;
  readonly practical: { readonly structure: PracticalStructure } | null;
}

/** The 鉴定点's line of the 细目表 (theory) or the 职业功能's of the 内容结构表 (practical); null when not found. */
export function elementLine(tables: Tables | undefined, row: Pick<Row, 'kind' | 'binding'>): string | null {
  const w = reviewText.workspace;
  if (!tables || row.binding === '') return null;
  if (row.kind === 'theory' && tables.theory) {
    const e = listElements(tables.theory.table).find((x) => x.fullCode === row.binding);
    return e ? w.elementLine(e.fullCode, e.name, e.importance, e.scopeCodes.map((c, i) => `${c} ${e.scopeNames[i] ?? ''}`).join(' / ')) : null;
  }
  if (row.kind === 'practical' && tables.practical) {
    const m = tables.practical.structure.modules.find((x) => x.code === row.binding);
    return m ? w.moduleLine(m.code, m.name) : null;
  }
  return null;
}

/** Whether the element handles the key itself (text fields, buttons, links): the workbench keys stay out. */
export function handlesOwnKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox'].includes(target.type);
  return target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
}
