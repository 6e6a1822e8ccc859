/**
 * Classical item analysis against a reference computation: the figures below were computed for this
 * answer sheet with NumPy (population variances, np.corrcoef, the same 27 % groups and tie rule),
 * independently of the TypeScript; the planted mis-keyed item 3 (key C, the strong candidates choose
 * D) must be flagged as a likely key error. Properties with fast-check on random sheets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSitting, correlation } from '../../../../app/domain/analysis/classical.js';
import { itemFlags, needsReview, THRESHOLDS } from '../../../../app/domain/analysis/flags.js';
import { pooledP, PRIOR_WEIGHT } from '../../../../app/domain/analysis/pooling.js';
import { normaliseResponse, type PaperItemKey, type Response } from '../../../../app/domain/analysis/scoring.js';

const ABCD = ['A', 'B', 'C', 'D'];
const ITEMS: PaperItemKey[] = [
  { position: 1, itemId: 11, version: 1, kind: 'singleChoice', options: ABCD, key: 'A', points: 1 },
  { position: 2, itemId: 12, version: 1, kind: 'singleChoice', options: ABCD, key: 'B', points: 1 },
  { position: 3, itemId: 13, version: 2, kind: 'singleChoice', options: ABCD, key: 'C', points: 1 },
  { position: 4, itemId: 14, version: 1, kind: 'multipleChoice', options: [...ABCD, 'E'], key: 'ABD', points: 2 },
  { position: 5, itemId: 15, version: 1, kind: 'trueFalse', options: ['√', '×'], key: '√', points: 0.5 },
];
const SHEET: Response[][] = [
  ['A', 'B', 'D', 'ABD', '√'],
  ['A', 'B', 'D', 'ABD', '√'],
  ['A', 'B', 'D', 'AB', '√'],
  ['A', 'C', 'D', 'ABD', '×'],
  ['A', 'B', 'C', 'ABD', '√'],
  ['B', 'B', 'D', 'ABDE', '√'],
  ['A', 'A', 'C', 'AD', '√'],
  ['C', 'B', 'C', null, '×'],
  ['A', 'D', 'C', 'ABD', null],
  ['B', 'A', 'C', 'BC', '×'],
  ['D', 'A', 'C', 'AC', '×'],
  [null, 'C', 'A', 'ABC', '×'],
];

/** NumPy's figures: p, corrected r, D, omission; per option [rate, upper, lower, r]. */
const REFERENCE = [
  { p: 0.5833333333333334, r: 0.6708444831856009, d: 1, omit: 1 / 12, options: [[0.5833333333333334, 1, 0, 0.6708444831856009], [1 / 6, 0, 1 / 3, -0.3008284187980935], [1 / 12, 0, 0, -0.020281847857870926], [1 / 12, 0, 1 / 3, -0.26366402215232193]] },
  { p: 0.5, r: 0.1726306012945308, d: 1, omit: 0, options: [[0.25, 0, 2 / 3, -0.26578219767403827], [0.5, 1, 0, 0.1726306012945308], [1 / 6, 0, 1 / 3, -0.20587400506199152], [1 / 12, 0, 0, 0.3817006212182666]] },
  { p: 0.5, r: -0.29631887899487686, d: -1 / 3, omit: 0, options: [[1 / 12, 0, 1 / 3, -0.38715518239459085], [0, 0, 0, null], [0.5, 1 / 3, 2 / 3, -0.29631887899487686], [0.4166666666666667, 2 / 3, 0, 0.5175660001004029]] },
  { p: 0.4166666666666667, r: 0.42849335744798783, d: 1, omit: 1 / 12, options: [[0.8333333333333334, 1, 2 / 3, 0.1619552660357832], [0.75, 1, 2 / 3, 0], [0.25, 0, 1, -0.7317917228850433], [0.5833333333333334, 1, 0, 0.4897066942262719], [1 / 12, 0, 0, -0.1091902180865228]] },
  { p: 0.5, r: 0.38949041885226, d: 1, omit: 1 / 12, options: [[0.5, 1, 0, 0.38949041885226], [0.4166666666666667, 0, 1, -0.5737128161373644]] },
] as const;

