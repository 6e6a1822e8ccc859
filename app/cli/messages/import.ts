/** Texts of `qbank import`. */
const DECISIONS = { rejected: '拒绝', skipped: '跳过', kept: '保留', pending: '待决定' } as const;
const STATUSES = { ok: '可导入', unbound: '待归类', rejected: '有错误', skipped: '跳过', pending: '待决定' } as const;
type Suggested = { readonly element: string; readonly name: string; readonly score: number };
const suggested = (s: Suggested) => `${s.element} ${s.name} ${s.score.toFixed(2)}`;

export const importText = {
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
  /** The one line on stderr of a dry run that found what the real import would refuse. */
  dryRunRefused: (fileFailed: boolean, rejected: number, pending: boolean, rows: number) =>
    `试导入发现问题：${
      fileFailed ? '文件未通过检查' : rejected > 0 ? `${rejected} 行有错误` : pending ? '有疑似重复试题待决定' : rows === 0 ? '文件中没有试题' : '没有可导入的试题'
    }${rejected > 0 && pending ? '，有疑似重复试题待决定' : ''}，正式导入将不会执行（见上方逐行说明）`,
  importHelp: [
    '试导入（--dry-run）只读取和检查，不保存：逐行列出错误、质量提示和读到的内容。',
    '退出码：0 已导入，或试导入未发现阻止导入的问题；',
    '        1 导入被拒绝、题库未改变（文件未通过检查、有错误的行（未加 --valid-only）、疑似重复待决定、没有可导入的试题），',
    '          试导入发现这些问题时同样为 1（加或不加 --json），标准错误输出一行说明；',
    '        2 用法错误。',
  ].join('\n'),
  importLintHeader: '质量提示（不阻止导入，按规则列出）：',
  importLintRule: (title: string, rule: string, count: number) => `${title}（${rule}）${count} 条`,
  importLintFinding: (where: string, severity: string, field: string, message: string) => `\t${where}\t${severity}\t${field ? `${field}: ` : ''}${message}`,
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
  /** A practical task (with its 职业功能) or a 综合评审 item: no options, key, difficulty or 鉴定点. */
  importPreviewTask: (where: string, type: string, title: string, module: string, status: keyof typeof STATUSES) =>
    `${where}\t${type}\t${title}${module ? `\t职业功能 ${module}` : ''}\t${STATUSES[status]}`,
  importSuggestion: (best: Suggested, runnerUp: Suggested | undefined) => `\t建议 ${suggested(best)}${runnerUp ? `（次选 ${suggested(runnerUp)}）` : ''}`,
  importSuggested: (where: string, itemId: number | undefined) => `${itemId !== undefined ? `试题 ${itemId}` : where}\t${where}`,
  badDefaultDifficulty: (value: string) => `--default-difficulty 应为 1～5 的整数，收到 ${value}`,
} as const;
