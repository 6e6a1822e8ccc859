import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactKey, itemComparisonText, type ComparableItem } from '../../../app/domain/similarity/fingerprint.js';
import {
  bandKeys,
  candidateProbability,
  createMinHashFamily,
  estimateJaccard,
  jaccard,
  lshThreshold,
  minHashSignature,
  murmur3Blocks,
  shingleHashes,
  shingles,
} from '../../../app/domain/similarity/minhash.js';
import {
  DEFAULT_SIMILARITY_OPTIONS,
  findDuplicatesAgainst,
  findNearDuplicates,
  type SimilarityCandidate,
} from '../../../app/domain/similarity/near-duplicates.js';
import { toComparisonText } from '../../../app/domain/text/normalise.js';

const sampleDir = new URL('../../../app/demo/sample/', import.meta.url);
const sample: ComparableItem[] = readdirSync(sampleDir)
  .filter((f) => /^theory-.*\.json$/.test(f))
  .sort()
  .flatMap((f) => (JSON.parse(readFileSync(new URL(f, sampleDir), 'utf8')) as { items: ComparableItem[] }).items)
  .map(({ stem, options }) => ({ stem, options }));

const item = (stem: string, options?: string[]): ComparableItem => (options ? { stem, options } : { stem });
const candidate = (id: number, it: ComparableItem): SimilarityCandidate => ({ id, text: itemComparisonText(it) });
const setOf = (text: string) => new Set(shingles(text));

const viewItem = item('零件图中用来表达零件内、外结构形状的是（ ）。', ['完整的尺寸', '技术要求', '标题栏', '一组图形']);
const dutyItem = item('职业道德是（ ）在职业活动中的具体体现。', ['家庭美德', '个人兴趣爱好', '法律规范', '社会道德']);
const limitsItem = item('在 AutoCAD 中，图形界限由 LIMITS 命令设置，通过指定左下角点和右上角点来确定绘图区域。');

