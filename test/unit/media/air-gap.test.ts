import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAirGap, wirelessInputs, type AirGapFinding, type AirGapView } from '../../../media/air-gap.js';
import { fakeProbe, type FakeTree } from './fake-system.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'air-gap');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const CLEAN = JSON.parse(read('clean-sysfs.json')) as FakeTree;
const NOW = new Date('2025-03-01T08:00:00.000Z');

/** The clean machine (lo, docker0 down, an NVMe disk, a disc in the SATA drive, an empty USB card reader) plus `extra`. */
function machine(extra: FakeTree & { mountinfo?: string; inputs?: string; platform?: NodeJS.Platform } = {}): AirGapView {
  const probe = fakeProbe({
    platform: extra.platform ?? 'linux',
    mountinfo: read('clean-mountinfo.txt') + (extra.mountinfo ?? ''),
    links: { ...CLEAN.links, ...extra.links },
    files: { ...CLEAN.files, '/proc/bus/input/devices': read('input-devices.txt') + (extra.inputs ?? ''), ...extra.files },
    dirs: [...(CLEAN.dirs ?? []), ...(extra.dirs ?? [])],
  });
  return { ...probe, now: () => NOW };
}

const kinds = (findings: readonly AirGapFinding[]) => findings.map((f) => `${f.kind}:${f.device}`);

const PCI = '/sys/devices/pci0000:00';
const ETH0: FakeTree = {
  links: { '/sys/class/net/eth0': `${PCI}/0000:00:1f.6/net/eth0` },
  files: { [`${PCI}/0000:00:1f.6/net/eth0/operstate`]: 'up\n', [`${PCI}/0000:00:1f.6/net/eth0/carrier`]: '1\n', [`${PCI}/0000:00:1f.6/net/eth0/type`]: '1\n' },
};
const WIFI = `${PCI}/0000:00:14.3`;
const WLAN0_DOWN: FakeTree = {
  links: {
    '/sys/class/net/wlan0': `${WIFI}/net/wlan0`,
    [`${WIFI}/net/wlan0/phy80211`]: '../../ieee80211/phy0',
    '/sys/class/rfkill/rfkill0': `${WIFI}/ieee80211/phy0/rfkill0`,
  },
  files: {
    [`${WIFI}/net/wlan0/operstate`]: 'down\n',
    [`${WIFI}/net/wlan0/type`]: '1\n',
    [`${WIFI}/net/wlan0/uevent`]: 'DEVTYPE=wlan\nINTERFACE=wlan0\n',
    [`${WIFI}/ieee80211/phy0/name`]: 'phy0\n',
    [`${WIFI}/ieee80211/phy0/rfkill0/type`]: 'wlan\n',
    [`${WIFI}/ieee80211/phy0/rfkill0/name`]: 'phy0\n',
    [`${WIFI}/ieee80211/phy0/rfkill0/soft`]: '1\n',
  },
  dirs: [`${WIFI}/net/wlan0/wireless`],
};
const BT = `${PCI}/0000:00:14.0/usb1/1-10/1-10:1.0/bluetooth/hci0`;
const HCI0: FakeTree = {
  links: { '/sys/class/bluetooth/hci0': BT, '/sys/class/rfkill/rfkill1': `${BT}/rfkill1` },
  files: { [`${BT}/rfkill1/type`]: 'bluetooth\n', [`${BT}/rfkill1/name`]: 'hci0\n', [`${BT}/rfkill1/soft`]: '0\n', [`${BT}/rfkill1/hard`]: '0\n' },
};
const STICK = `${PCI}/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb`;
const USB_STICK: FakeTree & { mountinfo: string } = {
  mountinfo: '60 27 8:17 / /media/u rw,nosuid,nodev,relatime - vfat /dev/sdb1 rw,uid=1000\n',
  links: { '/sys/dev/block/8:17': `${STICK}/sdb1`, '/sys/dev/block/8:16': STICK, '/sys/block/sdb': STICK },
  files: { [`${STICK}/removable`]: '1\n', [`${STICK}/dev`]: '8:16\n', [`${STICK}/size`]: '60063744\n', [`${STICK}/sdb1/partition`]: '1\n', [`${STICK}/sdb1/dev`]: '8:17\n' },
};

