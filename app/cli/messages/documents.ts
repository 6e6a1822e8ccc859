/** Texts of `qbank documents` (the 试题审核备案 submission and its free-text parts). */
export const documentsText = {
  summary: '试题审核备案申报材料 (submission documents)',
  /** `comprehensive` sets are named only when there are some. */
  generated: (files: number, theory: number, practical: number, comprehensive: number, seconds: string, folder: string) =>
    `已生成申报材料 ${files} 个文件（理论知识 ${theory} 套，技能考核 ${practical} 套${comprehensive > 0 ? `，综合评审 ${comprehensive} 套` : ''}，${seconds} 秒）→ ${folder}`,
  /** A gap of the submission by the rules (app/domain/submission/completeness.ts), on stderr. */
  warning: (text: string) => `警告：${text}`,
  /** The last line on stderr after the gaps. */
  warningCount: (n: number) => `警告：共 ${n} 条，报送前须处理（用 --strict 时有警告即不生成）`,
  strictRefused: (n: number) => `qbank: 申报材料有 ${n} 处不符合要求（见上），--strict：未写入任何文件`,
  incomplete: (what: string) => `发现并清除了上次未完成的输出：${what}`,
  replaced: '已替换该文件夹中上次生成的材料',
  file: (path: string, bytes: number) => `  ${path}\t${bytes} 字节`,
  manifest: (path: string) => `  ${path}\t清单（每个文件的大小与 SHA-256）`,
  generateUsage: 'generate --bank <题库> --out <目录> [--replace] [--strict]',
  generateSummary:
    '生成编制说明、细目表、试卷与答案、通知单、评分记录表、名单、审核意见（全部写完才出现；--replace 替换上次生成的完整材料；' +
    '不符合要求之处逐条以“警告：”写到标准错误；--strict 有任何一条即拒绝生成，什么也不写）',
  notesUsage: 'notes --bank <题库> [--file 说明.json]',
  notesSummary: '查看（或从 JSON 文件设置）编制依据、开发过程、保密措施、审核意见等文字',
  saved: '已保存',
  /** What a notes file may hold: each key with what it is, and the values of the fields that take one of a list. */
  notesHelp: (keys: readonly string[], conclusions: readonly string[], results: readonly string[]) =>
    [
      'documents notes --file 说明.json：只改文件中给出的键，其余不变；不认识的键、不可用的值都会被拒绝并指明。可填的键：',
      ...keys.map((k) => `  ${k}`),
      `  reviewConclusion 的值：${conclusions.filter((v) => v !== '').join('、')}，或 ""（手写填）`,
      `  reviewChecklist 为 [{ "item": 审核内容, "result": ${results.filter((v) => v !== '').join('、')} 或 "" }]`,
    ].join('\n'),
} as const;
