import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PageSizes, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, rgb } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { readScan } from '../../../app/readers/scan.js';
import { A4_PT, fitImage, SCAN_MARGIN_PT, scanToPdf } from '../../../templates/pdf/scan-pdf.js';
import { png } from '../../fixtures/hostile/corpus.js';

const META = { title: '制图员（机械）四级/中级工 题库内部审核意见（专家签名扫描件）', subject: '第 1 次审核', date: new Date('2026-11-20T08:00:00.000Z') };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const dir = mkdtempSync(join(tmpdir(), 'scan-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A PDF of `pages` A4 pages made with pdf-lib. */
async function pdfOf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage(PageSizes.A4).drawText(`page ${String(i + 1)}`, { x: 50, y: 700 });
  return doc.save();
}

/** A real JPEG: a landscape page drawn with pdf-lib, rendered by poppler's pdftoppm (poppler-utils, like pdfinfo). */
async function landscapeJpeg(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawRectangle({ x: 20, y: 20, width: 200, height: 120, color: rgb(0.1, 0.2, 0.6) });
  const file = join(dir, 'landscape');
  writeFileSync(`${file}.pdf`, await doc.save());
  execFileSync('pdftoppm', ['-jpeg', '-r', '36', '-singlefile', `${file}.pdf`, file]);
  return new Uint8Array(readFileSync(`${file}.jpg`));
}

/** What poppler's pdfinfo says of the PDF (installed with poppler-utils, also in CI). */
function pdfinfo(bytes: Uint8Array): string {
  const file = join(dir, `${sha256(bytes)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
}

/** The image XObjects of the first page: their pixel sizes. */
function pageImages(doc: PDFDocument): { width: number; height: number }[] {
  const xobjects = doc.getPage(0).node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
  return (xobjects?.values() ?? [])
    .map((ref) => doc.context.lookup(ref))
    .filter((x): x is PDFRawStream => x instanceof PDFRawStream && x.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
    .map((x) => ({ width: x.dict.lookup(PDFName.of('Width'), PDFNumber).asNumber(), height: x.dict.lookup(PDFName.of('Height'), PDFNumber).asNumber() }));
}

describe('templates/pdf/scan-pdf', () => {
  it('passes a PDF through byte for byte', async () => {
    const bytes = await pdfOf(2);
    const out = await scanToPdf(await readScan(bytes, 'scan.pdf'), META);
    expect(sha256(out)).toBe(sha256(bytes));
    expect(Buffer.compare(Buffer.from(out), Buffer.from(bytes))).toBe(0);
  });

  it('puts a PNG on one A4 portrait page that pdf-lib and pdfinfo read back, with the title', async () => {
    const out = await scanToPdf(await readScan(png(200, 283), '签名页.png'), META);
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([width, height]).toEqual([595.28, 841.89]);
    expect(doc.getTitle()).toBe(META.title);
    expect(doc.getSubject()).toBe(META.subject);
    expect(doc.getCreationDate()?.toISOString()).toBe(META.date.toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(META.date.toISOString());
    expect(doc.getProducer()).toBeUndefined();
    expect(pageImages(doc)).toEqual([{ width: 200, height: 283 }]);
    const info = pdfinfo(out);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^Title:\s+制图员（机械）四级\/中级工 题库内部审核意见（专家签名扫描件）$/m);
    expect(info).toMatch(/^Encrypted:\s+no$/m);
  });

  it('is deterministic: the same scan and meta give the same bytes', async () => {
    const scan = await readScan(png(120, 170), 'a.png');
    const first = await scanToPdf(scan, META);
    expect(sha256(await scanToPdf(scan, META))).toBe(sha256(first));
    expect(sha256(await scanToPdf(scan, { ...META, date: new Date('2026-11-21T08:00:00.000Z') }))).not.toBe(sha256(first));
  });

  it('turns the page to A4 landscape for a landscape JPEG', async () => {
    const jpeg = await landscapeJpeg();
    const scan = await readScan(jpeg, 'a.jpg');
    expect(scan).toMatchObject({ format: 'jpeg', width: 150, height: 100 });
    const out = await scanToPdf(scan, { title: '扫描件', date: META.date });
    const doc = await PDFDocument.load(out);
    const { width, height } = doc.getPage(0).getSize();
    expect([width, height]).toEqual([841.89, 595.28]);
    expect(doc.getSubject()).toBeUndefined();
    expect(pageImages(doc)).toEqual([{ width: 150, height: 100 }]);
    const info = pdfinfo(out);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+841\.89 x 595\.28 pts \(A4\)$/m);
  });

  it('fits an image inside 10 mm margins, aspect kept, centred', () => {
    expect(SCAN_MARGIN_PT).toBeCloseTo(28.35, 2);
    // a 300 dpi A4 scan: width-bound
    const page = fitImage(2480, 3508, A4_PT);
    expect(page.x).toBeCloseTo(SCAN_MARGIN_PT, 6);
    expect(page.y).toBeGreaterThanOrEqual(SCAN_MARGIN_PT);
    expect(page.width / page.height).toBeCloseTo(2480 / 3508, 9);
    expect(page.x * 2 + page.width).toBeCloseTo(A4_PT[0], 6);
    // a narrow strip: height-bound, centred across
    const strip = fitImage(100, 1000, A4_PT);
    expect(strip.y).toBeCloseTo(SCAN_MARGIN_PT, 6);
    expect(strip.height).toBeCloseTo(A4_PT[1] - 2 * SCAN_MARGIN_PT, 6);
    expect(strip.x + strip.width / 2).toBeCloseTo(A4_PT[0] / 2, 6);
    // a small image is scaled up to the margins too
    expect(fitImage(10, 10, A4_PT).width).toBeCloseTo(A4_PT[0] - 2 * SCAN_MARGIN_PT, 6);
  });
});
