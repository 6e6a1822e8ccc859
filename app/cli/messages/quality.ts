/** Texts of `qbank lint` and `qbank coverage`. */
export const qualityText = {
  // qbank lint
  lintSummary: '试题与题库质量检查 (quality lint)',
  lintUsage: '--bank <题库> [--item <试题>] [--sets 3]',
  lintClean: (itemId: number) => `试题 ${itemId}: 未发现问题`,
  lintItem: (itemId: number) => `试题 ${itemId}`,

  // qbank coverage
  coverageSummary: '细目表覆盖：各节点已有试题与 N 套所需 (coverage)',
  coverageUsage: '--bank <题库> [--sets 3] [--all-states]',
  coverageHeader: '鉴定范围\t名称\t比重\t已有\t需要\t判断/单选/多选 已有(需要)',
  coverageShort: '\t不足',
} as const;
