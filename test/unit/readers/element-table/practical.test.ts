import { describe, expect, it } from 'vitest';
import { sampleElementTable, samplePracticalStructure } from '../../../../app/demo/sample-bank.js';
import { parsePracticalStructureXlsx } from '../../../../app/readers/element-table/practical.js';
import { practicalStructureXlsx } from '../../../../templates/xlsx/element-table/index.js';
import { exportTheory, GENERATED_AT, messages, validStructure, validTable, xlsxOf } from './fixtures.js';

describe('readers/element-table/practical', () => {
  describe('#parsePracticalStructureXlsx', () => {
    const base = { occupationName: '制图员', occupationCode: '3-01-02-07', track: '机械', generatedAt: GENERATED_AT };

    it('reads back the exported sample structure exactly', async () => {
      const sample = validStructure(samplePracticalStructure());
      const parsed = await parsePracticalStructureXlsx(await practicalStructureXlsx({ ...base, structure: sample, secrecyMark: '机密★启用前' }));
      expect(messages(parsed.problems)).toEqual([]);
      expect(validStructure(parsed.structure)).toEqual(sample);
    });

    it('reads back several levels with 选考 modules and modules a level does not assess', async () => {
      const structure = validStructure({
        occupationCode: '6-31-01-03',
        track: '',
        modules: [
          { code: 'A', name: '工程机械运行检测' },
          { code: 'B', name: '动力系统维修' },
          { code: 'C', name: '底盘维修' },
          { code: 'D', name: '培训与管理' },
        ],
        levels: [
          {
            level: 5,
            entries: [
              { module: 'A', mode: '必考', weight: 40, minutes: 30, form: '实操' },
              { module: 'B', mode: '选考', weight: 60, minutes: 30, form: '实操' },
              { module: 'C', mode: '选考', weight: 60, minutes: 30, form: '实操' },
            ],
            selectCount: 1,
          },
          {
            level: 2,
            entries: [
              { module: 'A', mode: '必考', weight: 30, minutes: 30, form: '实操' },
              { module: 'B', mode: '必考', weight: 30, minutes: 30, form: '实操' },
              { module: 'C', mode: '必考', weight: 25, minutes: 30, form: '实操' },
              { module: 'D', mode: '必考', weight: 15, minutes: 20, form: '笔试' },
            ],
          },
        ],
      });
      const parsed = await parsePracticalStructureXlsx(await practicalStructureXlsx({ ...base, occupationName: '工程机械维修工', occupationCode: '6-31-01-03', track: '', structure }));
      expect(messages(parsed.problems)).toEqual([]);
      expect(validStructure(parsed.structure)).toEqual(structure);
    });

    it('reads a real-world matrix without codes, with 60% and 120分钟', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['制图员 技能考核内容结构表']);
        ws.addRow(['职业编码：3-01-02-07', '', '方向：机械']);
        ws.addRow(['级别', '项目', '职业功能', '', '合计']);
        ws.addRow(['', '', '绘制二维图', '绘制三维图', '']);
        ws.addRow(['中级', '选考方式', '必考', '必考', '2项']);
        ws.addRow(['', '鉴定比重(%)', '60%', '40%', '100%']);
        ws.addRow(['', '考试时间(min)', '120分钟', 60, 180]);
        ws.addRow(['', '考核形式', '实操', '实际操作', '实操']);
        ws.mergeCells('C3:D3');
        ws.mergeCells('A5:A8');
      });
      const parsed = await parsePracticalStructureXlsx(bytes);
      expect(messages(parsed.problems)).toEqual([]);
      expect(validStructure(parsed.structure)).toEqual({
        occupationCode: '3-01-02-07',
        track: '机械',
        modules: [
          { code: 'A', name: '绘制二维图' },
          { code: 'B', name: '绘制三维图' },
        ],
        levels: [
          {
            level: 4,
            selectCount: 0,
            entries: [
              { module: 'A', mode: '必考', weight: 60, minutes: 120, form: '实操' },
              { module: 'B', mode: '必考', weight: 40, minutes: 60, form: '实操' },
            ],
          },
        ],
      });
    });

    it('names row and column of bad cells and of a missing 合计', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['级别', '项目', 'A绘制二维图', 'B绘制三维图', 'C图档管理', '合计']);
        ws.addRow(['四级', '选考方式', '必考', '任选', '选考', '']);
        ws.addRow(['', '鉴定比重', 60, 40, 'x', 100]);
        ws.addRow(['', '考试时间', 120, 60, 0, 180]);
        ws.addRow(['', '考核形式', '口试', '实操', '实操', '']);
      });
      const parsed = await parsePracticalStructureXlsx(bytes);
      expect(messages(parsed.problems)).toEqual([
        '第2行 绘制三维图（B） 选考方式: “任选” 应为 必考、选考 或 —',
        '第2行 合计 选考方式: 应写明考生所考项目数，如“3项”',
        '第3行 图档管理（C） 鉴定比重: “x” 应为 0–100 的数字（如 25 或 25%）',
        '第4行 图档管理（C） 考试时间: “0” 应为考试时间的分钟数（正整数）',
        '第5行 绘制二维图（A） 考核形式: “口试” 应为 实操 或 笔试',
      ]);
    });

    it('reports a truncated file and a sheet without the matrix as file-level problems', async () => {
      const good = await practicalStructureXlsx({ ...base, structure: validStructure(samplePracticalStructure()) });
      const truncated = await parsePracticalStructureXlsx(good.subarray(0, good.length - 100));
      expect(truncated.problems.map((p) => p.message)).toEqual(['文件不是有效的 Excel 工作簿（.xlsx），或文件已损坏、不完整']);
      const theory = await parsePracticalStructureXlsx(await exportTheory(validTable(sampleElementTable())));
      expect(theory.structure).toBeUndefined();
      expect(theory.problems[0]?.message).toMatch(/^找不到技能考核内容结构表的表头/);
    });
  });
});
