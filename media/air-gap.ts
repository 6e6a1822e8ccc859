/**
 * The air-gap check: is this machine physically disconnected, without wireless devices (规程第十一条),
 * and without removable storage (第十二条)? On Linux it reads the kernel's own view:
 *
 * - network: every interface of /sys/class/net but the loopback whose `operstate` is `up` or `dormant`
 *   (or `unknown` with `carrier` 1: drivers that do not report a state). An interface that is down
 *   (docker0 without containers, an unplugged cable) is not a finding;
 * - Wi-Fi: an interface with `wireless/` or `phy80211` in its folder (or `DEVTYPE=wlan`) is a finding
 *   even when down — the rule forbids the device, not only its use; `DEVTYPE=wwan` (mobile broadband)
 *   likewise; rfkill switches of type `wlan` (/sys/class/rfkill) catch adapters without an interface;
 * - Bluetooth: /sys/class/bluetooth/hci*, and rfkill switches of type `bluetooth`;
 * - wireless input: /proc/bus/input/devices blocks on the Bluetooth bus (`Bus=0005`) or named like a
 *   wireless receiver (Wireless, 2.4G, Receiver, Unifying, 无线);
 * - removable storage: every mount of the mount table followed to its disks (media/block-device.ts) —
 *   USB, SD/MMC, FireWire or `removable` disks (optical drives excepted: the disc is the sanctioned
 *   medium) — and disks of /sys/block on such a bus that are connected but not mounted.
 *
 * Windows and macOS cannot be checked yet: `verifiable: false` with an `unverifiable` finding. `ok`
 * means no finding of the first five kinds; `verifiable` says whether the check could run in full.
 */
import { backingOf, type DiskFacts } from './block-device.js';
import { airGapMessages as m, type RemovableMedium } from './air-gap-messages.js';
import { parseMountInfo, type MountEntry } from './mounts.js';
import { systemProbe, type SystemProbe } from './probe.js';

export type AirGapFindingKind = 'network' | 'wifi' | 'bluetooth' | 'wireless-input' | 'removable-storage' | 'unverifiable';

export interface AirGapFinding {
  readonly kind: AirGapFindingKind;
  /** The interface, adapter, input device, mount point or block device found. */
  readonly device: string;
  /** Chinese, naming the device and the rule. */
  readonly message: string;
}

export interface AirGapReport {
  /** No finding of kinds network, wifi, bluetooth, wireless-input, removable-storage. */
  readonly ok: boolean;
  /** The check could run in full (Linux with /sys and the mount table readable). */
  readonly verifiable: boolean;
  readonly findings: readonly AirGapFinding[];
  /** ISO 8601. */
  readonly checkedAt: string;
}

/** The system view of media/probe.ts (sysfs, /proc files through `readText`, the mount table), plus a clock. */
export interface AirGapView extends SystemProbe {
  now?(): Date;
}

export const systemAirGapView: AirGapView = { ...systemProbe, now: () => new Date() };

const INPUT_DEVICES = '/proc/bus/input/devices';
const WIRELESS_NAME = /wireless|2\.4\s*g|receiver|unifying|无线/i;
/** Kernel names of block devices that are not disks on a bus (their backing is judged through their mounts). */
const NOT_A_BUS_DISK = /^(loop|ram|zram|dm-|md|nbd|sr|fd)\d*/;

function text(view: AirGapView, path: string): string | undefined {
  return view.readText(path)?.trim();
}

function realOrUndefined(view: AirGapView, path: string): string | undefined {
  try {
    return view.realpath(path);
  } catch {
    return undefined;
  }
}

function network(view: AirGapView, out: AirGapFinding[], wifiPhys: Set<string>): boolean {
  const names = view.listDir('/sys/class/net');
  if (names.length === 0) return false;
  for (const name of names) {
    const dir = `/sys/class/net/${name}`;
    if (name === 'lo' || text(view, `${dir}/type`) === '772') continue;
    const devtype = /^DEVTYPE=(\S+)/m.exec(view.readText(`${dir}/uevent`) ?? '')?.[1];
    const state = text(view, `${dir}/operstate`) ?? 'unknown';
    const active = state === 'up' || state === 'dormant' || (state === 'unknown' && text(view, `${dir}/carrier`) === '1');
    if (view.exists(`${dir}/wireless`) || view.exists(`${dir}/phy80211`) || devtype === 'wlan') {
      const phy = text(view, `${dir}/phy80211/name`);
      if (phy !== undefined) wifiPhys.add(phy);
      out.push({ kind: 'wifi', device: name, message: m.wifi(name, active) });
    } else if (devtype === 'wwan') {
      out.push({ kind: 'network', device: name, message: m.wwan(name) });
    } else if (active) {
      const virtual = realOrUndefined(view, dir)?.includes('/devices/virtual/') ?? false;
      out.push({ kind: 'network', device: name, message: m.network(name, state, virtual) });
    }
  }
  return true;
}

