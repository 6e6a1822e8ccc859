/** User-facing texts of a bank's quality checks (zh-CN). */

export const qualityMessages = {
  noTheoryTable: '本题库还没有理论知识考核要素细目表',
} as const;
