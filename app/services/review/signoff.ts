/**
 * The sign-off of a round: what still blocks it (the panel rules, missing verdicts and conclusions, the
 * 审核组长's conclusion, sets still carrying rejected or unrevised items, the ink-signed scan, the
 * generated submission), and each member's digital signature — a detached CMS over the exact bytes of
 * the submission's manifest.json, made with the member's certificate key and written into
 * 06_数字签名/ beside the CA certificate and the latest CRL. When every member has signed, the round is
 * closed (nothing of it changes any more).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { signDetached } from '../../../crypto/cms.js';
import { sha256Hex } from '../../../crypto/digest.js';
import { unjudged } from '../../domain/review/verdicts.js';
import { getPerson } from '../../store/repositories/people.js';
import { listConclusions, listPanel, listVerdicts, markRoundSigned, type RoundRecord } from '../../store/repositories/review.js';
import { insertSignature, listSignatures, type ScanRecord } from '../../store/repositories/review-records.js';
import { requireBank } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { PermissionDeniedError, ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { writeOutputFile } from '../output/write.js';
import { assignedSets, assignment } from './assignment.js';
import { certificateMessages } from './certificate-messages.js';
import { openWrappedKey, trustFiles, usableCertificate } from './certificates.js';
import { roundView, type RoundView } from './handlers.js';
import { CA_FILE, CRL_FILE, SIGNATURE_FOLDER } from './manifest.js';
import { reviewMessages as m } from './messages.js';
import { requirePanelMember, roundOfBank } from './rounds.js';
import { currentScan } from './scans.js';
import { currentBlockers } from './sets.js';
import { verifySubmissionFolder, type FolderVerification } from './verify.js';

export interface SignOffStatus {
  readonly round: RoundView;
  readonly scan: ScanRecord | null;
  readonly manifest: { readonly sha256: string; readonly folder: string } | null;
  readonly signatures: readonly { readonly personId: number; readonly name: string; readonly signedAt: string; readonly serial: string }[];
  readonly unsigned: readonly string[];
  /** Everything that keeps the panel from signing (Chinese); [] = ready. */
  readonly blockers: readonly string[];
  readonly ready: boolean;
  readonly signed: boolean;
}

const nameOf = (ctx: ServiceContext, id: number) => getPerson(ctx.db, id)?.name ?? `#${String(id)}`;

export function signOffStatus(ctx: ServiceContext, round: RoundRecord): SignOffStatus {
  const view = roundView(ctx, round);
  const blockers: string[] = [...view.panel.problems];
  const panel = listPanel(ctx.db, round.id);
  const work = assignment(assignedSets(ctx, round.bankId));
  const verdicts = listVerdicts(ctx.db, round.id);
  for (const p of panel) {
    const left = unjudged(work, verdicts.filter((v) => v.personId === p.personId), verdicts).length;
    if (left > 0) blockers.push(m.unjudged(nameOf(ctx, p.personId), left));
  }
  const concluded = new Set(listConclusions(ctx.db, round.id).map((c) => c.personId));
  const missing = panel.filter((p) => !concluded.has(p.personId)).map((p) => nameOf(ctx, p.personId));
  if (missing.length > 0) blockers.push(m.missingConclusions(missing));
  if (round.conclusion === '') blockers.push(m.noConclusion(round.round));
  blockers.push(...currentBlockers(ctx, round.bankId).map((b) => b.message));
  const scan = currentScan(ctx, round.id)?.record ?? null;
  if (!scan) blockers.push(m.noScan);
  if (round.manifestSha256 === '') blockers.push(m.noManifest);
  const signatures = round.manifestSha256 === '' ? [] : listSignatures(ctx.db, round.id, round.manifestSha256);
  const signedIds = new Set(signatures.map((s) => s.personId));
  return {
    round: view,
    scan,
    manifest: round.manifestSha256 === '' ? null : { sha256: round.manifestSha256, folder: round.manifestFolder },
    signatures: signatures.map((s) => ({ personId: s.personId, name: nameOf(ctx, s.personId), signedAt: s.signedAt, serial: s.serial })),
    unsigned: panel.filter((p) => !signedIds.has(p.personId)).map((p) => nameOf(ctx, p.personId)),
    blockers,
    ready: blockers.length === 0,
    signed: round.signedAt !== '',
  };
}

export interface SignResult {
  /** The signature file, relative to the submission folder. */
  readonly file: string;
  readonly manifestSha256: string;
  /** The folder checked again after signing. */
  readonly verification: FolderVerification;
  /** Every member has signed: the round is closed. */
  readonly signed: boolean;
}

