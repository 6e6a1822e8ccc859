/** Texts of `qbank review` (the internal review by a panel of experts: rounds, panel, verdicts, conclusions). */
export const reviewText = {
  summary: '题库内部审核：审核轮次、审核组、审核意见与结论、签署 (internal review)',
  separator: '、',
  none: '—',
  missingRound: '缺少 --round <审核轮次编号>（qbank review rounds --bank <题库> 可查）',
  missingFromTo: '--check 须给出审核日期 --from YYYY-MM-DD --to YYYY-MM-DD',
  badMember: (value: string, categories: readonly string[]) => `--member 应为 <人员编号>[:${categories.join('|')}][:leader]，收到 ${value}`,
  noMembers: '缺少审核组成员：--member <人员编号>[:专家类别][:leader]，每人一个',
  badVerdict: (option: string, value: string, verdicts: readonly string[]) => `${option} 应为 ${verdicts.join('、')} 之一，收到 ${value}`,
  badItemVersion: (value: string) => `--item 应为 <试题编号>@<版本>，如 12@1，收到 ${value}`,
  judgeModes: '请给出且只给出一种：--item <试题>@<版本> --verdict 结论、--file 审核意见.json 或 --all 通过',
  /** After the list of sub-commands in the help. */
  notes: (categories: readonly string[], verdicts: readonly string[]) =>
    [
      'R：审核轮次编号（review open 时给出，review rounds 可查）；不写 --round 的子命令用最近一轮。',
      `V：${verdicts.join('、')}（“修改后通过”“不通过”须写明意见）。D：日期 YYYY-MM-DD。`,
      `--member <人员编号>[:类别][:leader]：每位成员一个，类别为 ${categories.join('、')}（不写则用人员登记的专家类别），leader 为审核组长。`,
      '审核组不少于 5 人，三类专家均须参加，一名审核组长，均不属题库开发组、不参与培训，保密责任书在审核期间有效，有审核专家权限的账号。',
    ].join('\n'),
  noRounds: (bankId: number) => `题库 ${bankId} 还没有审核轮次（qbank review open --bank ${bankId} --from 日期 --to 日期）`,

  // open / rounds
  openUsage: 'open --bank <题库> --from YYYY-MM-DD --to YYYY-MM-DD',
  openSummary: '开始一轮内部审核（题库管理员）',
  opened: (round: number, id: number, from: string, to: string) => `已开始第 ${round} 次审核：审核轮次编号 ${id}，审核日期 ${from} 至 ${to}`,
  openNext: (bankId: number, id: number) => `下一步：qbank review panel --bank ${bankId} --round ${id} --member <人员编号>[:专家类别][:leader] …（至少 5 人）`,
  roundsUsage: 'rounds --bank <题库>',
  roundsSummary: '查看题库的审核轮次',
  roundsHeader: '轮次编号\t次数\t审核日期\t审核组\t审核结论\t签署',
  roundLine: (id: number, round: number, from: string, to: string, members: number, problems: number, conclusion: string, signedAt: string) =>
    `${id}\t第 ${round} 次\t${from} 至 ${to}\t${members} 人${problems > 0 ? `（${problems} 处不符合要求）` : ''}\t${conclusion || '—'}\t${signedAt === '' ? '未签署' : `已签署 ${signedAt}`}`,

  // panel
  panelUsage: 'panel --bank <题库> [--round R] --member <人员>[:类别][:leader] … [--from D --to D]\npanel --check --bank <题库> --member … --from D --to D',
  panelSummary: '组成审核组（题库管理员；不符合要求之处以“警告：”写到标准错误）；--check 只检查，不符合要求时退出码 1',
  panelSaved: (round: number, n: number) => `已保存第 ${round} 次审核的审核组：${n} 人`,
  panelChecked: (n: number) => `审核组检查：${n} 人`,
  member: (personId: number, name: string, category: string, leader: boolean, account: string | null) =>
    `  ${personId}\t${name}\t${category || '（无专家类别）'}${leader ? '\t审核组长' : ''}\t账号 ${account ?? '—'}`,
  memberProblem: (text: string) => `      问题：${text}`,
  panelProblem: (text: string) => `  问题：${text}`,
  panelOk: '审核组符合要求',
  panelNotOk: (n: number) => `审核组不符合要求：共 ${n} 处`,
  warning: (text: string) => `警告：${text}`,
  panelWarningCount: (n: number) => `警告：审核组有 ${n} 处不符合要求；组成过程中可以保存，签署前须全部解决`,
  checkProblem: (text: string) => `问题：${text}`,
  checkFailed: (n: number) => `qbank: 审核组不符合要求，共 ${n} 处（见上）`,

  // workspace
  workspaceUsage: 'workspace --bank <题库> [--round R] [--json]',
  workspaceSummary: '调阅审核材料：本轮的试卷与试题及本人的审核意见（登记为调阅）',
  workspaceTitle: (round: number, id: number, from: string, to: string) => `第 ${round} 次审核（轮次编号 ${id}），审核日期 ${from} 至 ${to}`,
  me: (leader: boolean) => (leader ? '本人：审核组长' : '本人：审核组成员'),
  notMember: '本人不是审核组成员（只查看）',
  setsTitle: '试卷：',
  setLine: (kindName: string, label: string, paperId: number, status: string, items: number) => `  ${kindName}${label}套\t试卷 ${paperId}\t${status}\t${items} 道`,
  itemsHeader: '试题\t审核版本\t状态\t最新版本\t本人意见',
  itemLine: (itemId: number, version: number, state: string, latest: number, verdict: string) => `#${itemId}\t第 ${version} 版\t${state}\t第 ${latest} 版\t${verdict}`,
  workspaceCount: (all: number, judged: number) => `共 ${all} 道，本人已给出意见 ${judged} 道，未给出 ${all - judged} 道`,

  // judge / note / conclude / finalize
  judgeUsage: 'judge --bank <题库> --round R --item <试题>@<版本> --verdict V [--comment 意见]\njudge --bank <题库> --round R --file 审核意见.json | --all 通过',
  judgeSummary: '录入试题审核意见（审核专家）；--all 给本人尚未给出意见的每道试题同一结论',
  judged: (recorded: number, remaining: number) => `已录入 ${recorded} 条审核意见；本人还有 ${remaining} 道试题未给出意见`,
  nothingToJudge: '本人已对本轮每道试题给出意见，没有要录入的',
  noteUsage: 'note --bank <题库> --round R --document 材料名称 --text 意见',
  noteSummary: '对审核材料（细目表、编制说明、某套试卷……）提出意见（审核专家）',
  noted: (id: number) => `已记录对材料的意见 ${id}`,
  concludeUsage: 'conclude --bank <题库> --round R --conclusion V [--opinion 意见]',
  concludeSummary: '给出本人的审核结论（审核专家；须先对每道试题给出意见）',
  concluded: (conclusion: string) => `已给出本人的审核结论：${conclusion}`,
  finalizeUsage: 'finalize --bank <题库> --round R --conclusion V --opinion 意见',
  finalizeSummary: '审核组长签署审核组的审核结论（须每位成员都已给出结论）',
  finalized: (round: number, conclusion: string) => `已签署第 ${round} 次审核的审核结论：${conclusion}`,
  opinion: (text: string) => `审核意见：${text}`,
} as const;
