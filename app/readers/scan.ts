/**
 * The signed scan of the 题库内部审核意见: the printed form, signed in ink by the review panel and scanned,
 * attached to the bank's review round. It is known by its bytes, never by its name: a PDF (header `%PDF-`
 * and end-of-file marker `%%EOF`, ISO 32000-1 §7.5.2 and §7.5.5, found within the first and the last 1024
 * bytes as PDF readers tolerate), or a PNG or JPEG as images.ts knows them. Everything else is refused
 * with what the file is.
 *
 * Bounded like every reader (limits.ts): the file's bytes (`scanBytes`), an image's sides and pixels (the
 * image bounds), a PDF's pages (`scanPages`) and the time of the read (`timeMs`). A PDF must open with
 * pdf-lib, unencrypted (no /Encrypt in its trailer), with at least one page. Before pdf-lib sees it, its
 * object and cross-reference streams — the only streams pdf-lib decompresses while loading — are held to
 * plain FlateDecode and to `scanBytes` decompressed in all, so a tiny file cannot inflate to gigabytes;
 * the page tree is walked once, each node at most once, so a tree that points back into itself cannot
 * loop. A PNG must run whole to IEND and a JPEG end with EOI, so a scan cut short is refused here and
 * not when the PDF is made.
 */
import { constants, inflateSync } from 'node:zlib';
import { ParseSpeeds, PDFDocument, PDFPageLeaf, PDFPageTree } from 'pdf-lib';
import { Budget, bound, ReaderError, ReaderLimitError } from './errors.js';
import { acceptImage, formatName, sniffImage } from './images.js';
import { DEFAULT_LIMITS, type ReaderLimits } from './limits.js';
import { readerMessages as m } from './messages.js';

export type ScanFormat = 'pdf' | 'png' | 'jpeg';

export interface AcceptedScan {
  readonly format: ScanFormat;
  /** Pages of the PDF; 1 for an image. */
  readonly pages: number;
  /** Pixels of an image; absent for a PDF. */
  readonly width?: number;
  readonly height?: number;
  /** The file as delivered (the very array that was read, not a copy): what is hashed and stored. */
  readonly bytes: Uint8Array;
}

/** How far from the start `%PDF-` and from the end `%%EOF` may stand (what PDF readers tolerate). */
const PDF_MARKER_WINDOW = 1024;
/** How far before `stream` the stream's dictionary is looked for. */
const DICT_WINDOW = 4096;

function indexOf(bytes: Uint8Array, text: string, from: number, to: number): number {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(from, to).indexOf(text, 0, 'latin1');
  return at === -1 ? -1 : from + at;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.byteLength >= prefix.length && prefix.every((b, k) => bytes[k] === b);
}

function isPdf(bytes: Uint8Array): boolean {
  return indexOf(bytes, '%PDF-', 0, PDF_MARKER_WINDOW) !== -1;
}

/** What a refused file is, for the message: `GIF 图片`, a ZIP package (.docx), an old Office file. */
function wrongKind(bytes: Uint8Array): ReaderError {
  const sniffed = sniffImage(bytes);
  if (sniffed !== undefined) return new ReaderError(m.scanWrongKind(m.scanImageKind(formatName(sniffed.format))));
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return new ReaderError(m.scanWrongKind(m.scanZipKind));
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return new ReaderError(m.scanWrongKind(m.scanOleKind));
  return new ReaderError(m.scanUnknown);
}

/** A PNG whose chunks run whole from the signature to IEND, with image data (ISO/IEC 15948 §5.3). */
function pngComplete(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const typeIs = (at: number, type: string) => [...type].every((c, k) => bytes[at + k] === c.charCodeAt(0));
  let at = 8;
  let data = false;
  while (at + 12 <= bytes.byteLength) {
    const end = at + 12 + view.getUint32(at, false);
    if (end > bytes.byteLength) return false;
    if (typeIs(at + 4, 'IDAT')) data = true;
    if (typeIs(at + 4, 'IEND')) return data;
    at = end;
  }
  return false;
}

