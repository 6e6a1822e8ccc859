import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { NOT_DOCX, parseItemDocx, type DocxRow, type ParsedDocument } from '../../../app/services/import/docx-items.js';
import { theoryItemRules, theoryItemSchema, type TheoryItem } from '../../../app/domain/theory-item.js';
import { formatProblem, validate } from '../../../app/domain/validation.js';
import { itemTemplateXlsx } from '../../../templates/xlsx/item-template.js';

const SAMPLE = join(import.meta.dirname, '../../../app/demo/sample');
/** A sample item as stored in the JSON files (no `images`), per 题型. */
type SampleTheory = TheoryItem extends infer T ? (T extends unknown ? Omit<T, 'images'> : never) : never;

function sampleTheory(): SampleTheory[] {
  return readdirSync(SAMPLE)
    .filter((f) => /^theory-.*\.json$/.test(f))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(SAMPLE, f), 'utf8')) as { items: SampleTheory[] }).items);
}

/** A few of each 题型, in 判断/单选/多选 order. */
function someOfEach(n: number): SampleTheory[] {
  const all = sampleTheory();
  return (['trueFalse', 'singleChoice', 'multipleChoice'] as const).flatMap((t) => all.filter((i) => i.type === t).slice(0, n));
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

type Block = string | Paragraph | Table;

/** A .docx made with the `docx` package: a string is one paragraph. */
async function docxOf(blocks: readonly Block[]): Promise<Uint8Array> {
  const children = blocks.map((b) => (typeof b === 'string' ? new Paragraph({ children: [new TextRun(b)] }) : b));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** One paragraph whose lines are separated by line breaks (w:br). */
function brokenLines(lines: readonly string[]): Paragraph {
  return new Paragraph({ children: lines.map((text, i) => new TextRun({ text, break: i === 0 ? 0 : 1 })) });
}

function tableOf(rows: readonly (readonly string[])[]): Table {
  return new Table({
    rows: rows.map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
  });
}

const SECTION = { trueFalse: '一、判断题', singleChoice: '二、单项选择题', multipleChoice: '三、多项选择题' } as const;
const LETTERS = ['A', 'B', 'C', 'D', 'E'];
const tfMark = (key: boolean) => (key ? '√' : '×');

const raws = (parsed: ParsedDocument) => parsed.rows.map((r) => r.raw as Record<string, unknown>);
const rowMessages = (row: DocxRow | undefined) => (row?.problems ?? []).map((p) => formatProblem(p, `第${row?.paragraph ?? 0}段`));
const withImages = (items: readonly SampleTheory[]) => items.map((i) => ({ ...i, images: [] }));

/** Layout 1: 题型 sections, numbers restart, options one per line, 答案/难度/鉴定点/解析 lines. */
function answerLineLayout(items: readonly SampleTheory[]): Block[] {
  const blocks: Block[] = [];
  let section = '';
  let n = 0;
  for (const item of items) {
    if (SECTION[item.type] !== section) {
      section = SECTION[item.type];
      blocks.push(section);
      n = 0;
    }
    n++;
    blocks.push(`${n}. ${item.stem}`);
    if (item.type !== 'trueFalse') item.options.forEach((o, i) => blocks.push(`${LETTERS[i] ?? ''}. ${o}`));
    blocks.push(`答案：${item.type === 'trueFalse' ? tfMark(item.key) : item.key}`);
    blocks.push(`难度：${item.difficulty}`);
    blocks.push(`鉴定点：${item.element}`);
    blocks.push(`解析：${item.explanation}`);
  }
  return blocks;
}

/**
 * Layout 2: a national-bank paper — title, 注意事项, 得分表, section headings with their notes, numbering
 * running through the paper, `（ ）` brackets, options on one line, a 【鉴定点】【难度】【解析】 line, and the
 * key at the end as a 参考答案 table (`1-5 √×√√×` for 判断, `21.B 22.C` for the rest).
 */
function nationalPaperLayout(items: readonly SampleTheory[]): Block[] {
  const blocks: Block[] = [
    '职业技能鉴定国家题库',
    '制图员中级理论知识试卷及参考答案',
    '注 意 事 项',
    '1、考试时间：120分钟。',
    '2、本试卷依据2005年颁布的《制图员》国家职业标准命制。',
    '3、请首先按要求在试卷的标封处填写您的姓名、准考证号和所在单位的名称。',
    tableOf([
      ['', '一', '二', '三', '总分'],
      ['得分', '', '', '', ''],
    ]),
  ];
  let section = '';
  let n = 0;
  const keys: { n: number; key: string; type: string }[] = [];
  for (const item of items) {
    if (SECTION[item.type] !== section) {
      section = SECTION[item.type];
      blocks.push(`${section}（第${n + 1}题～第${n + items.filter((i) => i.type === item.type).length}题。每题1分。）`);
      blocks.push(tableOf([['得 分', ''], ['评分人', '']]));
    }
    n++;
    if (item.type === 'trueFalse') blocks.push(`${n}．（ ）${item.stem}`);
    else {
      blocks.push(`${n}．${item.stem}`);
      blocks.push(item.options.map((o, i) => `${LETTERS[i] ?? ''}、${o}`).join('　'));
    }
    blocks.push(`【鉴定点】${item.element}　【难度】${item.difficulty}　【解析】${item.explanation}`);
    keys.push({ n, key: item.type === 'trueFalse' ? tfMark(item.key) : item.key, type: item.type });
  }
  blocks.push('理论知识试卷参考答案');
  for (const type of ['trueFalse', 'singleChoice', 'multipleChoice'] as const) {
    const ks = keys.filter((k) => k.type === type);
    if (ks.length === 0) continue;
    blocks.push(SECTION[type]);
    if (type === 'trueFalse') {
      for (let i = 0; i < ks.length; i += 5) {
        const run = ks.slice(i, i + 5);
        blocks.push(`${run[0]?.n}-${run.at(-1)?.n}　${run.map((k) => k.key).join('')}`);
      }
    } else {
      for (let i = 0; i < ks.length; i += 10) blocks.push(ks.slice(i, i + 10).map((k) => `${k.n}.${k.key}`).join(' '));
    }
  }
  return blocks;
}

/**
 * Layout 3: the key in the stem — `（√）`/`（×）` before a 判断 stem, `（ B ）` in a choice stem — the
 * 鉴定点 code in front of the number, full-width option markers, 难度 as a word.
 */
function bracketLayout(items: readonly SampleTheory[]): Block[] {
  const words = ['', '易', '较易', '中', '较难', '难'];
  const blocks: Block[] = [];
  let section = '';
  let n = 0;
  for (const item of items) {
    if (SECTION[item.type] !== section) {
      section = SECTION[item.type];
      blocks.push(section);
      n = 0;
    }
    n++;
    if (item.type === 'trueFalse') blocks.push(`[${item.element}] ${n}、（${tfMark(item.key)}）${item.stem}`);
    else {
      blocks.push(`${item.element} ${n}、${item.stem.replace('（ ）', `（ ${item.key} ）`)}`);
      item.options.forEach((o, i) => blocks.push(`${String.fromCharCode(0xff21 + i)}．${o}`));
    }
    blocks.push(`难度：${words[item.difficulty] ?? ''}`);
    blocks.push(`解析：${item.explanation}`);
  }
  return blocks;
}

const SINGLE_OPTIONS = ['毫米', '厘米', '分米', '米'];

describe('services/import/docx-items', () => {
  describe('#parseItemDocx', () => {
    it('reads back every sample item written with answer, 难度, 鉴定点 and 解析 lines', async () => {
      const items = sampleTheory();
      const parsed = await parseItemDocx(await docxOf(answerLineLayout(items)));
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(raws(parsed)).toEqual(withImages(items));
      expect(parsed.rows[0]).toMatchObject({ paragraph: 2, section: '一、判断题' });
      expect(parsed.rows.filter((r) => r.section === '二、单项选择题')).toHaveLength(489);
      for (const row of parsed.rows.slice(0, 200)) expect(validate(theoryItemSchema, row.raw, theoryItemRules).ok).toBe(true);
    });

    it('reads a national-bank paper with its title block, inline options and the key table at the end', async () => {
      const items = someOfEach(12);
      const parsed = await parseItemDocx(await docxOf(nationalPaperLayout(items)));
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(raws(parsed)).toEqual(withImages(items));
      expect(parsed.rows[0]?.section).toBe('一、判断题');
    });

    it('does not take a title naming the 参考答案 for the key table', async () => {
      const parsed = await parseItemDocx(await docxOf(['制图员中级理论知识试卷及参考答案', '判断题', '1. 甲。', '2. 乙。', '参考答案', '1.√ 2.×']));
      expect(raws(parsed).map((r) => r.key)).toEqual([true, false]);
    });

    it('reads keys written in the stem brackets, codes in front of the number and full-width markers', async () => {
      const items = someOfEach(15);
      const parsed = await parseItemDocx(await docxOf(bracketLayout(items)));
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(raws(parsed)).toEqual(withImages(items));
    });

    it('counts paragraphs from 1 and names the section of each item', async () => {
      const parsed = await parseItemDocx(
        await docxOf(['二、单项选择题（第1题～第2题）', '1. 长度单位（ ）。', 'A. 毫米 B. 厘米 C. 分米 D. 米', '答案：D', '', '2、面积单位（ ）。', 'A. 平方米 B. 亩 C. 公顷 D. 平方千米', '答案：A']),
      );
      expect(parsed.rows.map((r) => [r.paragraph, r.section])).toEqual([
        [2, '二、单项选择题'],
        [6, '二、单项选择题'],
      ]);
    });

    it('accepts 1. 1、 1． and （1） numbering', async () => {
      const stems = ['1. 甲（ ）。', '2、乙（ ）。', '3．丙（ ）。', '4 . 丁（ ）。'];
      const blocks = stems.flatMap((s) => [s, 'A、一 B、二 C、三 D、四', '答案：A']);
      const parsed = await parseItemDocx(await docxOf(['单项选择题', ...blocks]));
      expect(raws(parsed).map((r) => r.stem)).toEqual(['甲（ ）。', '乙（ ）。', '丙（ ）。', '丁（ ）。']);
      const paren = await parseItemDocx(await docxOf(['单项选择题', '（1）甲（ ）。', 'A、一 B、二 C、三 D、四', '答案：A', '(2) 乙（ ）。', 'A、一 B、二 C、三 D、四', '答案：B']));
      expect(raws(paren).map((r) => [r.stem, r.key])).toEqual([
        ['甲（ ）。', 'A'],
        ['乙（ ）。', 'B'],
      ]);
    });

    it('keeps (1) lines inside an item numbered 1. as part of the stem', async () => {
      const parsed = await parseItemDocx(await docxOf(['多项选择题', '1. 下列说法正确的是（ ）。', '（1）第一种说法', '（2）第二种说法', 'A. (1) B. (2) C. 都对 D. 都不对', '答案：AB']));
      expect(parsed.rows).toHaveLength(1);
      expect(raws(parsed)[0]).toMatchObject({ stem: '下列说法正确的是（ ）。\n（1）第一种说法\n（2）第二种说法', options: ['(1)', '(2)', '都对', '都不对'], key: 'AB' });
    });

    it('finds the 鉴定点 code before or after the number, at the end of the stem, on a line, or petroleum-style', async () => {
      const option = 'A、一 B、二 C、三 D、四';
      const parsed = await parseItemDocx(
        await docxOf([
          '单项选择题',
          'A-B-C-001 1. 甲（ ）。', option, '答案：A',
          '[A-B-C-002]2. 乙（ ）。', option, '答案：A',
          '3.【A-B-C-003】丙（ ）。', option, '答案：A',
          '4. [A-B-C-004] 丁（ ）。', option, '答案：A',
          '5. 戊（ ）。（A-B-C-005）', option, '答案：A',
          '6. 己（ ）。', option, '答案：A', '【鉴定点】A-B-C-006',
          '7. 庚（ ）。', option, '答案：A', '鉴定点：Ａ－Ｂ－Ｃ－００７',
          '8BC008 辛（ ）。', option, '答案：A',
        ]),
      );
      expect(raws(parsed).map((r) => [r.element, r.stem])).toEqual([
        ['A-B-C-001', '甲（ ）。'],
        ['A-B-C-002', '乙（ ）。'],
        ['A-B-C-003', '丙（ ）。'],
        ['A-B-C-004', '丁（ ）。'],
        ['A-B-C-005', '戊（ ）。'],
        ['A-B-C-006', '己（ ）。'],
        ['A-B-C-007', '庚（ ）。'],
        ['B-C-008', '辛（ ）。'],
      ]);
    });

    it('reads options inline, one per line, following the stem, in a table and with tight markers', async () => {
      const parsed = await parseItemDocx(
        await docxOf([
          '单项选择题',
          '1. 长度单位（ ）。', 'A、毫米 B、厘米 C、分米 D、米', '答案：D',
          '2. 长度单位（ ）。', 'A.毫米', 'B.厘米', 'C.分米', 'D.米', '答案：D',
          '3. 长度单位（ ）。A、毫米 B、厘米 C、分米 D、米', '答案：D',
          '4. 长度单位（ ）。', tableOf([['A、毫米', 'B、厘米'], ['C、分米', 'D、米']]), '答案：D',
          '5. 长度单位（ ）。', 'A、毫米B、厘米C、分米D、米', '答案：D',
          '6. 长度单位（ ）。', '(A) 毫米 (B) 厘米 (C) 分米 (D) 米', '答案：D',
          '7. 长度单位（ ）。', 'Ａ．毫米　Ｂ．厘米　Ｃ．分米　Ｄ．米', '答案：D',
          '8. 纸幅（ ）。', 'A、210 mm×297 mm B、297 mm×420 mm', 'C、420 mm×594 mm D、841 mm×1189 mm', '答案：A',
        ]),
      );
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(raws(parsed).slice(0, 7).map((r) => r.options)).toEqual(Array.from({ length: 7 }, () => SINGLE_OPTIONS));
      expect(raws(parsed)[7]?.options).toEqual(['210 mm×297 mm', '297 mm×420 mm', '420 mm×594 mm', '841 mm×1189 mm']);
      expect(raws(parsed).map((r) => r.stem)).toEqual([...Array.from({ length: 7 }, () => '长度单位（ ）。'), '纸幅（ ）。']);
    });

    it('reads an item whose lines are separated by line breaks inside one paragraph', async () => {
      const parsed = await parseItemDocx(
        await docxOf(['多项选择题', brokenLines(['1. 下列属于基本视图的有（ ）。', 'A. 主视图', 'B. 俯视图', 'C. 左视图', 'D. 局部视图', 'E. 后视图', '【答案】ABE', '【难度】较难'])]),
      );
      expect(raws(parsed)).toEqual([
        {
          type: 'multipleChoice',
          stem: '下列属于基本视图的有（ ）。',
          options: ['主视图', '俯视图', '左视图', '局部视图', '后视图'],
          key: 'ABE',
          difficulty: 4,
          element: undefined,
          explanation: '',
          images: [],
        },
      ]);
    });

    it('reads answer lines in their usual forms, and a value on the next line', async () => {
      const item = (n: number, answer: string[]) => [`${n}. 甲（ ）。`, 'A、一 B、二 C、三 D、四', ...answer];
      const parsed = await parseItemDocx(
        await docxOf([
          '选择题',
          ...item(1, ['答案：B']),
          ...item(2, ['【答案】B']),
          ...item(3, ['答案:b']),
          ...item(4, ['正确答案：Ｂ']),
          ...item(5, ['[答案] B']),
          ...item(6, ['答案：', 'B']),
          ...item(7, ['答案：A、C']),
          ...item(8, ['答案：B　难度：2　解析：第一行', '第二行']),
        ]),
      );
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(raws(parsed).map((r) => [r.type, r.key])).toEqual([
        ...Array.from({ length: 6 }, () => ['singleChoice', 'B']),
        ['multipleChoice', 'AC'],
        ['singleChoice', 'B'],
      ]);
      expect(raws(parsed)[7]).toMatchObject({ difficulty: 2, explanation: '第一行\n第二行' });
    });

    it('reads 判断 keys as marks before or after the stem, in answer lines and in the key table', async () => {
      const parsed = await parseItemDocx(
        await docxOf([
          '判断题',
          '1.（√）甲。', '2.（ × ）乙。', '3．丙。（√）', '4. 丁。', '答案：错误', '5. 戊。', '【答案】对', '6.（ ）己。', '7. 庚。', '答案：✓',
          '参考答案', '6.×',
        ]),
      );
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(raws(parsed).map((r) => [r.type, r.stem, r.key])).toEqual([
        ['trueFalse', '甲。', true],
        ['trueFalse', '乙。', false],
        ['trueFalse', '丙。', true],
        ['trueFalse', '丁。', false],
        ['trueFalse', '戊。', true],
        ['trueFalse', '己。', false],
        ['trueFalse', '庚。', true],
      ]);
    });

    it('tells single from multiple choice in a 选择题 section by the key, and 判断 from the marks without a section', async () => {
      const parsed = await parseItemDocx(
        await docxOf(['1. 甲（ ）。', 'A、一 B、二 C、三 D、四', '答案：C', '2. 乙（ ）。', 'A、一 B、二 C、三 D、四 E、五', '答案：ACE', '3.（×）丙。']),
      );
      expect(raws(parsed).map((r) => [r.type, r.key])).toEqual([
        ['singleChoice', 'C'],
        ['multipleChoice', 'ACE'],
        ['trueFalse', false],
      ]);
      expect(parsed.rows.map((r) => r.section)).toEqual(['', '', '']);
    });

    it('matches key tables by section when numbering restarts in every section', async () => {
      const parsed = await parseItemDocx(
        await docxOf([
          '一、判断题', '1. 甲。', '2. 乙。',
          '二、单项选择题', '1. 丙（ ）。', 'A、一 B、二 C、三 D、四', '2. 丁（ ）。', 'A、一 B、二 C、三 D、四',
          '标准答案', '一、判断题', '1-2 √×', '二、单项选择题', '1.C 2.D',
        ]),
      );
      expect(parsed.problems).toEqual([]);
      expect(raws(parsed).map((r) => r.key)).toEqual([true, false, 'C', 'D']);
    });

    it('matches a key table with headings to items without headings by number', async () => {
      const parsed = await parseItemDocx(await docxOf(['1. 甲。', '2. 乙（ ）。', 'A、一 B、二 C、三 D、四', '参考答案', '一、判断题', '1.×', '二、单项选择题', '2.D']));
      expect(parsed.problems).toEqual([]);
      expect(raws(parsed).map((r) => [r.type, r.key])).toEqual([
        ['trueFalse', false],
        ['singleChoice', 'D'],
      ]);
    });

    it('matches a key table without headings by its runs when numbering restarts', async () => {
      const parsed = await parseItemDocx(
        await docxOf(['一、判断题', '1. 甲。', '2. 乙。', '二、单项选择题', '1. 丙（ ）。', 'A、一 B、二 C、三 D、四', '2. 丁（ ）。', 'A、一 B、二 C、三 D、四', '参考答案：', '1.√ 2.× 1.A 2.B']),
      );
      expect(raws(parsed).map((r) => r.key)).toEqual([true, false, 'A', 'B']);
    });

    it('reads a key table laid out as a Word table of 题号 over 答案 rows, and ranges of multi-letter keys', async () => {
      const parsed = await parseItemDocx(
        await docxOf([
          '二、单项选择题', '1. 甲（ ）。', 'A、一 B、二 C、三 D、四', '2. 乙（ ）。', 'A、一 B、二 C、三 D、四', '3. 丙（ ）。', 'A、一 B、二 C、三 D、四',
          '三、多项选择题', '4. 丁（ ）。', 'A、一 B、二 C、三 D、四', '5. 戊（ ）。', 'A、一 B、二 C、三 D、四',
          '参考答案',
          tableOf([['题号', '1', '2', '3'], ['答案', 'B', 'C', 'A']]),
          '4～5 ABD AC',
        ]),
      );
      expect(parsed.problems).toEqual([]);
      expect(raws(parsed).map((r) => r.key)).toEqual(['B', 'C', 'A', 'ABD', 'AC']);
    });

    it('reports an answer that disagrees with the key table and a key-table entry without an item', async () => {
      const parsed = await parseItemDocx(await docxOf(['单项选择题', '1. 甲（ C ）。', 'A、一 B、二 C、三 D、四', '参考答案', '1.B 2.C 3-5 AB C']));
      expect(raws(parsed)[0]).toMatchObject({ key: 'C', stem: '甲（ ）。' });
      expect(rowMessages(parsed.rows[0])).toEqual(['第2段 答案: 答案与参考答案表不一致（试题中为“C”，参考答案为“B”）']);
      expect(parsed.problems.map((p) => formatProblem(p))).toEqual([
        '参考答案第5段：“3-5”的答案个数与题数不符',
        '参考答案第2题（第5段）没有对应的试题',
      ]);
    });

    it('names the paragraph of an item without an answer', async () => {
      const parsed = await parseItemDocx(await docxOf(['单项选择题', '1. 甲（ ）。', 'A、一 B、二 C、三 D、四', '答案：A', '2. 乙（ ）。', 'A、一 B、二 C、三 D、四']));
      expect(rowMessages(parsed.rows[1])).toEqual(['第5段 答案: 缺少答案']);
      expect(parsed.rows[1]?.problems[0]).toMatchObject({ path: ['key'], severity: 'error' });
    });

    it('reports unreadable keys, difficulties and stray text with the paragraph they are in', async () => {
      const parsed = await parseItemDocx(
        await docxOf([
          '单项选择题',
          '1. 甲（ ）。', 'A、一 B、二 C、三 D、四', '答案：F',
          '2. 乙（ ）。', 'A、一 B、二 C、三 D、四', '答案：AB', '难度：很难',
          '3. 丙（ ）。', 'A、一 B、二 C、三 D、四', '这一行不知道是什么', '答案：A',
          '4. 丁（ ）。', 'A、一', 'A、二', 'C、三 D、四', '答案：A',
        ]),
      );
      expect(parsed.rows.map(rowMessages)).toEqual([
        ['第2段 答案: 无法识别“F”（第4段）'],
        ['第5段 答案: 单选题只能有一个答案，写的是“AB”（第7段）', '第5段 难度: 无法识别“很难”（应为 1～5 或 易、较易、中、较难、难）（第8段）'],
        ['第9段: 无法识别的文字“这一行不知道是什么”（第11段）'],
        ['第13段 选项A: 选项重复（第15段）'],
      ]);
    });

    it('names 题型 it does not support and items it cannot classify', async () => {
      const parsed = await parseItemDocx(await docxOf(['四、简答题', '1. 简述比例的含义。', '答案：图中图形与实物相应要素的线性尺寸之比。']));
      expect(rowMessages(parsed.rows[0])).toEqual(['第2段 题型: 无法识别“简答题”']);
      expect(raws(parsed)[0]).toMatchObject({ type: '简答题', key: '图中图形与实物相应要素的线性尺寸之比。' });
      const unknown = await parseItemDocx(await docxOf(['1. 比例是什么？', '答案：线性尺寸之比']));
      expect(rowMessages(unknown.rows[0])).toEqual(['第1段 题型: 无法判断题型（没有题型标题，也看不出是判断题还是选择题）']);
    });

    it('reports a 判断题 with options', async () => {
      const parsed = await parseItemDocx(await docxOf(['判断题', '1. 甲。', 'A、一 B、二', '答案：√', '2. 乙。', 'A、正确 B、错误', '答案：B']));
      expect(rowMessages(parsed.rows[0])).toEqual(['第2段 选项: 判断题不应有选项（第3段）']);
      expect(raws(parsed).map((r) => [r.key, r.options])).toEqual([
        [true, undefined],
        [false, undefined],
      ]);
      expect(parsed.rows[1]?.problems).toEqual([]);
    });

    it('takes an embedded PNG into the images and the item that shows it', async () => {
      const image = (size: number) => new ImageRun({ type: 'png', data: PNG, transformation: { width: size, height: size } });
      const parsed = await parseItemDocx(
        await docxOf([
          '单项选择题',
          new Paragraph({ children: [new TextRun('1. 图示零件的主视图是（ ）。'), image(40)] }),
          'A、一 B、二 C、三 D、四',
          '答案：A',
          '2. 下图的比例是（ ）。',
          new Paragraph({ children: [image(80)] }),
          'A、1:1 B、1:2 C、2:1 D、1:5',
          '答案：B',
          '3. 没有图（ ）。',
          'A、一 B、二 C、三 D、四',
          '答案：C',
        ]),
      );
      const sha256 = createHash('sha256').update(PNG).digest('hex');
      expect(parsed.images).toHaveLength(1);
      expect(parsed.images[0]).toMatchObject({ sha256, contentType: 'image/png' });
      expect(Buffer.from(parsed.images[0]?.bytes ?? []).equals(PNG)).toBe(true);
      expect(raws(parsed).map((r) => r.images)).toEqual([[sha256], [sha256], []]);
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(validate(theoryItemSchema, parsed.rows[0]?.raw).ok).toBe(false); // no 难度/鉴定点 in this layout
    });

    it('refuses a truncated file, a text file, an Excel workbook and an empty file as not a Word document', async () => {
      const docx = await docxOf(answerLineLayout(someOfEach(5)));
      const xlsx = await itemTemplateXlsx({ occupation: '制图员', level: '四级', generatedAt: new Date(0), elementCodes: [] });
      const inputs = [docx.slice(0, docx.length / 2), new TextEncoder().encode('1. 题干（ ）。\nA、一 B、二\n答案：A'), xlsx, new Uint8Array()];
      for (const bytes of inputs) {
        expect(await parseItemDocx(bytes)).toEqual({ rows: [], images: [], problems: [expect.objectContaining({ severity: 'error', message: NOT_DOCX })] });
      }
    });

    it('reports a document without items', async () => {
      const parsed = await parseItemDocx(await docxOf(['制图员理论知识试卷', '本试卷共两部分。']));
      expect(parsed.rows).toEqual([]);
      expect(parsed.problems.map((p) => p.message)).toEqual(['文档中没有找到试题（题干应以“1.”“1、”或“（1）”等题号开头）']);
    });
  });

  describe('#parseItemDocx on damaged files', () => {
    it('never throws for a document with bytes overwritten here and there', async () => {
      const bytes = await docxOf(nationalPaperLayout(someOfEach(10)));
      let seed = 20261124;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
      for (let round = 0; round < 60; round++) {
        const damaged = bytes.slice();
        for (let k = 0; k < 1 + (round % 8); k++) damaged[next() % damaged.length] = next() % 256;
        const parsed = await parseItemDocx(damaged);
        expect(Array.isArray(parsed.rows) && Array.isArray(parsed.problems)).toBe(true);
      }
    });
  });

  describe('#parseItemDocx on hand-written WordprocessingML', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

    /** A minimal package around a body, with one embedded PNG (rId7) and one linked image (rId8). */
    async function handMade(body: string, options: { mainPart?: string } = {}): Promise<Uint8Array> {
      const main = options.mainPart ?? 'word/document.xml';
      const zip = new JSZip();
      zip.file(
        '[Content_Types].xml',
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
          `<Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      );
      zip.file(
        '_rels/.rels',
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${R}/officeDocument" Target="${main}"/></Relationships>`,
      );
      const dir = main.slice(0, main.lastIndexOf('/'));
      const name = main.slice(main.lastIndexOf('/') + 1);
      zip.file(
        `${dir}/_rels/${name}.rels`,
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId7" Type="${R}/image" Target="media/figure.png"/>` +
          `<Relationship Id="rId8" Type="${R}/image" Target="file:///C:/figures/part.png" TargetMode="External"/></Relationships>`,
      );
      zip.file(`${dir}/media/figure.png`, PNG);
      zip.file(
        main,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}" ` +
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" ' +
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
          `mc:Ignorable="wps"><w:body>${body}</w:body></w:document>`,
      );
      return zip.generateAsync({ type: 'uint8array' });
    }

    const p = (inner: string) => `<w:p>${inner}</w:p>`;
    const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

    it('reads Wingdings check marks, tabs, tab stops and tracked deletions as Word shows them', async () => {
      const parsed = await parseItemDocx(
        await handMade(
          p(r('判断题')) +
            p(`<w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${r('1.（')}<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>${r('）图线')}<w:del w:id="1" w:author="审核"><w:r><w:delText>不</w:delText></w:r></w:del>${r('分粗细。')}`) +
            p(`${r('2.（')}<w:r><w:sym w:font="Wingdings" w:char="F0FB"/></w:r>${r('）比例')}<w:r><w:tab/></w:r>${r('是数值。')}`),
        ),
      );
      expect(raws(parsed).map((x) => [x.stem, x.key])).toEqual([
        ['图线分粗细。', true],
        ['比例 是数值。', false],
      ]);
    });

    it('reads the content of mc:Choice once and skips mc:Fallback', async () => {
      const box = (text: string) => `<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>${text}</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>${text}</w:t></w:r></mc:Fallback></mc:AlternateContent>`;
      const parsed = await parseItemDocx(await handMade(p(r('判断题')) + p(`${r('1.（√）')}${box('图框用粗实线')}${r('绘制。')}`)));
      expect(raws(parsed)[0]?.stem).toBe('图框用粗实线绘制。');
    });

    it('takes images embedded through DrawingML and VML, reports linked ones, and finds a main part not called document.xml', async () => {
      const blip = (attr: string) => `<w:r><w:drawing><a:graphic><a:graphicData><a:blip ${attr}/></a:graphicData></a:graphic></w:drawing></w:r>`;
      const parsed = await parseItemDocx(
        await handMade(
          p(r('单项选择题')) +
            p(`${r('1. 图示（ ）。')}${blip('r:embed="rId7"')}`) +
            p(r('A、一 B、二 C、三 D、四')) +
            p(r('答案：A')) +
            p(`${r('2. 图示（ ）。')}<w:r><w:pict><v:shape><v:imagedata r:id="rId7"/></v:shape></w:pict></w:r>`) +
            p(r('A、一 B、二 C、三 D、四')) +
            p(r('答案：B')) +
            p(`${r('3. 图示（ ）。')}${blip('r:link="rId8"')}`) +
            p(r('A、一 B、二 C、三 D、四')) +
            p(r('答案：C')),
          { mainPart: 'word/document2.xml' },
        ),
      );
      const sha256 = createHash('sha256').update(PNG).digest('hex');
      expect(parsed.images.map((i) => [i.sha256, i.contentType])).toEqual([[sha256, 'image/png']]);
      expect(raws(parsed).map((x) => x.images)).toEqual([[sha256], [sha256], []]);
      expect(rowMessages(parsed.rows[2])).toEqual(['第8段 图片: 图片是链接到外部文件的，没有嵌入文档，无法导入']);
    });

    it('refuses a package whose document part is not well-formed XML', async () => {
      const bytes = await handMade(p(r('1. 甲')) + '<w:p>');
      expect((await parseItemDocx(bytes)).problems.map((x) => x.message)).toEqual([NOT_DOCX]);
    });
  });
});
