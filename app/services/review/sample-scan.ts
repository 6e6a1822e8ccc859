/**
 * A stand-in for the panel's ink-signed scan, for the demo and the GUI tests only: the 审核意见 of the bank's
 * latest round drawn as a photographed page with a scribble in each signature cell
 * (templates/svg/review-scan-page.ts), rasterised to a PNG. Nobody signs with it: a real submission
 * carries the scan of the printed, hand-signed form.
 */
import { beijingDate } from '../../domain/person.js';
import { markText } from '../../domain/submission/marking.js';
import { rasteriseSvg } from '../../readers/svg/rasterise.js';
import { reviewScanPageSvg } from '../../../templates/svg/review-scan-page.js';
import type { ServiceContext } from '../context.js';
import { reviewOpinionData, submissionSource } from '../documents/gather.js';
import { getMarkingPolicy } from '../policy/read.js';

export async function sampleSignedScan(ctx: ServiceContext, bankId: number): Promise<Uint8Array> {
  const src = submissionSource(ctx, bankId);
  // the page carries the mark the printed 审核意见 carries (its document class)
  const header = { ...src.header, mark: markText('reviewOpinion', src.bank.secrecy, getMarkingPolicy(ctx.db)) };
  const png = await rasteriseSvg(reviewScanPageSvg(reviewOpinionData({ ...src, header }), beijingDate(ctx.now())));
  return png.png;
}
