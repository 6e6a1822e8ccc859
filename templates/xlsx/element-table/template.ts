/**
 * The blank 细目表 for `qbank template elements`: the 理论知识考核要素细目表 layout (`theory.ts`) with two
 * example rows, and a 填写说明 sheet with one rule per line.
 */
import type ExcelJS from 'exceljs';
import type { ScopeNode } from '../../../app/domain/element-table.js';
import { levelName, type Level } from '../../../app/domain/level.js';
import { displayWidth, newWorkbook, toBytes } from '../workbook.js';
import { addPrintSheet, font, HEI, heading, merge, styleBody } from './layout.js';
import { addTheorySheet, countElements, THEORY_SHEET_NAME, theoryTitle } from './theory.js';

export const INSTRUCTIONS_SHEET_NAME = '填写说明';

export interface ElementTableTemplateXlsxInput {
  occupationName?: string;
  occupationCode?: string;
  track?: string;
  level?: Level;
  generatedAt: Date;
}

/** Two example rows of the template: a valid two-branch table (一级 weights 25 + 75 = 100). */
export const TEMPLATE_EXAMPLE_SCOPES: readonly ScopeNode[] = [
  {
    code: 'A',
    name: '基本要求',
    weight: 25,
    children: [
      {
        code: 'A',
        name: '职业道德',
        weight: 25,
        children: [{ code: 'A', name: '职业道德基本知识', weight: 25, elements: [{ code: '001', name: '道德的概念（示例）', importance: 'X' }] }],
      },
    ],
  },
  {
    code: 'B',
    name: '相关知识',
    weight: 75,
    children: [
      {
        code: 'A',
        name: '工作内容一（示例）',
        weight: 75,
        children: [{ code: 'A', name: '相关知识一（示例）', weight: 75, elements: [{ code: '001', name: '鉴定点名称（示例）', importance: 'Y' }] }],
      },
    ],
  },
];

/** 填写说明 of the template, one rule per line. */
export const TEMPLATE_INSTRUCTIONS: readonly string[] = [
  '本表为理论知识考核要素细目表模板，一个职业（工种/方向）的一个等级填写一张表；表中两行示例请替换为实际内容。',
  '表头信息行按“职业：… 职业编码：… 方向：… 等级：… 鉴定方式：理论知识 鉴定点数：…”填写；职业编码格式为 d-dd-dd-dd（如 3-01-02-07），等级可写“四级”“中级工”“四级/中级工”或“4”。',
  '每个鉴定点占一行。鉴定范围可分 1～4 级（一级、二级、三级、四级）；同一鉴定范围的单元格可以合并，也可以只在第一行填写、下面各行留空（表示“同上”）。',
  '鉴定范围代码为一个大写字母，在同一上级范围内从 A 起依次编排（A、B、C…）；鉴定点代码为三位数字，在所属的最末级鉴定范围内从 001 起依次编排。完整代码形如 A-B-C-001。',
  '代码和名称也可以写在同一单元格，如“A基本要求”“001道德的概念”。',
  '重要程度填 X（核心要素）、Y（一般要素）或 Z（辅助要素）；一般 X 不低于 80%，Y 不超过 15%，Z 不超过 5%。',
  '鉴定比重为占整卷的百分比，可写 25 或 25%；各一级鉴定范围的比重之和应为 100，下级鉴定范围的比重之和应等于上级的比重。',
  '“重要程度比例”列（X:Y:Z，即该范围下各类鉴定点的个数）由程序导出时自动计算，导入时不读取，可以留空。',
  '理论知识鉴定点数量一般为比重的 2 倍以上；每个鉴定点下的试题一般不少于 4 道。',
];

/** A 填写说明 sheet: the heading, then one numbered rule per row (序号 | 说明). */
export function addInstructionsSheet(workbook: ExcelJS.Workbook, title: string, lines: readonly string[]): void {
  const textWidth = 110;
  const ws = addPrintSheet(workbook, INSTRUCTIONS_SHEET_NAME, [6, textWidth], [2, 2], undefined);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = font(14, { bold: true }, HEI);
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  merge(ws, 1, 1, 1, 2);
  ws.getRow(1).height = 28;
  heading(ws, 2, 1, '序号');
  heading(ws, 2, 2, '说明');
  lines.forEach((text, i) => {
    const no = ws.getCell(3 + i, 1);
    no.value = i + 1;
    styleBody(no);
    const cell = ws.getCell(3 + i, 2);
    cell.value = text;
    styleBody(cell, 'left');
    // Wrapped text does not grow its row in every reader: the height is estimated from the width.
    ws.getRow(3 + i).height = 15 * Math.max(1, Math.ceil(displayWidth(text) / (textWidth - 4))) + 4;
  });
}

/** The blank 细目表 for `qbank template elements`: the theory layout with two example rows and 填写说明. */
export async function elementTableTemplateXlsx(input: ElementTableTemplateXlsxInput): Promise<Uint8Array> {
  const workbook = newWorkbook(input.generatedAt);
  const title = theoryTitle(input.occupationName, input.track, input.level);
  workbook.title = title;
  addTheorySheet(workbook, {
    title,
    info: [
      ['职业', input.occupationName ?? ''],
      ['职业编码', input.occupationCode ?? ''],
      ['方向', input.track ?? ''],
      ['等级', input.level === undefined ? '' : levelName(input.level)],
      ['鉴定方式', '理论知识'],
      ['鉴定点数', String(countElements(TEMPLATE_EXAMPLE_SCOPES))],
    ],
    scopes: TEMPLATE_EXAMPLE_SCOPES,
    depth: 3,
  });

  addInstructionsSheet(workbook, `${THEORY_SHEET_NAME} 填写说明`, TEMPLATE_INSTRUCTIONS);
  return toBytes(workbook);
}
