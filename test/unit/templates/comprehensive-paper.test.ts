import { describe, expect, it } from 'vitest';
import { comprehensiveItemRules, comprehensiveItemSchema, type ComprehensiveItem } from '../../../app/domain/comprehensive-item.js';
import { levelName } from '../../../app/domain/level.js';
import type { ComprehensivePaperData } from '../../../app/domain/submission/documents.js';
import { validate } from '../../../app/domain/validation.js';
import { comprehensivePaperDocx } from '../../../templates/docx/comprehensive-paper.js';
import { COMPREHENSIVE_RUBRIC_COLUMNS, COMPREHENSIVE_SCORE_COLUMNS } from '../../../app/domain/submission/wording/practical.js';
import { sampleHeader } from '../../helpers/documents.js';
import { docxPart, docxParagraphs, renderPdf } from '../../helpers/office.js';

const MARK = '机密★启用前';

const RAW_ITEM = {
  title: '典型零件测绘与工程图样质量改进技术总结',
  form: '技术总结答辩',
  minutes: 40,
  instructions: [
    '1. 考生于考核前 15 日提交本人撰写的技术总结一篇，字数不少于 3000 字，内容须为本人近三年完成的工作。',
    '2. 答辩时先由考生陈述 10 分钟，再由评审组提问 20 分钟，考生逐题作答。',
    '3. 评审组由 3 名（含）以上单数考评人员组成，各自独立评分。',
  ],
  question: '结合本人近三年从事机械制图工作的实际，撰写一篇技术总结。\n内容应包括：工作背景、采用的技术方法、遇到的问题及解决措施、取得的成效与体会。',
  rubric: [
    { content: '选题', keyPoint: '选题来源于本人实际工作，具有代表性和推广价值', points: 10, criteria: '选题脱离本人工作扣5分；选题过窄或无实际意义扣3分', deductionNote: '' },
    { content: '技术内容', keyPoint: '技术方法正确，数据真实可靠，论证充分', points: 40, criteria: '技术错误每处扣5分；数据不可靠每处扣3分；论证不充分扣5～10分', deductionNote: '扣完本项配分为止' },
    { content: '文字表达', keyPoint: '结构合理，层次清楚，图表规范', points: 10, criteria: '结构混乱扣3分；图表不规范每处扣1分' },
    { content: '答辩', keyPoint: '陈述清楚，回答问题正确、完整', points: 40, criteria: '陈述超时扣2分；回答错误每题扣8分；回答不完整每题扣4分' },
  ],
  scoreSheet: [
    { aspect: '选题', keyPoint: '来源于本人实际工作，具有代表性', points: 10 },
    { aspect: '技术内容', keyPoint: '方法正确，数据可靠，论证充分', points: 40 },
    { aspect: '文字表达', keyPoint: '结构合理，图表规范', points: 10 },
    { aspect: '答辩', keyPoint: '陈述清楚，回答正确完整', points: 40 },
  ],
};

function item(raw: unknown = RAW_ITEM): ComprehensiveItem {
  const r = validate(comprehensiveItemSchema, raw, comprehensiveItemRules);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

function data(i: ComprehensiveItem = item()): ComprehensivePaperData {
  return { header: sampleHeader({ level: 2, levelName: levelName(2) }), setLabel: '甲', item: i };
}

async function docxTables(bytes: Uint8Array): Promise<string[][][]> {
  const xml = await docxPart(bytes);
  const text = (fragment: string) =>
    [...fragment.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? '').join('')).join('\n');
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => text(c[0]))),
  );
}

const TOP = '制图员（机械）二级/技师 ';

