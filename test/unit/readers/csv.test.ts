import { describe, expect, it } from 'vitest';
import { readCsvLines } from '../../../app/readers/csv.js';
import { ReaderLimitError } from '../../../app/readers/errors.js';
import { withLimits } from '../../../app/readers/limits.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readers/csv', () => {
  describe('#readCsvLines', () => {
    it('returns the non-blank lines with their numbers, BOM and line ends dropped', () => {
      expect(readCsvLines(utf8('\uFEFF试题编号,通过率\r\n\r\n12,0.5\n'))).toEqual([
        { line: 1, text: '试题编号,通过率' },
        { line: 3, text: '12,0.5' },
      ]);
    });

    it('bounds the file size, one line and the number of lines, naming each bound', () => {
      expect(() => readCsvLines(utf8('1,0.5,10\n'.repeat(200)), withLimits({ csvBytes: 1000 }))).toThrow(/CSV 文件大小超过上限 1000 字节/);
      expect(() => readCsvLines(utf8(`1,0.5,10,${'x'.repeat(20_000)}`))).toThrow(/第 1 行：CSV 单行长度超过上限 10000 字/);
      expect(() => readCsvLines(utf8('1,0.5,10\n'.repeat(11)), withLimits({ csvRows: 10 }))).toThrow(ReaderLimitError);
      expect(() => readCsvLines(utf8('1,0.5,10\n'.repeat(11)), withLimits({ csvRows: 10 }))).toThrow(/CSV 行数超过上限 10 行/);
    });

    it('refuses binary bytes and text that is not UTF-8', () => {
      expect(() => readCsvLines(new Uint8Array([0x31, 0x2c, 0x30, 0x0a, 0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]))).toThrow(/第 2 行含有二进制内容/);
      expect(() => readCsvLines(new Uint8Array([0xca, 0xd4, 0xcc, 0xe2, 0x2c, 0x31]))).toThrow(/不是 UTF-8 编码/);
    });
  });
});
