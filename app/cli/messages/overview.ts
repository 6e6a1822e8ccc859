/** Texts of `qbank overview` (the dashboard in text) and `qbank audit list`. */
export const overviewText = {
  summary: '工作台：各题库的进度和待办、三员的待办 (overview)',
  banksUsage: 'banks',
  banksSummary: '各题库：细目表、试题状态、试卷套数、最近生成的申报材料和下一步的障碍',
  dutiesUsage: 'duties',
  dutiesSummary: '三员的待办事项（账号、保密责任书、待校验的日志）',
  bankLine: (id: number, title: string, name: string) => `${id}\t${title}\t${name}`,
  tables: (theory: string, practical: string) => `  细目表: ${theory}；内容结构表: ${practical}`,
  table: (version: number, count: number, unit: string) => `版本 ${version}，${count} ${unit}`,
  elements: '个鉴定点',
  modules: '个模块',
  missing: '未导入',
  states: (states: readonly (readonly [string, number])[], unclassified: number) =>
    `  试题: ${states.map(([k, v]) => `${k} ${v}`).join('，')}${unclassified > 0 ? `（待归类 ${unclassified}）` : ''}`,
  sets: (parts: readonly string[]) => `  试卷: ${parts.join('；')}`,
  setPart: (kind: string, sets: number, approved: number, enough: boolean) => `${kind} ${sets} 套（已审定 ${approved}）${enough ? '' : ' 不足3套'}`,
  generated: (at: string, actor: string, files: number) => `  最近生成申报材料: ${at} ${actor}，${files} 个文件`,
  neverGenerated: '  最近生成申报材料: 无',
  members: (parts: readonly string[]) => `  成员: ${parts.join('，')}`,
  blocker: (place: string, message: string) => `  障碍 [${place}]: ${message}`,
  places: { elements: '细目表', items: '试题', import: '导入', assembly: '组卷', documents: '申报材料', review: '审核', access: '题库授权' },
  noBanks: '没有可见的题库',
  duty: (level: string, page: string, message: string) => `${level}\t[${page}] ${message}`,
  levels: { error: '紧急', warning: '待办', info: '提示' },
  pages: { accounts: '账号与角色', people: '涉密人员', audit: '审计日志' },
  noDuties: '没有待办事项',
  log: (entries: number, verifiedSeq: number | null, at: string | null) =>
    `日志 ${entries} 条；${verifiedSeq === null ? '从未校验' : `上次校验到第 ${verifiedSeq} 条（${at ?? ''}）`}`,
  // qbank audit list
  listUsage: 'list [--actor 用户] [--action 操作] [--object 对象] [--from 时间] [--to 时间]\nlist … [--register 登记表] [--result ok|refused|error] [--limit 50] [--offset 0]',
  listSummary: '查阅审计日志（新的在前，按操作人、操作、对象、时间筛选；本次查阅也登记）',
  listRow: (seq: number, at: string, actor: string, action: string, result: string, objects: string, detail: string) =>
    `${seq}\t${at}\t${actor}\t${action}\t${result}\t${objects}\t${detail}`,
  listTotal: (shown: number, offset: number, total: number) => `共 ${total} 条，显示第 ${total === 0 ? 0 : offset + 1}–${offset + shown} 条`,
  badOffset: (v: string) => `--offset 应为不小于 0 的整数，收到 ${v}`,
} as const;
