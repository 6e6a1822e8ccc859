/** Chinese messages of burning a finished .iso image onto an optical disc (规程: papers leave the workstation on disc). */

export type BurnErrorKind =
  | 'tool-missing'
  | 'image-mismatch'
  | 'no-media'
  | 'not-blank'
  | 'drive'
  | 'write-failed'
  | 'verify-failed'
  | 'unsupported';

/** A burn that did not end with a verified disc; `message` is Chinese and names what to do. */
export class BurnError extends Error {
  constructor(
    readonly kind: BurnErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'BurnError';
  }
}

/** The package that brings each program (Debian/Ubuntu names; the programs of Windows and macOS ship with the system). */
const PACKAGES: Readonly<Record<string, string>> = {
  xorriso: 'xorriso',
  growisofs: 'growisofs',
  'powershell.exe': 'Windows PowerShell',
  hdiutil: 'macOS 自带的 hdiutil',
  drutil: 'macOS 自带的 drutil',
};

export const burnMessages = {
  toolMissing: (program: string) => `未找到刻录程序 ${program}（请安装 ${PACKAGES[program] ?? program}）`,
  noDrive: () => '未检测到刻录机：映像已保存，请在刻录工作站上刻录',
  imageMismatch: (iso: string, actual: string, expected: string) =>
    `映像文件 ${iso} 的 SHA-256（${actual}）与预期（${expected}）不一致，映像可能已损坏或被替换，未刻录`,
  notImage: (iso: string, size: number) => `映像文件 ${iso} 的大小（${size} 字节）不是 2048 字节扇区的整数倍，不是可刻录的光盘映像`,
  badDrive: (id: string) => `无法识别的刻录机标识 ${id}`,
  driveFailed: (id: string, detail: string) => `无法使用刻录机 ${id}${detail === '' ? '' : `：${detail}`}`,
  noMedia: (id: string) => `刻录机 ${id} 中没有可写入的光盘，请放入空白光盘`,
  notBlank: (id: string, status: string) => `刻录机 ${id} 中的光盘不是空白盘${status === '' ? '' : `（${status}）`}，请换一张空白光盘`,
  writeFailed: (program: string, code: number | null, detail: string) =>
    `刻录失败（${program} ${code === null ? '被终止' : `退出码 ${code}`}）${detail === '' ? '' : `：${detail}`}`,
  verifyFailed: (detail: string) => `刻录校验失败：光盘内容与映像不一致${detail === '' ? '' : `（${detail}）`}`,
  shortRead: (got: number, want: number) => `只读回 ${got} 字节，映像有 ${want} 字节`,
  hashDiffers: (actual: string, expected: string) => `读回内容的 SHA-256 为 ${actual}，映像为 ${expected}`,
  readFailed: (device: string, detail: string) => `无法读回光盘 ${device}：${detail}；可取出光盘重新放入后再次校验`,
  unsupported: (platform: string) => `本程序不能在 ${platform} 上刻录光盘：映像已保存，请在刻录工作站上刻录`,
} as const;

/** The last lines of a program's output that say what went wrong (xorriso: FAILURE/SORRY; others: the last lines). */
export function failureDetail(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const bad = lines.filter((l) => /FAILURE|SORRY|FATAL|ABORT|error|错误/i.test(l));
  return (bad.length > 0 ? bad : lines).slice(-3).join('；');
}
