/**
 * What a mount is stored on, followed through sysfs (Documentation/ABI/stable/sysfs-block):
 * partitions to their disk (`…/block/sda/sda2` has a `partition` attribute; its disk is the parent
 * folder), device-mapper and md (LUKS, LVM, RAID) to the disks in `slaves/`, loop devices to their
 * `loop/backing_file` (whose own mount the caller checks in turn), btrfs to every member device
 * (`/sys/fs/btrfs/<fsid>/devices/`). Each disk is described by its transport (the controller in its
 * device path), its `removable` flags and whether it is an optical drive (`sr*`, SCSI type 5).
 */
import { basename, dirname } from 'node:path';
import type { MountEntry } from './mounts.js';
import type { SystemProbe } from './probe.js';

/** The controller a disk hangs off, read from its /sys/devices path. */
export type Transport = 'ata' | 'nvme' | 'scsi' | 'virtio' | 'xen' | 'usb' | 'mmc' | 'firewire' | 'unknown';

/** Transports of disks built into the workstation (or, in a virtual machine, its fixed virtual disks). */
export const INTERNAL_TRANSPORTS: ReadonlySet<Transport> = new Set(['ata', 'nvme', 'scsi', 'virtio', 'xen']);

export interface DiskFacts {
  readonly type: 'disk';
  /** Kernel name, e.g. `sda`, `nvme0n1`, `mmcblk0`, `sr0`. */
  readonly name: string;
  readonly sysPath: string;
  readonly transport: Transport;
  /** The disk's `removable` attribute is 1, or a device above it is marked `removable` (external port). */
  readonly removable: boolean;
  readonly optical: boolean;
}

/** A loop device: what it stores is a file on another mount. */
export interface LoopFile {
  readonly type: 'file';
  readonly name: string;
  readonly path: string;
}

/** Could not be followed: the check refuses it. */
export interface Unresolved {
  readonly type: 'unresolved';
  readonly name: string;
  /** Chinese explanation. */
  readonly why: string;
}

export type Backing = DiskFacts | LoopFile | Unresolved;

const MAX_DEPTH = 8;

/** The transport of a disk from the segments of its /sys/devices path. */
export function transportOf(sysPath: string): Transport {
  const segs = sysPath.split('/');
  if (segs.some((s) => /^usb\d+$/.test(s))) return 'usb';
  if (segs.some((s) => s === 'mmc_host' || /^mmc\d+$/.test(s) || s === 'memstick' || /^mmcblk\d+$/.test(s))) return 'mmc';
  if (segs.some((s) => s === 'firewire' || /^fw\d+$/.test(s) || s === 'ieee1394')) return 'firewire';
  if (segs.some((s) => /^nvme\d*$/.test(s) || s === 'nvme-subsystem')) return 'nvme';
  if (segs.some((s) => /^ata\d+$/.test(s))) return 'ata';
  if (segs.some((s) => /^virtio\d+$/.test(s))) return 'virtio';
  if (segs.some((s) => /^vbd-\d+$/.test(s))) return 'xen';
  if (segs.some((s) => /^host\d+$/.test(s)) && segs.some((s) => /^target\d+:\d+:\d+$/.test(s))) return 'scsi';
  return 'unknown';
}

function flag(probe: SystemProbe, path: string): string | undefined {
  return probe.readText(path)?.trim();
}

/** `removable` of the disk (0/1), or of a device above it (`removable`/`fixed`/`unknown`, external-facing ports). */
function isRemovable(probe: SystemProbe, sysPath: string): boolean {
  if (flag(probe, `${sysPath}/removable`) === '1') return true;
  for (let p = dirname(sysPath); p.startsWith('/sys/devices/') && p !== '/sys/devices'; p = dirname(p)) {
    if (flag(probe, `${p}/removable`) === 'removable') return true;
  }
  return false;
}

function realSys(probe: SystemProbe, path: string): string | undefined {
  try {
    return probe.realpath(path);
  } catch {
    return undefined;
  }
}

