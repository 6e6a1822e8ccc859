import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { DocumentImage, TheoryPaperData, TheoryPaperSection } from '../../../app/domain/submission/documents.js';
import { formatKey, type TheoryItem, type TheoryItemType } from '../../../app/domain/theory-item.js';
import { theoryAnswersDocx } from '../../../templates/docx/theory-answers.js';
import { imageDisplaySize, imagePixelSize, theoryPaperDocx } from '../../../templates/docx/theory-paper.js';
import { stemWithBracket } from '../../../app/domain/submission/wording/theory.js';
import { sampleHeader, sampleItems } from '../../helpers/documents.js';
import { docxPart, docxParagraphs, renderPdf } from '../../helpers/office.js';

const ITEMS = sampleItems();
const TITLE = '制图员（机械）四级/中级工 理论知识试卷（甲套）';

const ofType = (type: TheoryItemType, n: number, skip = 0): TheoryItem[] => ITEMS.filter((i) => i.type === type).slice(skip, skip + n);

/** Sections numbered on from `first`, in the given order. */
function sections(parts: readonly { type: TheoryItemType; count: number; pointsEach: number; skip?: number; images?: Record<number, DocumentImage[]> }[], first = 1): TheoryPaperSection[] {
  let number = first;
  return parts.map((p) => ({
    type: p.type,
    pointsEach: p.pointsEach,
    items: ofType(p.type, p.count, p.skip).map((item) => {
      const n = number;
      number += 1;
      return { number: n, item, images: p.images?.[n] ?? [] };
    }),
  }));
}

function paperData(secs: TheoryPaperSection[], overrides: Partial<TheoryPaperData> = {}): TheoryPaperData {
  const total = secs.reduce((a, s) => a + s.pointsEach * s.items.length, 0);
  return { header: sampleHeader(), setLabel: '甲', minutes: 120, totalPoints: total, sections: secs, sealLine: true, standardYear: '2019', paperCode: '3-01-02-07-4-L-甲', ...overrides };
}

/** 20 判断 × 1 + 140 单选 × 0.5 + 10 多选 × 1 = 100 points, 120 minutes. */
const FULL = paperData(
  sections([
    { type: 'trueFalse', count: 20, pointsEach: 1 },
    { type: 'singleChoice', count: 140, pointsEach: 0.5 },
    { type: 'multipleChoice', count: 10, pointsEach: 1 },
  ]),
);

/** 3 判断 × 2 + 2 单选 × 2 + 2 多选 × 5 = 20 points. */
const SMALL = paperData(
  sections([
    { type: 'trueFalse', count: 3, pointsEach: 2 },
    { type: 'singleChoice', count: 2, pointsEach: 2 },
    { type: 'multipleChoice', count: 2, pointsEach: 5 },
  ]),
  { setLabel: '乙', minutes: 90 },
);

// --- a tiny PNG encoder, for image items -------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A grey-scale PNG of `width` × `height`: a black frame and a diagonal on white. */
function png(width: number, height: number): DocumentImage {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc((width + 1) * height, 255);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x += 1) {
      const edge = x < 3 || y < 3 || x >= width - 3 || y >= height - 3 || Math.abs(Math.round((x * height) / width) - y) < 2;
      if (edge) raw[y * (width + 1) + 1 + x] = 0;
    }
  }
  const bytes = new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]));
  return { sha256: 'a'.repeat(64), contentType: 'image/png', bytes };
}

/** Stem paragraphs `n. …` → their numbers, in order. */
const itemNumbers = (paragraphs: readonly string[]) => paragraphs.flatMap((p) => /^(\d+)\. /.exec(p)?.[1] ?? []).map(Number);

/** The answers of the key tables: the cells after each `答案` label, blanks (padding) dropped. */
function keyAnswers(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap((p, i) => (p === '答案' ? paragraphs.slice(i + 1, i + 11).filter((a) => a !== '') : []));
}
function keyNumbers(paragraphs: readonly string[]): number[] {
  return paragraphs.flatMap((p, i) => (p === '题号' ? paragraphs.slice(i + 1, i + 11).filter((a) => a !== '').map(Number) : []));
}

