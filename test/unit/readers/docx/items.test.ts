import { createHash } from 'node:crypto';
import { ImageRun, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { theoryItemRules, theoryItemSchema } from '../../../../app/domain/theory-item.js';
import { formatProblem, validate } from '../../../../app/domain/validation.js';
import { itemReaderMessages } from '../../../../app/readers/items/messages.js';
import { itemTemplateXlsx } from '../../../../templates/xlsx/item-template.js';
import { answerLineLayout, bracketLayout, brokenLines, docxOf, nationalPaperLayout, parseDocx, PNG, raws, rowMessages, sampleTheory, SINGLE_OPTIONS, someOfEach, tableOf, withImages } from './fixtures.js';

describe('readers/docx/items', () => {
  describe('#parseItemDocx', () => {
    it('reads back every sample item written with answer, 难度, 鉴定点 and 解析 lines', async () => {
      const items = sampleTheory();
      const parsed = await parseDocx(await docxOf(answerLineLayout(items)));
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(raws(parsed)).toEqual(withImages(items));
      expect(parsed.rows[0]).toMatchObject({ paragraph: 2, section: '一、判断题' });
      expect(parsed.rows.filter((r) => r.section === '二、单项选择题')).toHaveLength(489);
      for (const row of parsed.rows.slice(0, 200)) expect(validate(theoryItemSchema, row.raw, theoryItemRules).ok).toBe(true);
    });

    it('reads a national-bank paper with its title block, inline options and the key table at the end', async () => {
      const items = someOfEach(12);
      const parsed = await parseDocx(await docxOf(nationalPaperLayout(items)));
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(raws(parsed)).toEqual(withImages(items));
      expect(parsed.rows[0]?.section).toBe('一、判断题');
    });

    it('does not take a title naming the 参考答案 for the key table', async () => {
      const parsed = await parseDocx(await docxOf(['制图员中级理论知识试卷及参考答案', '判断题', '1. 甲。', '2. 乙。', '参考答案', '1.√ 2.×']));
      expect(raws(parsed).map((r) => r.key)).toEqual([true, false]);
    });

    it('reads keys written in the stem brackets, codes in front of the number and full-width markers', async () => {
      const items = someOfEach(15);
      const parsed = await parseDocx(await docxOf(bracketLayout(items)));
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(raws(parsed)).toEqual(withImages(items));
    });

    it('counts paragraphs from 1 and names the section of each item', async () => {
      const parsed = await parseDocx(
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
      const parsed = await parseDocx(await docxOf(['单项选择题', ...blocks]));
      expect(raws(parsed).map((r) => r.stem)).toEqual(['甲（ ）。', '乙（ ）。', '丙（ ）。', '丁（ ）。']);
      const paren = await parseDocx(await docxOf(['单项选择题', '（1）甲（ ）。', 'A、一 B、二 C、三 D、四', '答案：A', '(2) 乙（ ）。', 'A、一 B、二 C、三 D、四', '答案：B']));
      expect(raws(paren).map((r) => [r.stem, r.key])).toEqual([
        ['甲（ ）。', 'A'],
        ['乙（ ）。', 'B'],
      ]);
    });

    it('keeps (1) lines inside an item numbered 1. as part of the stem', async () => {
      const parsed = await parseDocx(await docxOf(['多项选择题', '1. 下列说法正确的是（ ）。', '（1）第一种说法', '（2）第二种说法', 'A. (1) B. (2) C. 都对 D. 都不对', '答案：AB']));
      expect(parsed.rows).toHaveLength(1);
      expect(raws(parsed)[0]).toMatchObject({ stem: '下列说法正确的是（ ）。\n（1）第一种说法\n（2）第二种说法', options: ['(1)', '(2)', '都对', '都不对'], key: 'AB' });
    });

    it('finds the 鉴定点 code before or after the number, at the end of the stem, on a line, or petroleum-style', async () => {
      const option = 'A、一 B、二 C、三 D、四';
      const parsed = await parseDocx(
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
      const parsed = await parseDocx(
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
      const parsed = await parseDocx(
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
      const parsed = await parseDocx(
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
      const parsed = await parseDocx(
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
      const parsed = await parseDocx(
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
      const parsed = await parseDocx(
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
      const parsed = await parseDocx(await docxOf(['1. 甲。', '2. 乙（ ）。', 'A、一 B、二 C、三 D、四', '参考答案', '一、判断题', '1.×', '二、单项选择题', '2.D']));
      expect(parsed.problems).toEqual([]);
      expect(raws(parsed).map((r) => [r.type, r.key])).toEqual([
        ['trueFalse', false],
        ['singleChoice', 'D'],
      ]);
    });

    it('matches a key table without headings by its runs when numbering restarts', async () => {
      const parsed = await parseDocx(
        await docxOf(['一、判断题', '1. 甲。', '2. 乙。', '二、单项选择题', '1. 丙（ ）。', 'A、一 B、二 C、三 D、四', '2. 丁（ ）。', 'A、一 B、二 C、三 D、四', '参考答案：', '1.√ 2.× 1.A 2.B']),
      );
      expect(raws(parsed).map((r) => r.key)).toEqual([true, false, 'A', 'B']);
    });

    it('reads a key table laid out as a Word table of 题号 over 答案 rows, and ranges of multi-letter keys', async () => {
      const parsed = await parseDocx(
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
      const parsed = await parseDocx(await docxOf(['单项选择题', '1. 甲（ C ）。', 'A、一 B、二 C、三 D、四', '参考答案', '1.B 2.C 3-5 AB C']));
      expect(raws(parsed)[0]).toMatchObject({ key: 'C', stem: '甲（ ）。' });
      expect(rowMessages(parsed.rows[0])).toEqual(['第2段 答案: 答案与参考答案表不一致（试题中为“C”，参考答案为“B”）']);
      expect(parsed.problems.map((p) => formatProblem(p))).toEqual([
        '参考答案第5段：“3-5”的答案个数与题数不符',
        '参考答案第2题（第5段）没有对应的试题',
      ]);
    });

    it('names the paragraph of an item without an answer', async () => {
      const parsed = await parseDocx(await docxOf(['单项选择题', '1. 甲（ ）。', 'A、一 B、二 C、三 D、四', '答案：A', '2. 乙（ ）。', 'A、一 B、二 C、三 D、四']));
      expect(rowMessages(parsed.rows[1])).toEqual(['第5段 答案: 缺少答案']);
      expect(parsed.rows[1]?.problems[0]).toMatchObject({ path: ['key'], severity: 'error' });
    });

    it('reports unreadable keys, difficulties and stray text with the paragraph they are in', async () => {
      const parsed = await parseDocx(
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
      const parsed = await parseDocx(await docxOf(['四、简答题', '1. 简述比例的含义。', '答案：图中图形与实物相应要素的线性尺寸之比。']));
      expect(rowMessages(parsed.rows[0])).toEqual(['第2段 题型: 无法识别“简答题”']);
      expect(raws(parsed)[0]).toMatchObject({ type: '简答题', key: '图中图形与实物相应要素的线性尺寸之比。' });
      const unknown = await parseDocx(await docxOf(['1. 比例是什么？', '答案：线性尺寸之比']));
      expect(rowMessages(unknown.rows[0])).toEqual(['第1段 题型: 无法判断题型（没有题型标题，也看不出是判断题还是选择题）']);
    });

    it('reports a 判断题 with options', async () => {
      const parsed = await parseDocx(await docxOf(['判断题', '1. 甲。', 'A、一 B、二', '答案：√', '2. 乙。', 'A、正确 B、错误', '答案：B']));
      expect(rowMessages(parsed.rows[0])).toEqual(['第2段 选项: 判断题不应有选项（第3段）']);
      expect(raws(parsed).map((r) => [r.key, r.options])).toEqual([
        [true, undefined],
        [false, undefined],
      ]);
      expect(parsed.rows[1]?.problems).toEqual([]);
    });

    it('takes an embedded PNG into the images and the item that shows it', async () => {
      const image = (size: number) => new ImageRun({ type: 'png', data: PNG, transformation: { width: size, height: size } });
      const parsed = await parseDocx(
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
        expect(await parseDocx(bytes)).toEqual({ rows: [], images: [], problems: [expect.objectContaining({ severity: 'error', message: itemReaderMessages.notDocx })] });
      }
    });

    it('reports a document without items', async () => {
      const parsed = await parseDocx(await docxOf(['制图员理论知识试卷', '本试卷共两部分。']));
      expect(parsed.rows).toEqual([]);
      expect(parsed.problems.map((p) => p.message)).toEqual(['文档中没有找到试题（题干应以“1.”“1、”或“（1）”等题号开头）']);
    });
  });
});
