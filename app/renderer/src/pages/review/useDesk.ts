/**
 * The workbench's state: the selected item, the verdict being drafted, the expert's verdicts saved
 * and those on their way. Saving moves on at once to the next unjudged item; the verdicts go to
 * `review.verdicts` in the background, several in one call when they pile up, in order. A refused
 * batch comes back: its items are unjudged again and the first is selected with the service's message.
 * The state lives in a ref as well, so key presses in quick succession each see the one before.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { verdictInputSchema, type Verdict } from '../../../../domain/review/verdicts.js';
import { api, errorMessage } from '../../api/client.js';
import { judgedKeys, myVerdicts, nextUnjudged, rowsOf, type Draft, type MyVerdict, type Row, type Workspace } from './model.js';
import { reviewText } from './text.js';

export interface Desk {
  readonly selected: number;
  readonly draft: Draft;
  readonly saved: ReadonlyMap<string, MyVerdict>;
  readonly pending: ReadonlyMap<string, MyVerdict>;
  readonly error: string | null;
}

export interface DeskApi {
  readonly desk: Desk;
  readonly rows: readonly Row[];
  /** Judged by the service's rule, counting only what it has confirmed. */
  readonly judged: ReadonlySet<string>;
  select(index: number): void;
  move(delta: number): void;
  pick(verdict: Verdict): void;
  comment(text: string): void;
  /** Saves the draft of the selected item and moves on; false when it is not complete (the reason shown). */
  save(): boolean;
}

const draftOf = (v: MyVerdict | undefined): Draft => ({ verdict: v?.verdict ?? null, comment: v?.comment ?? '' });

const merged = (a: ReadonlyMap<string, MyVerdict>, b: ReadonlyMap<string, MyVerdict>) => new Map([...a, ...b]);

export function useDesk(ws: Workspace, bankId: number): DeskApi {
  const personId = ws.me?.personId ?? null;
  const rows = useMemo(() => rowsOf(ws.items), [ws.items]);
  const others = useMemo(() => ws.verdicts.filter((v) => v.personId !== personId), [ws.verdicts, personId]);
  const judgedBy = useCallback(
    (mine: ReadonlyMap<string, MyVerdict>) => (personId === null ? new Set<string>() : judgedKeys(ws.items, mine, others, personId)),
    [ws.items, others, personId],
  );
  const [desk, setDesk] = useState<Desk>(() => {
    const saved = myVerdicts(ws.verdicts, personId);
    const first = personId === null ? 0 : Math.max(0, nextUnjudged(rows, judgedBy(saved), -1));
    return { selected: first, draft: draftOf(saved.get(rows[first]?.key ?? '')), saved, pending: new Map(), error: null };
  });
  const ref = useRef(desk);
  const update = useCallback((fn: (d: Desk) => Desk) => {
    ref.current = fn(ref.current);
    setDesk(ref.current);
  }, []);
  const busy = useRef(false);

  const flush = useCallback(async (): Promise<void> => {
    if (busy.current) return;
    const batch = [...ref.current.pending.entries()];
    if (batch.length === 0) return;
    busy.current = true;
    try {
      const verdicts = batch.map(([key, v]) => {
        const [itemId, version] = key.split('@').map(Number);
        return { itemId, version, verdict: v.verdict, comment: v.comment };
      });
      await api['review.verdicts']({ bankId, roundId: ws.round.id, verdicts });
      update((d) => {
        const saved = new Map(d.saved);
        const pending = new Map(d.pending);
        for (const [key, v] of batch) {
          saved.set(key, v);
          if (pending.get(key) === v) pending.delete(key);
        }
        return { ...d, saved, pending };
      });
    } catch (e) {
      update((d) => {
        const pending = new Map(d.pending);
        for (const [key, v] of batch) if (pending.get(key) === v) pending.delete(key);
        const [key, v] = batch[0]!;
        const index = rows.findIndex((r) => r.key === key);
        return { ...d, pending, selected: index < 0 ? d.selected : index, draft: draftOf(v), error: errorMessage(e) };
      });
      busy.current = false;
      return;
    }
    busy.current = false;
    await flush();
  }, [bankId, ws.round.id, rows, update]);

  const select = useCallback(
    (index: number) =>
      update((d) => {
        const i = Math.max(0, Math.min(rows.length - 1, index));
        const key = rows[i]?.key ?? '';
        return { ...d, selected: i, draft: draftOf(d.pending.get(key) ?? d.saved.get(key)), error: null };
      }),
    [rows, update],
  );

  const save = useCallback((): boolean => {
    const d = ref.current;
    const row = rows[d.selected];
    if (!row || personId === null) return false;
    if (d.draft.verdict === null) {
      update((x) => ({ ...x, error: reviewText.workspace.chooseVerdict }));
      return false;
    }
    const parsed = verdictInputSchema.safeParse({ itemId: row.itemId, version: row.version, verdict: d.draft.verdict, comment: d.draft.comment });
    if (!parsed.success) {
      update((x) => ({ ...x, error: parsed.error.issues[0]?.message ?? '' }));
      return false;
    }
    const mine: MyVerdict = { verdict: parsed.data.verdict, comment: parsed.data.comment };
    update((x) => {
      const pending = new Map(x.pending).set(row.key, mine);
      const next = nextUnjudged(rows, judgedBy(merged(x.saved, pending)), x.selected);
      const i = next < 0 ? x.selected : next;
      const key = rows[i]?.key ?? '';
      return { ...x, pending, selected: i, draft: draftOf(pending.get(key) ?? x.saved.get(key)), error: null };
    });
    void flush();
    return true;
  }, [rows, personId, judgedBy, update, flush]);

  const judged = useMemo(() => judgedBy(desk.saved), [judgedBy, desk.saved]);
  return {
    desk,
    rows,
    judged,
    select,
    move: (delta) => select(ref.current.selected + delta),
    pick: (verdict) => update((d) => ({ ...d, draft: { ...d.draft, verdict }, error: null })),
    comment: (text) => update((d) => ({ ...d, draft: { ...d.draft, comment: text } })),
    save,
  };
}
