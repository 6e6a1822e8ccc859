import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { checkWriteTarget, classifyWriteTarget } from '../../../media/write-target.js';
import { fakeProbe, fixture, fixtureTree } from './fake-system.js';

/** The machine of test/fixtures/mountinfo/holes.txt + holes-sysfs.json: every hole of the old deny-list. */
const holes = fakeProbe({ mountinfo: fixture('holes.txt'), ...fixtureTree('holes-sysfs.json') });
const verdict = (path: string) => classifyWriteTarget(path, holes);

describe('write-target', () => {
  describe('#classifyWriteTarget allows only fixed internal disks', () => {
    it.each([
      ['ext4 on the virtio system disk', '/home2/user/qbank'],
      ['ext4 on SATA', '/srv/sata/out'],
      ['xfs on SATA', '/srv/xfs/out'],
      ['ntfs3 (kernel driver) on an internal SATA disk', '/srv/ntfs3/out'],
      ['ext4 on NVMe', '/data/out'],
      ['ext4 in LUKS (device-mapper) on NVMe', '/home/user/out'],
      ['btrfs on NVMe, its member device checked', '/srv/btrfs/out'],
      ['a loop image stored on the NVMe disk', '/mnt/image/out'],
      ['overlay whose upper folder is on NVMe', '/var/lib/box/out'],
      ['xfs on NVMe with native multipath (nvme-subsystem)', '/srv/nvme-mp/out'],
      ['xfs on a SAS disk', '/srv/sas/out'],
    ])('%s', (_what, path) => {
      expect(verdict(path)).toMatchObject({ allowed: true, kind: 'local', reason: '' });
    });

    it('allows a disc in the real optical drive (sr0, SCSI type 5) as optical', () => {
      expect(verdict('/media/user/DISC')).toMatchObject({ allowed: true, kind: 'optical', fsType: 'iso9660' });
    });
  });

  describe('#classifyWriteTarget refuses everything else, in Chinese', () => {
    it.each([
      ['fuseblk (NTFS/exFAT on a stick)', '/media/user/NTFS STICK/x', 'fuse', /用户态文件系统（fuseblk.*规程第十二条/],
      ['vfat on a USB stick', '/media/user/UDISK/备份', 'usb', /USB 存储设备.*规程第十二条/],
      ['LUKS (dm-1) on a USB stick', '/media/user/secret/x', 'usb', /USB 存储设备（\/dev\/mapper\/luks-usb：sdb）/],
      ['btrfs spanning NVMe and a USB SSD that says removable=0', '/srv/btrfs-raid/x', 'usb', /USB/],
      ['a loop image stored on a USB stick', '/mnt/usb-image/x', 'usb', /回环设备 loop1 的映像文件 \/media\/user\/UDISK\/disk\.img 位于 \/media\/user\/UDISK）/],
      ['a loop image whose file was deleted', '/mnt/deleted-image/x', 'unknown', /后备文件已删除/],
      ['overlay whose upper folder is not visible (container)', '/var/lib/hidden/x', 'overlay', /无法确定其上层目录/],
      ['overlay whose upper folder is on a USB stick', '/var/lib/usb-overlay/x', 'overlay', /上层目录 \/media\/user\/UDISK\/upper 位于 \/media\/user\/UDISK/],
      ['an SD card (mmcblk) with removable=0', '/media/user/SDCARD/x', 'sd', /SD\/MMC 存储卡/],
      ['an SD card reader on PCIe that shows a SCSI disk with removable=1', '/media/user/PCIE-SD/x', 'removable', /可移动存储设备/],
      ['an NVMe disk behind an external (Thunderbolt) port', '/srv/thunderbolt/x', 'removable', /可移动存储设备/],
      ['virtiofs', '/mnt/virtiofs/x', 'share', /共享文件夹（virtiofs）/],
      ['vboxsf', '/media/sf_shared/x', 'share', /共享文件夹（vboxsf）/],
      ['vmhgfs-fuse', '/mnt/hgfs/x', 'share', /共享文件夹（fuse\.vmhgfs-fuse）/],
      ['curlftpfs', '/mnt/ftp/x', 'network', /网络文件系统（fuse\.curlftpfs）.*规程第十一、十三条/],
      ['a UDF-formatted USB stick (not optical)', '/media/user/UDF/x', 'usb', /USB/],
      ['UDF on an internal disk partition (not a disc)', '/srv/udf-disk/x', 'unsupported', /sda 不是光驱/],
      ['tmpfs (memory, not storage)', '/run/user/1000/x', 'memory', /内存文件系统/],
      ['/dev/shm', '/dev/shm/x', 'memory', /内存文件系统/],
      ['zfs (not on the allow-list)', '/mnt/zfs/x', 'unsupported', /zfs 不在允许列表中/],
      ['ext4 on a zram memory disk', '/mnt/zram/x', 'unknown', /zram0 是内存盘/],
      ['ext4 on a network block device', '/mnt/nbd/x', 'unknown', /nbd0 是网络块设备/],
    ])('%s', (_what, path, kind, reason) => {
      const v = verdict(path);
      expect(v).toMatchObject({ allowed: false, kind });
      expect(v.reason).toMatch(reason);
    });

    it('checks the real path of every component: a mount point below an allowed folder', () => {
      expect(verdict('/data/out')).toMatchObject({ allowed: true });
      expect(verdict('/data/out/usb/甲套_试卷.docx')).toMatchObject({ allowed: false, kind: 'usb', mountPoint: '/data/out/usb' });
    });

    it('follows symbolic links below an allowed folder, absolute and relative', () => {
      expect(verdict('/data/out/link/03_理论知识试题/x.docx')).toMatchObject({ allowed: false, kind: 'usb', path: '/media/user/UDISK/03_理论知识试题/x.docx' });
      expect(verdict('/data/out/relative-link/x.docx')).toMatchObject({ allowed: false, kind: 'sd', path: '/media/user/SDCARD/inbox/x.docx' });
    });

    it('refuses an allowed disk mounted below a refused one (every mount along the path counts)', () => {
      const probe = fakeProbe({
        mountinfo: `${fixture('holes.txt')}90 46 8:1 / /media/user/UDISK/inner rw - ext4 /dev/sda1 rw\n`,
        ...fixtureTree('holes-sysfs.json'),
      });
      expect(classifyWriteTarget('/media/user/UDISK/inner/x', probe)).toMatchObject({ allowed: false, kind: 'usb' });
    });

    it('refuses a device that sysfs does not know', () => {
      const probe = fakeProbe({ mountinfo: '27 1 8:200 / / rw - ext4 /dev/sdz1 rw\n' });
      expect(classifyWriteTarget('/x', probe)).toMatchObject({ allowed: false, kind: 'unknown' });
      expect(classifyWriteTarget('/x', probe).reason).toMatch(/找不到设备 8:200/);
    });

    it('refuses a disk on an unknown bus', () => {
      const probe = fakeProbe({
        mountinfo: '27 1 8:0 / / rw - ext4 /dev/sda rw\n',
        links: { '/sys/dev/block/8:0': '/sys/devices/platform/mystery/block/sda' },
        files: { '/sys/devices/platform/mystery/block/sda/removable': '0\n' },
      });
      expect(classifyWriteTarget('/x', probe)).toMatchObject({ allowed: false, kind: 'unknown' });
    });
  });

  describe('#classifyWriteTarget where the check cannot be made', () => {
    it.each([
      ['win32', /Windows 上核验写入位置/],
      ['darwin', /macOS 上核验写入位置/],
    ] as const)('refuses on %s with a message naming the 安全保密管理员 override', (platform, text) => {
      const v = classifyWriteTarget('C:\\qbank', fakeProbe({ platform, mountinfo: undefined }));
      expect(v).toMatchObject({ allowed: false, kind: 'unverifiable' });
      expect(v.reason).toMatch(text);
      expect(v.reason).toContain('安全保密管理员');
    });

    it('refuses when the mount table cannot be read, or is empty', () => {
      for (const mountinfo of [undefined, '', 'garbage\n']) {
        const v = classifyWriteTarget('/data/out', fakeProbe({ mountinfo }));
        expect(v).toMatchObject({ allowed: false, kind: 'unverifiable' });
        expect(v.reason).toMatch(/无法读取挂载表/);
      }
    });
  });

  describe('the workstation fixture of earlier versions', () => {
    const probe = fakeProbe({
      mountinfo: fixture('workstation.txt'),
      links: {
        '/sys/dev/block/254:0': '/sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda',
        '/sys/dev/block/8:17': '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb/sdb1',
        '/sys/dev/block/8:33': '/sys/devices/pci0000:00/0000:00:1c.0/mmc_host/mmc0/block/sdc/sdc1',
        '/sys/dev/block/11:0': '/sys/devices/pci0000:00/0000:00:17.0/ata3/host2/target2:0:0/2:0:0:0/block/sr0',
        '/sys/dev/block/259:2': '/sys/devices/pci0000:00/0000:00:1d.0/nvme/nvme0/nvme0n1/nvme0n1p2',
      },
      files: {
        '/sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda/removable': '0\n',
        '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb/sdb1/partition': '1\n',
        '/sys/devices/pci0000:00/0000:00:1c.0/mmc_host/mmc0/block/sdc/sdc1/partition': '1\n',
        '/sys/devices/pci0000:00/0000:00:1c.0/mmc_host/mmc0/block/sdc/removable': '1\n',
        '/sys/devices/pci0000:00/0000:00:17.0/ata3/host2/target2:0:0/2:0:0:0/block/sr0/removable': '1\n',
        '/sys/devices/pci0000:00/0000:00:1d.0/nvme/nvme0/nvme0n1/nvme0n1p2/partition': '2\n',
        '/sys/devices/pci0000:00/0000:00:1d.0/nvme/nvme0/nvme0n1/removable': '0\n',
      },
    });
    it('allows the fixed disks and the disc, refuses the stick, the card and both network shares', () => {
      expect(classifyWriteTarget('/home/user/qbank', probe)).toMatchObject({ allowed: true, kind: 'local' });
      expect(classifyWriteTarget('/data/out', probe)).toMatchObject({ allowed: true, kind: 'local' });
      expect(classifyWriteTarget('/media/user/DISC', probe)).toMatchObject({ allowed: true, kind: 'optical' });
      expect(classifyWriteTarget('/media/user/U DISK/备份', probe)).toMatchObject({ allowed: false, kind: 'usb' });
      expect(classifyWriteTarget('/mnt/card/x', probe)).toMatchObject({ allowed: false, kind: 'sd' });
      expect(classifyWriteTarget('/mnt/share/x', probe)).toMatchObject({ allowed: false, kind: 'network' });
      expect(classifyWriteTarget('/home/user/remote/x', probe)).toMatchObject({ allowed: false, kind: 'network' });
    });
  });

  it('allows the temp folder and the working folder of this machine (ext4 on its fixed disk)', () => {
    for (const p of [tmpdir(), process.cwd()]) expect(checkWriteTarget(p)).toMatchObject({ allowed: true, kind: 'local' });
  });
});
