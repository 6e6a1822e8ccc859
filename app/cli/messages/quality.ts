/** Texts of `qbank lint` and `qbank coverage`. */
export const qualityText = {
  // qbank lint
  lintSummary: '试题与题库质量检查 (quality lint)',
  lintUsage: '--bank <题库> [--item <试题>] [--sets 3]',
  lintClean: (itemId: number) => `试题 ${itemId}: 未发现问题`,
  lintItem: (itemId: number) => `试题 ${itemId}`,
  lintNeeds: (sets: number, structure: string, perSet: number) =>
    `按本题库的理论知识试卷结构（${structure}）核算 ${sets} 套：每套 ${perSet} 道，共 ${sets * perSet} 道`,

  // qbank coverage
  coverageSummary: '细目表覆盖：各节点已有试题与 N 套所需 (coverage)',
  coverageUsage: '--bank <题库> [--sets 3] [--all-states]',
  coverageNeeds: (sets: number, perSet: number, byType: string) => `按本题库的理论知识试卷结构核算 ${sets} 套：每套 ${perSet} 道（${byType}），共 ${sets * perSet} 道`,
  coverageType: (name: string, count: number) => `${name} ${count}`,
  coverageHeader: '鉴定范围\t名称\t比重\t已有\t需要\t判断/单选/多选 已有(需要)',
  coverageShort: '\t不足',
} as const;