describe('templates/docx/comprehensive-paper', () => {
  describe('#comprehensivePaperDocx', () => {
    it('has four parts, each under its own title, the last three starting new pages', async () => {
      const bytes = await comprehensivePaperDocx(data());
      const paras = await docxParagraphs(bytes);
      const titles = ['考核说明', '试题', '评分标准', '评分表'].map((part) => `综合评审 ${part}（甲套）`);
      const at = titles.map((t) => paras.indexOf(t));
      for (const [n, i] of at.entries()) {
        expect(i, titles[n]).toBeGreaterThan(0);
        expect(paras[i - 1]).toBe(TOP);
      }
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      const xml = await docxPart(bytes);
      expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(3);
      expect(await docxParagraphs(bytes, 'word/header1.xml')).toContain(MARK);
    });

    it('states the form, time and points and numbers the 考核说明', async () => {
      const i = item();
      const paras = await docxParagraphs(await comprehensivePaperDocx(data(i)));
      expect(paras).toContain(`试题名称：${i.title}`);
      expect(paras).toContain('考核形式：技术总结答辩');
      expect(paras).toContain('考核时间：40分钟');
      expect(paras).toContain('本题分值：100分');
      expect(paras).toContain('1. 考生于考核前 15 日提交本人撰写的技术总结一篇，字数不少于 3000 字，内容须为本人近三年完成的工作。');
      expect(paras).toContain('3. 评审组由 3 名（含）以上单数考评人员组成，各自独立评分。');
    });

    it('prints the question, one paragraph per line', async () => {
      const paras = await docxParagraphs(await comprehensivePaperDocx(data()));
      const from = paras.indexOf('综合评审 试题（甲套）');
      const part = paras.slice(from, paras.indexOf('综合评审 评分标准（甲套）'));
      expect(part).toContain('结合本人近三年从事机械制图工作的实际，撰写一篇技术总结。');
      expect(part).toContain('内容应包括：工作背景、采用的技术方法、遇到的问题及解决措施、取得的成效与体会。');
      expect(part).toContain('（考核形式：技术总结答辩　考核时间：40分钟　本题分值：100分）');
    });

    it('has the 评分标准 table with every rubric row and 合计', async () => {
      const i = item();
      const [rubric] = await docxTables(await comprehensivePaperDocx(data(i)));
      expect(rubric?.[0]).toEqual([...COMPREHENSIVE_RUBRIC_COLUMNS]);
      expect(rubric?.slice(1, -1)).toEqual(i.rubric.map((r, n) => [String(n + 1), r.content, r.keyPoint, String(r.points), r.criteria, r.deductionNote]));
      expect(rubric?.at(-1)).toEqual(['合计', '100', '', '']);
    });

    it('has the 评分表 with candidate fields, every row, 合计 and the 评委 signature', async () => {
      const i = item();
      const bytes = await comprehensivePaperDocx(data(i));
      const [, fields, sheet] = await docxTables(bytes);
      expect(fields?.map((r) => r[0])).toEqual(['考生姓名', '单位', '试题名称']);
      expect(fields?.[2]).toEqual(['试题名称', i.title]);
      expect(sheet?.[0]).toEqual([...COMPREHENSIVE_SCORE_COLUMNS]);
      expect(sheet?.slice(1, -1)).toEqual(i.scoreSheet.map((r, n) => [String(n + 1), r.aspect, r.keyPoint, String(r.points), '']));
      expect(sheet?.at(-1)).toEqual(['合计', '100', '']);
      expect(await docxParagraphs(bytes)).toContain('评委签名：__________　　年　　月　　日');
    });

    it('refuses rows that do not add up to the points', async () => {
      const i = item();
      await expect(comprehensivePaperDocx(data({ ...i, scoreSheet: i.scoreSheet.slice(1) }))).rejects.toThrow('综合评审评分表各行配分之和为 90，与本题分值 100 不符');
      await expect(comprehensivePaperDocx(data({ ...i, rubric: i.rubric.slice(1) }))).rejects.toThrow('综合评审评分标准各行配分之和为 90，与本题分值 100 不符');
    });

    it('renders four or more pages with the titles and the mark', { timeout: 180_000 }, async (ctx) => {
      const pdf = renderPdf(await comprehensivePaperDocx(data()), '综合评审.docx');
      if (pdf === undefined) return ctx.skip();
      expect(pdf.pages).toBeGreaterThanOrEqual(4);
      for (const t of ['制图员（机械）二级/技师', '综合评审 考核说明（甲套）', '综合评审 评分表（甲套）']) expect(pdf.text).toContain(t);
      expect(pdf.text).toContain(MARK);
      expect(pdf.text).toContain(`第 4 页 共 ${pdf.pages} 页`);
    });
  });
});
