/** Texts of `qbank conformance` (the 规程 and 附件6 conformance report). */
export const conformanceText = {
  summary: '规程与附件6符合性报告：条款、功能、证明测试及其最近结果 (conformance report)',
  usage: '[--out 目录] [--json]',
  header: '条款\t结论\t时间\t要求',
  clause: (source: string, article: string, outcome: string, at: string, requirement: string) => `${source}${article}\t${outcome}\t${at}\t${requirement}`,
  test: (outcome: string, label: string, note: string) => `  ${outcome}\t${label}${note === '' ? '' : `（${note}）`}`,
  source: (label: string, path: string, state: string) => `${label}：${path}（${state}）`,
  ran: (at: string, entries: number, unit: string) => `运行于 ${at}，${entries} ${unit}`,
  vitest: { label: '测试结果', unit: '个测试文件' },
  faults: { label: '故障测试记录', unit: '条记录' },
  exported: (path: string, bytes: number, sha256: string) => `已导出 ${path}（${bytes} 字节，SHA-256 ${sha256.slice(0, 16)}…）`,
} as const;
