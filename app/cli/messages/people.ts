/** Texts of `qbank people` (the personnel register and 保密责任书). */
export const peopleText = {
  summary: '涉密人员登记与保密责任书 (personnel register and pledges)',
  separator: '、',
  pledgeStatus: (status: string) => `责任书${status}`,
  warning: (text: string) => `⚠ ${text}`,
  listSummary: '查看登记表',
  addUsage:
    'add --name 姓名 --unit 单位 --phone 电话 [--title 职称] [--position 职务] [--specialty 专业] [--work-types 命题,审定] [--expert-role 内容专家] [--trainer]',
  addSummary: '登记人员（安全保密管理员）',
  added: (id: number, name: string) => `已登记 ${id}\t${name}`,
  updateUsage:
    'update <人员编号> [--name 姓名] [--unit 单位] [--phone 电话] [--title 职称] [--position 职务] [--specialty 专业] [--work-types 命题,审定] [--expert-role 内容专家|无] [--trainer|--not-trainer]',
  updateSummary: '修改登记（安全保密管理员）：只改给出的项，其余不变；--expert-role 无 去掉专家类别',
  updated: (id: number, name: string) => `已修改 ${id}\t${name}`,
  noChanges: '没有要修改的项：请给出 --name、--unit、--phone、--title、--position、--specialty、--work-types、--expert-role、--trainer 或 --not-trainer',
  notRegistered: (id: number) => `人员 ${id} 不在登记表中（qbank people list）`,
  badExpertRole: (value: string, roles: readonly string[]) => `--expert-role 应为 ${roles.join('、')} 之一（无：去掉），收到 ${value}`,
  badWorkType: (value: string, types: readonly string[]) => `--work-types 的“${value}”不是工作类别；可用：${types.join('、')}`,
  bothTrainer: '--trainer 与 --not-trainer 只能给一个',
  pledgeUsage: 'pledge <人员编号> --signed YYYY-MM-DD --expires YYYY-MM-DD --scope 责任范围 [--scan 扫描件]',
  pledgeSummary: '登记保密责任书（安全保密管理员）',
  unreadableScan: (path: string, code: string) => `无法读取扫描件 ${path}：${code}`,
  personId: '人员编号',
  /** `scan` is the first 16 hex digits of the scan's SHA-256, when there is a scan. */
  pledgeRegistered: (id: number, signedOn: string, expiresOn: string, scan: string | undefined) =>
    `已登记保密责任书 ${id}：${signedOn} 至 ${expiresOn}${scan ? `，扫描件 SHA-256 ${scan}…` : ''}`,
  exportUsage: 'export --out <目录>',
  exportSummary: '导出登记表 xlsx（安全保密管理员）',
  outArgument: '--out 目录',
  exported: (path: string, bytes: number, sha256: string) => `已导出 ${path}（${bytes} 字节，SHA-256 ${sha256}…）`,
} as const;
