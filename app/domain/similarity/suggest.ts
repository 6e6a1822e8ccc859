/**
 * A suggested 鉴定点 for a 待归类 item (theory-item.ts): the item's text compared with the names of the
 * 细目表's 鉴定点 and with the items already bound to each. Pure and deterministic; a person accepts or
 * corrects the suggestion (`items.bind`), it is never applied by itself.
 *
 * Texts are compared as their characters and character bigrams after `toComparisonText` (as
 * near-duplicates are), each weighted by its inverse document frequency over the names and bound items
 * given (a bigram found everywhere, `的是`, says little; one found in one 鉴定点's items says much):
 *
 * - name: the share of the weight of the 鉴定点's name that the item's text contains (`图纸幅面` in a
 *   stem about 图纸幅面 gives 1), three parts its own name and one part its leaf 鉴定范围's name;
 * - items: the cosine similarity (binary tf × idf) of the item with the nearest bound items of that
 *   鉴定点 (the nearest counts 1, the second ½, averaged).
 *
 * The score of a 鉴定点 is 1 − (1 − items) × (1 − NAME_WEIGHT × name): either signal alone can
 * suggest, both together suggest more strongly. Scores lie in [0, 1]; the best and the runner-up are
 * returned, so that a close second is visible.
 *
 * Measured on the 656 sample items and the 113 鉴定点 of the sample 细目表 (suggest.test.ts): with names
 * only (an empty bank) the right 鉴定点 is the best for 45 % of the items and best or runner-up for 57 %
 * (chance: 0.9 %); with the other items bound (10-fold) 63 % and 77 %. The parameters were chosen there:
 * characters beside bigrams +3 points, the second neighbour +1, NAME_WEIGHT 0.3–0.9 within ±2.
 */
import { toComparisonText } from '../text/normalise.js';
import { shingles } from './minhash.js';

/** A 鉴定点 of the 细目表 as the suggester sees it. */
export interface SuggestableElement {
  /** Full code, `A-B-C-001`. */
  readonly code: string;
  readonly name: string;
  /** Names of its 鉴定范围, top to leaf. */
  readonly scopeNames?: readonly string[];
}

/** An item already bound to a 鉴定点 (of the bank or of the same file): its code and text. */
export interface BoundText {
  readonly element: string;
  readonly text: string;
}

export interface ScoredElement {
  readonly element: string;
  /** 0 … 1. */
  readonly score: number;
  /** The two signals, 0 … 1: the 鉴定点's name in the text; the nearest bound items of the 鉴定点. */
  readonly name: number;
  readonly items: number;
}

export interface ElementSuggestion {
  readonly best: ScoredElement;
  readonly runnerUp?: ScoredElement;
}

export interface ElementSuggester {
  /** The suggestion for an item's text (stem and options), or undefined when nothing scores. */
  suggest(text: string): ElementSuggestion | undefined;
}

/** How much the name signal counts against the bound-items signal. */
export const NAME_WEIGHT = 0.5;
/** Share of the leaf 鉴定范围's name in the name signal. */
const SCOPE_SHARE = 0.25;
/** Below this score nothing is suggested. */
export const MIN_SUGGESTION_SCORE = 0.05;
/** Terms in more than this share of the bound items are not looked up (their weight is small anyway). */
const COMMON_SHARE = 0.2;

/** Characters (marked, so that a character never equals a bigram) and bigrams of the comparison text. */
function terms(text: string): string[] {
  const t = toComparisonText(text);
  return [...shingles(t, 2), ...shingles(t, 1).map((c) => `\u0001${c}`)];
}

interface IndexedElement {
  readonly code: string;
  /** Terms of its name and of its leaf 鉴定范围's name, with their weights. */
  readonly name: readonly (readonly [string, number])[];
  readonly scope: readonly (readonly [string, number])[];
  readonly nameWeight: number;
  readonly scopeWeight: number;
}

/**
 * Builds the suggester once for a file's items: the 细目表's 鉴定点 and the bound items (only those of a
 * 鉴定点 in `elements` count). Building is linear in the text given; a suggestion looks up the postings
 * of the item's terms and scores every 鉴定点's name.
 */
