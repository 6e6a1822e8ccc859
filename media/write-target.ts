/**
 * Write-target check (规程第十二条: never store or back up the bank on floppy or USB media;
 * 第十一条/第十三条: never over a network). Every file the program writes, and the database itself,
 * must be on a fixed local disk (or an optical disc). Linux: the target's mount is looked up in
 * /proc/self/mountinfo and its block device in /sys (bus path containing `/usb`, `removable` flag).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

export type TargetKind = 'local' | 'optical' | 'usb' | 'removable' | 'network' | 'unknown';

export interface TargetVerdict {
  readonly allowed: boolean;
  readonly kind: TargetKind;
  readonly mountPoint: string;
  readonly fsType: string;
  readonly device: string;
  /** Chinese explanation when refused. */
  readonly reason: string;
}

export interface MountEntry {
  readonly majorMinor: string;
  readonly mountPoint: string;
  readonly fsType: string;
  readonly source: string;
}

/** What the check needs from the system, injectable for tests. */
export interface SystemProbe {
  readonly platform: NodeJS.Platform;
  mountInfo(): string;
  /** Resolved /sys/dev/block/<maj:min> path, or undefined when there is none. */
  blockDevicePath(majorMinor: string): string | undefined;
  /** Content of a sysfs attribute file, or undefined. */
  readSys(path: string): string | undefined;
  realpath(path: string): string;
  exists(path: string): boolean;
}

export const NETWORK_FS_TYPES: ReadonlySet<string> = new Set([
  'nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'ncpfs', 'afs', 'coda', 'ceph', 'glusterfs', 'lustre', 'gpfs', 'ocfs2',
  'davfs', 'fuse.sshfs', 'fuse.rclone', 'fuse.davfs2', 'fuse.s3fs', 'fuse.glusterfs', 'fuse.gvfsd-fuse', '9p',
]);
const OPTICAL_FS_TYPES: ReadonlySet<string> = new Set(['iso9660', 'udf']);

/** Decodes the octal escapes of mountinfo (`\040` = space). */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/** Parses /proc/self/mountinfo (proc(5)). */
export function parseMountInfo(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (fields.length < 10 || dash < 6) continue;
    out.push({
      majorMinor: fields[2] ?? '',
      mountPoint: unescapeMount(fields[4] ?? ''),
      fsType: fields[dash + 1] ?? '',
      source: unescapeMount(fields[dash + 2] ?? ''),
    });
  }
  return out;
}

/** The mount holding `path` (longest mount point that is a prefix of it; later mounts win ties). */
export function findMount(mounts: readonly MountEntry[], path: string): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const m of mounts) {
    const mp = m.mountPoint;
    const inside = path === mp || path.startsWith(mp.endsWith('/') ? mp : mp + '/');
    if (inside && (best === undefined || mp.length >= best.mountPoint.length)) best = m;
  }
  return best;
}

/** Nearest existing ancestor of `path` (the target may not exist yet). */
function existingAncestor(path: string, exists: (p: string) => boolean): string {
  let p = resolve(path);
  while (!exists(p)) {
    const parent = dirname(p);
    if (parent === p) break;
    p = parent;
  }
  return p;
}

function isRemovable(probe: SystemProbe, devPath: string): boolean {
  // A partition (…/block/sdb/sdb1) has no `removable` attribute of its own: ask its disk.
  const own = probe.readSys(`${devPath}/removable`);
  if (own !== undefined) return own.trim() === '1';
  const parent = probe.readSys(`${dirname(devPath)}/removable`);
  return parent?.trim() === '1';
}

export function classifyWriteTarget(path: string, probe: SystemProbe): TargetVerdict {
  const base = { mountPoint: '', fsType: '', device: '' };
  if (probe.platform !== 'linux') {
    // Other platforms get their own adapter with the burner work (IMAPI2, hdiutil); until then allow.
    return { ...base, allowed: true, kind: 'unknown', reason: '' };
  }
  const real = probe.realpath(existingAncestor(path, (p) => probe.exists(p)));
  const mount = findMount(parseMountInfo(probe.mountInfo()), real);
  if (!mount) return { ...base, allowed: true, kind: 'unknown', reason: '' };
  const info = { mountPoint: mount.mountPoint, fsType: mount.fsType, device: mount.source };
  if (NETWORK_FS_TYPES.has(mount.fsType)) {
    return { ...info, allowed: false, kind: 'network', reason: `目标位置 ${mount.mountPoint} 是网络文件系统（${mount.fsType}），禁止写入（规程第十一、十三条）` };
  }
  if (OPTICAL_FS_TYPES.has(mount.fsType)) return { ...info, allowed: true, kind: 'optical', reason: '' };
  const devPath = probe.blockDevicePath(mount.majorMinor);
  if (devPath !== undefined) {
    if (devPath.split(sep).some((seg) => /^usb\d*$/.test(seg)) || devPath.includes('/usb')) {
      return { ...info, allowed: false, kind: 'usb', reason: `目标位置 ${mount.mountPoint} 位于 USB 存储设备（${mount.source}），禁止存储或备份题库（规程第十二条）` };
    }
    if (/\/block\/sr\d+$/.test(devPath)) return { ...info, allowed: true, kind: 'optical', reason: '' };
    if (isRemovable(probe, devPath)) {
      return { ...info, allowed: false, kind: 'removable', reason: `目标位置 ${mount.mountPoint} 位于可移动存储设备（${mount.source}），禁止存储或备份题库（规程第十二条）` };
    }
  }
  return { ...info, allowed: true, kind: 'local', reason: '' };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The real system. */
export const systemProbe: SystemProbe = {
  platform: process.platform,
  mountInfo: () => readOrUndefined('/proc/self/mountinfo') ?? '',
  blockDevicePath: (mm) => {
    try {
      return realpathSync(`/sys/dev/block/${mm}`);
    } catch {
      return undefined;
    }
  },
  readSys: readOrUndefined,
  realpath: (p) => realpathSync(p),
  exists: (p) => existsSync(p),
};

export function checkWriteTarget(path: string, probe: SystemProbe = systemProbe): TargetVerdict {
  return classifyWriteTarget(path, probe);
}
