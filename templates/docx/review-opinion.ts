/**
 * 题库内部审核意见 (附件6 §三 (五)): a form the review panel fills in and signs by hand, whose signed scan is
 * submitted. Occupation block with a blank 审核日期, the 审核组长 and the review round (第 N 次审核), the 审核内容
 * checklist (conclusion per line, or blank), 审核结论 (or `□通过　□修改后通过　□不通过` to tick), 审核意见 (text
 * or a blank box), the experts with blank 签名/日期 cells at least 0.9 cm high, the panel rule, the 审核组长's
 * signature and the institution with a date line. From the conclusion to the institution everything is
 * kept on one page: a signed page never stands apart from what it signs.
 */
import type { Document, Paragraph } from 'docx';
import type { ReviewCheck, ReviewOpinionData } from '../../app/domain/submission/documents.js';
import { DEFAULT_REVIEW_CHECKLIST } from '../../app/domain/submission/notes.js';
import { headedDocument, para, SIZES, table } from './kit.js';
import { textLines } from './submission-parts.js';

export const REVIEW_OPINION_TITLE = '题库内部审核意见';
export const CONCLUSION_BOXES = '□通过　□修改后通过　□不通过';
export const PANEL_RULE = '审核专家不少于5人，须含方法专家、内容专家和实际工作专家，且不得为题库开发组成员。';
/** At least 0.9 cm (510 twips) for a handwritten signature. */
export const SIGNATURE_ROW_HEIGHT = 520;
/** Rows of the expert table, blank ones added for hand entry (the panel has at least five). */
export const MIN_EXPERT_ROWS = 5;
const OPINION_BOX_HEIGHT = 1300;
/** Line spacing in the form (1.04 lines), so that a usual review (six checks, five experts) fits one page. */
const FORM_LINE = 250;

/** A section heading of the form: 黑体 四号, kept with its table, spaced tighter than the kit's. */
function formHeading(text: string): Paragraph {
  return para(text, { font: 'heading', size: SIZES.四号, align: 'left', before: 120, after: 60, line: FORM_LINE, keepNext: true });
}

/** The usual 审核内容 (domain-formats.md §8), used when the data brings no checklist. */
export const DEFAULT_CHECKS: readonly ReviewCheck[] = DEFAULT_REVIEW_CHECKLIST.map((item) => ({ item, result: '' }));

/** `第 1 次审核`. */
export function reviewRound(round: number): string {
  return `第 ${String(round)} 次审核`;
}

/** The 审核组长's signature line above the institution (the name stands in the occupation block). */
export const LEADER_SIGNATURE = '审核组长（签名）：____________　　　　　　年　　月　　日';

export function reviewOpinionTitle(data: Pick<ReviewOpinionData, 'header'>): string {
  return `${data.header.occupationTitle}${data.header.levelName} ${REVIEW_OPINION_TITLE}`;
}

/** The form as a Word document, A4 portrait. */
export function reviewOpinionDocx(data: ReviewOpinionData): Document {
  const { header } = data;
  const heading0 = reviewOpinionTitle(data);
  const label = (text: string) => ({ text, bold: true, font: 'heading' as const, align: 'center' as const, shade: true });
  const centred = (text: string) => ({ text, align: 'center' as const });
  const checklist = data.checklist.length > 0 ? data.checklist : DEFAULT_CHECKS;
  const opinion = textLines(data.opinion);
  const experts = [
    ...data.experts.map((e, i) => [centred(String(i + 1)), centred(e.name), e.unit, centred(e.title), centred(e.category), '', '']),
    ...Array.from({ length: Math.max(0, MIN_EXPERT_ROWS - data.experts.length) }, (_, i) => [centred(String(data.experts.length + i + 1)), '', '', '', '', '', '']),
  ];

  return headedDocument(header, heading0, [
    table({
      widths: [5, 11, 4, 7],
      headerRows: 0,
      line: FORM_LINE,
      rows: [
        [label('职业（工种）'), header.occupationTitle, label('职业编码'), header.occupationCode],
        [label('等级'), header.levelName, label('审核日期'), data.date ?? ''],
        [label('审核组长'), data.leader, label('审核次数'), reviewRound(data.round)],
      ],
    }),
    formHeading('一、审核内容'),
    table({
      widths: [5, 30, 8],
      line: FORM_LINE,
      rows: [['序号', '审核内容', '审核结论'], ...checklist.map((c, i) => [centred(String(i + 1)), c.item, centred(c.result)])],
    }),
    formHeading('二、审核结论与意见'),
    table({
      widths: [5, 22],
      headerRows: 0,
      line: FORM_LINE,
      minHeights: { 1: OPINION_BOX_HEIGHT },
      keepNext: () => true,
      rows: [
        [label('审核结论'), data.conclusion.trim() === '' ? CONCLUSION_BOXES : data.conclusion.trim()],
        [label('审核意见'), { text: opinion.length > 0 ? opinion : [''], align: 'justify', valign: 'top' }],
      ],
    }),
    formHeading('三、审核专家'),
    // The signatures, the rule, the 审核组长 and the institution on the page of the conclusion.
    table({
      widths: [600, 800, 2912, 1300, 1450, 1250, 1100],
      line: FORM_LINE,
      rowHeight: SIGNATURE_ROW_HEIGHT,
      rows: [['序号', '姓名', '单位', '职称', '专家类别', '签名', '日期'], ...experts],
      keepNext: (r) => r <= experts.length,
    }),
    para(`注：${PANEL_RULE}`, { font: 'note', size: SIZES.五号, align: 'left', before: 60, after: 0, line: FORM_LINE, keepNext: true }),
    para(LEADER_SIGNATURE, { size: SIZES.小四, align: 'right', before: 200, line: FORM_LINE, keepNext: true }),
    para(`审核组织单位（盖章）：${header.institution}　　　　　　年　　月　　日`, { size: SIZES.小四, align: 'right', before: 200, line: FORM_LINE }),
  ]);
}
