/**
 * Lint counts for the list's 质量问题 column: one `lint.bank` report (its per-item findings of theory
 * items), and the findings of each opened item (`lint.item`, any kind). The report lints the whole
 * bank in the main process — about 20 s at 100 000 items, blocking every other call meanwhile — so
 * it runs by itself only for banks up to AUTO_LINT_MAX items; a bigger bank runs it on request.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../../api/client.js';
import { countFindings, NO_FINDINGS, type ItemRow, type LintCounts, type LintFinding } from './model.js';

export const AUTO_LINT_MAX = 5000;

export type LintState = 'idle' | 'loading' | 'ready' | 'error';

export interface LintCountsValue {
  readonly state: LintState;
  readonly error: string | null;
  /** undefined: not linted (yet). */
  countsOf(id: number, kind: ItemRow['kind']): LintCounts | undefined;
  set(id: number, findings: readonly LintFinding[]): void;
  /** Runs the bank report (a big bank waits for this). */
  run(): void;
}

export function useLintCounts(bankId: number, tick: number, itemCount: number | undefined): LintCountsValue {
  const [requested, setRequested] = useState(false);
  const enabled = requested || (itemCount !== undefined && itemCount <= AUTO_LINT_MAX);
  const [perItem, setPerItem] = useState<ReadonlyMap<number, LintCounts> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [extra, setExtra] = useState<ReadonlyMap<number, LintCounts>>(new Map());

  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    setLoading(true);
    api['lint.bank']({ bankId }).then(
      (report) => {
        if (!live) return;
        setPerItem(new Map(report.perItem.map((p) => [p.itemId, countFindings(p.findings)])));
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [bankId, tick, enabled]);

  const countsOf = useCallback(
    (id: number, kind: ItemRow['kind']): LintCounts | undefined => extra.get(id) ?? (perItem && kind === 'theory' ? (perItem.get(id) ?? NO_FINDINGS) : undefined),
    [extra, perItem],
  );
  const set = useCallback((id: number, findings: readonly LintFinding[]) => setExtra((m) => new Map(m).set(id, countFindings(findings))), []);
  const run = useCallback(() => setRequested(true), []);
  const state: LintState = loading ? 'loading' : error ? 'error' : perItem ? 'ready' : 'idle';
  return useMemo(() => ({ state, error, countsOf, set, run }), [state, error, countsOf, set, run]);
}
