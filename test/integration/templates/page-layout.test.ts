/**
 * The submission's documents as LibreOffice prints them (one run for all): demo-like data of every class
 * (three sets of papers, answers, notices, 试题 and 评分记录表; the 细目表 and 结构表 twins; the 名单 twins; the
 * 审核意见), read back from the PDF — no page holding only a signature block or a stray item or two lines,
 * the candidate line on the 试题, the 审核意见's conclusion and signatures on one page, the twins with the
 * same columns, and the xlsx 细目表 printed readably with its 合计, header band and marks.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { theoryElementTableSchema } from '../../../app/domain/element-table.js';
import { practicalStructureSchema } from '../../../app/domain/practical-structure.js';
import type { ReviewOpinionData } from '../../../app/domain/submission/documents.js';
import { DEFAULT_REVIEW_CHECKLIST } from '../../../app/domain/submission/notes.js';
import { sampleElementTable, samplePracticalStructure } from '../../../app/demo/sample-bank.js';
import { practicalStructureDocx, theoryElementTableDocx } from '../../../templates/docx/element-tables.js';
import { packDocx } from '../../../templates/docx/kit.js';
import { practicalCandidateNoticeDocx, practicalPaperDocx, practicalScoreSheetDocx, practicalSiteNoticeDocx } from '../../../templates/docx/practical-paper.js';
import { reviewOpinionDocx } from '../../../templates/docx/review-opinion.js';
import { teamListDocx } from '../../../templates/docx/team-list.js';
import { theoryAnswersDocx } from '../../../templates/docx/theory-answers.js';
import { theoryPaperDocx } from '../../../templates/docx/theory-paper.js';
import { PRACTICAL_SHEET_NAME, practicalStructureXlsx, theoryElementTableXlsx, THEORY_SHEET_NAME } from '../../../templates/xlsx/element-table/index.js';
import { teamListXlsx } from '../../../templates/xlsx/team-list.js';
import { SAMPLE_SETS, sampleExperts, sampleHeader, samplePaper, samplePracticalSet, sampleTeam } from '../../helpers/documents.js';
import { docxPart, renderPdfs, type RenderedPdf } from '../../helpers/office.js';
import { loadWorkbook, sheetOf } from '../../helpers/xlsx.js';

const HEADER = sampleHeader();
const MARK = HEADER.mark;
const GENERATED_AT = new Date('2026-11-23T08:00:00.000Z');
const THEORY = theoryElementTableSchema.parse(sampleElementTable());
const STRUCTURE = practicalStructureSchema.parse(samplePracticalStructure());
const OCCUPATION = { occupationName: '制图员', occupationCode: '3-01-02-07', track: '机械', secrecyMark: MARK, generatedAt: GENERATED_AT };

/** A page with fewer lines of its own than this is a stray page (unless it is the document's only one). */
const MIN_LINES = 6;
/** Lines that sign or close a form: a page of these alone proves nothing. */
const SIGNING = /评分人|核分人|统分人|签名|审核组长|年\s*月\s*日|盖章|填表人|审表人|^注：/;

function review(overrides: Partial<ReviewOpinionData> = {}): ReviewOpinionData {
  const checklist = DEFAULT_REVIEW_CHECKLIST.map((item) => ({ item, result: '' as const }));
  return { header: HEADER, checklist, conclusion: '', opinion: '', experts: sampleExperts(), leader: '', round: 1, ...overrides };
}

/** A long review: fourteen checks and a long opinion push the conclusion onto a second page. */
const LONG_REVIEW = review({
  checklist: Array.from({ length: 14 }, (_, i) => ({ item: `${DEFAULT_REVIEW_CHECKLIST[i % DEFAULT_REVIEW_CHECKLIST.length] ?? ''}（第${String(i + 1)}项）`, result: '符合' as const })),
  conclusion: '修改后通过',
  opinion: Array.from({ length: 8 }, (_, i) => `${String(i + 1)}. 个别试题的表述需要进一步推敲，评分标准的扣分点应与考核要求一一对应，请开发组逐条修改后提交复审。`).join('\n'),
  leader: '陈静',
});

interface Doc {
  readonly name: string;
  readonly bytes: Uint8Array;
}

