/**
 * Duplicates of an import, decided once for the bank and the file alike, within one kind of item (theory
 * items against theory items, 综合评审 items against 综合评审 items; comparableOf says what is compared):
 * - exact (same normalised stem and options): refused, whether the first is in the bank or earlier in
 *   the file;
 * - near (Jaccard of bigrams ≥ threshold, app/domain/similarity/near-duplicates.ts): flagged, then
 *   `ask` holds the import until decided (pending), `skip` leaves the item out, `keep` saves it.
 *   Against the bank every incoming item is checked. Within the file an item is flagged against the
 *   best-scoring earlier item that is itself new (not flagged), so that of a group of near-identical
 *   items the first is the one saved; the flags are the same whatever the decision.
 */
import { roundTo } from '../../domain/format.js';
import type { ComprehensiveItem } from '../../domain/comprehensive-item.js';
import { exactKey, itemComparisonText, type ComparableItem } from '../../domain/similarity/fingerprint.js';
import { findDuplicatesAgainst, findNearDuplicates, type DuplicatePair } from '../../domain/similarity/near-duplicates.js';
import type { TheoryItem } from '../../domain/theory-item.js';
import { problem, type Problem } from '../../domain/validation.js';
import { itemsMessages } from '../items/messages.js';
import { importMessages } from './messages.js';
import type { DuplicateFlag } from './report.js';

/** An incoming item that passed validation, by what is compared of it. */
export interface DuplicateCandidate {
  readonly where: string;
  readonly compared: ComparableItem;
  problems: Problem[];
  skipped: boolean;
}

/**
 * What duplicate detection compares: a theory item's stem and options; a 综合评审 item's title and
 * question (the 考核说明 and 评分标准 of 综合评审 items are alike by nature, the question is the item).
 */
export function comparableOf(item: { kind: 'theory'; body: TheoryItem } | { kind: 'comprehensive'; body: ComprehensiveItem }): ComparableItem {
  return item.kind === 'theory' ? item.body : { stem: `${item.body.title}\n${item.body.question}` };
}

export interface DuplicateOptions {
  readonly nearDuplicates: 'ask' | 'skip' | 'keep';
  readonly threshold: number;
}

/**
 * Marks the candidates (exact: a problem; near and skipped: `skipped`) and returns the flags: exact
 * ones first in file order, then near ones against the bank by score, then near ones within the file.
 */
export function decideDuplicates(
  candidates: readonly DuplicateCandidate[],
  existing: readonly { readonly id: number; readonly compared: ComparableItem }[],
  options: DuplicateOptions,
): DuplicateFlag[] {
  const flags: DuplicateFlag[] = [];
  const flagged = new Set<number>();
  const decision = options.nearDuplicates === 'ask' ? 'pending' : options.nearDuplicates === 'skip' ? 'skipped' : 'kept';
  const near = (k: number, against: string, score: number, scope: DuplicateFlag['scope']) => {
    const c = candidates[k] as DuplicateCandidate;
    flags.push({ where: c.where, against, score: roundTo(score, 2), kind: 'near', decision, scope });
    flagged.add(k);
    if (decision === 'skipped') c.skipped = true;
  };

  // Exact: the bank first, then the first of the file.
  const byExact = new Map(existing.map((e) => [exactKey(e.compared), e.id]));
  const seen = new Map<string, string>();
  candidates.forEach((c, k) => {
    const key = exactKey(c.compared);
    const inBank = byExact.get(key);
    const inFile = seen.get(key);
    if (inBank === undefined && inFile === undefined) {
      seen.set(key, c.where);
      return;
    }
    const against = inBank !== undefined ? itemsMessages.item(inBank) : (inFile as string);
    c.problems.push(problem([], importMessages.exactDuplicate(against)));
    flags.push({ where: c.where, against, score: 1, kind: 'exact', decision: 'rejected', scope: inBank !== undefined ? 'bank' : 'file' });
    flagged.add(k);
  });

  // Near, against the bank.
  const open = (k: number) => !flagged.has(k) && (candidates[k]?.problems.length ?? 1) === 0;
  const incoming = candidates.map((c, k) => ({ id: k, text: itemComparisonText(c.compared) }));
  const bankTexts = existing.map((e, k) => ({ id: k, text: itemComparisonText(e.compared) }));
  for (const pair of findDuplicatesAgainst(incoming, bankTexts, { threshold: options.threshold })) {
    if (pair.kind === 'exact' || pair.against !== 'existing' || !open(pair.a)) continue;
    near(pair.a, itemsMessages.item(existing[pair.b]?.id ?? 0), pair.score, 'bank');
  }

  // Near, within the file: in file order, each against its best earlier item that is new.
  const valid = incoming.filter((c) => open(c.id));
  const later = new Map<number, DuplicatePair[]>();
  for (const pair of findNearDuplicates(valid, { threshold: options.threshold })) {
    const list = later.get(pair.b);
    if (list === undefined) later.set(pair.b, [pair]);
    else list.push(pair);
  }
  for (const k of [...later.keys()].sort((x, y) => x - y)) {
    // Pairs come sorted by score (then ids): the first with a new earlier item wins.
    const pair = later.get(k)?.find((p) => !flagged.has(p.a));
    if (pair !== undefined) near(k, candidates[pair.a]?.where ?? '', pair.score, 'file');
  }
  return flags;
}
