/**
 * Valid Office files to mutate, from the builders the reader tests already use: the writers' item
 * template filled with sample items (test/unit/readers/xlsx/fixtures.ts), small item workbooks of each
 * kind (theory, practical with a picture over its row, 综合评审), Word documents in the layouts the
 * reader knows (test/unit/readers/docx/fixtures.ts) and a hand-made package with an embedded PNG
 * (test/fixtures/hostile/corpus.ts), and the demo's sample 细目表 and 内容结构表 (app/demo/sample/files).
 * Kept small: the fuzz budget goes to cases, not to parsing large seeds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SAMPLE_FILE_NAMES, SAMPLE_FILES } from '../../../app/demo/sample-bank.js';
import type { ComprehensiveItem } from '../../../app/domain/comprehensive-item.js';
import { ITEM_TEMPLATE_SHEETS as S } from '../../../templates/xlsx/item-template.js';
import { comprehensiveRow, comprehensiveRubricRows, scoreSheetRows } from '../../../templates/xlsx/item-template/comprehensive.js';
import { docx, itemParagraphs, picture, png } from '../../fixtures/hostile/corpus.js';
import type { RawEntry } from '../../fixtures/hostile/zip-writer.js';
import type { ZipSeed } from './cases.js';
import { answerLineLayout, bracketLayout, docxOf, nationalPaperLayout, someOfEach } from '../../unit/readers/docx/fixtures.js';
import { bytesOf, filledTemplate, MULTI, NOTICE_HEADER, PRACTICAL_HEADER, RUBRIC_HEADER, sampleTheory, samplePractical, SINGLE, THEORY_HEADER, TRUE_FALSE, workbookOf, writeRows } from '../../unit/readers/xlsx/fixtures.js';

/** Tokens of SpreadsheetML and of the item sheets, inserted and substituted by the text mutations. */
export const XLSX_TOKENS = [
  '<', '>', '</', '/>', '&', '&amp;', '&#0;', '&#xFFFF;', '<!DOCTYPE x>', '<![CDATA[', ']]>', '"', '=', ' r="A1"', ' r="XFD1048576"', ' t="s"', ' t="inlineStr"',
  ' t="b"', ' t="e"', ' s="999"', '<v>', '</v>', '<v>999999</v>', '<v>-1</v>', '<f>SUM(A1)</f>', '<c r="A1"><v>0</v></c>', '<row r="0">', '<row r="1048577">', '</row>',
  '<mergeCell ref="A1:XFD1048576"/>', '<mergeCell ref="B2:A1"/>', '<si><t>x</t></si>', '<is><t>题</t></is>', ' ref="A1:A1"', 'r:id="rId999"', ' Target="../../x.xml"',
  ' TargetMode="External"', ' sheetId="0"', ' name=""', '\u0000', '\uFFFE', '题', '单选题', '判断题', '多选题', '答案', '√', '×', 'ABCDE', 'A-B-C-001', '示例',
];

/** Tokens of WordprocessingML and of the item layouts. */
export const DOCX_TOKENS = [
  '<', '>', '</', '/>', '&', '&amp;', '&#0;', '<!DOCTYPE x>', '<![CDATA[', '"', '<w:p>', '</w:p>', '<w:r>', '</w:r>', '<w:t>', '</w:t>', '<w:br/>', '<w:tab/>',
  '<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>', '<w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr>', '<w:sym w:font="Wingdings" w:char="F0FE"/>',
  '<w:del><w:r><w:delText>x</w:delText></w:r></w:del>', ' r:embed="rId999"', ' r:embed="rId10"', '<a:blip r:embed="rId10"/>', ' Target="../../x"', ' TargetMode="External"',
  '\u0000', '\uFFFE', '1. ', '1、', '（ ）', '(A)', 'A. ', 'E. ', '答案：', '答案：ABCDE', '难度：9', '鉴定点：', '【单项选择题】', '一、判断题', '参考答案', '1-5 √×√√×', '21.B',
];

const sample = (name: string) => new Uint8Array(readFileSync(join(SAMPLE_FILES, name)));

