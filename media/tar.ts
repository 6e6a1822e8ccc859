/**
 * A streamed pax tar writer (POSIX.1-2001, IEEE Std 1003.1 "pax Interchange Format"): ustar headers,
 * preceded by a pax extended header (typeflag 'x') carrying `path=` in UTF-8 whenever a name is not
 * plain printable ASCII or longer than the 100 bytes of the ustar name field — so GNU tar and bsdtar
 * extract Chinese names as they are. Parent folders are written as directory entries (0755) before
 * their contents, files are 0644, uid/gid 0, no user or group names; the order is the path order
 * (UTF-16 code units, component by component), so the same files give the same bytes. Ends with two
 * 512-byte zero blocks. Back-pressure is respected; no file is held in memory. This is the plaintext
 * inside a CMS EnvelopedData.
 */
import type { Readable } from 'node:stream';
import { isoMessages as m } from './iso/messages.js';
import { Sink } from './iso/sink.js';

export interface TarFileSource {
  /** '/'-separated, relative. */
  readonly path: string;
  readonly size: number;
  readonly mtime: Date;
  open(): Readable | AsyncIterable<Uint8Array>;
}

interface Entry {
  readonly name: string;
  readonly kind: 'file' | 'dir';
  readonly size: number;
  /** Seconds since the epoch. */
  readonly mtime: number;
  readonly source: TarFileSource | null;
  /** The pax extended header's records, empty when the ustar header says everything. */
  readonly pax: Buffer;
}

const BLOCK = 512;
const MAX_OCTAL_11 = 0o77777777777;
const TYPE_FILE = '0';
const TYPE_DIR = '5';
const TYPE_PAX = 'x';

const roundUp = (n: number) => Math.ceil(n / BLOCK) * BLOCK;

/** The exact size of the archive writeTar writes (from paths, sizes and dates alone). */
export function tarSize(files: readonly Pick<TarFileSource, 'path' | 'size' | 'mtime'>[]): number {
  let total = 2 * BLOCK;
  for (const e of plan(files)) total += (e.pax.length > 0 ? BLOCK + roundUp(e.pax.length) : 0) + BLOCK + roundUp(e.size);
  return total;
}

/**
 * Writes the archive to `out` and resolves once every byte has been accepted by `out.write`; `out` is not
 * ended (the caller ends it). Errors in Chinese name the file: a bad path, a duplicate, a source that
 * yields more or fewer bytes than declared.
 */
export async function writeTar(files: readonly TarFileSource[], out: NodeJS.WritableStream): Promise<void> {
  const entries = plan(files);
  const sink = new Sink(out, tarSize(files), { hash: false });
  try {
    for (const e of entries) {
      if (e.pax.length > 0) {
        await sink.put(header(paxName(e.name), e.pax.length, e.mtime, TYPE_PAX, 0o644));
        await sink.put(e.pax);
        await sink.zeros(roundUp(e.pax.length) - e.pax.length);
      }
      await sink.put(header(e.name, e.size, e.mtime, e.kind === 'dir' ? TYPE_DIR : TYPE_FILE, e.kind === 'dir' ? 0o755 : 0o644));
      if (e.source === null) continue;
      const f = e.source;
      const n = await sink.copy(
        f.open(),
        f.size,
        () => new Error(m.sizeMismatch(f.path, f.size)),
        () => new Error(m.textChunk(f.path)),
      );
      if (n !== f.size) throw new Error(m.sizeMismatch(f.path, f.size, n));
      await sink.zeros(roundUp(f.size) - f.size);
    }
    await sink.zeros(2 * BLOCK);
    await sink.finish();
  } finally {
    sink.release();
  }
}

