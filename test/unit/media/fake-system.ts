/**
 * An in-memory system for the write-target check: a mount table plus a small file tree with real
 * symbolic-link semantics (sysfs is mostly links: /sys/dev/block/8:1 → …/block/sda/sda1).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { parseMountInfo } from '../../../media/mounts.js';
import type { SystemProbe } from '../../../media/probe.js';

export interface FakeTree {
  /** Symbolic links: path → target (absolute, or relative to the link's folder). */
  readonly links?: Readonly<Record<string, string>>;
  /** Files with their content. */
  readonly files?: Readonly<Record<string, string>>;
  /** Plain folders. */
  readonly dirs?: readonly string[];
}

export interface FakeSystem extends FakeTree {
  readonly platform?: NodeJS.Platform;
  /** undefined: the mount table cannot be read. */
  readonly mountinfo: string | undefined;
}

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'mountinfo');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function fixtureTree(name: string): FakeTree {
  return JSON.parse(fixture(name)) as FakeTree;
}

function ancestors(p: string): string[] {
  const out: string[] = [];
  for (let d = posix.dirname(p); ; d = posix.dirname(d)) {
    out.push(d);
    if (d === '/') return out;
  }
}

export function fakeProbe(system: FakeSystem): SystemProbe {
  const links = new Map(Object.entries(system.links ?? {}));
  const files = new Map(Object.entries(system.files ?? {}));
  const mountPoints = system.mountinfo === undefined ? [] : parseMountInfo(system.mountinfo).map((m) => m.mountPoint);
  const dirs = new Set<string>(['/']);
  for (const p of [...links.keys(), ...files.keys(), ...(system.dirs ?? []), ...mountPoints]) {
    for (const a of ancestors(p)) dirs.add(a);
  }
  for (const d of [...(system.dirs ?? []), ...mountPoints]) dirs.add(d);

  const realpath = (path: string): string => {
    let hops = 0;
    let done = '/';
    const todo = posix.normalize(path).split('/').filter((s) => s !== '');
    while (todo.length > 0) {
      const next = posix.join(done, todo.shift() as string);
      const link = links.get(next);
      if (link !== undefined) {
        if (++hops > 40) throw Object.assign(new Error(`ELOOP ${path}`), { code: 'ELOOP' });
        const target = posix.isAbsolute(link) ? link : posix.join(done, link);
        todo.unshift(...target.split('/').filter((s) => s !== ''));
        done = '/';
        continue;
      }
      if (!dirs.has(next) && !files.has(next)) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
      done = next;
    }
    return done;
  };
  const tryReal = (p: string): string | undefined => {
    try {
      return realpath(p);
    } catch {
      return undefined;
    }
  };
  return {
    platform: system.platform ?? 'linux',
    mountInfo: () => system.mountinfo,
    realpath,
    exists: (p) => tryReal(p) !== undefined,
    readText: (p) => {
      const r = tryReal(p);
      return r === undefined ? undefined : files.get(r);
    },
    listDir: (p) => {
      const r = tryReal(p);
      if (r === undefined || !dirs.has(r)) return [];
      const names = new Set<string>();
      for (const k of [...dirs, ...files.keys(), ...links.keys()]) if (k !== '/' && dirname(k) === r) names.add(posix.basename(k));
      return [...names].sort();
    },
  };
}

/** sysfs of a fixed virtio disk (vda, 254:0) and a USB stick (sdb1, 8:17), for hybridProbe. */
export const DISK_AND_STICK: FakeTree = {
  links: {
    '/sys/dev/block/254:0': '/sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda',
    '/sys/dev/block/8:17': '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb/sdb1',
  },
  files: {
    '/sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda/removable': '0\n',
    '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb/removable': '1\n',
    '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb/sdb1/partition': '1\n',
  },
};

/** mountinfo escaping of a path (space, tab, newline, backslash). */
const escapeMount = (p: string): string => p.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);

/**
 * The real file system (real folders, real symbolic links) under a made-up mount table: `/` is ext4
 * on the fixed disk vda, and each folder of `usbMounts` a USB stick. `mounts()` may be changed later
 * (a stick mounted between two checks).
 */
export function hybridProbe(usbMounts: () => readonly string[], platform: NodeJS.Platform = 'linux'): SystemProbe {
  const table = () =>
    ['27 1 254:0 / / rw,relatime - ext4 /dev/vda rw', ...usbMounts().map((d, i) => `${60 + i} 27 8:17 / ${escapeMount(d)} rw,nosuid - vfat /dev/sdb1 rw`)].join('\n') + '\n';
  const fake = fakeProbe({ mountinfo: table(), ...DISK_AND_STICK });
  const sys = (p: string) => p.startsWith('/sys/');
  return {
    platform,
    mountInfo: table,
    realpath: (p) => (sys(p) ? fake.realpath(p) : realpathSync(p)),
    exists: (p) => (sys(p) ? fake.exists(p) : existsSync(p)),
    readText: (p) => (sys(p) ? fake.readText(p) : undefined),
    listDir: (p) => (sys(p) ? fake.listDir(p) : []),
  };
}
