/**
 * The blank 技能考核内容结构表 for `qbank template structure`, in exactly the layout the export writes and
 * `app/readers/element-table/practical.ts` reads (practical.ts): a first sheet to fill in — the title and
 * header block, six blank 职业功能 columns before 合计, one blank 级别 block of the four rows, drop-down
 * lists and number checks on its cells — then 填写说明 (one rule per row) and 示例 (a filled table, its
 * 职业功能 names marked `（示例）`, which the import refuses). The import reads the first sheet that has a
 * 选考方式 row, so the blank sheet comes first.
 */
import { LEVELS } from '../../../app/domain/level.js';
import type { PracticalStructure } from '../../../app/domain/practical-structure.js';
import { NOT_ASSESSED, PRACTICAL_ROW_LABELS, practicalMatrix } from '../../element-table-shared.js';
import { addRangeValidation, columnLetter, listValidation, numberValidation, promptOnly, quoted } from '../item-template/sheets.js';
import { newWorkbook, toBytes } from '../workbook.js';
import { addPracticalSheet, practicalInfo, PRACTICAL_SHEET_NAME } from './practical.js';
import { addInstructionsSheet } from './template.js';

export const STRUCTURE_EXAMPLE_SHEET_NAME = '示例';
/** Marks the 职业功能 names of the example sheet (the import refuses a table that still has them). */
export const STRUCTURE_EXAMPLE_MARK = '（示例）';
/** 职业功能 columns of the blank sheet. */
export const STRUCTURE_TEMPLATE_MODULES = 6;

/** The example: 四级 all 必考; 二级 two 必考 (one of them 笔试) and one of two 选考 — each level's 比重 adds up to 100. */
export const STRUCTURE_TEMPLATE_EXAMPLE: PracticalStructure = {
  occupationCode: '3-01-02-07',
  track: '机械',
  modules: [
    { code: 'A', name: '绘制二维图' },
    { code: 'B', name: '绘制三维图' },
    { code: 'C', name: '图档管理' },
    { code: 'D', name: '技术指导与培训' },
  ],
  levels: [
    {
      level: 4,
      selectCount: 0,
      entries: [
        { module: 'A', mode: '必考', weight: 60, minutes: 120, form: '实操' },
        { module: 'B', mode: '必考', weight: 30, minutes: 60, form: '实操' },
        { module: 'C', mode: '必考', weight: 10, minutes: 20, form: '实操' },
      ],
    },
    {
      level: 2,
      selectCount: 1,
      entries: [
        { module: 'A', mode: '选考', weight: 40, minutes: 90, form: '实操' },
        { module: 'B', mode: '选考', weight: 40, minutes: 90, form: '实操' },
        { module: 'C', mode: '必考', weight: 30, minutes: 30, form: '实操' },
        { module: 'D', mode: '必考', weight: 30, minutes: 40, form: '笔试' },
      ],
    },
  ],
};

/** 填写说明 of the blank 内容结构表, one rule per row. */
export const STRUCTURE_TEMPLATE_INSTRUCTIONS: readonly string[] = [
  `本表为技能考核内容结构表模板：一个职业（工种/方向）填写一张表，可包含多个级别。请在第一张工作表“${PRACTICAL_SHEET_NAME}”中填写，导入时只读取这一张；工作表“${STRUCTURE_EXAMPLE_SHEET_NAME}”是填好的样子，仅供参考。`,
  '表头信息行“职业：… 职业编码：… 方向：…”可以不填，导入时按题库的职业编码和方向；填写时须与题库一致，职业编码格式为 d-dd-dd-dd（如 3-01-02-07）。',
  `职业功能：每列一项，“职业功能”下第一行填名称，第二行填代码（一个大写字母，按列的顺序编为 A、B、C…；代码全部不填时按列的顺序自动编排）。模板有 ${String(STRUCTURE_TEMPLATE_MODULES)} 列，用不完的列留空；不够时在“合计”列之前插入列。`,
  `级别：每个级别占 4 行（${PRACTICAL_ROW_LABELS.join('、')}），级别单元格可写“二级/技师”“二级”“技师”或“2”。要填多个级别时，把这 4 行整体复制、插入到下面，每组填写自己的级别。题库的级别必须在表中。`,
  `选考方式：必考或选考；该级别不考核的职业功能填“${NOT_ASSESSED}”（其余三行也填“${NOT_ASSESSED}”或留空）。`,
  '鉴定比重（%）：该项职业功能占技能考核的百分比，填数值，如 30。考生所考项目（全部必考项目，加上规定数量的选考项目）的比重之和应为 100；同一级别各选考项目的比重必须相同。',
  '考试时间（min）：分钟数，正整数；考核形式：实操或笔试。',
  '合计列：有选考项目时，在“选考方式”一行的合计栏填考生所考的项目数，如“3项”（必考项目数加上须选的选考项目数）；合计列的其他各行导入时不读取，可以留空。',
  '不要使用公式，不要修改“级别”“项目”“职业功能”“合计”等表头文字。填好后用“qbank elements import 文件.xlsx --bank 题库编号 --practical”导入；表中还有示例的职业功能名称（带“（示例）”）时导入会被拒绝。',
];

