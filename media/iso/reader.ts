/**
 * Reads an ISO 9660 image without mounting it (the receiving side opens the .iso it was given): the
 * volume descriptors (ECMA-119 8), then the directory tree — the Joliet tree when a Joliet SVD is
 * present (its escape sequence %/@, %/C or %/E, Joliet spec §2), else the primary tree. Bounded against
 * hostile images: at most 100 000 entries, 8 directory levels (6.8.2.1), directories of bounded size,
 * every extent inside the image, no directory read twice (no loops), names that cannot escape a folder.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { isoMessages as m } from './messages.js';
import { fromUcs2, readLongDate, SECTOR } from './records.js';

export interface IsoEntry {
  /** Joliet name (or primary identifier without ";1"), '/'-separated. */
  readonly path: string;
  readonly size: number;
  /** Byte offset of the extent in the image. */
  readonly offset: number;
  readonly isDirectory: boolean;
}

export interface IsoDirectory {
  readonly volumeId: string;
  readonly pvdVolumeId: string;
  readonly entries: IsoEntry[];
  /** Volume space size × 2048 (8.4.8). */
  readonly imageBytes: number;
}

/** What the verifier needs besides the tree: the texts and the date the descriptors record. */
export interface IsoVolume extends IsoDirectory {
  readonly joliet: boolean;
  readonly publisher: string;
  readonly preparer: string;
  readonly application: string;
  /** Creation date of the primary volume descriptor (8.4.26); if unreadable its modification date, then the SVD's. */
  readonly date: Date | null;
}

export const MAX_ENTRIES = 100_000;
const MAX_LEVELS = 8;
const MAX_DIRECTORY_BYTES = 32 * 1024 * 1024;
const MAX_ALL_DIRECTORY_BYTES = 128 * 1024 * 1024;
const MAX_DESCRIPTORS = 64;
const JOLIET_ESCAPES = new Set(['%/@', '%/C', '%/E']);

/** The tree of an image: Joliet names when present, else the primary tree. Throws a Chinese message. */
export function readIsoDirectory(isoPath: string): IsoDirectory {
  const { volumeId, pvdVolumeId, entries, imageBytes } = readIsoVolume(isoPath);
  return { volumeId, pvdVolumeId, entries, imageBytes };
}

/** A file's bytes, streamed from the image. */
export function openIsoFile(isoPath: string, entry: IsoEntry): NodeJS.ReadableStream {
  if (entry.isDirectory) throw new Error(m.notAFile(entry.path));
  if (entry.size === 0) return Readable.from([], { objectMode: false });
  return createReadStream(isoPath, { start: entry.offset, end: entry.offset + entry.size - 1 });
}

/**
 * The tree and the descriptors' texts and date. `lenient` (the verifier's mode, for images this program
 * wrote): the descriptors are taken where the writer puts them (sectors 16 and 17) whatever their type
 * bytes say, extents are bounded by the file rather than the recorded volume size, and when the Joliet
 * tree cannot be read the primary tree is — so that a damaged byte is found by comparison, not refused.
 */
export function readIsoVolume(isoPath: string, lenient = false): IsoVolume {
  const fd = openSync(isoPath, 'r');
  try {
    return readVolume(isoPath, fd, fstatSync(fd).size, lenient);
  } finally {
    closeSync(fd);
  }
}

type Read = (pos: number, len: number) => Buffer;

function readVolume(isoPath: string, fd: number, fileBytes: number, lenient: boolean): IsoVolume {
  const read: Read = (pos, len) => {
    const b = Buffer.alloc(len);
    let done = 0;
    while (done < len) {
      const n = readSync(fd, b, done, len - done, pos + done);
      if (n === 0) throw new Error(m.truncated(pos + len, fileBytes));
      done += n;
    }
    return b;
  };
  if (fileBytes < 19 * SECTOR) throw new Error(m.notIso(isoPath, `文件只有 ${fileBytes} 字节`));
  const { pvd, svd } = lenient ? { pvd: read(16 * SECTOR, SECTOR), svd: read(17 * SECTOR, SECTOR) } : descriptors(isoPath, read, fileBytes);
  if (!lenient) {
    for (const d of [pvd, svd]) {
      const blockSize = d?.readUInt16LE(128);
      if (blockSize !== undefined && blockSize !== SECTOR) throw new Error(m.notIso(isoPath, m.blockSize(blockSize)));
    }
  }
  const imageBytes = pvd.readUInt32LE(80) * SECTOR;
  if (imageBytes > fileBytes && !lenient) throw new Error(m.truncated(imageBytes, fileBytes));
  const bound = lenient ? fileBytes : imageBytes;
  let entries: IsoEntry[];
  let joliet = svd !== null;
  try {
    entries = readTree(read, svd ?? pvd, joliet, bound);
  } catch (e) {
    if (!lenient || svd === null) throw e;
    entries = readTree(read, pvd, false, bound);
    joliet = false;
  }
  const pvdVolumeId = pvd.toString('latin1', 40, 72).trimEnd();
  const text = (at: number, len: number) => (svd === null ? pvd.toString('latin1', at, at + len) : fromUcs2(svd.subarray(at, at + len))).replace(/[ \0]+$/, '');
  const dates = [readLongDate(pvd, 813), readLongDate(pvd, 830), ...(svd === null ? [] : [readLongDate(svd, 813), readLongDate(svd, 830)])];
  return {
    volumeId: svd === null ? pvdVolumeId : text(40, 32),
    pvdVolumeId,
    entries,
    imageBytes,
    joliet,
    publisher: text(318, 128),
    preparer: text(446, 128),
    application: text(574, 128),
    date: dates.find((d) => d !== null) ?? null,
  };
}

