import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseItemWorkbook } from '../../../app/readers/xlsx/items.js';
import {
  EXAMPLE_MARK,
  ITEM_TEMPLATE_SHEETS,
  itemTemplateXlsx,
  NOTICE_HEADERS,
  PRACTICAL_HEADERS,
  RUBRIC_HEADERS,
  THEORY_HEADERS,
  type ItemTemplateInput,
} from '../../../templates/xlsx/item-template.js';
import { loadWorkbook, sheetOf } from '../../helpers/xlsx.js';

const INPUT: ItemTemplateInput = {
  occupation: '制图员（3-01-02-07）机械',
  level: '四级/中级工',
  generatedAt: new Date('2026-11-23T16:30:05.000Z'),
  elementCodes: [
    { code: 'A-A-A-001', name: '职业道德的基本概念' },
    { code: 'A-A-A-002', name: '职业道德的意义与作用' },
    { code: 'B-A-A-001', name: '图纸幅面和格式' },
  ],
};

const load = loadWorkbook;


const headerOf = (sheet: ExcelJS.Worksheet) =>
  Array.from({ length: sheet.actualColumnCount }, (_, i) => sheet.getRow(1).getCell(i + 1).value);

describe('templates/xlsx/item-template', () => {
  describe('#itemTemplateXlsx', () => {
    it('has the guide, the eight data sheets and the hidden 鉴定点 sheet', async () => {
      const workbook = await load(await itemTemplateXlsx(INPUT));
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        '填写说明', '理论知识试题', '技能考核试题', '评分标准', '考场准备', '考生准备', '综合评审试题', '综合评审评分标准', '综合评审评分表', '鉴定点',
      ]);
      expect(workbook.worksheets.map((s) => s.state)).toEqual([...Array<string>(9).fill('visible'), 'hidden']);
    });

    it('writes the header rows the importer looks for', async () => {
      const workbook = await load(await itemTemplateXlsx(INPUT));
      expect(headerOf(sheetOf(workbook, ITEM_TEMPLATE_SHEETS.theory))).toEqual([
        '题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '答案', '难度', '鉴定点代码', '解析', '备注',
      ]);
      expect(headerOf(sheetOf(workbook, ITEM_TEMPLATE_SHEETS.theory))).toEqual(Object.values(THEORY_HEADERS));
      expect(headerOf(sheetOf(workbook, ITEM_TEMPLATE_SHEETS.practical))).toEqual([
        '职业功能代码', '试题名称', '配分', '考核时间', '考核形式', '试题说明', '具体考核要求', '附图说明',
      ]);
      expect(headerOf(sheetOf(workbook, ITEM_TEMPLATE_SHEETS.practical))).toEqual(Object.values(PRACTICAL_HEADERS));
      expect(headerOf(sheetOf(workbook, ITEM_TEMPLATE_SHEETS.rubric))).toEqual(Object.values(RUBRIC_HEADERS));
      expect(headerOf(sheetOf(workbook, ITEM_TEMPLATE_SHEETS.rubric))).toEqual(['试题名称', '考核内容', '考核要点', '配分', '评分标准', '扣分说明']);
      for (const name of [ITEM_TEMPLATE_SHEETS.site, ITEM_TEMPLATE_SHEETS.candidate]) {
        expect(headerOf(sheetOf(workbook, name))).toEqual(['试题名称', '类别', '名称', '规格', '单位', '数量', '备注']);
        expect(headerOf(sheetOf(workbook, name))).toEqual(Object.values(NOTICE_HEADERS));
      }
    });

    it('lists the 鉴定点 codes and names on the hidden sheet', async () => {
      const sheet = sheetOf(await load(await itemTemplateXlsx(INPUT)), ITEM_TEMPLATE_SHEETS.elements);
      expect(sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([
        ['鉴定点代码', '鉴定点名称'],
        ['A-A-A-001', '职业道德的基本概念'],
        ['A-A-A-002', '职业道德的意义与作用'],
        ['B-A-A-001', '图纸幅面和格式'],
      ]);
    });

    it('offers drop-down lists for 题型 and 鉴定点代码 and limits 难度 to whole numbers 1–5', async () => {
      const sheet = sheetOf(await load(await itemTemplateXlsx(INPUT)), ITEM_TEMPLATE_SHEETS.theory);
      expect(sheet.getCell('A2').dataValidation).toMatchObject({ type: 'list', formulae: ['"判断题,单选题,多选题"'] });
      expect(sheet.getCell('A5001').dataValidation).toMatchObject({ type: 'list' });
      expect(sheet.getCell('I100').dataValidation).toMatchObject({ type: 'whole', formulae: [1, 5] });
      expect(sheet.getCell('J2').dataValidation).toMatchObject({ type: 'list', formulae: ["'鉴定点'!$A$2:$A$4"] });
      expect(sheet.getCell('H2').dataValidation?.prompt).toContain('ACD');
    });

    it('offers 考核形式 and 类别 lists on the practical sheets', async () => {
      const workbook = await load(await itemTemplateXlsx(INPUT));
      expect(sheetOf(workbook, ITEM_TEMPLATE_SHEETS.practical).getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['"实操,笔试"'] });
      expect(sheetOf(workbook, ITEM_TEMPLATE_SHEETS.site).getCell('B2').dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"设备,工具,量具,材料,其他要求"'],
      });
      expect(sheetOf(workbook, ITEM_TEMPLATE_SHEETS.candidate).getCell('B9').dataValidation).toMatchObject({ type: 'list' });
    });

    it('has no 鉴定点 list when the bank has no 细目表 yet', async () => {
      const sheet = sheetOf(await load(await itemTemplateXlsx({ ...INPUT, elementCodes: [] })), ITEM_TEMPLATE_SHEETS.theory);
      expect(sheet.getCell('J2').dataValidation).toBeUndefined();
      expect(sheet.getCell('J2').value).toBe('A-A-A-001');
    });

    it('writes two example rows marked 示例 in the 备注 column, in grey italics', async () => {
      const sheet = sheetOf(await load(await itemTemplateXlsx(INPUT)), ITEM_TEMPLATE_SHEETS.theory);
      expect([sheet.getCell('A2').value, sheet.getCell('L2').value, sheet.getCell('A3').value, sheet.getCell('L3').value]).toEqual([
        '判断题', EXAMPLE_MARK, '单选题', EXAMPLE_MARK,
      ]);
      expect(sheet.getCell('J2').value).toBe('A-A-A-001');
      expect(sheet.getCell('J3').value).toBe('A-A-A-002');
      expect(sheet.getCell('B2').font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
      expect(sheet.getRow(4).hasValues).toBe(false);
    });

    it('keeps codes and keys as text so Excel does not turn them into numbers or dates', async () => {
      const sheet = sheetOf(await load(await itemTemplateXlsx(INPUT)), ITEM_TEMPLATE_SHEETS.theory);
      for (const col of ['C', 'H', 'J']) expect(sheet.getColumn(col).numFmt).toBe('@');
    });

    it('explains in Chinese how to fill it in, names the occupation and level, and warns that it becomes 机密', async () => {
      const sheet = sheetOf(await load(await itemTemplateXlsx(INPUT)), ITEM_TEMPLATE_SHEETS.guide);
      const text = sheet.getSheetValues().flat().filter((v): v is string => typeof v === 'string').join('\n');
      expect(text).toContain('制图员（3-01-02-07）机械');
      expect(text).toContain('四级/中级工');
      expect(text).toContain('机密级');
      expect(text).toContain('禁止使用 U 盘');
      expect(text).toContain(`填“${EXAMPLE_MARK}”的行`);
      expect(text).toContain('其他要求');
    });

    it('gives the same bytes for the same input', async () => {
      const a = await itemTemplateXlsx(INPUT);
      const b = await itemTemplateXlsx(INPUT);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    });

    it('reads back as no rows and no problems while nothing is filled in', async () => {
      expect(await parseItemWorkbook(await itemTemplateXlsx(INPUT))).toEqual({ rows: [], images: [], problems: [] });
    });
  });
});
