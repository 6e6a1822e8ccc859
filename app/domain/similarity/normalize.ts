/**
 * Text normalisation for duplicate detection (issue [C] part 6). Two item texts that differ only in
 * typing habits — full-width or half-width letters and digits, Chinese or ASCII punctuation, spaces,
 * the style of the answer blank `（ ）` / `(　)` / `____`, the glyph used for the diameter sign — must
 * normalise to the same string, so that comparing them measures wording, not keyboard settings.
 *
 * The result is for comparison only: it is never shown or stored as item text.
 */

/**
 * Characters folded before NFKC because NFKC would turn them into something unrelated
 * (`º` → `o`, `˚` → space + combining ring) while item writers use them for the degree sign.
 */
const BEFORE_NFKC: Readonly<Record<string, string>> = {
  'º': '°',
  '˚': '°',
};

/**
 * Variants unified after NFKC and lower-casing. The diameter sign is typed as Greek φ/Φ/ϕ, Cyrillic Ф,
 * the technical symbol ⌀ (U+2300) or the Scandinavian Ø, depending on the input method; GB/T 4458.4
 * writes φ. (NFKC already maps ϕ → φ and full-width Ｒ → R; `×` and `x` in dimensions are left alone.)
 */
const AFTER_LOWER: Readonly<Record<string, string>> = {
  'ф': 'φ',
  '⌀': 'φ',
  'ø': 'φ',
};

const beforeNfkc = new RegExp(`[${Object.keys(BEFORE_NFKC).join('')}]`, 'gu');
const afterLower = new RegExp(`[${Object.keys(AFTER_LOWER).join('')}]`, 'gu');

/**
 * Removed entirely: every Unicode punctuation character (`\p{P}` covers ，。、；：？！“”‘’《》【】（）
 * and their ASCII forms, the underscores of a `____` blank, dashes and the ellipsis), every separator
 * and white space (`\p{Z}`, including the ideographic space U+3000), control and format characters
 * (`\p{Cc}`, `\p{Cf}`: tabs, line breaks, zero-width spaces, BOM) and the tilde of ranges `10～20`.
 * Symbols (`\p{S}`: `×`, `°`, `±`, `<`, `√`, `△`) carry meaning in drawing items and stay.
 */
const removed = /[\p{P}\p{Z}\p{Cc}\p{Cf}~〜]/gu;

/**
 * Normalises a text for comparison: NFKC (full-width → half-width letters, digits and punctuation,
 * `㎜` → `mm`, `①` → `1`), lower-cased Latin/Greek/Cyrillic, diameter-sign variants unified to `φ`,
 * and all white space and punctuation removed — so the answer blank `（ ）` disappears wherever it is.
 * Idempotent: `normalizeText(normalizeText(s)) === normalizeText(s)`.
 */
export function normalizeText(s: string): string {
  return s
    .replace(beforeNfkc, (c) => BEFORE_NFKC[c] ?? c)
    .normalize('NFKC')
    .toLowerCase()
    .replace(afterLower, (c) => AFTER_LOWER[c] ?? c)
    .replace(removed, '')
    // Removing a character can bring a base letter next to a combining mark; compose them again.
    .normalize('NFKC');
}
