/** Texts of `qbank elements` and `qbank template`. */
export const elementsText = {
  // qbank elements
  elementsSummary: '细目表与内容结构表：查看、Excel 导入导出 (element tables)',
  elementsImportUsage: 'import <文件.xlsx> --bank <题库> [--practical]',
  elementsImportSummary: '导入细目表（或 --practical 内容结构表）',
  elementsSaved: (version: number) => `已保存第 ${version} 版`,
  elementsExportUsage: 'export --bank <题库> --out <目录>',
  elementsExportSummary: '导出细目表和内容结构表',
  exported: (path: string) => `已导出 ${path}`,
  elementsShowUsage: 'show --bank <题库> [--practical] [--json]',
  elementsShowSummary: '查看细目表（或 --practical 内容结构表）',
  noTheory: '本题库尚无理论知识考核要素细目表',
  noPractical: '本题库尚无技能考核内容结构表',
  theoryTitle: (version: number) => `理论知识考核要素细目表（第 ${version} 版）`,
  theoryHeader: '代码\t名称\t比重 / 重要程度',
  practicalTitle: (version: number) => `技能考核内容结构表（第 ${version} 版）`,
  practicalLevel: (level: string, selectCount: number) => `${level}${selectCount > 0 ? `（选考 ${selectCount} 项）` : ''}`,

  // qbank template
  templateSummary: '生成填写模板 (templates)',
  templateElementsUsage: 'elements --out <目录>',
  templateElementsSummary: '理论知识考核要素细目表模板',
  templateStructureUsage: 'structure --out <目录>',
  templateStructureSummary: '技能考核内容结构表模板（空白表、填写说明和示例；用 elements import --practical 导入）',
  templateItemsUsage: 'items --bank <题库> --out <目录>',
  templateItemsSummary: '试题导入模板：理论知识、技能考核、综合评审（二级/一级）试题，含本题库鉴定点代码',
  generated: (path: string) => `已生成 ${path}`,
} as const;