describe('similarity', () => {
  describe('#toComparisonText', () => {
    it('folds full-width letters and digits to half-width and lower-cases Latin', () => {
      expect(toComparisonText('ＡｕｔｏＣＡＤ　２０２４ 的 LIMITS')).toBe('autocad2024的limits');
    });

    it('removes Chinese and ASCII punctuation and every kind of white space', () => {
      expect(toComparisonText('（ ）、，。；：“”‘’《》【】!?！？…—,.;:\'"()[]{}')).toBe('');
      expect(toComparisonText('图样\t中的\n尺寸\u3000以\u200b毫米为单位')).toBe('图样中的尺寸以毫米为单位');
    });

    it('makes the answer blank disappear whatever its style', () => {
      const expected = '职业道德是在职业活动中的具体体现';
      for (const blank of ['（ ）', '（    ）', '(   )', '(　　)', '____', '＿＿＿', '（）']) {
        expect(toComparisonText(`职业道德是${blank}在职业活动中的具体体现。`)).toBe(expected);
      }
    });

    it('unifies the ways of typing the diameter sign to φ', () => {
      for (const d of ['φ', 'Φ', 'ϕ', 'Ф', 'ф', '⌀', 'Ø', 'ø']) expect(toComparisonText(`${d}30H7`)).toBe('φ30h7');
    });

    it('keeps symbols that carry meaning and reads º as the degree sign', () => {
      expect(toComparisonText('倒角 2×45°，公差 ±0.02')).toBe('倒角2×45°公差±002');
      expect(toComparisonText('夹角 30º')).toBe('夹角30°');
    });

    it('is idempotent for any text', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
          const once = toComparisonText(s);
          expect(toComparisonText(once)).toBe(once);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('#itemComparisonText', () => {
    it('gives shuffled options the same text', () => {
      const shuffled = item(viewItem.stem, ['一组图形', '标题栏', '完整的尺寸', '技术要求']);
      expect(itemComparisonText(shuffled)).toBe(itemComparisonText(viewItem));
    });

    it('ignores punctuation, width and blank style in stem and options', () => {
      const retyped = item('零件图中用来表达零件内,外结构形状的是(    ).', ['完整的尺寸 ', '技术要求。', '标题栏', '一组图形']);
      expect(itemComparisonText(retyped)).toBe(itemComparisonText(viewItem));
    });

    it('is the normalised stem alone for a 判断题 and a fixed point of toComparisonText', () => {
      expect(itemComparisonText(limitsItem)).toBe(toComparisonText(limitsItem.stem));
      expect(toComparisonText(itemComparisonText(viewItem))).toBe(itemComparisonText(viewItem));
    });
  });

  describe('#exactKey', () => {
    it('is equal for the same item retyped with shuffled options', () => {
      const retyped = item('零件图中用来表达零件内、外结构形状的是(  )', ['一组图形', '标题栏', '技术要求', '完整的尺寸']);
      expect(exactKey(retyped)).toBe(exactKey(viewItem));
    });

    it('differs when a word moves between the stem and an option', () => {
      expect(exactKey(item('下列属于视图的是', ['主视图', '剖视图']))).not.toBe(exactKey(item('下列属于视图的是主', ['视图', '剖视图'])));
      expect(exactKey(item('图样', ['甲乙', '丙']))).not.toBe(exactKey(item('图样', ['甲', '乙丙'])));
    });
  });

  describe('minhash', () => {
    it('hashes like MurmurHash3 x86_32 (published test vectors)', () => {
      // The 4-byte key 21 43 65 87 read as one little-endian block.
      expect(murmur3Blocks([0x8765_4321], 0, 1, 0)).toBe(0xf55b_516b);
      expect(murmur3Blocks([0x8765_4321], 0, 1, 0x5082_edee)).toBe(0x2362_f9de);
      expect(murmur3Blocks([], 0, 0, 0)).toBe(0);
    });

    it('cuts a text into distinct character n-grams, a short text into one shingle and the empty text into none', () => {
      expect(shingles('主视图主视')).toEqual(['主视', '视图', '图主']);
      expect(shingles('主视图', 3)).toEqual(['主视图']);
      expect(shingles('图', 2)).toEqual(['图']);
      expect(shingles('')).toEqual([]);
      expect(shingles('𠀀𠀁')).toEqual(['𠀀𠀁']); // code points, not UTF-16 halves
      expect(shingleHashes('主视图主视')).toHaveLength(3);
      expect(() => shingles('主视图', 0)).toThrow(RangeError);
    });

    it('gives the same signature for the same text and estimates Jaccard similarity closely', () => {
      const family = createMinHashFamily(128);
      const a = itemComparisonText(viewItem);
      const b = itemComparisonText(item('零件图中表达零件内、外部结构形状的是（ ）。', viewItem.options as string[]));
      const sigA = minHashSignature(shingleHashes(a), family);
      expect(minHashSignature(shingleHashes(a), createMinHashFamily(128))).toEqual(sigA);
      const sigB = minHashSignature(shingleHashes(b), family);
      expect(Math.abs(estimateJaccard(sigA, sigB) - jaccard(setOf(a), setOf(b)))).toBeLessThan(0.1);
      expect(bandKeys(sigA, 32, 4)).toHaveLength(32);
      expect(() => bandKeys(sigA, 32, 5)).toThrow(RangeError);
    });

    it('follows the S-curve 1 − (1 − s^r)^b', () => {
      expect(candidateProbability(0.7, 32, 4)).toBeCloseTo(0.9998, 4);
      expect(candidateProbability(0.1, 32, 4)).toBeCloseTo(0.0032, 4);
      expect(lshThreshold(32, 4)).toBeCloseTo(0.42, 2);
    });
  });

  describe('#findNearDuplicates', () => {
    it('finds a reworded stem as a near duplicate', () => {
      const reworded = item('零件图中用来表达零件内外部结构形状的一般是（ ）。', ['技术要求', '一组图形', '完整的尺寸', '标题栏']);
      const pairs = findNearDuplicates([candidate(7, viewItem), candidate(3, dutyItem), candidate(5, reworded)]);
      expect(pairs).toHaveLength(1);
      expect(pairs[0]).toMatchObject({ a: 5, b: 7, kind: 'near' });
      expect(pairs[0]?.score).toBeGreaterThanOrEqual(DEFAULT_SIMILARITY_OPTIONS.threshold);
      expect(pairs[0]?.score).toBeLessThan(1);
    });

    it('finds two clauses swapped around a comma and a 判断题 with a particle dropped', () => {
      const swapped = item('通过指定左下角点和右上角点来确定绘图区域，在 AutoCAD 中，图形界限由 LIMITS 命令设置。');
      const dropped = item('在 AutoCAD 中，图形界限由 LIMITS 命令设置，指定左下角点和右上角点确定绘图区域。');
      const pairs = findNearDuplicates([candidate(1, limitsItem), candidate(2, swapped), candidate(3, dropped)]);
      expect(pairs.map((p) => [p.a, p.b])).toEqual(expect.arrayContaining([[1, 2], [1, 3]]));
    });

    it('calls a retyped item with shuffled options an exact duplicate with score 1', () => {
      const retyped = item('职业道德是(    )在职业活动中的具体体现.', ['社会道德', '法律规范', '家庭美德', '个人兴趣爱好']);
      expect(findNearDuplicates([candidate(2, dutyItem), candidate(1, retyped)])).toEqual([{ a: 1, b: 2, score: 1, kind: 'exact' }]);
    });

    it('pairs no two different items of the 656-item sample bank, but each with its own reworded copy', () => {
      const copies = sample.slice(0, 200).map((it) => ({ ...it, stem: `${it.stem.replace(/。$/, '')}的。` }));
      const pairs = findNearDuplicates([...sample.map((it, i) => candidate(i, it)), ...copies.map((it, i) => candidate(10_000 + i, it))]);
      expect(pairs.filter((p) => p.b < 10_000)).toEqual([]);
      expect(pairs.filter((p) => p.b === p.a + 10_000)).toHaveLength(200);
    });

    it('returns the same pairs for the same items in any order', () => {
      const items = [...sample.slice(0, 40), dutyItem, viewItem, item(dutyItem.stem, ['社会道德', '法律规范', '家庭美德', '个人兴趣'])];
      const forward = items.map((it, i) => candidate(i + 1, it));
      const first = findNearDuplicates(forward);
      expect(findNearDuplicates(forward)).toEqual(first);
      expect(findNearDuplicates([...forward].reverse())).toEqual(first);
      expect(first.length).toBeGreaterThan(0);
    });

    it('sorts pairs by score descending, then by ids', () => {
      const near = item('职业道德是（ ）在职业活动中的体现。', dutyItem.options as string[]);
      const pairs = findNearDuplicates([candidate(9, dutyItem), candidate(4, near), candidate(6, dutyItem), candidate(2, dutyItem)]);
      expect(pairs.map((p) => `${p.a}-${p.b} ${p.kind}`)).toEqual(['2-6 exact', '2-9 exact', '6-9 exact', '2-4 near', '4-6 near', '4-9 near']);
    });

    it('does not crash on no items, empty, punctuation-only or one-character texts, and never pairs empty texts', () => {
      expect(findNearDuplicates([])).toEqual([]);
      expect(findNearDuplicates([{ id: 1, text: '' }])).toEqual([]);
      expect(findNearDuplicates([{ id: 1, text: '' }, { id: 2, text: '（ ）。' }, { id: 3, text: '  ' }])).toEqual([]);
      expect(findNearDuplicates([{ id: 1, text: '图' }, { id: 2, text: '图。' }, { id: 3, text: '视' }])).toEqual([
        { a: 1, b: 2, score: 1, kind: 'exact' },
      ]);
    });

    it('refuses a threshold outside 0–1 or bands that are not positive integers', () => {
      expect(() => findNearDuplicates([], { threshold: 1.5 })).toThrow(RangeError);
      expect(() => findNearDuplicates([], { bands: 0 })).toThrow(RangeError);
      expect(() => findNearDuplicates([], { rows: 2.5 })).toThrow(RangeError);
    });

    it('reports any text as a duplicate of itself with score 1', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
          const pairs = findNearDuplicates([
            { id: 2, text: s },
            { id: 1, text: s },
          ]);
          expect(pairs).toEqual(toComparisonText(s) === '' ? [] : [{ a: 1, b: 2, score: 1, kind: 'exact' }]);
        }),
        { numRuns: 300 },
      );
    });

    it('never returns a pair twice, and every pair has a < b and a score from the threshold to 1', () => {
      // Few ids and few distinct texts, so the same id and the same or a similar text come up often.
      const text = fc.oneof(
        fc.constantFrom('主视图的投影', '主视图投影', '主视图的投影。', '零件图', '（ ）'),
        fc.string({ unit: fc.constantFrom('主', '视', '图', '的', '是', '零', '件', '，', '（', '）', ' ', 'Ａ', 'a'), maxLength: 10 }),
      );
      fc.assert(
        fc.property(fc.array(fc.record({ id: fc.integer({ min: 0, max: 8 }), text }), { maxLength: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (cs, threshold) => {
          const pairs = findNearDuplicates(cs, { threshold });
          const keys = pairs.map((p) => `${p.a}:${p.b}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const p of pairs) {
            expect(p.a).toBeLessThan(p.b);
            expect(p.score).toBeGreaterThanOrEqual(threshold);
            expect(p.score).toBeLessThanOrEqual(1);
          }
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('#findDuplicatesAgainst', () => {
    const bank = [candidate(101, viewItem), candidate(102, dutyItem), candidate(103, item(viewItem.stem, ['一组图形', '标题栏', '技术要求', '尺寸']))];

    it('pairs each incoming item with the bank items it duplicates, the incoming id first', () => {
      const reworded = candidate(1, item('职业道德是（ ）在职业活动中的具体的体现。', ['社会道德', '家庭美德', '法律规范', '个人兴趣爱好']));
      const pairs = findDuplicatesAgainst([reworded, candidate(2, limitsItem)], bank);
      expect(pairs).toHaveLength(1);
      expect(pairs[0]).toMatchObject({ a: 1, b: 102, kind: 'near', against: 'existing' });
    });

    it('reports exact duplicates within the import, but neither near ones within it nor pairs within the bank', () => {
      const incoming = [
        candidate(5, limitsItem),
        candidate(3, item(`${limitsItem.stem} `)),
        candidate(4, item('在 AutoCAD 中，图形界限由 LIMITS 命令设置，通过指定左下角点和右上角点确定绘图区域。')),
      ];
      expect(findDuplicatesAgainst(incoming, bank)).toEqual([{ a: 3, b: 5, score: 1, kind: 'exact', against: 'incoming' }]);
    });

    it('allows incoming ids that equal bank ids, as the two are numbered apart', () => {
      const pairs = findDuplicatesAgainst([candidate(101, viewItem)], bank);
      expect(pairs.map((p) => [p.a, p.b, p.kind])).toEqual([
        [101, 101, 'exact'],
        [101, 103, 'near'],
      ]);
    });
  });
});
