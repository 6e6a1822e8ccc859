import { describe, expect, it } from 'vitest';
import { elementTableRules, theoryElementTableSchema, type ScopeNode, type TheoryElementTable } from '../../../../app/domain/element-table.js';
import { formatProblem, validate } from '../../../../app/domain/validation.js';
import { sampleElementTable } from '../../../../app/demo/sample-bank.js';
import { parseTheoryElementTableXlsx } from '../../../../app/readers/element-table/theory.js';
import { elementTableTemplateXlsx } from '../../../../templates/xlsx/element-table/index.js';
import { exportTheory, GENERATED_AT, messages, validTable, xlsxOf } from './fixtures.js';


/** A table whose leaves sit four levels deep. */
const FOUR_LEVELS: TheoryElementTable = validTable({
  occupationCode: '6-31-01-03',
  level: 3,
  track: '',
  scopes: [
    {
      code: 'A',
      name: '基本要求',
      weight: 30,
      children: [
        {
          code: 'A',
          name: '职业道德',
          weight: 30,
          children: [
            {
              code: 'A',
              name: '职业道德基本知识',
              weight: 10,
              children: [
                { code: 'A', name: '道德概念', weight: 4, elements: [{ code: '001', name: '道德的概念', importance: 'X' }, { code: '002', name: '职业道德的概念', importance: 'X' }] },
                { code: 'B', name: '道德作用', weight: 6, elements: [{ code: '001', name: '职业道德的作用', importance: 'Y' }] },
              ],
            },
            { code: 'B', name: '职业守则', weight: 20, children: [{ code: 'A', name: '守则', weight: 20, elements: [{ code: '001', name: '爱岗敬业', importance: 'X' }] }] },
          ],
        },
      ],
    },
    {
      code: 'B',
      name: '相关知识',
      weight: 70,
      children: [
        {
          code: 'A',
          name: '设备维修',
          weight: 70,
          children: [
            {
              code: 'A',
              name: '机械维修',
              weight: 70,
              children: [{ code: 'A', name: '拆装', weight: 70, elements: [{ code: '001', name: '拆装顺序', importance: 'X' }, { code: '002', name: '拆装工具', importance: 'Z' }] }],
            },
          ],
        },
      ],
    },
  ],
});

