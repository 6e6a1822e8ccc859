/**
 * The item-analysis report of one exam sitting (试题分析报告) as docx: the paper's title and the sitting,
 * 一、试卷概况 (candidates, full marks, mean, SD, highest and lowest score, reliability with its method,
 * SEM, group sizes), 二、the difficulty–discrimination scatter, 三、the items for the panel (report group
 * `review`) each with its stem, key, figures, every flag, its option table and its distractor chart,
 * 四、the items with notes in one compact table, 五、every item's figures in paper order, 六、a plain
 * explanation of the statistics and thresholds. A4 portrait in the house style; the mark on every page
 * (the report shows flagged items' stems and keys: the caller passes 机密★…).
 *
 * The charts come rasterised (templates/svg/item-analysis-charts.ts → PNG): the scatter, and per
 * position the distractor chart of a choice item; an item whose chart is not in the map is shown
 * without one (a practical task has none). Pure: the same input gives the same document.
 */
import { AlignmentType, ImageRun, Paragraph, type FileChild } from 'docx';
import { THRESHOLDS } from '../../app/domain/analysis/flags.js';
import type { ReportItem, SittingReport } from '../../app/domain/analysis/report.js';
import { fitImage, imageInfo } from './images.js';
import { allItemsTable, noteTable, optionTable, overviewTable, REPORT_TEXT as T, reviewItemTable } from './item-analysis-tables.js';
import { createDocument, heading, packDocx, para, SIZES, title } from './kit.js';

export interface ItemAnalysisCharts {
  /** The scatter of the sitting (difficultyDiscriminationSvg, rasterised). */
  readonly scatterPng: Uint8Array;
  /** Distractor charts of choice items (distractorBarsSvg, rasterised), by position in the paper. */
  readonly distractorPngs: ReadonlyMap<number, Uint8Array>;
}

export interface ItemAnalysisDocxInput {
  readonly mark: string;
  readonly report: SittingReport;
  readonly charts: ItemAnalysisCharts;
}

/** The largest size a chart is shown at (cm): the scatter across the text width, the bars a little narrower. */
const SCATTER_MAX_CM = { width: 16, height: 12 } as const;
const BARS_MAX_CM = { width: 14, height: 7 } as const;

const NOT_AN_IMAGE = (what: string) => `${what}不是可识别的 PNG 或 JPEG 图片`;

/** A centred chart (kept with its caption) and the caption under it. */
function figure(bytes: Uint8Array, maxCm: { readonly width: number; readonly height: number }, caption: string, keepNext = false): Paragraph[] {
  const info = imageInfo(bytes);
  if (info === undefined) throw new Error(NOT_AN_IMAGE(caption));
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 40 },
      children: [new ImageRun({ type: info.type, data: bytes, transformation: fitImage(info, maxCm), altText: { name: caption, title: caption, description: caption } })],
    }),
    para(caption, { align: 'center', size: SIZES.小五, after: 160, line: 240, keepNext }),
  ];
}

const body = (text: string, extra: { keepNext?: boolean; before?: number } = {}) => para(text, { size: SIZES.五号, indentChars: 2, line: 300, ...extra });

/** 三、One block per item for the panel; figure numbers go on from `firstFigure`. */
function reviewSection(items: readonly ReportItem[], charts: ItemAnalysisCharts, firstFigure: number): FileChild[] {
  if (items.length === 0) return [body(T.noReview)];
  let figureNumber = firstFigure;
  return [
    body(T.reviewLead),
    ...items.flatMap((item) => {
      const chart = charts.distractorPngs.get(item.position);
      const out: FileChild[] = [heading(T.itemHeading(item), 2), reviewItemTable(item)];
      if (item.options.length > 0) out.push(para('', { size: SIZES.小五, after: 0, line: 240, keepNext: true }), optionTable(item));
      if (chart !== undefined) {
        out.push(...figure(chart, BARS_MAX_CM, T.barsCaption(figureNumber, item.position)));
        figureNumber += 1;
      } else {
        out.push(para('', { size: SIZES.小五, after: 120, line: 240 }));
      }
      return out;
    }),
  ];
}

/** The report as a docx Document. */
export function itemAnalysisDocument(input: ItemAnalysisDocxInput): ReturnType<typeof createDocument> {
  const { report, charts } = input;
  const { sitting } = report;
  const review = report.items.filter((i) => i.group === 'review');
  const notes = report.items.filter((i) => i.group === 'note');
  const small = sitting.statistics.candidates < THRESHOLDS.minSample;
  return createDocument({
    mark: input.mark,
    title: `${T.title}（${report.paperTitle} ${sitting.label}）`,
    children: [
      title(T.title, SIZES.二号),
      para(report.paperTitle, { font: 'heading', size: SIZES.四号, align: 'center', after: 60, keepNext: true }),
      para(T.sittingLine(sitting.label, sitting.heldOn, sitting.candidates), { size: SIZES.五号, align: 'center', after: 0, line: 300 }),
      para(T.madeOn(report.madeOn), { size: SIZES.五号, align: 'center', after: 200, line: 300 }),
      heading(T.sections.overview),
      overviewTable(report),
      ...(small ? [para(T.smallSample(sitting.statistics.candidates, THRESHOLDS.minSample), { font: 'note', size: SIZES.五号, before: 80, line: 300 })] : []),
      heading(T.sections.scatter),
      ...figure(charts.scatterPng, SCATTER_MAX_CM, T.scatterCaption(1), true),
      para(T.scatterNote, { font: 'note', size: SIZES.小五, line: 280, after: 120 }),
      heading(T.sections.review),
      ...reviewSection(review, charts, 2),
      heading(T.sections.note),
      ...(notes.length === 0 ? [body(T.noNote)] : [body(T.noteLead, { keepNext: true }), noteTable(notes)]),
      heading(T.sections.all),
      allItemsTable(report.items),
      heading(T.sections.notes),
      ...T.explanation.map((text, i) => body(text, { keepNext: i < T.explanation.length - 1 })),
    ],
  });
}

/** The report as .docx bytes. */
export async function itemAnalysisDocx(input: ItemAnalysisDocxInput): Promise<Uint8Array> {
  return packDocx(itemAnalysisDocument(input));
}
