import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ReaderError, ReaderLimitError } from '../../../app/readers/errors.js';
import { withLimits } from '../../../app/readers/limits.js';
import { readerMessages as m } from '../../../app/readers/messages.js';
import { readScan } from '../../../app/readers/scan.js';
import { docx, GIF, png } from '../../fixtures/hostile/corpus.js';

/** A real baseline JPEG of 30 × 20 pixels (a blue rectangle on white, rendered by pdftoppm). */
const JPEG_30x20 = new Uint8Array(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQEAJAAkAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAUAB4DASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD3+ivAvjh/yOln/wBg5P8A0ZJXmlepRy32lNT5rX8v+Cc8q/K7WPsiiuN+FX/JNdI/7bf+jnrsq86pDkm4dmbxd0mYGueCvD3iS9S81bT/ALRcJGIlfzpEwoJIGFYDqxrM/wCFVeCv+gL/AOTU3/xdFFVGvVirKTt6icIvdHTaVpVlommw6dp0Pk2kO7ZHvZsZJY8sSepNXKKKzbbd2Uf/2Q==',
    'base64',
  ),
);

/** A PDF of `pages` A4 pages made with pdf-lib (object and cross-reference streams, as pdf-lib saves). */
async function pdfOf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595.28, 841.89]).drawText(`page ${String(i + 1)}`, { x: 50, y: 700 });
  return doc.save({ addDefaultPage: false });
}

