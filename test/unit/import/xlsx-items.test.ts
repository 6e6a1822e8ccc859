import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  MAX_CELL_CHARS,
  NOT_XLSX,
  parseChoiceKey,
  parseDifficulty,
  parseElementCode,
  parseItemWorkbook,
  parseTheoryType,
  parseTrueFalseKey,
  toHalfWidth,
  type ImportRow,
  type ParsedWorkbook,
} from '../../../app/services/import/xlsx-items.js';
import { practicalTaskRules, practicalTaskSchema, type PracticalTask } from '../../../app/domain/practical-task.js';
import { theoryItemRules, theoryItemSchema, type TheoryItem } from '../../../app/domain/theory-item.js';
import { formatProblem, validate } from '../../../app/domain/validation.js';
import { ITEM_TEMPLATE_SHEETS, itemTemplateXlsx } from '../../../templates/xlsx/item-template.js';

const SAMPLE = join(import.meta.dirname, '../../../app/demo/sample');
/** A sample item as stored in the JSON files (no `images`), per 题型. */
type SampleTheory = TheoryItem extends infer T ? (T extends unknown ? Omit<T, 'images'> : never) : never;
type SamplePractical = Omit<PracticalTask, 'images'>;

function sampleTheory(): SampleTheory[] {
  return readdirSync(SAMPLE)
    .filter((f) => /^theory-.*\.json$/.test(f))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(SAMPLE, f), 'utf8')) as { items: SampleTheory[] }).items);
}

function samplePractical(): SamplePractical[] {
  return (JSON.parse(readFileSync(join(SAMPLE, 'practical.json'), 'utf8')) as { tasks: SamplePractical[] }).tasks;
}

const THEORY_HEADER = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '答案', '难度', '鉴定点代码', '解析'];
const PRACTICAL_HEADER = ['职业功能代码', '试题名称', '配分', '考核时间', '考核形式', '试题说明', '具体考核要求', '附图说明'];
const RUBRIC_HEADER = ['试题名称', '考核内容', '考核要点', '配分', '评分标准', '扣分说明'];
const NOTICE_HEADER = ['试题名称', '类别', '名称', '规格', '单位', '数量', '备注'];
const TYPE_NAMES = { trueFalse: '判断题', singleChoice: '单选题', multipleChoice: '多选题' } as const;
const GROUP_NAMES = { equipment: '设备', tools: '工具', measuring: '量具', materials: '材料' } as const;

type Cell = ExcelJS.CellValue;

function theoryCells(item: SampleTheory): Cell[] {
  const options = item.type === 'trueFalse' ? [] : item.options;
  const key = item.type === 'trueFalse' ? (item.key ? '√' : '×') : item.key;
  return [TYPE_NAMES[item.type], item.stem, ...[0, 1, 2, 3, 4].map((i) => options[i] ?? null), key, item.difficulty, item.element, item.explanation];
}

function practicalCells(tasks: readonly SamplePractical[]) {
  const task = tasks.map((t) => [t.module, t.title, t.points, t.minutes, t.form, t.description, t.requirements.join('\n'), t.figureNote]);
  const rubric = tasks.flatMap((t) => t.rubric.map((r) => [t.title, r.content, r.keyPoint, r.points, r.criteria, r.deductionNote]));
  const notice = (key: 'siteNotice' | 'candidateNotice') =>
    tasks.flatMap((t) => [
      ...(['equipment', 'tools', 'measuring', 'materials'] as const).flatMap((g) =>
        t[key][g].map((r) => [t.title, GROUP_NAMES[g], r.name, r.spec, r.unit, r.quantity, r.remark]),
      ),
      ...t[key].notes.map((n) => [t.title, '其他要求', n, null, null, null, null]),
    ]);
  return { task, rubric, site: notice('siteNotice'), candidate: notice('candidateNotice') };
}

function writeRows(sheet: ExcelJS.Worksheet, first: number, rows: readonly Cell[][]): void {
  rows.forEach((values, r) => {
    values.forEach((v, c) => {
      if (v !== null && v !== '') sheet.getRow(first + r).getCell(c + 1).value = v;
    });
  });
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The writers' template filled in with the sample bank, below the example rows. */
async function filledTemplate(theory: readonly SampleTheory[], tasks: readonly SamplePractical[]): Promise<Uint8Array> {
  const template = await itemTemplateXlsx({
    occupation: '制图员',
    level: '四级/中级工',
    generatedAt: new Date('2026-11-23T16:30:05.000Z'),
    elementCodes: [...new Set(theory.map((i) => i.element))].map((code) => ({ code, name: code })),
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.slice().buffer);
  const sheet = (name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.theory), 4, theory.map(theoryCells));
  const p = practicalCells(tasks);
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.practical), 2, p.task);
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.rubric), 2, p.rubric);
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.site), 2, p.site);
  writeRows(sheet(ITEM_TEMPLATE_SHEETS.candidate), 2, p.candidate);
  return bytesOf(workbook);
}

/** A workbook of sheets given as rows of cells (row 1 first). */
async function workbookOf(sheets: Record<string, Cell[][]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) writeRows(workbook.addWorksheet(name), 1, rows);
  return bytesOf(workbook);
}

/** One theory sheet: the header and the given rows. */
async function theorySheet(rows: Cell[][], header: Cell[] = THEORY_HEADER): Promise<ParsedWorkbook> {
  return parseItemWorkbook(await workbookOf({ 理论知识试题: [header, ...rows] }));
}

