/** Texts of `qbank submissions` (the record of submissions to the province and the incubation period). */
export const submissionsText = {
  summary: '报送省级审核的记录与孵化期 (submission record)',
  submissionId: '报送编号',
  missingResult: '缺少 --result 通过|退回',
  missingDate: '缺少 --date YYYY-MM-DD',
  listUsage: 'list --bank <题库>',
  listSummary: '查看报送记录、孵化期和再报送的限制',
  noRecords: '还没有报送记录',
  header: '编号\t报送日期\t清单 SHA-256\t审核结果\t结果日期\t退回意见\t备注',
  line: (id: number, on: string, sha256: string, result: string, resultOn: string, comments: string, note: string) =>
    `${id}\t${on}\t${sha256 === '' ? '—' : `${sha256.slice(0, 16)}…`}\t${result || '待结果'}\t${resultOn || '—'}\t${comments || '—'}\t${note || '—'}`,
  incubation: (start: string, end: string, days: number, configured: boolean) =>
    `孵化期：${start} 至 ${end}（${days} 天，${configured ? '已设定开始日期' : '自首次报送起算'}）`,
  next: (ordinal: number, allowed: boolean, message: string) =>
    `${allowed ? `今天再报送将是孵化期内第 ${ordinal} 次` : '不能再报送'}${message === '' ? '' : `：${message}`}`,
  provincial: '本级别报送后还须省级复审',
  recordUsage: 'record --bank <题库> [--date YYYY-MM-DD] [--note 备注] [--confirm]',
  recordSummary: '登记报送省级审核（题库管理员；须本轮审核已全部签署；孵化期内第 2 次须 --confirm，第 3 次拒绝）',
  recorded: (id: number, on: string) => `已登记报送 ${id}（${on}）`,
  resultUsage: 'result --bank <题库> <报送编号> --result 通过|退回 --date YYYY-MM-DD [--comments 退回意见]',
  resultSummary: '录入省级审核结果（退回须录入退回意见）',
  resultSaved: (id: number, result: string, on: string) => `已录入报送 ${id} 的审核结果：${result}（${on}）`,
  incubationUsage: "incubation --bank <题库> [--start YYYY-MM-DD|--start ''] [--days 180]",
  incubationSummary: "设置孵化期（--start '' 表示自首次报送起算；默认 180 天）",
} as const;