async function documents(): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (let i = 0; i < SAMPLE_SETS.length; i += 1) {
    const paper = samplePaper(i);
    const practical = samplePracticalSet(i);
    docs.push(
      { name: `theory-${String(i)}.docx`, bytes: await theoryPaperDocx(paper) },
      { name: `answers-${String(i)}.docx`, bytes: await theoryAnswersDocx(paper) },
      { name: `site-${String(i)}.docx`, bytes: await practicalSiteNoticeDocx(practical) },
      { name: `candidate-${String(i)}.docx`, bytes: await practicalCandidateNoticeDocx(practical) },
      { name: `paper-${String(i)}.docx`, bytes: await practicalPaperDocx(practical) },
      { name: `score-${String(i)}.docx`, bytes: await practicalScoreSheetDocx(practical) },
    );
  }
  const tables = { header: HEADER, theory: THEORY, practical: STRUCTURE };
  const structure = practicalStructureDocx(tables);
  if (structure === null) throw new Error('the sample structure has the sample level');
  docs.push(
    { name: 'elements.docx', bytes: await packDocx(theoryElementTableDocx(tables)) },
    { name: 'elements-x.xlsx', bytes: await theoryElementTableXlsx({ ...OCCUPATION, level: 4, table: THEORY }) },
    { name: 'structure.docx', bytes: await packDocx(structure) },
    { name: 'structure-x.xlsx', bytes: await practicalStructureXlsx({ ...OCCUPATION, structure: STRUCTURE }) },
    { name: 'team.docx', bytes: await packDocx(teamListDocx({ header: HEADER, members: sampleTeam() })) },
    { name: 'team-x.xlsx', bytes: await teamListXlsx({ header: HEADER, members: sampleTeam() }, GENERATED_AT) },
    { name: 'review.docx', bytes: await packDocx(reviewOpinionDocx(review())) },
    { name: 'review-long.docx', bytes: await packDocx(reviewOpinionDocx(LONG_REVIEW)) },
  );
  return docs;
}

/** The pages of a PDF as pdftotext reads them, each as its lines without the page furniture (mark, note, 第 X 页 共 Y 页). */
function pages(pdf: RenderedPdf): string[][] {
  const texts = pdf.text.split('\f').slice(0, pdf.pages);
  return texts.map((t) =>
    t
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter((l) => l !== '' && l !== MARK && l !== HEADER.sampleNote && !/^第 \d+ 页 共 \d+ 页/.test(l)),
  );
}

/** Tables of a docx body: rows of cell texts, a cell spanning n columns followed by n − 1 empty ones. */
async function docxTables(bytes: Uint8Array): Promise<string[][][]> {
  const xml = await docxPart(bytes);
  const text = (fragment: string) => [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? '').join('');
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].flatMap((c) => [text(c[0]), ...Array<string>(Number(/<w:gridSpan w:val="(\d+)"/.exec(c[0])?.[1] ?? '1') - 1).fill('')]),
    ),
  );
}

/** A sheet's row as texts: white space removed, the covered cells of a merge empty. */
function sheetRow(ws: ExcelJS.Worksheet, row: number, from = 1, to = ws.columnCount): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const cell = ws.getRow(row).getCell(from + i);
    return cell.type === ExcelJS.ValueType.Merge || cell.value === null ? '' : String(cell.value).replace(/\s+/g, '');
  });
}

