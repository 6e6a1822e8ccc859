/** User-facing texts of the item readers (zh-CN): the Excel template (theory, practical and 综合评审 items) and Word documents. */

const quote = (text: string) => `“${text}”`;

export const itemReaderMessages = {
  notXlsx: '不是有效的 Excel 文件（.xlsx）',
  notDocx: '不是有效的 Word 文件（.docx）',

  // Values, wherever they are written.
  unknown: (text: string) => `无法识别${quote(text)}`,
  trueFalseKey: (text: string) => `无法识别${quote(text)}（判断题填 √ 或 ×）`,
  choiceKey: (text: string) => `无法识别${quote(text)}（应为选项字母，如 B 或 ACD）`,
  difficulty: (text: string) => `无法识别${quote(text)}（应为 1～5 或 易、较易、中、较难、难）`,
  number: (text: string, where = '') => `无法识别${quote(text)}（应为数字）${where}`,
  form: (text: string) => `无法识别${quote(text)}（应为实操或笔试）`,

  // The workbook.
  missingColumns: (sheet: string, columns: readonly string[]) => `工作表${quote(sheet)}缺少列：${columns.join('、')}（第 1 行应为列名），该工作表未读取`,
  cellTooLong: (length: number, max: number) => `内容过长（${String(length)} 字），单元格不能超过 ${String(max)} 字`,
  sheetTooLong: (sheet: string, rows: number) => `工作表${quote(sheet)}超过 ${String(rows)} 行，之后的行未读取`,
  formulaCells: (sheet: string, count: number, cells: string) =>
    `工作表${quote(sheet)}有 ${String(count)} 个公式单元格（${cells}），已按文件中保存的计算结果导入，请核对`,
  /** A formula in the 答案 column: its cached result cannot be trusted as the key. */
  formulaKey: '答案单元格是公式，不能作为答案导入：请改为直接填写答案（如 B 或 √）',
  missingItemSheets: (sheets: readonly string[]) => `缺少工作表${sheets.slice(0, -1).map(quote).join('、')}或${quote(sheets.at(-1) ?? '')}`,
  trueFalseOptionsInCells: '判断题不应填写选项',
  singleKeyInCells: (key: string) => `单选题只能有一个答案，填写的是${quote(key)}`,

  // Practical tasks and the sheets joined to them.
  duplicateTitle: (row: number) => `与第 ${String(row)} 行的试题名称重复`,
  missingSheet: (sheet: string) => `缺少工作表${quote(sheet)}`,
  missingNoticeSheet: (sheet: string) => `缺少工作表${quote(sheet)}，各试题的${sheet}通知单为空`,
  atSheetRow: (sheet: string, row: number) => `（工作表${quote(sheet)}第 ${String(row)} 行）`,
  noticeCategory: (text: string, where: string) => `类别无法识别${quote(text)}（应为设备、工具、量具、材料或其他要求）${where}`,
  rowWithoutTitle: (sheet: string, row: number) => `工作表${quote(sheet)}第 ${String(row)} 行：缺少试题名称，该行未读取`,
  rowOfUnknownTask: (sheet: string, row: number, title: string, practical: string) =>
    `工作表${quote(sheet)}第 ${String(row)} 行：试题名称${quote(title)}在工作表${quote(practical)}中不存在，该行未读取`,

  // 综合评审 items.
  comprehensiveForm: (text: string, forms: readonly string[]) => `无法识别${quote(text)}（应为${forms.join('、')}）`,

  // Word documents.
  atParagraph: (message: string, paragraph: number) => `${message}（第${String(paragraph)}段）`,
  duplicateOption: '选项重复',
  unreadText: (text: string) => `无法识别的文字${quote(text.length > 30 ? `${text.slice(0, 30)}…` : text)}`,
  keyCountMismatch: (paragraph: number, from: number, to: number) => `参考答案第${String(paragraph)}段：${quote(`${String(from)}-${String(to)}`)}的答案个数与题数不符`,
  keyWithoutItem: (number: number, paragraph: number) => `参考答案第${String(number)}题（第${String(paragraph)}段）没有对应的试题`,
  trueFalseOptions: '判断题不应有选项',
  singleKey: (key: string) => `单选题只能有一个答案，写的是${quote(key)}`,
  unknownType: '无法判断题型（没有题型标题，也看不出是判断题还是选择题）',
  keyConflict: (inItem: string, inTable: string) => `答案与参考答案表不一致（试题中为${quote(inItem)}，参考答案为${quote(inTable)}）`,
  missingKey: '缺少答案',
  noItems: '文档中没有找到试题（题干应以“1.”“1、”或“（1）”等题号开头）',
} as const;