const BLANK_NOTE = `注：“${NOT_ASSESSED}”表示该级别不考核此项职业功能；合计栏为考生所考项目数、鉴定比重之和与考试时间之和。填写方法见工作表“填写说明”，填好的样子见工作表“${STRUCTURE_EXAMPLE_SHEET_NAME}”。`;

export interface StructureTemplateXlsxInput {
  generatedAt: Date;
}

/** The blank 技能考核内容结构表 (`qbank template structure`) as .xlsx bytes; deterministic for the same input. */
export async function practicalStructureTemplateXlsx(input: StructureTemplateXlsxInput): Promise<Uint8Array> {
  const workbook = newWorkbook(input.generatedAt);
  workbook.title = `${PRACTICAL_SHEET_NAME}模板`;

  const blank = addPracticalSheet(workbook, PRACTICAL_SHEET_NAME, {
    title: PRACTICAL_SHEET_NAME,
    info: [['职业', ''], ['职业编码', ''], ['方向', ''], ['鉴定方式', '技能考核']],
    modules: Array.from({ length: STRUCTURE_TEMPLATE_MODULES }, () => ({ code: '', name: '' })),
    levels: [{ name: '', rows: PRACTICAL_ROW_LABELS.map(() => []) }],
    note: BLANK_NOTE,
  });
  const { ws, firstDataRow: r, firstModuleColumn: c } = blank;
  const cells = (row: number) => `${columnLetter(c)}${String(row)}:${columnLetter(c + STRUCTURE_TEMPLATE_MODULES - 1)}${String(row)}`;
  const levelNames = LEVELS.map((l) => `${l.grade}/${l.title}`).reverse();
  addRangeValidation(ws, `A${String(r)}`, listValidation(quoted(levelNames), '本组 4 行的级别', '请从列表中选择级别'));
  addRangeValidation(ws, cells(r - 1), promptOnly('职业功能代码：一个大写字母，如 A；可不填（按列的顺序编为 A、B、C…）'));
  addRangeValidation(ws, cells(r), listValidation(quoted(['必考', '选考', NOT_ASSESSED]), `必考、选考，不考核填 ${NOT_ASSESSED}`, '请从列表中选择选考方式'));
  addRangeValidation(ws, cells(r + 1), numberValidation('decimal', 0, 100, '占技能考核的百分比，填数值，如 30', '鉴定比重应为 0～100 的数值（不带 %）'));
  addRangeValidation(ws, cells(r + 2), numberValidation('whole', 1, 600, '考试时间（分钟）', '考试时间应为 1～600 分钟的整数'));
  addRangeValidation(ws, cells(r + 3), listValidation(quoted(['实操', '笔试', NOT_ASSESSED]), '实操或笔试', '请从列表中选择考核形式'));
  addRangeValidation(ws, `${columnLetter(blank.totalColumn)}${String(r)}`, promptOnly('有选考项目时填考生所考的项目数，如“3项”'));

  addInstructionsSheet(workbook, `${PRACTICAL_SHEET_NAME} 填写说明`, STRUCTURE_TEMPLATE_INSTRUCTIONS);

  const example = STRUCTURE_TEMPLATE_EXAMPLE;
  const matrix = practicalMatrix(example);
  addPracticalSheet(workbook, STRUCTURE_EXAMPLE_SHEET_NAME, {
    title: `制图员（${example.track}） ${PRACTICAL_SHEET_NAME}${STRUCTURE_EXAMPLE_MARK}`,
    info: practicalInfo('制图员', example.occupationCode, example.track),
    modules: matrix.modules.map((m) => ({ code: m.code, name: `${m.name}${STRUCTURE_EXAMPLE_MARK}` })),
    levels: matrix.levels,
    note: matrix.note,
  });
  return toBytes(workbook);
}
