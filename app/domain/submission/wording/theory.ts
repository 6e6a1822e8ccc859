/**
 * The wording of the 理论知识试卷 and its 标准答案与评分标准, in one place: titles, 注意事项, section
 * headers and 评分标准 lines (numbers and set names from `app/domain/format.ts`). Pure strings from
 * `TheoryPaperData`.
 */
import { chineseNumber, formatPoints, roundTo, setName } from '../../format.js';
import type { TheoryPaperData, TheoryPaperItem, TheoryPaperSection } from '../documents.js';
import { theoryItemTypeNames, type TheoryItemType } from '../../theory-item.js';

/** `制图员（机械）四级/中级工 理论知识试卷（甲套）`; the answers document prints it above `标准答案与评分标准`. */
export function paperTitle(data: TheoryPaperData): string {
  return `${data.header.occupationTitle}${data.header.levelName} 理论知识试卷（${setName(data.setLabel)}）`;
}

export const ANSWERS_SUBTITLE = '标准答案与评分标准';

/** File-property title of the answers document. */
export function answersTitle(data: TheoryPaperData): string {
  return `${paperTitle(data)} ${ANSWERS_SUBTITLE}`;
}

export const NOTICE_HEADING = '注意事项';

/** The four lines of 注意事项. */
export function noticeLines(data: TheoryPaperData): string[] {
  const year = data.standardYear.trim() === '' ? '' : `（${data.standardYear.trim()}年版）`;
  return [
    `1、本试卷依据《${data.header.occupationName}》国家职业技能标准${year}命制，考试时间：${data.minutes}分钟。`,
    '2、请首先按要求在试卷的标封处填写您的姓名、准考证号和所在单位的名称。',
    '3、请仔细阅读各种题目的回答要求，在规定的位置填写您的答案。',
    '4、不要在试卷上乱写乱画，不要在标封区填写无关的内容。',
  ];
}

/** 得分表 and the per-section 得分/评分人 box. */
export const SCORE = { score: '得分', total: '总分', totaller: '统分人', marker: '评分人' } as const;

/** The 密封线 block at the top of page 1. */
export const SEAL = {
  fields: [
    { label: '姓名', blank: 12 },
    { label: '准考证号', blank: 20 },
    { label: '单位', blank: 24 },
  ],
  line: '……………………… 考 生 答 题 不 准 超 过 此 线 ………………………',
} as const;

/** How to answer each 题型, printed in the section header of the paper. */
const INSTRUCTIONS: Readonly<Record<TheoryItemType, string>> = {
  trueFalse: '将判断结果填入括号中。正确的填“√”，错误的填“×”。',
  singleChoice: '选择一个正确的答案，将相应的字母填入题内的括号中。',
  multipleChoice: '选择正确的答案，将相应的字母填入题内的括号中。错选、少选、多选均不得分。',
};

/** The sections that have items, with their position (1-based) among them. */
export function presentSections(data: TheoryPaperData): { readonly section: TheoryPaperSection; readonly position: number }[] {
  return data.sections.filter((s) => s.items.length > 0).map((section, i) => ({ section, position: i + 1 }));
}

function numberRange(items: readonly TheoryPaperItem[]): string {
  const numbers = items.map((i) => i.number);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  return first === last ? `第${first}题` : `第${first}题～第${last}题`;
}

/** Points of a section: pointsEach × items. */
export function sectionPoints(section: TheoryPaperSection): number {
  return section.pointsEach * section.items.length;
}

function pointsClause(section: TheoryPaperSection): string {
  return `每题${formatPoints(section.pointsEach)}分，满分${formatPoints(sectionPoints(section))}分。`;
}

/** `一、判断题` — the bold part of a section header. */
export function sectionName(section: TheoryPaperSection, position: number): string {
  return `${chineseNumber(position)}、${theoryItemTypeNames[section.type]}`;
}

/** `（第1题～第20题。将判断结果填入括号中。…每题1分，满分20分。）` on the paper. */
export function paperSectionNote(section: TheoryPaperSection): string {
  return `（${numberRange(section.items)}。${INSTRUCTIONS[section.type]}${pointsClause(section)}）`;
}

/** `（第1题～第20题。每题1分，满分20分。）` in the answers. */
export function answersSectionNote(section: TheoryPaperSection): string {
  return `（${numberRange(section.items)}。${pointsClause(section)}）`;
}

/** Rows of the key table. */
export const KEY_TABLE = { number: '题号', answer: '答案', perRow: 10 } as const;

export const MARKING_HEADING = '评分标准';

/** One 评分标准 line per section, then the total (Σ of the sections). */
export function markingLines(data: TheoryPaperData): string[] {
  const sections = presentSections(data);
  const lines = sections.map(({ section }, i) => {
    const name = theoryItemTypeNames[section.type];
    const each = formatPoints(section.pointsEach);
    const rule =
      section.type === 'multipleChoice'
        ? `全部选对得${each}分；错选、少选、多选均不得分。`
        : `答对得${each}分，答错或不答不得分。`;
    return `${i + 1}、${name}：每题${each}分，共${section.items.length}题，${rule}`;
  });
  const total = paperTotal(data);
  const parts = sections.map(({ section }) => `${theoryItemTypeNames[section.type]}${formatPoints(sectionPoints(section))}分`);
  lines.push(`${sections.length + 1}、本试卷总分${formatPoints(total)}分（${parts.join('＋')}）。`);
  return lines;
}

/** Σ pointsEach × items over the sections; the declared total must agree. */
export function paperTotal(data: TheoryPaperData): number {
  const sum = roundTo(data.sections.reduce((a, s) => a + sectionPoints(s), 0), 2);
  if (Math.abs(sum - data.totalPoints) > 1e-9) {
    throw new Error(`试卷总分 ${formatPoints(data.totalPoints)} 分与各题型分值之和 ${formatPoints(sum)} 分不一致`);
  }
  return sum;
}

/** An empty answer bracket in a stem: `（ ）`, `（）`, `(  )`, `（　　）`. */
export const ANSWER_BRACKET = /[（(][ \t\u00a0\u3000]*[）)]/g;

/**
 * The bracket appended to a stem without one. Nothing inside, so no line can break within it; the
 * paper prints every answer bracket wide (character spacing), so there is room to write.
 */
export const APPENDED_BRACKET = '（）';

/** The item's stem as printed: as stored, with an answer bracket appended when it has none. */
export function stemWithBracket(stem: string): string {
  return new RegExp(ANSWER_BRACKET.source).test(stem) ? stem : `${stem}${APPENDED_BRACKET}`;
}

/** `试卷编号：3-01-02-07-4-L-甲` under a paper's title (theory and practical). */
export function paperCodeText(code: string): string {
  return `试卷编号：${code}`;
}
