/**
 * The mount table: /proc/self/mountinfo as proc(5) describes it, and which mount holds a path.
 *
 *   36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
 *   (1)(2)(3)   (4)   (5)      (6)       (7)  (8)  (9)    (10)       (11)
 */

export interface MountEntry {
  /** (1) unique id of the mount. */
  readonly id: number;
  /** (2) id of the parent mount. */
  readonly parentId: number;
  /** (3) `major:minor` of st_dev; major 0 is an anonymous device (btrfs, overlay, tmpfs, fuse …). */
  readonly majorMinor: string;
  /** (5) where it is mounted, escapes decoded. */
  readonly mountPoint: string;
  /** (9) filesystem type, e.g. `ext4`, `fuse.sshfs`. */
  readonly fsType: string;
  /** (10) mount source, e.g. `/dev/sda2`, `//server/share`. */
  readonly source: string;
  /** (11) per-superblock options, e.g. overlay's `upperdir=…`. */
  readonly superOptions: string;
}

/** Decodes the octal escapes of mountinfo (`\040` = space, `\134` = backslash). */
export function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/** Parses /proc/self/mountinfo; lines that do not have the documented shape are skipped. */
export function parseMountInfo(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (fields.length < 10 || dash < 6) continue;
    out.push({
      id: Number(fields[0]),
      parentId: Number(fields[1]),
      majorMinor: fields[2] ?? '',
      mountPoint: unescapeMount(fields[4] ?? ''),
      fsType: fields[dash + 1] ?? '',
      source: unescapeMount(fields[dash + 2] ?? ''),
      superOptions: unescapeMount(fields[dash + 3] ?? ''),
    });
  }
  return out;
}

/**
 * The mount holding `path`: the longest mount point that contains it; of several mounts stacked on
 * the same point the last one listed (mountinfo lists a mount after the one it covers).
 */
export function findMount(mounts: readonly MountEntry[], path: string): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const m of mounts) {
    const mp = m.mountPoint;
    const inside = path === mp || path.startsWith(mp.endsWith('/') ? mp : mp + '/');
    if (inside && (best === undefined || mp.length >= best.mountPoint.length)) best = m;
  }
  return best;
}

/** Every mount that holds `path` or one of its ancestors (`/`, `/home`, `/home/user` …), outermost first, each once. */
export function mountsAlong(mounts: readonly MountEntry[], path: string): MountEntry[] {
  const prefixes = ['/'];
  const parts = path.split('/').filter((p) => p !== '');
  for (let i = 1; i <= parts.length; i++) prefixes.push('/' + parts.slice(0, i).join('/'));
  const out: MountEntry[] = [];
  for (const p of prefixes) {
    const m = findMount(mounts, p);
    if (m && !out.includes(m)) out.push(m);
  }
  return out;
}

/** The value of a `key=value` option in a comma-separated option list (overlay's `upperdir`). */
export function mountOption(options: string, key: string): string | undefined {
  for (const o of options.split(',')) if (o.startsWith(key + '=')) return o.slice(key.length + 1);
  return undefined;
}