/** Font sizes the PDF draws text at, with how often (from the Tf operators of its content streams). */
function fontSizes(pdf: Uint8Array): Map<number, number> {
  const raw = Buffer.from(pdf);
  const latin = raw.toString('latin1');
  const sizes = new Map<number, number>();
  for (const m of latin.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = latin.indexOf('endstream', start);
    let content = '';
    try {
      content = inflateSync(raw.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const t of content.matchAll(/([\d.]+) Tf/g)) sizes.set(Number(t[1]), (sizes.get(Number(t[1])) ?? 0) + 1);
  }
  return sizes;
}

describe('submission documents printed by LibreOffice', () => {
  const docs = new Map<string, Doc>();
  const rendered = new Map<string, RenderedPdf>();

  beforeAll(async () => {
    for (const d of await documents()) docs.set(d.name, d);
    const pdfs = renderPdfs([...docs.values()].map((d) => ({ bytes: d.bytes, fileName: d.name })));
    [...docs.keys()].forEach((name, i) => {
      const pdf = pdfs?.[i];
      if (pdf !== undefined) rendered.set(name, pdf);
    });
  }, 600_000);

  /** The rendering of a document; skips the test where LibreOffice or pdftotext is missing. */
  function pdfOf(name: string, skip: () => void): RenderedPdf | undefined {
    const pdf = rendered.get(name);
    if (pdf === undefined || pdf.text === '') skip();
    return pdf;
  }

  it('never leaves a page holding only a signature block, or fewer than a few lines of its own', (ctx) => {
    if (rendered.size === 0) ctx.skip();
    for (const [name, pdf] of rendered) {
      const all = pages(pdf);
      all.forEach((lines, i) => {
        const where = `${name} p.${String(i + 1)}: ${JSON.stringify(lines)}`;
        expect(lines.some((l) => !SIGNING.test(l)), where).toBe(true);
        if (all.length > 1) expect(lines.length, where).toBeGreaterThanOrEqual(MIN_LINES);
      });
    }
  });

  it('keeps at least two items on every page of the theory papers, the last included', (ctx) => {
    for (let i = 0; i < SAMPLE_SETS.length; i += 1) {
      const pdf = pdfOf(`theory-${String(i)}.docx`, () => ctx.skip());
      if (pdf === undefined) return;
      const perPage = pages(pdf).map((lines) => lines.filter((l) => /^\d+\. /.test(l)).length);
      expect(perPage.every((n) => n >= 2), JSON.stringify(perPage)).toBe(true);
      expect(perPage.reduce((a, n) => a + n, 0)).toBe(170);
    }
  });

  it('keeps the 合计 row and a rubric row with the 评分人/核分人 line of every 评分记录表', (ctx) => {
    for (let i = 0; i < SAMPLE_SETS.length; i += 1) {
      const pdf = pdfOf(`score-${String(i)}.docx`, () => ctx.skip());
      if (pdf === undefined) return;
      for (const lines of pages(pdf).filter((l) => l.some((x) => x.includes('核分人')))) {
        const at = lines.findIndex((l) => l.includes('核分人'));
        expect(lines.slice(0, at).some((l) => /^合计/.test(l)), JSON.stringify(lines)).toBe(true);
        expect(lines.slice(0, at).some((l) => /^\d+ /.test(l)), JSON.stringify(lines)).toBe(true);
      }
    }
  });

  it('prints the candidate line (姓名, 准考证号, 单位 with blanks) under the title of the 技能考核试题', (ctx) => {
    const pdf = pdfOf('paper-0.docx', () => ctx.skip());
    if (pdf === undefined) return;
    const first = pages(pdf)[0] ?? [];
    const titleAt = first.findIndex((l) => l.includes('技能考核试卷'));
    const candidateAt = first.findIndex((l) => /姓名_+ ?准考证号_+ ?单位_+/.test(l));
    expect(titleAt).toBeGreaterThanOrEqual(0);
    expect(candidateAt).toBeGreaterThan(titleAt);
    expect(first.findIndex((l) => l.replace(/ /g, '') === '注意事项')).toBeGreaterThan(candidateAt);
  });

  it('puts the 审核意见’s conclusion, the experts’ 签名, the 审核组长 and the institution on one page, with the round', (ctx) => {
    for (const name of ['review.docx', 'review-long.docx']) {
      const pdf = pdfOf(name, () => ctx.skip());
      if (pdf === undefined) return;
      const withConclusion = pages(pdf).filter((lines) => lines.some((l) => l.startsWith('审核结论')));
      expect(withConclusion, name).toHaveLength(1);
      const page = (withConclusion[0] ?? []).join('\n').replace(/ /g, '');
      for (const part of ['签名', '审核组长（签名）', '审核组织单位（盖章）', '审核专家不少于5人']) expect(page, `${name}: ${part}`).toContain(part);
      expect(pdf.text).toContain('审核组长');
      expect(pdf.text.replace(/[ \t]+/g, ' ')).toContain(name === 'review.docx' ? '第 1 次审核' : '陈静');
    }
    // The usual review (six checks, five experts) is one page; the long one needs two.
    expect(rendered.get('review.docx')?.pages).toBe(1);
    expect(rendered.get('review-long.docx')?.pages).toBe(2);
  });

  it('gives the docx and the xlsx 细目表 the same column headers in the same order, 代码 before 名称', async () => {
    const table = (await docxTables(docs.get('elements.docx')?.bytes ?? new Uint8Array()))[0] ?? [];
    const docxLeaves = [...(table[2] ?? []).filter((t) => t !== ''), ...(table[1] ?? []).filter((t) => t !== '').slice(3)];
    const ws = sheetOf(await loadWorkbook(docs.get('elements-x.xlsx')?.bytes ?? new Uint8Array()), THEORY_SHEET_NAME);
    const xlsxLeaves = [...sheetRow(ws, 5, 1, 12), ...sheetRow(ws, 4, 13, 15)];
    expect(docxLeaves).toEqual(xlsxLeaves);
    expect(xlsxLeaves.slice(0, 4)).toEqual(['代码', '名称', '鉴定比重(%)', '重要程度比例']);
    expect(xlsxLeaves.slice(12)).toEqual(['代码', '名称', '重要程度']);
    expect((table[0] ?? []).filter((t) => t !== '')).toEqual(sheetRow(ws, 3).filter((t) => t !== ''));
  });

  it('prints the 技能考核内容结构表 docx as the same matrix as the xlsx', async () => {
    const table = (await docxTables(docs.get('structure.docx')?.bytes ?? new Uint8Array()))[0] ?? [];
    const ws = sheetOf(await loadWorkbook(docs.get('structure-x.xlsx')?.bytes ?? new Uint8Array()), PRACTICAL_SHEET_NAME);
    const sheet = Array.from({ length: table.length }, (_, i) => sheetRow(ws, 3 + i));
    expect(table.map((row) => row.map((t) => t.replace(/\s+/g, '')))).toEqual(sheet);
    expect(table.length).toBe(3 + 4 * STRUCTURE.levels.length);
  });

  it('prints the xlsx 细目表 one page wide at ≥ 9 pt, with the header band on every page, 合计, breaks between 鉴定范围 and the mark once in header and footer', async (ctx) => {
    const bytes = docs.get('elements-x.xlsx')?.bytes ?? new Uint8Array();
    const ws = sheetOf(await loadWorkbook(bytes), THEORY_SHEET_NAME);
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:5' });
    expect(ws.headerFooter.oddHeader).toContain(MARK);
    expect(ws.headerFooter.oddFooter).toContain(`第 &P 页 共 &N 页    ${MARK}`);
    expect(String(ws.getCell(6 + 113, 1).value)).toMatch(/^合计　鉴定比重 100　重要程度比例 \(92:16:5\)　鉴定点 113 个/);
    const xml = (await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].length;

    const pdf = pdfOf('elements-x.xlsx', () => ctx.skip());
    if (pdf === undefined) return;
    // LibreOffice adds no break of its own: every page ends where the sheet says (between 鉴定范围).
    expect(pdf.pages).toBe(breaks + 1);
    pdf.text
      .split('\f')
      .slice(0, pdf.pages)
      .forEach((page, i) => {
        expect(page, `page ${String(i + 1)}`).toContain('鉴定范围');
        expect(page.split(MARK).length - 1, `page ${String(i + 1)}: the mark in the header and the footer`).toBe(2);
        expect(page.replace(/[ \t]+/g, ' ')).toContain(`第 ${String(i + 1)} 页 共 ${String(pdf.pages)} 页 ${MARK}`);
      });
    expect(pdf.text).toContain('合计');
    const sizes = [...fontSizes(pdf.pdf)].sort((a, b) => b[1] - a[1]);
    expect(sizes[0]?.[0] ?? 0, JSON.stringify(sizes)).toBeGreaterThanOrEqual(9);
  });

  it('sets 职称 and 职务 on one line in both 名单 (高级工程师, 教研室主任)', (ctx) => {
    for (const name of ['team.docx', 'team-x.xlsx']) {
      const pdf = pdfOf(name, () => ctx.skip());
      if (pdf === undefined) return;
      for (const word of ['高级工程师', '教研室主任', '题库管理员', '020-8000-0101']) expect(pdf.text, `${name}: ${word}`).toContain(word);
    }
  });
});
