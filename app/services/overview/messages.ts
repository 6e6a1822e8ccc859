/** User-facing texts of the overview (工作台): what blocks a bank's next step, the 三员's duties (zh-CN). */

export const overviewMessages = {
  // what blocks the next step of a bank, before the submission's own gaps (banks.ts)
  noTheoryTable: '还没有理论知识考核要素细目表：先在“细目表”页导入或填写，才能录入试题和组卷',
  noPracticalStructure: '还没有技能考核内容结构表：先在“细目表”页导入，才能组技能考核试卷',
  noItems: '题库里还没有试题：在“导入”页导入命题人员交来的 xlsx 或 Word 文件',
  unclassified: (n: number) => `${n} 道试题待归类（没有鉴定点或难度）：归类前不能送审，也不能组卷`,
  drafts: (n: number) => `${n} 道试题是草稿，尚未提交审核`,
  pending: (n: number) => `${n} 道试题待审，须由本题库的审核专家审核`,
  reviewed: (n: number) => `${n} 道试题已审，待题库管理员入库`,
  noEligible: '没有入库试题，不能组卷：试题须经审核并入库',
  // the 三员's duties (duties.ts)
  peopleWithoutAccount: (n: number, names: string) => `${n} 名已登记的涉密人员还没有账号：${names}`,
  firstLoginPending: (n: number, names: string) => `${n} 个账号尚未首次登录修改一次性口令：${names}`,
  accountsWithoutRoles: (n: number, names: string) => `${n} 个账号还没有任何角色，须授予角色：${names}`,
  accountsUnlinked: (n: number, names: string) => `${n} 个题库角色账号没有关联涉密人员登记（不能调阅试题）：${names}`,
  lockedAccounts: (n: number, names: string) => `${n} 个账号因连续输错口令被锁定，待解锁：${names}`,
  pledgesExpired: (n: number, names: string) => `${n} 人的保密责任书已过期（不能接触试题）：${names}`,
  pledgesMissing: (n: number, names: string) => `${n} 人没有登记保密责任书：${names}`,
  pledgesExpiring: (n: number, days: number, names: string) => `${n} 人的保密责任书将在 ${days} 天内到期：${names}`,
  expiringName: (name: string, expiresOn: string) => `${name}（${expiresOn}）`,
  banksWithoutReviewers: (n: number, names: string) => `${n} 个题库的审核专家不足或未登记专家类别：${names}`,
  neverVerified: '审计日志还从未校验过：请校验并副署',
  unverified: (entries: number, since: string) => `自上次校验（${since}）以来新增 ${entries} 条日志，待校验`,
  refusalsSince: (n: number) => `其中 ${n} 条为拒绝记录（越权或违规操作），请查看`,
  listSeparator: '、',
  more: (shown: string, total: number) => `${shown} 等 ${total} 个`,
} as const;
