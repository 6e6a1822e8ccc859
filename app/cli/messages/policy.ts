/** Texts of `qbank policy` (the security policy). */
export const policyText = {
  summary: '安全策略：口令、锁定、超时 (security policy)',
  showSummary: '查看安全策略',
  setUsage: 'set <键>=<值> …',
  setSummary: '修改安全策略（安全保密管理员），如 maxAgeDays=30 maxFailures=5',
  missingChange: '缺少 <键>=<值>',
  badChange: (text: string) => `应为 <键>=<值>，收到 ${text}`,
} as const;
