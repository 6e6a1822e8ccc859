/**
 * Chinese (zh-CN) texts of the quality lint: the title of every rule (stable id → 中文名称), the
 * field names of bank-level findings and the message of every finding of item-lint.ts,
 * bank-lint.ts and coverage.ts. All user-facing text of app/domain/lint lives here.
 */

/** Rules about one theory item (lintTheoryItem). The keys are the stable rule ids. */
export const theoryItemRuleTitles = {
  'key-invalid': '答案无效',
  'option-count': '选项个数',
  'option-empty': '空选项',
  'option-duplicate': '重复选项',
  'true-false-declarative': '判断题应为陈述句',
  'negative-not-emphasised': '否定词未加强调',
  'key-longest': '正确选项明显最长',
  'stem-too-long': '题干过长',
  'stem-too-short': '题干过短',
  unbound: '待归类（未绑定鉴定点或未定难度）',
  'element-unknown': '鉴定点不在细目表中',
  'image-missing': '图片缺失',
  'option-repeats-stem': '选项重复题干文字',
  'option-all-of-above': '“以上都对”类选项',
  'answer-blank-missing': '题干缺少答题括号',
} as const;

/** Rules about one practical task (lintPracticalTask). */
export const practicalTaskRuleTitles = {
  'rubric-sum': '评分标准配分之和',
  'site-notice-empty': '考场准备通知单为空',
  'criteria-no-deduction': '评分标准未写扣分分值',
  'requirements-not-numbered': '考核要求未编号',
  'minutes-missing': '缺少考核时间',
  'module-unknown': '职业功能不在结构表中',
  'figure-missing': '附图说明有文字而没有附图',
} as const;

/** Rules about a whole bank (lintBank). */
export const bankRuleTitles = {
  'single-key-balance': '单项选择题答案位置分布',
  'single-key-longest-share': '正确选项为最长选项的比例',
  'true-false-balance': '判断题 √/× 比例',
  'element-short': '鉴定点试题分布不足',
  'element-uncovered-x': 'X 类鉴定点没有试题',
  'element-uncovered-yz': 'Y/Z 类鉴定点没有试题',
  'element-unbound': '试题的鉴定点不在细目表中',
  'scope-short': '鉴定范围试题数量不足',
  'difficulty-distribution': '难度分布',
  'difficulty-short': '各难度试题数量不足',
  'type-short': '各题型试题数量不足',
} as const;

export const severityNames = { error: '错误', warning: '警告', info: '提示' } as const;

export const itemLintMessages = {
  keyNotBoolean: '判断题答案必须是 √（正确）或 ×（错误）',
  singleKeyInvalid: (key: string, last: string) => `单项选择题答案“${key}”应为 A–${last} 中的一个字母`,
  multipleKeyTooFew: (key: string) => `多项选择题答案“${key}”至少应有 2 个字母`,
  multipleKeyRepeated: (letters: string) => `答案中字母 ${letters} 重复`,
  multipleKeyOutside: (letters: string, last: string) => `答案 ${letters} 超出选项范围 A–${last}`,
  multipleKeyNotLetters: (key: string) => `多项选择题答案“${key}”只能由选项字母组成`,
  singleOptionCount: (n: number) => `单项选择题应有 4 个选项，现有 ${n} 个`,
  multipleOptionCount: (n: number) => `多项选择题应有 4–5 个选项，现有 ${n} 个`,
  optionEmpty: '选项不能为空',
  optionDuplicate: (first: string) => `与选项${first}相同（忽略空格和全角/半角差别）`,
  trueFalseQuestion: '判断题应为陈述句，不能以问号结尾（命题要求：正文一律完全陈述句）',
  trueFalseQuestionWord: (word: string) => `判断题应为陈述句，不能以“${word}”开头提问`,
  trueFalseBlank: '判断题题干中不应有答题括号（ ），括号印在题号后',
  trueFalseNoFullStop: '判断题应以句号“。”结尾（命题要求：句尾句号）',
  negativeNotEmphasised: (words: string) =>
    `题干中的否定词“${words}”应加「」强调，如“下列说法中「不正确」的是（ ）”`,
  keyLongest: (key: string) => `正确选项 ${key} 明显比其他选项长，考生可能据此猜出答案`,
  stemTooLong: (n: number, max: number) => `题干 ${n} 字，超过 ${max} 字，宜精简`,
  stemTooShort: (n: number, min: number) => `题干只有 ${n} 字，少于 ${min} 字，意思可能不完整`,
  unbound: '试题待归类：尚未绑定鉴定点，绑定后才能提交审核',
  unrated: '试题待归类：尚未给出难度（1～5），给出后才能提交审核',
  elementUnknown: (code: string) => `鉴定点 ${code} 不在本题库的细目表中`,
  imageMissing: (sha: string) => `引用的图片 ${sha.slice(0, 12)}… 不在题库中`,
  optionRepeatsStem: (text: string) => `选项文字“${text}”在题干中原样出现，可能提示答案`,
  optionAllOfAbove: '不宜使用“以上都对”“以上都不对”“以上均是”一类选项',
  answerBlankMissing: '选择题题干中应有答题括号“（ ）”或横线“____”',
} as const;

