/**
 * The wording the preview prints, word for word as the .docx templates print it
 * (templates/docx/theory-text.ts and practical-text.ts), from the same data (`TheoryPaperData`,
 * `PracticalPaperData`). The renderer may import only the domain, so these lines are repeated here;
 * test/e2e/documents.test.ts compares every function with the template's on the same data, so the two
 * cannot drift apart. (Once the templates' wording moves to app/domain, this file imports it instead.)
 */
import { chineseNumber, formatPoints, roundTo, setName } from '../../../../domain/format.js';
import type { DocumentHeader, TheoryPaperData, TheoryPaperItem, TheoryPaperSection } from '../../../../domain/submission/documents.js';
import { theoryItemTypeNames, type TheoryItemType } from '../../../../domain/theory-item.js';

// ————————————————————————————————— 理论知识试卷 and 标准答案 —————————————————————————————————

export function paperTitle(data: TheoryPaperData): string {
  return `${data.header.occupationTitle}${data.header.levelName} 理论知识试卷（${setName(data.setLabel)}）`;
}

export const ANSWERS_SUBTITLE = '标准答案与评分标准';
export const NOTICE_HEADING = '注意事项';

export function noticeLines(data: TheoryPaperData): string[] {
  const year = data.standardYear.trim() === '' ? '' : `（${data.standardYear.trim()}年版）`;
  return [
    `1、本试卷依据《${data.header.occupationName}》国家职业技能标准${year}命制，考试时间：${data.minutes}分钟。`,
    '2、请首先按要求在试卷的标封处填写您的姓名、准考证号和所在单位的名称。',
    '3、请仔细阅读各种题目的回答要求，在规定的位置填写您的答案。',
    '4、不要在试卷上乱写乱画，不要在标封区填写无关的内容。',
  ];
}

export const SCORE = { score: '得分', total: '总分', totaller: '统分人', marker: '评分人' } as const;

export const SEAL = {
  fields: [
    { label: '姓名', blank: 12 },
    { label: '准考证号', blank: 20 },
    { label: '单位', blank: 24 },
  ],
  line: '……………………… 考 生 答 题 不 准 超 过 此 线 ………………………',
} as const;

const INSTRUCTIONS: Readonly<Record<TheoryItemType, string>> = {
  trueFalse: '将判断结果填入括号中。正确的填“√”，错误的填“×”。',
  singleChoice: '选择一个正确的答案，将相应的字母填入题内的括号中。',
  multipleChoice: '选择正确的答案，将相应的字母填入题内的括号中。错选、少选、多选均不得分。',
};

export function presentSections(data: TheoryPaperData): { readonly section: TheoryPaperSection; readonly position: number }[] {
  return data.sections.filter((s) => s.items.length > 0).map((section, i) => ({ section, position: i + 1 }));
}

function numberRange(items: readonly TheoryPaperItem[]): string {
  const numbers = items.map((i) => i.number);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  return first === last ? `第${first}题` : `第${first}题～第${last}题`;
}

export function sectionPoints(section: TheoryPaperSection): number {
  return section.pointsEach * section.items.length;
}

function pointsClause(section: TheoryPaperSection): string {
  return `每题${formatPoints(section.pointsEach)}分，满分${formatPoints(sectionPoints(section))}分。`;
}

export function sectionName(section: TheoryPaperSection, position: number): string {
  return `${chineseNumber(position)}、${theoryItemTypeNames[section.type]}`;
}

export function paperSectionNote(section: TheoryPaperSection): string {
  return `（${numberRange(section.items)}。${INSTRUCTIONS[section.type]}${pointsClause(section)}）`;
}

export function answersSectionNote(section: TheoryPaperSection): string {
  return `（${numberRange(section.items)}。${pointsClause(section)}）`;
}

export const KEY_TABLE = { number: '题号', answer: '答案', perRow: 10 } as const;
export const MARKING_HEADING = '评分标准';

export function paperTotal(data: TheoryPaperData): number {
  return roundTo(data.sections.reduce((a, s) => a + sectionPoints(s), 0), 2);
}

export function markingLines(data: TheoryPaperData): string[] {
  const sections = presentSections(data);
  const lines = sections.map(({ section }, i) => {
    const name = theoryItemTypeNames[section.type];
    const each = formatPoints(section.pointsEach);
    const rule = section.type === 'multipleChoice' ? `全部选对得${each}分；错选、少选、多选均不得分。` : `答对得${each}分，答错或不答不得分。`;
    return `${i + 1}、${name}：每题${each}分，共${section.items.length}题，${rule}`;
  });
  const parts = sections.map(({ section }) => `${theoryItemTypeNames[section.type]}${formatPoints(sectionPoints(section))}分`);
  lines.push(`${sections.length + 1}、本试卷总分${formatPoints(paperTotal(data))}分（${parts.join('＋')}）。`);
  return lines;
}

export const ANSWER_BRACKET = /[（(][ \t\u00a0\u3000]*[）)]/g;
export const APPENDED_BRACKET = '（）';

export function stemWithBracket(stem: string): string {
  return new RegExp(ANSWER_BRACKET.source).test(stem) ? stem : `${stem}${APPENDED_BRACKET}`;
}

/** `试卷编号：…` above the 注意事项 (kit.ts paperCodeLine). */
export function paperCodeLine(code: string): string {
  return `试卷编号：${code}`;
}

// ———————————————————————————————————————— 技能考核试卷 ————————————————————————————————————————

export const PAPER_NOTES = [
  '请在试卷及答卷（图纸）的规定位置填写姓名、准考证号和所在单位的名称。',
  '请仔细阅读各试题的考核要求，在规定的时间内独立完成。',
  '考生应遵守考场纪律和安全文明生产规定，服从考评人员的安排。',
  '考试结束时，试卷、答卷（图纸）及附图一并交回，不得带出考场。',
] as const;

export function practicalTitle(header: DocumentHeader, setLabel: string): { top: string; main: string } {
  return { top: `${header.occupationTitle}${header.levelName} `, main: `技能考核试卷（${setName(setLabel)}）` };
}

/** The first line of the 技能考核 注意事项 (practical-paper.ts). */
export function practicalFirstNote(minutes: number, tasks: number, totalPoints: number): string {
  return `考试时间：${minutes}分钟。本试卷共 ${tasks} 道试题，满分 ${formatPoints(totalPoints)} 分。`;
}

export function stripNumber(text: string): string {
  return text.replace(/^\s*(?:[（(]\d{1,2}[)）]|\d{1,2}\s*[.、．](?!\d))\s*/, '').trim();
}

export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** `姓名____________　　准考证号____…` (kit.ts blankFields, as one line of text). */
export function blankFieldsText(fields: readonly { readonly label: string; readonly blank: number }[]): string {
  return fields.map((f, i) => `${i === 0 ? '' : '　　'}${f.label}${'_'.repeat(f.blank)}`).join('');
}

export const NOTICE_HEADING_SPACED = '注　意　事　项';
export const REQUIREMENTS_HEADING = '具体考核要求：';
export const FIGURES_HEADING = '附图及说明：';

/** `试题1、绘制…`, and the labelled lines under it. */
export function taskHeading(number: number, title: string): string {
  return `试题${number}、${title}`;
}

export function taskLabels(task: { readonly points: number; readonly minutes: number; readonly form: string }): [string, string][] {
  return [
    ['本题分值', `${formatPoints(task.points)}分`],
    ['考核时间', `${task.minutes}分钟`],
    ['考核形式', task.form],
  ];
}

/** `图1-2` under a figure of 试题1. */
export function figureCaption(number: number, index: number): string {
  return `图${number}-${index + 1}`;
}
