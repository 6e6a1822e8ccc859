/** User-facing texts of the 细目表 and 内容结构表: their names, refusals and the files written (zh-CN). */

export const elementsMessages = {
  theoryTable: '理论知识考核要素细目表',
  practicalStructure: '技能考核内容结构表',
  occupationCodeField: '职业编码',
  trackField: '方向',
  levelField: '级别',
  notBankOccupation: (code: string) => `应为本题库的 ${code}`,
  notBankTrack: (track: string) => `应为本题库的“${track}”`,
  notBankLevel: (level: string) => `应为本题库的 ${level}`,
  noBankLevel: (level: string) => `结构表中没有本题库的 ${level}`,
  /** Marks the example rows of the blank template. */
  exampleMarker: '（示例）',
  exampleRowsLeft: '细目表中还有模板的示例行（名称含“（示例）”），请删除或改写后再导入',
  structureExampleLeft: '内容结构表中还有模板示例的职业功能（名称含“（示例）”）：请在模板的第一张工作表中填写本职业的内容，或把示例改写后再导入',
  noTables: '本题库还没有细目表或内容结构表',
  theoryTableFile: (level: string) => `理论知识考核要素细目表_${level}.xlsx`,
  practicalStructureFile: '技能考核内容结构表.xlsx',
  templateFile: '理论知识考核要素细目表_模板.xlsx',
  structureTemplateFile: '技能考核内容结构表_模板.xlsx',
} as const;
