/**
 * 试题导入模板 (item import workbook): the .xlsx that item writers fill in and the workstation reads back
 * with `app/readers/xlsx/items.ts`. Sheets:
 * - `填写说明` — how to fill it in, in Chinese;
 * - `理论知识试题` — one row per 判断/单选/多选 item (题型, 题干, 选项A–E, 答案, 难度, 鉴定点代码, 解析, 备注),
 *   with drop-down lists for 题型, 难度 and 鉴定点代码 and two example rows;
 * - `技能考核试题` — one row per practical task; `评分标准`, `考场准备`, `考生准备` — rows joined to their task
 *   by 试题名称 (item-template/practical.ts; domain: app/domain/practical-task.ts, rubric.ts);
 * - `综合评审试题` — one row per 综合评审 item (levels 1–2); `综合评审评分标准`, `综合评审评分表` — rows joined
 *   to their item by 试题名称, one example item (item-template/comprehensive.ts; domain:
 *   app/domain/comprehensive-item.ts);
 * - `鉴定点` (hidden) — the 鉴定点 codes and names of the bank's 细目表, source of the 鉴定点代码 list.
 *
 * Example rows are recognised by the text `示例` in the 备注 column (they are also set in grey italics,
 * but only the 备注 column counts): the parser skips them, so writers may leave them in place.
 * Header names are the contract with the parser, which finds columns by name (any order).
 * Pure: no clock, no file system — the same input gives the same bytes (`toBytes`).
 */
import type ExcelJS from 'exceljs';
import { displayWidth, newWorkbook, toBytes } from './workbook.js';

// The layout shared with the reader lives in the domain; re-exported for the template's users.
import {
  COMPREHENSIVE_HEADERS,
  EXAMPLE_MARK,
  ITEM_CELL_MAX_CHARS,
  ITEM_TEMPLATE_SHEETS,
  NOTICE_HEADERS,
  PRACTICAL_HEADERS,
  RUBRIC_HEADERS,
  SCORE_SHEET_HEADERS,
  THEORY_HEADERS,
} from '../../app/domain/item-workbook.js';
import { addComprehensiveSheets, comprehensiveGuideLines } from './item-template/comprehensive.js';
import { addPracticalSheets, NOTICE_CATEGORIES } from './item-template/practical.js';
import {
  addDataSheet,
  CHARSET_GB2312,
  listValidation,
  numberValidation,
  promptOnly,
  quoted,
  SONG,
  validateColumn,
  writeExampleRows,
  type Column,
} from './item-template/sheets.js';

export {
  COMPREHENSIVE_HEADERS,
  EXAMPLE_MARK,
  ITEM_TEMPLATE_SHEETS,
  NOTICE_HEADERS,
  PRACTICAL_HEADERS,
  RUBRIC_HEADERS,
  SCORE_SHEET_HEADERS,
  THEORY_HEADERS,
};
export { COMPREHENSIVE_EXAMPLE } from './item-template/comprehensive.js';
export { NOTICE_CATEGORIES } from './item-template/practical.js';
export { LAST_TEMPLATE_ROW } from './item-template/sheets.js';

/** 题型 values offered by the drop-down list (the parser accepts more spellings). */
export const THEORY_TYPE_CHOICES = ['判断题', '单选题', '多选题'] as const;
/** The reader cuts longer cells and reports them; said in 填写说明. */
export const TEMPLATE_MAX_CELL_CHARS = ITEM_CELL_MAX_CHARS;

export interface ItemTemplateInput {
  occupation: string;
  level: string;
  generatedAt: Date;
  elementCodes: readonly { code: string; name: string }[];
}

const THEORY_COLUMNS: readonly Column[] = [
  { header: THEORY_HEADERS.type, width: 10 },
  { header: THEORY_HEADERS.stem, width: 48, wrap: true },
  { header: THEORY_HEADERS.optionA, width: 18, wrap: true, text: true },
  { header: THEORY_HEADERS.optionB, width: 18, wrap: true, text: true },
  { header: THEORY_HEADERS.optionC, width: 18, wrap: true, text: true },
  { header: THEORY_HEADERS.optionD, width: 18, wrap: true, text: true },
  { header: THEORY_HEADERS.optionE, width: 18, wrap: true, text: true },
  { header: THEORY_HEADERS.key, width: 8, text: true },
  { header: THEORY_HEADERS.difficulty, width: 8 },
  { header: THEORY_HEADERS.element, width: 14, text: true },
  { header: THEORY_HEADERS.explanation, width: 36, wrap: true },
  { header: THEORY_HEADERS.remark, width: 8, note: `填“${EXAMPLE_MARK}”的行是示例，导入时跳过` },
];

