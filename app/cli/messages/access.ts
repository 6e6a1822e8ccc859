/** Texts of `qbank access` (bank membership). */
export const accessText = {
  summary: '题库访问授权 (bank membership)',
  badRole: (text: string) => `题库角色应为 manager/author/reviewer（题库管理员/命题人员/审核专家），收到 ${text}`,
  bankId: '题库编号',
  username: '用户名',
  role: '角色',
  listUsage: 'list <题库编号>',
  listSummary: '查看题库成员',
  grantUsage: 'grant <题库编号> <用户名> <角色>',
  grantSummary: '授权（安全保密管理员）',
  granted: (accountId: number, bankId: number, role: string) => `已授权：账号 ${accountId} 为题库 ${bankId} 的${role}`,
  revokeUsage: 'revoke <题库编号> <用户名> <角色>',
  revokeSummary: '收回授权（安全保密管理员）',
  revoked: '已收回授权',
  notGranted: '该账号原本没有此授权',
} as const;
