/** User-facing texts of bank membership (zh-CN). */

export const accessMessages = {
  lacksRoleToJoin: (username: string, role: string) => `账号 ${username} 没有${role}角色，不能以该身份加入题库`,
} as const;
