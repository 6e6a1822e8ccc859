/**
 * The rows the virtual list shows, for 100 000 items without a call per row:
 * - no search term: the catalogue (`items.catalogue`: metadata only, packed, one call) filtered here;
 *   the 题干摘要 of the rows on screen come from `items.search` pages over the same handler-side
 *   filters (ids ascending, as the catalogue), one call per 200 rows, so only what is looked at is 调阅;
 * - a search term, or the catalogue still on its way (a big bank's first screen does not wait for
 *   it): `items.search` pages as the list scrolls to them (the handler filters by 题型, 状态, 难度 and
 *   鉴定点 itself; the lint filter applies only to the catalogue).
 * Lint counts: useLintCounts.ts.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, errorMessage } from '../../api/client.js';
import { useLoad } from '../../api/hooks.js';
import { kindOfType, unpackCatalogue } from '../../../../domain/item-catalogue.js';
import { useLintCounts, type LintState } from './useLintCounts.js';
import {
  filterKey,
  matchesServer,
  PAGE,
  pagesOf,
  passesLint,
  serverPart,
  withRow,
  type Filters,
  type ItemRow,
  type LintCounts,
  type LintFinding,
  type SearchHit,
} from './model.js';

export interface RowView {
  readonly id: number;
  readonly type: ItemRow['type'];
  readonly binding: string;
  readonly difficulty: number | null;
  readonly state: ItemRow['state'];
  readonly version: number;
  /** undefined while its page is loading. */
  readonly title: string | undefined;
  /** undefined: not linted (yet). */
  readonly findings: LintCounts | undefined;
}

export interface ItemSource {
  readonly loading: boolean;
  readonly error: string | null;
  /** Rows the list shows (after filters, or the search total). */
  readonly count: number;
  /** Items of the bank. */
  readonly all: number;
  readonly searching: boolean;
  /** The catalogue has come (before: rows from items.search pages, no lint filter). */
  readonly catalogueReady: boolean;
  /** A search whose first page has not come back yet. */
  readonly pending: boolean;
  readonly catalogue: readonly ItemRow[];
  readonly lintError: string | null;
  readonly lintState: LintState;
  /** Counts the findings of a bank too big to lint on opening. */
  runLint(): void;
  rowAt(index: number): RowView | undefined;
  /** Loads what rows first…last need (their titles, their search page). */
  ensure(first: number, last: number): void;
  /** After a save, add or a workflow step: the item's new summary, title and findings. */
  update(row: ItemRow, title?: string, findings?: readonly LintFinding[]): void;
  /** The findings of an opened item (so a practical task's row gets its count too). */
  setFindings(id: number, findings: readonly LintFinding[]): void;
  reload(): void;
}

/** Pages of `items.search` keyed by offset, for one query; a new key starts afresh. */
function usePages(bankId: number, key: string, query: () => Record<string, unknown>, enabled: boolean) {
  const [pages, setPages] = useState<ReadonlyMap<number, readonly SearchHit[]>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(new Set<number>());
  const generation = useRef(0);
  const queryRef = useRef(query);
  queryRef.current = query;

  const fetchPage = useCallback(
    (offset: number) => {
      if (asked.current.has(offset)) return;
      asked.current.add(offset);
      const mine = generation.current;
      api['items.search']({ bankId, ...queryRef.current(), limit: PAGE, offset }).then(
        (r) => {
          if (mine !== generation.current) return;
          setTotal(r.total);
          setPages((m) => new Map(m).set(offset, r.hits));
        },
        (e: unknown) => {
          if (mine !== generation.current) return;
          asked.current.delete(offset);
          setError(errorMessage(e));
        },
      );
    },
    [bankId],
  );

  useEffect(() => {
    generation.current++;
    asked.current = new Set();
    setPages(new Map());
    setTotal(null);
    setError(null);
    if (enabled) fetchPage(0);
  }, [key, enabled, fetchPage]);

  const patch = useCallback((row: ItemRow, title?: string) => {
    setPages((m) => {
      const next = new Map(m);
      for (const [offset, hits] of m) {
        if (hits.some((h) => h.id === row.id)) next.set(offset, hits.map((h) => (h.id === row.id ? { ...h, ...row, title: title ?? h.title } : h)));
      }
      return next;
    });
  }, []);
  return { pages, total, error, fetchPage, patch };
}

