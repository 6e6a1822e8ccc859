import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withLimits } from '../../../../app/readers/limits.js';
import { cellScalar, cellText, columnName, isFormula, loadWorkbook } from '../../../../app/readers/xlsx/cells.js';

const text = (value: ExcelJS.CellValue) => cellText(cellScalar(value));

describe('readers/xlsx/cells', () => {
  describe('#cellText', () => {
    it('reads a cell as Excel shows it: rich text joined, hyperlinks as their text, formulas as their result', () => {
      expect(text({ richText: [{ text: ' 尺寸 ' }, { text: '100', font: { italic: true } }] })).toBe('尺寸 100');
      expect(text({ text: 'A-B-A-001', hyperlink: '#鉴定点!A2' })).toBe('A-B-A-001');
      expect(text({ text: { richText: [{ text: 'A-B-' }, { text: 'A-002' }] }, hyperlink: '#鉴定点!A3' } as unknown as ExcelJS.CellValue)).toBe('A-B-A-002');
      expect(text({ formula: 'A1*2', result: 25 })).toBe('25');
      expect(text({ error: '#N/A' } as ExcelJS.CellErrorValue)).toBe('');
    });

    it('shows booleans as TRUE/FALSE, dates as YYYY-MM-DD, and removes CR and Excel’s _x000D_ escape', () => {
      expect([true, false].map((v) => text(v))).toEqual(['TRUE', 'FALSE']);
      expect(text(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23');
      expect(text('  第一行_x000D_\r\n第二行\r第三行  ')).toBe('第一行\n第二行\n第三行');
      expect([null, undefined].map((v) => cellText(v))).toEqual(['', '']);
    });

    it('keeps a number and a boolean as such for the readers that need them', () => {
      expect(cellScalar({ formula: 'B2', result: 0.25 })).toBe(0.25);
      expect(cellScalar({ sharedFormula: 'B2', result: true } as unknown as ExcelJS.CellValue)).toBe(true);
    });
  });

  describe('#isFormula', () => {
    it('tells formula cells from values', () => {
      expect([{ formula: 'A1', result: 1 }, { sharedFormula: 'A1', result: 1 }, 1, 'x', new Date(0), null].map((v) => isFormula(v as ExcelJS.CellValue))).toEqual([
        true, true, false, false, false, false,
      ]);
    });
  });

  describe('#columnName', () => {
    it('names columns as Excel does', () => {
      expect([1, 26, 27, 52, 703].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    });
  });

  describe('#loadWorkbook', () => {
    it('loads a workbook and hands on its time budget', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('表').getCell('A1').value = '甲';
      const loaded = await loadWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), {}, '不是 xlsx');
      expect(typeof loaded === 'string' ? loaded : loaded.workbook.worksheets[0]?.getCell('A1').value).toBe('甲');
    });

    it('gives the refusal instead: the kind for a file that is no workbook, the bound for one over it', async () => {
      expect(await loadWorkbook(new TextEncoder().encode('题型,题干'), {}, '不是 xlsx')).toBe('不是 xlsx');
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('表').getCell('A1').value = '甲';
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      expect(await loadWorkbook(bytes, { limits: withLimits({ fileBytes: 100 }) }, '不是 xlsx')).toMatch(/^文件大小超过上限 100 字节（实际 .*），文件未读取$/);
    });
  });
});
