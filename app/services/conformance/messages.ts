/** User-facing texts of the conformance report (zh-CN). */
export const conformanceServiceMessages = {
  fileName: '安全保密符合性报告.docx',
  notFound: '不存在（尚未运行相应的测试）',
  tooLarge: (mb: number) => `文件超过 ${mb} MB，未读取`,
  unreadable: (reason: string) => `无法读取：${reason}`,
  notJson: (reason: string) => `不是有效的 JSON：${reason}`,
  badShape: '不是 vitest 的 JSON 报告',
  tooManyFiles: (max: number) => `记录文件超过 ${max} 个，未读取`,
  badRecords: (names: readonly string[]) => `以下记录无法读取，已略过：${names.join('、')}`,
} as const;