/** `01_张三.p7s`: the member's place on the panel and name. */
function signatureFile(position: number, name: string): string {
  return `${SIGNATURE_FOLDER}/${String(position).padStart(2, '0')}_${name.replace(/[\\/:*?"<>|\s]/g, '_')}.p7s`;
}

const bankId = z.number().int().positive();

export const signOffHandlers = handlerMap(
  defineHandler({
    name: 'review.status',
    summary: '查看审核签署进度',
    input: z.object({ bankId, roundId: z.number().int().positive().optional() }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    run: (ctx, input): SignOffStatus => {
      requireBank(ctx, input.bankId);
      return signOffStatus(ctx, roundOfBank(ctx, input.bankId, input.roundId));
    },
  }),
  defineHandler({
    name: 'review.sign',
    summary: '审核专家数字签名（签署报送清单）',
    input: z.object({ bankId, roundId: z.number().int().positive() }),
    roles: ['reviewer'],
    register: '存档',
    bank: bankOf('reviewer'),
    objects: (i, out: SignResult) => [`reviewRound:${i.roundId}`, `file:${out.file}`, `sha256:${out.manifestSha256}`],
    run: (ctx, input): SignResult => {
      const round = roundOfBank(ctx, input.bankId, input.roundId);
      if (round.signedAt !== '') throw new ServiceError(m.signed(round.round));
      const me = requirePanelMember(ctx, round);
      const status = signOffStatus(ctx, round);
      if (!status.ready) throw new ServiceError(`${m.cannotSign}\n${status.blockers.map((b) => `- ${b}`).join('\n')}`);
      if (status.signatures.some((s) => s.personId === me.personId)) throw new ServiceError(m.alreadySigned);
      const folder = round.manifestFolder;
      const manifestPath = join(folder, 'manifest.json');
      if (!existsSync(manifestPath)) throw new ServiceError(m.manifestMissing(folder));
      const manifest = readFileSync(manifestPath);
      if (sha256Hex(manifest) !== round.manifestSha256) throw new ServiceError(m.manifestChanged(folder));
      // sign only what still matches: every document as listed (signatures and trust files aside)
      const trust = trustFiles(ctx);
      const check = verifySubmissionFolder(folder, { caPem: trust.caPem, crlPem: trust.crlPem });
      const broken = check.files.filter((f) => f.status !== 'ok');
      if (broken.length > 0) throw new ServiceError(m.folderChanged(broken.map((f) => `${f.path}（${f.status}）`)));
      if (ctx.actor.id === null) throw new PermissionDeniedError(certificateMessages.noSigner);
      const cert = usableCertificate(ctx, ctx.actor.id);
      if (!cert) throw new ServiceError(certificateMessages.noUsable(ctx.actor.username));
      const cms = signDetached({ content: manifest, certificatePem: cert.certificatePem, privateKey: openWrappedKey(ctx, cert), signingTime: ctx.now() });
      const position = listPanel(ctx.db, round.id).findIndex((p) => p.personId === me.personId) + 1;
      const file = signatureFile(position, nameOf(ctx, me.personId));
      writeOutputFile(ctx, folder, CA_FILE, trust.caPem, { classified: false });
      writeOutputFile(ctx, folder, CRL_FILE, trust.crlPem, { classified: false });
      writeOutputFile(ctx, folder, file, cms, { classified: false });
      const at = timestamp(ctx);
      insertSignature(ctx.db, { roundId: round.id, personId: me.personId, serial: cert.serial, manifestSha256: round.manifestSha256, cms, signedAt: at });
      const after = signOffStatus(ctx, round);
      if (after.unsigned.length === 0) markRoundSigned(ctx.db, round.id, at);
      return { file, manifestSha256: round.manifestSha256, verification: verifySubmissionFolder(folder, { caPem: trust.caPem, crlPem: trust.crlPem }), signed: after.unsigned.length === 0 };
    },
  }),
  defineHandler({
    name: 'review.verify',
    summary: '校验报送材料的数字签名',
    input: z.object({ folder: z.string().trim().min(1) }),
    roles: ['manager', 'reviewer', 'secadmin', 'auditor'],
    register: '',
    detail: (i, out: FolderVerification) => `${i.folder}：${out.ok ? '通过' : `${String(out.problems.length)} 个问题`}`,
    run: (ctx, input): FolderVerification => {
      const ca = (() => {
        try {
          return trustFiles(ctx);
        } catch {
          return undefined;
        }
      })();
      return verifySubmissionFolder(input.folder, ca ? { caPem: ca.caPem, crlPem: ca.crlPem } : {});
    },
  }),
);
