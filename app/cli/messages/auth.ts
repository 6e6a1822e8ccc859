/** Texts of login and secrets on the command line (auth.ts) and the login options every session command shows. */
export const authText = {
  /** `what` names the secret: 工作站口令, 口令, 新口令. */
  unreadableSecretFile: (what: string, path: string, reason: string) => `无法读取${what}文件 ${path}：${reason}`,
  unreadableKeyFile: (path: string, reason: string) => `无法读取密钥文件 ${path}：${reason}`,
  workstationPassphrase: '工作站口令',
  password: '口令',
  passphraseNeeded: '需要工作站口令：用 --passphrase-file 文件 或环境变量 QBANK_PASSPHRASE（或 --key-file 密钥文件）',
  newPassphraseNeeded: '需要新的工作站口令：用 --new-passphrase-file 文件、环境变量 QBANK_NEW_PASSPHRASE 或 --new-key-file 密钥文件',
  userNeeded: '需要用户名：用 --user 或环境变量 QBANK_USER',
  passwordNeeded: '需要口令：用 --password-file 文件 或环境变量 QBANK_PASSWORD',
  loginHelp: [
    '登录与口令（不在命令行上写口令）:',
    '  --user <用户名>            或环境变量 QBANK_USER',
    '  --password-file <文件>     或 QBANK_PASSWORD_FILE / QBANK_PASSWORD',
    '  --passphrase-file <文件>   工作站口令，或 QBANK_PASSPHRASE_FILE / QBANK_PASSPHRASE',
    '  --key-file <文件>          工作站密钥文件（代替口令），或 QBANK_KEY_FILE',
    '  --json                     以 JSON 输出',
  ].join('\n'),
} as const;
