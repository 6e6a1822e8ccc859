/** User-facing texts of the desktop shell's session lifecycle (zh-CN). */
export const desktopMessages = {
  alreadyExists: (file: string) => `工作站数据库 ${file} 已存在，请用工作站口令或密钥文件打开，不能重新创建`,
  notCreated: '尚未创建工作站，请先完成首次设置',
  notOpen: '工作站尚未打开，请先输入工作站口令或选择密钥文件',
  alreadyOpen: '工作站已打开',
  loginFirst: '请先登录',
  unknownCall: (name: string) => `没有名为 ${name} 的功能`,
  jobsRunning: (n: number) => `还有 ${n} 项任务在运行，已全部取消`,
  noFolderPicker: '此环境不能选择文件夹',
} as const;
