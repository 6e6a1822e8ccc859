import { describe, expect, it } from 'vitest';
import { parseChoiceKey, parseDifficulty, parseFullElementCode, parseTheoryType, parseTrueFalseKey } from '../../../../app/readers/items/values.js';

describe('readers/items/values', () => {
  describe('#parseTheoryType', () => {
    it('maps the usual names and nothing else', () => {
      expect(['判断题', '单项选择题', '多选', '问答题', ''].map(parseTheoryType)).toEqual(['trueFalse', 'singleChoice', 'multipleChoice', undefined, undefined]);
    });
  });

  describe('#parseChoiceKey', () => {
    it('sorts the letters and refuses anything but A–E', () => {
      expect(['C、A', 'ｂ', 'A/B', 'AF', '1', ''].map(parseChoiceKey)).toEqual(['AC', 'B', 'AB', undefined, undefined, undefined]);
    });
  });

  describe('#parseTrueFalseKey', () => {
    it('refuses text that is not a 判断 mark', () => {
      expect(['√', '×', '可能'].map((k) => parseTrueFalseKey(k))).toEqual([true, false, undefined]);
    });
  });

  describe('#parseDifficulty', () => {
    it('keeps out-of-range numbers for the schema to name', () => {
      expect([7, '0.6', '较难', '？'].map((d) => parseDifficulty(d))).toEqual([7, 0.6, 4, undefined]);
    });
  });

  describe('#parseFullElementCode', () => {
    it('takes the code out of bracketed, full-width and named forms', () => {
      expect(['[A-B-C-001]', 'Ａ－Ｂ－Ｃ－００１', 'a-b-001 图纸幅面', '【A-A-A-002】', '未知'].map(parseFullElementCode)).toEqual([
        'A-B-C-001', 'A-B-C-001', 'A-B-001', 'A-A-A-002', '未知',
      ]);
    });
  });
});
