import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { comprehensiveItemRules, comprehensiveItemSchema, type ComprehensiveItem } from '../../../../app/domain/comprehensive-item.js';
import { formatProblem, validate } from '../../../../app/domain/validation.js';
import { parseItemWorkbook } from '../../../../app/readers/xlsx/items.js';
import { COMPREHENSIVE_EXAMPLE, ITEM_TEMPLATE_SHEETS, itemTemplateXlsx } from '../../../../templates/xlsx/item-template.js';
import { comprehensiveRow, comprehensiveRubricRows, COMPREHENSIVE_FIRST_ROW, scoreSheetRows } from '../../../../templates/xlsx/item-template/comprehensive.js';
import { bytesOf, messages, workbookOf, writeRows, type Cell } from './fixtures.js';

const S = ITEM_TEMPLATE_SHEETS;
const MAIN_HEADER = ['试题名称', '考核形式', '配分', '考核时间', '考核说明', '试题内容', '备注'];
const RUBRIC_HEADER = ['试题名称', '考核内容', '考核要点', '配分', '评分标准', '扣分说明'];
const SCORE_HEADER = ['试题名称', '评审项目', '评分要点', '配分'];

const ITEM: ComprehensiveItem = {
  title: '数控机床典型故障诊断与排除技术总结',
  form: '技术总结答辩',
  points: 100,
  minutes: 45,
  instructions: ['考生于考核前 15 日提交技术总结一篇，不少于 3000 字。', '答辩时考生陈述 10 分钟，评审组提问 20 分钟。'],
  question: '结合本人近三年数控机床维修工作的实际，撰写一篇技术总结。\n应写明故障现象、诊断思路、排除方法和效果。',
  rubric: [
    { content: '技术总结', keyPoint: '内容真实，方法正确，论证充分', points: 60, criteria: '内容不真实扣 20 分；方法错误每处扣 5 分', deductionNote: '扣完为止' },
    { content: '答辩', keyPoint: '陈述清楚，回答正确', points: 40, criteria: '回答错误每题扣 8 分', deductionNote: '' },
  ],
  scoreSheet: [
    { aspect: '技术总结', keyPoint: '真实、正确、充分', points: 60 },
    { aspect: '答辩', keyPoint: '清楚、正确', points: 40 },
  ],
};

/** The writers' template with these items written below the example item. */
async function templateWith(items: readonly ComprehensiveItem[], edit?: (sheet: (name: string) => ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await itemTemplateXlsx({ occupation: '数控车工', level: '二级/技师', generatedAt: new Date(0), elementCodes: [] })).slice().buffer);
  const sheet = (name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;
  writeRows(sheet(S.comprehensive), COMPREHENSIVE_FIRST_ROW.main, items.map((i) => comprehensiveRow(i)));
  writeRows(sheet(S.comprehensiveRubric), COMPREHENSIVE_FIRST_ROW.rubric, items.flatMap(comprehensiveRubricRows));
  writeRows(sheet(S.comprehensiveScore), COMPREHENSIVE_FIRST_ROW.score, items.flatMap(scoreSheetRows));
  edit?.(sheet);
  return bytesOf(workbook);
}

/** Only the three 综合评审 sheets, as rows. */
const onlyComprehensive = (main: Cell[][], rubric: Cell[][] = comprehensiveRubricRows(ITEM), score: Cell[][] = scoreSheetRows(ITEM)) =>
  workbookOf({ [S.comprehensive]: [MAIN_HEADER, ...main], [S.comprehensiveRubric]: [RUBRIC_HEADER, ...rubric], [S.comprehensiveScore]: [SCORE_HEADER, ...score] });

const fileMessages = (parsed: { problems: readonly { message: string }[] }) => parsed.problems.map((p) => p.message);

