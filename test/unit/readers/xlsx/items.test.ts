import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { ITEM_CELL_MAX_CHARS } from '../../../../app/domain/item-workbook.js';
import { practicalTaskRules, practicalTaskSchema } from '../../../../app/domain/practical-task.js';
import { theoryItemRules, theoryItemSchema } from '../../../../app/domain/theory-item.js';
import { formatProblem, validate } from '../../../../app/domain/validation.js';
import { itemReaderMessages } from '../../../../app/readers/items/messages.js';
import { parseItemWorkbook } from '../../../../app/readers/xlsx/items.js';
import { filledTemplate, fileMessages, messages, MULTI, raws, samplePractical, sampleTheory, SINGLE, THEORY_HEADER, theorySheet, TRUE_FALSE, workbookOf, type Cell } from './fixtures.js';

describe('readers/xlsx/items', () => {
  describe('#parseItemWorkbook', () => {
    it('reads back every sample item and task written into the template unchanged', async () => {
      const theory = sampleTheory();
      const tasks = samplePractical();
      expect(theory).toHaveLength(656);
      const parsed = await parseItemWorkbook(await filledTemplate(theory, tasks));
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      const theoryRows = parsed.rows.filter((r) => r.kind === 'theory');
      expect(theoryRows.map((r) => r.raw)).toEqual(theory);
      expect(theoryRows[0]).toMatchObject({ sheet: '理论知识试题', row: 4 });
      expect(theoryRows.at(-1)?.row).toBe(4 + 655);
      const practicalRows = parsed.rows.filter((r) => r.kind === 'practical');
      expect(practicalRows.map((r) => r.raw)).toEqual(tasks);
      expect(practicalRows.map((r) => r.row)).toEqual(tasks.map((_, i) => 2 + i));
    });

    it('gives raw objects the domain schemas accept', async () => {
      const parsed = await parseItemWorkbook(await filledTemplate(sampleTheory().slice(0, 50), samplePractical()));
      for (const row of parsed.rows) {
        const result = row.kind === 'theory' ? validate(theoryItemSchema, row.raw, theoryItemRules) : validate(practicalTaskSchema, row.raw, practicalTaskRules);
        expect(result.ok, `${row.sheet} 第${row.row}行`).toBe(true);
      }
    });

    it('skips the example rows marked 示例 in the 备注 column, wherever that column is', async () => {
      const header = ['备注', ...THEORY_HEADER];
      const parsed = await theorySheet([['示例', ...SINGLE], ['示例：可删除', ...MULTI], [null, ...TRUE_FALSE]], header);
      expect(parsed.rows.map((r) => r.row)).toEqual([4]);
      expect(raws(parsed)[0]).toMatchObject({ type: 'trueFalse', key: true });
    });

    it('accepts every spelling of 题型 writers use', async () => {
      const spellings = ['判断题', '判断', ' 判断题 ', '单选题', '单项选择题', '单选', '多选题', '多项选择题', '多选'];
      const rows = spellings.map((t) => {
        const base = t.includes('判断') ? TRUE_FALSE : t.includes('单') ? SINGLE : MULTI;
        return [t, ...base.slice(1)];
      });
      const parsed = await theorySheet(rows);
      expect(raws(parsed).map((r) => r.type)).toEqual([
        'trueFalse', 'trueFalse', 'trueFalse', 'singleChoice', 'singleChoice', 'singleChoice', 'multipleChoice', 'multipleChoice', 'multipleChoice',
      ]);
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
    });

    it('reads choice keys written as A, a, Ａ, A、C, ACD and A,C,D', async () => {
      const keys: [Cell, Cell, string][] = [
        ['单选题', 'A', 'A'],
        ['单选题', 'a', 'A'],
        ['单选题', 'Ａ', 'A'],
        ['单选题', ' b ', 'B'],
        ['多选题', 'A、C', 'AC'],
        ['多选题', 'ACD', 'ACD'],
        ['多选题', 'A,C,D', 'ACD'],
        ['多选题', 'dca', 'ACD'],
        ['多选题', 'Ａ，Ｃ', 'AC'],
        ['多选题', 'B C E', 'BCE'],
      ];
      const parsed = await theorySheet(keys.map(([type, key]) => [type, '题干（ ）。', '甲', '乙', '丙', '丁', type === '多选题' ? '戊' : null, key, 3, 'A-A-A-001']));
      expect(raws(parsed).map((r) => r.key)).toEqual(keys.map(([, , k]) => k));
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
    });

    it('reads 判断 keys √ ✓ 对 正确 T true Y 是 and × ✗ 错 错误 F false N 否, and boolean cells', async () => {
      const yes: Cell[] = ['√', '✓', '对', '正确', 'T', 'true', 'TRUE', 'Y', '是', true];
      const no: Cell[] = ['×', '✗', '错', '错误', 'F', 'false', 'N', '否', 'x', false];
      const parsed = await theorySheet([...yes, ...no].map((k) => ['判断题', '陈述句。', null, null, null, null, null, k, 2, 'A-A-A-001']));
      expect(raws(parsed).map((r) => r.key)).toEqual([...yes.map(() => true), ...no.map(() => false)]);
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
    });

    it('reads a 判断题 written as options 正确/错误 with key A or B', async () => {
      const parsed = await theorySheet([
        ['判断题', '陈述句。', '正确', '错误', null, null, null, 'A', 1, 'A-A-A-001'],
        ['判断题', '陈述句。', '正确', '错误', null, null, null, 'b', 1, 'A-A-A-001'],
      ]);
      expect(raws(parsed).map((r) => [r.key, r.options])).toEqual([
        [true, undefined],
        [false, undefined],
      ]);
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
    });

    it('reads 难度 as 1–5 or 易/较易/中/较难/难', async () => {
      const values: Cell[] = [1, 2, 3, 4, 5, '3', '３', '易', '较易', '中', '较难', '难', '中等'];
      const parsed = await theorySheet(values.map((d) => [...SINGLE.slice(0, 8), d, 'A-A-A-001']));
      expect(raws(parsed).map((r) => r.difficulty)).toEqual([1, 2, 3, 4, 5, 3, 3, 1, 2, 3, 4, 5, 3]);
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
    });

    it('reads rich text, numbers and formula results, and trims every cell', async () => {
      const parsed = await theorySheet([
        [
          { richText: [{ text: '单' }, { font: { bold: true }, text: '选题' }] },
          { richText: [{ text: '  尺寸数字 ' }, { font: { italic: true }, text: '100' }, { text: ' 的单位是（ ）。 ' }] },
          100,
          { formula: 'C2*10', result: 1000 },
          0.5,
          '  5 mm  ',
          null,
          { formula: 'CHAR(66)', result: 'B' },
          { formula: '1+2', result: 3 },
          { text: 'A-B-A-001', hyperlink: '#鉴定点!A2' },
          '\r\n 见国家标准。\r\n',
        ],
      ]);
      expect(raws(parsed)[0]).toEqual({
        type: 'singleChoice',
        stem: '尺寸数字 100 的单位是（ ）。',
        options: ['100', '1000', '0.5', '5 mm'],
        key: 'B',
        difficulty: 3,
        element: 'A-B-A-001',
        explanation: '见国家标准。',
      });
    });

    it('finds columns by name in any order, ignores extra columns and does without 选项E and 解析', async () => {
      const header = ['序号', '鉴定点代码', '答案', '题干（必填）', '题型*', '难度', '选项D', '选项C', '选项B', '选项A', '出处'];
      const parsed = await theorySheet([[1, 'a-b-a-001', 'd', '长度的基本单位是（ ）。', '单项选择题', '较易', '米', '分米', '厘米', '毫米', '教材']], header);
      expect(parsed.problems).toEqual([]);
      expect(raws(parsed)).toEqual([
        { type: 'singleChoice', stem: '长度的基本单位是（ ）。', options: ['毫米', '厘米', '分米', '米'], key: 'D', difficulty: 2, element: 'A-B-A-001', explanation: '' },
      ]);
    });

    it('finds the header row below a title row', async () => {
      const parsed = parseItemWorkbook(await workbookOf({ 理论知识试题: [['制图员 四级 理论知识试题'], [], THEORY_HEADER, SINGLE] }));
      expect((await parsed).rows.map((r) => r.row)).toEqual([4]);
    });

    it('reads a theory sheet kept under another name such as Sheet1', async () => {
      const parsed = await parseItemWorkbook(await workbookOf({ Sheet1: [THEORY_HEADER, SINGLE, MULTI] }));
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows.map((r) => [r.sheet, r.row, r.kind])).toEqual([
        ['Sheet1', 2, 'theory'],
        ['Sheet1', 3, 'theory'],
      ]);
    });

    it('takes four or five options for 多选 from the option cells that are filled', async () => {
      const parsed = await theorySheet([
        ['多选题', '题干（ ）。', '甲', '乙', '丙', '丁', null, 'AB', 3, 'A-A-A-001'],
        ['多选题', '题干（ ）。', '甲', '乙', '丙', '丁', '戊', 'ABE', 3, 'A-A-A-001'],
        ['多选题', '题干（ ）。', '甲', '乙', null, '丁', null, 'AB', 3, 'A-A-A-001'],
      ]);
      expect(raws(parsed).map((r) => r.options)).toEqual([
        ['甲', '乙', '丙', '丁'],
        ['甲', '乙', '丙', '丁', '戊'],
        ['甲', '乙', '', '丁'],
      ]);
      // The gap is left for the schema, which names the option.
      const gap = validate(theoryItemSchema, raws(parsed)[2]);
      expect(gap.ok ? [] : gap.problems.map((p) => formatProblem(p))).toEqual(['选项C: 不能为空']);
    });

    it('names unknown 题型, unreadable keys and difficulties in the row problems, keeping the text', async () => {
      const parsed = await theorySheet([
        ['问答题', '简述比例的含义。', null, null, null, null, null, '略', 3, 'A-A-A-001'],
        ['单选题', '题干（ ）。', '甲', '乙', '丙', '丁', null, 'F', 3, 'A-A-A-001'],
        ['多选题', '题干（ ）。', '甲', '乙', '丙', '丁', null, '见解析', 3, 'A-A-A-001'],
        ['判断题', '陈述句。', null, null, null, null, null, '不对吧', 3, 'A-A-A-001'],
        ['单选题', '题干（ ）。', '甲', '乙', '丙', '丁', null, 'AB', 3, 'A-A-A-001'],
        ['单选题', '题干（ ）。', '甲', '乙', '丙', '丁', null, 'A', '很难', 'A-A-A-001'],
        ['判断题', '陈述句。', '甲', '乙', null, null, null, '√', 3, 'A-A-A-001'],
      ]);
      expect(parsed.rows.map(messages)).toEqual([
        ['题型: 无法识别“问答题”'],
        ['答案: 无法识别“F”（应为选项字母，如 B 或 ACD）'],
        ['答案: 无法识别“见解析”（应为选项字母，如 B 或 ACD）'],
        ['答案: 无法识别“不对吧”（判断题填 √ 或 ×）'],
        ['答案: 单选题只能有一个答案，填写的是“AB”'],
        ['难度: 无法识别“很难”（应为 1～5 或 易、较易、中、较难、难）'],
        ['选项: 判断题不应填写选项'],
      ]);
      expect(raws(parsed).map((r) => [r.type, r.key])).toEqual([
        ['问答题', '略'],
        ['singleChoice', 'F'],
        ['multipleChoice', '见解析'],
        ['trueFalse', '不对吧'],
        ['singleChoice', 'AB'],
        ['singleChoice', 'A'],
        ['trueFalse', true],
      ]);
      expect(raws(parsed)[5]?.difficulty).toBe('很难');
    });

    it('leaves blank rows out and empty required cells to the schema', async () => {
      const parsed = await theorySheet([SINGLE, [], [null, null, null], ['单选题', '', '甲', '乙', '丙', '丁', null, null, null, null]]);
      expect(parsed.rows.map((r) => r.row)).toEqual([2, 5]);
      const result = validate(theoryItemSchema, parsed.rows[1]?.raw);
      expect(result.ok ? [] : result.problems.map((p) => formatProblem(p))).toEqual(
        expect.arrayContaining(['题干: 不能为空', '难度: 不能为空', '鉴定点代码: 不能为空']),
      );
      expect(result.ok ? [] : result.problems.map((p) => p.path[0])).toContain('key');
    });

    it('names the missing header columns and does not read that sheet', async () => {
      const parsed = await theorySheet([SINGLE], ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '正确选项', '难易', '鉴定点代码']);
      expect(parsed.rows).toEqual([]);
      expect(fileMessages(parsed)).toEqual(['工作表“理论知识试题”缺少列：答案、难度（第 1 行应为列名），该工作表未读取']);
    });

    it('reports a workbook with neither a theory, a practical nor a 综合评审 sheet', async () => {
      const parsed = await parseItemWorkbook(await workbookOf({ 成绩: [['姓名', '分数'], ['张三', 90]] }));
      expect(fileMessages(parsed)).toEqual(['缺少工作表“理论知识试题”、“技能考核试题”或“综合评审试题”']);
    });

    it('reports a cell over 5 000 characters for its row, cuts it and reads on', async () => {
      const huge = '很'.repeat(ITEM_CELL_MAX_CHARS * 4);
      const parsed = await theorySheet([[...SINGLE.slice(0, 1), huge, ...SINGLE.slice(2)], SINGLE]);
      expect(parsed.rows).toHaveLength(2);
      expect(messages(parsed.rows[0])).toEqual([`题干: 内容过长（${ITEM_CELL_MAX_CHARS * 4} 字），单元格不能超过 ${ITEM_CELL_MAX_CHARS} 字`]);
      expect((raws(parsed)[0]?.stem as string).length).toBe(ITEM_CELL_MAX_CHARS);
      expect(parsed.rows[1]?.problems).toEqual([]);
    });

    it('refuses a truncated file as not an Excel file, without throwing', async () => {
      const bytes = await filledTemplate(sampleTheory().slice(0, 20), []);
      for (const cut of [bytes.slice(0, bytes.length / 2), bytes.slice(0, 100), bytes.slice(bytes.length / 2), new Uint8Array()]) {
        expect(await parseItemWorkbook(cut)).toEqual({ rows: [], images: [], problems: [expect.objectContaining({ severity: 'error', message: itemReaderMessages.notXlsx })] });
      }
    });

    it('refuses a text file renamed .xlsx and a Word document', async () => {
      const text = new TextEncoder().encode('题型,题干,答案\n单选题,长度单位（ ）,A\n');
      const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('1. 题干')] }] })));
      for (const bytes of [text, docx]) {
        const parsed = await parseItemWorkbook(bytes);
        expect(fileMessages(parsed)).toEqual([itemReaderMessages.notXlsx]);
        expect(parsed.rows).toEqual([]);
      }
    });
  });

  describe('#parseItemWorkbook on damaged files', () => {
    it('never throws for a workbook with bytes overwritten here and there', async () => {
      const bytes = await filledTemplate(sampleTheory().slice(0, 30), samplePractical().slice(0, 2));
      let seed = 20261124;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
      for (let round = 0; round < 40; round++) {
        const damaged = bytes.slice();
        for (let k = 0; k < 1 + (round % 8); k++) damaged[next() % damaged.length] = next() % 256;
        const parsed = await parseItemWorkbook(damaged);
        expect(Array.isArray(parsed.rows) && Array.isArray(parsed.problems)).toBe(true);
      }
    });
  });
});
