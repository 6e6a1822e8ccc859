/**
 * Write-target check, an allow-list (规程第十二条: never store or back up the bank on floppy or USB
 * media; 第十一条/第十三条: never over a network). A path may be written only when every mount along
 * its real path (symbolic links resolved; for a path not created yet, its nearest existing ancestor)
 *   - has a filesystem type on the allow-list (ALLOWED_FS_TYPES), and
 *   - is stored on disks with an internal transport (SATA, NVMe, SCSI/SAS, virtio, Xen) that are not
 *     removable — partitions, device-mapper/LUKS/LVM, md and loop images followed to those disks;
 * or is a disc in a real optical drive (iso9660/udf on `sr*` / SCSI type 5). Everything else is
 * refused: fuse (fuseblk is NTFS/exFAT on a stick), network and shared folders of virtual machines,
 * memory (tmpfs), overlay unless its upper folder passes, unknown devices and filesystem types.
 * Where the check cannot be made at all (Windows, macOS, no readable mount table) the verdict is
 * `unverifiable`: refused, and only the 安全保密管理员 can allow it (app/services/policy/).
 */
import { dirname, join, relative, resolve } from 'node:path';
import { backingOf, INTERNAL_TRANSPORTS, type Backing, type DiskFacts } from './block-device.js';
import { mountOption, mountsAlong, parseMountInfo, type MountEntry } from './mounts.js';
import { systemProbe, type SystemProbe } from './probe.js';
import { refusalReason, unverifiableReason } from './target-messages.js';

export { findMount, parseMountInfo, type MountEntry } from './mounts.js';
export { systemProbe, type SystemProbe } from './probe.js';

export type TargetKind =
  | 'local'
  | 'optical'
  | 'usb'
  | 'sd'
  | 'removable'
  | 'network'
  | 'share'
  | 'fuse'
  | 'memory'
  | 'overlay'
  | 'unsupported'
  | 'unknown'
  | 'unverifiable';

export interface TargetVerdict {
  readonly allowed: boolean;
  readonly kind: TargetKind;
  /** Real path that was checked (for a path not created yet: its real existing ancestor joined with the rest). */
  readonly path: string;
  /** The mount that decided (the refused one, or the innermost when allowed). */
  readonly mountPoint: string;
  readonly fsType: string;
  readonly device: string;
  /** Chinese explanation when refused. */
  readonly reason: string;
}

/** Filesystems of fixed disks. ext2/ext3 are served by the ext4 driver; btrfs counts only with every member device checked. */
export const ALLOWED_FS_TYPES: ReadonlySet<string> = new Set(['ext2', 'ext3', 'ext4', 'xfs', 'btrfs', 'ntfs', 'ntfs3', 'apfs', 'hfs', 'hfsplus']);
export const OPTICAL_FS_TYPES: ReadonlySet<string> = new Set(['iso9660', 'udf']);
export const NETWORK_FS_TYPES: ReadonlySet<string> = new Set([
  'nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'ncpfs', 'afs', 'coda', 'ceph', 'glusterfs', 'lustre', 'gpfs', 'ocfs2', 'gfs2',
  'davfs', 'fuse.sshfs', 'fuse.rclone', 'fuse.davfs2', 'fuse.s3fs', 'fuse.glusterfs', 'fuse.gvfsd-fuse', 'fuse.curlftpfs',
  'fuse.httpfs', 'fuse.smbnetfs', 'fuse.cephfs',
]);
/** Folders shared by a hypervisor or a host (VirtualBox, VMware, Parallels, virtio-fs, Plan 9, WSL). */
export const SHARE_FS_TYPES: ReadonlySet<string> = new Set(['virtiofs', '9p', 'vboxsf', 'vmhgfs', 'fuse.vmhgfs-fuse', 'prl_fs', 'drvfs', 'v9fs']);
export const MEMORY_FS_TYPES: ReadonlySet<string> = new Set(['tmpfs', 'ramfs', 'devtmpfs']);

const MAX_DEPTH = 8;

/** Nearest existing ancestor of `path` (the target may not exist yet). */
function existingAncestor(path: string, probe: SystemProbe): string {
  let p = resolve(path);
  while (!probe.exists(p)) {
    const parent = dirname(p);
    if (parent === p) break;
    p = parent;
  }
  return p;
}

/** The real path of `path`, through its nearest existing ancestor; undefined when it cannot be resolved. */
function realTarget(path: string, probe: SystemProbe): string | undefined {
  const abs = resolve(path);
  const anc = existingAncestor(abs, probe);
  try {
    return join(probe.realpath(anc), relative(anc, abs));
  } catch {
    return undefined;
  }
}

type MountResult = { readonly allowed: true; readonly kind: 'local' | 'optical' } | { readonly allowed: false; readonly kind: TargetKind; readonly detail: string };

const refuse = (kind: TargetKind, detail = ''): MountResult => ({ allowed: false, kind, detail });