function follow(probe: SystemProbe, sysPath: string, depth: number, out: Backing[]): void {
  let path = sysPath;
  if (probe.exists(`${path}/partition`)) path = dirname(path);
  const name = basename(path);
  if (depth > MAX_DEPTH) {
    out.push({ type: 'unresolved', name, why: '块设备层次过深' });
    return;
  }
  if (path.includes('/devices/virtual/nvme-subsystem/')) {
    // NVMe native multipath: the namespace hangs off the subsystem; its controllers are the PCI devices.
    const controllers = probe.listDir(dirname(path)).filter((n) => /^nvme\d+$/.test(n));
    if (controllers.length === 0) out.push({ type: 'unresolved', name, why: `找不到 ${name} 的 NVMe 控制器` });
    for (const c of controllers) {
      const real = realSys(probe, `${dirname(path)}/${c}`);
      if (real === undefined || !real.startsWith('/sys/devices/')) out.push({ type: 'unresolved', name, why: `无法解析 ${name} 的控制器 ${c}` });
      else out.push({ type: 'disk', name, sysPath: real, transport: transportOf(real), removable: isRemovable(probe, real) || flag(probe, `${path}/removable`) === '1', optical: false });
    }
    return;
  }
  if (path.includes('/devices/virtual/')) {
    const backing = probe.readText(`${path}/loop/backing_file`)?.trim();
    if (/^loop\d+$/.test(name)) {
      if (backing === undefined || backing === '') out.push({ type: 'unresolved', name, why: `回环设备 ${name} 没有后备文件` });
      else if (backing.endsWith(' (deleted)')) out.push({ type: 'unresolved', name, why: `回环设备 ${name} 的后备文件已删除` });
      else out.push({ type: 'file', name, path: backing });
      return;
    }
    const slaves = probe.listDir(`${path}/slaves`);
    if (slaves.length === 0) {
      const why = /^nbd\d+$/.test(name) ? `${name} 是网络块设备` : /^(zram|ram)\d+$/.test(name) ? `${name} 是内存盘` : `无法确定虚拟块设备 ${name} 的底层磁盘`;
      out.push({ type: 'unresolved', name, why });
      return;
    }
    for (const s of slaves) {
      const real = realSys(probe, `${path}/slaves/${s}`);
      if (real === undefined) out.push({ type: 'unresolved', name: s, why: `无法解析 ${name} 的底层设备 ${s}` });
      else follow(probe, real, depth + 1, out);
    }
    return;
  }
  if (!path.startsWith('/sys/devices/')) {
    out.push({ type: 'unresolved', name, why: `无法确定设备 ${name} 的位置` });
    return;
  }
  out.push({
    type: 'disk',
    name,
    sysPath: path,
    transport: transportOf(path),
    removable: isRemovable(probe, path),
    optical: /^sr\d+$/.test(name) || flag(probe, `${path}/device/type`) === '5',
  });
}

/** Kernel names of the block devices a mount's source names; for btrfs every member of the filesystem. */
function sourceDevices(mount: MountEntry, probe: SystemProbe): string[] {
  if (!mount.source.startsWith('/dev/')) return [];
  const dev = basename(realSys(probe, mount.source) ?? mount.source);
  if (mount.fsType !== 'btrfs') return [dev];
  for (const fsid of probe.listDir('/sys/fs/btrfs')) {
    const members = probe.listDir(`/sys/fs/btrfs/${fsid}/devices`);
    if (members.includes(dev)) return members;
  }
  return [dev];
}

/** What the mount is stored on: disks, loop backing files, or what could not be followed. */
export function backingOf(mount: MountEntry, probe: SystemProbe): Backing[] {
  const out: Backing[] = [];
  const anonymous = mount.majorMinor.startsWith('0:');
  if (!anonymous) {
    const real = realSys(probe, `/sys/dev/block/${mount.majorMinor}`);
    if (real === undefined) return [{ type: 'unresolved', name: mount.source, why: `找不到设备 ${mount.majorMinor}（${mount.source}）` }];
    follow(probe, real, 0, out);
    return out;
  }
  const names = sourceDevices(mount, probe);
  if (names.length === 0) return [{ type: 'unresolved', name: mount.source, why: `无法确定 ${mount.source} 所在的磁盘` }];
  for (const n of names) {
    const real = realSys(probe, `/sys/class/block/${n}`);
    if (real === undefined) out.push({ type: 'unresolved', name: n, why: `找不到设备 ${n}` });
    else follow(probe, real, 0, out);
  }
  return out;
}
