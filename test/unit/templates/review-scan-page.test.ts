import { writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { ReviewExpert, ReviewOpinionData } from '../../../app/domain/submission/documents.js';
import { readScan } from '../../../app/readers/scan.js';
import { rasteriseSvg } from '../../../app/readers/svg/rasterise.js';
import { scanToPdf } from '../../../templates/pdf/scan-pdf.js';
import { escapeXml, INK, reviewScanPageSvg, SCAN_PAGE_HEIGHT, SCAN_PAGE_WIDTH, signatureScribble, wrapText } from '../../../templates/svg/review-scan-page.js';
import { sampleHeader } from '../../helpers/documents.js';
import { decodePng, darkPixels } from '../readers/svg/png-pixels.js';

const EXPERTS: readonly ReviewExpert[] = [
  { name: '赵明', unit: '样例职业技术学院', title: '教授', category: '方法专家' },
  { name: '孙丽', unit: '样例技师学院', title: '高级讲师', category: '内容专家' },
  { name: '欧阳<志>&强', unit: '样例大学机械工程学院 "R&D"', title: '副教授', category: '内容专家' },
  { name: '吴刚', unit: '样例重工股份有限公司', title: '高级技师', category: '实际工作专家' },
  { name: '郑华', unit: '样例设计院有限公司', title: '高级工程师', category: '实际工作专家' },
];

function data(overrides: Partial<ReviewOpinionData> = {}): ReviewOpinionData {
  return {
    header: sampleHeader(),
    checklist: [
      { item: '细目表与国家职业技能标准一致', result: '符合' },
      { item: '试题覆盖全部鉴定点', result: '基本符合' },
    ],
    conclusion: '修改后通过',
    opinion: '题库结构完整，试题覆盖细目表全部鉴定点。\n建议对第 12、27 题的选项表述再作推敲，修改后通过。',
    experts: EXPERTS,
    leader: '赵明',
    round: 1,
    ...overrides,
  };
}

const SIGNED_ON = '2026-11-20';

/** Elements of an XML text, parsed strictly (throws on any well-formedness error). */
function parseXml(text: string): { name: string; attributes: Record<string, string> }[] {
  const parser = new SaxesParser({ xmlns: false });
  const elements: { name: string; attributes: Record<string, string> }[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => elements.push({ name: tag.name, attributes: tag.attributes as Record<string, string> }));
  parser.write(text).close();
  return elements;
}

/** Pixels of blue ink: blue well above red. */
function inkPixels(png: Uint8Array): number {
  const { rows, channels } = decodePng(png);
  let ink = 0;
  for (const row of rows) for (let x = 0; x + 2 < row.length; x += channels) if ((row[x + 2] as number) - (row[x] as number) > 50) ink++;
  return ink;
}

describe('templates/svg/review-scan-page', () => {
  it('is a well-formed SVG of A4 at 150 dpi', () => {
    const elements = parseXml(reviewScanPageSvg(data(), SIGNED_ON));
    expect(elements[0]?.name).toBe('svg');
    expect(elements[0]?.attributes).toMatchObject({ width: '1240', height: '1754', viewBox: '0 0 1240 1754' });
    expect(elements.filter((e) => e.name === 'text').length).toBeGreaterThan(40);
  });

  it('holds the title, the occupation block and every expert, escaped', () => {
    const svg = reviewScanPageSvg(data(), SIGNED_ON);
    expect(svg).toContain('制图员（机械）四级/中级工 题库内部审核意见');
    for (const text of ['3-01-02-07', '第 1 次审核', '修改后通过', '审核结论', '序号', '签名', '日期', '样例职业技能评价中心']) expect(svg).toContain(text);
    for (const expert of EXPERTS) {
      expect(svg).toContain(`>${escapeXml(expert.name)}<`);
      expect(svg).toContain(escapeXml(expert.unit));
    }
    expect(svg).toContain('欧阳&lt;志&gt;&amp;强');
    expect(svg).not.toContain('欧阳<志>');
    expect(svg).toContain('&quot;R&amp;D&quot;');
    // one signature per expert and one for the leader, and the date in each expert row
    expect(svg.match(new RegExp(`stroke="${INK}"`, 'g'))?.length).toBe(EXPERTS.length + 1);
    expect(svg.split(`>${SIGNED_ON}<`).length - 1).toBe(EXPERTS.length + 2);
  });

  it('prints the boxes to tick when there is no conclusion, and blank rows up to five experts', () => {
    const svg = reviewScanPageSvg(data({ conclusion: '', experts: EXPERTS.slice(0, 2), leader: '' }), SIGNED_ON);
    expect(svg).toContain('□通过　□修改后通过　□不通过');
    expect(svg.match(new RegExp(`stroke="${INK}"`, 'g'))?.length).toBe(2);
    expect(svg).toContain('>5<');
  });

  it('is deterministic, each name with its own scribble', () => {
    expect(reviewScanPageSvg(data(), SIGNED_ON)).toBe(reviewScanPageSvg(data(), SIGNED_ON));
    expect(signatureScribble('赵明', 0, 0, 130, 50)).toBe(signatureScribble('赵明', 0, 0, 130, 50));
    expect(signatureScribble('赵明', 0, 0, 130, 50)).not.toBe(signatureScribble('孙丽', 0, 0, 130, 50));
    expect(signatureScribble('赵明', 0, 0, 130, 50)).toMatch(/^<path d="M[\d. ]+C/);
    expect(signatureScribble('  ', 0, 0, 130, 50)).toBe('');
  });

  it('wraps long opinions between characters within the width', () => {
    const lines = wrapText('一二三四五六七八九十'.repeat(10), 200, 20);
    expect(lines.length).toBe(10);
    expect(lines.every((l) => [...l].length <= 10)).toBe(true);
    expect(wrapText('第一行\n\n第二行', 200, 20)).toEqual(['第一行', '第二行']);
  });

  it('rasterises to a 1240 × 1754 PNG with text and blue ink, which makes the one-page PDF of the folder', async () => {
    const out = await rasteriseSvg(reviewScanPageSvg(data(), SIGNED_ON));
    expect([out.width, out.height]).toEqual([SCAN_PAGE_WIDTH, SCAN_PAGE_HEIGHT]);
    const decoded = decodePng(out.png);
    expect([decoded.width, decoded.height]).toEqual([1240, 1754]);
    expect(darkPixels(out.png)).toBeGreaterThan(30_000);
    expect(inkPixels(out.png)).toBeGreaterThan(1000);
    // the stand-in scan is what the panel would attach: read as a scan, it becomes the one-page A4 PDF of the folder
    const scan = await readScan(out.png, '审核意见签名页.png');
    expect(scan).toMatchObject({ format: 'png', pages: 1, width: 1240, height: 1754 });
    const pdf = await scanToPdf(scan, { title: '题库内部审核意见（专家签名扫描件）', date: new Date('2026-11-20T08:00:00.000Z') });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    // to look at them: REVIEW_SCAN_OUT=/tmp/review-scan npx vitest run test/unit/templates/review-scan-page.test.ts
    const target = process.env['REVIEW_SCAN_OUT'];
    if (target !== undefined && target !== '') {
      writeFileSync(`${target}.png`, out.png);
      writeFileSync(`${target}.pdf`, pdf);
    }
  }, 60_000);
});
