/**
 * Finds any changed byte of an image outside file data. The writer is deterministic, so the image it
 * would write is re-derived from what the image records (names and sizes from the tree, volume
 * identifiers, publisher, preparer, application and date from the descriptors) and every byte that is
 * not file content is compared: system area, volume descriptors, path tables, directories, the zero
 * padding after each file and anything after the end. Texts recorded only once (a Joliet name, the
 * volume identifier) would re-derive to whatever they became, so the metadata also carries its SHA-256
 * (in the primary descriptor's application use field), checked last.
 *
 * File content is NOT checked here — the packages on the disc are authenticated encryption and their
 * reader checks them. Nothing of file content is read: only the metadata sectors and the padding.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { computeLayout, type IsoLayout } from './layout.js';
import { buildMetadata, DIGEST_AT, DIGEST_LENGTH, metadataDigest, normalizeOptions, PVD_SECTOR, SVD_SECTOR, TERMINATOR_SECTOR } from './metadata.js';
import { isoRegions as r } from './messages.js';
import { readIsoVolume } from './reader.js';
import { SECTOR } from './records.js';
import { padding } from './writer.js';

export interface IsoProblem {
  /** Byte offset of the first differing byte of the region. */
  readonly offset: number;
  /** Where, in Chinese: '主卷描述符', 'Joliet 目录 /data', '文件 data/0003.qbe 之后的填充' … */
  readonly region: string;
}

export interface IsoVerdict {
  readonly ok: boolean;
  readonly problems: IsoProblem[];
}

interface Region {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

const CHUNK = 1024 * 1024;

/** Compares everything but file content with what writeIso would write; the first difference per region. */
export function verifyIsoStructure(isoPath: string): IsoVerdict {
  let layout: IsoLayout;
  let expected: Buffer;
  try {
    const vol = readIsoVolume(isoPath, true);
    layout = computeLayout(vol.entries.filter((e) => !e.isDirectory));
    const fields = normalizeOptions({
      volumeId: vol.volumeId.slice(0, 16),
      pvdVolumeId: vol.pvdVolumeId,
      publisher: vol.publisher,
      preparer: vol.preparer,
      application: vol.application,
      date: vol.date ?? new Date(0),
    });
    expected = buildMetadata(layout, fields);
  } catch (e) {
    return { ok: false, problems: [{ offset: 0, region: r.unreadable(e instanceof Error ? e.message : String(e)) }] };
  }
  const fd = openSync(isoPath, 'r');
  try {
    const problems = compareMetadata(fd, layout, expected);
    problems.push(...comparePadding(fd, layout));
    const end = layout.totalSectors * SECTOR;
    const size = fstatSync(fd).size;
    // a copy read back from a disc may carry zeros after the end (run-out sectors): only data counts
    const extra = size < end ? size : firstNonZero(fd, end, size - end);
    if (extra !== null) problems.push({ offset: extra, region: r.imageEnd });
    return { ok: problems.length === 0, problems };
  } finally {
    closeSync(fd);
  }
}

/** The regions of the metadata, in order, covering sectors 0 to dataStart − 1. */
export function metadataRegions(layout: IsoLayout): Region[] {
  const sectors = (from: number, count: number, name: string): Region => ({ start: from * SECTOR, end: (from + count) * SECTOR, name });
  const regions = [
    sectors(0, PVD_SECTOR, r.systemArea),
    sectors(PVD_SECTOR, 1, r.primary),
    sectors(SVD_SECTOR, 1, r.joliet),
    sectors(TERMINATOR_SECTOR, 1, r.terminator),
  ];
  for (const kind of ['primary', 'joliet'] as const) {
    const t = layout[kind];
    regions.push(sectors(t.lSector, t.pathTableSectors, r.pathTable(kind, 'L')), sectors(t.mSector, t.pathTableSectors, r.pathTable(kind, 'M')));
  }
  for (const kind of ['primary', 'joliet'] as const) {
    for (const d of layout[kind].dirs) regions.push(sectors(d[kind].extent, d[kind].sectors, r.directory(kind, d.path)));
  }
  return regions.sort((a, b) => a.start - b.start);
}

function compareMetadata(fd: number, layout: IsoLayout, expected: Buffer): IsoProblem[] {
  const actual = Buffer.alloc(expected.length);
  const got = readFully(fd, actual, 0);
  const problems: IsoProblem[] = [];
  // the digest field is checked on its own below: re-derived from changed names it would differ too,
  // and point at the primary descriptor instead of at what changed
  const digest = { start: DIGEST_AT, end: DIGEST_AT + DIGEST_LENGTH };
  for (const reg of metadataRegions(layout)) {
    const end = Math.min(reg.end, got);
    const parts = reg.start < digest.start && digest.end <= reg.end ? [[reg.start, digest.start], [digest.end, end]] : [[reg.start, end]];
    const at = parts.map(([from, to]) => firstDifference(expected, actual, from as number, to as number)).find((x) => x !== null);
    if (at !== undefined && at !== null) problems.push({ offset: at, region: reg.name });
    else if (got < reg.end) problems.push({ offset: got, region: reg.name });
  }
  if (problems.length === 0 && actual.toString('latin1', digest.start, digest.end) !== metadataDigest(actual)) {
    problems.push({ offset: DIGEST_AT, region: r.digest });
  }
  return problems;
}

function comparePadding(fd: number, layout: IsoLayout): IsoProblem[] {
  const problems: IsoProblem[] = [];
  for (const f of layout.files) {
    const n = padding(f.size);
    if (n === 0) continue;
    const at = firstNonZero(fd, f.extent * SECTOR + f.size, n, true);
    if (at !== null) problems.push({ offset: at, region: r.padding(f.path) });
  }
  return problems;
}

function firstDifference(a: Buffer, b: Buffer, start: number, end: number): number | null {
  if (end <= start || a.subarray(start, end).equals(b.subarray(start, end))) return null;
  for (let i = start; i < end; i++) if (a[i] !== b[i]) return i;
  return null;
}

/** The offset of the first non-zero byte in [pos, pos + len); a missing byte counts when `required`. */
function firstNonZero(fd: number, pos: number, len: number, required = false): number | null {
  const buf = Buffer.alloc(Math.min(Math.max(len, 0), CHUNK));
  for (let done = 0; done < len; ) {
    const want = Math.min(buf.length, len - done);
    const got = readFully(fd, buf.subarray(0, want), pos + done);
    const i = zeroUpTo(buf.subarray(0, got));
    if (i < got) return pos + done + i;
    if (got < want) return required ? pos + done + got : null;
    done += got;
  }
  return null;
}

const ZEROS = Buffer.alloc(CHUNK);

/** Index of the first non-zero byte (the length when all are zero); compared natively first. */
function zeroUpTo(b: Buffer): number {
  if (b.equals(ZEROS.subarray(0, b.length))) return b.length;
  let i = 0;
  while (b[i] === 0) i++;
  return i;
}

function readFully(fd: number, buf: Buffer, pos: number): number {
  let done = 0;
  while (done < buf.length) {
    const n = readSync(fd, buf, done, buf.length - done, pos + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}
