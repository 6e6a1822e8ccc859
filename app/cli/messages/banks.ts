/** Texts of `qbank banks` (list, create, summary). */
export const banksText = {
  summary: '题库 (banks)',
  sample: '\t样例',
  listSummary: '列出可见的题库',
  createUsage: 'create --occupation 职业编码 --level 级别 [--track 方向]',
  createSummary: '新建题库（题库管理员）',
  badLevel: (text: string) => `--level 应为 1–5 或 四级、中级工 等，收到 ${text}`,
  created: (bank: string, level: string) => `已新建题库 ${bank}（${level}）`,
  summaryUsage: 'summary <题库编号>',
  summarySummary: '题库概况',
  bankId: '题库编号',
  elementTable: (version: number, elements: number) => `版本 ${version}，${elements} 个鉴定点`,
  noElementTable: '未导入',
  elementTableLine: (text: string) => `细目表: ${text}`,
  itemsLine: (theory: number, practical: number, comprehensive: number) => `试题: 理论知识 ${theory}，技能考核 ${practical}，综合评审 ${comprehensive}`,
  statesLine: (states: readonly (readonly [string, number])[]) => `状态: ${states.map(([k, v]) => `${k} ${v}`).join('，')}`,
} as const;
