/**
 * The item-analysis report of a sitting (`results.report`): the report data (report-data.ts), its
 * charts drawn as SVG (templates/svg/item-analysis-charts.ts) and rasterised to PNG (the bounded
 * resvg child of app/readers/svg), then the docx and the xlsx (templates/…/item-analysis.ts) under the
 * bank's secrecy mark — they show the flagged items' stems and keys — written through the output layer.
 */
import { itemAnalysisDocx } from '../../../templates/docx/item-analysis.js';
import { difficultyDiscriminationSvg, distractorBarsSvg, hasDistractorChart } from '../../../templates/svg/item-analysis-charts.js';
import { itemAnalysisXlsx } from '../../../templates/xlsx/item-analysis.js';
import type { SittingRecord } from '../../domain/analysis/records.js';
import { bankTitle } from '../../domain/bank.js';
import { secrecyMark } from '../../domain/secrecy.js';
import { rasteriseSvg } from '../../readers/svg/rasterise.js';
import type { BankRecord } from '../../store/repositories/banks.js';
import type { ServiceContext } from '../context.js';
import { writeOutputFile, type WrittenFile } from '../output/write.js';
import { sittingReportData } from './report-data.js';

/** Width of the charts' PNGs: 16 cm at about 250 dpi. */
const CHART_WIDTH_PX = 1600;

export interface SittingReportFiles {
  readonly docx: WrittenFile;
  readonly xlsx: WrittenFile;
}

export async function writeSittingReport(ctx: ServiceContext, bank: BankRecord, sitting: SittingRecord, outDir: string): Promise<SittingReportFiles> {
  const report = sittingReportData(ctx.db, bank, sitting, ctx.now());
  const scatterPng = (await rasteriseSvg(difficultyDiscriminationSvg(report), { widthPx: CHART_WIDTH_PX })).png;
  const distractorPngs = new Map<number, Uint8Array>();
  for (const item of report.items.filter((i) => i.group === 'review' && hasDistractorChart(i))) {
    distractorPngs.set(item.position, (await rasteriseSvg(distractorBarsSvg(item), { widthPx: CHART_WIDTH_PX })).png);
  }
  const mark = secrecyMark(bank.secrecy);
  const docx = await itemAnalysisDocx({ mark, report, charts: { scatterPng, distractorPngs } });
  const xlsx = await itemAnalysisXlsx({ mark, report });
  const stem = `${bankTitle(bank).replace(/[/\\]/g, '_')}_第${sitting.id}场试题分析报告`;
  return {
    docx: writeOutputFile(ctx, outDir, `${stem}.docx`, docx, { classified: true }),
    xlsx: writeOutputFile(ctx, outDir, `${stem}.xlsx`, xlsx, { classified: true }),
  };
}
