/** User-facing texts of the 细目表 and 内容结构表 readers (zh-CN): problems, and the labels of the cells they name. */

export const elementTableMessages = {
  notXlsx: '文件不是有效的 Excel 工作簿（.xlsx），或文件已损坏、不完整',
  noSheet: '工作簿中没有工作表',
  noTheoryHeader: '找不到理论知识考核要素细目表的表头：应有“鉴定范围”（一级、二级…的名称、代码、鉴定比重）和“鉴定点”（代码、名称、重要程度）各列',
  noPracticalHeader: '找不到技能考核内容结构表的表头：应有“级别”“项目”、各职业功能和“合计”各列，以及“选考方式”“鉴定比重”“考试时间”“考核形式”各行',
  missingColumn: (label: string) => `缺少“${label}”列`,
  duplicateColumn: (label: string) => `“${label}”列重复`,
  noScopeColumns: '缺少鉴定范围各列（一级、二级…）',
  levelGap: (missing: string, present: string) => `鉴定范围有${present}却没有${missing}`,
  required: '不能为空',
  scopeCode: (v: string) => `“${v}” 应为一个大写字母`,
  elementCode: (v: string) => `“${v}” 应为三位数字`,
  elementCodeScope: (v: string, scope: string) => `“${v}” 与所在鉴定范围 ${scope} 不符`,
  importance: (v: string) => `“${v}” 应为 X、Y 或 Z（核心、一般、辅助要素）`,
  weight: (v: string) => `“${v}” 应为 0–100 的数字（如 25 或 25%）`,
  weightConflict: (v: string, before: string) => `“${v}” 与上方同一鉴定范围的鉴定比重 ${before} 不一致`,
  noScope: '没有所属的鉴定范围',
  elementCount: (stated: number, found: number) => `表头写明鉴定点数 ${stated}，表中实际有 ${found} 个鉴定点`,
  level: (v: string) => `“${v}” 不是有效的级别（一级/高级技师 … 五级/初级工）`,
  mode: (v: string) => `“${v}” 应为 必考、选考 或 —`,
  form: (v: string) => `“${v}” 应为 实操 或 笔试`,
  minutes: (v: string) => `“${v}” 应为考试时间的分钟数（正整数）`,
  takenCount: (v: string) => `${v === '' ? '' : `“${v}” `}应写明考生所考项目数，如“3项”`,
  takenTooFew: (n: number, required: number) => `考生所考项目数 ${n} 少于必考项目数 ${required}`,
  rowsMissing: (labels: readonly string[]) => `缺少${labels.map((l) => `“${l}”`).join('、')}行`,
  formulas: (sheet: string, count: number, cells: string) =>
    `工作表“${sheet}”有 ${String(count)} 个公式单元格（${cells}），细目表不接受公式：请将公式改为数值（选择性粘贴 → 数值）后再导入`,
} as const;

export type ScopeField = 'name' | 'code' | 'ratio' | 'weight' | 'combined';
export type ElementField = 'code' | 'name' | 'importance' | 'combined';
export type PracticalRow = 'mode' | 'weight' | 'minutes' | 'form';

const SCOPE_FIELD_NAMES: Readonly<Record<ScopeField, string>> = { name: '名称', code: '代码', ratio: '重要程度比例', weight: '鉴定比重', combined: '' };

/** What a problem names: `第12行 鉴定点代码`, `一级鉴定范围 名称`, `基本要求（A） 选考方式`. */
export const elementTableLabels = {
  header: '表头',
  headerLevel: '表头 等级',
  headerElementCount: '表头 鉴定点数',
  atRow: (row: number, label: string) => `第${String(row)}行 ${label}`,
  /** 鉴定范围 levels 1–4. */
  scopeLevels: ['一级', '二级', '三级', '四级'] as const,
  /** A 鉴定范围 column: `一级鉴定范围 名称`, `二级鉴定范围` (the combined code-and-name column). */
  scopeColumn: (levelLabel: string, field: ScopeField) => `${levelLabel}鉴定范围${SCOPE_FIELD_NAMES[field] === '' ? '' : ` ${SCOPE_FIELD_NAMES[field]}`}`,
  scopeCode: (levelLabel: string) => `${levelLabel}鉴定范围代码`,
  scopeName: (levelLabel: string) => `${levelLabel}鉴定范围名称`,
  scopeWeight: (levelLabel: string) => `${levelLabel}鉴定比重`,
  elementColumn: { code: '鉴定点 代码', name: '鉴定点 名称', importance: '鉴定点 重要程度', combined: '鉴定点' } as Readonly<Record<ElementField, string>>,
  elementCode: '鉴定点代码',
  elementName: '鉴定点名称',
  importance: '重要程度',
  level: '级别',
  /** The rows of a level in the 内容结构表. */
  practicalRows: { mode: '选考方式', weight: '鉴定比重', minutes: '考试时间', form: '考核形式' } as Readonly<Record<PracticalRow, string>>,
  /** A 职业功能 and one of its rows: `基本要求（A） 选考方式`. */
  moduleRow: (name: string, code: string, row: string) => `${name}（${code}） ${row}`,
  totalMode: '合计 选考方式',
} as const;
