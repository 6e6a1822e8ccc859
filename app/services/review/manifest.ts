/**
 * The manifest of a submission (app/domain/submission/manifest.ts), made from the files just written,
 * the bank, its latest review round and panel, and the latest signed audit checkpoint. Written as
 * `manifest.json` into the submission folder and recorded with the round: the panel signs exactly it.
 */
import { levelName } from '../../domain/level.js';
import { needsProvincialReview } from '../../domain/review/submissions.js';
import { manifestText, submissionManifestSchema, type ManifestFile, type SubmissionManifest } from '../../domain/submission/manifest.js';
import { personSchema } from '../../domain/person.js';
import { lastCheckpoint } from '../../store/repositories/audit-checkpoints.js';
import { getPerson } from '../../store/repositories/people.js';
import { latestRound, listPanel } from '../../store/repositories/review.js';
import { workstationId } from '../audit/keys.js';
import { requireBank } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { assignedSets } from './assignment.js';
import { SCAN_FILE } from './scans.js';

export const SIGNATURE_FOLDER = '06_数字签名';
export const CA_FILE = `${SIGNATURE_FOLDER}/ca.pem`;
export const CRL_FILE = `${SIGNATURE_FOLDER}/crl.pem`;

/** Files of the folder that are not documents of the submission (not listed in the manifest). */
export function notADocument(path: string): boolean {
  return path === 'manifest.json' || path === '清单.json' || path.startsWith(`${SIGNATURE_FOLDER}/`);
}

export function buildManifest(ctx: ServiceContext, bankId: number, files: readonly ManifestFile[]): SubmissionManifest {
  const bank = requireBank(ctx, bankId);
  const round = latestRound(ctx.db, bankId);
  const sets = assignedSets(ctx, bankId);
  const distinct = (kind: string) => new Set(sets.filter((s) => s.kind === kind).flatMap((s) => s.items.map((i) => i.itemId))).size;
  const panel = round
    ? listPanel(ctx.db, round.id).flatMap((p) => {
        const rec = getPerson(ctx.db, p.personId);
        if (!rec) return [];
        const person = personSchema.parse(rec);
        const category = p.category === '' ? person.expertRole : p.category;
        return category ? [{ name: person.name, unit: person.unit, title: person.title, category, leader: p.leader }] : [];
      })
    : [];
  const scan = files.find((f) => f.path === SCAN_FILE);
  const cp = lastCheckpoint(ctx.db);
  return submissionManifestSchema.parse({
    format: 'qbank-submission-manifest/1',
    workstationId: workstationId(ctx.db),
    createdAt: timestamp(ctx),
    bank: { id: bank.id, occupationCode: bank.occupationCode, occupationName: bank.occupationName, track: bank.track, level: bank.level, levelName: levelName(bank.level) },
    round: round?.round ?? null,
    provincialReview: needsProvincialReview(bank.level),
    counts: {
      theorySets: sets.filter((s) => s.kind === 'theory').length,
      practicalSets: sets.filter((s) => s.kind === 'practical').length,
      comprehensiveSets: sets.filter((s) => s.kind === 'comprehensive').length,
      theoryItems: distinct('theory'),
      practicalTasks: distinct('practical'),
      comprehensiveItems: distinct('comprehensive'),
    },
    panel,
    conclusion: round?.conclusion ?? '',
    files,
    scan: scan ? { path: scan.path, sha256: scan.sha256 } : null,
    auditCheckpoint: cp ? { seq: cp.seq, auditSeq: cp.auditSeq, auditHash: cp.auditHash, hash: cp.hash, at: cp.at, signer: cp.signer, keyId: cp.keyId } : null,
  });
}

export { manifestText };
