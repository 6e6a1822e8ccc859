/**
 * Images are known by their bytes, never by their name or label: PNG (ISO/IEC 15948 §5.2 signature, IHDR),
 * JPEG (ITU-T T.81 SOI and SOFn markers), GIF (87a/89a logical screen), BMP (BITMAPFILEHEADER + DIB header),
 * and the vector formats Word embeds (EMF: EMR_HEADER with “ EMF”, MS-EMF §2.3.4.2; WMF: placeable or
 * standard header, MS-WMF §2.3.2), TIFF, WebP and SVG. Only PNG and JPEG are stored (the documents embed
 * them as they are); the others are refused with the reason and what to do. Width, height and bytes are
 * bounded (limits.ts), so a forged header cannot make a later renderer allocate gigabytes.
 */
import { bound, ReaderError } from './errors.js';
import { DEFAULT_LIMITS, type ReaderLimits } from './limits.js';
import { readerMessages as m } from './messages.js';

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'bmp' | 'emf' | 'wmf' | 'tiff' | 'webp' | 'svg';

export interface SniffedImage {
  readonly format: ImageFormat;
  /** Pixels; absent when the header is cut short or damaged (and for vector formats). */
  readonly width?: number;
  readonly height?: number;
}

export type StoredImageType = 'image/png' | 'image/jpeg';

export interface AcceptedImage {
  readonly contentType: StoredImageType;
  readonly width: number;
  readonly height: number;
}

const FORMAT_NAMES: Readonly<Record<ImageFormat, string>> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  bmp: 'BMP',
  emf: 'EMF',
  wmf: 'WMF',
  tiff: 'TIFF',
  webp: 'WebP',
  svg: 'SVG',
};

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.byteLength >= at + prefix.length && prefix.every((b, k) => bytes[at + k] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** SOFn markers carry the frame size (T.81 B.2.2): C0–C3, C5–C7, C9–CB, CD–CF. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  let at = 2;
  while (at + 4 <= bytes.byteLength) {
    if (bytes[at] !== 0xff) return {};
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return {}; // end of image or scan before any frame header
    const length = view.getUint16(at + 2, false);
    if (length < 2) return {};
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.byteLength) return {};
      return { height: view.getUint16(at + 5, false), width: view.getUint16(at + 7, false) };
    }
    at += 2 + length;
  }
  return {};
}

/** The format by magic bytes, with the pixel size when the header gives it; undefined when unknown. */
export function sniffImage(bytes: Uint8Array): SniffedImage | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    if (bytes.byteLength < 24 || ascii(bytes, 12, 4) !== 'IHDR') return { format: 'png' };
    return { format: 'png', width: view.getUint32(16, false), height: view.getUint32(20, false) };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: 'jpeg', ...jpegSize(bytes, view) };
  if (bytes.byteLength >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) {
    return bytes.byteLength >= 10 ? { format: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) } : { format: 'gif' };
  }
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.byteLength >= 26) {
    const dib = view.getUint32(14, true);
    if (dib === 12) return { format: 'bmp', width: view.getUint16(18, true), height: view.getUint16(20, true) };
    if (dib >= 40) return { format: 'bmp', width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
    return { format: 'bmp' };
  }
  if (startsWith(bytes, [0x01, 0x00, 0x00, 0x00]) && bytes.byteLength >= 44 && ascii(bytes, 40, 4) === ' EMF') return { format: 'emf' };
  if (startsWith(bytes, [0xd7, 0xcd, 0xc6, 0x9a]) || startsWith(bytes, [0x01, 0x00, 0x09, 0x00]) || startsWith(bytes, [0x02, 0x00, 0x09, 0x00])) return { format: 'wmf' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { format: 'tiff' };
  if (bytes.byteLength >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { format: 'webp' };
  const head = ascii(bytes, 0, Math.min(bytes.byteLength, 256)).replace(/^\uFEFF/, '').trimStart();
  if (/^<(\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head) || /^<svg[\s>]/i.test(head)) return { format: 'svg' };
  return undefined;
}

/**
 * Accepts an image for storing: PNG or JPEG by its bytes, within the byte, side and pixel bounds.
 * Throws ReaderError (format refused, with the reason) or ReaderLimitError (`where` names the image).
 */
export function acceptImage(bytes: Uint8Array, limits: ReaderLimits = DEFAULT_LIMITS, where?: string): AcceptedImage {
  bound('imageBytes', limits, bytes.byteLength, where);
  const sniffed = sniffImage(bytes);
  if (sniffed === undefined) throw new ReaderError(m.imageUnknown);
  const name = FORMAT_NAMES[sniffed.format];
  if (sniffed.format === 'emf' || sniffed.format === 'wmf' || sniffed.format === 'svg') throw new ReaderError(m.imageVector(name));
  if (sniffed.format !== 'png' && sniffed.format !== 'jpeg') throw new ReaderError(m.imageUnsupported(name));
  const { width, height } = sniffed;
  if (width === undefined || height === undefined || width === 0 || height === 0) throw new ReaderError(m.imageDamaged(name));
  bound('imageSide', limits, Math.max(width, height), where);
  bound('imagePixels', limits, width * height, where);
  return { contentType: sniffed.format === 'png' ? 'image/png' : 'image/jpeg', width, height };
}

/** `PNG`, `GIF` … for messages. */
export function formatName(format: ImageFormat): string {
  return FORMAT_NAMES[format];
}