/**
 * A JPEG that ends with its EOI marker (FF D9, T.81 B.2.1) in the last kilobyte. Inside the scan data an
 * FF is always followed by 00 or a restart marker, so a file cut short has no EOI near its end (a
 * thumbnail's EOI stands in APP1, before the frame).
 */
function jpegComplete(bytes: Uint8Array): boolean {
  for (let at = bytes.byteLength - 2; at >= Math.max(2, bytes.byteLength - PDF_MARKER_WINDOW); at--) {
    if (bytes[at] === 0xff && bytes[at + 1] === 0xd9) return true;
  }
  return false;
}

function readImage(bytes: Uint8Array, format: 'png' | 'jpeg', limits: ReaderLimits, where: string): AcceptedScan {
  // The scan's own byte bound stands for the image one (a 300 dpi colour page is larger than a figure).
  const { width, height } = acceptImage(bytes, { ...limits, imageBytes: limits.scanBytes }, where);
  const complete = format === 'png' ? pngComplete(bytes) : jpegComplete(bytes);
  if (!complete) throw new ReaderError(m.scanTruncated(formatName(format)));
  return { format, pages: 1, width, height, bytes };
}

/** The filter names of a stream dictionary: `/Filter /FlateDecode` or `/Filter [/A /B]`. */
function filters(dict: string): string[] | undefined {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]()]+)/.exec(dict);
  if (match === null) return /\/Filter\b/.test(dict) ? undefined : [];
  return [...(match[1] ?? '').matchAll(/\/([^\s/<>[\]()]+)/g)].map((f) => f[1] ?? '');
}

/**
 * A cross-reference stream promises /Index (or /Size) entries of Σ/W bytes each; pdf-lib reads them in
 * one loop that never yields, so a stream promising more than its data holds (`/Index [0 2147483648]`,
 * `/W [1 2147483648 2]`) would run for minutes past the time bound. Refused as damaged.
 */
function checkXrefEntries(dict: string, dataLength: number): void {
  if (!/\/Type\s*\/XRef\b/.test(dict)) return;
  const numbers = (re: RegExp) => {
    const match = re.exec(dict);
    return match === null ? undefined : [...(match[1] ?? '').matchAll(/-?\d+(?:\.\d+)?/g)].map((n) => Number(n[0]));
  };
  const widths = numbers(/\/W\s*\[([^\]]*)\]/) ?? [];
  const index = numbers(/\/Index\s*\[([^\]]*)\]/) ?? [0, Number(/\/Size\s+(\d+)/.exec(dict)?.[1] ?? 0)];
  const width = widths.reduce((a, b) => a + b, 0);
  const entries = index.reduce((a, b, k) => (k % 2 === 1 ? a + b : a), 0);
  if (widths.some((w) => !Number.isInteger(w) || w < 0 || w > 8) || width < 1 || !(entries * width <= dataLength)) throw new ReaderError(m.scanPdfDamaged);
}

/**
 * Holds the object streams (`/Type /ObjStm`) and cross-reference streams (`/Type /XRef`), which pdf-lib
 * decompresses while loading, to FlateDecode (or none) and to `scanBytes` decompressed in all. A stream
 * cut short is inflated as far as it goes (pdf-lib does the same); one zlib finds damaged is refused, as
 * pdf-lib's more lenient inflater might read past the damage into a bomb.
 */
function checkStructureStreams(bytes: Uint8Array, limits: ReaderLimits, budget: Budget): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let left = limits.scanBytes;
  for (let at = buffer.indexOf('stream', 0, 'latin1'); at !== -1; at = buffer.indexOf('stream', at + 6, 'latin1')) {
    if (at >= 3 && buffer.toString('latin1', at - 3, at) === 'end') continue;
    const window = buffer.toString('latin1', Math.max(0, at - DICT_WINDOW), at);
    const dict = window.slice(Math.max(0, window.lastIndexOf('obj')));
    if (!/\/Type\s*\/(ObjStm|XRef)\b/.test(dict)) continue;
    const names = filters(dict);
    if (names === undefined || names.length > 1 || (names.length === 1 && names[0] !== 'FlateDecode')) throw new ReaderError(m.scanPdfFilter);
    let start = at + 6;
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] === 0x0a) start++;
    const end = buffer.indexOf('endstream', start, 'latin1');
    const data = buffer.subarray(start, end === -1 ? buffer.length : end);
    let length = data.length;
    if (names.length === 1) {
      try {
        length = inflateSync(data, { maxOutputLength: Math.max(1, left), finishFlush: constants.Z_SYNC_FLUSH }).length;
      } catch (e) {
        throw new ReaderError(e instanceof RangeError ? m.scanPdfBomb : m.scanPdfDamaged);
      }
      left -= length;
    }
    checkXrefEntries(dict, length);
    budget.check();
  }
}

