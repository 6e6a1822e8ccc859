/** Texts of `qbank assemble` (组卷) and `qbank papers` (structure, statistics, list, 调阅, approve, void). */
export const assemblyText = {
  // Options of qbank assemble.
  badKind: (value: string) => `--kind 应为 theory、practical 或 comprehensive，收到 ${value}`,
  notANumber: (name: string, value: string) => `--${name} 必须是数字，收到 ${value}`,
  badPin: (value: string) => `--pin 应写成 试题编号@套号，如 12@1，收到 ${value}`,
  badPointCapAt: (value: string) => `--point-cap-at 应写成 代码=上限，如 A-B=1 或 A-B-C-001=3，收到 ${value}`,
  badEnemies: (value: string) => `--enemies 应写成 试题编号-试题编号，如 3-7，收到 ${value}`,
  badBands: (value: string) => `--bands 应为 5 个比例如 1:2:4:2:1，或 free，收到 ${value}`,
  /** 单项选择 → 单选, 多项选择 → 多选 in the tables. */
  shortTypeName: (name: string) => name.replace('项选择', '选'),

  // The blueprint (--dry-run).
  blueprintTitle: (sets: number, itemsPerSet: number, theory: boolean) => `组卷蓝图：${sets} 套，每套 ${itemsPerSet} ${theory ? '道题' : '道试题'}`,
  blueprintHeader: '鉴定范围\t名称\t比重\t每套题量\t判断/单选/多选\t已入库',
  pointCap: (cap: number, automatic: boolean, minX: number, maxZ: number | string) =>
    `每个鉴定点每套至多 ${cap} 道${automatic ? '（自动）' : ''}；核心要素（X）至少 ${minX} 道，辅助要素（Z）至多 ${maxZ} 道`,
  pointCapOverride: (code: string, name: string, cap: number, points: number) => `  ${code} ${name}：每个鉴定点每套至多 ${cap} 道（${points} 个鉴定点）`,
  noBands: '不限',
  bands: (bands: string, target: string, mean: string) => `难度 1～5 级每套：${bands}；目标难度（Σp）${target}，平均 ${mean}`,
  requiredPoints: (count: number) => `每套须覆盖 ${count} 个核心鉴定点`,
  slot: (module: string, name: string, mode: string, points: number, minutes: number) => `${module} ${name}（${mode}，${points} 分，${minutes} 分钟）`,
  slots: (set: string, slots: readonly string[], points: number, minutes: number) => `${set}：${slots.join('，')}；合计 ${points} 分，${minutes} 分钟`,
  optionalRule: (modules: readonly string[], perSet: number) =>
    `选考：每套含 ${perSet} 项选考职业功能，由组卷按套轮换确定（${modules.join('、')}），考生按所抽到的试卷考核`,
  availableNode: (path: string, name: string, available: number) => `${path} ${name} ${available} 道`,
  available: (nodes: readonly string[]) => `可用试题：${nodes.join('，')}`,
  eligible: (eligible: number, enemyPairs: number) => `已入库试题 ${eligible} 道；互斥试题 ${enemyPairs} 对`,
  precheckPassed: '预检查：未发现题量不足',
  cannotAssemble: (message: string) => `无法组卷：${message}`,

  // Statistics of the sets.
  statisticsHeader: (types: readonly string[]) => ['套别', '题量', '分值', ...types, 'X/Y/Z', '难度1～5', 'Σp', '平均p', '偏差'].join('\t'),
  overlapTitle: '套间重复题量：',
  /** 技能考核 / 综合评审 sets: per set the tasks per 职业功能, points, minutes (and the 选考 modules). */
  taskHeader: (modules: readonly string[], optional: boolean) =>
    ['套别', '试题', '分值', '考试时间（分钟）', ...modules, ...(optional ? ['所含选考项目'] : [])].join('\t'),
  notInSet: '—',

  // The result of a run.
  engine: (engine: string) => (engine === 'heuristic' ? '构造+交换搜索' : engine === 'highs' ? 'HiGHS' : '构造+交换搜索，HiGHS 改进'),
  assembled: (papers: number, kind: string, runId: number, engine: string, seconds: string) => `已组 ${papers} 套${kind}试卷（第 ${runId} 次组卷，${engine}，${seconds} 秒）`,
  runPaper: (id: number, set: string, items: number, points: number, minutes: number) => `  试卷 ${id}\t${set}\t${items} 道\t${points} 分\t${minutes} 分钟`,
  deviation: (deviation: string, bound: string, gap: string, tolerance: number, certified: boolean) =>
    `最大偏差 ${deviation}，下界 ${bound}，绝对差距 ${gap}（容差 ${tolerance}）${certified ? '：已证明在容差内最优' : ''}`,
  voided: (count: number) => `此前的 ${count} 份草稿试卷已作废`,
  approveHint: (runId: number) => `草稿试卷须由本题库的审核专家（组卷人以外）审定后锁定：qbank papers approve --bank … --run ${runId}`,

  // qbank assemble
  assembleSummary: '组卷：按细目表组 N≥3 套平行试卷 (assemble parallel sets)',
  assembleUsage:
    '--bank <题库> [--kind theory|practical|comprehensive] [--sets 3] [--overlap 0] [--time-limit 30] [--seed 1] [--point-cap n] [--point-cap-at A-B=1,A-C-001=3] [--cover-x] [--bands 1:2:4:2:1|free] [--mean 0.65] [--min-x 80] [--max-z 5] [--pin 12@1] [--exclude 3,4] [--exclude-flagged] [--enemies 3-7] [--allow-similar] [--exposure penalise|exclude] [--exposure-runs 1] [--tolerance 0.0005] [--dry-run]',

  // qbank papers
  papersSummary: '试卷：结构、统计参数、列表、调阅、审定、作废 (papers)',
  structureUsage: 'structure --bank <题库> [--preset 预设 | --type 题型:题量:分值 … --minutes 分钟 | --file 结构.json]',
  structureSummary: '查看或设置理论知识试卷结构：预设（不带选项时列出），或自定义各题型题量与每题分值（总分 100 分，90～240 分钟）',
  structureLine: (name: string, totalPoints: number, items: number) => `${name}（共 ${totalPoints} 分，每套 ${items} 道）`,
  structureSet: (structure: string) => `已设置：${structure}`,
  structure: (stored: boolean, structure: string, preset: string | null) =>
    `${stored ? '本题库试卷结构' : '默认试卷结构（本题库未设置）'}：${structure}${preset === null ? '（自定义）' : `（预设 ${preset}）`}`,
  presetsTitle: '可选预设（--preset）：',
  customHint:
    '自定义：--type 判断:20:1 --type 单选:60:1 --type 多选:10:2 --minutes 90，或 --file 结构.json（{"minutes":90,"sections":[{"type":"判断","count":20,"pointsEach":1},…]}）',
  badSection: (value: string) => `--type 应写成 题型:题量:每题分值，如 单选:60:1，收到 ${value}`,
  oneStructureSource: '--preset、--type（与 --minutes）和 --file 只能给出其中一种',
  minutesWithoutTypes: '--minutes 须与 --type 一起给出（各题型的题量和每题分值）',
  missingMinutes: '自定义试卷结构须给出 --minutes 考试时间（分钟）',
  badStructureFile: (file: string, reason: string) => `${file} 不是有效的 JSON 试卷结构文件：${reason}`,
  statsImportUsage: 'stats-import <文件.csv> --bank <题库>',
  statsImportSummary: '导入试题统计参数（试题编号, 通过率, 样本量[, 区分度][, 来源]）',
  file: '文件',
  statisticsSaved: (saved: number) => `已保存 ${saved} 道试题的统计参数`,
  listUsage: 'list --bank <题库> [--kind theory|practical|comprehensive] [--status 草稿|已审定|已作废]',
  listSummary: '列出试卷及其统计',
  listHeader: '试卷\t组卷\t类别\t套别\t状态\t题量\t分值\t时间',
  showUsage: 'show <试卷编号> --bank <题库>',
  showSummary: '调阅试卷（登记调阅）',
  paperId: '试卷编号',
  paper: (id: number, kind: string, set: string, status: string, items: number, points: number, minutes: number) =>
    `试卷 ${id}：${kind} ${set}，${status}，${items} 道，${points} 分，${minutes} 分钟`,
  paperItem: (position: number, section: string, itemId: number, version: number, points: number) => `${position}\t${section}\t试题 ${itemId} 第${version}版\t${points} 分`,
  approveUsage: 'approve --bank <题库> --run <组卷编号>',
  approveSummary: '审定一次组卷的全部草稿试卷并锁定（四眼原则：由本题库的审核专家审定，组卷人不能审定自己组的试卷）',
  missingRun: '缺少 --run <组卷编号>',
  approved: (papers: readonly number[]) => `已审定并锁定 ${papers.length} 份试卷：${papers.join('、')}`,
  voidUsage: 'void <试卷编号> --bank <题库> --comment <原因>',
  voidSummary: '作废试卷',
  paperVoided: (paperId: number) => `试卷 ${paperId} 已作废`,
} as const;
