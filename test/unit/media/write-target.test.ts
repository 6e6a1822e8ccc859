import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWriteTarget, classifyWriteTarget, findMount, parseMountInfo, type SystemProbe } from '../../../media/write-target.js';

const mountinfo = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'mountinfo', 'workstation.txt'), 'utf8');

/** sysfs as on a PC with a USB stick (sdb), an SD card reader on PCI (sdc), a DVD drive and an NVMe disk. */
const sysDevices: Record<string, string> = {
  '254:0': '/sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda',
  '8:17': '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb/sdb1',
  '8:33': '/sys/devices/pci0000:00/0000:00:1c.0/mmc_host/mmc0/block/sdc/sdc1',
  '11:0': '/sys/devices/pci0000:00/0000:00:17.0/ata3/host2/target2:0:0/2:0:0:0/block/sr0',
  '259:2': '/sys/devices/pci0000:00/0000:00:1d.0/nvme/nvme0/nvme0n1/nvme0n1p2',
};
const sysFiles: Record<string, string> = {
  '/sys/devices/pci0000:00/0000:00:1c.0/mmc_host/mmc0/block/sdc/removable': '1\n',
  '/sys/devices/pci0000:00/0000:00:1d.0/nvme/nvme0/nvme0n1/removable': '0\n',
};
const probe: SystemProbe = {
  platform: 'linux',
  mountInfo: () => mountinfo,
  blockDevicePath: (mm) => sysDevices[mm],
  readSys: (p) => sysFiles[p],
  realpath: (p) => p,
  exists: (p) => ['/', '/home', '/data', '/media/user/U DISK', '/mnt/card', '/mnt/share', '/media/user/DISC', '/home/user/remote'].includes(p),
};

describe('write-target', () => {
  describe('#parseMountInfo', () => {
    it('reads mount points with escaped spaces and the fs type after the separator', () => {
      const mounts = parseMountInfo(mountinfo);
      expect(mounts.find((m) => m.majorMinor === '8:17')).toEqual({
        majorMinor: '8:17',
        mountPoint: '/media/user/U DISK',
        fsType: 'vfat',
        source: '/dev/sdb1',
      });
    });
    it('picks the longest mount point that contains the path', () => {
      expect(findMount(parseMountInfo(mountinfo), '/data/banks/x.db')?.mountPoint).toBe('/data');
      expect(findMount(parseMountInfo(mountinfo), '/datafile')?.mountPoint).toBe('/');
    });
  });

  describe('#classifyWriteTarget', () => {
    it('allows the fixed local disks', () => {
      expect(classifyWriteTarget('/home/user/qbank', probe)).toMatchObject({ allowed: true, kind: 'local' });
      expect(classifyWriteTarget('/data/out', probe)).toMatchObject({ allowed: true, kind: 'local' });
    });
    it('refuses a USB stick with a Chinese reason citing 规程第十二条', () => {
      const v = classifyWriteTarget('/media/user/U DISK/备份', probe);
      expect(v).toMatchObject({ allowed: false, kind: 'usb' });
      expect(v.reason).toContain('USB');
      expect(v.reason).toContain('规程第十二条');
    });
    it('refuses a removable card and network shares (cifs, sshfs)', () => {
      expect(classifyWriteTarget('/mnt/card/x', probe)).toMatchObject({ allowed: false, kind: 'removable' });
      expect(classifyWriteTarget('/mnt/share/x', probe)).toMatchObject({ allowed: false, kind: 'network' });
      expect(classifyWriteTarget('/home/user/remote/x', probe)).toMatchObject({ allowed: false, kind: 'network' });
    });
    it('treats a mounted optical disc as optical, not removable', () => {
      expect(classifyWriteTarget('/media/user/DISC', probe)).toMatchObject({ allowed: true, kind: 'optical' });
    });
  });

  it('allows the temp folder of this machine', () => {
    expect(checkWriteTarget(process.cwd()).allowed).toBe(true);
  });
});