describe('readers/xlsx/comprehensive-items', () => {
  it('reads the template’s 综合评审 rows back to the item, joined by 试题名称, and skips the example item', async () => {
    const other = { ...ITEM, title: '设备改造论文', form: '论文答辩' as const, points: 80, rubric: [{ ...ITEM.rubric[0]!, points: 80 }], scoreSheet: [{ ...ITEM.scoreSheet[0]!, points: 80 }] };
    const parsed = await parseItemWorkbook(await templateWith([ITEM, other]));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.sheet, r.row, r.kind, r.problems])).toEqual([
      [S.comprehensive, 3, 'comprehensive', []],
      [S.comprehensive, 4, 'comprehensive', []],
    ]);
    const bodies = parsed.rows.map((r) => validate(comprehensiveItemSchema, r.raw, comprehensiveItemRules));
    expect(bodies.map((b) => (b.ok ? b.value : b.problems))).toEqual([ITEM, other]);
  });

  it('reads a workbook that holds only the 综合评审 sheets, a blank 配分 as 100 and 论文 as 论文答辩', async () => {
    const row = comprehensiveRow(ITEM);
    row[1] = ' 论文 ';
    row[2] = '';
    const parsed = await parseItemWorkbook(await onlyComprehensive([row]));
    expect(parsed.problems).toEqual([]);
    const body = validate(comprehensiveItemSchema, parsed.rows[0]?.raw, comprehensiveItemRules);
    expect(body.ok && body.value).toEqual({ ...ITEM, form: '论文答辩' });
  });

  it('reports an unknown 考核形式, unreadable numbers and a repeated 试题名称 on their rows', async () => {
    const bad = comprehensiveRow(ITEM);
    bad[1] = '口试';
    bad[3] = '四十五分钟';
    const parsed = await parseItemWorkbook(
      await onlyComprehensive([bad, comprehensiveRow(ITEM)], [[ITEM.title, '答辩', '回答正确', '四十', '错一题扣 8 分', '']]),
    );
    expect(messages(parsed.rows[0])).toEqual([
      '考核形式: 无法识别“口试”（应为论文答辩、技术总结答辩、业绩评审、案例分析答辩）',
      '考核时间: 无法识别“四十五分钟”（应为数字）',
      '评分标准第1行 配分: 无法识别“四十”（应为数字）（工作表“综合评审评分标准”第 2 行）',
    ]);
    expect(messages(parsed.rows[1])).toEqual(['名称: 与第 2 行的试题名称重复']);
  });

  it('reports rows of the other sheets without a 试题名称 or for an item that is not there, and a missing sheet', async () => {
    const parsed = await parseItemWorkbook(await onlyComprehensive([comprehensiveRow(ITEM)], [['', '答辩', '回答正确', 40, '扣分', ''], ['别的试题', '答辩', '回答正确', 40, '扣分', '']]));
    expect(fileMessages(parsed)).toEqual([
      '工作表“综合评审评分标准”第 2 行：缺少试题名称，该行未读取',
      '工作表“综合评审评分标准”第 3 行：试题名称“别的试题”在工作表“综合评审试题”中不存在，该行未读取',
    ]);
    const missing = await parseItemWorkbook(await workbookOf({ [S.comprehensive]: [MAIN_HEADER, comprehensiveRow(ITEM)], [S.comprehensiveScore]: [SCORE_HEADER, ...scoreSheetRows(ITEM)] }));
    expect(fileMessages(missing)).toEqual(['缺少工作表“综合评审评分标准”']);
    // Without items the other two sheets are not needed.
    expect((await parseItemWorkbook(await workbookOf({ [S.comprehensive]: [MAIN_HEADER] }))).problems).toEqual([]);
  });

  it('skips the example’s rows on the other sheets even when the example item itself was deleted', async () => {
    const parsed = await parseItemWorkbook(
      await templateWith([ITEM], (sheet) => {
        sheet(S.comprehensive).spliceRows(2, 1);
      }),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(COMPREHENSIVE_EXAMPLE.title).toContain('（示例）');
  });

  it('leaves 综合评审评分标准 alone when the practical 评分标准 sheet is missing', async () => {
    const parsed = await parseItemWorkbook(
      await workbookOf({
        [S.practical]: [['职业功能代码', '试题名称', '配分', '考核时间', '考核形式', '试题说明', '具体考核要求'], ['A', ITEM.title, 60, 120, '实操', '说明', '要求']],
        [S.comprehensiveRubric]: [RUBRIC_HEADER, ...comprehensiveRubricRows(ITEM)],
      }),
    );
    expect(parsed.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p))).toEqual(['缺少工作表“评分标准”']);
    expect(parsed.rows.map((r) => (r.raw as { rubric: unknown[] }).rubric)).toEqual([[]]);
  });
});