export function useItemSource(bankId: number, term: string, filters: Filters): ItemSource {
  const [tick, setTick] = useState(0);
  // null until the catalogue has come (the list pages through items.search meanwhile)
  const [catalogue, setCatalogue] = useState<readonly ItemRow[] | null>(null);
  const server = useMemo(() => serverPart(filters), [filters]);
  const searching = term.trim() !== '';
  const catalogueReady = catalogue !== null;
  const paged = searching || !catalogueReady;
  const key = `${filterKey(server)}|${term.trim()}|${tick}`;
  const search = usePages(bankId, key, () => ({ text: term.trim(), ...server }), paged);

  // The catalogue is asked for once the first page has come: the host answers one call at a time,
  // and at 100 000 items the catalogue takes it a good half second the first page need not wait for.
  const [wantCatalogue, setWantCatalogue] = useState(false);
  useEffect(() => {
    if (wantCatalogue || (search.total === null && search.error === null)) return undefined;
    // after the frame that shows the first rows has been painted
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setWantCatalogue(true))));
    return () => cancelAnimationFrame(frame);
  }, [wantCatalogue, search.total, search.error]);
  const list = useLoad(async () => (wantCatalogue ? unpackCatalogue(await api['items.catalogue']({ bankId })) : undefined), [bankId, tick, wantCatalogue]);
  useEffect(() => {
    if (list.data) setCatalogue(list.data);
  }, [list.data]);
  const rows = useMemo(() => catalogue ?? [], [catalogue]);
  const lint = useLintCounts(bankId, tick, catalogue?.length);
  const [titles, setTitles] = useState<ReadonlyMap<number, string>>(new Map());
  const titlePages = usePages(bankId, key, () => ({ text: '', ...server }), false);

  // the catalogue filtered: first by what the handler filters (positions = search offsets), then by lint
  const base = useMemo(() => rows.filter((r) => matchesServer(r, server)), [rows, server]);
  const visible = useMemo(
    () => (filters.lint === undefined ? base : base.filter((r) => passesLint(lint.countsOf(r.id, r.kind), filters.lint))),
    [base, filters.lint, lint.countsOf],
  );
  // where a visible row is among the handler's results: its own index unless the lint filter thins them
  const position = useMemo(() => (visible === base ? null : new Map(base.map((r, i) => [r.id, i]))), [base, visible]);

  // titles from the pages loaded (for the catalogue, and those shown before it came)
  useEffect(() => {
    const loaded = [...titlePages.pages.values(), ...(searching ? [] : search.pages.values())];
    if (loaded.length === 0) return;
    setTitles((m) => {
      const next = new Map(m);
      for (const hits of loaded) for (const h of hits) next.set(h.id, h.title);
      return next;
    });
  }, [titlePages.pages, search.pages, searching]);

  const rowAt = useCallback(
    (index: number): RowView | undefined => {
      if (paged) {
        const hit = search.pages.get(Math.floor(index / PAGE) * PAGE)?.[index % PAGE];
        return hit && { ...hit, findings: lint.countsOf(hit.id, kindOfType(hit.type)) };
      }
      const r = visible[index];
      return r && { id: r.id, type: r.type, binding: r.binding, difficulty: r.difficulty, state: r.state, version: r.version, title: titles.get(r.id), findings: lint.countsOf(r.id, r.kind) };
    },
    [paged, search.pages, visible, titles, lint.countsOf],
  );

  const ensure = useCallback(
    (first: number, last: number) => {
      const positions: number[] = [];
      for (let i = Math.max(0, first); i <= last; i++) {
        if (paged) positions.push(i);
        else {
          const r = visible[i];
          if (r && !titles.has(r.id)) positions.push(position ? (position.get(r.id) ?? -1) : i);
        }
      }
      const fetchPage = paged ? search.fetchPage : titlePages.fetchPage;
      for (const offset of pagesOf(positions)) fetchPage(offset);
    },
    [paged, visible, titles, position, search.fetchPage, titlePages.fetchPage],
  );

  const setFindings = lint.set;
  const patchHits = search.patch;
  const update = useCallback(
    (row: ItemRow, title?: string, findings?: readonly LintFinding[]) => {
      setCatalogue((rs) => rs && withRow(rs, row));
      if (title !== undefined) setTitles((m) => new Map(m).set(row.id, title));
      if (findings) setFindings(row.id, findings);
      patchHits(row, title);
    },
    [setFindings, patchHits],
  );

  return {
    // nothing to show yet: neither the catalogue nor a first page
    loading: !catalogueReady && search.total === null && list.error === null && search.error === null,
    error: list.error ?? search.error ?? titlePages.error,
    count: paged ? (search.total ?? 0) : visible.length,
    all: catalogueReady ? rows.length : (search.total ?? 0),
    searching,
    catalogueReady,
    pending: searching && search.total === null && search.error === null,
    catalogue: rows,
    lintError: lint.error,
    lintState: lint.state,
    runLint: lint.run,
    rowAt,
    ensure,
    update,
    setFindings,
    reload: () => setTick((t) => t + 1),
  };
}
