/**
 * Word papers in the layouts of old item files, generated here with the `docx` package from the sample
 * items: each must read back to the same items (without 鉴定点 and 难度, which these papers lack).
 */
import { Document, LevelFormat, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { brokenLines, docxOf, LETTERS, parseDocx, raws, rowMessages, someOfEach, tableOf, tfMark, type Block, type SampleTheory } from './fixtures.js';

const items = someOfEach(4);
/** What a paper without 鉴定点, 难度 and 解析 gives back. */
const expected = (list: readonly SampleTheory[]) =>
  list.map((i) => ({ ...i, element: undefined, difficulty: undefined, explanation: '', images: [] }));
const key = (i: SampleTheory) => (i.type === 'trueFalse' ? tfMark(i.key) : i.key);
const optionLine = (i: SampleTheory, marker = (k: number) => `${LETTERS[k] ?? ''}.`) =>
  i.type === 'trueFalse' ? [] : [i.options.map((o, k) => `${marker(k)}${o}`).join(' ')];

/** Items under headings (one per 题型, from `heading`), numbered through the paper, each followed by `after`. */
function paper(heading: (type: SampleTheory['type'], n: number) => Block, item: (i: SampleTheory, n: number) => Block[], list = items): Block[] {
  const blocks: Block[] = ['制图员（四级）理论知识试卷', '注意事项：本试卷共三部分，满分100分。'];
  let type = '';
  let section = 0;
  list.forEach((i, n) => {
    if (i.type !== type) {
      type = i.type;
      blocks.push(heading(i.type, section++));
    }
    blocks.push(...item(i, n + 1));
  });
  return blocks;
}

const answerLine = (i: SampleTheory, n: number): Block[] => [`${n}. ${i.stem}`, ...optionLine(i), `答案：${key(i)}`];
const WORD = { trueFalse: '判断题', singleChoice: '单项选择题', multipleChoice: '多项选择题' } as const;
const NUM = ['一', '二', '三'];

async function expectItems(blocks: readonly Block[], list = items): Promise<void> {
  const parsed = await parseDocx(await docxOf(blocks));
  expect(parsed.problems).toEqual([]);
  expect(parsed.rows.map(rowMessages).flat()).toEqual([]);
  expect(raws(parsed)).toEqual(expected(list));
}

describe('readers/docx: layouts of old papers', () => {
  describe('section headings', () => {
    const headings: [string, (t: SampleTheory['type'], n: number) => string][] = [
      ['【单项选择题】', (t) => `【${WORD[t]}】`],
      ['【 单项选择题 】 with spaces', (t) => `【 ${WORD[t]} 】`],
      ['〔判断题〕', (t) => `〔${WORD[t]}〕`],
      ['［判断题］ (full-width square brackets)', (t) => `［${WORD[t]}］`],
      ['〖判断题〗', (t) => `〖${WORD[t]}〗`],
      ['一、【判断题】', (t, n) => `${NUM[n] ?? ''}、【${WORD[t]}】`],
      ['【单项选择题】（每题1分，共40题）', (t) => `【${WORD[t]}】（每题1分，共40题）`],
      ['【单项选择题】每题1分，共40题', (t) => `【${WORD[t]}】每题1分，共40题。`],
      ['一、【判断题】（每题1分）', (t, n) => `${NUM[n] ?? ''}、 【${WORD[t]}】（每题1分，共20分）`],
      ['判 断 题 (spaced letters)', (t, n) => `${NUM[n] ?? ''}、${[...WORD[t]].join(' ')}`],
      ['单选题：(short names with a colon)', (t) => `${{ trueFalse: '判断题', singleChoice: '单选题', multipleChoice: '多选题' }[t]}：`],
      ['Ⅱ．单项选择题 (Roman numerals)', (t, n) => `${['Ⅰ', 'Ⅱ', 'Ⅲ'][n] ?? ''}．${WORD[t]}`],
      ['第一部分：判断题', (t, n) => `第${NUM[n] ?? ''}部分：${WORD[t]}`],
      ['（一）判断题 共20题', (t, n) => `（${NUM[n] ?? ''}）${WORD[t]} 共20题`],
    ];
    for (const [name, heading] of headings) {
      it(`recognises ${name}`, async () => {
        await expectItems(paper(heading, answerLine));
        const parsed = await parseDocx(await docxOf(paper(heading, answerLine)));
        expect(new Set(parsed.rows.map((r) => r.section)).size).toBe(3);
      });
    }

    it('tells single from multiple choice in a 选择题 section by its note', async () => {
      const single = items.filter((i) => i.type === 'singleChoice');
      const multiple = items.filter((i) => i.type === 'multipleChoice');
      const blocks = [
        '一、选择题（下列每题的选项中，只有1个是正确的）',
        ...single.flatMap((i, n) => answerLine(i, n + 1)),
        '二、选择题（每题有2个或2个以上正确答案）',
        ...multiple.flatMap((i, n) => answerLine(i, n + 1)),
      ];
      await expectItems(blocks, [...single, ...multiple]);
    });

    it('reads an item on the line of its heading and a 题型 tag after the number', async () => {
      const [tf, sc, mc] = [items[0], items[4], items[8]] as [SampleTheory, SampleTheory, SampleTheory];
      const blocks = [
        `【判断题】1. ${tf.stem}`, `答案：${key(tf)}`,
        `2.【单选题】${sc.stem}`, ...optionLine(sc), `答案：${key(sc)}`,
        `3. [多选题]（2分）${mc.stem}`, ...optionLine(mc), `答案：${key(mc)}`,
      ];
      await expectItems(blocks, [tf, sc, mc]);
    });

    it('does not take a stem that begins with a 题型 word for a heading', async () => {
      const parsed = await parseDocx(await docxOf(['判断题', '1. 判断题的答案只能是对或错。', '答案：√', '2. 判断下列说法时应看全句。', '答案：×']));
      expect(raws(parsed).map((r) => [r.stem, r.key])).toEqual([
        ['判断题的答案只能是对或错。', true],
        ['判断下列说法时应看全句。', false],
      ]);
    });
  });

  describe('answers', () => {
    it('reads answers in the stem’s brackets: （A） for choices, （√）（×）（对）（错误） for 判断', async () => {
      const marks = ['（√）', '（错误）', '（对）', '（×）'];
      let t = 0;
      const blocks = paper(
        (type) => `【${WORD[type]}】`,
        (i, n) =>
          i.type === 'trueFalse'
            ? [`${n}. ${i.stem}${i.key ? ['（√）', '（对）', '（正确）'][t++ % 3] : ['（×）', '（错）', '（错误）'][t++ % 3]}`]
            : [`${n}. ${i.stem.replace(/（\s*）/, `（${i.key.split('').join('、')}）`)}`, ...optionLine(i)],
      );
      expect(marks).toHaveLength(4);
      await expectItems(blocks);
    });

    it('reads the answer bracket written before the number: （√）1. 题干 and （ B ）2. 题干', async () => {
      const blocks = paper(
        (type) => `【${WORD[type]}】`,
        (i, n) => (i.type === 'trueFalse' ? [`（${key(i)}）${n}. ${i.stem}`] : [`（ ${i.key} ）${n}．${i.stem}`, ...optionLine(i)]),
      );
      await expectItems(blocks);
    });

    it('reads answers in brackets or with a full stop on the 答案 line, and headings 第一题 判断题', async () => {
      const blocks = paper(
        (type, n) => `第${NUM[n] ?? ''}题 ${WORD[type]}`,
        (i, n) => [`${n}. ${i.stem}`, ...optionLine(i), n % 2 === 0 ? `答案：（${key(i)}）` : `答案：${key(i)}。`],
      );
      await expectItems(blocks);
    });

    it('reads 答案：A on its own line, 答案 A, 答：A, 【答案】A and a value on the next line', async () => {
      const forms = [(k: string) => [`答案：${k}`], (k: string) => [`答案 ${k}`], (k: string) => [`答：${k}`], (k: string) => [`【答案】${k}`], (k: string) => ['【答案】', k], (k: string) => [`正确答案为${k}`]];
      const blocks = paper((type) => `【${WORD[type]}】`, (i, n) => [`${n}. ${i.stem}`, ...optionLine(i), ...(forms[n % forms.length]?.(key(i)) ?? [])]);
      await expectItems(blocks);
    });

    it('reads 判断 keys written √ × 对 错 正确 错误', async () => {
      const words = [['√', '×'], ['对', '错'], ['正确', '错误']] as const;
      const blocks = paper((type) => `【${WORD[type]}】`, (i, n) => [`${n}. ${i.stem}`, ...optionLine(i), `答案：${i.type === 'trueFalse' ? words[n % 3]?.[i.key ? 0 : 1] : i.key}`]);
      await expectItems(blocks);
    });

    it('reads a key table at the end: a Word table of 题号 over 答案, or a column of 题号 and 答案', async () => {
      const bare = (i: SampleTheory, n: number) => [`${n}. ${i.stem}`, ...optionLine(i)];
      const numbers = items.map((_, n) => String(n + 1));
      await expectItems([...paper((type) => `【${WORD[type]}】`, bare), '参考答案', tableOf([['题号', ...numbers], ['答案', ...items.map(key)]])]);
      await expectItems([...paper((type) => `【${WORD[type]}】`, bare), '【答案】', tableOf([['题号', '答案'], ...items.map((i, n) => [String(n + 1), key(i)])])]);
    });

    it('reads the key after each section, and a key table without a heading', async () => {
      const blocks: Block[] = [];
      for (const type of ['trueFalse', 'singleChoice', 'multipleChoice'] as const) {
        const list = items.filter((i) => i.type === type);
        blocks.push(`${NUM[blocks.length === 0 ? 0 : 1]}、${WORD[type]}`, ...list.flatMap((i, n) => [`${n + 1}. ${i.stem}`, ...optionLine(i)]), '参考答案：', list.map((i, n) => `${n + 1}.${key(i)}`).join('  '));
      }
      await expectItems(blocks);
      const headless = [...paper((type) => WORD[type], (i, n) => [`${n}. ${i.stem}`, ...optionLine(i)]), items.map((i, n) => `${n + 1}-${key(i)}`).join(' ')];
      await expectItems(headless);
    });

    it('reads 1-10 BCADA BCADA and answers on the line of a key section’s heading', async () => {
      const single = Array.from({ length: 10 }, (_, n) => ({ ...(items[4] as SampleTheory), stem: `第${n + 1}个长度单位（ ）。`, key: 'BCADA'[n % 5] }) as SampleTheory);
      const blocks = ['一、单项选择题', ...single.flatMap((i, n) => [`${n + 1}. ${i.stem}`, ...optionLine(i)]), '标准答案', '一、单项选择题 1-10 BCADA BCADA'];
      await expectItems(blocks, single);
    });
  });

  describe('numbers and options', () => {
    it('reads headings, items and options numbered by Word itself (automatic numbering)', async () => {
      const numbered = (text: string, reference: string, level = 0) => new Paragraph({ text, numbering: { reference, level } });
      const children: Paragraph[] = [new Paragraph('制图员理论知识试卷')];
      let type = '';
      for (const i of items) {
        if (i.type !== type) {
          type = i.type;
          children.push(numbered(WORD[i.type], 'headings'));
        }
        children.push(numbered(i.stem, 'items'));
        if (i.type !== 'trueFalse') for (const o of i.options) children.push(numbered(o, 'items', 1));
        children.push(new Paragraph(`答案：${key(i)}`));
      }
      const document = new Document({
        numbering: {
          config: [
            { reference: 'headings', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }] },
            {
              reference: 'items',
              levels: [
                { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
                { level: 1, format: LevelFormat.UPPER_LETTER, text: '%2.' },
              ],
            },
          ],
        },
        sections: [{ children }],
      });
      const parsed = await parseDocx(new Uint8Array(await Packer.toBuffer(document)));
      expect(parsed.rows.map(rowMessages).flat()).toEqual([]);
      expect(raws(parsed)).toEqual(expected(items));
      expect(parsed.rows.map((r) => r.section)).toEqual(items.map((i) => `${{ trueFalse: '一', singleChoice: '二', multipleChoice: '三' }[i.type]}、${WORD[i.type]}`));
    });


    it('reads items numbered 1） and 第1题, and options marked A） or a.', async () => {
      const marked = (number: (n: number) => string, marker: (k: number) => string) =>
        paper((type) => `【${WORD[type]}】`, (i, n) => [`${number(n)}${i.stem}`, ...optionLine(i, marker), `答案：${key(i)}`]);
      await expectItems(marked((n) => `${n}）`, (k) => `${LETTERS[k] ?? ''}）`));
      await expectItems(marked((n) => `第${n}题 `, (k) => `${(LETTERS[k] ?? '').toLowerCase()}. `));
    });

    it('reads options one per line, two per line, and on the stem’s line', async () => {
      const blocks = paper(
        (type) => `【${WORD[type]}】`,
        (i, n) => {
          if (i.type === 'trueFalse') return [`${n}. ${i.stem}`, `答案：${key(i)}`];
          const marked = i.options.map((o, k) => `${LETTERS[k] ?? ''}、${o}`);
          const layouts = [[`${n}. ${i.stem}`, ...marked], [`${n}. ${i.stem}`, marked.slice(0, 2).join('    '), marked.slice(2).join('    ')], [`${n}. ${i.stem} ${marked.join(' ')}`]];
          return [...(layouts[n % 3] ?? []), `答案：${key(i)}`];
        },
      );
      await expectItems(blocks);
    });

    it('reads items laid out as a table under a header row (题干 … 答案), with their 鉴定点 and 难度 when given', async () => {
      const full = tableOf([
        ['题号', '题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '答案', '难度', '鉴定点代码', '解析', '备注'],
        ...items.map((i, n) => [String(n + 1), WORD[i.type], i.stem, ...[0, 1, 2, 3, 4].map((k) => (i.type === 'trueFalse' ? '' : (i.options[k] ?? ''))), key(i), String(i.difficulty), i.element, i.explanation, '']),
      ]);
      const parsed = await parseDocx(await docxOf(['制图员理论知识试题', full]));
      expect(parsed.rows.map(rowMessages).flat()).toEqual([]);
      expect(raws(parsed)).toEqual(items.map((i) => ({ ...i, images: [] })));
      const short = tableOf([['序号', '题目', '选项', '正确答案'], ...items.map((i, n) => [String(n + 1), i.stem, ...optionLine(i), ...(i.type === 'trueFalse' ? ['', key(i)] : [key(i)])])]);
      await expectItems(['【试题】', short]);
    });

    it('reads over 知识点 / 考点 / 分值 lines and takes 【分析】 as the explanation', async () => {
      const [tf] = items as [SampleTheory];
      const parsed = await parseDocx(await docxOf(['【判断题】', `1. ${tf.stem}`, '【知识点】图纸幅面', '分值：1分', `答案：${key(tf)}`, '【分析】国家标准规定。', '考点：图纸幅面']));
      expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      expect(raws(parsed)[0]).toMatchObject({ stem: tf.stem, key: tf.key, explanation: '国家标准规定。' });
    });

    it('reads an item whose lines are breaks inside one paragraph under a bracketed heading', async () => {
      const [, , , , sc] = items as SampleTheory[];
      await expectItems(['〔单项选择题〕', brokenLines([`1、${sc?.stem ?? ''}`, ...optionLine(sc as SampleTheory), `【答案】${sc?.key ?? ''}`])], [sc as SampleTheory]);
    });
  });
});
