import { describe, expect, it } from 'vitest';
import { backingOf, transportOf } from '../../../media/block-device.js';
import { findMount, mountOption, mountsAlong, parseMountInfo } from '../../../media/mounts.js';
import { fakeProbe, fixture, fixtureTree } from './fake-system.js';

const workstation = parseMountInfo(fixture('workstation.txt'));
const holes = parseMountInfo(fixture('holes.txt'));

describe('mounts', () => {
  describe('#parseMountInfo', () => {
    it('reads ids, escaped mount points, the type after the separator and the superblock options', () => {
      expect(workstation.find((m) => m.majorMinor === '8:17')).toEqual({
        id: 60,
        parentId: 27,
        majorMinor: '8:17',
        mountPoint: '/media/user/U DISK',
        fsType: 'vfat',
        source: '/dev/sdb1',
        superOptions: 'rw,fmask=0022',
      });
    });
    it('skips lines without the documented shape', () => {
      expect(parseMountInfo('nonsense\n1 2 3\n\n')).toEqual([]);
    });
  });

  describe('#findMount', () => {
    it('picks the longest mount point that contains the path, not a name prefix', () => {
      expect(findMount(workstation, '/data/banks/x.db')?.mountPoint).toBe('/data');
      expect(findMount(workstation, '/datafile')?.mountPoint).toBe('/');
    });
    it('takes the last of mounts stacked on one point (the one on top)', () => {
      const stacked = parseMountInfo('27 1 254:0 / / rw - ext4 /dev/vda rw\n30 27 8:1 / /mnt rw - ext4 /dev/sda1 rw\n31 30 8:17 / /mnt rw - vfat /dev/sdb1 rw\n');
      expect(findMount(stacked, '/mnt/x')?.source).toBe('/dev/sdb1');
    });
  });

  describe('#mountsAlong', () => {
    it('lists every mount on the way from / to the path, once each', () => {
      expect(mountsAlong(holes, '/data/out/usb/a/b').map((m) => m.mountPoint)).toEqual(['/', '/data', '/data/out/usb']);
    });
  });

  it('#mountOption reads overlay options', () => {
    const overlay = holes.find((m) => m.mountPoint === '/var/lib/box');
    expect(mountOption(overlay?.superOptions ?? '', 'upperdir')).toBe('/data/overlay/upper');
    expect(mountOption('rw,lowerdir=/a', 'upperdir')).toBeUndefined();
  });
});

describe('block-device', () => {
  it('#transportOf names the controller from the device path', () => {
    expect(transportOf('/sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda')).toBe('ata');
    expect(transportOf('/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb')).toBe('usb');
    expect(transportOf('/sys/devices/pci0000:00/0000:00:1d.0/0000:3b:00.0/nvme/nvme0/nvme0n1')).toBe('nvme');
    expect(transportOf('/sys/devices/platform/soc/fe340000.mmc/mmc_host/mmc1/mmc1:0001/block/mmcblk1')).toBe('mmc');
    expect(transportOf('/sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda')).toBe('virtio');
    expect(transportOf('/sys/devices/vbd-51712/block/xvda')).toBe('xen');
    expect(transportOf('/sys/devices/pci0000:00/0000:00:1c.0/0000:0a:00.0/fw1/fw1.0/host4/target4:0:0/4:0:0:0/block/sdc')).toBe('firewire');
    expect(transportOf('/sys/devices/platform/mystery/block/sdx')).toBe('unknown');
  });

  it('#backingOf follows LUKS to the partition’s disk, and btrfs to every member', () => {
    const probe = fakeProbe({ mountinfo: fixture('holes.txt'), ...fixtureTree('holes-sysfs.json') });
    const at = (mp: string) => backingOf(holes.find((m) => m.mountPoint === mp)!, probe);
    expect(at('/home')).toEqual([expect.objectContaining({ type: 'disk', name: 'nvme0n1', transport: 'nvme', removable: false, optical: false })]);
    expect(at('/srv/btrfs-raid').map((b) => (b.type === 'disk' ? `${b.name}:${b.transport}` : b.type))).toEqual(['nvme0n1:nvme', 'sdd:usb']);
    expect(at('/mnt/image')).toEqual([{ type: 'file', name: 'loop0', path: '/data/images/disk.img' }]);
    expect(at('/media/user/DISC')).toEqual([expect.objectContaining({ name: 'sr0', optical: true, removable: true })]);
  });
});