describe('readers/element-table/theory', () => {
  describe('#parseTheoryElementTableXlsx', () => {
    it('reads back the exported sample table exactly, with its header block', async () => {
      const sample = validTable(sampleElementTable());
      const parsed = await parseTheoryElementTableXlsx(await exportTheory(sample, { secrecyMark: '机密★启用前' }));
      expect(messages(parsed.problems)).toEqual([]);
      expect(validTable(parsed.table)).toEqual(sample);
      expect(parsed.table).toMatchObject({ occupationCode: '3-01-02-07', level: 4, track: '机械' });
    });

    it('reads back a four-level table and a table without 方向', async () => {
      const parsed = await parseTheoryElementTableXlsx(await exportTheory(FOUR_LEVELS));
      expect(messages(parsed.problems)).toEqual([]);
      expect(validTable(parsed.table)).toEqual(FOUR_LEVELS);
      expect(parsed.table).not.toHaveProperty('track');
    });

    it('reads back a table whose branches have different depths', async () => {
      const mixed = validTable({
        occupationCode: '3-01-02-07',
        level: 5,
        track: '',
        scopes: [
          { code: 'A', name: '基本要求', weight: 40, children: [{ code: 'A', name: '职业道德', weight: 40, elements: [{ code: '001', name: '道德', importance: 'X' }] }] },
          {
            code: 'B',
            name: '相关知识',
            weight: 60,
            children: [
              { code: 'A', name: '识图', weight: 20, elements: [{ code: '001', name: '三视图', importance: 'X' }] },
              { code: 'B', name: '绘图', weight: 40, children: [{ code: 'A', name: '手工绘图', weight: 40, elements: [{ code: '001', name: '图线', importance: 'X' }, { code: '002', name: '字体', importance: 'Y' }] }] },
            ],
          },
        ],
      });
      const parsed = await parseTheoryElementTableXlsx(await exportTheory(mixed));
      expect(messages(parsed.problems)).toEqual([]);
      expect(validTable(parsed.table)).toEqual(mixed);
    });

    it('reads the blank template back as a valid table', async () => {
      const bytes = await elementTableTemplateXlsx({ occupationName: '制图员', occupationCode: '3-01-02-07', track: '机械', level: 4, generatedAt: GENERATED_AT });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(messages(parsed.problems)).toEqual([]);
      const table = validTable(parsed.table);
      expect(table).toMatchObject({ occupationCode: '3-01-02-07', level: 4, track: '机械' });
      expect(table.scopes.map((s) => [s.code, s.name, s.weight])).toEqual([
        ['A', '基本要求', 25],
        ['B', '相关知识', 75],
      ]);
    });

    it('leaves 职业编码, 等级 and 方向 to the caller when the template left them blank', async () => {
      const parsed = await parseTheoryElementTableXlsx(await elementTableTemplateXlsx({ generatedAt: GENERATED_AT }));
      expect(messages(parsed.problems)).toEqual([]);
      expect(Object.keys(parsed.table as object)).toEqual(['scopes']);
      expect(validate(theoryElementTableSchema, { occupationCode: '3-01-02-07', level: 4, ...(parsed.table as object) }, elementTableRules).ok).toBe(true);
    });

    it('reads a real-world sheet: labels in any row, code and name in one cell, 25% weights, 核心/一般, blank cells as “same as above”', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['医药商品购销员（四级/中级工）理论知识鉴定要素细目表']);
        ws.addRow(['职业（工种）：', '医药商品购销员', '职业编码：', '4-01-05-02', '等级：', '中级工', '鉴定点数：', 5]);
        ws.addRow([]);
        ws.addRow(['序号', '一级', '一级比重', '二级', '二级比重', '鉴定点代码', '鉴定点名称', '重要程度']);
        ws.addRow([1, 'A基本要求', '30%', 'A 职业道德', '10%', '001', '道德的概念', '核心']);
        ws.addRow([2, '', '', '', '', '002', '职业道德的概念', 'x']);
        ws.addRow([3, '', '', 'B、基础知识', '20%', '001药品分类', '', '一般']);
        ws.addRow([4, 'B相关知识', '70%', 'A商品养护', '70%', '', '001 养护方法', 'X']);
        ws.addRow([5, '', '', '', '', 2, '温湿度管理', 'z']);
        ws.addRow([]);
        ws.addRow(['填表人：张明', '', '', '审表人：李华']);
      });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(messages(parsed.problems)).toEqual([]);
      expect(validTable(parsed.table)).toEqual({
        occupationCode: '4-01-05-02',
        level: 4,
        track: '',
        scopes: [
          {
            code: 'A',
            name: '基本要求',
            weight: 30,
            children: [
              { code: 'A', name: '职业道德', weight: 10, elements: [{ code: '001', name: '道德的概念', importance: 'X' }, { code: '002', name: '职业道德的概念', importance: 'X' }] },
              { code: 'B', name: '基础知识', weight: 20, elements: [{ code: '001', name: '药品分类', importance: 'Y' }] },
            ],
          },
          {
            code: 'B',
            name: '相关知识',
            weight: 70,
            children: [{ code: 'A', name: '商品养护', weight: 70, elements: [{ code: '001', name: '养护方法', importance: 'X' }, { code: '002', name: '温湿度管理', importance: 'Z' }] }],
          },
        ],
      });
      // 方向 was not in the block or the title: the caller's value stays.
      expect(parsed.table).not.toHaveProperty('track');
    });

    it('reads weights written as percentage cells (0.25 shown as 25%)', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['一级名称', '一级代码', '一级鉴定比重', '鉴定点代码', '鉴定点名称', '重要程度']);
        ws.addRow(['基本要求', 'A', 0.25, '001', '甲', 'X']);
        ws.addRow(['相关知识', 'B', 0.75, '001', '乙', 'X']);
        ws.getCell('C2').numFmt = '0%';
        ws.getCell('C3').numFmt = '0%';
      });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(messages(parsed.problems)).toEqual([]);
      expect((parsed.table as { scopes: ScopeNode[] }).scopes.map((s) => s.weight)).toEqual([25, 75]);
    });

    it('takes 方向 and 等级 from the title when the block does not give them', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['鉴定估价师(机动车鉴定评估师)(三级/高级工) 理论知识考核要素细目表']);
        ws.addRow(['职业：鉴定估价师　鉴定方式：理论知识　鉴定点：1']);
        ws.addRow(['一级', '一级比重', '鉴定点代码', '鉴定点名称', '重要程度']);
        ws.addRow(['A基本要求', 100, '001', '道德的概念', 'Y']);
      });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(messages(parsed.problems)).toEqual([]);
      expect(parsed.table).toMatchObject({ level: 3, track: '机动车鉴定评估师' });
    });

    it('reports a 等级 it cannot read and takes 方向：无 as “no 方向”', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['职业：制图员　职业编码：3-01-02-07　方向：无　等级：九级']);
        ws.addRow(['一级名称', '一级代码', '一级鉴定比重', '鉴定点代码', '鉴定点名称', '重要程度']);
        ws.addRow(['基本要求', 'A', 100, '001', '甲', 'X']);
      });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(messages(parsed.problems)).toEqual(['表头 等级: “九级” 不是有效的级别（一级/高级技师 … 五级/初级工）']);
      expect(parsed.table).toMatchObject({ occupationCode: '3-01-02-07', track: '' });
      expect(parsed.table).not.toHaveProperty('level');
    });

    it('reports missing columns by name and returns no table', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['一级名称', '一级代码', '二级名称', '二级代码', '二级鉴定比重', '鉴定点代码', '鉴定点名称']);
        ws.addRow(['基本要求', 'A', '职业道德', 'A', 100, '001', '道德的概念']);
      });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(parsed.table).toBeUndefined();
      expect(messages(parsed.problems)).toEqual(['表头: 缺少“一级鉴定范围 鉴定比重”列', '表头: 缺少“鉴定点 重要程度”列']);
    });

    it('reports a gap in the scope levels', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['一级', '一级比重', '三级', '三级比重', '鉴定点代码', '鉴定点名称', '重要程度']);
        ws.addRow(['A基本要求', 100, 'A职业道德', 100, '001', '道德的概念', 'X']);
      });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(parsed.table).toBeUndefined();
      expect(messages(parsed.problems)).toEqual(['表头: 鉴定范围有三级却没有二级']);
    });

    it('reports a workbook without any 细目表 header', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['题型', '题干', '答案']);
        ws.addRow(['单选题', '下列哪项…', 'A']);
      });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(parsed.table).toBeUndefined();
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]?.message).toMatch(/^找不到理论知识考核要素细目表的表头/);
    });

    it('names row and column of every bad cell', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['职业：制图员　职业编码：3-01-02-07　等级：四级']);
        ws.addRow(['一级名称', '一级代码', '一级鉴定比重', '鉴定点代码', '鉴定点名称', '重要程度']);
        ws.addRow(['基本要求', 'A', 'abc', '001', '甲', 'X']);
        ws.addRow(['', '', '', '01', '乙', 'X']);
        ws.addRow(['', '', '', '003', '', 'W']);
        ws.addRow(['相关知识', 'AB', 100, 'B-001', '丙', 'X']);
      });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(messages(parsed.problems)).toEqual([
        '第3行 一级鉴定比重: “abc” 应为 0–100 的数字（如 25 或 25%）',
        '第4行 鉴定点代码: “01” 应为三位数字',
        '第5行 鉴定点名称: 不能为空',
        '第5行 重要程度: “W” 应为 X、Y 或 Z（核心、一般、辅助要素）',
        '第6行 一级鉴定范围代码: “AB” 应为一个大写字母',
        '第6行 鉴定点代码: “B-001” 与所在鉴定范围 AB 不符',
      ]);
      expect(parsed.problems[1]?.path).toEqual([4, 'D']);
      // The bad values stay in the table, so it can never validate by accident.
      expect(validate(theoryElementTableSchema, parsed.table, elementTableRules).ok).toBe(false);
    });

    it('accepts full 鉴定点 codes that match their scope', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['一级名称', '一级代码', '一级鉴定比重', '鉴定点代码', '鉴定点名称', '重要程度']);
        ws.addRow(['基本要求', 'A', 100, 'A-001', '甲', 'X']);
        ws.addRow(['', '', '', 'A002', '乙', 'X']);
      });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(messages(parsed.problems)).toEqual([]);
      expect(listCodes(parsed.table)).toEqual(['001', '002']);
    });

    it('warns when the 鉴定点数 of the header block does not match the rows', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['职业：制图员　鉴定点数：3']);
        ws.addRow(['一级名称', '一级代码', '一级鉴定比重', '鉴定点代码', '鉴定点名称', '重要程度']);
        ws.addRow(['基本要求', 'A', 100, '001', '甲', 'X']);
      });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(parsed.problems.map((p) => [p.severity, formatProblem(p)])).toEqual([['warning', '表头 鉴定点数: 表头写明鉴定点数 3，表中实际有 1 个鉴定点']]);
    });

    it('leaves duplicate codes and weights that do not add up to the domain rules', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['职业：制图员　职业编码：3-01-02-07　等级：4']);
        ws.addRow(['一级名称', '一级代码', '一级鉴定比重', '二级名称', '二级代码', '二级鉴定比重', '鉴定点代码', '鉴定点名称', '重要程度']);
        ws.addRow(['基本要求', 'A', 30, '职业道德', 'A', 10, '001', '甲', 'X']);
        ws.addRow(['', '', '', '', '', '', '001', '乙', 'X']);
        ws.addRow(['', '', '', '基础知识', 'A', 15, '001', '丙', 'X']);
        ws.addRow(['相关知识', 'B', 60, '识图', 'A', 60, '001', '丁', 'X']);
      });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(messages(parsed.problems)).toEqual([]);
      const r = validate(theoryElementTableSchema, parsed.table, elementTableRules);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(messages(r.problems)).toEqual(
        expect.arrayContaining([
          '一级鉴定范围: 鉴定比重之和为 90，应等于 100',
          '鉴定范围 A（基本要求）: 鉴定范围代码 A 重复',
          '鉴定范围 A（基本要求）: 下级鉴定比重之和为 25，应等于本级鉴定比重 30',
          '鉴定范围 A-A（职业道德）: 鉴定点代码 001 重复',
        ]),
      );
    });

    it('reports a weight that contradicts the same scope above', async () => {
      const bytes = await xlsxOf((ws) => {
        ws.addRow(['一级名称', '一级代码', '一级鉴定比重', '鉴定点代码', '鉴定点名称', '重要程度']);
        ws.addRow(['基本要求', 'A', 100, '001', '甲', 'X']);
        ws.addRow(['基本要求', 'A', 90, '002', '乙', 'X']);
      });
      const parsed = await parseTheoryElementTableXlsx(bytes);
      expect(messages(parsed.problems)).toEqual(['第3行 一级鉴定比重: “90” 与上方同一鉴定范围的鉴定比重 100 不一致']);
    });

    it('reports a truncated file, random bytes and an empty file as file-level problems', async () => {
      const good = await exportTheory(validTable(sampleElementTable()));
      for (const bytes of [good.subarray(0, Math.floor(good.length / 2)), new TextEncoder().encode('这不是 Excel 文件'), new Uint8Array(0)]) {
        const parsed = await parseTheoryElementTableXlsx(bytes);
        expect(parsed.table).toBeUndefined();
        expect(parsed.problems).toEqual([{ severity: 'error', path: [], field: '', message: '文件不是有效的 Excel 工作簿（.xlsx），或文件已损坏、不完整' }]);
      }
    });
  });
});

function listCodes(table: unknown): string[] {
  const out: string[] = [];
  const walk = (nodes: ScopeNode[]) => {
    for (const n of nodes) {
      for (const e of n.elements ?? []) out.push(e.code);
      walk(n.children ?? []);
    }
  };
  walk((table as { scopes: ScopeNode[] }).scopes);
  return out;
}
