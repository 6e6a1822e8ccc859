/** Texts of the 符合性报告 page (zh-CN). */
export const conformanceText = {
  menu: '符合性报告',
  title: '规程与附件6符合性报告',
  intro:
    '逐条列出本工作站实现的《职业技能鉴定国家题库安全保密工作规程》（人社鉴发〔2010〕2号）和附件6（粤人社函〔2023〕134号 试题开发要求）条款：要求、实现功能、证明测试及其最近一次运行结果。条款的全部证明测试通过才判“通过”。导出的 docx 供安全保密管理员存档，导出记入审计日志“存档”登记簿。',
  refresh: '重新读取结果',
  exportDocx: '导出 docx',
  noFolder: '没有选择文件夹，未导出',
  exported: (path: string, bytes: number) => `已导出 ${path}（${bytes} 字节）`,
  summary: (clauses: string, tests: string) => `${clauses}；${tests}`,
  source: (label: string, path: string, state: string) => `${label}：${path}（${state}）`,
  ran: (at: string, entries: number, unit: string) => `运行于 ${at}，${entries} ${unit}`,
  vitest: { label: '测试结果', unit: '个测试文件' },
  faults: { label: '故障测试记录', unit: '条记录' },
  columns: { article: '条款', requirement: '要求', feature: '功能', tests: '证明测试', outcome: '结论', at: '时间' },
  faultSuite: (suite: string, name: string) => `故障测试 ${suite}：${name}`,
} as const;
