/** User-facing texts of the policies: the security policy's label and the write-target exception (zh-CN). */

export const policyMessages = {
  securityPolicy: '安全策略',
  unverifiedNote: '写入位置未经核验（安全保密管理员已允许）',
  allowUnverified: '允许未经核验的写入位置',
  forbidUnverified: '禁止未经核验的写入位置',
  marking: '密级标志策略',
  markingChange: (changes: string) => `密级标志：${changes}`,
} as const;
