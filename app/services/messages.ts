/** User-facing texts of the shared service parts: the system actor, the session and the gates of invoke (zh-CN). */

export const servicesMessages = {
  systemActor: '系统',
  noPersonLinked: (username: string) => `账号 ${username} 未关联涉密人员登记，不能接触涉密内容（规程第七条）`,
  noPledge: (name: string) => `${name} 尚未登记保密责任书，不能接触涉密内容（规程第七条）`,
  pledgeExpired: (name: string, last: string) => `${name} 的保密责任书已于 ${last} 到期，须重新签订后才能接触涉密内容（规程第七条）`,
  notBankMember: (username: string, bankId: number, roles: readonly string[]) => `${username} 不是题库 ${bankId} 的${roles.join('或')}，无权访问`,
  sessionEnded: '会话已结束，请重新登录',
  idle: (minutes: number) => `${minutes} 分钟无操作`,
  sessionTimedOut: (minutes: number) => `会话因 ${minutes} 分钟无操作已结束，请重新登录`,
  mustChangePassword: '首次登录须先修改口令',
  passwordExpired: '口令已过期，须先修改口令',
  rolesRequired: (summary: string, roles: readonly string[]) => `权限不足：“${summary}”需要${roles.join('或')}身份`,
} as const;
