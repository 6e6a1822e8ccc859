import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COMPREHENSIVE_FORMS, comprehensiveItemRules, comprehensiveItemSchema } from '../../../app/domain/comprehensive-item.js';
import { validate } from '../../../app/domain/validation.js';
import {
  COMPREHENSIVE_EXAMPLE,
  COMPREHENSIVE_HEADERS,
  EXAMPLE_MARK,
  ITEM_TEMPLATE_SHEETS,
  itemTemplateXlsx,
  RUBRIC_HEADERS,
  SCORE_SHEET_HEADERS,
} from '../../../templates/xlsx/item-template.js';
import { loadWorkbook, sheetOf } from '../../helpers/xlsx.js';

const INPUT = { occupation: '数控车工', level: '二级/技师', generatedAt: new Date('2026-11-23T16:30:05.000Z'), elementCodes: [] };
const S = ITEM_TEMPLATE_SHEETS;

const rowOf = (sheet: ExcelJS.Worksheet, row: number) => Array.from({ length: sheet.actualColumnCount }, (_, i) => sheet.getRow(row).getCell(i + 1).value);

describe('templates/xlsx/item-template: the 综合评审 sheets', () => {
  it('has a sheet per part of the item with the headers the importer looks for, covering every field of the item', async () => {
    const workbook = await loadWorkbook(await itemTemplateXlsx(INPUT));
    expect(rowOf(sheetOf(workbook, S.comprehensive), 1)).toEqual(['试题名称', '考核形式', '配分', '考核时间', '考核说明', '试题内容', '备注']);
    expect(rowOf(sheetOf(workbook, S.comprehensive), 1)).toEqual(Object.values(COMPREHENSIVE_HEADERS));
    expect(rowOf(sheetOf(workbook, S.comprehensiveRubric), 1)).toEqual(Object.values(RUBRIC_HEADERS));
    expect(rowOf(sheetOf(workbook, S.comprehensiveScore), 1)).toEqual(['试题名称', '评审项目', '评分要点', '配分']);
    expect(rowOf(sheetOf(workbook, S.comprehensiveScore), 1)).toEqual(Object.values(SCORE_SHEET_HEADERS));
    // Every field of the schema has its column (rubric and scoreSheet on their own sheets).
    const fields = Object.keys(comprehensiveItemSchema.shape).filter((f) => f !== 'rubric' && f !== 'scoreSheet');
    expect(fields.every((f) => f in COMPREHENSIVE_HEADERS)).toBe(true);
    expect(Object.keys(comprehensiveItemSchema.shape.scoreSheet.element.shape).every((f) => f in SCORE_SHEET_HEADERS)).toBe(true);
  });

  it('offers the 考核形式 list, 30–600 minutes and 0.5–100 points', async () => {
    const workbook = await loadWorkbook(await itemTemplateXlsx(INPUT));
    const main = sheetOf(workbook, S.comprehensive);
    expect(main.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: [`"${COMPREHENSIVE_FORMS.join(',')}"`] });
    expect(main.getCell('B5001').dataValidation).toMatchObject({ type: 'list' });
    expect(main.getCell('C9').dataValidation).toMatchObject({ type: 'decimal', formulae: [0.5, 100] });
    expect(main.getCell('D9').dataValidation).toMatchObject({ type: 'whole', formulae: [30, 600] });
    expect(sheetOf(workbook, S.comprehensiveRubric).getCell('D9').dataValidation).toMatchObject({ type: 'decimal', formulae: [0.5, 100] });
    expect(sheetOf(workbook, S.comprehensiveScore).getCell('D9').dataValidation).toMatchObject({ type: 'decimal', formulae: [0.5, 100] });
  });

  it('shows one valid example item marked 示例, in grey italics, with its rubric and score-sheet rows', async () => {
    const result = validate(comprehensiveItemSchema, COMPREHENSIVE_EXAMPLE, comprehensiveItemRules);
    expect(result.ok && result.warnings).toEqual([]);
    const workbook = await loadWorkbook(await itemTemplateXlsx(INPUT));
    const main = sheetOf(workbook, S.comprehensive);
    expect(rowOf(main, 2)).toEqual([
      COMPREHENSIVE_EXAMPLE.title, '技术总结答辩', 100, 40, COMPREHENSIVE_EXAMPLE.instructions.join('\n'), COMPREHENSIVE_EXAMPLE.question, EXAMPLE_MARK,
    ]);
    expect(main.getCell('A2').font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
    // Tall enough for its three 考核说明 lines, which not every program grows a row for.
    expect(main.getRow(2).height).toBeGreaterThanOrEqual(14 * COMPREHENSIVE_EXAMPLE.instructions.length);
    expect(main.getRow(3).hasValues).toBe(false);
    const rubric = sheetOf(workbook, S.comprehensiveRubric);
    expect(Array.from({ length: 4 }, (_, k) => rowOf(rubric, 2 + k)[0])).toEqual(Array(4).fill(COMPREHENSIVE_EXAMPLE.title));
    expect(rubric.getRow(6).hasValues).toBe(false);
    expect(rowOf(sheetOf(workbook, S.comprehensiveScore), 5)).toEqual([COMPREHENSIVE_EXAMPLE.title, '答辩', '陈述清楚，回答正确完整', 40]);
  });

  it('explains the 综合评审 sheets in 填写说明 and says they are for 二级/技师 and 一级/高级技师 only', async () => {
    const guide = sheetOf(await loadWorkbook(await itemTemplateXlsx(INPUT)), S.guide);
    const text = guide.getSheetValues().flat().filter((v): v is string => typeof v === 'string').join('\n');
    expect(text).toContain(`六、工作表“${S.comprehensive}”“${S.comprehensiveRubric}”“${S.comprehensiveScore}”`);
    expect(text).toContain('只用于二级/技师和一级/高级技师');
    expect(text).toContain(COMPREHENSIVE_FORMS.join('、'));
    expect(text).toContain('不少于 30 分钟');
    expect(text).toContain('理论知识、技能考核或综合评审');
    // Long lines get room to wrap, and the sheet prints one page wide.
    const long = guide.getSheetValues().findIndex((row) => Array.isArray(row) && typeof row[1] === 'string' && row[1].startsWith('六、'));
    expect(guide.getRow(long).height).toBeGreaterThan(20);
    expect(guide.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, orientation: 'landscape' });
  });
});
