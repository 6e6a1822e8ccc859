import { crc32, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { chineseNumber } from '../../../app/domain/format.js';
import { NOTICE_GROUPS, type PracticalTask, type PreparationNotice } from '../../../app/domain/practical-task.js';
import { rubricRowSchema } from '../../../app/domain/rubric.js';
import type { DocumentImage, PracticalPaperData, PracticalPaperTask } from '../../../app/domain/submission/documents.js';
import {
  figureSize,
  practicalCandidateNoticeDocx,
  practicalPaperDocx,
  practicalScoreSheetDocx,
  practicalSiteNoticeDocx,
} from '../../../templates/docx/practical-paper.js';
import {
  CANDIDATE_ID_LINE,
  NO_CANDIDATE_PREPARATION,
  NO_SITE_PREPARATION,
  NOTICE_COLUMNS,
  stripNumber,
  TASK_SCORE_COLUMNS,
  TOTAL_SCORE_COLUMNS,
} from '../../../app/domain/submission/wording/practical.js';
import { sampleHeader, sampleTasks } from '../../helpers/documents.js';
import { imageInfo } from '../../../templates/docx/images.js';
import { docxPart, docxParagraphs, renderPdf } from '../../helpers/office.js';

const MARK = '机密★启用前';
const MODULE_NAMES: Record<string, string> = { A: '绘制二维图', B: '绘制三维图', C: '图档管理' };

function firstOf(module: string): PracticalTask {
  const task = sampleTasks().find((t) => t.module === module);
  if (!task) throw new Error(`no sample task of module ${module}`);
  return task;
}

function paperTask(number: number, task: PracticalTask, images: readonly DocumentImage[] = []): PracticalPaperTask {
  return { number, task, moduleName: MODULE_NAMES[task.module] ?? '', mode: '必考', images };
}

/** One task per module A/B/C of the sample bank: 60 + 30 + 10 points, 200 minutes. */
function sampleSet(tasks: readonly PracticalPaperTask[] = ['A', 'B', 'C'].map((m, i) => paperTask(i + 1, firstOf(m)))): PracticalPaperData {
  return { header: sampleHeader(), setLabel: '甲', minutes: 200, totalPoints: 100, paperCode: '3-01-02-07-4-J-甲', tasks };
}

const EMPTY_NOTICE: PreparationNotice = { equipment: [], tools: [], measuring: [], materials: [], notes: [] };

/** Tables of the body: rows of cell texts (a cell's paragraphs joined with newlines). */
async function docxTables(bytes: Uint8Array): Promise<string[][][]> {
  const xml = await docxPart(bytes);
  const text = (fragment: string) =>
    [...fragment.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? '').join('')).join('\n');
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => text(c[0]))),
  );
}

/** Paragraphs from `start` (exclusive) to the next paragraph matching `next` (or the end). */
function section(paras: readonly string[], start: string, next: RegExp): string[] {
  const from = paras.indexOf(start);
  expect(from, `${start} in the document`).toBeGreaterThanOrEqual(0);
  const rest = paras.slice(from + 1);
  const to = rest.findIndex((p) => next.test(p));
  return to < 0 ? rest : rest.slice(0, to);
}

/** A real (tiny, grey) RGB PNG of the given size. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xa0)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

/** The start of a baseline JPEG (SOI, APP0, SOF0) — enough for the size reader. */
function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

const image = (bytes: Uint8Array, n: number): DocumentImage => ({ sha256: n.toString(16).padStart(64, '0'), contentType: 'image/png', bytes });

