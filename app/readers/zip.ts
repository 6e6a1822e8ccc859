/**
 * A bounded ZIP reader for Office packages (ECMA-376 Part 2 §10 → PKWARE APPNOTE 6.3): the central
 * directory is parsed here, not trusted to a library, and every entry is held to limits.ts before a byte
 * is inflated. Refused: anything that is not one plain single-disk archive (ZIP64 end records, split
 * archives, encryption, methods other than stored/deflate), duplicate part names (OPC part names are
 * equal case-insensitively, Part 2 §9.1.1.1), entries whose data overlap (the “overlapping” zip bomb) or
 * whose local header names another file, declared sizes over the bounds, a compression ratio of a bomb,
 * and, on reading, a real size other than the declared one or a CRC-32 that does not match.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { bound, ReaderError, ReaderLimitError, type Budget } from './errors.js';
import { DEFAULT_LIMITS, type ReaderLimits } from './limits.js';
import { readerMessages as m } from './messages.js';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  /** Declared decompressed size. */
  readonly size: number;
  readonly localOffset: number;
  readonly dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** OPC part names compare case-insensitively (ASCII) and without a leading slash. */
export function partKey(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX16);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD && at + 22 + view.getUint16(at + 20, true) === view.byteLength) return at;
  }
  // A trailing comment of the wrong length: accept the last signature found, as unzip does.
  for (let at = last; at >= first; at--) if (view.getUint32(at, true) === EOCD) return at;
  throw new ReaderError(m.notZip);
}

/** ZIP64 extended information (APPNOTE 4.5.3): the 64-bit values, in order, for the fields set to 0xFFFFFFFF. */
function zip64Values(view: DataView, extraStart: number, extraEnd: number, count: number): number[] {
  for (let at = extraStart; at + 4 <= extraEnd; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      if (size < count * 8 || at + 4 + size > extraEnd) break;
      return Array.from({ length: count }, (_, k) => Number(view.getBigUint64(at + 4 + k * 8, true)));
    }
    at += 4 + size;
  }
  throw new ReaderError(m.truncated('ZIP64 扩展字段缺失'));
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const latin1 = new TextDecoder('latin1');

export class ZipArchive {
  private readonly byKey = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const e of entries) this.byKey.set(partKey(e.name), e);
  }

  /** The entry of a part name (case-insensitive, leading slash ignored). */
  entry(name: string): ZipEntry | undefined {
    return this.byKey.get(partKey(name));
  }

  /** The decompressed bytes of an entry: real size equal to the declared one, CRC-32 checked. */
  read(entry: ZipEntry): Uint8Array {
    const data = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    let out: Uint8Array;
    if (entry.method === 0) out = data;
    else {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ReaderError(m.sizeMismatch(entry.name, entry.size, `超过 ${String(entry.size)} 字节`));
        throw new ReaderError(m.inflate(entry.name));
      }
    }
    if (out.byteLength !== entry.size) throw new ReaderError(m.sizeMismatch(entry.name, entry.size, `${String(out.byteLength)} 字节`));
    if (crc32(out) >>> 0 !== entry.crc32) throw new ReaderError(m.crc(entry.name));
    return out;
  }

  /** UTF-8 text of a part (BOM dropped), or undefined when there is no such part. */
  text(name: string): string | undefined {
    const entry = this.entry(name);
    return entry === undefined ? undefined : utf8.decode(this.read(entry)).replace(/^\uFEFF/, '');
  }

  /** Inflates every entry once (sizes and CRC-32 checked), one at a time; the budget is checked between entries. */
  verifyAll(budget?: Budget, each?: (entry: ZipEntry, bytes: Uint8Array) => void): void {
    for (const entry of this.entries) {
      budget?.check();
      if (entry.name.endsWith('/')) continue;
      const bytes = this.read(entry);
      each?.(entry, bytes);
    }
  }
}

/**
 * Opens a ZIP archive: reads and checks the central directory and every local header, and holds each
 * entry's declared sizes to the bounds. Throws ReaderError / ReaderLimitError; inflates nothing.
 */
export function openZip(bytes: Uint8Array, limits: ReaderLimits = DEFAULT_LIMITS): ZipArchive {
  bound('fileBytes', limits, bytes.byteLength);
  if (bytes.byteLength < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ReaderError(m.notZip);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) throw new ReaderError(m.zip64);
  const disk = view.getUint16(end + 4, true);
  const cdDisk = view.getUint16(end + 6, true);
  const onDisk = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) throw new ReaderError(m.zip64);
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) throw new ReaderError(m.multiDisk);
  bound('zipEntries', limits, count);
  if (cdOffset + cdSize > end) throw new ReaderError(m.truncated('中央目录超出文件范围'));

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = cdOffset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > cdOffset + cdSize || view.getUint32(at, true) !== CENTRAL) throw new ReaderError(m.truncated('中央目录记录损坏'));
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const nameStart = at + 46;
    const extraEnd = nameStart + nameLength + extraLength;
    if (extraEnd + commentLength > cdOffset + cdSize) throw new ReaderError(m.truncated('中央目录记录损坏'));
    const rawName = bytes.subarray(nameStart, nameStart + nameLength);
    const name = (flags & 0x0800) !== 0 ? utf8.decode(rawName) : latin1.decode(rawName);
    const wide = [size, compressedSize, localOffset].filter((v) => v === MAX32).length;
    if (wide > 0) {
      const values = zip64Values(view, nameStart + nameLength, extraEnd, wide);
      if (size === MAX32) size = values.shift() as number;
      if (compressedSize === MAX32) compressedSize = values.shift() as number;
      if (localOffset === MAX32) localOffset = values.shift() as number;
    }
    at = extraEnd + commentLength;

    const key = partKey(name);
    if (seen.has(key)) throw new ReaderError(m.duplicate(name));
    seen.add(key);
    if ((flags & 0x0001) !== 0) throw new ReaderError(m.encrypted(name));
    if (method !== 0 && method !== 8) throw new ReaderError(m.method(name, method));
    bound('entryBytes', limits, size, name);
    total += size;
    bound('totalBytes', limits, total);
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.compressionRatio) {
      throw new ReaderLimitError('compressionRatio', limits, compressedSize === 0 ? size : size / compressedSize, name);
    }
    if (method === 0 && compressedSize !== size) throw new ReaderError(m.sizeMismatch(name, size, `${String(compressedSize)} 字节`));

    if (localOffset + 30 > cdOffset || view.getUint32(localOffset, true) !== LOCAL) throw new ReaderError(m.truncated(`${name} 的本地文件头缺失`));
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const localName = bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    if (Buffer.compare(localName, rawName) !== 0) throw new ReaderError(m.nameMismatch(name));
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > cdOffset) throw new ReaderError(m.truncated(`${name} 的数据超出文件范围`));
    entries.push({ name, method, crc32: crc, compressedSize, size, localOffset, dataOffset });
  }

  // No two entries may share bytes (APPNOTE 4.3.6: each file is local header, data, [descriptor]).
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let k = 1; k < byOffset.length; k++) {
    const before = byOffset[k - 1] as ZipEntry;
    const entry = byOffset[k] as ZipEntry;
    if (entry.localOffset < before.dataOffset + before.compressedSize) throw new ReaderError(m.overlap(entry.name));
  }
  return new ZipArchive(bytes, entries);
}
