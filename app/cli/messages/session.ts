/** Texts of `qbank passwd`, `qbank whoami` and `qbank rekey` (one's own session and the workstation secret). */
export const sessionText = {
  passwdSummary: '修改本人口令 (change your password)',
  passwdUsage: '用法: qbank passwd --new-password-file 文件',
  passwdEnvironment: '新口令也可由环境变量 QBANK_NEW_PASSWORD_FILE / QBANK_NEW_PASSWORD 给出。',
  newPassword: '新口令',
  newPasswordNeeded: '需要新口令：用 --new-password-file 文件 或环境变量 QBANK_NEW_PASSWORD',
  passwordChanged: '口令已修改 (password changed)',
  whoamiSummary: '查看当前账号 (who am I)',
  whoamiUsage: '用法: qbank whoami',
  roleSeparator: '、',
  mustChangePassword: '\t须先修改口令',
  rekeySummary: '更换数据库口令或密钥文件 (re-encrypt the database)',
  /** The help before the secret policy. */
  rekeyHelp: [
    '用法: qbank rekey (--new-passphrase-file 文件 | --new-key-file 文件)',
    '',
    '系统管理员用当前口令打开数据库，以新口令重新加密整个文件；此后旧口令失效。',
    '新口令也可由环境变量 QBANK_NEW_PASSPHRASE_FILE / QBANK_NEW_PASSPHRASE 给出。',
  ].join('\n'),
  rekeyRefused: (reason: string) => `不能更换数据库口令：${reason}`,
  rekeyed: '数据库已用新口令重新加密；旧口令已失效 (database re-encrypted)',
} as const;
