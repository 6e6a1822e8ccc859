/**
 * `qbank review …` after the verdicts: the authors' answers, the sets updated after the review, the
 * ink-signed scan, the sign-off status, each member's digital signature and the verification of a
 * signed folder with the workstation's CA. Added to the `review` group by extendGroup (main.ts).
 */
import { basename, resolve } from 'node:path';
import type { Feedback } from '../../services/review/feedback.js';
import type { SignOffStatus, SignResult } from '../../services/review/signoff.js';
import { SCAN_MAX_BYTES } from '../../services/import/file-bounds.js';
import { handlers } from '../../services/registry.js';
import { bankOption, intOption, readInput, stringOption, UsageError, type CommandContext, type OptionSpec } from '../command.js';
import { arg, call, type SubCommand } from '../group.js';
import { reviewSignoffText as T } from '../messages/review-signoff.js';
import { verifySignaturesText } from '../messages/verify-signatures.js';
import { requiredRound, roundOption } from './review.js';
import { verificationLines } from './verify-signatures.js';

const optionalRound = (ctx: CommandContext) => {
  const roundId = roundOption(ctx);
  return roundId === undefined ? {} : { roundId };
};

function feedbackLines(f: Feedback): string[] {
  return [
    T.feedbackTitle(f.round, f.entries.length, f.open),
    ...f.entries.map((e) => {
      const line = T.feedbackLine(e.kind === 'verdict' ? '--verdict' : '--note', e.id, e.expert, e.target, e.verdict, e.text, e.answer);
      return e.latestVersion !== null && e.version !== null && e.latestVersion > e.version ? `${line}\t${T.nowAt(e.latestVersion, e.state)}` : line;
    }),
  ];
}

/** `--verdict <id>` or `--note <id>`: which kind of comment is answered. */
function answered(ctx: CommandContext): { kind: 'verdict' | 'note'; id: number } {
  const verdict = stringOption(ctx, 'verdict');
  const note = stringOption(ctx, 'note');
  if ((verdict === undefined) === (note === undefined)) throw new UsageError(T.answerModes);
  return verdict !== undefined ? { kind: 'verdict', id: intOption(ctx, 'verdict', 0) } : { kind: 'note', id: intOption(ctx, 'note', 0) };
}

function required(ctx: CommandContext, name: string, message: string): number {
  if (stringOption(ctx, name) === undefined) throw new UsageError(message);
  return intOption(ctx, name, 0);
}

function statusLines(st: SignOffStatus): string[] {
  const r = st.round;
  return [
    T.statusTitle(r.round, r.id, st.signed ? T.stateSigned : st.ready ? T.stateReady : T.stateBlocked),
    T.statusScan(st.scan ? T.scanText(st.scan.fileName, st.scan.sha256) : T.missing),
    T.statusManifest(st.manifest ? T.manifestText(st.manifest.sha256, st.manifest.folder) : T.notGenerated),
    T.statusSigned(st.signatures.map((s) => T.signedBy(s.name, s.signedAt))),
    T.statusUnsigned(st.unsigned),
    ...(st.blockers.length === 0 ? [] : [T.blockersTitle, ...st.blockers.map(T.blocker)]),
  ];
}

/** The whole verification once every member has signed; before, how far the signing has come. */
function signLines(r: SignResult): string[] {
  if (r.signed) return [T.signedFile(r.file, r.manifestSha256), ...verificationLines(r.verification, T.workstationCa), T.roundClosed];
  const v = r.verification;
  const files = v.files.filter((f) => f.status === 'ok').length;
  return [T.signedFile(r.file, r.manifestSha256), T.signedSoFar(v.signatures.filter((x) => x.ok).length, files, v.files.length), T.othersToSign];
}

