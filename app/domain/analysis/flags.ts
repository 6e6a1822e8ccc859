/**
 * Flags on an item's statistics, in Chinese, most serious first. `review` flags (a likely key error,
 * negative discrimination) send the item back to the panel (入库 → 待审 with this evidence); `note`
 * flags (too easy or hard, low discrimination, an unused distractor, many omissions) inform assembly
 * and the writers. Thresholds follow common practice (Ebel's discrimination bands: < 0.20 poor); a
 * distractor is taken for a likely key error only when the strong group clearly prefers it (choice rates
 * 15 points apart and r ≥ 0.15), so that sampling noise on a good item does not send it to the panel.
 * A sitting too small to judge (n < MIN_SAMPLE) raises only the small-sample note.
 */
import type { ItemStatistics } from './classical.js';
import { analysisMessages as m } from './messages.js';

export const THRESHOLDS = {
  tooEasy: 0.9,
  tooHard: 0.2,
  lowDiscrimination: 0.2,
  highOmit: 0.1,
  /** A likely key error: a distractor chosen by the upper group this much more than by the lower … */
  keyErrorGap: 0.15,
  /** … and correlating at least this much with the rest score. */
  keyErrorR: 0.15,
  minSample: 20,
} as const;

export type FlagCode = 'keyError' | 'negative' | 'tooEasy' | 'tooHard' | 'lowDiscrimination' | 'unusedDistractor' | 'highOmit' | 'smallSample';

export interface ItemFlag {
  readonly code: FlagCode;
  readonly severity: 'review' | 'note';
  /** Chinese, with the figures. */
  readonly message: string;
}

const f2 = (x: number) => x.toFixed(2);

export type Thresholds = { readonly [K in keyof typeof THRESHOLDS]: number };

export function itemFlags(s: ItemStatistics, t: Thresholds = THRESHOLDS): ItemFlag[] {
  if (s.n < t.minSample) return [{ code: 'smallSample', severity: 'note', message: m.flags.smallSample(s.n, t.minSample) }];
  const flags: ItemFlag[] = [];
  const key = s.options.filter((o) => o.isKey);
  // a distractor the strong candidates prefer to the weak ones, and that goes with a higher rest score
  for (const o of s.options) {
    if (o.isKey || o.pointBiserial === null) continue;
    if (o.upperRate - o.lowerRate >= t.keyErrorGap && o.pointBiserial >= t.keyErrorR) {
      flags.push({ code: 'keyError', severity: 'review', message: m.flags.keyError(o.option, o.upperRate, o.lowerRate, o.pointBiserial, key.map((k) => k.option).join('')) });
    }
  }
  if (s.pointBiserial !== null && s.pointBiserial < 0) flags.push({ code: 'negative', severity: 'review', message: m.flags.negative(f2(s.pointBiserial), f2(s.discrimination)) });
  else if (s.pointBiserial !== null && s.pointBiserial < t.lowDiscrimination) {
    flags.push({ code: 'lowDiscrimination', severity: 'note', message: m.flags.low(f2(s.pointBiserial), f2(s.discrimination), t.lowDiscrimination) });
  }
  if (s.p > t.tooEasy) flags.push({ code: 'tooEasy', severity: 'note', message: m.flags.tooEasy(f2(s.p), t.tooEasy) });
  if (s.p < t.tooHard) flags.push({ code: 'tooHard', severity: 'note', message: m.flags.tooHard(f2(s.p), t.tooHard) });
  for (const o of s.options) if (!o.isKey && o.rate === 0) flags.push({ code: 'unusedDistractor', severity: 'note', message: m.flags.unused(o.option) });
  if (s.omitRate > t.highOmit) flags.push({ code: 'highOmit', severity: 'note', message: m.flags.highOmit(s.omitRate, t.highOmit) });
  return flags;
}

/** Whether the flags call for the panel (the item goes back to 待审). */
export function needsReview(flags: readonly ItemFlag[]): boolean {
  return flags.some((f) => f.severity === 'review');
}