export function createElementSuggester(elements: readonly SuggestableElement[], bound: readonly BoundText[]): ElementSuggester {
  const index = new Map(elements.map((e, k) => [e.code, k]));
  const docs = bound.flatMap((b) => {
    const element = index.get(b.element);
    return element === undefined ? [] : [{ element, terms: terms(b.text) }];
  });
  const names = elements.map((e) => ({ name: terms(e.name), scope: terms(e.scopeNames?.at(-1) ?? '') }));

  // Document frequency over the bound items and the names (each leaf 鉴定范围 counted once).
  const df = new Map<string, number>();
  const count = (list: readonly string[]) => {
    for (const g of list) df.set(g, (df.get(g) ?? 0) + 1);
  };
  for (const d of docs) count(d.terms);
  const scopes = new Set<string>();
  for (const n of names) {
    count(n.name);
    const key = n.scope.join('\u0000');
    if (!scopes.has(key)) {
      scopes.add(key);
      count(n.scope);
    }
  }
  const total = docs.length + names.length + scopes.size;
  const unseen = Math.log(total + 1) + 1;
  const weights = new Map<string, number>();
  for (const [g, n] of df) weights.set(g, Math.log((total + 1) / (n + 1)) + 1);
  const idf = (g: string) => weights.get(g) ?? unseen;
  const weighted = (list: readonly string[]) => list.map((g) => [g, idf(g)] as const);
  const indexed: IndexedElement[] = elements.map((e, k) => {
    const name = weighted(names[k]?.name ?? []);
    const scope = weighted(names[k]?.scope ?? []);
    return { code: e.code, name, scope, nameWeight: sum(name), scopeWeight: sum(scope) };
  });

  // Postings of the bound items (binary tf × idf), with the norm of each item.
  const postings = new Map<string, number[]>();
  const norms = new Float64Array(docs.length);
  const commonLimit = Math.max(5, docs.length * COMMON_SHARE);
  docs.forEach((d, i) => {
    let n = 0;
    for (const g of d.terms) {
      const w = idf(g);
      n += w * w;
      if ((df.get(g) ?? 0) > commonLimit) continue;
      const list = postings.get(g);
      if (list === undefined) postings.set(g, [i]);
      else list.push(i);
    }
    norms[i] = Math.sqrt(n);
  });
  const dots = new Float64Array(docs.length);
  const touched: number[] = [];
  // The nearest two bound items per 鉴定点, for the query at hand.
  const first = new Float64Array(elements.length);
  const second = new Float64Array(elements.length);
  const seen: number[] = [];

  /** The items signal per 鉴定点 (by index): its nearest bound items' cosines, weighted 1 and ½. */
  function nearestByElement(query: readonly string[]): void {
    let norm = 0;
    for (const g of query) {
      const w = idf(g);
      norm += w * w;
      for (const i of postings.get(g) ?? []) {
        if (dots[i] === 0) touched.push(i);
        dots[i] = (dots[i] ?? 0) + w * w;
      }
    }
    norm = Math.sqrt(norm);
    for (const i of touched) {
      const cos = Math.min(1, (dots[i] ?? 0) / (norm * (norms[i] ?? 1) || 1));
      dots[i] = 0;
      const e = docs[i]?.element ?? 0;
      if (first[e] === 0 && second[e] === 0) seen.push(e);
      if (cos > (first[e] ?? 0)) {
        second[e] = first[e] ?? 0;
        first[e] = cos;
      } else if (cos > (second[e] ?? 0)) second[e] = cos;
    }
    touched.length = 0;
  }

  return {
    suggest(text: string): ElementSuggestion | undefined {
      const query = terms(text);
      if (query.length === 0) return undefined;
      const present = new Set(query);
      nearestByElement(query);
      const score = (k: number): ScoredElement => {
        const e = indexed[k] as IndexedElement;
        const own = containment(e.name, e.nameWeight, present);
        const name = e.scope.length > 0 ? (1 - SCOPE_SHARE) * own + SCOPE_SHARE * containment(e.scope, e.scopeWeight, present) : own;
        const items = ((first[k] ?? 0) + (second[k] ?? 0) / 2) / 1.5;
        return { element: e.code, score: 1 - (1 - items) * (1 - NAME_WEIGHT * name), name, items };
      };
      // The best two by score, ties to the smaller code.
      const before = (a: ScoredElement, b: ScoredElement | undefined) => b === undefined || a.score > b.score || (a.score === b.score && a.element < b.element);
      let best: ScoredElement | undefined;
      let runnerUp: ScoredElement | undefined;
      for (let k = 0; k < indexed.length; k++) {
        const s = score(k);
        if (before(s, best)) {
          runnerUp = best;
          best = s;
        } else if (before(s, runnerUp)) runnerUp = s;
      }
      for (const e of seen) {
        first[e] = 0;
        second[e] = 0;
      }
      seen.length = 0;
      if (best === undefined || best.score < MIN_SUGGESTION_SCORE) return undefined;
      return runnerUp !== undefined && runnerUp.score >= MIN_SUGGESTION_SCORE ? { best, runnerUp } : { best };
    },
  };
}

function sum(list: readonly (readonly [string, number])[]): number {
  let s = 0;
  for (const [, w] of list) s += w;
  return s;
}

/** The share of the weight of `list` found in `present`. */
function containment(list: readonly (readonly [string, number])[], weight: number, present: ReadonlySet<string>): number {
  if (weight === 0) return 0;
  let found = 0;
  for (const [g, w] of list) if (present.has(g)) found += w;
  return found / weight;
}
