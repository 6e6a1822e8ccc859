/**
 * Linux (and xorriso's `stdio:` pseudo-drive anywhere): the command lines of xorriso and growisofs and
 * the parsing of what they print.
 *
 * - Media check: `xorriso -outdev <drive>` prints `Media current:` / `Media status :` lines.
 * - Write: `xorriso -as cdrecord -v dev=<drive> <iso>` (cdrecord emulation, no `-multi`: the disc is
 *   closed; on overwriteable media and `stdio:` files it writes from block 0). Progress lines:
 *   `xorriso : UPDATE :    4 of   58 MB written (fifo 99%) [buf  50%]`.
 * - Read-back: `xorriso -outdev <drive> -check_media data_to=- use=outdev what=disc min_lba=0
 *   max_lba=<n-1> --` streams the first n blocks to standard output through xorriso's own drive access:
 *   the kernel's view of /dev/sr0 (capacity, cache) may still be the blank disc's until the tray is
 *   reloaded (xorrecord(1), "Many systems do not take notice of xorrecord's write activities").
 * - Fallback when xorriso is missing: `growisofs -dvd-compat -Z /dev/sr0=<iso>` (DVD/BD only; growisofs
 *   reloads the tray itself, so the block device is read back directly). Progress:
 *   `  4685824/1234567890 ( 0.4%) @0.0x, remaining 0:00 …`.
 */

export const XORRISO = 'xorriso';
export const GROWISOFS = 'growisofs';
export const BLOCK = 2048;

/** `stdio:<path>`: xorriso's pseudo-drive on a regular file. */
export function isStdioDrive(id: string): boolean {
  return id.startsWith('stdio:');
}

/** A drive xorriso or growisofs may be given: `/dev/sr0`-like, or `stdio:` with an absolute path. */
export function isLinuxDriveId(id: string): boolean {
  if (isStdioDrive(id)) return id.slice('stdio:'.length).startsWith('/');
  return /^\/dev\/[\w.\-/]+$/.test(id) && !id.includes('..');
}

export const xorrisoStatusArgs = (drive: string): string[] => ['-outdev', drive];

export const xorrisoWriteArgs = (drive: string, iso: string): string[] => ['-as', 'cdrecord', '-v', `dev=${drive}`, iso];

export const xorrisoReadArgs = (drive: string, bytes: number): string[] => [
  '-outdev',
  drive,
  '-check_media',
  'data_to=-',
  'use=outdev',
  'what=disc',
  'min_lba=0',
  `max_lba=${Math.max(0, Math.ceil(bytes / BLOCK) - 1)}`,
  'event=FAILURE',
  '--',
];

export const xorrisoEjectArgs = (drive: string): string[] => ['-outdev', drive, '-eject', 'all'];

export const growisofsWriteArgs = (drive: string, iso: string): string[] => ['-dvd-compat', '-Z', `${drive}=${iso}`];

export interface MediaStatus {
  /** A disc (or a `stdio:` file) is there. */
  readonly present: boolean;
  /** It can take the image from block 0: blank, or overwriteable (DVD+RW, BD-RE, a `stdio:` file). */
  readonly writable: boolean;
  /** xorriso's words, e.g. `is blank`, `is written , is closed`. */
  readonly status: string;
  readonly current: string;
}

/** The media lines of `xorriso -outdev <drive>`; undefined when xorriso printed none (drive not acquired). */
export function parseXorrisoMedia(text: string): MediaStatus | undefined {
  const current = /^Media current:\s*(.*)$/m.exec(text)?.[1]?.trim();
  const status = /^Media status :\s*(.*)$/m.exec(text)?.[1]?.trim();
  if (current === undefined && status === undefined) return undefined;
  const cur = current ?? '';
  const st = status ?? '';
  const present = !/not present|no media/i.test(`${cur}\n${st}`);
  const writable = present && (/\bis blank\b/.test(st) || /overwriteable/.test(cur));
  return { present, writable, status: st, current: cur };
}

/** Percent written from a progress line of xorriso (`4 of 58 MB written`) or growisofs (`( 0.4%)`). */
export function parseWriteProgress(line: string): number | undefined {
  const x = /(\d+)\s+of\s+(\d+)\s+MB written/.exec(line);
  if (x) {
    const done = Number(x[1]);
    const all = Number(x[2]);
    return all > 0 ? Math.min(100, (done / all) * 100) : undefined;
  }
  const g = /^\s*\d+\/\d+\s*\(\s*([\d.]+)%\)/.exec(line);
  return g ? Math.min(100, Number(g[1])) : undefined;
}

/** One drive line of `xorriso -devices`: `0  -dev '/dev/sr0' rwrw-- :  'HL-DT-ST' 'DVDRAM GH24NSD1'`. */
export function parseXorrisoDevices(text: string): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = [];
  for (const m of text.matchAll(/-dev '([^']+)'\s+\S+\s*:\s*'([^']*)'\s+'([^']*)'/g)) {
    out.push({ id: m[1] ?? '', name: `${(m[2] ?? '').trim()} ${(m[3] ?? '').trim()}`.trim() });
  }
  return out;
}
