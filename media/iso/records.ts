/**
 * Byte-level building blocks of ECMA-119 (ISO 9660, 4th edition 2019) and Joliet (Microsoft, "Joliet
 * Specification", 1995): numeric fields (7.2–7.3), character sets (7.4), dates (8.4.26.1, 9.1.5),
 * directory records (9.1), path-table records (9.4) and the name order of 9.3.
 */

export const SECTOR = 2048;

/** 7.2.1 / 7.2.2 / 7.2.3: 16-bit little-endian, big-endian, both-byte orders (4 bytes). */
export function both16(buf: Buffer, at: number, n: number): void {
  buf.writeUInt16LE(n, at);
  buf.writeUInt16BE(n, at + 2);
}

/** 7.3.3: 32-bit both-byte orders (8 bytes: little-endian then big-endian). */
export function both32(buf: Buffer, at: number, n: number): void {
  buf.writeUInt32LE(n, at);
  buf.writeUInt32BE(n, at + 4);
}

/** 7.4.1: d-characters (A–Z, 0–9, _). */
const D_CHAR = /^[A-Z0-9_]$/;
/** 7.4.1 / Annex A: a-characters (d-characters, space and ! " % & ' ( ) * + , - . / : ; < = > ?). */
const A_CHAR = /^[A-Z0-9_ !"%&'()*+,\-./:;<=>?]$/;

/**
 * A string as d-characters: upper-cased, every run of other characters replaced by one '_'.
 * Idempotent: applying it twice gives the same string (the verifier relies on that).
 */
export function toDChars(s: string): string {
  let out = '';
  let bad = false;
  for (const ch of s.toUpperCase()) {
    if (D_CHAR.test(ch)) {
      out += ch;
      bad = false;
    } else if (!bad) {
      out += '_';
      bad = true;
    }
  }
  return out;
}

/**
 * The ASCII fallback of a text field of the primary volume descriptor (8.4.20–8.4.22: a-characters):
 * upper-cased, other characters dropped, spaces collapsed, trimmed, and no leading '_' (a leading 0x5F
 * would mean "the identifier is the name of a file in the root directory", 8.4.20). Idempotent.
 */
export function toAChars(s: string, max: number): string {
  const kept = [...s.toUpperCase()].filter((ch) => A_CHAR.test(ch)).join('');
  return kept.replace(/ +/g, ' ').replace(/^[_ ]+/, '').slice(0, max).trimEnd();
}

/** An ASCII field padded with spaces (0x20) to `len` bytes (8.4.x "filled with spaces"). */
export function asciiField(buf: Buffer, at: number, len: number, s: string): void {
  buf.fill(0x20, at, at + len);
  buf.write(s.slice(0, len), at, 'latin1');
}

/**
 * A Joliet text field (Joliet spec §3: identifiers of the supplementary volume descriptor are UCS-2,
 * big-endian, padded with (00)(20)); an odd field length (37-byte file identifiers) ends with a 0x00.
 */
export function ucs2Field(buf: Buffer, at: number, len: number, s: string): void {
  buf.fill(0, at, at + len);
  for (let i = 0; i + 1 < len; i += 2) buf.writeUInt16BE(0x0020, at + i);
  ucs2(s).copy(buf, at, 0, Math.min(len & ~1, s.length * 2));
}

/** UCS-2 big-endian bytes of a string (Joliet spec §3.3; characters beyond the BMP as UTF-16 pairs). */
export function ucs2(s: string): Buffer {
  const b = Buffer.from(s, 'utf16le');
  return b.swap16();
}

/** Decodes UCS-2 big-endian bytes. */
export function fromUcs2(b: Buffer): string {
  const copy = Buffer.from(b.subarray(0, b.length & ~1));
  return copy.swap16().toString('utf16le');
}

/** The timestamp every structure of an image carries: UTC, to the centisecond. */
export interface IsoTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly centi: number;
}

export function isoTime(date: Date): IsoTime | null {
  const t = date.getTime();
  if (!Number.isFinite(t)) return null;
  const year = date.getUTCFullYear();
  if (year < 1900 || year > 2155) return null; // 9.1.5: year as years since 1900 in one byte
  return {
    year,
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    centi: Math.floor(date.getUTCMilliseconds() / 10),
  };
}

