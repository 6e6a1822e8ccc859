/**
 * The Chinese wording shared by the 技能考核 documents (考场/考生准备通知单, 试卷, 评分记录表) and the
 * 综合评审 document: titles, fixed sentences, table columns and small text helpers. Pure strings, so
 * tests and other generators can use the same wording.
 */
import { formatPoints, setName } from '../../format.js';
import type { DocumentHeader } from '../documents.js';
import { SEAL } from './theory.js';

/** Columns of every 设备/工具/量具/材料 table of the 准备通知单. */
export const NOTICE_COLUMNS = ['序号', '名称', '规格', '单位', '数量', '备注'] as const;
/** 总成绩表 on page 1 of the 评分记录表. */
export const TOTAL_SCORE_COLUMNS = ['序号', '试题名称', '配分', '得分', '备注'] as const;
/** One table per 试题 of the 评分记录表 (from the rubric rows). */
export const TASK_SCORE_COLUMNS = ['序号', '考核内容', '考核要求', '配分', '评分标准', '扣分', '得分', '备注'] as const;
/** 综合评审 评分标准 (from the rubric rows). */
export const COMPREHENSIVE_RUBRIC_COLUMNS = ['序号', '考核内容', '考核要点', '配分', '评分标准', '备注'] as const;
/** 综合评审 评分表 (from the score-sheet rows), filled by each 评委. */
export const COMPREHENSIVE_SCORE_COLUMNS = ['序号', '评价项目', '评分要点', '配分', '得分'] as const;

export const NO_SITE_PREPARATION = '本题无需考场另行准备。';
export const NO_CANDIDATE_PREPARATION = '本题无需考生另行准备。';

export const SITE_NOTICE_INTRO =
  '本通知单所列设备、工具、量具、材料由考场准备。除备注另有说明外，所列数量为每名考生所需数量。考场应在考核前按考生人数备齐，并检查、调试完好，规格不得低于所列要求。';
export const CANDIDATE_NOTICE_INTRO =
  '本通知单所列工具、量具、材料由考生自备，规格、数量应符合要求；与考核无关的物品（包括资料和电子设备）不得带入考场。';
export const CANDIDATE_ID_LINE = '考生须携带准考证和身份证（或其他有效身份证件），按规定时间到达考场，凭证入场。';

/** The candidate line under the title of the 技能考核试卷, as on the 理论知识试卷: 姓名, 准考证号, 单位 with blanks. */
export const CANDIDATE_FIELDS = SEAL.fields;

/** 注意事项 of the 技能考核试卷 after the first (time and points) line. */
export const PAPER_NOTES = [
  '请在试卷及答卷（图纸）的规定位置填写姓名、准考证号和所在单位的名称。',
  '请仔细阅读各试题的考核要求，在规定的时间内独立完成。',
  '考生应遵守考场纪律和安全文明生产规定，服从考评人员的安排。',
  '考试结束时，试卷、答卷（图纸）及附图一并交回，不得带出考场。',
] as const;

export const SCORE_SHEET_NOTE = '注：各项扣分以该项配分为限，不得扣成负分。';

/** Blank to fill by hand (half-width underscores). */
export const BLANK = '__________';
export const SHORT_BLANK = '________';
/** `　　年　　月　　日` — room for the digits before each unit. */
export const DATE_BLANK = '　　年　　月　　日';

/** `统分人：________　　年　　月　　日`. */
export function signature(role: string): string {
  return `${role}：${SHORT_BLANK}${DATE_BLANK}`;
}

/** `制图员（机械）四级/中级工` */
export function occupationLevel(header: DocumentHeader): string {
  return `${header.occupationTitle}${header.levelName}`;
}

export interface TitleLines {
  /** First (smaller) line, e.g. `制图员（机械）四级/中级工 ` (with the space before the second line). */
  readonly top: string;
  /** Second line, e.g. `技能考核 考场准备通知单（甲套）`. */
  readonly main: string;
}

/** The title as one string: the two lines joined (the top line carries any space between them). */
export function titleText(t: TitleLines): string {
  return `${t.top}${t.main}`;
}

/** `制图员（机械）四级/中级工 技能考核 考场准备通知单（甲套）` */
export function siteNoticeTitle(header: DocumentHeader, setLabel: string): TitleLines {
  return { top: `${occupationLevel(header)} `, main: `技能考核 考场准备通知单（${setName(setLabel)}）` };
}

/** `制图员（机械）四级/中级工 技能考核 考生准备通知单（甲套）` */
export function candidateNoticeTitle(header: DocumentHeader, setLabel: string): TitleLines {
  return { top: `${occupationLevel(header)} `, main: `技能考核 考生准备通知单（${setName(setLabel)}）` };
}

/** `制图员（机械）四级/中级工 技能考核试卷（甲套）` */
export function paperTitle(header: DocumentHeader, setLabel: string): TitleLines {
  return { top: `${occupationLevel(header)} `, main: `技能考核试卷（${setName(setLabel)}）` };
}

/** `制图员（机械）四级/中级工 技能考核评分记录表（甲套）` */
export function scoreSheetTitle(header: DocumentHeader, setLabel: string): TitleLines {
  return { top: `${occupationLevel(header)} `, main: `技能考核评分记录表（${setName(setLabel)}）` };
}

export const COMPREHENSIVE_PARTS = ['考核说明', '试题', '评分标准', '评分表'] as const;
export type ComprehensivePart = (typeof COMPREHENSIVE_PARTS)[number];

/** `制图员（机械）二级/技师 综合评审 考核说明（甲套）` — one per part, each part starts a page. */
export function comprehensiveTitle(header: DocumentHeader, setLabel: string, part: ComprehensivePart): TitleLines {
  return { top: `${occupationLevel(header)} `, main: `综合评审 ${part}（${setName(setLabel)}）` };
}

/**
 * A list entry without the number its author typed (`1. `, `1、`, `（1）`, `(1)`, `1．`), so the
 * document can number the entries itself. `3.5 mm …` and `3 个视图` keep their numbers.
 */
export function stripNumber(text: string): string {
  return text.replace(/^\s*(?:[（(]\d{1,2}[)）]|\d{1,2}\s*[.、．](?!\d))\s*/, '').trim();
}

/** Non-empty lines of a multi-line text. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

// ——— the 技能考核试卷 (practical-paper.ts) and the preview print these the same ———

export const NOTICE_HEADING_SPACED = '注　意　事　项';
export const REQUIREMENTS_HEADING = '具体考核要求：';
export const FIGURES_HEADING = '附图及说明：';

/** The first line of the paper's 注意事项, before PAPER_NOTES. */
export function practicalFirstNote(minutes: number, tasks: number, totalPoints: number): string {
  return `考试时间：${minutes}分钟。本试卷共 ${tasks} 道试题，满分 ${formatPoints(totalPoints)} 分。`;
}

/** `试题1、绘制…` at the top of a task's page. */
export function taskHeading(number: number, title: string): string {
  return `试题${number}、${title}`;
}

/** The labelled lines under a task's heading. */
export function taskLabels(task: { readonly points: number; readonly minutes: number; readonly form: string }): [string, string][] {
  return [
    ['本题分值', `${formatPoints(task.points)}分`],
    ['考核时间', `${task.minutes}分钟`],
    ['考核形式', task.form],
  ];
}

/** `图1-2` under the second figure of 试题1. */
export function figureCaption(number: number, index: number): string {
  return `图${number}-${index + 1}`;
}