describe('air gap', () => {
  describe('#checkAirGap on Linux', () => {
    it('passes a clean machine: only lo, docker0 down, internal NVMe, a disc in the SATA drive, an empty card reader', () => {
      expect(checkAirGap(machine())).toEqual({ ok: true, verifiable: true, findings: [], checkedAt: '2025-03-01T08:00:00.000Z' });
    });

    it('finds an Ethernet interface that is up, naming it and rule 11', () => {
      const r = checkAirGap(machine(ETH0));
      expect(r.ok).toBe(false);
      expect(kinds(r.findings)).toEqual(['network:eth0']);
      expect(r.findings[0]?.message).toMatch(/网络接口 eth0 处于连接状态（up）.*物理断网（规程第十一条）/);
    });

    it('counts `unknown` with carrier 1 as up, and calls a virtual interface so', () => {
      const tun = {
        links: { '/sys/class/net/tun0': '/sys/devices/virtual/net/tun0' },
        files: { '/sys/devices/virtual/net/tun0/operstate': 'unknown\n', '/sys/devices/virtual/net/tun0/carrier': '1\n', '/sys/devices/virtual/net/tun0/type': '65534\n' },
      };
      const r = checkAirGap(machine(tun));
      expect(kinds(r.findings)).toEqual(['network:tun0']);
      expect(r.findings[0]?.message).toMatch(/^虚拟网络接口 tun0/);
    });

    it('finds a Wi-Fi adapter even when it is down, once (its rfkill switch is the same phy)', () => {
      const r = checkAirGap(machine(WLAN0_DOWN));
      expect(r.ok).toBe(false);
      expect(kinds(r.findings)).toEqual(['wifi:wlan0']);
      expect(r.findings[0]?.message).toMatch(/无线网卡 wlan0（未连接）.*不得使用无线设备.*规程第十一条/);
    });

    it('finds a wireless adapter known only to rfkill (no interface: driver unloaded)', () => {
      const r = checkAirGap(
        machine({
          links: { '/sys/class/rfkill/rfkill3': '/sys/devices/platform/ideapad/rfkill/rfkill3' },
          files: { '/sys/devices/platform/ideapad/rfkill/rfkill3/type': 'wlan\n', '/sys/devices/platform/ideapad/rfkill/rfkill3/name': 'ideapad_wlan\n', '/sys/devices/platform/ideapad/rfkill/rfkill3/hard': '1\n' },
        }),
      );
      expect(kinds(r.findings)).toEqual(['wifi:ideapad_wlan']);
      expect(r.findings[0]?.message).toMatch(/已禁用但设备仍在/);
    });

    it('finds a Bluetooth adapter, once (hci0 and its rfkill switch)', () => {
      const r = checkAirGap(machine(HCI0));
      expect(kinds(r.findings)).toEqual(['bluetooth:hci0']);
      expect(r.findings[0]?.message).toMatch(/蓝牙适配器 hci0.*规程第十一条/);
    });

    it('finds a Logitech Unifying receiver, its wireless keyboard and a Bluetooth keyboard, each name once', () => {
      const r = checkAirGap(machine({ inputs: read('wireless-input-devices.txt') }));
      expect(kinds(r.findings)).toEqual(['wireless-input:Logitech USB Receiver', 'wireless-input:Logitech Wireless Keyboard PID:4023', 'wireless-input:Keychron K2']);
      expect(r.findings[2]?.message).toMatch(/无线输入设备“Keychron K2”（蓝牙）/);
      expect(r.findings[0]?.message).toMatch(/（无线接收器）.*无线键盘、鼠标（规程第十一条）/);
    });

    it('finds a USB stick mounted at /media/u, naming the mount point and rule 12, not twice', () => {
      const r = checkAirGap(machine(USB_STICK));
      expect(kinds(r.findings)).toEqual(['removable-storage:/media/u']);
      expect(r.findings[0]?.message).toMatch(/^\/media\/u 挂载了USB 存储设备（\/dev\/sdb1）.*规程第十二条/);
    });

    it('finds the stick when it is plugged in but not mounted, and an SD card in the internal reader', () => {
      const sd = `${PCI}/0000:00:1c.0/mmc_host/mmc0/mmc0:0001/block/mmcblk0`;
      const r = checkAirGap(
        machine({
          links: { ...USB_STICK.links, '/sys/block/mmcblk0': sd, '/sys/dev/block/179:0': sd },
          files: { ...USB_STICK.files, [`${sd}/dev`]: '179:0\n', [`${sd}/size`]: '62333952\n', [`${sd}/removable`]: '0\n' },
        }),
      );
      expect(kinds(r.findings)).toEqual(['removable-storage:/dev/mmcblk0', 'removable-storage:/dev/sdb']);
      expect(r.findings[1]?.message).toMatch(/已连接USB 存储设备 \/dev\/sdb（未挂载）/);
      expect(r.findings[0]?.message).toMatch(/SD\/MMC 存储卡/);
    });

    it('reports everything at once', () => {
      const all = machine({
        mountinfo: USB_STICK.mountinfo,
        inputs: read('wireless-input-devices.txt'),
        links: { ...ETH0.links, ...WLAN0_DOWN.links, ...HCI0.links, ...USB_STICK.links },
        files: { ...ETH0.files, ...WLAN0_DOWN.files, ...HCI0.files, ...USB_STICK.files },
        dirs: WLAN0_DOWN.dirs,
      });
      const r = checkAirGap(all);
      expect(new Set(r.findings.map((f) => f.kind))).toEqual(new Set(['network', 'wifi', 'bluetooth', 'wireless-input', 'removable-storage']));
      expect(r).toMatchObject({ ok: false, verifiable: true });
    });

    it('is not verifiable when the mount table or /sys/class/net cannot be read', () => {
      const noTable = { ...machine(), mountInfo: () => undefined };
      const r = checkAirGap(noTable);
      expect(r).toMatchObject({ ok: true, verifiable: false });
      expect(r.findings).toEqual([expect.objectContaining({ kind: 'unverifiable', message: expect.stringMatching(/无法读取挂载表/) })]);
      const noSys = checkAirGap({ ...fakeProbe({ mountinfo: read('clean-mountinfo.txt') }), now: () => NOW });
      expect(noSys.verifiable).toBe(false);
      expect(noSys.findings.map((f) => f.message).join()).toMatch(/无法读取 \/sys\/class\/net/);
    });
  });

  describe('#checkAirGap elsewhere', () => {
    it.each(['win32', 'darwin'] as const)('%s: not verifiable, one unverifiable finding asking for a manual check', (platform) => {
      const r = checkAirGap(machine({ platform }));
      expect(r).toMatchObject({ ok: true, verifiable: false, checkedAt: NOW.toISOString() });
      expect(r.findings).toHaveLength(1);
      expect(r.findings[0]).toMatchObject({ kind: 'unverifiable', device: platform });
      expect(r.findings[0]?.message).toMatch(/^本平台无法自动检查网络与无线设备，请人工确认/);
    });
  });

  describe('#wirelessInputs', () => {
    it('reads Bus=0005 in either spelling and wireless receiver names, not wired keyboards', () => {
      const text = [
        'I: Bus=0003 Vendor=1 Product=2 Version=1\nN: Name="2.4G Mouse"\n',
        'B: BUS=0005\nN: Name="BT Pen"\n',
        'I: Bus=0003 Vendor=1 Product=3 Version=1\nN: Name="无线键鼠套装"\n',
        'I: Bus=0003 Vendor=1 Product=4 Version=1\nN: Name="Dell KB216 Wired Keyboard"\n',
      ].join('\n');
      expect(wirelessInputs(text)).toEqual([
        { name: '2.4G Mouse', bluetooth: false },
        { name: 'BT Pen', bluetooth: true },
        { name: '无线键鼠套装', bluetooth: false },
      ]);
    });
  });

  it('runs on this machine and returns a well-formed report', () => {
    const r = checkAirGap();
    expect(typeof r.ok).toBe('boolean');
    expect(typeof r.verifiable).toBe('boolean');
    expect(Number.isNaN(Date.parse(r.checkedAt))).toBe(false);
    for (const f of r.findings) {
      expect(['network', 'wifi', 'bluetooth', 'wireless-input', 'removable-storage', 'unverifiable']).toContain(f.kind);
      expect(f.message).toMatch(/规程第十[一二]|人工确认/);
    }
    expect(r.ok).toBe(r.findings.every((f) => f.kind === 'unverifiable'));
    expect(r.findings.map((f) => f.device)).not.toContain('lo');
    if (process.platform !== 'linux') expect(r.verifiable).toBe(false);
  });
});