export const practicalLintMessages = {
  rubricSum: (total: number, points: number) => `各行配分之和为 ${total}，应等于本题分值 ${points}`,
  siteNoticeEmpty: '考场准备通知单中没有任何设备、工具、量具或材料',
  criteriaNoDeduction: '评分标准中应写明扣分分值（如“每处扣1分”）',
  requirementNotNumbered: '考核要求应编号，如“1. …”或“（1）…”',
  requirementNumberOrder: (found: number, expected: number) => `编号为 ${found}，应为 ${expected}`,
  minutesMissing: '必须给出考核时间（分钟）',
  moduleUnknown: (code: string) => `职业功能 ${code} 不在技能考核内容结构表中`,
  figureMissing: '附图说明描述了附图，但本题没有附图图片：审核专家无法评判，考生无法作答',
} as const;

/** A set's candidates are told to bring what another task of the same set forbids. */
export const noticeConflictMessages = {
  title: '考生准备通知单前后矛盾',
  conflict: (item: string, bringing: string, term: string, forbidding: string, note: string) =>
    `${bringing}要求考生携带“${item}”，${forbidding}却规定不得携带“${term}”（${note}）`,
} as const;

/** Field names of bank-level findings. */
export const bankFields = {
  singleKeys: '单项选择题答案分布',
  trueFalseKeys: '判断题答案分布',
  elements: '鉴定点',
  element: (code: string) => `鉴定点 ${code}`,
  scope: (path: string, name: string) => `鉴定范围 ${path}（${name}）`,
  difficulty: '难度分布',
  type: (name: string) => `题型 ${name}`,
} as const;

const list = (codes: readonly string[], max = 20) =>
  codes.length <= max ? codes.join('、') : `${codes.slice(0, max).join('、')} 等 ${codes.length} 个`;

export const bankLintMessages = {
  singleKeyShare: (letter: string, share: number, min: number, max: number, count: number, total: number) =>
    `答案为 ${letter} 的有 ${count} 题，占 ${share}%，应在 ${min}%–${max}% 之间（共 ${total} 题）`,
  keyLongestShare: (share: number, max: number, count: number, total: number) =>
    `正确选项为最长选项的有 ${count} 题，占 ${share}%，超过 ${max}%（共 ${total} 题），考生可能据选项长短猜答案`,
  trueFalseShare: (share: number, min: number, max: number, count: number, total: number) =>
    `答案为 √ 的有 ${count} 题，占 ${share}%，应在 ${min}%–${max}% 之间（共 ${total} 题）`,
  elementShort: (leaves: readonly string[], sets: number, cap: number) =>
    `${leaves.length} 个末级鉴定范围可用的试题不够组 ${sets} 套互不重复的试卷（每套每个鉴定点最多 ${cap} 题，多出的不能用）：${list(leaves)}`,
  elementShortLeaf: (path: string, usable: number, needed: number) => `${path}（可用 ${usable}，需要 ${needed}）`,
  elementUncoveredX: 'X 类（核心要素）鉴定点没有任何试题',
  elementUncoveredYZ: (codes: readonly string[]) => `${codes.length} 个 Y/Z 类鉴定点没有试题：${list(codes)}`,
  elementUnbound: (count: number, codes: readonly string[]) => `${count} 道试题的鉴定点不在细目表中：${list(codes)}`,
  scopeShort: (available: number, needed: number, sets: number, types: string) =>
    `现有 ${available} 题，组 ${sets} 套互不重复的试卷按鉴定比重需要 ${needed} 题（不足题型：${types}）`,
  difficultyShare: (level: number, share: number, target: number, tolerance: number) =>
    `难度 ${level} 的试题占 ${share}%，与 1:2:4:2:1 要求的 ${target}% 相差超过 ${tolerance} 个百分点`,
  difficultyShort: (level: number, available: number, needed: number, sets: number) =>
    `难度 ${level} 的试题有 ${available} 道，按 1:2:4:2:1 组 ${sets} 套需要 ${needed} 道`,
  typeShort: (available: number, needed: number, sets: number, perSet: number) =>
    `现有 ${available} 道，组 ${sets} 套（每套 ${perSet} 道）需要 ${needed} 道`,
} as const;

/** Lines of the printable bank report (bankReportLines). */
export const reportTexts = {
  title: '题库质量报告',
  summary: (items: number, sets: number, perSet: number) => `试题 ${items} 道；按 ${sets} 套、每套 ${perSet} 题检查`,
  singleKeys: (parts: string, longest: number) => `单项选择题答案：${parts}；正确选项最长 ${longest}%`,
  trueFalseKeys: (share: number, count: number, total: number) => `判断题答案 √ ${count}/${total}（${share}%）`,
  coverage: (imp: string, covered: number, points: number, share: number) => `${imp} 类鉴定点有题 ${covered}/${points}（${share}%）`,
  difficulty: (counts: string, target: string) => `难度 1–5：${counts}（目标 ${target}）`,
  type: (name: string, available: number, needed: number) => `${name}：现有 ${available}，需要 ${needed}`,
  itemRule: (title: string, items: number) => `${title}：${items} 题`,
  finding: (severity: string, field: string, message: string) => `［${severity}］${field}：${message}`,
  noFindings: '没有发现问题',
} as const;
