/**
 * Everything of an image before the first file extent — system area, volume descriptors, path tables and
 * directories — built from the layout. The writer writes it, the verifier rebuilds it and compares.
 */
import { createHash } from 'node:crypto';
import { computeLayout, type DirNode, type IsoFileInfo, type IsoLayout, type TreeKind } from './layout.js';
import { isoMessages as m } from './messages.js';
import {
  asciiField,
  both16,
  both32,
  directoryRecord,
  FLAG_DIRECTORY,
  isoTime,
  longDate,
  pathRecord,
  recordLength,
  SECTOR,
  toAChars,
  toDChars,
  ucs2,
  ucs2Field,
  type IsoTime,
} from './records.js';

export interface IsoOptions {
  /** Joliet volume identifier (UCS-2, at most 16 characters), e.g. '机密★题库报送'. */
  readonly volumeId: string;
  /** Primary volume identifier, d-characters (8.4.6); others become '_'. Default 'QBANK'. */
  readonly pvdVolumeId?: string;
  /**
   * Publisher, data preparer, application (8.4.20–8.4.22): in full in the Joliet descriptor (at most 64
   * characters, trimmed), as a-characters in the primary one (others dropped: '某单位 QBANK' → 'QBANK').
   */
  readonly publisher?: string;
  readonly preparer?: string;
  readonly application?: string;
  /** Every timestamp of the image (UTC, to the centisecond in descriptors, the second in records). */
  readonly date: Date;
}

/** The options as recorded: trimmed, truncated, mapped. Normalising twice changes nothing. */
export interface VolumeFields {
  readonly volumeId: string;
  readonly pvdVolumeId: string;
  readonly publisher: string;
  readonly preparer: string;
  readonly application: string;
  readonly time: IsoTime;
}

export const PVD_SECTOR = 16;
export const SVD_SECTOR = 17;
export const TERMINATOR_SECTOR = 18;
/** Where in the primary volume descriptor's application use field (8.4.32, BP 884–1395) the digest sits. */
export const DIGEST_TAG = 'QBANK-ISO-METADATA-SHA256:';
export const DIGEST_AT = PVD_SECTOR * SECTOR + 883 + DIGEST_TAG.length;
export const DIGEST_LENGTH = 64;

const MAX_TEXT = 64; // 128-byte fields of the SVD hold 64 UCS-2 units

function text(s: string | undefined, max: number): string {
  let t = (s ?? '').trim().slice(0, max);
  if (/[\ud800-\udbff]$/.test(t)) t = t.slice(0, -1); // never half of a surrogate pair
  return t.trimEnd();
}

export function normalizeOptions(o: IsoOptions): VolumeFields {
  const volumeId = o.volumeId.trim();
  if (volumeId.length > 16) throw new Error(m.volumeIdTooLong(volumeId));
  const time = isoTime(o.date);
  if (time === null) throw new Error(m.badDate(o.date));
  return {
    volumeId,
    pvdVolumeId: toDChars((o.pvdVolumeId ?? 'QBANK').trim()).slice(0, 32),
    publisher: text(o.publisher, MAX_TEXT),
    preparer: text(o.preparer, MAX_TEXT),
    application: text(o.application, MAX_TEXT),
    time,
  };
}

/** The metadata of the image `writeIso` writes for these files and options (sectors 0 to dataStart − 1). */
export function isoMetadata(files: readonly IsoFileInfo[], options: IsoOptions): Buffer {
  return buildMetadata(computeLayout(files), normalizeOptions(options));
}

export function buildMetadata(layout: IsoLayout, vol: VolumeFields): Buffer {
  const buf = Buffer.alloc(layout.dataStart * SECTOR); // 6.2.1: the system area stays zero
  volumeDescriptor(buf, layout, vol, 'primary');
  volumeDescriptor(buf, layout, vol, 'joliet');
  terminator(buf, TERMINATOR_SECTOR * SECTOR);
  for (const kind of ['primary', 'joliet'] as const) {
    pathTables(buf, layout, kind);
    for (const d of layout[kind].dirs) directory(buf, d, kind, vol.time);
  }
  buf.write(DIGEST_TAG, DIGEST_AT - DIGEST_TAG.length, 'latin1');
  buf.write(metadataDigest(buf), DIGEST_AT, 'latin1');
  return buf;
}

/**
 * SHA-256 (hex) of the metadata with the digest field as zeros. Names, volume identifiers and other
 * texts are recorded once only, so re-deriving cannot catch a change in them; this digest can.
 */
export function metadataDigest(meta: Buffer): string {
  const h = createHash('sha256');
  h.update(meta.subarray(0, DIGEST_AT));
  h.update(Buffer.alloc(DIGEST_LENGTH));
  h.update(meta.subarray(DIGEST_AT + DIGEST_LENGTH));
  return h.digest('hex');
}

/**
 * 8.4 (primary, type 1) and 8.5 (supplementary, type 2). The Joliet SVD (Joliet spec §2) names UCS-2
 * level 3 with the escape sequence %/E in BP 89–91 (%/@ level 1 and %/C level 2 are the others) and
 * records its identifiers in UCS-2 big-endian.
 */
