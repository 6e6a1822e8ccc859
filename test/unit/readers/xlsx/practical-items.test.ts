import { describe, expect, it } from 'vitest';
import { ITEM_CELL_MAX_CHARS } from '../../../../app/domain/item-workbook.js';
import { parseItemWorkbook } from '../../../../app/readers/xlsx/items.js';
import { fileMessages, messages, NOTICE_HEADER, PRACTICAL_HEADER, raws, RUBRIC_HEADER, workbookOf } from './fixtures.js';

describe('readers/xlsx/practical-items', () => {
  describe('#parseItemWorkbook', () => {
    it('joins 评分标准, 考场准备 and 考生准备 rows to their task by 试题名称 and reports the orphans', async () => {
      const parsed = await parseItemWorkbook(
        await workbookOf({
          技能考核试题: [PRACTICAL_HEADER, ['a', '绘制零件图', 60, '120分钟', '实操', '说明', '1. 视图\n\n 2. 尺寸 ', null], ['B', '建模', '40', 60, '实操', '说明', '1. 建模', '见附图']],
          评分标准: [
            RUBRIC_HEADER,
            ['建模', '建模', '正确', 40, '错一处扣 2 分', null],
            ['绘制零件图', '视图', '正确', 30, '错一处扣 2 分', '扣完为止'],
            ['绘制零件图', '尺寸', '完整', 30, '漏一处扣 1 分', null],
            ['绘制装配图', '视图', '正确', 10, '略', null],
            [null, '视图', '正确', 10, '略', null],
          ],
          考场准备: [NOTICE_HEADER, ['绘制零件图', '设备', '绘图桌', null, '张', 1, '每人一张'], ['绘制零件图', '其他要求', '考场照明良好。', null, null, null, null], ['建模', '材料', 'U 盘', null, '个', 1, null], ['建模零件', '工具', '鼠标', null, '个', 1, null]],
          考生准备: [NOTICE_HEADER, ['绘制零件图', '工具', '铅笔', 'HB', '支', '若干', null], ['绘制零件图', '量具', '直尺', '300 mm', '把', 1, null]],
        }),
      );
      expect(fileMessages(parsed)).toEqual([
        '工作表“评分标准”第 5 行：试题名称“绘制装配图”在工作表“技能考核试题”中不存在，该行未读取',
        '工作表“评分标准”第 6 行：缺少试题名称，该行未读取',
        '工作表“考场准备”第 5 行：试题名称“建模零件”在工作表“技能考核试题”中不存在，该行未读取',
      ]);
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(raws(parsed)).toEqual([
        {
          module: 'A',
          title: '绘制零件图',
          points: 60,
          minutes: 120,
          form: '实操',
          description: '说明',
          requirements: ['1. 视图', '2. 尺寸'],
          figureNote: '',
          siteNotice: {
            equipment: [{ name: '绘图桌', spec: '', unit: '张', quantity: '1', remark: '每人一张' }],
            tools: [],
            measuring: [],
            materials: [],
            notes: ['考场照明良好。'],
          },
          candidateNotice: {
            equipment: [],
            tools: [{ name: '铅笔', spec: 'HB', unit: '支', quantity: '若干', remark: '' }],
            measuring: [{ name: '直尺', spec: '300 mm', unit: '把', quantity: '1', remark: '' }],
            materials: [],
            notes: [],
          },
          rubric: [
            { content: '视图', keyPoint: '正确', points: 30, criteria: '错一处扣 2 分', deductionNote: '扣完为止' },
            { content: '尺寸', keyPoint: '完整', points: 30, criteria: '漏一处扣 1 分', deductionNote: '' },
          ],
        },
        {
          module: 'B',
          title: '建模',
          points: 40,
          minutes: 60,
          form: '实操',
          description: '说明',
          requirements: ['1. 建模'],
          figureNote: '见附图',
          siteNotice: { equipment: [], tools: [], measuring: [], materials: [{ name: 'U 盘', spec: '', unit: '个', quantity: '1', remark: '' }], notes: [] },
          candidateNotice: { equipment: [], tools: [], measuring: [], materials: [], notes: [] },
          rubric: [{ content: '建模', keyPoint: '正确', points: 40, criteria: '错一处扣 2 分', deductionNote: '' }],
        },
      ]);
    });

    it('reports unknown 类别, unreadable 配分, bad 考核形式 and repeated 试题名称 on the task', async () => {
      const parsed = await parseItemWorkbook(
        await workbookOf({
          技能考核试题: [PRACTICAL_HEADER, ['A', '绘图', '六十', 120, '口试', '说明', '要求', null], ['A', '绘图', 60, 120, '实操', '说明', '要求', null]],
          评分标准: [RUBRIC_HEADER, ['绘图', '视图', '正确', '十分', '略', null]],
          考场准备: [NOTICE_HEADER, ['绘图', '仪器', '投影仪', null, '台', 1, null]],
          考生准备: [NOTICE_HEADER],
        }),
      );
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows.map(messages)).toEqual([
        [
          '配分: 无法识别“六十”（应为数字）',
          '考核形式: 无法识别“口试”（应为实操或笔试）',
          '评分标准第1行 配分: 无法识别“十分”（应为数字）（工作表“评分标准”第 2 行）',
          '考场准备通知单: 类别无法识别“仪器”（应为设备、工具、量具、材料或其他要求）（工作表“考场准备”第 2 行）',
        ],
        ['名称: 与第 2 行的试题名称重复'],
      ]);
    });

    it('requires the 评分标准 sheet with practical tasks and warns when a notice sheet is missing', async () => {
      const parsed = await parseItemWorkbook(await workbookOf({ 技能考核试题: [PRACTICAL_HEADER, ['A', '绘图', 60, 120, '实操', '说明', '要求', null]] }));
      expect(parsed.problems.map((p) => [p.severity, p.message])).toEqual([
        ['error', '缺少工作表“评分标准”'],
        ['warning', '缺少工作表“考场准备”，各试题的考场准备通知单为空'],
        ['warning', '缺少工作表“考生准备”，各试题的考生准备通知单为空'],
      ]);
      expect(parsed.rows).toHaveLength(1);
    });

    it('reports an over-long cell on a joined sheet for the task it belongs to', async () => {
      const parsed = await parseItemWorkbook(
        await workbookOf({
          技能考核试题: [PRACTICAL_HEADER, ['A', '绘图', 60, 120, '实操', '说明', '要求', null]],
          评分标准: [RUBRIC_HEADER, ['绘图', '视图', '正确', 60, 'x'.repeat(ITEM_CELL_MAX_CHARS + 1), null]],
          考场准备: [NOTICE_HEADER, ['绘图', '设备', '桌', 'y'.repeat(ITEM_CELL_MAX_CHARS + 1), '张', 1, null]],
          考生准备: [NOTICE_HEADER],
        }),
      );
      expect(messages(parsed.rows[0])).toEqual([
        `评分标准第1行 评分标准: 内容过长（${ITEM_CELL_MAX_CHARS + 1} 字），单元格不能超过 ${ITEM_CELL_MAX_CHARS} 字（工作表“评分标准”第 2 行）`,
        `考场准备通知单: 规格内容过长（${ITEM_CELL_MAX_CHARS + 1} 字），单元格不能超过 ${ITEM_CELL_MAX_CHARS} 字（工作表“考场准备”第 2 行）`,
      ]);
    });
  });
});
