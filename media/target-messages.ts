/** Chinese messages of the write-target check (规程第十一、十二、十三条). */
import type { TargetKind } from './write-target.js';

interface MountInfo {
  readonly mountPoint: string;
  readonly fsType: string;
  readonly device: string;
}

const STORE = '禁止存储或备份题库（规程第十二条）';
const NET = '禁止写入（规程第十一、十三条）';

/** Why a mount is refused; `detail` names what was found below it (device, backing file …). */
export function refusalReason(kind: TargetKind, m: MountInfo, detail: string): string {
  const at = `目标位置 ${m.mountPoint}`;
  const extra = detail === '' ? '' : `：${detail}`;
  switch (kind) {
    case 'usb':
      return `${at} 位于 USB 存储设备（${m.device}${extra}），${STORE}`;
    case 'sd':
      return `${at} 位于 SD/MMC 存储卡（${m.device}${extra}），${STORE}`;
    case 'removable':
      return `${at} 位于可移动存储设备（${m.device}${extra}），${STORE}`;
    case 'network':
      return `${at} 是网络文件系统（${m.fsType}），${NET}`;
    case 'share':
      return `${at} 是虚拟机或主机的共享文件夹（${m.fsType}），数据实际存放在本机之外，${NET}`;
    case 'fuse':
      return `${at} 是用户态文件系统（${m.fsType}，U 盘上的 NTFS/exFAT 常以此方式挂载），无法核验其所在介质，${STORE}`;
    case 'memory':
      return `${at} 是内存文件系统（${m.fsType}），不是存储介质，断电即失，禁止写入`;
    case 'overlay':
      return `${at} 是叠加文件系统（overlay${extra}），无法核验其所在介质，禁止写入`;
    case 'unsupported':
      return `${at} 的文件系统 ${m.fsType} 不在允许列表中${extra}；只允许本机固定硬盘上的 ext4、xfs、btrfs、NTFS、APFS/HFS+ 和光驱中的光盘，禁止写入`;
    default:
      return `${at}（${m.fsType}，${m.device}）无法核验为本机固定硬盘${extra}，禁止写入`;
  }
}

const PLATFORM_NAMES: Readonly<Record<string, string>> = { win32: 'Windows', darwin: 'macOS' };

/** The check cannot be made here: refused, unless the 安全保密管理员 allows unverified targets. */
export function unverifiableReason(what: string): string {
  const cause = what === 'mountinfo' ? '无法读取挂载表（/proc/self/mountinfo）' : `本程序尚不能在 ${PLATFORM_NAMES[what] ?? what} 上核验写入位置`;
  return `${cause}，不能确认目标位置是本机固定硬盘，已拒绝写入；如确需写入，须由安全保密管理员允许“未经核验的写入位置”（此后每次写入都记入审计日志）`;
}
