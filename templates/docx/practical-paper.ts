/**
 * 技能考核试题 of one set (粤人社函〔2023〕134号 附件6 §三; domain-formats §4): the 考场准备通知单, the
 * 考生准备通知单, the 试卷 handed to candidates and the 评分记录表 of the 考评员 — four .docx files in
 * the house style of ./kit.ts. Also the few layout helpers the kit lacks (two-line titles, label
 * lines, embedded figures), exported for the 综合评审 document.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, type FileChild } from 'docx';
import { chineseNumber, formatPoints } from '../../app/domain/format.js';
import { NOTICE_GROUPS, noticeGroupNames, type PreparationNotice } from '../../app/domain/practical-task.js';
import { sumPoints, type RubricRow } from '../../app/domain/rubric.js';
import type { DocumentHeader, DocumentImage, PracticalPaperData, PracticalPaperTask } from '../../app/domain/submission/documents.js';
import { blankFields, createDocument, paperCodeLine, estimateLines, heading, packDocx, para, run, SIZES, table, tailStart, type Cell, type CellSpec } from './kit.js';
import { fitImage, imageInfo, type ImageInfo } from './images.js';
import {
  BLANK,
  FIGURES_HEADING,
  figureCaption,
  NOTICE_HEADING_SPACED,
  practicalFirstNote,
  REQUIREMENTS_HEADING,
  taskHeading,
  taskLabels,
  CANDIDATE_FIELDS,
  CANDIDATE_ID_LINE,
  CANDIDATE_NOTICE_INTRO,
  candidateNoticeTitle,
  lines,
  NO_CANDIDATE_PREPARATION,
  NO_SITE_PREPARATION,
  NOTICE_COLUMNS,
  PAPER_NOTES,
  paperTitle,
  SCORE_SHEET_NOTE,
  scoreSheetTitle,
  signature,
  SITE_NOTICE_INTRO,
  siteNoticeTitle,
  stripNumber,
  TASK_SCORE_COLUMNS,
  titleText,
  TOTAL_SCORE_COLUMNS,
  type TitleLines,
} from '../../app/domain/submission/wording/practical.js';

// ————————————————————————————————————————— layout helpers —————————————————————————————————————————

/** A centred 黑体 title line; at least 1.5 lines high (the kit's exact 18 pt is too low for 二号). */
function titleLine(text: string, size: number, after: number, pageBreakBefore: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    pageBreakBefore,
    spacing: { before: 0, after, line: 360, lineRule: LineRuleType.AT_LEAST },
    children: [run(text, { font: 'heading', size })],
  });
}

/**
 * The title in two centred 黑体 paragraphs: the occupation and level (三号) over the document's name
 * (二号); their texts joined are the whole title.
 */
export function twoLineTitle(t: TitleLines, pageBreakBefore = false): Paragraph[] {
  return [titleLine(t.top, SIZES.三号, 0, pageBreakBefore), titleLine(t.main, SIZES.二号, 240, false)];
}

/** `本题分值：60分` with the label in bold. */
export function labelLine(label: string, value: string, keepNext = false): Paragraph {
  return para([run(`${label}：`, { bold: true, size: SIZES.小四 }), run(value, { size: SIZES.小四 })], { align: 'left', keepNext });
}

/** A line of body text with the usual two-character first-line indent; `keepLines`: never split. */
export function bodyLine(text: string, keepNext = false, keepLines = false): Paragraph {
  return para(text, { indentChars: 2, keepNext, keepLines });
}

/** Numbered entries `1. …` (numbers the author typed are replaced). */
export function numbered(entries: readonly string[]): Paragraph[] {
  return entries.map((e, i) => bodyLine(`${i + 1}. ${stripNumber(e)}`));
}

/** Signature lines, right-aligned, with room above to sign. */
export function signatureLine(text: string): Paragraph {
  return para(text, { align: 'right', before: 240, after: 0 });
}

const center = (text: string, extra: Partial<CellSpec> = {}): CellSpec => ({ text, align: 'center', ...extra });

/** Display size in docx pixels: natural size at 96 dpi, scaled down to ≤ 14 cm wide and ≤ 20 cm high. */
export function figureSize(info: Pick<ImageInfo, 'width' | 'height'>): { width: number; height: number } {
  return fitImage(info, { width: 14, height: 20 });
}