describe('templates/docx/practical-paper', () => {
  const data = sampleSet();

  describe('#practicalSiteNoticeDocx', () => {
    it('has the title, the intro and per 试题 one 序号|名称|规格|单位|数量|备注 table per non-empty group', async () => {
      const bytes = await practicalSiteNoticeDocx(data);
      const paras = await docxParagraphs(bytes);
      expect(paras[0]! + paras[1]!).toBe('制图员（机械）四级/中级工 技能考核 考场准备通知单（甲套）');
      expect(paras.some((p) => p.startsWith('本通知单所列设备、工具、量具、材料由考场准备'))).toBe(true);
      const tables = await docxTables(bytes);
      const expectedTables = data.tasks.flatMap((t) => NOTICE_GROUPS.filter((g) => t.task.siteNotice[g].length > 0).map((g) => t.task.siteNotice[g]));
      expect(tables).toHaveLength(expectedTables.length);
      tables.forEach((rows, i) => {
        expect(rows[0]).toEqual([...NOTICE_COLUMNS]);
        const expected = expectedTables[i]!.map((r, n) => [String(n + 1), r.name, r.spec, r.unit, r.quantity, r.remark]);
        expect(rows.slice(1)).toEqual(expected);
      });
      expect(paras).toContain('（一）设备');
      expect(paras).toContain('（四）材料');
    });

    it('lists each 试题 with its own rows, and the rows only there', async () => {
      const bytes = await practicalSiteNoticeDocx(data);
      const paras = await docxParagraphs(bytes);
      const candidateParas = await docxParagraphs(await practicalCandidateNoticeDocx(data));
      const rowsOf = (pick: (t: PracticalTask) => PreparationNotice) => data.tasks.flatMap((t) => NOTICE_GROUPS.flatMap((g) => pick(t.task)[g])).map((r) => r.name);
      const allSite = rowsOf((t) => t.siteNotice);
      const allCandidate = rowsOf((t) => t.candidateNotice);
      for (const t of data.tasks) {
        const own = section(paras, `试题${t.number}：${t.task.title}`, /^试题\d+：/);
        for (const g of NOTICE_GROUPS) for (const row of t.task.siteNotice[g]) expect(own, `${row.name} under 试题${t.number}`).toContain(row.name);
        for (const note of t.task.siteNotice.notes) expect(own.some((p) => p.includes(note))).toBe(true);
      }
      // what only candidates bring is not in the site notice, and the other way round
      for (const name of allCandidate.filter((n) => !allSite.includes(n))) expect(paras).not.toContain(name);
      for (const name of allSite.filter((n) => !allCandidate.includes(n))) expect(candidateParas).not.toContain(name);
      expect(paras).not.toContain(NO_SITE_PREPARATION);
    });

    it('says 本题无需考场另行准备 for a 试题 without site needs, and keeps the other 试题', async () => {
      const [a, b, c] = data.tasks;
      const bare = { ...b!, task: { ...b!.task, siteNotice: EMPTY_NOTICE } };
      const bytes = await practicalSiteNoticeDocx(sampleSet([a!, bare, c!]));
      const paras = await docxParagraphs(bytes);
      expect(section(paras, `试题2：${b!.task.title}`, /^试题\d+：/)).toContain(NO_SITE_PREPARATION);
      expect(paras.filter((p) => p === NO_SITE_PREPARATION)).toHaveLength(1);
      expect(paras).toContain(`试题3：${c!.task.title}`);
    });

    it('prints the secrecy mark and the sample note in the page header', async () => {
      const bytes = await practicalSiteNoticeDocx(data);
      expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toContain('word/header1.xml');
      expect(await docxParagraphs(bytes, 'word/header1.xml')).toEqual([MARK, '样例（演示用，非正式题库）']);
      expect((await docxParagraphs(bytes, 'word/footer1.xml')).join('')).toContain(MARK);
    });
  });

  describe('#practicalCandidateNoticeDocx', () => {
    it('has the title, the 准考证和身份证 line and every candidate row under its 试题', async () => {
      const bytes = await practicalCandidateNoticeDocx(data);
      const paras = await docxParagraphs(bytes);
      expect(paras[0]! + paras[1]!).toBe('制图员（机械）四级/中级工 技能考核 考生准备通知单（甲套）');
      expect(paras).toContain(CANDIDATE_ID_LINE);
      expect(CANDIDATE_ID_LINE).toContain('考生须携带准考证和身份证');
      for (const t of data.tasks) {
        const own = section(paras, `试题${t.number}：${t.task.title}`, /^试题\d+：/);
        for (const g of NOTICE_GROUPS) for (const row of t.task.candidateNotice[g]) expect(own).toContain(row.name);
      }
      expect(await docxParagraphs(bytes, 'word/header1.xml')).toContain(MARK);
    });

    it('says 本题无需考生另行准备 when the candidate brings nothing, notes or not', async () => {
      const [a, b, c] = data.tasks;
      const bare = { ...a!, task: { ...a!.task, candidateNotice: EMPTY_NOTICE } };
      const notesOnly = { ...c!, task: { ...c!.task, candidateNotice: { ...EMPTY_NOTICE, notes: ['自带黑色签字笔。'] } } };
      const paras = await docxParagraphs(await practicalCandidateNoticeDocx(sampleSet([bare, b!, notesOnly])));
      expect(section(paras, `试题1：${a!.task.title}`, /^试题\d+：/)).toContain(NO_CANDIDATE_PREPARATION);
      const third = section(paras, `试题3：${c!.task.title}`, /^试题\d+：/);
      expect(third).toContain(NO_CANDIDATE_PREPARATION);
      expect(third).toContain('1. 自带黑色签字笔。');
      expect(paras.filter((p) => p === NO_CANDIDATE_PREPARATION)).toHaveLength(2);
    });
  });

  describe('#practicalPaperDocx', () => {
    it('has the title, 注意事项 with the time, and each 试题 with 分值, 时间, 形式 and numbered requirements', async () => {
      const bytes = await practicalPaperDocx(data);
      const paras = await docxParagraphs(bytes);
      expect(paras[0]! + paras[1]!).toBe('制图员（机械）四级/中级工 技能考核试卷（甲套）');
      expect(paras).toContain('注　意　事　项');
      expect(paras).toContain('1. 考试时间：200分钟。本试卷共 3 道试题，满分 100 分。');
      for (const t of data.tasks) {
        const own = section(paras, `试题${t.number}、${t.task.title}`, /^试题\d+、/);
        expect(own.slice(0, 4)).toEqual([`本题分值：${t.task.points}分`, `考核时间：${t.task.minutes}分钟`, `考核形式：${t.task.form}`, '具体考核要求：']);
        expect(own).toContain(t.task.description);
        t.task.requirements.forEach((r, i) => expect(own).toContain(`${i + 1}. ${stripNumber(r)}`));
        expect(own).toContain(t.task.figureNote);
      }
      // 试题2 and 试题3 start new pages; 试题1 follows the 注意事项
      expect((await docxPart(bytes)).match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
    });

    it('embeds PNG figures scaled to at most 14 cm wide with their aspect kept, and captions them', async () => {
      const [a, b, c] = data.tasks;
      const withImages = { ...a!, images: [image(png(1200, 600), 1), image(png(40, 30), 2)] };
      const bytes = await practicalPaperDocx(sampleSet([withImages, b!, c!]));
      const zip = await JSZip.loadAsync(bytes);
      expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
      const xml = await docxPart(bytes);
      const EMU = 9525;
      expect(xml).toContain(`<wp:extent cx="${529 * EMU}" cy="${265 * EMU}"/>`);
      expect(xml).toContain(`<wp:extent cx="${40 * EMU}" cy="${30 * EMU}"/>`);
      const paras = await docxParagraphs(bytes);
      expect(paras).toContain('图1-1');
      expect(paras).toContain('图1-2');
      expect(paras).toContain('附图及说明：');
    });

    it('refuses a figure that is neither PNG nor JPEG, and a set whose points do not add up', async () => {
      const [a, b, c] = data.tasks;
      const broken = { ...b!, images: [image(new TextEncoder().encode('not an image at all, just text'), 3)] };
      await expect(practicalPaperDocx(sampleSet([a!, broken, c!]))).rejects.toThrow(/试题2的附图 .* 不是可识别的 PNG 或 JPEG 图片/);
      await expect(practicalPaperDocx({ ...data, totalPoints: 90 })).rejects.toThrow('各试题分值之和为 100，与试卷总分 90 不符');
      await expect(practicalPaperDocx({ ...data, tasks: [] })).rejects.toThrow('没有试题');
    });
  });

  describe('#practicalScoreSheetDocx', () => {
    it('has the title and the 考件编号/姓名/准考证号/单位/试卷编号 fields', async () => {
      const bytes = await practicalScoreSheetDocx(data);
      const paras = await docxParagraphs(bytes);
      expect(paras[0]! + paras[1]!).toBe('制图员（机械）四级/中级工 技能考核评分记录表（甲套）');
      const [fields] = await docxTables(bytes);
      expect(fields).toEqual([
        ['考件编号', '', '姓名', '', '准考证号', ''],
        ['单位', '', '试卷编号', '3-01-02-07-4-J-甲'],
      ]);
    });

    it('puts the 总成绩表 on page 1: one row per 试题, 合计 100, then 统分人', async () => {
      const bytes = await practicalScoreSheetDocx(data);
      const [, totals] = await docxTables(bytes);
      expect(totals).toEqual([
        [...TOTAL_SCORE_COLUMNS],
        ['1', `试题1、${data.tasks[0]!.task.title}`, '60', '', ''],
        ['2', `试题2、${data.tasks[1]!.task.title}`, '30', '', ''],
        ['3', `试题3、${data.tasks[2]!.task.title}`, '10', '', ''],
        ['合计', '100', '', ''],
      ]);
      const paras = await docxParagraphs(bytes);
      expect(paras).toContain('总 成 绩 表');
      expect(paras).toContain('统分人：________　　年　　月　　日');
    });

    it('has per 试题 a page with every rubric row (考核内容, 考核要求, 配分, 评分标准), 合计 and 评分人/核分人', async () => {
      const bytes = await practicalScoreSheetDocx(data);
      const tables = (await docxTables(bytes)).slice(2);
      expect(tables).toHaveLength(3);
      data.tasks.forEach((t, i) => {
        const rows = tables[i]!;
        expect(rows[0]).toEqual([...TASK_SCORE_COLUMNS]);
        expect(rows.slice(1, -1)).toEqual(t.task.rubric.map((r, n) => [String(n + 1), r.content, r.keyPoint, String(r.points), r.criteria, '', '', r.deductionNote]));
        expect(rows.at(-1)).toEqual(['合计', String(t.task.points), '', '', '', '']);
      });
      const paras = await docxParagraphs(bytes);
      for (const t of data.tasks) expect(paras).toContain(`试题${t.number}、${t.task.title}`);
      const signatures = paras.filter((p) => p.startsWith('评分人：'));
      expect(signatures).toEqual(Array<string>(3).fill('评分人：________　　年　　月　　日　　　核分人：________　　年　　月　　日'));
      expect((await docxPart(bytes)).match(/<w:pageBreakBefore\/>/g)).toHaveLength(3);
      expect(await docxParagraphs(bytes, 'word/header1.xml')).toContain(MARK);
    });

    it('prints 0.5-point rows and a long rubric row whole', async () => {
      const [a, b, c] = data.tasks;
      const long = rubricRowSchema.parse({ content: '长文本考核内容', keyPoint: '要'.repeat(499) + '止', points: 59.5, criteria: `${'扣'.repeat(993)}ENDMARK`, deductionNote: '备'.repeat(200) });
      const half = rubricRowSchema.parse({ content: '安全文明生产', keyPoint: '遵守纪律', points: 0.5, criteria: '违规扣0.5分' });
      const task = { ...a!, task: { ...a!.task, rubric: [long, half] } };
      const bytes = await practicalScoreSheetDocx(sampleSet([task, b!, c!]));
      const rows = (await docxTables(bytes))[2]!;
      expect(rows[1]).toEqual(['1', long.content, long.keyPoint, '59.5', long.criteria, '', '', long.deductionNote]);
      expect(rows[2]?.[3]).toBe('0.5');
      expect(rows.at(-1)?.[1]).toBe('60');
    });

    it('refuses rubric rows that do not add up to the 试题 points, and 试题 that do not add up to the total', async () => {
      const [a, b, c] = data.tasks;
      const off = { ...a!, task: { ...a!.task, rubric: a!.task.rubric.slice(1) } };
      await expect(practicalScoreSheetDocx(sampleSet([off, b!, c!]))).rejects.toThrow(/试题1（绘制轴承座零件图）评分标准各行配分之和为 44，与本题分值 60 不符/);
      await expect(practicalScoreSheetDocx({ ...data, totalPoints: 120 })).rejects.toThrow('各试题分值之和为 100，与试卷总分 120 不符');
    });
  });

  describe('helpers', () => {
    it('reads PNG and JPEG sizes from their headers and nothing else', () => {
      expect(imageInfo(png(3, 2))).toEqual({ type: 'png', width: 3, height: 2 });
      expect(imageInfo(jpegHeader(640, 480))).toEqual({ type: 'jpg', width: 640, height: 480 });
      expect(imageInfo(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeUndefined();
      expect(imageInfo(new Uint8Array(0))).toBeUndefined();
      expect(imageInfo(new TextEncoder().encode('GIF89a…'))).toBeUndefined();
    });

    it('scales figures down to 14 cm wide (529 px) or 20 cm high, never up', () => {
      expect(figureSize({ width: 1058, height: 100 })).toEqual({ width: 529, height: 50 });
      expect(figureSize({ width: 100, height: 1512 })).toEqual({ width: 50, height: 756 });
      expect(figureSize({ width: 200, height: 100 })).toEqual({ width: 200, height: 100 });
    });

    it('strips typed numbers but not measurements, and counts in Chinese', () => {
      expect(['1. 表达', '2、尺寸', '（3）技术', '(4) 图线', '5．字体', '3.5 mm 线宽', '3 个视图'].map(stripNumber)).toEqual(['表达', '尺寸', '技术', '图线', '字体', '3.5 mm 线宽', '3 个视图']);
      expect([1, 4, 10, 12, 20, 35].map(chineseNumber)).toEqual(['一', '四', '十', '十二', '二十', '三十五']);
    });
  });

  describe('rendered with LibreOffice', () => {
    const withFigure = () => {
      const [a, b, c] = data.tasks;
      return sampleSet([{ ...a!, images: [image(png(800, 400), 1)] }, b!, c!]);
    };
    const documents = [
      { name: '考场准备通知单', make: () => practicalSiteNoticeDocx(data), title: ['制图员（机械）四级/中级工', '技能考核 考场准备通知单（甲套）'], minPages: 1 },
      { name: '考生准备通知单', make: () => practicalCandidateNoticeDocx(data), title: ['制图员（机械）四级/中级工', '技能考核 考生准备通知单（甲套）'], minPages: 1 },
      { name: '试卷', make: () => practicalPaperDocx(withFigure()), title: ['制图员（机械）四级/中级工', '技能考核试卷（甲套）'], minPages: 3 },
      { name: '评分记录表', make: () => practicalScoreSheetDocx(data), title: ['制图员（机械）四级/中级工', '技能考核评分记录表（甲套）'], minPages: 4 },
    ];
    for (const d of documents) {
      it(`renders the ${d.name} with its title and the mark`, { timeout: 180_000 }, async (ctx) => {
        const pdf = renderPdf(await d.make(), `${d.name}.docx`);
        if (pdf === undefined) return ctx.skip();
        expect(pdf.pages).toBeGreaterThanOrEqual(d.minPages);
        for (const line of d.title) expect(pdf.text).toContain(line);
        expect(pdf.text).toContain(MARK);
        expect(pdf.text).toContain(`第 1 页 共 ${pdf.pages} 页`);
      });
    }

    it('renders a rubric row taller than a page without losing its end', { timeout: 180_000 }, async (ctx) => {
      const [a, b, c] = data.tasks;
      const long = rubricRowSchema.parse({ content: '长文本', keyPoint: '要'.repeat(500), points: 60, criteria: `${'扣'.repeat(993)}ENDMARK` });
      const pdf = renderPdf(await practicalScoreSheetDocx(sampleSet([{ ...a!, task: { ...a!.task, rubric: [long] } }, b!, c!])), 'long.docx');
      if (pdf === undefined) return ctx.skip();
      expect(pdf.pages).toBeGreaterThanOrEqual(5);
      expect(pdf.text).toContain('ENDMARK');
      expect(pdf.text).toContain('核分人');
    });
  });
});