/** Resolves with `work`, or rejects with the time bound once `ms` have passed (pdf-lib yields between objects). */
async function withinTime<T>(work: Promise<T>, ms: number, limits: ReaderLimits): Promise<T> {
  work.catch(() => undefined); // a parse that fails after the time bound is not an unhandled rejection
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReaderLimitError('timeMs', limits, limits.timeMs)), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Leaves of the page tree, each node visited once; a node met twice (a loop or a shared kid) is damage. */
function countPages(doc: PDFDocument): number {
  const root = doc.catalog.Pages();
  const seen = new Set<unknown>([root]);
  const stack: PDFPageTree[] = [root];
  let pages = 0;
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const kids = node.Kids();
    for (let k = 0; k < kids.size(); k++) {
      const kid = doc.context.lookup(kids.get(k));
      if (seen.has(kid)) throw new ReaderError(m.scanPdfDamaged);
      seen.add(kid);
      if (kid instanceof PDFPageTree) stack.push(kid);
      else if (kid instanceof PDFPageLeaf) pages++;
      else throw new ReaderError(m.scanPdfDamaged);
    }
  }
  return pages;
}

async function readPdf(bytes: Uint8Array, limits: ReaderLimits, where: string, budget: Budget): Promise<AcceptedScan> {
  if (indexOf(bytes, '%%EOF', Math.max(0, bytes.byteLength - PDF_MARKER_WINDOW), bytes.byteLength) === -1) throw new ReaderError(m.scanTruncated('PDF'));
  checkStructureStreams(bytes, limits, budget);
  let pages: number;
  try {
    // Encryption is asked of the loaded document: pdf-lib's EncryptedPDFError (ES5 subclass of Error) fails instanceof.
    const loading = PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, parseSpeed: ParseSpeeds.Fast });
    const doc = await withinTime(loading, limits.timeMs - budget.elapsed(), limits);
    budget.check();
    if (doc.isEncrypted) throw new ReaderError(m.scanPdfEncrypted);
    pages = countPages(doc);
  } catch (e) {
    if (e instanceof ReaderError) throw e;
    throw new ReaderError(m.scanPdfDamaged); // pdf-lib's own errors, and a stack overflow on absurd nesting
  }
  bound('scanPages', limits, pages, where);
  if (pages < 1) throw new ReaderError(m.scanPdfNoPages);
  budget.check();
  return { format: 'pdf', pages, bytes };
}

/**
 * Reads the signed scan of the 题库内部审核意见: PDF, PNG or JPEG by its bytes, within the bounds.
 * `fileName` only names the file in a bound's message. Throws ReaderError (with the reason in Chinese)
 * or ReaderLimitError. The clock is injectable for tests.
 */
export async function readScan(bytes: Uint8Array, fileName: string, limits: ReaderLimits = DEFAULT_LIMITS, clock?: () => number): Promise<AcceptedScan> {
  const budget = new Budget(limits, clock);
  bound('scanBytes', limits, bytes.byteLength, fileName);
  if (bytes.byteLength === 0) throw new ReaderError(m.scanEmpty);
  if (isPdf(bytes)) return readPdf(bytes, limits, fileName, budget);
  const sniffed = sniffImage(bytes);
  if (sniffed?.format !== 'png' && sniffed?.format !== 'jpeg') throw wrongKind(bytes);
  const scan = readImage(bytes, sniffed.format, limits, fileName);
  budget.check();
  return scan;
}