/** One task with a PNG pasted over its row (row-images), with its 评分标准 and notices. */
async function practicalWithPicture(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  writeRows(workbook.addWorksheet(S.practical), 1, [PRACTICAL_HEADER, ['A', '绘制零件图', 100, 120, '实操', '说明', '1. 视图\n2. 尺寸', '附图说明：轴承座']]);
  writeRows(workbook.addWorksheet(S.rubric), 1, [RUBRIC_HEADER, ['绘制零件图', '视图', '正确', 60, '错一处扣 2 分', null], ['绘制零件图', '尺寸', '完整', 40, '漏一处扣 2 分', null]]);
  writeRows(workbook.addWorksheet(S.site), 1, [NOTICE_HEADER, ['绘制零件图', '设备', '计算机', '', '台', 1, '']]);
  writeRows(workbook.addWorksheet(S.candidate), 1, [NOTICE_HEADER, ['绘制零件图', '工具', '铅笔', 'HB', '支', 2, '']]);
  const sheet = workbook.getWorksheet(S.practical) as ExcelJS.Worksheet;
  const id = workbook.addImage({ buffer: Buffer.from(png(12, 8)) as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(id, { tl: { col: 8, row: 1.2 }, ext: { width: 120, height: 80 } });
  return bytesOf(workbook);
}

async function comprehensiveWorkbook(): Promise<Uint8Array> {
  const item: ComprehensiveItem = {
    title: '数控机床故障诊断技术总结',
    form: '技术总结答辩',
    points: 100,
    minutes: 45,
    instructions: ['考生于考核前 15 日提交技术总结。'],
    question: '结合工作实际撰写技术总结。',
    rubric: [
      { content: '技术总结', keyPoint: '内容真实', points: 60, criteria: '不真实扣 20 分', deductionNote: '' },
      { content: '答辩', keyPoint: '回答正确', points: 40, criteria: '错一题扣 8 分', deductionNote: '' },
    ],
    scoreSheet: [
      { aspect: '技术总结', keyPoint: '真实', points: 60 },
      { aspect: '答辩', keyPoint: '正确', points: 40 },
    ],
  };
  return workbookOf({
    [S.comprehensive]: [['试题名称', '考核形式', '配分', '考核时间', '考核说明', '试题内容', '备注'], comprehensiveRow(item)],
    [S.comprehensiveRubric]: [['试题名称', '考核内容', '考核要点', '配分', '评分标准', '扣分说明'], ...comprehensiveRubricRows(item)],
    [S.comprehensiveScore]: [['试题名称', '评审项目', '评分要点', '配分'], ...scoreSheetRows(item)],
  });
}

/**
 * Item workbooks: a bare theory sheet, a task with its picture, a 综合评审 item and (unless `template`
 * is false: it is the slow one to make) the writers' template filled with sample items.
 */
export async function xlsxItemSeeds(template = true): Promise<Uint8Array[]> {
  const seeds = [await workbookOf({ 理论知识试题: [THEORY_HEADER, SINGLE, MULTI, TRUE_FALSE] }), await practicalWithPicture(), await comprehensiveWorkbook()];
  if (!template) return seeds;
  const theory = sampleTheory();
  const pick = ['trueFalse', 'singleChoice', 'multipleChoice'].flatMap((type) => theory.filter((i) => i.type === type).slice(0, 2));
  return [...seeds, await filledTemplate(pick, samplePractical().slice(0, 1))];
}

/** Word documents: three layouts of the reader tests, and a package with a PNG referred to by an item. */
export async function docxItemSeeds(): Promise<Uint8Array[]> {
  const items = someOfEach(2);
  return [
    await docxOf(answerLineLayout(items)),
    await docxOf(nationalPaperLayout(items)),
    await docxOf(bracketLayout(items)),
    docx({ body: itemParagraphs('A-B-A-001') + picture('rId10'), media: [{ id: 'rId10', name: 'image1.png', bytes: png(6, 4) }] }),
  ];
}

export function elementTableSeeds(): Uint8Array[] {
  return [sample(SAMPLE_FILE_NAMES.elementTable), sample(SAMPLE_FILE_NAMES.practicalStructure)];
}

/** Packages with their entries, ready for structure-aware mutation (cases.ts zipCases / buildZip). */
export async function zipSeeds(files: readonly Uint8Array[]): Promise<ZipSeed[]> {
  return Promise.all(files.map(async (bytes) => ({ bytes, entries: await zipEntries(bytes) })));
}

/** The entries of a (valid) ZIP package, to be mutated and zipped again (mutate.ts mutateZip). */
export async function zipEntries(bytes: Uint8Array): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  return Promise.all(names.map(async (name) => ({ name, data: await (zip.files[name] as JSZip.JSZipObject).async('uint8array') })));
}
