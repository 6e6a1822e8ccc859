/**
 * The layout of the writers' item workbook (试题导入模板), the contract between the template that writes
 * it (templates/xlsx/item-template.ts) and the reader that reads it back (app/readers/xlsx/items.ts,
 * practical-items.ts, comprehensive-items.ts): sheet names, column headers (the reader finds columns by
 * these names, in any order), the mark of example rows and the longest cell.
 */

export const ITEM_TEMPLATE_SHEETS = {
  guide: '填写说明',
  theory: '理论知识试题',
  practical: '技能考核试题',
  rubric: '评分标准',
  site: '考场准备',
  candidate: '考生准备',
  comprehensive: '综合评审试题',
  comprehensiveRubric: '综合评审评分标准',
  comprehensiveScore: '综合评审评分表',
  elements: '鉴定点',
} as const;

export const THEORY_HEADERS = {
  type: '题型',
  stem: '题干',
  optionA: '选项A',
  optionB: '选项B',
  optionC: '选项C',
  optionD: '选项D',
  optionE: '选项E',
  key: '答案',
  difficulty: '难度',
  element: '鉴定点代码',
  explanation: '解析',
  remark: '备注',
} as const;

export const PRACTICAL_HEADERS = {
  module: '职业功能代码',
  title: '试题名称',
  points: '配分',
  minutes: '考核时间',
  form: '考核形式',
  description: '试题说明',
  requirements: '具体考核要求',
  figureNote: '附图说明',
} as const;

export const RUBRIC_HEADERS = {
  title: '试题名称',
  content: '考核内容',
  keyPoint: '考核要点',
  points: '配分',
  criteria: '评分标准',
  deductionNote: '扣分说明',
} as const;

export const NOTICE_HEADERS = {
  title: '试题名称',
  category: '类别',
  name: '名称',
  spec: '规格',
  unit: '单位',
  quantity: '数量',
  remark: '备注',
} as const;

/** 综合评审 items (levels 1–2): one row each; joined by 试题名称 to their 评分标准 (RUBRIC_HEADERS) and 评分表 rows. */
export const COMPREHENSIVE_HEADERS = {
  title: '试题名称',
  form: '考核形式',
  points: '配分',
  minutes: '考核时间',
  instructions: '考核说明',
  question: '试题内容',
  remark: '备注',
} as const;

/** The 评分表 each 评委 fills in: 评审项目, 评分要点, 配分 (app/domain/comprehensive-item.ts scoreSheet). */
export const SCORE_SHEET_HEADERS = {
  title: '试题名称',
  aspect: '评审项目',
  keyPoint: '评分要点',
  points: '配分',
} as const;

/**
 * Text in the 备注 column of the theory and 综合评审 sheets that marks a row as an example (skipped on
 * import, with the rows of other sheets joined to an example 综合评审 item).
 */
export const EXAMPLE_MARK = '示例';
/** A longer cell is reported for its row and cut (a writer pasted a whole document into a cell); said in 填写说明. */
export const ITEM_CELL_MAX_CHARS = 5000;