/** A centred figure with its caption under it (kept with the next when asked); throws on bytes that are not a PNG or JPEG. */
export function figure(image: DocumentImage, caption: string, where: string, keepNext = false): Paragraph[] {
  const info = imageInfo(image.bytes);
  if (info === undefined) throw new Error(`${where}的附图 ${image.sha256.slice(0, 12)} 不是可识别的 PNG 或 JPEG 图片`);
  const size = figureSize(info);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 0 },
      children: [new ImageRun({ type: info.type, data: image.bytes, transformation: size, altText: { name: caption, title: caption, description: `${where} ${caption}` } })],
    }),
    para(caption, { align: 'center', size: SIZES.五号, after: 120, keepNext }),
  ];
}

function documentOf(header: DocumentHeader, t: TitleLines, children: FileChild[]) {
  return createDocument({ mark: header.mark, note: header.sampleNote, title: titleText(t), children });
}

function taskTotalsCheck(data: PracticalPaperData): void {
  if (data.tasks.length === 0) throw new Error('技能考核试卷没有试题');
  const total = sumPoints(data.tasks.map((t) => t.task));
  if (Math.abs(total - data.totalPoints) > 1e-9) throw new Error(`各试题分值之和为 ${formatPoints(total)}，与试卷总分 ${formatPoints(data.totalPoints)} 不符`);
}

function rubricCheck(t: PracticalPaperTask): void {
  const total = sumPoints(t.task.rubric);
  if (Math.abs(total - t.task.points) > 1e-9) {
    throw new Error(`试题${t.number}（${t.task.title}）评分标准各行配分之和为 ${formatPoints(total)}，与本题分值 ${formatPoints(t.task.points)} 不符`);
  }
}

// ———————————————————————————————————————— 准备通知单 ————————————————————————————————————————

const NOTICE_WIDTHS = [6, 18, 30, 7, 9, 24];

function noticeTable(rows: PreparationNotice['equipment']) {
  return table({
    widths: NOTICE_WIDTHS,
    rows: [
      NOTICE_COLUMNS.map((c) => c as Cell),
      ...rows.map((r, i): Cell[] => [center(String(i + 1)), r.name, r.spec, center(r.unit), center(r.quantity), r.remark]),
    ],
  });
}

function taskLine(t: PracticalPaperTask): Paragraph {
  return para(`职业功能：${t.task.module} ${t.moduleName}（${t.mode}）　考核形式：${t.task.form}　考核时间：${t.task.minutes}分钟　分值：${formatPoints(t.task.points)}分`, {
    size: SIZES.五号,
    font: 'note',
    align: 'left',
    keepNext: true,
  });
}

function noticeSection(t: PracticalPaperTask, notice: PreparationNotice, none: string): FileChild[] {
  const out: FileChild[] = [heading(`试题${t.number}：${t.task.title}`), taskLine(t)];
  const groups = NOTICE_GROUPS.filter((g) => notice[g].length > 0);
  if (groups.length === 0) out.push(bodyLine(none));
  groups.forEach((g, i) => {
    out.push(heading(`（${chineseNumber(i + 1)}）${noticeGroupNames[g]}`, 2), noticeTable(notice[g]));
  });
  if (notice.notes.length > 0) {
    out.push(para('说明：', { bold: true, align: 'left', before: 120, keepNext: true }), ...numbered(notice.notes));
  }
  return out;
}

async function noticeDocx(data: PracticalPaperData, kind: 'site' | 'candidate'): Promise<Uint8Array> {
  const t = kind === 'site' ? siteNoticeTitle(data.header, data.setLabel) : candidateNoticeTitle(data.header, data.setLabel);
  const minutes = data.tasks.reduce((a, x) => a + x.task.minutes, 0);
  const children: FileChild[] = [
    ...twoLineTitle(t),
    bodyLine(kind === 'site' ? SITE_NOTICE_INTRO : CANDIDATE_NOTICE_INTRO),
    ...(kind === 'candidate' ? [bodyLine(CANDIDATE_ID_LINE)] : []),
    bodyLine(`本套技能考核共 ${data.tasks.length} 道试题，各题考核时间合计 ${minutes} 分钟。`),
  ];
  for (const task of data.tasks) {
    children.push(...noticeSection(task, kind === 'site' ? task.task.siteNotice : task.task.candidateNotice, kind === 'site' ? NO_SITE_PREPARATION : NO_CANDIDATE_PREPARATION));
  }
  return packDocx(documentOf(data.header, t, children));
}

