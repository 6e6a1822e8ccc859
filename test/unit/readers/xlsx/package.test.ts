import { describe, expect, it } from 'vitest';
import { ReaderError, ReaderLimitError } from '../../../../app/readers/errors.js';
import { DEFAULT_LIMITS, withLimits } from '../../../../app/readers/limits.js';
import { checkXlsxPackage, referenceArea } from '../../../../app/readers/xlsx/package.js';
import { merges, worksheet, xlsx } from '../../../fixtures/hostile/corpus.js';

const rows = (n: number) => Array.from({ length: n }, (_, k) => `<row r="${k + 1}"><c r="A${k + 1}"><v>${k}</v></c></row>`).join('');
const limitOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ReaderLimitError) return { limit: e.limit, message: e.message };
    throw e;
  }
  return undefined;
};

describe('readers/xlsx/package', () => {
  describe('#referenceArea', () => {
    it('counts the cells of A1 references, whole rows and columns included', () => {
      expect(['A1', 'A1:B2', '$B$2:$A$1', 'A:A', '1:1', 'XFD1048576', 'garbage!'].map(referenceArea)).toEqual([1, 4, 4, 1048576, 16384, 1, 16384 * 1048576]);
    });
  });

  describe('#checkXlsxPackage', () => {
    it('passes a small workbook', () => {
      expect(() => checkXlsxPackage(xlsx(worksheet(rows(10), merges(3))))).not.toThrow();
    });

    it('bounds rows per sheet, cells per workbook, merged ranges and the cells they cover', () => {
      expect(limitOf(() => checkXlsxPackage(xlsx(worksheet(rows(11))), withLimits({ sheetRows: 10 })))).toMatchObject({ limit: 'sheetRows', message: expect.stringContaining('工作表 sheet1.xml：工作表行数超过上限 10 行') });
      expect(limitOf(() => checkXlsxPackage(xlsx(worksheet(rows(11))), withLimits({ sheetCells: 10 })))).toMatchObject({ limit: 'sheetCells' });
      expect(limitOf(() => checkXlsxPackage(xlsx(worksheet(rows(1), merges(11))), withLimits({ mergedRanges: 10 })))).toMatchObject({ limit: 'mergedRanges', message: expect.stringContaining('合并单元格区域数超过上限 10 个（实际 11 个）') });
      expect(limitOf(() => checkXlsxPackage(xlsx(worksheet(rows(1), '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'))))).toMatchObject({ limit: 'mergedCells' });
    });

    it('bounds data validations over huge ranges, which exceljs expands cell by cell', () => {
      const dv = '<dataValidations count="1"><dataValidation type="list" sqref="A1:A1048576 B1:B1048576"><formula1>"a"</formula1></dataValidation></dataValidations>';
      expect(limitOf(() => checkXlsxPackage(xlsx(worksheet(rows(1), dv))))).toMatchObject({ limit: 'sheetCells', message: expect.stringContaining('数据有效性区域') });
    });

    it('refuses a column definition beyond XFD, which exceljs would fill one by one', () => {
      const sheet = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="2000000000" width="9"/></cols><sheetData/></worksheet>';
      expect(() => checkXlsxPackage(xlsx(sheet))).toThrow(/最大列数 16384/);
    });

    it('bounds the text of a shared string and of a cell', () => {
      const shared = { name: 'xl/sharedStrings.xml', data: `<sst><si><t>${'字'.repeat(200_000)}</t></si></sst>` };
      expect(limitOf(() => checkXlsxPackage(xlsx(worksheet(rows(1)), [shared])))).toMatchObject({ limit: 'textChars', message: expect.stringContaining('xl/sharedStrings.xml') });
      const inline = `<row r="1"><c r="A1" t="inlineStr"><is><t>${'字'.repeat(200_000)}</t></is></c></row>`;
      expect(limitOf(() => checkXlsxPackage(xlsx(worksheet(inline))))).toMatchObject({ limit: 'textChars' });
    });

    it('refuses a CRC error in any part, also one exceljs would not read', () => {
      expect(() => checkXlsxPackage(xlsx(worksheet(rows(1)), [{ name: 'docProps/custom.xml', data: '<x/>', crc: 1 }]))).toThrow(/docProps\/custom.xml CRC32 校验失败/);
      expect(() => checkXlsxPackage(xlsx(worksheet(rows(1)), [{ name: 'xl/media/image1.png', data: new Uint8Array(10), crc: 1 }]))).toThrow(ReaderError);
    });

    it('keeps to the default bounds for a legitimate 20 000-row sheet', () => {
      expect(() => checkXlsxPackage(xlsx(worksheet(rows(20_001))), DEFAULT_LIMITS)).not.toThrow();
    });
  });
});