const raws = (parsed: ParsedWorkbook) => parsed.rows.map((r) => r.raw as Record<string, unknown>);
const messages = (row: ImportRow | undefined) => (row?.problems ?? []).map((p) => formatProblem(p));
const fileMessages = (parsed: ParsedWorkbook) => parsed.problems.map((p) => formatProblem(p));

const SINGLE: Cell[] = ['单选题', '长度的基本单位是（ ）。', '毫米', '厘米', '分米', '米', null, 'D', 2, 'A-B-A-001', '米是 SI 基本单位。'];
const MULTI: Cell[] = ['多选题', '下列属于视图的有（ ）。', '主视图', '俯视图', '左视图', '剖面线', null, 'ABC', 3, 'A-B-A-002', ''];
const TRUE_FALSE: Cell[] = ['判断题', '图纸的标题栏一般位于图框的右下角。', null, null, null, null, null, '√', 1, 'A-B-A-003', ''];

describe('services/import/xlsx-items', () => {
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

    it('reports a workbook with neither a theory nor a practical sheet', async () => {
      const parsed = await parseItemWorkbook(await workbookOf({ 成绩: [['姓名', '分数'], ['张三', 90]] }));
      expect(fileMessages(parsed)).toEqual(['缺少工作表“理论知识试题”或“技能考核试题”']);
    });

    it('reports a cell over 5 000 characters for its row, cuts it and reads on', async () => {
      const huge = '很'.repeat(MAX_CELL_CHARS * 4);
      const parsed = await theorySheet([[...SINGLE.slice(0, 1), huge, ...SINGLE.slice(2)], SINGLE]);
      expect(parsed.rows).toHaveLength(2);
      expect(messages(parsed.rows[0])).toEqual([`题干: 内容过长（${MAX_CELL_CHARS * 4} 字），单元格不能超过 ${MAX_CELL_CHARS} 字`]);
      expect((raws(parsed)[0]?.stem as string).length).toBe(MAX_CELL_CHARS);
      expect(parsed.rows[1]?.problems).toEqual([]);
    });

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
          评分标准: [RUBRIC_HEADER, ['绘图', '视图', '正确', 60, 'x'.repeat(MAX_CELL_CHARS + 1), null]],
          考场准备: [NOTICE_HEADER, ['绘图', '设备', '桌', 'y'.repeat(MAX_CELL_CHARS + 1), '张', 1, null]],
          考生准备: [NOTICE_HEADER],
        }),
      );
      expect(messages(parsed.rows[0])).toEqual([
        `评分标准第1行 评分标准: 内容过长（${MAX_CELL_CHARS + 1} 字），单元格不能超过 ${MAX_CELL_CHARS} 字（工作表“评分标准”第 2 行）`,
        `考场准备通知单: 规格内容过长（${MAX_CELL_CHARS + 1} 字），单元格不能超过 ${MAX_CELL_CHARS} 字（工作表“考场准备”第 2 行）`,
      ]);
    });

    it('refuses a truncated file as not an Excel file, without throwing', async () => {
      const bytes = await filledTemplate(sampleTheory().slice(0, 20), []);
      for (const cut of [bytes.slice(0, bytes.length / 2), bytes.slice(0, 100), bytes.slice(bytes.length / 2), new Uint8Array()]) {
        expect(await parseItemWorkbook(cut)).toEqual({ rows: [], problems: [expect.objectContaining({ severity: 'error', message: NOT_XLSX })] });
      }
    });

    it('refuses a text file renamed .xlsx and a Word document', async () => {
      const text = new TextEncoder().encode('题型,题干,答案\n单选题,长度单位（ ）,A\n');
      const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('1. 题干')] }] })));
      for (const bytes of [text, docx]) {
        const parsed = await parseItemWorkbook(bytes);
        expect(fileMessages(parsed)).toEqual([NOT_XLSX]);
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

  describe('#parseTheoryType', () => {
    it('maps the usual names and nothing else', () => {
      expect(['判断题', '单项选择题', '多选', '问答题', ''].map(parseTheoryType)).toEqual(['trueFalse', 'singleChoice', 'multipleChoice', undefined, undefined]);
    });
  });

  describe('#parseChoiceKey', () => {
    it('sorts the letters and refuses anything but A–E', () => {
      expect(['C、A', 'ｂ', 'A/B', 'AF', '1', ''].map(parseChoiceKey)).toEqual(['AC', 'B', 'AB', undefined, undefined, undefined]);
    });
  });

  describe('#parseTrueFalseKey', () => {
    it('refuses text that is not a 判断 mark', () => {
      expect(['√', '×', '可能'].map((k) => parseTrueFalseKey(k))).toEqual([true, false, undefined]);
    });
  });

  describe('#parseDifficulty', () => {
    it('keeps out-of-range numbers for the schema to name', () => {
      expect([7, '0.6', '较难', '？'].map((d) => parseDifficulty(d))).toEqual([7, 0.6, 4, undefined]);
    });
  });

  describe('#parseElementCode', () => {
    it('takes the code out of bracketed, full-width and named forms', () => {
      expect(['[A-B-C-001]', 'Ａ－Ｂ－Ｃ－００１', 'a-b-001 图纸幅面', '【A-A-A-002】', '未知'].map(parseElementCode)).toEqual([
        'A-B-C-001', 'A-B-C-001', 'A-B-001', 'A-A-A-002', '未知',
      ]);
    });
  });

  describe('#toHalfWidth', () => {
    it('keeps the length so that positions carry over', () => {
      const text = 'Ａ．毫米　（Ｂ）１２';
      expect(toHalfWidth(text)).toBe('A.毫米 (B)12');
      expect(toHalfWidth(text)).toHaveLength(text.length);
    });
  });
});
