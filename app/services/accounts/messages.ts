/** User-facing texts of accounts and roles under the 三员 separation (zh-CN). */

export const accountsMessages = {
  notFound: (username: string) => `账号 ${username} 不存在`,
  exists: (username: string) => `账号 ${username} 已存在`,
  cannotDisableSelf: '不能停用自己的账号',
  cannotGrantSelf: '不能给自己授予角色',
  account: (username: string) => `账号 ${username}`,
  lacksRole: (username: string, role: string) => `账号 ${username} 没有${role}角色`,
} as const;
