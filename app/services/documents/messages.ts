/** User-facing texts of the submission (申报材料): its folders and files in 附件6 order, refusals, generated sentences (zh-CN). */

export const documentsMessages = {
  /**
   * The parts of the submission, as folders and in the manifest. Every name starts with its place in
   * 附件6 §三, so that a file manager's listing (by code point or by pinyin) shows them in that order:
   * 理论知识 before 技能考核 before 综合评审 (03_1/03_2/03_3), 甲 before 乙 before 丙 (1_甲套 …), and
   * inside a set the documents as the module lists them.
   */
  parts: {
    note: '01_题库编制说明',
    tables: '02_考核要素细目表',
    theory: '03_1_理论知识试题',
    practical: '03_2_技能考核试题',
    comprehensive: '03_3_综合评审试题',
    team: '04_题库开发组成员名单',
    review: '05_题库内部审核意见',
  },
  files: {
    note: '01_题库编制说明.docx',
    theoryTableXlsx: '1_理论知识考核要素细目表.xlsx',
    theoryTableDocx: '1_理论知识考核要素细目表.docx',
    practicalStructureXlsx: '2_技能考核内容结构表.xlsx',
    practicalStructureDocx: '2_技能考核内容结构表.docx',
    /** `1_甲套`, or `01_甲套` when there are ten sets. */
    set: (number: string, set: string) => `${number}_${set}`,
    theoryPaper: '1_试卷.docx',
    theoryAnswers: '2_标准答案.docx',
    siteNotice: '1_考场准备通知单.docx',
    candidateNotice: '2_考生准备通知单.docx',
    practicalPaper: '3_试题.docx',
    scoreSheet: '4_评分标准及评分记录表.docx',
    comprehensivePaper: '1_综合评审试题.docx',
    teamDocx: '04_题库开发组成员名单.docx',
    teamXlsx: '04_题库开发组成员名单.xlsx',
    review: '05_题库内部审核意见.docx',
  },
  notes: '编制说明与审核意见',
  sampleNote: '样例（演示用，非正式题库）',
  date: (y: number | string, m: number | string, d: number | string) => `${y}年${m}月${d}日`,
  noTheoryTable: '本题库还没有理论知识考核要素细目表，不能生成申报材料',
  noTheorySets: '本题库还没有组好的理论知识试卷，请先组卷（命令行：qbank assemble）',
  /** Strict mode: the gaps, numbered, and that nothing was written. */
  strictRefused: (gaps: readonly string[]) =>
    `申报材料有 ${String(gaps.length)} 处不符合要求，严格模式（strict）下未写入任何文件：${gaps.map((g, i) => `${String(i + 1)}. ${g}`).join('；')}`,
  setWarning: (set: string, text: string) => `${set}：${text}`,
  noOverlap: '各套试卷之间试题互不重复',
  overlap: (count: number) => `任意两套试卷之间重复试题不超过 ${count} 道`,
  /** Worded for the province: the blueprint's bands, and parallel sets as a bound on the mean estimated p. */
  difficulty: (bands: string | undefined, meanGap: string) =>
    `各套试卷按细目表各鉴定范围的鉴定比重抽取试题${bands !== undefined ? `，难度由易到难分为 1～5 级，各级题量比例为 ${bands}` : ''}；` +
    `各套试卷的预估平均通过率相差不超过 ${meanGap}，难度相当；内容相近的试题不编入同一套试卷`,
  /** Where the catalog's level lists come from (scripts/catalog: source 002 is 粤人社办〔2020〕39号 附件1). */
  levelsSource: '粤人社办〔2020〕39号 附件1',
} as const;
