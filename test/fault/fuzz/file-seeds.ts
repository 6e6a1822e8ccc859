/**
 * Valid single files to mutate: the statistics CSV in the shapes the reader takes (comma, tab and `，`,
 * a BOM, CRLF, optional 区分度 and 来源), images (PNG and JPEG as the corpus and the reader tests build
 * them, an SVG drawing, and the formats that are refused: GIF, BMP, EMF, WMF) and the signed-form scan
 * (PDFs made with pdf-lib, compressed and plain, and the images).
 */
import { PDFDocument } from 'pdf-lib';
import { EMF, GIF, png } from '../../fixtures/hostile/corpus.js';

export const CSV_TOKENS = [',', '\t', '，', '\n', '\r', '\r\n', '"', '\uFEFF', '\u0000', '\u0085', '\u2028', ' ', '0', '-1', '1.0000001', '-0', 'NaN', 'Infinity', '1e3', '0x10', '1_000', '', '试题编号', '通过率', '9'.repeat(20), 'x'.repeat(10_001), '\uD800', '\uFFFD'];

export function csvSeeds(): Uint8Array[] {
  const texts = [
    '试题编号,通过率,样本量\n12,0.61,300\n13,0.5,120\n',
    '\uFEFF试题编号\t通过率\t样本量\t区分度\t来源\n1\t0.45\t200\t0.3\t2025年试测\n2\t0.8\t150\t-0.1\t\n',
    '1，0.5，10，0.2，省级试测\r\n2，1，10\r\n\r\n3，0，1，，\r\n',
  ];
  return texts.map((t) => new Uint8Array(Buffer.from(t, 'utf8')));
}

/** A real baseline JPEG of 30 × 20 pixels (test/unit/readers/scan.test.ts): whole, with EOI. */
export const JPEG_30x20 = new Uint8Array(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQEAJAAkAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAUAB4DASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD3+ivAvjh/yOln/wBg5P8A0ZJXmlepRy32lNT5rX8v+Cc8q/K7WPsiiuN+FX/JNdI/7bf+jnrsq86pDkm4dmbxd0mYGueCvD3iS9S81bT/ALRcJGIlfzpEwoJIGFYDqxrM/wCFVeCv+gL/AOTU3/xdFFVGvVirKTt6icIvdHTaVpVlommw6dp0Pk2kO7ZHvZsZJY8sSepNXKKKzbbd2Uf/2Q==',
    'base64',
  ),
);

const SVG = '<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20" viewBox="0 0 40 20"><defs><clipPath id="c"><rect width="40" height="20"/></clipPath></defs><g clip-path="url(#c)"><rect x="1" y="1" width="38" height="18" fill="none" stroke="#000"/><use xlink:href="#c"/><text x="4" y="14" font-size="10">轴承座</text></g></svg>';

const BMP = (() => {
  const b = Buffer.alloc(54);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(32, 18);
  b.writeInt32LE(-16, 22);
  return new Uint8Array(b);
})();
const WMF = new Uint8Array([0xd7, 0xcd, 0xc6, 0x9a, 0, 0, 0, 0, 0, 0, 0, 0]);

export const SVG_TOKENS = ['<script>', '<foreignObject>', '<image href="x.png"/>', ' href="http://x/"', ' xlink:href="#c"', 'url(#c)', 'url(file:///etc/passwd)', '@import', '<!DOCTYPE svg>', '<!ENTITY a "b">', '<?xml-stylesheet href="x"?>', '<g>', '</g>', '<svg>', '&#0;', '\u0000', '"', "'", '<', '>'];

/** The images accepted as they are (PNG, JPEG, SVG), then the refused formats (mutated too). */
export function imageSeeds(): { accepted: Uint8Array[]; all: Uint8Array[] } {
  const accepted = [png(4, 3), png(1, 1, true), JPEG_30x20, new Uint8Array(Buffer.from(SVG, 'utf8'))];
  return { accepted, all: [...accepted, GIF, BMP, EMF, WMF] };
}

export const PDF_TOKENS = [
  ' obj', 'endobj', 'stream\n', '\nendstream', '/Type /Pages', '/Type /Page', '/Kids [3 0 R 3 0 R]', '/Kids [2 0 R]', '/Count 99999', '/Count -1', '/Parent 2 0 R', '/Filter /FlateDecode',
  '/Filter [/FlateDecode /FlateDecode]', '/Filter /LZWDecode', '/Length 999999', '/Length -1', 'xref', 'trailer', 'startxref', '%%EOF', '%PDF-1.7', '<<', '>>', '[', ']', '(', ')', '/Encrypt 1 0 R',
  '/Type /ObjStm', '/Type /XRef', '/Prev 0', '/Size 0', '/Root 1 0 R', '0 0 R', '99999 0 R', '/N 99999', '/First 0', '\u0000', '\\',
];

/** The signed scan: a pdf-lib PDF (object streams), the same without them (plain text to mutate), two pages, the images. */
export async function scanSeeds(): Promise<Uint8Array[]> {
  const pdf = async (pages: number, useObjectStreams: boolean) => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < pages; i++) doc.addPage([595.28, 841.89]).drawText(`page ${String(i + 1)}`, { x: 50, y: 700 });
    return doc.save({ addDefaultPage: false, useObjectStreams });
  };
  return [await pdf(1, true), await pdf(1, false), await pdf(2, false), png(20, 10), JPEG_30x20];
}
