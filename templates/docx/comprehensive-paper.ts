/**
 * 综合评审试题 of one set (levels 1–2; 粤人社函〔2023〕134号 附件6 §三; domain-formats §5): one .docx
 * with four parts, each starting a page under its own title so it can be handed out alone —
 * 考核说明, 试题, 评分标准 and the 评分表 each 评委 fills in.
 */
import type { FileChild } from 'docx';
import { formatPoints, setName } from '../../app/domain/format.js';
import { sumPoints } from '../../app/domain/rubric.js';
import type { ComprehensivePaperData } from '../../app/domain/submission/documents.js';
import { createDocument, heading, packDocx, para, SIZES, table, type Cell, type CellSpec } from './kit.js';
import { bodyLine, labelLine, numbered, signatureLine, twoLineTitle } from './practical-paper.js';
import {
  BLANK,
  COMPREHENSIVE_PARTS,
  COMPREHENSIVE_RUBRIC_COLUMNS,
  COMPREHENSIVE_SCORE_COLUMNS,
  comprehensiveTitle,
  DATE_BLANK,
  lines,
} from '../../app/domain/submission/wording/practical.js';

const center = (text: string, extra: Partial<CellSpec> = {}): CellSpec => ({ text, align: 'center', ...extra });
const label = (text: string): CellSpec => ({ text, align: 'center', bold: true, font: 'heading', shade: true });

function check(data: ComprehensivePaperData): void {
  const { item } = data;
  for (const [name, rows] of [['评分标准', item.rubric], ['评分表', item.scoreSheet]] as const) {
    const total = sumPoints(rows);
    if (Math.abs(total - item.points) > 1e-9) throw new Error(`综合评审${name}各行配分之和为 ${formatPoints(total)}，与本题分值 ${formatPoints(item.points)} 不符`);
  }
}

/** 综合评审试题: 考核说明, 试题, 评分标准 and 评分表, each part on a new page. */
export async function comprehensivePaperDocx(data: ComprehensivePaperData): Promise<Uint8Array> {
  check(data);
  const { header, setLabel, item } = data;
  const [instructionsPart, questionPart, rubricPart, scorePart] = COMPREHENSIVE_PARTS;
  const points = formatPoints(item.points);

  const instructions: FileChild[] = [
    ...twoLineTitle(comprehensiveTitle(header, setLabel, instructionsPart)),
    labelLine('试题名称', item.title),
    labelLine('考核形式', item.form),
    labelLine('考核时间', `${item.minutes}分钟`),
    labelLine('本题分值', `${points}分`),
    heading('考核说明'),
    ...numbered(item.instructions),
  ];

  const question: FileChild[] = [
    ...twoLineTitle(comprehensiveTitle(header, setLabel, questionPart), true),
    para(item.title, { font: 'heading', size: SIZES.四号, align: 'center', after: 120, keepNext: true }),
    para(`（考核形式：${item.form}　考核时间：${item.minutes}分钟　本题分值：${points}分）`, { align: 'center', size: SIZES.五号, font: 'note', after: 240 }),
    ...lines(item.question).map((l) => bodyLine(l)),
  ];

  const rubric: FileChild[] = [
    ...twoLineTitle(comprehensiveTitle(header, setLabel, rubricPart), true),
    para(`试题名称：${item.title}`, { align: 'left', after: 120, keepNext: true }),
    table({
      widths: [7, 13, 26, 7, 33, 14],
      rowHeight: 480,
      rows: [
        COMPREHENSIVE_RUBRIC_COLUMNS.map((c) => c as Cell),
        ...item.rubric.map((r, i): Cell[] => [center(String(i + 1)), r.content, r.keyPoint, center(formatPoints(r.points)), r.criteria, r.deductionNote]),
        [center('合计', { colSpan: 3, bold: true }), center(points, { bold: true }), '', ''],
      ],
    }),
  ];

  const scoreSheet: FileChild[] = [
    ...twoLineTitle(comprehensiveTitle(header, setLabel, scorePart), true),
    table({
      widths: [14, 36, 14, 36],
      headerRows: 0,
      rowHeight: 520,
      rows: [
        [label('考生姓名'), '', label('准考证号'), ''],
        [label('单位'), '', label('考核日期'), center(DATE_BLANK.trim())],
        [label('试题名称'), { text: item.title, colSpan: 3 }],
      ],
    }),
    para('', { after: 120 }),
    table({
      widths: [8, 22, 48, 11, 11],
      rowHeight: 640,
      rows: [
        COMPREHENSIVE_SCORE_COLUMNS.map((c) => c as Cell),
        ...item.scoreSheet.map((r, i): Cell[] => [center(String(i + 1)), r.aspect, r.keyPoint, center(formatPoints(r.points)), '']),
        [center('合计', { colSpan: 3, bold: true }), center(points, { bold: true }), ''],
      ],
    }),
    signatureLine(`评委签名：${BLANK}${DATE_BLANK}`),
  ];

  const top = comprehensiveTitle(header, setLabel, instructionsPart);
  const doc = createDocument({
    mark: header.mark,
    note: header.sampleNote,
    title: `${top.top}综合评审试题（${setName(setLabel)}）`,
    children: [...instructions, ...question, ...rubric, ...scoreSheet],
  });
  return packDocx(doc);
}
