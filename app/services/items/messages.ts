/** User-facing texts of a bank's items: batch rows, refusals, the bank rules and the Excel files (zh-CN). */

export const itemsMessages = {
  row: (row: number) => `第${row}行`,
  item: (itemId: number) => `试题 ${itemId}`,
  notInBank: (itemId: number, bankId: number) => `试题 ${itemId} 不属于题库 ${bankId}`,
  draftOnly: '新增试题只能保存为草稿；入库须经审核流程',
  retired: (itemId: number) => `试题 ${itemId} 已停用，不能修改`,
  noTheoryTable: '本题库还没有理论知识考核要素细目表，请先导入细目表',
  noPracticalStructure: '本题库还没有技能考核内容结构表，请先导入结构表',
  noComprehensive: (level: string) => `${level} 不设综合评审；综合评审只用于二级/技师和一级/高级技师`,
  theoryItems: '理论知识试题',
  practicalItems: '技能考核试题',
  comprehensiveItems: '综合评审试题',
  elementNotInTable: (element: string) => `${element} 不在本题库的细目表中`,
  noTable: '本题库还没有细目表',
  missingImage: (hash: string) => `缺少图片 ${hash}…`,
  moduleNotInStructure: (module: string) => `${module} 不在本级别的内容结构表中`,
  pointsMismatch: (points: number, weight: number) => `${points} 与结构表中该职业功能的鉴定比重 ${weight} 不一致`,
  minutesMismatch: (minutes: number, expected: number) => `${minutes} 分钟与结构表中的 ${expected} 分钟不一致`,
  exportFile: (occupation: string, level: string) => `${occupation}${level}_试题.xlsx`,
  templateFile: '试题导入模板.xlsx',
} as const;