/** The two example rows of the theory sheet, in header order. */
function exampleRows(elementCodes: ItemTemplateInput['elementCodes']): (string | number)[][] {
  const first = elementCodes[0]?.code ?? 'A-A-A-001';
  const second = elementCodes[1]?.code ?? first;
  return [
    ['判断题', '判断题的题干应写成完整的陈述句，句尾用句号。', '', '', '', '', '', '√', 1, first, '判断题正文一律用完全陈述句。', EXAMPLE_MARK],
    ['单选题', '我国法定计量单位中，长度的基本单位是（ ）。', '毫米', '厘米', '分米', '米', '', 'D', 2, second, '长度的 SI 基本单位是米。', EXAMPLE_MARK],
  ];
}

function guideLines(input: ItemTemplateInput): string[] {
  const t = THEORY_HEADERS;
  return [
    `试题导入模板　职业（工种）：${input.occupation}　级别：${input.level}`,
    `鉴定点：${String(input.elementCodes.length)} 个（见隐藏工作表“${ITEM_TEMPLATE_SHEETS.elements}”）`,
    '保密：填入试题和答案后，本文件属于机密级（人社鉴发〔2010〕2号 第四条）。只能在断网的专用计算机上填写，只用光盘传递和保存，禁止使用 U 盘，不得通过网络发送。',
    '一、通用要求',
    '1. 不要修改工作表名称和第 1 行的列名；列的顺序可以调整，多出的列导入时忽略。',
    `2. 每个单元格不超过 ${String(TEMPLATE_MAX_CELL_CHARS)} 字；单元格内换行用 Alt+Enter。`,
    '3. 可以只填写其中一类试题（理论知识、技能考核或综合评审）；没有内容的工作表保持空白即可。',
    `二、工作表“${ITEM_TEMPLATE_SHEETS.theory}”：每行一道试题`,
    `1. ${t.type}：判断题、单选题或多选题（从下拉列表选择）。`,
    `2. ${t.stem}：判断题写成完整的陈述句，句尾用句号；选择题在题干中留出括号“（ ）”。`,
    `3. ${t.optionA}～${t.optionE}：判断题不填；单选题填 A～D 四个选项；多选题填 A～D 或 A～E（${t.optionE}可空）。`,
    `4. ${t.key}：判断题填 √ 或 ×；单选题填一个字母，如 B；多选题填两个或以上字母，如 ACD。`,
    `5. ${t.difficulty}：1（易）、2（较易）、3（中）、4（较难）、5（难）。`,
    `6. ${t.element}：从下拉列表选择本题考核的鉴定点，如 A-B-C-001。`,
    `7. ${t.explanation}：可选，简要说明答案的依据。`,
    `8. ${t.remark}：填“${EXAMPLE_MARK}”的行（灰色斜体）是示例，导入时跳过，可以保留或删除；正式试题不要填“${EXAMPLE_MARK}”。`,
    `三、工作表“${ITEM_TEMPLATE_SHEETS.practical}”：每行一道技能考核试题`,
    `1. ${PRACTICAL_HEADERS.module}：技能考核内容结构表中职业功能的代码，一个大写字母，如 A。`,
    `2. ${PRACTICAL_HEADERS.title}：在本文件中不得重复，其他工作表按试题名称对应到本题。`,
    `3. ${PRACTICAL_HEADERS.points}：本题分值（0.5 分的整数倍）；${PRACTICAL_HEADERS.minutes}：分钟；${PRACTICAL_HEADERS.form}：实操或笔试。`,
    `4. ${PRACTICAL_HEADERS.requirements}：每条要求占一行。`,
    `四、工作表“${ITEM_TEMPLATE_SHEETS.rubric}”：每行一项评分内容，${RUBRIC_HEADERS.title}与技能考核试题一致；同一试题各行配分之和应等于本题分值。`,
    `五、工作表“${ITEM_TEMPLATE_SHEETS.site}”（考场准备通知单）和“${ITEM_TEMPLATE_SHEETS.candidate}”（考生准备通知单）：每行一项准备内容。`,
    `1. ${NOTICE_HEADERS.category}：${NOTICE_CATEGORIES.join('、')}。`,
    `2. 类别为“其他要求”的行，把要求写在“${NOTICE_HEADERS.name}”列，其余列不填。`,
    ...comprehensiveGuideLines('六'),
  ];
}

