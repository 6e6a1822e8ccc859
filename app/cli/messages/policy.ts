/** Texts of `qbank policy` (the security policy, the write-target policy and the secrecy marks). */
export const policyText = {
  summary: '安全策略：口令、锁定、超时，写入位置，密级标志 (security policy)',
  showSummary: '查看安全策略',
  setUsage: 'set <键>=<值> …',
  setSummary: '修改安全策略（安全保密管理员），如 maxAgeDays=30 maxFailures=5',
  missingChange: '缺少 <键>=<值>',
  badChange: (text: string) => `应为 <键>=<值>，收到 ${text}`,

  outputUsage: 'output show\noutput set allowUnverifiedTargets=true|false',
  outputSummary: '写入位置策略：无法核验的写入位置（非 Linux、没有挂载表）是否允许写入（安全保密管理员修改，安全审计员可查看）',
  outputLine: (allowed: boolean) => `allowUnverifiedTargets = ${String(allowed)}\t${allowed ? '允许写入无法核验的位置（每次写入都登记）' : '拒绝写入无法核验的位置'}`,
  badOutputKey: (given: string) => `policy output set 只有一项：allowUnverifiedTargets=true 或 false，收到 ${given}`,
  badBoolean: (key: string, value: string) => `${key} 应为 true 或 false，收到 ${value}`,

  markingUsage: 'marking show\nmarking set <文件类>=<bank|work|none|default> …',
  markingSummary: '各类文件的密级标志（安全保密管理员修改，安全审计员和题库管理员可查看）',
  markingLine: (cls: string, name: string, marking: string, isDefault: boolean, basis: string) =>
    `${cls}\t${name}\t${marking}${isDefault ? '（默认）' : '（已改）'}\t默认依据：${basis}`,
  defaultMarking: 'default（恢复默认）',
  badDocumentClass: (cls: string, classes: readonly string[]) => `没有文件类 ${cls}；可用：${classes.join('、')}`,
  badMarking: (cls: string, value: string, values: readonly string[]) => `${cls} 的密级标志“${value}”不可用；可用：${values.join('、')}`,
  markingHelp: (classes: readonly (readonly [string, string])[], markings: readonly (readonly [string, string])[]) =>
    [
      '文件类 (policy marking set 的键)：',
      ...classes.map(([key, name]) => `  ${key.padEnd(Math.max(...classes.map(([k]) => k.length)))}  ${name}`),
      `密级标志：${markings.map(([key, name]) => `${key}（${name}）`).join('、')}、default（恢复默认）`,
    ].join('\n'),

  badVerb: (what: string, verb: string) => `policy ${what} 后应为 show 或 set，收到 ${verb}`,
} as const;
