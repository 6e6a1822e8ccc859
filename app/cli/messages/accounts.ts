/** Texts of `qbank accounts` (accounts and roles). */
export const accountsText = {
  summary: '账号与角色 (accounts and roles)',
  locked: '已锁定',
  disabled: '已停用',
  mustChangePassword: '须改口令',
  roleSeparator: '、',
  /** The account line: user, name, roles, linked person, flags (tab-separated). */
  accountLine: (username: string, displayName: string, roles: string, person: string, flags: string) => `${username}\t${displayName}\t${roles}\t人员 ${person}\t${flags}`,
  unknownRole: (role: string, available: readonly string[]) => `未知角色 ${role}；可用：${available.join('、')}`,
  roleChoice: (role: string, name: string) => `${role}（${name}）`,
  username: '用户名',
  role: '角色',
  personId: '人员编号',
  listSummary: '列出账号',
  createUsage: 'create <用户名> --name <姓名>',
  createSummary: '新建账号（系统管理员），打印一次性初始口令',
  created: (username: string) => `已新建账号 ${username}`,
  initialPassword: (password: string) => `初始口令（只显示这一次，首次登录须修改）: ${password}`,
  grantUsage: 'grant <用户名> <角色,…>',
  grantSummary: '授予角色（安全保密管理员）',
  revokeUsage: 'revoke <用户名> <角色>',
  revokeSummary: '收回角色（安全保密管理员）',
  unlockUsage: 'unlock <用户名>',
  unlockSummary: '解锁账号（安全保密管理员）',
  linkUsage: 'link <用户名> <人员编号>',
  linkSummary: '关联涉密人员登记（安全保密管理员）',
  resetPasswordUsage: 'reset-password <用户名>',
  resetPasswordSummary: '重置口令（系统管理员），打印一次性口令',
  oneTimePassword: (password: string) => `一次性口令（首次登录须修改）: ${password}`,
  disableUsage: 'disable <用户名>',
  disableSummary: '停用账号（系统管理员）',
  enableUsage: 'enable <用户名>',
  enableSummary: '启用账号（系统管理员）',
  /** The roles for grant and revoke: the key to type and the Chinese name (either is accepted). */
  rolesHelp: (roles: readonly (readonly [string, string])[]) => {
    const width = Math.max(...roles.map(([key]) => key.length));
    return [
      '角色 (roles)：grant / revoke 写键名或中文名均可，grant 可用逗号写多个（如 manager,author 或 题库管理员、命题人员）',
      ...roles.map(([key, name]) => `  ${key.padEnd(width)}  ${name}`),
      '三员（系统管理员、安全保密管理员、安全审计员）互不兼任，也不兼任题库管理员、命题人员、审核专家。',
    ].join('\n');
  },
} as const;
