/**
 * What a round reviews: the bank's current sets of every kind (the latest run's approved sets, else its
 * drafts — the same sets the submission prints) and the item versions they pin, each once.
 */
import { PAPER_KINDS, paperKindNames } from '../../domain/paper.js';
import type { SetItem } from '../../domain/review/verdicts.js';
import { listPaperItems, type PaperRecord } from '../../store/repositories/papers.js';
import { currentSets } from '../banks/context.js';
import type { ServiceContext } from '../context.js';

export interface AssignedSet {
  readonly paperId: number;
  readonly kind: PaperRecord['kind'];
  readonly kindName: string;
  readonly setLabel: string;
  readonly status: PaperRecord['status'];
  readonly items: readonly { readonly position: number; readonly section: string; readonly itemId: number; readonly version: number; readonly points: number }[];
}

/** `#12`: how review texts name an item. */
export function itemCode(itemId: number): string {
  return `#${String(itemId)}`;
}

export function assignedSets(ctx: ServiceContext, bankId: number): AssignedSet[] {
  return PAPER_KINDS.flatMap((kind) =>
    currentSets(ctx, bankId, kind).map((p) => ({
      paperId: p.id,
      kind,
      kindName: paperKindNames[kind],
      setLabel: p.setLabel,
      status: p.status,
      items: listPaperItems(ctx.db, p.id),
    })),
  );
}

/** Every pinned item of the sets, as the verdict rules see them. */
export function setItems(sets: readonly AssignedSet[]): SetItem[] {
  return sets.flatMap((s) => s.items.map((i) => ({ paperId: s.paperId, setLabel: s.setLabel, kindName: s.kindName, itemId: i.itemId, version: i.version, code: itemCode(i.itemId) })));
}

/** The distinct item versions of the sets, in the order they first appear. */
export function assignment(sets: readonly AssignedSet[]): { itemId: number; version: number }[] {
  const seen = new Set<string>();
  const out: { itemId: number; version: number }[] = [];
  for (const s of sets) {
    for (const i of s.items) {
      const key = `${String(i.itemId)}@${String(i.version)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ itemId: i.itemId, version: i.version });
    }
  }
  return out;
}