describe('classical item analysis', () => {
  const a = analyseSitting(ITEMS, SHEET);

  it('matches the reference computation item by item and option by option', () => {
    a.items.forEach((s, i) => {
      const ref = REFERENCE[i]!;
      expect(s.p).toBeCloseTo(ref.p, 12);
      expect(s.pointBiserial).toBeCloseTo(ref.r, 12);
      expect(s.discrimination).toBeCloseTo(ref.d, 12);
      expect(s.omitRate).toBeCloseTo(ref.omit, 12);
      s.options.forEach((o, j) => {
        const [rate, upper, lower, r] = ref.options[j]!;
        expect([o.rate, o.upperRate, o.lowerRate]).toEqual([expect.closeTo(rate, 12), expect.closeTo(upper, 12), expect.closeTo(lower, 12)]);
        if (r === null) expect(o.pointBiserial).toBeNull();
        else expect(o.pointBiserial).toBeCloseTo(r, 12);
      });
    });
  });

  it('matches the reference for the paper: mean, SD, α and SEM', () => {
    expect(a.paper).toMatchObject({ candidates: 12, items: 5, maxScore: 5.5, min: 0, max: 5.5, groupSize: 3, reliabilityMethod: 'alpha' });
    expect(a.paper.mean).toBeCloseTo(2.6666666666666665, 12);
    expect(a.paper.sd).toBeCloseTo(1.611589967151143, 12);
    expect(a.paper.reliability).toBeCloseTo(0.39438502673796794, 12);
    expect(a.paper.sem).toBeCloseTo(1.2541597452743678, 12);
  });

  it('flags the planted mis-keyed item, and only it, for the panel', () => {
    const t = { ...THRESHOLDS, minSample: 10 };
    const flags = a.items.map((s) => itemFlags(s, t));
    expect(flags.map(needsReview)).toEqual([false, false, true, false, false]);
    expect(flags[2]!.map((f) => f.code)).toEqual(['keyError', 'negative', 'unusedDistractor']);
    expect(flags[2]![0]!.message).toBe('干扰项 D 高分组选择率 67% 高于低分组 0%，与其余得分正相关（r=0.52）：可能答案（C）有误或题意有歧义');
    expect(flags[1]!.map((f) => f.code)).toEqual(['lowDiscrimination']);
    // with the default minimum sample (20) a 12-candidate sitting only gets the small-sample note
    expect(itemFlags(a.items[2]!).map((f) => f.code)).toEqual(['smallSample']);
  });

  it('uses KR-20 when every item is right/wrong with equal points (the same value as α)', () => {
    const dich = ITEMS.slice(0, 3);
    const b = analyseSitting(dich, SHEET.map((r) => r.slice(0, 3)));
    expect(b.paper.reliabilityMethod).toBe('KR-20');
    // KR-20 = k/(k−1)·(1 − Σpq/σ²) computed directly
    const totals = SHEET.map((r) => dich.filter((it, i) => r[i] === it.key).length);
    const m = totals.reduce((x, y) => x + y, 0) / totals.length;
    const v = totals.reduce((s, x) => s + (x - m) ** 2, 0) / totals.length;
    const pq = b.items.reduce((s, it) => s + it.p * (1 - it.p), 0);
    expect(b.paper.reliability).toBeCloseTo((3 / 2) * (1 - pq / v), 12);
  });

  it('keeps its figures in range and independent of the order of the candidates', () => {
    const sheet = fc.array(fc.tuple(fc.constantFrom<Response>('A', 'B', 'C', 'D', null), fc.constantFrom<Response>('A', 'B', 'C', 'D', null), fc.constantFrom<Response>('√', '×', null)), { minLength: 1, maxLength: 60 });
    const items = [ITEMS[0]!, ITEMS[1]!, ITEMS[4]!].map((it, i) => ({ ...it, position: i + 1 }));
    fc.assert(
      fc.property(sheet, fc.integer(), (rows, seed) => {
        const a1 = analyseSitting(items, rows);
        const shuffled = [...rows].sort((x, y) => ((JSON.stringify(x).length * 31 + seed) % 7) - ((JSON.stringify(y).length * 31 + seed) % 7));
        const a2 = analyseSitting(items, shuffled);
        a1.items.forEach((s, i) => {
          expect(s.p).toBeGreaterThanOrEqual(0);
          expect(s.p).toBeLessThanOrEqual(1);
          expect(Math.abs(s.discrimination)).toBeLessThanOrEqual(1 + 1e-12);
          if (s.pointBiserial !== null) expect(Math.abs(s.pointBiserial)).toBeLessThanOrEqual(1 + 1e-12);
          // for a single-answer item the key's choice rate is the item's p
          expect(s.options.find((o) => o.isKey)!.rate).toBeCloseTo(s.p, 12);
          expect(a2.items[i]!.p).toBeCloseTo(s.p, 12);
          if (s.pointBiserial !== null) expect(a2.items[i]!.pointBiserial).toBeCloseTo(s.pointBiserial, 10);
        });
        if (a1.paper.reliability !== null) expect(a2.paper.reliability).toBeCloseTo(a1.paper.reliability, 10);
      }),
      { seed: 20261204, numRuns: 200 },
    );
  });

  it('computes Pearson correlation, null without variance', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});

describe('responses and pooling', () => {
  it('normalises what answer sheets hold and refuses what does not fit, in Chinese', () => {
    const [single, , , multi, tf] = ITEMS as [PaperItemKey, PaperItemKey, PaperItemKey, PaperItemKey, PaperItemKey];
    expect(normaliseResponse(multi, ' dba ')).toEqual({ ok: true, response: 'ABD' });
    expect(normaliseResponse(multi, 'A、B，D')).toEqual({ ok: true, response: 'ABD' });
    expect(normaliseResponse(tf, '对')).toEqual({ ok: true, response: '√' });
    expect(normaliseResponse(tf, 'F')).toEqual({ ok: true, response: '×' });
    expect(normaliseResponse(single, '')).toEqual({ ok: true, response: null });
    expect(normaliseResponse(single, 'AB')).toEqual({ ok: false, reason: '单项选择题只能选一个选项，作答为“AB”' });
    expect(normaliseResponse(single, 'E')).toEqual({ ok: false, reason: '作答“E”含有本题没有的选项（本题选项 ABCD）' });
    expect(normaliseResponse(tf, '也许')).toMatchObject({ ok: false });
    const task: PaperItemKey = { position: 6, itemId: 20, version: 1, kind: 'practical', options: [], key: '', points: 30 };
    expect(normaliseResponse(task, '27.5')).toEqual({ ok: true, response: 27.5 });
    expect(normaliseResponse(task, '31')).toEqual({ ok: false, reason: '得分“31”应为 0–30 之间的数' });
  });

  it('pools p by sample size, shrunk towards the prior', () => {
    expect(pooledP([], { p: 0.63, weight: PRIOR_WEIGHT })).toEqual({ p: 0.63, n: 0, sittings: 0 });
    const pooled = pooledP([{ n: 100, p: 0.5 }, { n: 50, p: 0.8 }], { p: 0.63, weight: 30 });
    expect(pooled.p).toBeCloseTo((50 + 40 + 0.63 * 30) / 180, 12);
    expect(pooled).toMatchObject({ n: 150, sittings: 2 });
    // many candidates: the data dominates
    expect(pooledP([{ n: 10_000, p: 0.2 }], { p: 0.9, weight: 30 }).p).toBeLessThan(0.21);
  });
});
