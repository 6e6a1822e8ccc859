/**
 * What of an item is compared for duplicates (issue [C] part 6): the stem and the option texts, both
 * normalised. Options are sorted, because a copied item whose options were shuffled (and its key
 * relettered) is still the same item. The key, difficulty, 鉴定点 and explanation are not compared:
 * the same question bound to another 鉴定点 or with a corrected key is still a duplicate.
 */
import { toComparisonText } from '../text/normalise.js';

/** The part of a theory item (or any stem-and-options text) that duplicate detection looks at. */
export interface ComparableItem {
  readonly stem: string;
  readonly options?: readonly string[];
}

/**
 * Joins stem and options in the comparison text. A private-use character (U+E000): `toComparisonText`
 * keeps it (it is neither punctuation nor space), so the comparison text is a fixed point of
 * `toComparisonText` and may be normalised again by `findNearDuplicates` without change.
 */
export const OPTION_SEPARATOR = '\uE000';

const sortedOptions = (item: ComparableItem): string[] => (item.options ?? []).map(toComparisonText).sort();

/**
 * The text compared by near-duplicate detection: the normalised stem followed by the normalised
 * options in sorted order (code-unit order, so deterministic), separated by `OPTION_SEPARATOR`.
 * Options that normalise to nothing (e.g. `——`) are left out.
 */
export function itemComparisonText(item: ComparableItem): string {
  return [toComparisonText(item.stem), ...sortedOptions(item).filter((o) => o !== '')].join(OPTION_SEPARATOR);
}

/**
 * A key equal for exact duplicates and only for them: normalised stem and sorted normalised options,
 * encoded as a JSON array so that no stem/option boundary can be confused with another.
 */
export function exactKey(item: ComparableItem): string {
  return JSON.stringify([toComparisonText(item.stem), ...sortedOptions(item)]);
}
