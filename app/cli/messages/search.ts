/** Texts of `qbank search` and `qbank duplicates`. */
export const searchText = {
  // qbank search
  searchSummary: '检索试题（调阅）(full-text search)',
  searchUsage: '<词…> --bank <题库> [--type 题型] [--state 状态] [--difficulty N] [--element A-B] [--limit N]',
  searchTotal: (total: number) => `共 ${total} 道`,

  // qbank duplicates
  duplicatesSummary: '查找重复与近似重复试题 (near-duplicates)',
  duplicatesUsage: '--bank <题库> [--threshold 0.65]',
  duplicatesTotal: (items: number, threshold: number, pairs: number) => `${items} 道试题，相似度 ≥ ${threshold} 的有 ${pairs} 对`,
  duplicateKind: (exact: boolean) => (exact ? '完全重复' : '高度相似'),
} as const;