const GUIDE_WIDTH = 110;

function addGuideSheet(workbook: ExcelJS.Workbook, input: ItemTemplateInput): void {
  const worksheet = workbook.addWorksheet(ITEM_TEMPLATE_SHEETS.guide, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  worksheet.columns = [{ width: GUIDE_WIDTH }];
  guideLines(input).forEach((line, i) => {
    const cell = worksheet.getCell(i + 1, 1);
    cell.value = line;
    const heading = i === 0 || /^[一二三四五六七八九十]、/.test(line);
    cell.font = { name: SONG, size: i === 0 ? 14 : 10.5, charset: CHARSET_GB2312, bold: heading, ...(i === 2 ? { color: { argb: 'FFC00000' } } : {}) };
    cell.alignment = { vertical: 'top', wrapText: true };
    // Wrapped text does not grow its row in every reader (LibreOffice prints one line): the height is estimated from the width.
    const lines = Math.ceil(displayWidth(line) / (GUIDE_WIDTH - 6));
    if (i > 0 && lines > 1) worksheet.getRow(i + 1).height = 14 * lines + 2;
  });
}

function addTheorySheet(workbook: ExcelJS.Workbook, input: ItemTemplateInput): void {
  const worksheet = addDataSheet(workbook, ITEM_TEMPLATE_SHEETS.theory, THEORY_COLUMNS);
  writeExampleRows(worksheet, exampleRows(input.elementCodes));
  const add = (header: string, validation: ExcelJS.DataValidation) => validateColumn(worksheet, THEORY_COLUMNS, header, validation);
  add(THEORY_HEADERS.type, listValidation(quoted(THEORY_TYPE_CHOICES), '判断题、单选题或多选题', '请从列表中选择题型'));
  add(THEORY_HEADERS.key, promptOnly('判断题填 √ 或 ×；单选题填一个字母；多选题填两个或以上字母，如 ACD'));
  add(THEORY_HEADERS.difficulty, numberValidation('whole', 1, 5, '1 易 … 5 难', '难度应为 1～5 的整数'));
  if (input.elementCodes.length > 0) {
    const last = 1 + input.elementCodes.length;
    add(
      THEORY_HEADERS.element,
      listValidation(`'${ITEM_TEMPLATE_SHEETS.elements}'!$A$2:$A$${String(last)}`, '从列表选择鉴定点代码', '请从列表中选择鉴定点代码'),
    );
  }
}

function addElementSheet(workbook: ExcelJS.Workbook, elementCodes: ItemTemplateInput['elementCodes']): void {
  const worksheet = workbook.addWorksheet(ITEM_TEMPLATE_SHEETS.elements, { state: 'hidden' });
  worksheet.columns = [{ width: 14 }, { width: 40 }];
  worksheet.getRow(1).values = ['鉴定点代码', '鉴定点名称'];
  worksheet.getRow(1).font = { name: SONG, size: 10.5, charset: CHARSET_GB2312, bold: true };
  elementCodes.forEach((e, i) => {
    worksheet.getRow(2 + i).values = [e.code, e.name];
  });
}

/** The import template as .xlsx bytes; deterministic for the same input. */
export async function itemTemplateXlsx(input: ItemTemplateInput): Promise<Uint8Array> {
  const workbook = newWorkbook(input.generatedAt);
  workbook.title = `${input.occupation} ${input.level} 试题导入模板`;
  addGuideSheet(workbook, input);
  addTheorySheet(workbook, input);
  addPracticalSheets(workbook);
  addComprehensiveSheets(workbook);
  addElementSheet(workbook, input.elementCodes);
  // Open on the theory sheet, where most of the writing happens.
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return toBytes(workbook);
}