/** 8.4.26.1: "YYYYMMDDHHMMSScc" in digits plus the offset from GMT in 15-minute units (0: UTC). */
export function longDate(buf: Buffer, at: number, t: IsoTime | null): void {
  if (t === null) {
    buf.write('0000000000000000', at, 'latin1'); // "not specified": all '0' and offset 0
    buf[at + 16] = 0;
    return;
  }
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  buf.write(`${p(t.year, 4)}${p(t.month, 2)}${p(t.day, 2)}${p(t.hour, 2)}${p(t.minute, 2)}${p(t.second, 2)}${p(t.centi, 2)}`, at, 'latin1');
  buf[at + 16] = 0;
}

/** Reads an 8.4.26.1 date back (null when not specified or not digits). */
export function readLongDate(buf: Buffer, at: number): Date | null {
  const s = buf.toString('latin1', at, at + 16);
  if (!/^\d{16}$/.test(s) || s === '0000000000000000') return null;
  const n = (i: number, w: number) => Number(s.slice(i, i + w));
  const offset = buf.readInt8(at + 16) * 15 * 60_000;
  const ms = Date.UTC(n(0, 4), n(4, 2) - 1, n(6, 2), n(8, 2), n(10, 2), n(12, 2), n(14, 2) * 10) - offset;
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/** 9.1.5: seven bytes — years since 1900, month, day, hour, minute, second, offset from GMT (0). */
export function shortDate(buf: Buffer, at: number, t: IsoTime): void {
  buf[at] = t.year - 1900;
  buf[at + 1] = t.month;
  buf[at + 2] = t.day;
  buf[at + 3] = t.hour;
  buf[at + 4] = t.minute;
  buf[at + 5] = t.second;
  buf[at + 6] = 0;
}

/** 9.1: the length of a directory record with an identifier of `idLength` bytes (9.1.12: pad to even). */
export function recordLength(idLength: number): number {
  return 33 + idLength + (idLength % 2 === 0 ? 1 : 0);
}

export const FLAG_DIRECTORY = 0x02; // 9.1.6 bit 1

/**
 * 9.1: a directory record — BP1 length, BP2 extended-attribute length (0), BP3–10 extent (7.3.3),
 * BP11–18 data length (7.3.3), BP19–25 date (9.1.5), BP26 flags (9.1.6), BP27 file unit size and BP28
 * interleave gap (0: not interleaved), BP29–32 volume sequence number (7.2.3, 1), BP33 identifier
 * length, BP34– identifier, then the padding byte of 9.1.12. No system use field.
 */
export function directoryRecord(buf: Buffer, at: number, id: Buffer, extent: number, size: number, flags: number, t: IsoTime): number {
  const len = recordLength(id.length);
  buf.fill(0, at, at + len);
  buf[at] = len;
  both32(buf, at + 2, extent);
  both32(buf, at + 10, size);
  shortDate(buf, at + 18, t);
  buf[at + 25] = flags;
  both16(buf, at + 28, 1);
  buf[at + 32] = id.length;
  id.copy(buf, at + 33);
  return len;
}

/** 9.4: a path-table record's length (identifier padded to even). */
export function pathRecordLength(idLength: number): number {
  return 8 + idLength + (idLength % 2);
}

/**
 * 9.4: a path-table record — BP1 identifier length, BP2 extended-attribute length, BP3–6 extent, BP7–8
 * parent directory number, BP9– identifier (+ a padding byte when odd). Type L records numbers
 * little-endian (7.3.1, 7.2.1), type M big-endian (7.3.2, 7.2.2).
 */
export function pathRecord(buf: Buffer, at: number, id: Buffer, extent: number, parent: number, bigEndian: boolean): number {
  buf[at] = id.length;
  buf[at + 1] = 0;
  if (bigEndian) {
    buf.writeUInt32BE(extent, at + 2);
    buf.writeUInt16BE(parent, at + 6);
  } else {
    buf.writeUInt32LE(extent, at + 2);
    buf.writeUInt16LE(parent, at + 6);
  }
  id.copy(buf, at + 8);
  return pathRecordLength(id.length);
}

/**
 * The order of 9.3 (directory records) and 6.9.1 (path-table records, within one parent): by name,
 * the shorter padded with spaces, then by extension likewise, then by version number descending.
 * Names are compared as code units — bytes for the primary tree, UCS-2 units for Joliet.
 */
export interface SortKey {
  readonly name: string;
  readonly ext: string;
  readonly version: number;
}

export function compareKeys(a: SortKey, b: SortKey): number {
  return comparePadded(a.name, b.name) || comparePadded(a.ext, b.ext) || b.version - a.version;
}

function comparePadded(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = i < a.length ? a.charCodeAt(i) : 0x20;
    const y = i < b.length ? b.charCodeAt(i) : 0x20;
    if (x !== y) return x - y;
  }
  return 0;
}
