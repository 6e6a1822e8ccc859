/**
 * An in-memory system for the write-target check: a mount table plus a small file tree with real
 * symbolic-link semantics (sysfs is mostly links: /sys/dev/block/8:1 → …/block/sda/sda1).
 */
import { readFileSync } from 'node:fs';
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
