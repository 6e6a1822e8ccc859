/**
 * Chinese (zh-CN) texts of the domain layer: field labels used to name the field in every
 * validation message (`第12行 选项C: 不能为空`) and the generic messages of the error map.
 * All user-facing domain text lives here.
 */

/** Labels of object keys, used to turn a validation path into a Chinese field name. */
export const fieldLabels: Readonly<Record<string, string>> = {
  // shared
  code: '代码',
  name: '名称',
  title: '名称',
  level: '级别',
  track: '方向',
  tracks: '方向/工种',
  kind: '类别',
  levels: '级别',
  occupationCode: '职业编码',
  occupationName: '职业名称',
  secrecy: '密级',
  period: '保密期限',
  // element tables (细目表)
  scopes: '鉴定范围',
  children: '下级鉴定范围',
  elements: '鉴定点',
  weight: '鉴定比重',
  importance: '重要程度',
  // theory items
  type: '题型',
  stem: '题干',
  options: '选项',
  key: '答案',
  difficulty: '难度',
  element: '鉴定点代码',
  explanation: '解析',
  images: '图片',
  // practical structure and tasks
  modules: '职业功能',
  module: '职业功能',
  entries: '考核项目',
  mode: '选考方式',
  minutes: '考核时间',
  form: '考核形式',
  selectCount: '选考数量',
  points: '配分',
  description: '试题说明',
  requirements: '具体考核要求',
  figureNote: '附图说明',
  siteNotice: '考场准备通知单',
  candidateNotice: '考生准备通知单',
  equipment: '设备',
  tools: '工具',
  measuring: '量具',
  materials: '材料',
  notes: '其他要求',
  spec: '规格',
  unit: '单位',
  quantity: '数量',
  remark: '备注',
  rubric: '评分标准',
  content: '考核内容',
  keyPoint: '考核要点',
  criteria: '评分标准',
  deductionNote: '扣分说明',
  // comprehensive review
  instructions: '考核说明',
  question: '试题',
  scoreSheet: '评分表',
  aspect: '评审项目',
  // people, pledges, accounts
  phone: '联系电话',
  position: '职务',
  specialty: '专业',
  workTypes: '工作类别',
  expertRole: '专家类别',
  trainer: '参与培训/辅导',
  signedOn: '签订日期',
  expiresOn: '有效期至',
  scope: '责任范围',
  username: '用户名',
  displayName: '姓名',
  roles: '角色',
  // papers
  setLabel: '套别',
  sections: '大题',
  items: '试题',
  itemId: '试题编号',
  version: '版本',
  pointsEach: '每题分值',
  totalPoints: '总分',
};

/** Arrays whose entries are named by a letter (选项A, 选项B …) instead of a row number. */
export const letteredArrays: ReadonlySet<string> = new Set(['options']);

/** Arrays whose entries are rows of a table (评分标准第3行) rather than items (第3项). */
export const tabularArrays: ReadonlySet<string> = new Set([
  'rubric',
  'scoreSheet',
  'equipment',
  'tools',
  'measuring',
  'materials',
  'entries',
]);

export const genericMessages = {
  required: '不能为空',
  invalidType: (expected: string) => `格式不正确（应为${expected}）`,
  tooShortText: (min: number) => (min <= 1 ? '不能为空' : `至少 ${min} 个字符`),
  tooLongText: (max: number) => `不能超过 ${max} 个字符`,
  tooFewItems: (min: number) => `至少需要 ${min} 项`,
  tooManyItems: (max: number) => `最多 ${max} 项`,
  exactItems: (n: number) => `必须恰好 ${n} 项`,
  tooSmall: (min: number, inclusive: boolean) => (inclusive ? `不能小于 ${min}` : `必须大于 ${min}`),
  tooBig: (max: number, inclusive: boolean) => (inclusive ? `不能大于 ${max}` : `必须小于 ${max}`),
  notInteger: '必须是整数',
  notMultipleOf: (step: number) => `必须是 ${step} 的整数倍`,
  /** Names the value given when it is short text or a number (so the user sees what was wrong). */
  invalidValue: (values: readonly unknown[], given?: unknown) =>
    `${(typeof given === 'string' && given.length <= 40) || typeof given === 'number' ? `“${String(given)}”不是可用的值，` : ''}必须是以下之一：${values.map(String).join('、')}`,
  invalidFormat: '格式不正确',
  unknownKeys: (keys: readonly string[]) => `含有不认识的字段：${keys.join('、')}`,
  invalid: '内容不正确',
} as const;

export const expectedTypeNames: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '表格/对象',
  undefined: '空',
  null: '空',
};