const allItems = (data: TheoryPaperData) => data.sections.flatMap((s) => s.items);

describe('templates/docx/theory-paper', () => {
  describe('#theoryPaperDocx', () => {
    it('prints the 密封线, the title, 注意事项 with the standard and the time, and the 得分表', async () => {
      const p = await docxParagraphs(await theoryPaperDocx(FULL));
      expect(p[0]).toBe('姓名____________　　准考证号____________________　　单位________________________');
      expect(p[1]).toBe('……………………… 考 生 答 题 不 准 超 过 此 线 ………………………');
      expect(p[2]).toBe(TITLE);
      expect(p[3]).toBe('试卷编号：3-01-02-07-4-L-甲');
      expect(p.slice(4, 9)).toEqual([
        '注意事项',
        '1、本试卷依据《制图员》国家职业技能标准（2019年版）命制，考试时间：120分钟。',
        '2、请首先按要求在试卷的标封处填写您的姓名、准考证号和所在单位的名称。',
        '3、请仔细阅读各种题目的回答要求，在规定的位置填写您的答案。',
        '4、不要在试卷上乱写乱画，不要在标封区填写无关的内容。',
      ]);
      // 得分表: a header row '' 一 二 三 总分 统分人, then 得分 and six blanks.
      const at = p.indexOf('统分人');
      expect(p.slice(at - 5, at + 1)).toEqual(['', '一', '二', '三', '总分', '统分人']);
      expect(p.slice(at + 1, at + 7)).toEqual(['得分', '', '', '', '', '']);
    });

    it('prints each section’s 得分/评分人 box and header with the range, the rule and the points', async () => {
      const p = await docxParagraphs(await theoryPaperDocx(FULL));
      const headers = p.filter((t) => /^[一二三四]、/.test(t));
      expect(headers).toEqual([
        '一、判断题（第1题～第20题。将判断结果填入括号中。正确的填“√”，错误的填“×”。每题1分，满分20分。）',
        '二、单项选择题（第21题～第160题。选择一个正确的答案，将相应的字母填入题内的括号中。每题0.5分，满分70分。）',
        '三、多项选择题（第161题～第170题。选择正确的答案，将相应的字母填入题内的括号中。错选、少选、多选均不得分。每题1分，满分10分。）',
      ]);
      for (const h of headers) {
        const i = p.indexOf(h);
        expect(p.slice(i - 4, i)).toEqual(['得分', '', '评分人', '']);
      }
    });

    it('prints every item once, in order, with its stem as stored and an answer bracket, and its options', async () => {
      const p = await docxParagraphs(await theoryPaperDocx(FULL));
      expect(itemNumbers(p)).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));
      for (const { number, item } of allItems(FULL)) {
        const stem = `${number}. ${stemWithBracket(item.stem)}`;
        expect(p.filter((t) => t === stem)).toHaveLength(1);
        if (item.type === 'trueFalse') {
          if (!/[（(]\s*[）)]/.test(item.stem)) expect(stem.endsWith('（）')).toBe(true);
          continue;
        }
        // The options follow the stem: A., B., … each once, in order.
        const options = p.slice(p.indexOf(stem) + 1, p.indexOf(stem) + 1 + item.options.length).join('\t').split('\t');
        expect(options.slice(0, item.options.length)).toEqual(item.options.map((o, i) => `${'ABCDE'[i] ?? ''}. ${o}`));
      }
    });

    it('prints every answer bracket wide (character spacing on its “（”) without changing the text', async () => {
      const stored = { ...ofType('singleChoice', 1)[0]!, stem: '图样中（ ）的尺寸以毫米为单位，（　　）不标注。' } as TheoryItem;
      const data = paperData([{ type: 'singleChoice', pointsEach: 1, items: [{ number: 1, item: stored, images: [] }] }]);
      const bytes = await theoryPaperDocx(data);
      expect(await docxParagraphs(bytes)).toContain(`1. ${stored.stem}`);
      const runs = [...(await docxPart(bytes)).matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*<\/w:r>/g)].map((m) => m[0]);
      const spacings = runs.filter((r) => r.includes('>（</w:t>')).map((r) => Number(/<w:spacing w:val="(\d+)"\/>/.exec(r)?.[1]));
      // 五号 = 210 twips a character: 2.5 characters of room less a space (¼) or two ideographic spaces.
      expect(spacings).toEqual([Math.round(2.25 * 210), Math.round(0.5 * 210)]);
    });

    it('puts short options four to a line on tab stops, long ones one to a line', async () => {
      const short = { ...ofType('singleChoice', 1)[0]!, options: ['粗实线', '细实线', '虚线', '点画线'], stem: '可见轮廓线用（ ）绘制。' } as TheoryItem;
      const long = {
        ...ofType('singleChoice', 1)[0]!,
        options: ['图样中的尺寸以毫米为单位时不需标注计量单位的代号或名称', '图样中所标注的尺寸为该图样所示机件的最后完工尺寸', '机件的每一尺寸一般只标注一次', '尺寸应标注在反映该结构最清晰的图形上'],
      } as TheoryItem;
      const data = paperData([{ type: 'singleChoice', pointsEach: 1, items: [{ number: 1, item: short, images: [] }, { number: 2, item: long, images: [] }] }]);
      const bytes = await theoryPaperDocx(data);
      const p = await docxParagraphs(bytes);
      expect(p).toContain('A. 粗实线\tB. 细实线\tC. 虚线\tD. 点画线');
      const i = p.indexOf(`2. ${long.stem}`);
      expect(p.slice(i + 1, i + 5)).toEqual(long.type === 'trueFalse' ? [] : long.options.map((o, k) => `${'ABCD'[k] ?? ''}. ${o}`));
      expect(await docxPart(bytes)).toMatch(/<w:tabs>\s*<w:tab w:val="left" w:pos="\d+"\/>/);
    });

    it('never prints the answers: no key after a stem, no explanation, no 答案', async () => {
      const bytes = await theoryPaperDocx(FULL);
      const p = await docxParagraphs(bytes);
      const text = p.join('\n');
      expect(text).not.toContain('答案：');
      expect(text).not.toMatch(/[（(]\s*(?:[A-E]{1,5}|√|×)\s*[）)]/);
      for (const { number, item } of allItems(FULL)) {
        if (item.explanation !== '') expect(text).not.toContain(item.explanation);
        const stem = p.find((t) => t.startsWith(`${number}. `)) ?? '';
        if (item.type === 'multipleChoice') expect(stem.endsWith(item.key)).toBe(false);
        expect(stem).toBe(`${number}. ${stemWithBracket(item.stem)}`);
      }
    });

    it('carries 机密★启用前 and the sample note in the header and PAGE/NUMPAGES in the footer', async () => {
      const bytes = await theoryPaperDocx(FULL);
      expect(await docxParagraphs(bytes, 'word/header1.xml')).toEqual(['机密★启用前', '样例（演示用，非正式题库）']);
      const footer = await docxPart(bytes, 'word/footer1.xml');
      expect(footer).toMatch(/PAGE/);
      expect(footer).toMatch(/NUMPAGES/);
      expect((await docxParagraphs(bytes, 'word/footer1.xml')).join('')).toMatch(/^第 .*页 共 .*页/);
    });

    it('leaves out the year of the standard when unknown, and the 密封线 when not wanted', async () => {
      const p = await docxParagraphs(await theoryPaperDocx({ ...SMALL, standardYear: '', sealLine: false }));
      expect(p[0]).toBe('制图员（机械）四级/中级工 理论知识试卷（乙套）');
      expect(p).toContain('1、本试卷依据《制图员》国家职业技能标准命制，考试时间：90分钟。');
      expect(p.some((t) => t.includes('不 准 超 过 此 线'))).toBe(false);
    });

    it('skips a section without items and numbers the rest 一、二 …, printing item numbers as given', async () => {
      const secs = sections(
        [
          { type: 'trueFalse', count: 0, pointsEach: 1 },
          { type: 'singleChoice', count: 3, pointsEach: 2 },
          { type: 'multipleChoice', count: 2, pointsEach: 2 },
        ],
        41,
      );
      const data = paperData(secs);
      const p = await docxParagraphs(await theoryPaperDocx(data));
      expect(p.filter((t) => /^[一二三]、/.test(t)).map((t) => t.slice(0, t.indexOf('。')))).toEqual(['一、单项选择题（第41题～第43题', '二、多项选择题（第44题～第45题']);
      expect(p.some((t) => t.startsWith('一、判断题') || t.startsWith('三、'))).toBe(false);
      expect(itemNumbers(p)).toEqual([41, 42, 43, 44, 45]);
      const at = p.indexOf('统分人');
      expect(p.slice(at - 4, at + 1)).toEqual(['', '一', '二', '总分', '统分人']);
      const a = await docxParagraphs(await theoryAnswersDocx(data));
      expect(keyNumbers(a)).toEqual([41, 42, 43, 44, 45]);
    });

    it('prints a one-item section as 第n题', async () => {
      const data = paperData(sections([{ type: 'trueFalse', count: 1, pointsEach: 1 }], 7));
      const p = await docxParagraphs(await theoryPaperDocx(data));
      expect(p).toContain('一、判断题（第7题。将判断结果填入括号中。正确的填“√”，错误的填“×”。每题1分，满分1分。）');
    });

    it('embeds an item’s image, scaled to at most 12 cm wide with its aspect', async () => {
      const wide = png(900, 300);
      const small = png(40, 20);
      const data = paperData(
        sections([
          { type: 'trueFalse', count: 2, pointsEach: 1, images: { 2: [small] } },
          { type: 'singleChoice', count: 2, pointsEach: 1, images: { 3: [wide] } },
        ]),
      );
      expect(imagePixelSize(wide)).toEqual({ width: 900, height: 300 });
      expect(imageDisplaySize(wide)).toEqual({ width: 454, height: 151 });
      expect(imageDisplaySize(small)).toEqual({ width: 40, height: 20 });
      const bytes = await theoryPaperDocx(data);
      const zip = await JSZip.loadAsync(bytes);
      expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
      const xml = await docxPart(bytes);
      const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(extents).toEqual([
        [40 * 9525, 20 * 9525],
        [454 * 9525, 151 * 9525],
      ]);
      // The picture sits between the stem and the options of item 3.
      const body = xml.slice(xml.indexOf('3. '));
      expect(body.indexOf('<w:drawing>')).toBeLessThan(body.indexOf('A. '));
    });

    it('reads the pixel size of a JPEG from its SOF marker', () => {
      // SOI, APP0 (length 16), SOF0 with height 120 and width 200, EOI.
      const bytes = new Uint8Array([
        0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x78, 0x00, 0xc8, 0x03,
        0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
      ]);
      expect(imagePixelSize({ sha256: 'b'.repeat(64), contentType: 'image/jpeg', bytes })).toEqual({ width: 200, height: 120 });
      expect(imagePixelSize({ sha256: 'b'.repeat(64), contentType: 'image/jpeg', bytes: new Uint8Array([1, 2, 3]) })).toBeUndefined();
    });

    it('refuses a paper whose declared total differs from the sum of its sections', async () => {
      await expect(theoryPaperDocx({ ...SMALL, totalPoints: 100 })).rejects.toThrow('试卷总分 100 分与各题型分值之和 20 分不一致');
      await expect(theoryAnswersDocx({ ...SMALL, totalPoints: 100 })).rejects.toThrow('不一致');
    });
  });

  describe('#theoryAnswersDocx', () => {
    it('prints the title, one line per section with its points and the 170 keys in order', async () => {
      const bytes = await theoryAnswersDocx(FULL);
      const p = await docxParagraphs(bytes);
      expect(p.slice(0, 2)).toEqual([TITLE, '标准答案与评分标准']);
      expect(p.filter((t) => /^[一二三]、/.test(t))).toEqual([
        '一、判断题（第1题～第20题。每题1分，满分20分。）',
        '二、单项选择题（第21题～第160题。每题0.5分，满分70分。）',
        '三、多项选择题（第161题～第170题。每题1分，满分10分。）',
      ]);
      expect(keyNumbers(p)).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));
      expect(keyAnswers(p)).toEqual(allItems(FULL).map((e) => formatKey(e.item)));
      expect(keyAnswers(p).slice(0, 20).every((k) => k === '√' || k === '×')).toBe(true);
      expect(keyAnswers(p).slice(160).every((k) => /^[A-E]{2,5}$/.test(k) && [...k].sort().join('') === k)).toBe(true);
      expect(await docxParagraphs(bytes, 'word/header1.xml')).toContain('机密★启用前');
    });

    it('ends with the 评分标准 per 题型 and the total', async () => {
      const p = await docxParagraphs(await theoryAnswersDocx(FULL));
      const at = p.indexOf('评分标准');
      expect(p.slice(at)).toEqual([
        '评分标准',
        '1、判断题：每题1分，共20题，答对得1分，答错或不答不得分。',
        '2、单项选择题：每题0.5分，共140题，答对得0.5分，答错或不答不得分。',
        '3、多项选择题：每题1分，共10题，全部选对得1分；错选、少选、多选均不得分。',
        '4、本试卷总分100分（判断题20分＋单项选择题70分＋多项选择题10分）。',
      ]);
    });

    it('pads the last row of a key table and keeps each 题号 row with its 答案 row', async () => {
      const bytes = await theoryAnswersDocx(SMALL);
      const p = await docxParagraphs(bytes);
      expect(keyNumbers(p)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(keyAnswers(p)).toEqual(allItems(SMALL).map((e) => formatKey(e.item)));
      const i = p.indexOf('题号');
      expect(p.slice(i, i + 22)).toEqual(['题号', '1', '2', '3', ...Array<string>(7).fill(''), '答案', ...allItems(SMALL).slice(0, 3).map((e) => formatKey(e.item)), ...Array<string>(7).fill('')]);
      expect(p).toContain('4、本试卷总分20分（判断题6分＋单项选择题4分＋多项选择题10分）。');
      const xml = await docxPart(bytes);
      const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      expect(rows.filter((r) => r.includes('>题号<')).every((r) => r.includes('<w:keepNext/>'))).toBe(true);
      expect(rows.filter((r) => r.includes('>答案<')).some((r) => r.includes('<w:keepNext/>'))).toBe(false);
    });
  });

  describe('rendered with LibreOffice', () => {
    it('lays the paper out over ≥ 8 pages and the answers over ≥ 1, with mark, page numbers and headers', { timeout: 240_000 }, async (ctx) => {
      const paper = renderPdf(await theoryPaperDocx(FULL), 'paper.docx');
      if (paper === undefined) {
        ctx.skip();
        return;
      }
      expect(paper.pages).toBeGreaterThanOrEqual(8);
      const flat = (s: string) => s.replace(/[ \t]+/g, ' ');
      for (const text of ['机密★启用前', '第 1 页 共', '一、判断题', '三、多项选择题']) expect(flat(paper.text)).toContain(text);
      expect(paper.text.replace(/\s+/g, '')).toContain(TITLE.replace(/\s+/g, ''));
      expect(flat(paper.text)).toContain(`共 ${paper.pages} 页`);
      const answers = renderPdf(await theoryAnswersDocx(FULL), 'answers.docx');
      expect(answers?.pages).toBeGreaterThanOrEqual(1);
      for (const text of ['机密★启用前', '第 1 页 共', '一、判断题', '标准答案与评分标准']) expect(flat(answers?.text ?? '')).toContain(text);
    });
  });
});
