/**
 * 细目表 as Excel (domain-formats.md §1, §2):
 * - 理论知识考核要素细目表: title, header block `职业：… 等级：… 鉴定方式：理论知识 鉴定点数：113`, then
 *   鉴定范围 一级/二级/三级(/四级), each {名称, 代码, 重要程度比例 (X:Y:Z), 鉴定比重}, and 鉴定点 {代码, 名称,
 *   重要程度}; one row per 鉴定点, 鉴定范围 cells merged vertically over their rows (命题技术标准 表2.1/表2.2).
 * - 技能考核内容结构表: a matrix of 职业功能 (名称 + 代码) + 合计 by columns and, per 级别, the rows 选考方式,
 *   鉴定比重(%), 考试时间(min), 考核形式.
 * - the blank 细目表 template (`qbank template elements`): the theory layout with two example rows and a
 *   填写说明 sheet;
 * - the blank 内容结构表 template (`qbank template structure`): the practical layout with blank 职业功能 columns
 *   and one blank 级别 block, a 填写说明 sheet and a filled 示例 sheet.
 * Pure: domain data in, bytes out; no clock (dates come from `generatedAt`), no file system.
 * `app/readers/element-table/` reads these layouts (and real-world variants) back.
 * Parts: `layout.ts` (fonts, borders, print setup, title block), `theory.ts`, `template.ts`, `practical.ts`,
 * `structure-template.ts`.
 */
export { INSTRUCTIONS_SHEET_NAME, TEMPLATE_EXAMPLE_SCOPES, TEMPLATE_INSTRUCTIONS, elementTableTemplateXlsx, type ElementTableTemplateXlsxInput } from './template.js';
export { PRACTICAL_ROW_LABELS, PRACTICAL_SHEET_NAME, practicalStructureXlsx, type PracticalStructureXlsxInput } from './practical.js';
export {
  practicalStructureTemplateXlsx,
  STRUCTURE_EXAMPLE_MARK,
  STRUCTURE_EXAMPLE_SHEET_NAME,
  STRUCTURE_TEMPLATE_EXAMPLE,
  STRUCTURE_TEMPLATE_INSTRUCTIONS,
  STRUCTURE_TEMPLATE_MODULES,
  type StructureTemplateXlsxInput,
} from './structure-template.js';
export { THEORY_LABELS, THEORY_SHEET_NAME, theoryElementTableXlsx, type TheoryElementTableXlsxInput } from './theory.js';
