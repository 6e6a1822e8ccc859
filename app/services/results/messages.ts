/** User-facing texts of exam results and item analysis (zh-CN). */
export const resultsMessages = {
  paperNotInBank: (paperId: number, bankId: number) => `试卷 ${paperId} 不属于题库 ${bankId}`,
  paperVoided: (paperId: number) => `试卷 ${paperId} 已作废，不能导入其考试结果`,
  alreadyImported: (label: string, id: number) => `这份结果文件已导入过（第 ${id} 场“${label}”），未重复导入`,
  header: (problems: readonly string[]) => `表头与试卷不符：${problems.join('；')}`,
  rows: (count: number, shown: readonly string[]) => `${count} 处作答与试卷不符，未导入任何数据：${shown.join('；')}${count > shown.length ? `；另有 ${count - shown.length} 处` : ''}`,
  cell: (line: number, position: number, reason: string) => `第 ${line} 行第 ${position} 题：${reason}`,
  duplicateCandidate: (line: number, first: number) => `第 ${line} 行：考生与第 ${first} 行重复`,
  tooManyCells: (line: number, n: number, width: number) => `第 ${line} 行有 ${n} 个单元格，多于表头的 ${width} 列`,
  badDateFormat: '考试日期应为 YYYY-MM-DD',
  notReturnable: (itemId: number, version: number, current: number, state: string) =>
    `试题 ${itemId}：统计针对第 ${version} 版，现为第 ${current} 版（${state}），未退回`,
  noSitting: (id: number) => `没有第 ${id} 场考试结果`,
  returnComment: (sitting: string, flags: string) => `据考试统计复审（${sitting}）：${flags}`.slice(0, 500),
  importedDetail: (label: string, candidates: number, flagged: number) => `${label}：${candidates} 名考生，${flagged} 道题需复审`,
} as const;