/** 8.1–8.5: the descriptors from sector 16 to the terminator; the first primary and the first Joliet SVD. */
function descriptors(isoPath: string, read: Read, fileBytes: number): { pvd: Buffer; svd: Buffer | null } {
  let pvd: Buffer | null = null;
  let svd: Buffer | null = null;
  for (let s = 16; ; s++) {
    if (s - 16 >= MAX_DESCRIPTORS || (s + 1) * SECTOR > fileBytes) throw new Error(m.notIso(isoPath, m.tooManyDescriptors));
    const d = read(s * SECTOR, SECTOR);
    if (d.toString('latin1', 1, 6) !== 'CD001') throw new Error(m.notIso(isoPath, `第 ${s} 扇区不是卷描述符（ECMA-119 第 8.1 条）`));
    if (d[0] === 255) break;
    if (d[0] === 1) pvd ??= d;
    if (d[0] === 2 && JOLIET_ESCAPES.has(d.toString('latin1', 88, 91))) svd ??= d;
  }
  if (pvd === null) throw new Error(m.notIso(isoPath, m.noPrimary));
  return { pvd, svd };
}

interface Pending {
  readonly extent: number;
  readonly size: number;
  readonly path: string;
  readonly level: number;
}

function readTree(read: Read, desc: Buffer, joliet: boolean, imageBytes: number): IsoEntry[] {
  const entries: IsoEntry[] = [];
  const seen = new Set<number>();
  let allBytes = 0;
  const inside = (extent: number, size: number, what: string) => {
    if (size > 0 && extent * SECTOR + size > imageBytes) throw new Error(m.extentOutside(what));
  };
  const stack: Pending[] = [{ extent: desc.readUInt32LE(156 + 2), size: desc.readUInt32LE(156 + 10), path: '', level: 1 }];
  while (stack.length > 0) {
    const dir = stack.pop() as Pending;
    const shown = `/${dir.path}`;
    if (dir.level > MAX_LEVELS) throw new Error(m.readerTooDeep(dir.path));
    if (seen.has(dir.extent)) throw new Error(m.loop(shown));
    seen.add(dir.extent);
    if (dir.size === 0 || dir.size > MAX_DIRECTORY_BYTES) throw new Error(m.dirTooLarge(shown, dir.size));
    allBytes += dir.size;
    if (allBytes > MAX_ALL_DIRECTORY_BYTES) throw new Error(m.dirsTooLarge(MAX_ALL_DIRECTORY_BYTES));
    inside(dir.extent, dir.size, `目录 ${shown}`);
    const data = read(dir.extent * SECTOR, dir.size);
    const names = new Set<string>();
    const subdirs: Pending[] = [];
    let pos = 0;
    while (pos < data.length) {
      const len = data[pos] as number;
      if (len === 0) {
        pos = (Math.floor(pos / SECTOR) + 1) * SECTOR; // 6.8.1: no record crosses a sector end; the rest is unused
        continue;
      }
      const idLen = data[pos + 32] ?? 0;
      if (len < 34 || pos + len > data.length || (pos % SECTOR) + len > SECTOR || 33 + idLen > len) throw new Error(m.badRecord(shown, pos));
      const rec = data.subarray(pos, pos + len);
      pos += len;
      const id = rec.subarray(33, 33 + idLen);
      if (idLen === 1 && (id[0] === 0 || id[0] === 1)) continue; // "." and ".."
      const flags = rec[25] as number;
      if (flags & 0x04) continue; // 9.1.6 bit 2: an associated file
      const name = decodeName(id, joliet);
      if (name === null) throw new Error(m.badName(shown, id.toString('latin1')));
      const path = dir.path === '' ? name : `${dir.path}/${name}`;
      if (names.has(name)) throw new Error(m.dupName(path));
      names.add(name);
      if (entries.length >= MAX_ENTRIES) throw new Error(m.tooManyEntries(MAX_ENTRIES));
      if (flags & 0x80 || rec[26] !== 0 || rec[27] !== 0) throw new Error(m.multiExtent(path)); // 9.1.6 bit 7, 9.1.7, 9.1.8
      const extent = rec.readUInt32LE(2);
      const size = rec.readUInt32LE(10);
      const isDirectory = (flags & 0x02) !== 0;
      inside(extent, size, isDirectory ? `目录 /${path}` : `文件 ${path}`);
      entries.push({ path, size, offset: extent * SECTOR, isDirectory });
      if (isDirectory) subdirs.push({ extent, size, path, level: dir.level + 1 });
    }
    stack.push(...subdirs.reverse());
  }
  return entries;
}

/** A recorded identifier as a name (version ";1" and, in the primary tree, a trailing "." removed). */
function decodeName(id: Buffer, joliet: boolean): string | null {
  if (joliet && id.length % 2 !== 0) return null;
  let name = joliet ? fromUcs2(id) : id.toString('latin1');
  name = name.replace(/;\d+$/, '');
  if (!joliet) name = name.replace(/\.$/, '');
  if (name === '' || name === '.' || name === '..' || /[\u0000-\u001f/\\]/.test(name)) return null;
  return name;
}
