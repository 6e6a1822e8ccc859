/** Chinese texts of backup and restore. */
import { beijingMinute } from '../../domain/package/format.js';

export const backupMessages = {
  what: '制作备份',
  noSecret: '当前会话没有工作站密钥，无法制作备份（请在工作站上登录后操作）',
  copying: '正在复制数据库（加密状态）',
  hashing: '正在计算文件哈希',
  writing: '正在写入并校验备份映像',
  secretLabel: '工作站密钥（恢复时输入）',
  label: (ws: string, at: Date) => `工作站 ${ws} 全量备份 ${beijingMinute(at)}`,
  imageName: (at: Date) => `备份_${beijingMinute(at).replace(/[-:]/g, '').replace(' ', '_')}${String(at.getUTCSeconds()).padStart(2, '0')}.iso`,
  detail: (sha: string, seq: number) => `备份映像 SHA-256 ${sha}；审计日志至第 ${seq} 条`,
  checked: (n: number, older: boolean) => `备份可恢复：审计日志 ${n} 条${older ? '；早于本机审计锚点，恢复须系统管理员确认' : ''}`,
  notBackup: (kind: string) => `这不是备份光盘（包类型：${kind}）`,
  packageInvalid: (problems: readonly string[]) => `备份包校验未通过，未恢复：\n${problems.map((p) => `- ${p}`).join('\n')}`,
  chainInvalid: (problems: readonly string[]) => `备份中的审计日志校验未通过，未恢复：\n${problems.map((p) => `- ${p}`).join('\n')}`,
  older: (backup: string, local: string) =>
    `该备份早于本机保存的最新审计锚点（备份：${backup}；本机：${local}）。恢复将丢失其后的记录，须由系统管理员确认（--confirm-older 系统管理员账号）`,
  notSysadmin: (user: string) => `${user} 不是系统管理员，不能确认恢复较早的备份`,
  restored: (seq: number) => `从备份光盘恢复工作站，审计日志至第 ${seq} 条`,
  restoredOlder: (seq: number, local: string) => `确认恢复较早的备份（审计日志至第 ${seq} 条；本机原锚点 ${local}）`,
  wrongWorkstation: (backup: string, local: string) => `备份属于工作站 ${backup}，与本机数据库（${local}）不同；如确要替换，请先移走本机数据库文件`,
} as const;
