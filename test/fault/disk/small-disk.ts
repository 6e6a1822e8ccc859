/**
 * A small real file system for the disk-full and read-only suite: an ext4 image loop-mounted in a temp
 * folder (as test/integration/services/output*.test.ts do). The write-target allow-list follows a loop
 * device to its backing file's disk, so the mount is an allowed internal disk — a tmpfs would be refused
 * by policy before anything is written. Filled to a given number of free bytes, or remounted read-only
 * (root ignores file permissions, so chmod would not make a read-only target).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readlinkSync, rmSync, statfsSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ReadableDB } from '../../../app/store/database.js';

const run = (cmd: string, args: readonly string[]) => execFileSync(cmd, args, { stdio: 'pipe' });

/**
 * Unmounts, waiting up to 3 s for files still being closed (a stream destroyed after a failed write
 * closes its descriptor asynchronously); if the mount stays busy, names what this process still holds
 * open there — a descriptor leaked by a failing write is a defect worth seeing.
 */
function unmount(root: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      run('umount', [root]);
      return;
    } catch (e) {
      if (attempt >= 30) {
        const held = readdirSync('/proc/self/fd').flatMap((fd) => {
          try {
            const target = readlinkSync(join('/proc/self/fd', fd));
            return target.startsWith(root) ? [target] : [];
          } catch {
            return [];
          }
        });
        run('umount', ['-l', root]);
        throw new Error(`${(e as Error).message.split('\n')[0]}; still open here: ${held.join(', ') || 'nothing in this process'}`);
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

let mountable: string | null | undefined;
/** Why loop mounts cannot be made here (not root, no mkfs.ext4, mount refused), or null when they can. */
export function cannotMount(): string | null {
  if (mountable !== undefined) return mountable;
  if (process.platform !== 'linux') return (mountable = 'not Linux');
  if (process.getuid?.() !== 0) return (mountable = 'not root: mount needs root');
  if (!existsSync('/usr/sbin/mkfs.ext4') && !existsSync('/sbin/mkfs.ext4')) return (mountable = 'mkfs.ext4 missing');
  try {
    const d = mountSmallDisk(2);
    d.dispose();
    return (mountable = null);
  } catch (e) {
    return (mountable = `mount of a loop ext4 image refused: ${(e as Error).message.split('\n')[0]}`);
  }
}

export interface SmallDisk {
  /** The mount point (holds lost+found). */
  readonly root: string;
  /** Leaves `bytes` free (a filler file takes the rest). */
  fill(bytes: number): void;
  readOnly(): void;
  /** Every path on the disk (relative, folders with a trailing /), but lost+found and the filler. */
  contents(): string[];
  dispose(): void;
}

export const FILLER = 'filler.bin';

/** An ext4 image of `mib` MiB, without blocks reserved for root (root would use them), mounted. */
export function mountSmallDisk(mib: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'qbank-disk-'));
  const image = join(dir, 'disk.img');
  const root = join(dir, 'mnt');
  mkdirSync(root);
  run('truncate', ['-s', `${mib}M`, image]);
  run('mkfs.ext4', ['-q', '-F', '-m', '0', image]);
  run('mount', ['-o', 'loop', image, root]);
  let mounted = true;
  return {
    root,
    fill(bytes) {
      const st = statfsSync(root);
      let left = st.bavail * st.bsize - bytes;
      const chunk = Buffer.alloc(1024 * 1024);
      const fd = openSync(join(root, FILLER), 'w');
      try {
        while (left > 0) left -= writeSync(fd, chunk, 0, Math.min(chunk.length, left));
      } finally {
        closeSync(fd);
      }
      run('sync', ['-f', root]);
    },
    readOnly: () => void run('mount', ['-o', 'remount,ro', root]),
    contents() {
      const out: string[] = [];
      const walk = (d: string) => {
        for (const name of readdirSync(d).sort()) {
          const abs = join(d, name);
          const rel = relative(root, abs);
          if (rel === 'lost+found' || rel === FILLER) continue;
          if (statSync(abs).isDirectory()) {
            out.push(`${rel}/`);
            walk(abs);
          } else out.push(rel);
        }
      };
      walk(root);
      return out;
    },
    dispose() {
      if (mounted) unmount(root);
      mounted = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rows per table of the database (every table but SQLite's own and the full-text index's shadows). */
export function tableCounts(db: ReadableDB): Map<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`).pluck().all() as string[];
  return new Map(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

/** The tables whose row count changed, as `table: before → after`. */
export function changedTables(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const [t, n] of after) if (before.get(t) !== n) out.set(t, [before.get(t) ?? 0, n]);
  for (const [t, n] of before) if (!after.has(t)) out.set(t, [n, 0]);
  return out;
}
