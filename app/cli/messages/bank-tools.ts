/** Texts of the item writer's tools: `qbank import`, `search`, `duplicates`, `lint`, `coverage`, `elements` and `template`. */
const DECISIONS = { rejected: '拒绝', skipped: '跳过', kept: '保留', pending: '待决定' } as const;
const STATUSES = { ok: '可导入', unbound: '待归类', rejected: '有错误', skipped: '跳过', pending: '待决定' } as const;
type Suggested = { readonly element: string; readonly name: string; readonly score: number };
const suggested = (s: Suggested) => `${s.element} ${s.name} ${s.score.toFixed(2)}`;

export const bankToolsText = {
  file: '文件',
  warning: (text: string) => `提示: ${text}`,

  // qbank import
  importSummary: '导入试题（xlsx 模板或 Word 文档）(import items)',
  importUsage:
    '<文件.xlsx|.docx> --bank <题库> [--dry-run] [--valid-only] [--skip-near|--keep-near] [--threshold 0.65] [--default-difficulty 1-5] [--default-element A-B-C-001]',
  importOutcome: (dryRun: boolean, saved: boolean) => (dryRun ? '试导入（未保存）' : saved ? '已导入' : '未导入'),
  importReport: (outcome: string, file: string, rows: number, accepted: number, rejected: number, skipped: number, lintFindings: number) =>
    `${outcome}：${file}，共 ${rows} 行，可导入 ${accepted}，有错误 ${rejected}，跳过 ${skipped}，质量提示 ${lintFindings} 条`,
  importDuplicate: (exact: boolean, where: string, against: string, score: number, decision: keyof typeof DECISIONS) =>
    `${exact ? '重复' : '疑似重复'}\t${where}\t与${against}\t相似度 ${score}\t${DECISIONS[decision]}`,
  importRejected: '导入未执行，题库未改变（见上方逐行说明）',
  importUnbound: (count: number, dryRun: boolean) => `待归类 ${count} 道：${dryRun ? '将' : '已'}存为草稿，尚无鉴定点或难度；用 qbank items bind 绑定（建议见下）`,
  importPreviewHeader: (shown: number, rows: number) => `逐题预览（${shown < rows ? `前 ${shown} 行，共 ${rows} 行` : `共 ${rows} 行`}）：`,
  importPreview: (
    where: string,
    type: string,
    stem: string,
    options: number,
    key: string,
    difficulty: number | null,
    element: string,
    status: keyof typeof STATUSES,
  ) =>
    `${where}\t${type || '题型?'}\t${stem}\t选项 ${options}\t答案 ${key || '—'}\t难度 ${difficulty ?? '—'}\t${element ? `鉴定点 ${element}` : '未绑定'}\t${STATUSES[status]}`,
  importSuggestion: (best: Suggested, runnerUp: Suggested | undefined) => `\t建议 ${suggested(best)}${runnerUp ? `（次选 ${suggested(runnerUp)}）` : ''}`,
  importSuggested: (where: string, itemId: number | undefined) => `${itemId !== undefined ? `试题 ${itemId}` : where}\t${where}`,
  badDefaultDifficulty: (value: string) => `--default-difficulty 应为 1～5 的整数，收到 ${value}`,

  // qbank search
  searchSummary: '检索试题（调阅）(full-text search)',
  searchUsage: '<词…> --bank <题库> [--type 题型] [--state 状态] [--difficulty N] [--element A-B] [--limit N]',
  searchTotal: (total: number) => `共 ${total} 道`,

  // qbank duplicates
  duplicatesSummary: '查找重复与近似重复试题 (near-duplicates)',
  duplicatesUsage: '--bank <题库> [--threshold 0.65]',
  duplicatesTotal: (items: number, threshold: number, pairs: number) => `${items} 道试题，相似度 ≥ ${threshold} 的有 ${pairs} 对`,
  duplicateKind: (exact: boolean) => (exact ? '完全重复' : '高度相似'),

  // qbank lint
  lintSummary: '试题与题库质量检查 (quality lint)',
  lintUsage: '--bank <题库> [--item <试题>] [--sets 3]',
  lintClean: (itemId: number) => `试题 ${itemId}: 未发现问题`,
  lintItem: (itemId: number) => `试题 ${itemId}`,

  // qbank coverage
  coverageSummary: '细目表覆盖：各节点已有试题与 N 套所需 (coverage)',
  coverageUsage: '--bank <题库> [--sets 3] [--all-states]',
  coverageHeader: '鉴定范围\t名称\t比重\t已有\t需要\t判断/单选/多选 已有(需要)',
  coverageShort: '\t不足',

  // qbank elements
  elementsSummary: '细目表与内容结构表的 Excel 导入导出 (element tables)',
  elementsImportUsage: 'import <文件.xlsx> --bank <题库> [--practical]',
  elementsImportSummary: '导入细目表（或 --practical 内容结构表）',
  elementsSaved: (version: number) => `已保存第 ${version} 版`,
  elementsExportUsage: 'export --bank <题库> --out <目录>',
  elementsExportSummary: '导出细目表和内容结构表',
  exported: (path: string) => `已导出 ${path}`,

  // qbank template
  templateSummary: '生成填写模板 (templates)',
  templateElementsUsage: 'elements --out <目录>',
  templateElementsSummary: '理论知识考核要素细目表模板',
  templateItemsUsage: 'items --bank <题库> --out <目录>',
  templateItemsSummary: '试题导入模板（含本题库鉴定点代码）',
  generated: (path: string) => `已生成 ${path}`,
} as const;
