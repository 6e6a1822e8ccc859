/**
 * Suggested 鉴定点 for 待归类 items (app/domain/similarity/suggest.ts) from the bank's current 细目表 and
 * its bound theory items, plus any bound items the caller adds (those of the same imported file). The
 * suggestion names the 鉴定点 and gives its score and the runner-up; it is never applied by itself.
 */
import { listElements } from '../../domain/element-table.js';
import { roundTo } from '../../domain/format.js';
import type { ComparableItem } from '../../domain/similarity/fingerprint.js';
import { createElementSuggester, type BoundText, type ScoredElement } from '../../domain/similarity/suggest.js';
import { UNBOUND_ELEMENT, type TheoryItem } from '../../domain/theory-item.js';
import { currentTheoryTable } from '../banks/context.js';
import type { ServiceContext } from '../context.js';

export interface SuggestedElement {
  /** Full code of the 鉴定点. */
  readonly element: string;
  readonly name: string;
  /** 0 … 1, two decimals. */
  readonly score: number;
}

export interface Suggestion extends SuggestedElement {
  readonly runnerUp?: SuggestedElement;
}

/** The text of an item the suggester compares: stem and options. */
export const suggestionText = (item: ComparableItem): string => [item.stem, ...(item.options ?? [])].join(' ');

export type SuggestFn = (item: ComparableItem) => Suggestion | undefined;

/**
 * The suggester of a bank: undefined when the bank has no 细目表. `bound` are the bank's theory items
 * (those bound to a 鉴定点 count) and any of the caller's.
 */
export function bankSuggester(ctx: ServiceContext, bankId: number, bound: readonly TheoryItem[]): SuggestFn | undefined {
  const table = currentTheoryTable(ctx, bankId);
  if (!table) return undefined;
  const elements = listElements(table);
  const names = new Map(elements.map((e) => [e.fullCode, e.name]));
  const texts: BoundText[] = bound.filter((i) => i.element !== UNBOUND_ELEMENT).map((i) => ({ element: i.element, text: suggestionText(i) }));
  const suggester = createElementSuggester(
    elements.map((e) => ({ code: e.fullCode, name: e.name, scopeNames: e.scopeNames })),
    texts,
  );
  const named = (s: ScoredElement): SuggestedElement => ({ element: s.element, name: names.get(s.element) ?? '', score: roundTo(s.score, 2) });
  return (item) => {
    const found = suggester.suggest(suggestionText(item));
    if (found === undefined) return undefined;
    return { ...named(found.best), ...(found.runnerUp ? { runnerUp: named(found.runnerUp) } : {}) };
  };
}
