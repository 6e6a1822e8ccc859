import { describe, expect, it } from 'vitest';
import {
  chineseNumber,
  formatDifficulty,
  formatNumber,
  formatPoints,
  formatSeconds,
  percent,
  roundTo,
  SET_LABELS,
  setLabel,
  setName,
  setOrdinal,
} from '../../../app/domain/format.js';

describe('domain/format', () => {
  describe('#setLabel', () => {
    it('labels the sets 甲, 乙, 丙 … 癸 and refuses an eleventh', () => {
      expect([0, 1, 2].map(setLabel)).toEqual(['甲', '乙', '丙']);
      expect(setLabel(9)).toBe('癸');
      expect(SET_LABELS).toHaveLength(10);
      expect(() => setLabel(10)).toThrow(RangeError);
      expect(() => setLabel(-1)).toThrow(RangeError);
    });
  });

  describe('#setName', () => {
    it('adds 套 to a label once', () => {
      expect(setName('甲')).toBe('甲套');
      expect(setName('A')).toBe('A套');
      expect(setName('乙套')).toBe('乙套');
    });
  });

  describe('#setOrdinal', () => {
    it('names the set at index 0 第1套', () => {
      expect(setOrdinal(0)).toBe('第1套');
      expect(setOrdinal(9)).toBe('第10套');
    });
  });

  describe('#roundTo', () => {
    it('rounds half up to the given decimals without float noise', () => {
      expect(roundTo(0.1 + 0.2, 3)).toBe(0.3);
      expect(roundTo(2.345678, 2)).toBe(2.35);
      expect(roundTo(1 / 3, 6)).toBe(0.333333);
      expect(roundTo(12.5, 0)).toBe(13);
    });
  });

  describe('#formatNumber', () => {
    it('writes numbers as people do: no trailing zeros, at most three decimals', () => {
      expect(formatNumber(25)).toBe('25');
      expect(formatNumber(0.5)).toBe('0.5');
      expect(formatNumber(0.1 + 0.2)).toBe('0.3');
      expect(formatNumber(100 / 3)).toBe('33.333');
    });
  });

  describe('#formatPoints', () => {
    it('writes points with at most two decimals', () => {
      expect(formatPoints(70)).toBe('70');
      expect(formatPoints(1.25)).toBe('1.25');
      expect(formatPoints(0.1 * 3)).toBe('0.3');
      expect(formatPoints(10 / 3)).toBe('3.33');
    });
  });

  describe('#percent', () => {
    it('gives a share in percent with one decimal, 0 of nothing', () => {
      expect(percent(1, 8)).toBe(12.5);
      expect(percent(2, 3)).toBe(66.7);
      expect(percent(5, 5)).toBe(100);
      expect(percent(3, 0)).toBe(0);
    });
  });

  describe('#formatDifficulty and #formatSeconds', () => {
    it('print fixed decimals: four for difficulty, two for seconds', () => {
      expect(formatDifficulty(0.01234)).toBe('0.0123');
      expect(formatDifficulty(0)).toBe('0.0000');
      expect(formatSeconds(1.256)).toBe('1.26');
      expect(formatSeconds(3)).toBe('3.00');
    });
  });

  describe('#chineseNumber', () => {
    it('writes 1–99 in Chinese numerals', () => {
      expect([1, 2, 9, 10, 11, 12, 19, 20, 21, 99].map(chineseNumber)).toEqual(['一', '二', '九', '十', '十一', '十二', '十九', '二十', '二十一', '九十九']);
    });

    it('leaves numbers outside 1–99 and fractions in Arabic digits', () => {
      expect([0, 100, 1.5, -3].map(chineseNumber)).toEqual(['0', '100', '1.5', '-3']);
    });
  });
});
