/** User-facing texts of the exam results reader (zh-CN). */
export const resultsReaderMessages = {
  refused: (reason: string) => `考试结果文件未导入：${reason}`,
  notKind: '不是考试结果文件（应为 .xlsx 工作簿或 UTF-8 的 CSV 文本）',
  noSheet: '工作簿中没有工作表',
  empty: '文件中没有表头和数据行',
  tooManyColumns: (n: number, max: number) => `列数 ${n} 超过上限 ${max}`,
} as const;
