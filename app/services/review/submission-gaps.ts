/**
 * What the review adds to the gaps of a submission (documents.generate), and the manifest recorded with
 * the round so the panel signs exactly the folder that was written.
 */
import { sha256Hex } from '../../../crypto/digest.js';
import { latestRound, setRoundManifest } from '../../store/repositories/review.js';
import type { ServiceContext } from '../context.js';
import { roundView } from './handlers.js';
import { reviewMessages as m } from './messages.js';
import { currentBlockers } from './sets.js';

/** Gaps in Chinese: the scan, the panel rules, the conclusion, sets still to update. */
export function reviewGaps(ctx: ServiceContext, bankId: number, hasScan: boolean): string[] {
  const gaps: string[] = [];
  const round = latestRound(ctx.db, bankId);
  if (!hasScan) gaps.push(m.scanGap);
  if (!round) return gaps;
  gaps.push(...roundView(ctx, round).panel.problems);
  if (round.conclusion === '') gaps.push(m.noConclusion(round.round));
  gaps.push(...currentBlockers(ctx, bankId).map((b) => b.message));
  return gaps;
}

/** Records the manifest just written with the bank's open round (a signed round keeps its own). */
export function recordManifest(ctx: ServiceContext, bankId: number, manifest: string, folder: string): void {
  const round = latestRound(ctx.db, bankId);
  if (!round || round.signedAt !== '' || manifest === '') return;
  setRoundManifest(ctx.db, round.id, manifest, sha256Hex(manifest), folder);
}
