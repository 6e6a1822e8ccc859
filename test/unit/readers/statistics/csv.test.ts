import { describe, expect, it } from 'vitest';
import { ReaderError } from '../../../../app/readers/errors.js';
import { parseStatisticsCsv, StatisticsFileError } from '../../../../app/readers/statistics/csv.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readers/statistics/csv', () => {
  describe('#parseStatisticsCsv', () => {
    it('reads comma, tab and full-width comma separated rows, skipping a header', () => {
      expect(parseStatisticsCsv(utf8('试题编号,通过率,样本量,区分度,来源\n12,0.61,300,0.35,2025 鉴定\n13\t0.4\t120\n14，0.9，80，，\n'))).toEqual([
        { itemId: 12, p: 0.61, sampleSize: 300, discrimination: 0.35, source: '2025 鉴定' },
        { itemId: 13, p: 0.4, sampleSize: 120, discrimination: null, source: '' },
        { itemId: 14, p: 0.9, sampleSize: 80, discrimination: null, source: '' },
      ]);
    });

    it('refuses a value out of range naming its line, and a file without rows', () => {
      const refused = (text: string) => {
        try {
          parseStatisticsCsv(utf8(text));
        } catch (e) {
          expect(e).toBeInstanceOf(StatisticsFileError);
          expect(e).toBeInstanceOf(ReaderError);
          return (e as Error).message;
        }
        return undefined;
      };
      expect(refused('1,0.5,10\nx,0.5,10\n')).toBe('第2行 试题编号: 无法识别“x”');
      expect(refused('1,1.5,10\n')).toBe('第1行 通过率: 应在 0 与 1 之间，收到“1.5”');
      expect(refused('1,0.5,0\n')).toBe('第1行 样本量: 应为正整数，收到“0”');
      expect(refused('1,0.5,10,2\n')).toBe('第1行 区分度: 应在 −1 与 1 之间，收到“2”');
      expect(refused('试题编号,通过率,样本量\n')).toBe('统计文件中没有数据行');
      expect(refused('\u0000\u0001')).toMatch(/^统计文件未导入：/);
    });
  });
});
