/**
 * macOS: `drutil` (lists the drives and the disc in each) and `hdiutil burn` (writes an image), both
 * part of the system.
 *
 * - A drive is named by its drutil number: id `drutil:1`. `drutil list` gives vendor and product,
 *   `drutil -drive 1 status` the disc (`Type:`, `Name: /dev/disk2`, `Writability: … blank …`).
 * - Burn: `hdiutil burn <iso> -noeject -noverifyburn -forceclose -puppetstrings [-device <IOService path>]`
 *   (`-puppetstrings` prints `PERCENT:<n>`; hdiutil's own verify is off because we read back ourselves).
 *   `-device` takes a path of `hdiutil burn -list`; that list is paired with drutil's by order when both
 *   have the same length, else hdiutil picks the burner itself (one drive: the usual workstation).
 * - Read-back: the disc's BSD node is read again from `drutil status` after the burn (the disc is
 *   re-enumerated) and its raw node `/dev/rdiskN` read in 2048-byte-aligned chunks.
 */

export const DRUTIL = 'drutil';
export const HDIUTIL = 'hdiutil';

export function drutilNumber(id: string): string | undefined {
  return /^drutil:(\d+)$/.exec(id)?.[1];
}

export const drutilStatusArgs = (n: string): string[] => ['-drive', n, 'status'];
export const drutilEjectArgs = (n: string): string[] => ['-drive', n, 'eject'];
export const hdiutilListArgs = (): string[] => ['burn', '-list'];

export function hdiutilBurnArgs(iso: string, device: string | undefined): string[] {
  return ['burn', iso, '-noeject', '-noverifyburn', '-forceclose', '-puppetstrings', ...(device === undefined ? [] : ['-device', device])];
}

/** Rows of `drutil list`: the number and `vendor product`, cut at the header's columns (Vendor … Rev). */
export function parseDrutilList(text: string): { n: string; name: string }[] {
  const lines = text.split(/\r?\n/);
  const header = lines.find((l) => /\bVendor\b/.test(l) && /\bProduct\b/.test(l));
  const from = header?.indexOf('Vendor') ?? -1;
  const to = header?.search(/\bRev\b/) ?? -1;
  const out: { n: string; name: string }[] = [];
  for (const line of lines) {
    const m = /^\s*(\d+)\s+\S/.exec(line);
    if (!m) continue;
    const raw = from >= 0 && to > from ? line.slice(from, to) : line.slice(m[0].length - 1);
    out.push({ n: m[1] ?? '', name: raw.trim().replace(/\s+/g, ' ') });
  }
  return out;
}

export interface DrutilStatus {
  /** `Type:` of the disc, e.g. `DVD-R`, or undefined when no media is inserted. */
  readonly type: string | undefined;
  /** BSD node of the disc, e.g. `/dev/disk2`. */
  readonly device: string | undefined;
  readonly blank: boolean;
}

export function parseDrutilStatus(text: string): DrutilStatus {
  const type = /\bType:\s*(.+?)(?:\s{2,}|\s+Name:|$)/m.exec(text)?.[1]?.trim();
  const device = /\bName:\s*(\/dev\/disk\d+)/.exec(text)?.[1];
  const writability = /\bWritability:\s*(.*)$/m.exec(text)?.[1] ?? '';
  const none = type === undefined || /no media/i.test(type);
  return { type: none ? undefined : type, device, blank: !none && /\bblank\b/.test(writability) };
}

/** The raw node of a disc (`/dev/disk2` → `/dev/rdisk2`): unbuffered, the fast way to read it back. */
export const rawNode = (device: string): string => device.replace(/^\/dev\/disk/, '/dev/rdisk');

/** Paths of `hdiutil burn -list`, one per burner. */
export function parseHdiutilList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('IOService:'));
}

/** `PERCENT:12.5` of `-puppetstrings`; -1 means "not known yet". */
export function parsePuppetPercent(line: string): number | undefined {
  const m = /^PERCENT:\s*(-?[\d.]+)/.exec(line.trim());
  if (!m) return undefined;
  const p = Number(m[1]);
  return Number.isFinite(p) && p >= 0 ? Math.min(100, p) : undefined;
}