/** A PDF written by hand: the objects (`N 0 obj` … `endobj` added), a cross-reference table and the trailer. */
function handPdf(objects: readonly (string | Buffer)[], trailer: string): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(at);
    const chunk = Buffer.concat([Buffer.from(`${String(i + 1)} 0 obj\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = ['xref', `0 ${String(objects.length + 1)}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n${trailer}\nstartxref\n${String(at)}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const PAGES = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>';

/** A stream object with its dictionary entries and data. */
function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${String(data.length)} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

/** Deterministic noise that starts with no known signature. */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  out[0] = 0x13;
  return out;
}

async function refusal(bytes: Uint8Array, limits = withLimits(), clock?: () => number): Promise<ReaderError> {
  try {
    await readScan(bytes, '审核意见签名页.pdf', limits, clock);
  } catch (error) {
    expect(error).toBeInstanceOf(ReaderError);
    return error as ReaderError;
  }
  throw new Error('not refused');
}

describe('readers/scan', () => {
  describe('accepts', () => {
    it('a PDF made with pdf-lib, with its page count, whatever its name', async () => {
      const bytes = await pdfOf(2);
      const scan = await readScan(bytes, 'scan.png');
      expect(scan).toEqual({ format: 'pdf', pages: 2, bytes });
      expect(scan.bytes).toBe(bytes);
    });

    it('a PDF written by hand with a classic cross-reference table, and one after a little junk before %PDF-', async () => {
      const bytes = handPdf([CATALOG, PAGES, PAGE], '<< /Size 4 /Root 1 0 R >>');
      expect((await readScan(bytes, 'a.pdf')).pages).toBe(1);
      const junk = new Uint8Array([...Buffer.from('\r\n\r\n'), ...bytes]);
      expect((await readScan(junk, 'a.pdf')).pages).toBe(1);
    });

    it('a PNG, with its pixel size', async () => {
      const bytes = png(40, 30);
      expect(await readScan(bytes, '签名页.png')).toEqual({ format: 'png', pages: 1, width: 40, height: 30, bytes });
    });

    it('a JPEG, with its pixel size, even named .pdf', async () => {
      expect(await readScan(JPEG_30x20, '签名页.pdf')).toMatchObject({ format: 'jpeg', pages: 1, width: 30, height: 20 });
    });
  });

  describe('refuses', () => {
    it('a GIF, naming what it is', async () => {
      expect((await refusal(GIF)).message).toBe('审核意见扫描件须为 PDF、JPEG 或 PNG 文件，所选文件是 GIF 图片');
    });

    it('a Word file (a ZIP package)', async () => {
      const error = await refusal(docx({ body: '<w:p/>' }));
      expect(error.message).toBe(m.scanWrongKind(m.scanZipKind));
      expect(error.message).toContain('ZIP 压缩包（如 Word、Excel 文件）');
    });

    it('an old Office file and random bytes', async () => {
      const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
      expect((await refusal(ole)).message).toContain('Office 97–2003 文件');
      expect((await refusal(noise(4096))).message).toBe(m.scanUnknown);
    });

    it('an empty file', async () => {
      expect((await refusal(new Uint8Array())).message).toBe('所选的审核意见扫描件是空文件（0 字节）');
    });

    it('a truncated PNG, JPEG and PDF', async () => {
      const full = png(40, 30);
      expect((await refusal(full.subarray(0, full.length - 12))).message).toBe(m.scanTruncated('PNG'));
      expect((await refusal(full.subarray(0, 40))).message).toBe(m.scanTruncated('PNG'));
      expect((await refusal(full.subarray(0, 20))).message).toBe('PNG 图片已损坏，读不出宽度和高度');
      expect((await refusal(JPEG_30x20.subarray(0, 500))).message).toBe(m.scanTruncated('JPEG'));
      const pdf = await pdfOf(1);
      expect((await refusal(pdf.subarray(0, Math.floor(pdf.length / 2)))).message).toBe('PDF 文件不完整（缺少文件结尾），可能没有复制或下载完整，请重新扫描或导出');
    });

    it('a file over the byte bound, naming it', async () => {
      const error = await refusal(png(40, 30), withLimits({ scanBytes: 64 }));
      expect(error).toBeInstanceOf(ReaderLimitError);
      expect(error.message).toMatch(/^审核意见签名页\.pdf：审核意见扫描件大小超过上限 64 字节（实际 \d+ 字节）$/);
    });

    it('30 MB by default', async () => {
      const error = await refusal(new Uint8Array(30 * 1024 * 1024 + 1));
      expect(error.message).toContain('审核意见扫描件大小超过上限 30 MB');
    });

    it('an image over the side bound', async () => {
      const error = await refusal(png(40, 30), withLimits({ imageSide: 32 }));
      expect(error).toBeInstanceOf(ReaderLimitError);
      expect(error.message).toContain('图片宽度或高度超过上限 32 像素（实际 40 像素）');
    });

    it('a PDF of too many pages, and one of none', async () => {
      const error = await refusal(await pdfOf(3), withLimits({ scanPages: 2 }));
      expect(error).toBeInstanceOf(ReaderLimitError);
      expect(error.message).toBe('审核意见签名页.pdf：审核意见扫描件页数超过上限 2 页（实际 3 页）');
      expect((await refusal(await pdfOf(0))).message).toBe('PDF 文件没有页面');
    });

    it('an encrypted PDF', async () => {
      const encrypt = '<< /Filter /Standard /V 1 /R 2 /Length 40 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /P -4 >>';
      const bytes = handPdf([CATALOG, PAGES, PAGE, encrypt], '<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>');
      expect((await refusal(bytes)).message).toBe('PDF 文件已加密（设有打开密码或权限密码），请另存为未加密的 PDF 后重新选择');
    });

    it('a damaged PDF: no catalog, a page tree that points back into itself', async () => {
      expect((await refusal(new TextEncoder().encode('%PDF-1.4\nnothing here at all\n%%EOF\n'))).message).toBe(m.scanPdfDamaged);
      const loop = handPdf([CATALOG, '<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 1 >>', PAGE], '<< /Size 4 /Root 1 0 R >>');
      expect((await refusal(loop)).message).toBe(m.scanPdfDamaged);
      const shared = handPdf([CATALOG, '<< /Type /Pages /Kids [4 0 R 4 0 R] /Count 2 >>', PAGE, '<< /Type /Pages /Parent 2 0 R /Kids [3 0 R] /Count 1 >>'], '<< /Size 5 /Root 1 0 R >>');
      expect((await refusal(shared)).message).toBe(m.scanPdfDamaged);
    });

    it('an object stream that inflates far beyond its size (a compression bomb)', async () => {
      const bomb = stream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', deflateSync(Buffer.alloc(4 * 1024 * 1024, 0x20)));
      const bytes = handPdf([CATALOG, PAGES, PAGE, bomb], '<< /Size 5 /Root 1 0 R >>');
      expect(bytes.length).toBeLessThan(64 * 1024);
      expect((await refusal(bytes, withLimits({ scanBytes: 1024 * 1024 }))).message).toBe('PDF 文件的对象流解压后过大（疑似压缩炸弹），拒绝读取');
    });

    it('an object stream zlib finds damaged', async () => {
      const deflated = deflateSync(Buffer.from('1 0 << /A 1 >>'));
      const damaged = Buffer.from(deflated);
      damaged[2] = 0xff; // an invalid block type right after the zlib header
      const objStm = (data: Buffer) => stream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', data);
      expect((await refusal(handPdf([CATALOG, PAGES, PAGE, objStm(damaged)], '<< /Size 5 /Root 1 0 R >>'))).message).toBe(m.scanPdfDamaged);
    });

    it('an object stream in a compression pdf-lib would expand unbounded', async () => {
      const lzw = stream('/Type /ObjStm /N 1 /First 4 /Filter [/ASCIIHexDecode /LZWDecode]', Buffer.from('00>'));
      expect((await refusal(handPdf([CATALOG, PAGES, PAGE, lzw], '<< /Size 5 /Root 1 0 R >>'))).message).toBe(m.scanPdfFilter);
    });

    it('a read over the time bound', async () => {
      let now = 0;
      const clock = () => (now += 1000);
      const error = await refusal(await pdfOf(1), withLimits({ timeMs: 1500 }), clock);
      expect(error).toBeInstanceOf(ReaderLimitError);
      expect(error.message).toContain('单个文件的读取时间超过上限 1.5 秒');
    });
  });
});
