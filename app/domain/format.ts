/**
 * How the program writes set labels and numbers, in one place. Pure; the domain's messages, the
 * document templates, the CLI and the demo all use it, so a number reads the same everywhere.
 * - sets: the label of the n-th set (甲, 乙, 丙 …), a label as a heading (`甲套`), the n-th set in
 *   messages about sets not yet labelled (`第1套`);
 * - numbers: rounding without float noise (`0.1 + 0.2` → 0.3), numbers and points as people write
 *   them (25, 0.5, 12.5), percentages with one decimal, difficulty values (Σp, deviation) with four
 *   decimals, seconds with two, and Chinese numerals for section and list numbers (一, 二 … 九十九).
 */

/** 附件6: sets are labelled 甲, 乙, 丙 … (at most ten). */
export const SET_LABELS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'] as const;

/** The label of the set at `index` (0 → 甲, 1 → 乙 …); a RangeError beyond the tenth. */
export function setLabel(index: number): string {
  const label = SET_LABELS[index];
  if (label === undefined) throw new RangeError(`set index ${String(index)}`);
  return label;
}

/** `甲套` from `甲` (a label that already says 套 is kept). */
export function setName(label: string): string {
  return label.endsWith('套') ? label : `${label}套`;
}

/** `第1套` for the set at `index` 0: how messages name a set before it has a label. */
export function setOrdinal(index: number): string {
  return `第${index + 1}套`;
}

/** `x` rounded to `digits` decimals (half up, as Math.round), so sums print without float noise. */
export function roundTo(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

/** A number as people write it in messages and tables: 25, 0.5, 12.5 (at most three decimals). */
export function formatNumber(n: number): string {
  return String(roundTo(n, 3));
}

/** Points as printed on papers and rubrics: `1`, `0.5`, `70`, `1.25` (at most two decimals). */
export function formatPoints(points: number): string {
  return String(roundTo(points, 2));
}

/** `part` of `whole` in percent with one decimal (12.5); 0 when the whole is 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/** A difficulty value (Σp, mean p, deviation from the target) with four decimals: `0.0123`. */
export function formatDifficulty(x: number): string {
  return x.toFixed(4);
}

/** A duration in seconds with two decimals: `1.25`. */
export function formatSeconds(seconds: number): string {
  return seconds.toFixed(2);
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (1–99; other numbers in Arabic digits). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const t = tens === 0 ? '' : `${tens === 1 ? '' : DIGITS[tens]}十`;
  return `${t}${ones === 0 ? '' : DIGITS[ones]}`;
}
