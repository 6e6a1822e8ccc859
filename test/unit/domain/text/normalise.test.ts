import { describe, expect, it } from 'vitest';
import { toCompact, toComparisonText, toHalfWidth, toSearchText } from '../../../../app/domain/text/normalise.js';

describe('domain/text/normalise', () => {
  describe('#toHalfWidth', () => {
    it('keeps the length so that positions carry over', () => {
      const text = 'Ａ．毫米　（Ｂ）１２';
      expect(toHalfWidth(text)).toBe('A.毫米 (B)12');
      expect(toHalfWidth(text)).toHaveLength(text.length);
    });

    it('leaves everything but full-width ASCII and the ideographic space alone', () => {
      expect(toHalfWidth('㎜ ① ｶ Ｒａ\t')).toBe('㎜ ① ｶ Ra\t');
    });
  });

  describe('#toCompact', () => {
    it('folds compatibility forms and drops white space, keeping case and punctuation', () => {
      expect(toCompact(' Ｈ７ / h6　２５％\n')).toBe('H7/h625%');
      expect(toCompact('10 ㎜')).toBe('10mm');
    });
  });

  describe('#toSearchText', () => {
    it('folds width and case with NFKC and drops whitespace, control and format characters', () => {
      expect(toSearchText('ＡＢ　c\td\u0001e\u200bＦ')).toBe('abcdef');
      expect(toSearchText('（ ）φ20H7 Ra 3.2')).toBe('()φ20h7ra3.2');
    });
  });

  describe('#toComparisonText', () => {
    it('also drops punctuation and unifies the diameter and degree signs', () => {
      expect(toComparisonText('（ ）Ø20H7，30º')).toBe('φ20h730°');
    });
  });

  describe('the family', () => {
    it('gives each variant its own meaning on the same text', () => {
      const text = 'Ａ－Ｂ　（ ）Ø20\u200b';
      expect(toHalfWidth(text)).toBe('A-B ( )Ø20\u200b');
      expect(toCompact(text)).toBe('A-B()Ø20\u200b');
      expect(toSearchText(text)).toBe('a-b()ø20');
      expect(toComparisonText(text)).toBe('abφ20');
    });

    it('agrees with the stricter variants: what they keep, the looser ones keep too', () => {
      for (const text of ['图样中机件的可见轮廓线用（ ）绘制。', 'ＡｕｔｏＣＡＤ　２０２４ 的 LIMITS', '倒角 2×45°，公差 ±0.02']) {
        expect(toSearchText(text)).toBe(toSearchText(toCompact(text)));
        expect(toComparisonText(text)).toBe(toComparisonText(toSearchText(text)));
      }
    });
  });
});