/** Entries in path order, each folder before what it holds; checks paths, sizes and dates. */
function plan(files: readonly Pick<TarFileSource, 'path' | 'size' | 'mtime'>[]): Entry[] {
  const seconds = new Map<string, number>(); // folder → latest mtime inside
  const paths = new Set<string>();
  const items = files.map((f) => {
    const parts = f.path.split('/');
    if (f.path === '' || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\0'))) throw new Error(m.emptyPath(f.path));
    if (!Number.isSafeInteger(f.size) || f.size < 0) throw new Error(m.badSize(f.path, f.size));
    const t = f.mtime.getTime();
    if (!Number.isFinite(t)) throw new Error(m.badTime(f.path));
    const mtime = Math.floor(t / 1000);
    if (paths.has(f.path)) throw new Error(m.duplicate(f.path));
    paths.add(f.path);
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      seconds.set(dir, Math.max(seconds.get(dir) ?? -Infinity, mtime));
    }
    return { f, parts, mtime };
  });
  for (const p of paths) if (seconds.has(p)) throw new Error(m.fileAndFolder(p));
  items.sort((a, b) => compareParts(a.parts, b.parts));
  const out: Entry[] = [];
  const done = new Set<string>();
  for (const { f, parts, mtime } of items) {
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (done.has(dir)) continue;
      done.add(dir);
      out.push(entry(`${dir}/`, 'dir', 0, seconds.get(dir) as number, null));
    }
    out.push(entry(f.path, 'file', f.size, mtime, 'open' in f ? (f as TarFileSource) : null));
  }
  return out;
}

function compareParts(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

function entry(name: string, kind: Entry['kind'], size: number, mtime: number, source: TarFileSource | null): Entry {
  const records: string[] = [];
  if (!/^[\x20-\x7e]*$/.test(name) || Buffer.byteLength(name) > 100) records.push(paxRecord('path', name));
  if (size > MAX_OCTAL_11) records.push(paxRecord('size', String(size)));
  if (mtime < 0 || mtime > MAX_OCTAL_11) records.push(paxRecord('mtime', String(mtime)));
  return { name, kind, size, mtime, source, pax: Buffer.from(records.join(''), 'utf8') };
}

/** A pax record "LEN keyword=value\n", LEN counting its own digits (pax, "extended header"). */
function paxRecord(key: string, value: string): string {
  const body = Buffer.byteLength(` ${key}=${value}\n`);
  let len = body + String(body).length;
  if (String(len).length > String(body).length) len = body + String(len).length;
  return `${len} ${key}=${value}\n`;
}

/** The ASCII stand-in a ustar field gets when the pax header carries the real name. */
function asciiName(name: string): string {
  const dir = name.endsWith('/');
  const ascii = name.replace(/[^\x20-\x7e]/gu, '_');
  if (ascii.length <= 100) return ascii;
  return dir ? `${ascii.slice(0, 99)}/` : ascii.slice(0, 100);
}

function paxName(name: string): string {
  const base = asciiName(name.replace(/\/$/, '').split('/').pop() ?? '');
  return `PaxHeaders/${base}`.slice(0, 100);
}

/** A ustar header (pax "ustar Interchange Format"): numbers in octal, NUL-terminated. */
function header(name: string, size: number, mtime: number, type: string, mode: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  const octal = (at: number, width: number, n: number) => h.write(`${n.toString(8).padStart(width - 1, '0')}\0`, at, 'latin1');
  h.write(asciiName(name), 0, 'utf8'); // name[100]
  octal(100, 8, mode);
  octal(108, 8, 0); // uid
  octal(116, 8, 0); // gid
  octal(124, 12, size > MAX_OCTAL_11 ? 0 : size); // larger sizes are in the pax header
  octal(136, 12, mtime < 0 || mtime > MAX_OCTAL_11 ? 0 : mtime);
  h.write(type, 156, 'latin1');
  h.write('ustar\x0000', 257, 'latin1'); // magic "ustar\0", version "00"
  // uname[32], gname[32] stay empty; linkname and prefix unused
  octal(329, 8, 0); // devmajor
  octal(337, 8, 0); // devminor
  h.fill(0x20, 148, 156); // the checksum is computed with its own field as spaces
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}