export const reviewSignoffSubcommands: readonly SubCommand[] = [
  {
    name: 'feedback',
    usage: T.feedbackUsage,
    summary: T.feedbackSummary,
    run: async (ctx, s) => void (await call(ctx, s, handlers['review.feedback'], { bankId: bankOption(ctx), ...optionalRound(ctx) }, feedbackLines)),
  },
  {
    name: 'answer',
    usage: T.answerUsage,
    summary: T.answerSummary,
    run: async (ctx, s) =>
      void (await call(ctx, s, handlers['review.answer'], { bankId: bankOption(ctx), roundId: requiredRound(ctx), ...answered(ctx), answer: stringOption(ctx, 'answer') ?? '' }, (f) => [
        T.answered(f.open),
      ])),
  },
  {
    name: 'blockers',
    usage: T.blockersUsage,
    summary: T.blockersSummary,
    run: async (ctx, s) =>
      void (await call(ctx, s, handlers['review.blockers'], { bankId: bankOption(ctx) }, (list) =>
        list.length === 0 ? [T.noBlockers] : list.map((b) => T.blockerLine(b.paperId, b.itemId, b.message)),
      )),
  },
  {
    name: 'replace',
    usage: T.replaceUsage,
    summary: T.replaceSummary,
    run: async (ctx, s) => {
      const bankId = bankOption(ctx);
      const input = { bankId, paperId: required(ctx, 'paper', T.missingPaper), itemId: required(ctx, 'item', T.missingItem) };
      const withItemId = stringOption(ctx, 'with') === undefined ? undefined : intOption(ctx, 'with', 0);
      await call(ctx, s, handlers['review.replace'], { ...input, ...(withItemId !== undefined ? { withItemId } : {}) }, (r) => [r.change, T.replaced(r.paperId, r.replaced, r.runId, bankId)]);
    },
  },
  {
    name: 'scan',
    usage: T.scanUsage,
    summary: T.scanSummary,
    run: async (ctx, s) => {
      const bankId = bankOption(ctx);
      const roundId = requiredRound(ctx);
      const file = stringOption(ctx, 'file');
      if (file === undefined || file === '') throw new UsageError(T.missingFile);
      const bytes = readInput(ctx, file, SCAN_MAX_BYTES);
      await call(ctx, s, handlers['review.scan.attach'], { bankId, roundId, fileName: basename(file), bytes }, (r) => [
        T.scanned(r.id, r.fileName, r.format, r.pages, r.sha256),
        T.scanNext(bankId),
      ]);
    },
  },
  {
    name: 'scans',
    usage: T.scansUsage,
    summary: T.scansSummary,
    run: async (ctx, s) =>
      void (await call(ctx, s, handlers['review.scan.list'], { bankId: bankOption(ctx), ...optionalRound(ctx) }, (list) =>
        list.length === 0 ? [T.noScans] : list.map((x, i) => T.scanLine(x.id, x.fileName, x.format, x.pages, x.bytes, x.sha256, x.attachedAt, x.attachedBy, i === list.length - 1)),
      )),
  },
  {
    name: 'status',
    usage: T.statusUsage,
    summary: T.statusSummary,
    run: async (ctx, s) => void (await call(ctx, s, handlers['review.status'], { bankId: bankOption(ctx), ...optionalRound(ctx) }, statusLines)),
  },
  {
    name: 'sign',
    usage: T.signUsage,
    summary: T.signSummary,
    run: async (ctx, s) =>
      void (await call(ctx, s, handlers['review.sign'], { bankId: bankOption(ctx), roundId: requiredRound(ctx) }, signLines)),
  },
  {
    name: 'verify',
    usage: T.verifyUsage,
    summary: T.verifySummary,
    run: async (ctx, s, args) => {
      const folder = resolve(ctx.io.cwd, arg(args, 0, verifySignaturesText.folder));
      const v = await call(ctx, s, handlers['review.verify'], { folder }, (out) => verificationLines(out, T.workstationCa));
      return v.ok ? 0 : 1;
    },
  },
];

export const reviewSignoffOptions: OptionSpec = {
  note: { type: 'string' },
  answer: { type: 'string' },
  paper: { type: 'string' },
  with: { type: 'string' },
};