function volumeDescriptor(buf: Buffer, layout: IsoLayout, vol: VolumeFields, kind: TreeKind): void {
  const at = (kind === 'primary' ? PVD_SECTOR : SVD_SECTOR) * SECTOR;
  const joliet = kind === 'joliet';
  const tree = layout[kind];
  const field = (off: number, len: number, s: string) => (joliet ? ucs2Field(buf, at + off, len, s) : asciiField(buf, at + off, len, s));
  const aText = (s: string, len: number) => (joliet ? s : toAChars(s, len));
  buf[at] = joliet ? 2 : 1; // 8.4.1 / 8.5.1 volume descriptor type
  buf.write('CD001', at + 1, 'latin1'); // 8.4.2 standard identifier
  buf[at + 6] = 1; // 8.4.3 version
  field(8, 32, ''); // 8.4.5 system identifier
  field(40, 32, joliet ? vol.volumeId : vol.pvdVolumeId); // 8.4.6 volume identifier
  both32(buf, at + 80, layout.totalSectors); // 8.4.8 volume space size
  if (joliet) buf.write('%/E', at + 88, 'latin1'); // 8.5 escape sequences (BP 89–120): Joliet UCS-2 level 3
  both16(buf, at + 120, 1); // 8.4.10 volume set size
  both16(buf, at + 124, 1); // 8.4.11 volume sequence number
  both16(buf, at + 128, SECTOR); // 8.4.12 logical block size
  both32(buf, at + 132, tree.pathTableBytes); // 8.4.13 path table size
  buf.writeUInt32LE(tree.lSector, at + 140); // 8.4.14 type L path table (8.4.15 optional copy: 0)
  buf.writeUInt32BE(tree.mSector, at + 148); // 8.4.16 type M path table (8.4.17 optional copy: 0)
  const root = layout.root[kind];
  directoryRecord(buf, at + 156, Buffer.of(0), root.extent, root.sectors * SECTOR, FLAG_DIRECTORY, vol.time); // 8.4.18
  field(190, 128, ''); // 8.4.19 volume set identifier
  field(318, 128, aText(vol.publisher, 128)); // 8.4.20 publisher
  field(446, 128, aText(vol.preparer, 128)); // 8.4.21 data preparer
  field(574, 128, aText(vol.application, 128)); // 8.4.22 application
  field(702, 37, ''); // 8.4.23 copyright file
  field(739, 37, ''); // 8.4.24 abstract file
  field(776, 37, ''); // 8.4.25 bibliographic file
  longDate(buf, at + 813, vol.time); // 8.4.26 creation
  longDate(buf, at + 830, vol.time); // 8.4.27 modification
  longDate(buf, at + 847, null); // 8.4.28 expiration: not specified
  longDate(buf, at + 864, null); // 8.4.29 effective: not specified
  buf[at + 881] = 1; // 8.4.30 file structure version
}

/** 8.3: the volume descriptor set terminator. */
function terminator(buf: Buffer, at: number): void {
  buf[at] = 255;
  buf.write('CD001', at + 1, 'latin1');
  buf[at + 6] = 1;
}

function identifier(d: DirNode, kind: TreeKind): Buffer {
  return kind === 'primary' ? Buffer.from(d.isoId, 'latin1') : ucs2(d.name);
}

/** 9.4 / 6.9: type L then type M path table of one tree; the root's identifier is one 0x00 byte. */
function pathTables(buf: Buffer, layout: IsoLayout, kind: TreeKind): void {
  const tree = layout[kind];
  for (const bigEndian of [false, true]) {
    let at = (bigEndian ? tree.mSector : tree.lSector) * SECTOR;
    for (const d of tree.dirs) {
      const id = d.parent === null ? Buffer.of(0) : identifier(d, kind);
      const parent = d.parent === null ? 1 : d.parent[kind].number;
      at += pathRecord(buf, at, id, d[kind].extent, parent, bigEndian);
    }
  }
}

/**
 * 6.8.1 / 9.1: one directory — "." (identifier 0x00) and ".." (0x01, the root's parent is itself,
 * by definition) then the children in 9.3 order. A record that would cross a sector end starts the next
 * sector (6.8.1); the rest of the sector stays zero. The data length is whole sectors.
 */
function directory(buf: Buffer, d: DirNode, kind: TreeKind, t: IsoTime): void {
  const self = d[kind];
  const parent = (d.parent ?? d)[kind];
  const start = self.extent * SECTOR;
  let pos = start;
  const put = (id: Buffer, extent: number, size: number, flags: number) => {
    const len = recordLength(id.length);
    if (((pos - start) % SECTOR) + len > SECTOR) pos += SECTOR - ((pos - start) % SECTOR);
    pos += directoryRecord(buf, pos, id, extent, size, flags, t);
  };
  put(Buffer.of(0), self.extent, self.sectors * SECTOR, FLAG_DIRECTORY);
  put(Buffer.of(1), parent.extent, parent.sectors * SECTOR, FLAG_DIRECTORY);
  for (const c of self.order) {
    if (c.kind === 'dir') put(identifier(c, kind), c[kind].extent, c[kind].sectors * SECTOR, FLAG_DIRECTORY);
    else put(kind === 'primary' ? Buffer.from(c.isoId, 'latin1') : ucs2(c.name), c.extent, c.size, 0);
  }
}