function diskProblem(d: DiskFacts): MountResult | undefined {
  if (d.transport === 'usb') return refuse('usb', d.name);
  if (d.transport === 'mmc') return refuse('sd', d.name);
  if (d.transport === 'firewire' || d.removable) return refuse('removable', d.name);
  if (!INTERNAL_TRANSPORTS.has(d.transport)) return refuse('unknown', `无法确定磁盘 ${d.name} 的接口`);
  return undefined;
}

function judgeBackings(backings: readonly Backing[], optical: boolean, probe: SystemProbe, depth: number): MountResult {
  if (backings.length === 0) return refuse('unknown', '找不到所在的磁盘');
  for (const b of backings) {
    if (b.type === 'unresolved') return refuse('unknown', b.why);
    if (b.type === 'file') {
      const inner = classify(b.path, probe, depth + 1);
      if (!inner.allowed) return refuse(inner.kind, `回环设备 ${b.name} 的映像文件 ${b.path} 位于 ${inner.mountPoint || '无法核验的位置'}`);
      continue;
    }
    // An optical drive always reports removable=1: for a disc only the drive's transport counts.
    const problem = diskProblem(b.optical ? { ...b, removable: false } : b);
    if (problem) return problem;
    if (b.optical !== optical) return refuse('unsupported', optical ? `${b.name} 不是光驱，${b.transport === 'usb' ? 'U 盘' : '磁盘'}上的 UDF/ISO 9660 文件系统不算光盘` : `${b.name} 是光驱`);
  }
  return { allowed: true, kind: optical ? 'optical' : 'local' };
}

function judgeMount(m: MountEntry, probe: SystemProbe, depth: number): MountResult {
  const fs = m.fsType;
  if (NETWORK_FS_TYPES.has(fs)) return refuse('network');
  if (SHARE_FS_TYPES.has(fs)) return refuse('share');
  if (fs === 'fuse' || fs === 'fuseblk' || fs.startsWith('fuse.')) return refuse('fuse');
  if (MEMORY_FS_TYPES.has(fs)) return refuse('memory');
  if (fs === 'overlay') {
    // Where an overlay writes is its upper folder; checkable only when that folder is visible here.
    const upper = mountOption(m.superOptions, 'upperdir');
    if (upper === undefined || !probe.exists(upper)) return refuse('overlay', '无法确定其上层目录所在的磁盘');
    const inner = classify(upper, probe, depth + 1);
    return inner.allowed ? { allowed: true, kind: 'local' } : refuse('overlay', `上层目录 ${upper} 位于 ${inner.mountPoint || '无法核验的位置'}（${inner.fsType || inner.kind}）`);
  }
  const optical = OPTICAL_FS_TYPES.has(fs);
  if (!optical && !ALLOWED_FS_TYPES.has(fs)) {
    // Name the medium when it is known to be a stick or a card (vfat/exFAT on USB …), else the type.
    const medium = judgeBackings(backingOf(m, probe), false, probe, depth);
    return !medium.allowed && ['usb', 'sd', 'removable'].includes(medium.kind) ? medium : refuse('unsupported');
  }
  return judgeBackings(backingOf(m, probe), optical, probe, depth);
}

function classify(path: string, probe: SystemProbe, depth: number): TargetVerdict {
  const none = { path: resolve(path), mountPoint: '', fsType: '', device: '' };
  if (probe.platform !== 'linux') return { ...none, allowed: false, kind: 'unverifiable', reason: unverifiableReason(probe.platform) };
  const text = probe.mountInfo();
  const mounts = text === undefined ? [] : parseMountInfo(text);
  if (mounts.length === 0) return { ...none, allowed: false, kind: 'unverifiable', reason: unverifiableReason('mountinfo') };
  const real = realTarget(path, probe);
  if (real === undefined) return { ...none, allowed: false, kind: 'unknown', reason: `无法解析写入位置 ${path} 的真实路径，禁止写入` };
  if (depth > MAX_DEPTH) return { ...none, path: real, allowed: false, kind: 'unknown', reason: `写入位置 ${path} 的存储层次过深，无法核验` };
  const along = mountsAlong(mounts, real);
  if (along.length === 0) return { ...none, path: real, allowed: false, kind: 'unknown', reason: `挂载表中找不到 ${real} 所在的文件系统，禁止写入` };
  let kind: 'local' | 'optical' = 'local';
  for (const m of along) {
    const r = judgeMount(m, probe, depth);
    const info = { path: real, mountPoint: m.mountPoint, fsType: m.fsType, device: m.source };
    if (!r.allowed) return { ...info, allowed: false, kind: r.kind, reason: refusalReason(r.kind, info, r.detail) };
    kind = r.kind;
  }
  const last = along[along.length - 1] as MountEntry;
  return { path: real, mountPoint: last.mountPoint, fsType: last.fsType, device: last.source, allowed: true, kind, reason: '' };
}

export function classifyWriteTarget(path: string, probe: SystemProbe): TargetVerdict {
  return classify(path, probe, 0);
}

export function checkWriteTarget(path: string, probe: SystemProbe = systemProbe): TargetVerdict {
  return classify(path, probe, 0);
}
