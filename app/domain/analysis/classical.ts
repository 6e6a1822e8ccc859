/**
 * Classical item analysis of one sitting (经典测量理论): per item the difficulty p (通过率: mean score ÷
 * points), the corrected item–total correlation (point-biserial for right/wrong items: the item against
 * the total of the *other* items, so the item does not correlate with itself), the upper–lower 27 %
 * discrimination D (p of the best 27 % − p of the weakest 27 % by total score; ties broken by sheet
 * order), the omission rate, and per option its choice rate overall, in the upper and the lower group,
 * and its point-biserial against the rest score. Per paper: mean, SD, reliability (KR-20 when every
 * item is right/wrong with equal points, else Cronbach's α — the same formula on item variances) and
 * the standard error of measurement SEM = SD·√(1 − reliability). Variances are population variances
 * (÷ n), as KR-20 is defined. References: Crocker & Algina, *Introduction to Classical and Modern Test
 * Theory* (1986), ch. 14 and 6; Kelley (1939) for the 27 % groups.
 */
import { chose, scoreResponse, type PaperItemKey, type Response } from './scoring.js';

export interface OptionStatistics {
  readonly option: string;
  readonly isKey: boolean;
  /** Share of all candidates who chose it. */
  readonly rate: number;
  readonly upperRate: number;
  readonly lowerRate: number;
  /** Correlation of choosing it with the rest score; null when nobody or everybody chose it. */
  readonly pointBiserial: number | null;
}

export interface ItemStatistics {
  readonly position: number;
  readonly itemId: number;
  readonly version: number;
  readonly n: number;
  /** 通过率: mean score ÷ points. */
  readonly p: number;
  /** Corrected item–total correlation; null when the item or the rest score does not vary. */
  readonly pointBiserial: number | null;
  /** p(upper 27 %) − p(lower 27 %). */
  readonly discrimination: number;
  readonly omitRate: number;
  /** Choice items only (empty for a practical task). */
  readonly options: readonly OptionStatistics[];
}

export interface PaperStatistics {
  readonly candidates: number;
  readonly items: number;
  readonly maxScore: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly reliabilityMethod: 'KR-20' | 'alpha';
  /** null with fewer than 2 items or no variance of the total. */
  readonly reliability: number | null;
  readonly sem: number | null;
  /** Size of each of the upper and lower groups. */
  readonly groupSize: number;
}

export interface SittingAnalysis {
  readonly paper: PaperStatistics;
  readonly items: readonly ItemStatistics[];
}

/** Share of candidates in each of the upper and lower groups. */
export const GROUP_SHARE = 0.27;

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) * (x - m)));
}

/** Pearson correlation; null when either side does not vary. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Analyses a sitting: `responses[c][i]` is candidate c's normalised response to `items[i]`.
 * Needs at least one candidate; the caller has checked every response against its item.
 */
export function analyseSitting(items: readonly PaperItemKey[], responses: readonly (readonly Response[])[]): SittingAnalysis {
  const n = responses.length;
  if (n === 0) throw new Error('analyseSitting: no candidates');
  const scores = responses.map((row) => items.map((item, i) => scoreResponse(item, row[i] ?? null)));
  const totals = scores.map((row) => row.reduce((a, b) => a + b, 0));
  const groupSize = Math.max(1, Math.round(GROUP_SHARE * n));
  const order = totals.map((t, c) => [t, c] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const upper = order.slice(0, groupSize).map(([, c]) => c);
  const lower = order.slice(n - groupSize).map(([, c]) => c);
  const share = (group: readonly number[], test: (c: number) => boolean) => group.filter(test).length / group.length;

  const itemStats = items.map((item, i): ItemStatistics => {
    const x = scores.map((row) => row[i] as number);
    const rest = totals.map((t, c) => t - (x[c] as number));
    const rel = (c: number) => (x[c] as number) / item.points;
    const options = item.options.map((option): OptionStatistics => {
      const picked = responses.map((row) => chose(row[i] ?? null, option));
      return {
        option,
        isKey: item.kind === 'multipleChoice' ? item.key.includes(option) : item.key === option,
        rate: picked.filter(Boolean).length / n,
        upperRate: share(upper, (c) => picked[c] === true),
        lowerRate: share(lower, (c) => picked[c] === true),
        pointBiserial: correlation(picked.map((b) => (b ? 1 : 0)), rest),
      };
    });
    return {
      position: item.position,
      itemId: item.itemId,
      version: item.version,
      n,
      p: mean(x) / item.points,
      pointBiserial: correlation(x, rest),
      discrimination: mean(upper.map(rel)) - mean(lower.map(rel)),
      omitRate: responses.filter((row) => (row[i] ?? null) === null).length / n,
      options,
    };
  });

  const k = items.length;
  const varTotal = variance(totals);
  const dichotomousEqual = items.every((it) => it.kind !== 'practical' && it.points === items[0]?.points);
  const sumItemVar = items.reduce((s, _it, i) => s + variance(scores.map((row) => row[i] as number)), 0);
  const reliability = k < 2 || varTotal < 1e-12 ? null : (k / (k - 1)) * (1 - sumItemVar / varTotal);
  const sd = Math.sqrt(varTotal);
  return {
    paper: {
      candidates: n,
      items: k,
      maxScore: items.reduce((s, it) => s + it.points, 0),
      mean: mean(totals),
      sd,
      min: totals.reduce((a, b) => Math.min(a, b), Infinity),
      max: totals.reduce((a, b) => Math.max(a, b), -Infinity),
      reliabilityMethod: dichotomousEqual ? 'KR-20' : 'alpha',
      reliability,
      sem: reliability === null ? null : sd * Math.sqrt(Math.max(0, 1 - reliability)),
      groupSize,
    },
    items: itemStats,
  };
}
