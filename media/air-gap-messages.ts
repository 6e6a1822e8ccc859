/** Chinese messages of the air-gap check (规程第十一条: physically disconnected, no wireless devices; 第十二条: no removable storage). */

const NET = '题库工作站必须物理断网（规程第十一条）';
const WIRELESS = '题库工作站不得使用无线设备，须拆除或在 BIOS 中禁用（规程第十一条）';
const STORE = '题库工作站不得使用 U 盘等移动存储介质，请卸载并拔除（规程第十二条）';

export type RemovableMedium = 'usb' | 'sd' | 'removable';

const MEDIUM: Readonly<Record<RemovableMedium, string>> = {
  usb: 'USB 存储设备',
  sd: 'SD/MMC 存储卡',
  removable: '可移动存储设备',
};

export const airGapMessages = {
  network: (name: string, state: string, virtual: boolean) =>
    `${virtual ? '虚拟网络接口' : '网络接口'} ${name} 处于连接状态（${state}），${NET}`,
  wwan: (name: string) => `发现移动网络（无线上网）设备 ${name}，${WIRELESS}`,
  wifi: (name: string, active: boolean) => `发现无线网卡 ${name}（${active ? '已连接' : '未连接'}），${WIRELESS}`,
  bluetooth: (name: string, blocked: boolean) => `发现蓝牙适配器 ${name}${blocked ? '（已被软件或开关禁用，但设备仍在）' : ''}，${WIRELESS}`,
  rfkillWifi: (name: string, blocked: boolean) => `发现无线局域网设备 ${name}（rfkill${blocked ? '，已禁用但设备仍在' : ''}），${WIRELESS}`,
  wirelessInput: (name: string, bluetooth: boolean) =>
    `发现无线输入设备“${name}”（${bluetooth ? '蓝牙' : '无线接收器'}），题库工作站不得使用无线键盘、鼠标（规程第十一条）`,
  removableMounted: (mountPoint: string, source: string, medium: RemovableMedium) =>
    `${mountPoint} 挂载了${MEDIUM[medium]}（${source}），${STORE}`,
  removableConnected: (device: string, medium: RemovableMedium) => `已连接${MEDIUM[medium]} ${device}（未挂载），${STORE}`,
  unverifiablePlatform: (platform: string) =>
    `本平台无法自动检查网络与无线设备，请人工确认（${platform === 'win32' ? 'Windows' : platform === 'darwin' ? 'macOS' : platform}；规程第十一、十二条）`,
  noSysfs: () => '无法读取 /sys/class/net，无法自动检查网络与无线设备，请人工确认（规程第十一条）',
  checkFailed: (detail: string) => `物理隔离检查未能完成（${detail}），请人工确认（规程第十一、十二条）`,
  noMountTable: () => '无法读取挂载表（/proc/self/mountinfo），无法自动检查移动存储介质，请人工确认（规程第十二条）',
} as const;