function radios(view: AirGapView, out: AirGapFinding[], wifiPhys: ReadonlySet<string>): void {
  const hcis = view.listDir('/sys/class/bluetooth').filter((n) => /^hci\d+$/.test(n));
  for (const hci of hcis) {
    const blocked = view.listDir(`/sys/class/bluetooth/${hci}`).some((n) => n.startsWith('rfkill') && isBlocked(view, `/sys/class/bluetooth/${hci}/${n}`));
    out.push({ kind: 'bluetooth', device: hci, message: m.bluetooth(hci, blocked) });
  }
  for (const r of view.listDir('/sys/class/rfkill')) {
    const dir = `/sys/class/rfkill/${r}`;
    const type = text(view, `${dir}/type`);
    const name = text(view, `${dir}/name`) || r;
    if (type === 'wlan' && !wifiPhys.has(name)) out.push({ kind: 'wifi', device: name, message: m.rfkillWifi(name, isBlocked(view, dir)) });
    if (type === 'bluetooth' && !hcis.includes(name)) out.push({ kind: 'bluetooth', device: name, message: m.bluetooth(name, isBlocked(view, dir)) });
  }
}

function isBlocked(view: AirGapView, rfkillDir: string): boolean {
  return text(view, `${rfkillDir}/soft`) === '1' || text(view, `${rfkillDir}/hard`) === '1';
}

/** Input devices on the Bluetooth bus or named like a wireless receiver, each name once. */
export function wirelessInputs(devices: string): { name: string; bluetooth: boolean }[] {
  const out = new Map<string, boolean>();
  for (const block of devices.split(/\n\s*\n/)) {
    const name = /^N:\s*Name="(.*)"\s*$/m.exec(block)?.[1];
    if (name === undefined) continue;
    const bluetooth = /\bBus=0005\b/i.test(block);
    if (bluetooth || WIRELESS_NAME.test(name)) out.set(name, (out.get(name) ?? false) || bluetooth);
  }
  return [...out].map(([name, bluetooth]) => ({ name, bluetooth }));
}

function medium(d: DiskFacts): RemovableMedium | undefined {
  if (d.optical) return undefined;
  if (d.transport === 'usb') return 'usb';
  if (d.transport === 'mmc') return 'sd';
  if (d.transport === 'firewire' || d.removable) return 'removable';
  return undefined;
}

function removableOf(mount: MountEntry, view: AirGapView): { disk: string; medium: RemovableMedium } | undefined {
  for (const b of backingOf(mount, view)) {
    if (b.type !== 'disk') continue;
    const found = medium(b);
    if (found !== undefined) return { disk: b.name, medium: found };
  }
  return undefined;
}

function storage(view: AirGapView, out: AirGapFinding[]): boolean {
  const table = view.mountInfo();
  const mounts = table === undefined ? [] : parseMountInfo(table);
  const seen = new Set<string>();
  for (const mt of mounts) {
    if (mt.majorMinor.startsWith('0:') && !mt.source.startsWith('/dev/')) continue;
    const r = removableOf(mt, view);
    if (r === undefined || seen.has(`${r.disk}:${mt.source}`)) continue;
    seen.add(`${r.disk}:${mt.source}`);
    seen.add(r.disk);
    out.push({ kind: 'removable-storage', device: mt.mountPoint, message: m.removableMounted(mt.mountPoint, mt.source, r.medium) });
  }
  // Connected, not mounted: a stick plugged in is already a removable medium at the workstation.
  for (const name of view.listDir('/sys/block')) {
    if (NOT_A_BUS_DISK.test(name) || seen.has(name)) continue;
    const dev = text(view, `/sys/block/${name}/dev`);
    const size = text(view, `/sys/block/${name}/size`);
    if (dev === undefined || size === '0') continue;
    const fake: MountEntry = { id: 0, parentId: 0, majorMinor: dev, mountPoint: '', fsType: '', source: `/dev/${name}`, superOptions: '' };
    const r = removableOf(fake, view);
    if (r !== undefined) out.push({ kind: 'removable-storage', device: `/dev/${name}`, message: m.removableConnected(`/dev/${name}`, r.medium) });
  }
  return mounts.length > 0;
}

/** Checks the machine; never throws. */
export function checkAirGap(view: AirGapView = systemAirGapView): AirGapReport {
  const checkedAt = (view.now?.() ?? new Date()).toISOString();
  const findings: AirGapFinding[] = [];
  let verifiable = true;
  if (view.platform !== 'linux') {
    findings.push({ kind: 'unverifiable', device: view.platform, message: m.unverifiablePlatform(view.platform) });
    return { ok: true, verifiable: false, findings, checkedAt };
  }
  try {
    const wifiPhys = new Set<string>();
    if (!network(view, findings, wifiPhys)) {
      verifiable = false;
      findings.push({ kind: 'unverifiable', device: '/sys/class/net', message: m.noSysfs() });
    }
    radios(view, findings, wifiPhys);
    for (const input of wirelessInputs(view.readText(INPUT_DEVICES) ?? '')) {
      findings.push({ kind: 'wireless-input', device: input.name, message: m.wirelessInput(input.name, input.bluetooth) });
    }
    if (!storage(view, findings)) {
      verifiable = false;
      findings.push({ kind: 'unverifiable', device: '/proc/self/mountinfo', message: m.noMountTable() });
    }
  } catch (err) {
    verifiable = false;
    findings.push({ kind: 'unverifiable', device: '', message: m.checkFailed(err instanceof Error ? err.message : String(err)) });
  }
  return { ok: findings.every((f) => f.kind === 'unverifiable'), verifiable, findings, checkedAt };
}