/** 考场准备通知单: per 试题 the 设备/工具/量具/材料 the 考场 provides. */
export async function practicalSiteNoticeDocx(data: PracticalPaperData): Promise<Uint8Array> {
  return noticeDocx(data, 'site');
}

/** 考生准备通知单: per 试题 what candidates bring, and that they bring 准考证 and 身份证. */
export async function practicalCandidateNoticeDocx(data: PracticalPaperData): Promise<Uint8Array> {
  return noticeDocx(data, 'candidate');
}

// ——————————————————————————————————————————— 试卷 ————————————————————————————————————————————

/** A run of paragraphs the widow rule treats as one: its lines, and its paragraphs kept (or not) with the next. */
interface Block {
  readonly lines: number;
  readonly make: (keepNext: boolean) => Paragraph[];
}

/** A 试题 ends with at least this many lines on its last page (its blocks kept together), never a stray line or two. */
const TAIL_LINES = 10;
/** Lines of 小四 body text per cm of a figure's height (1.5 lines of 12 pt ≈ 0.66 cm). */
const LINES_PER_CM = 1.5;

function textBlock(text: string): Block {
  return { lines: estimateLines(text, SIZES.小四, undefined, 2), make: (keep) => [bodyLine(text, keep, true)] };
}

function figureBlock(t: PracticalPaperTask): Block {
  const notes = lines(t.task.figureNote);
  const where = `试题${t.number}`;
  const imageLines = t.images.reduce((a, image) => {
    const info = imageInfo(image.bytes);
    return a + 2 + (info === undefined ? 0 : Math.ceil(((figureSize(info).height / 96) * 2.54 * LINES_PER_CM)));
  }, 0);
  return {
    lines: 1 + notes.reduce((a, l) => a + estimateLines(l, SIZES.小四, undefined, 2), 0) + imageLines,
    make: (keep) => [
      para(FIGURES_HEADING, { bold: true, align: 'left', before: 120, keepNext: true }),
      ...notes.map((l, i) => bodyLine(l, keep || i < notes.length - 1 || t.images.length > 0, true)),
      ...t.images.flatMap((image, i) => figure(image, figureCaption(t.number, i), where, keep || i < t.images.length - 1)),
    ],
  };
}

function paperTask(t: PracticalPaperTask, first: boolean): FileChild[] {
  const task = t.task;
  const head: Paragraph[] = [
    para(taskHeading(t.number, task.title), { font: 'heading', size: SIZES.四号, align: 'left', before: 200, after: 100, keepNext: true, pageBreakBefore: !first }),
    ...taskLabels(task).map(([label, value]) => labelLine(label, value, true)),
    para(REQUIREMENTS_HEADING, { bold: true, align: 'left', keepNext: true }),
  ];
  const blocks: Block[] = [
    ...lines(task.description).map(textBlock),
    ...task.requirements.map((r, i) => textBlock(`${i + 1}. ${stripNumber(r)}`)),
    ...(task.figureNote !== '' || t.images.length > 0 ? [figureBlock(t)] : []),
  ];
  const tail = tailStart(blocks.map((b) => b.lines), TAIL_LINES);
  return [...head, ...blocks.flatMap((b, i) => b.make(i >= tail && i < blocks.length - 1))];
}

/** 技能考核试卷 (考生试卷): the candidate line, 注意事项, then each 试题 on its own page with its requirements and figures. */
export async function practicalPaperDocx(data: PracticalPaperData): Promise<Uint8Array> {
  taskTotalsCheck(data);
  const t = paperTitle(data.header, data.setLabel);
  const children: FileChild[] = [
    ...twoLineTitle(t),
    paperCodeLine(data.paperCode),
    blankFields(CANDIDATE_FIELDS, { size: SIZES.五号, after: 240, keepNext: true }),
    para(NOTICE_HEADING_SPACED, { font: 'heading', size: SIZES.四号, align: 'center', after: 100, keepNext: true }),
    ...numbered([practicalFirstNote(data.minutes, data.tasks.length, data.totalPoints), ...PAPER_NOTES]),
    ...data.tasks.flatMap((task, i) => paperTask(task, i === 0)),
  ];
  return packDocx(documentOf(data.header, t, children));
}

