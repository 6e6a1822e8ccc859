/** User-facing texts of the workstation database: opening where storage is unverified, creating, rekeying (zh-CN). */

export const workstationMessages = {
  unverifiedAtInit: (reason: string) => `${reason}（首次建立工作站时可由系统管理员用 qbank init --allow-unverified-target 允许，此后由安全保密管理员决定）`,
  unverifiedAllowedAtInit: '首次建立工作站时允许未经核验的写入位置',
  unverifiedNotAllowed: (reason: string) => `${reason}（安全保密管理员未允许未经核验的写入位置）`,
  cannotCreate: (refusal: string) => `不能新建工作站：${refusal}`,
  secretRequired: '需要当前的工作站口令',
  cannotRekey: (refusal: string) => `不能更换数据库口令：${refusal}`,
  rekeyFailed: (reason: string) => `更换数据库口令失败，数据库仍使用原口令：${reason}`,
} as const;
