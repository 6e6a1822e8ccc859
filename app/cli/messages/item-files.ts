/** Texts of `qbank items export` (the bank's items as the writers' Excel template). */
export const itemFilesText = {
  exportUsage: 'export --bank <题库> --out <目录> [--state 状态]',
  exportSummary: '导出试题 xlsx（题库管理员；理论知识、技能考核（含附图）与综合评审试题；登记在调阅登记表，文件按机密存档）',
  badState: (value: string, states: readonly string[]) => `--state 应为 ${states.join('、')} 之一，收到 ${value}`,
  exported: (path: string, bytes: number, sha256: string) => `已导出 ${path}（${bytes} 字节，SHA-256 ${sha256}…）`,
} as const;
