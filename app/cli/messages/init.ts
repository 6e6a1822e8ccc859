/** Texts of `qbank init` (create or upgrade the workstation) and of the workstation secret policy. */
export const initText = {
  /** The secret policy (app/domain/workstation-secret.ts), as the help of init and rekey states it. */
  secretPolicyHelp: [
    '新工作站口令至少 12 个字符，并包含小写字母、大写字母、数字、符号、汉字（或其他文字）中的至少 3 类；',
    '密钥文件至少 32 字节的随机数据（全部相同、重复片段或依次递增的内容不被接受）。',
  ].join('\n'),
  summary: '新建（加密）或升级工作站数据库 (create or upgrade the database)',
  /** The help before the secret policy. */
  help: [
    '用法: qbank init [--db 文件] (--passphrase-file 文件 | --key-file 文件) [--allow-unverified-target]',
    '',
    '新建加密的数据库，建立全部表和审计签名密钥，并创建三员账号（系统管理员 sysadmin、',
    '安全保密管理员 secadmin、安全审计员 auditor），打印各自的一次性初始口令（首次登录须修改）。',
    '数据库已存在时只升级到本程序的结构版本（只前进，不回退）。',
    '工作站口令也可由环境变量 QBANK_PASSPHRASE_FILE / QBANK_PASSPHRASE / QBANK_KEY_FILE 给出。',
    '--allow-unverified-target：在无法核验存储设备的系统上（Windows、macOS）建立工作站，记入权限登记表；',
    '此后是否允许由安全保密管理员决定。',
  ].join('\n'),
  refused: (reason: string) => `不能新建工作站：${reason}`,
  opened: (created: boolean, file: string, encrypted: boolean) => `${created ? '已新建' : '已打开'}数据库 ${file}（${encrypted ? '已加密' : '未加密'}）`,
  schemaVersion: (version: number, latest: number) => `结构版本 (schema version): ${version}/${latest}`,
  workstationId: (id: string) => `工作站标识 (workstation id): ${id}`,
  initialPasswords: '三员账号的一次性初始口令（只显示这一次，请分别交给本人，首次登录须修改）:',
} as const;