// ————————————————————————————————————————— 评分记录表 —————————————————————————————————————————

const label = (text: string): CellSpec => ({ text, align: 'center', bold: true, font: 'heading', shade: true });

function candidateTable(paperCode: string) {
  return table({
    widths: [12, 21, 10, 21, 13, 23],
    headerRows: 0,
    rowHeight: 520,
    rows: [
      [label('考件编号'), '', label('姓名'), '', label('准考证号'), ''],
      [label('单位'), { text: '', colSpan: 3 }, label('试卷编号'), center(paperCode)],
    ],
  });
}

const TOTAL_WIDTHS = [8, 46, 12, 12, 22];

function totalTable(data: PracticalPaperData) {
  const last = data.tasks.length + 1;
  return table({
    widths: TOTAL_WIDTHS,
    rowHeight: 560,
    size: SIZES.小四,
    // The last task and 合计 stay with the 统分人 line.
    keepNext: (r) => r >= last - 1,
    rows: [
      TOTAL_SCORE_COLUMNS.map((c) => c as Cell),
      ...data.tasks.map((t): Cell[] => [center(String(t.number)), `试题${t.number}、${t.task.title}`, center(formatPoints(t.task.points)), '', '']),
      [center('合计', { colSpan: 2, bold: true }), center(formatPoints(data.totalPoints), { bold: true }), '', ''],
    ],
  });
}

const TASK_WIDTHS = [6, 10, 23, 6, 32, 6, 6, 11];

function rubricRow(r: RubricRow, i: number): Cell[] {
  return [center(String(i + 1)), r.content, r.keyPoint, center(formatPoints(r.points)), r.criteria, '', '', r.deductionNote];
}

/** Rubric rows kept on the page of the 合计 row and the signatures. */
const SIGNED_ROWS = 2;

function scoreTask(t: PracticalPaperTask): FileChild[] {
  rubricCheck(t);
  const rows: Cell[][] = [
    TASK_SCORE_COLUMNS.map((c) => c as Cell),
    ...t.task.rubric.map(rubricRow),
    [center('合计', { colSpan: 3, bold: true }), center(formatPoints(t.task.points), { bold: true }), '', '', '', ''],
  ];
  return [
    para(`试题${t.number}、${t.task.title}`, { font: 'heading', size: SIZES.四号, align: 'left', after: 60, keepNext: true, pageBreakBefore: true }),
    para(`本题分值：${formatPoints(t.task.points)}分　考核时间：${t.task.minutes}分钟　考核形式：${t.task.form}　考件编号：${BLANK}`, { size: SIZES.五号, align: 'left', after: 120, keepNext: true }),
    table({
      widths: TASK_WIDTHS,
      size: SIZES.小五,
      rowHeight: 440,
      rows,
      // The signature block never stands alone: the last rubric rows and 合计 go with it to the next page.
      keepNext: (r) => r >= rows.length - 1 - SIGNED_ROWS,
    }),
    para(SCORE_SHEET_NOTE, { size: SIZES.五号, font: 'note', align: 'left', before: 60, keepNext: true }),
    signatureLine(`${signature('评分人')}　　　${signature('核分人')}`),
  ];
}

/** 评分记录表: 考件 fields, 总成绩表 with 统分人, then one page per 试题 with its rubric and 评分人/核分人. */
export async function practicalScoreSheetDocx(data: PracticalPaperData): Promise<Uint8Array> {
  taskTotalsCheck(data);
  const t = scoreSheetTitle(data.header, data.setLabel);
  const children: FileChild[] = [
    ...twoLineTitle(t),
    candidateTable(data.paperCode),
    para('总 成 绩 表', { font: 'heading', size: SIZES.四号, align: 'center', before: 360, after: 120, keepNext: true }),
    totalTable(data),
    signatureLine(signature('统分人')),
    ...data.tasks.flatMap(scoreTask),
  ];
  return packDocx(documentOf(data.header, t, children));
}
