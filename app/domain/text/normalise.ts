/**
 * The one family of text normalisers. Each variant answers a different question, so each keeps what
 * the others drop; use the one whose meaning fits, never a local copy:
 *
 * | function           | width                | case  | removes                                   | for                                        |
 * |--------------------|----------------------|-------|-------------------------------------------|--------------------------------------------|
 * | `toHalfWidth`      | full-width ASCII only | kept  | nothing (one character for one)           | readers matching patterns, then cutting the original text at the positions found |
 * | `toCompact`        | NFKC                 | kept  | white space                               | labels, codes and numbers as people type them; option texts compared by lint |
 * | `toSearchText`     | NFKC                 | lower | white space, control and format characters | the search index and its query terms      |
 * | `toComparisonText` | NFKC (º → °, φ unified) | lower | all punctuation, separators, control and format characters | duplicate detection (issue [C] part 6)     |
 *
 * Pure functions of the string (no locale): the same text gives the same result on every workstation.
 */

/**
 * Full-width ASCII (Ａ, １, （, ：, －) to half-width and the ideographic space to a space, one character
 * for one character, so positions in the result are positions in the input.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** NFKC (full-width letters and digits to ASCII, `㎜` → `mm`) without white space; case kept. */
export function toCompact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** NFKC, lower case, without white space, control (Cc) and format (Cf) characters: the form the search index holds. */
export function toSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{Cc}\p{Cf}]+/gu, '');
}

// ---------------------------------------------------------------------------------------------------
// Comparison text for duplicate detection. Two item texts that differ only in typing habits — full-width
// or half-width letters and digits, Chinese or ASCII punctuation, spaces, the style of the answer blank
// `（ ）` / `(　)` / `____`, the glyph used for the diameter sign — must normalise to the same string, so
// that comparing them measures wording, not keyboard settings. The result is for comparison only: it is
// never shown or stored as item text.

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
 * Idempotent: `toComparisonText(toComparisonText(s)) === toComparisonText(s)`.
 */
export function toComparisonText(s: string): string {
  return s
    .replace(beforeNfkc, (c) => BEFORE_NFKC[c] ?? c)
    .normalize('NFKC')
    .toLowerCase()
    .replace(afterLower, (c) => AFTER_LOWER[c] ?? c)
    .replace(removed, '')
    // Removing a character can bring a base letter next to a combining mark; compose them again.
    .normalize('NFKC');
}
