/**
 * `qbank verify-signatures <folder>`: checks a signed submission folder on any machine — no workstation,
 * no login, no database (like `occupations`, a plain command outside the login plumbing). It runs the
 * same check as `review verify` (verifySubmissionFolder) and exits 0 only when everything holds.
 * `verificationLines` is also what `review sign` and `review verify` print.
 */
import { resolve } from 'node:path';
import { verifySubmissionFolder, type FolderVerification } from '../../services/review/verify.js';
import { readInput, stringOption, type Command, type CommandContext } from '../command.js';
import { arg } from '../group.js';
import { verifySignaturesText as T } from '../messages/verify-signatures.js';

/** Largest CA certificate or CRL read (PEM): far above any real one. */
const PEM_MAX_BYTES = 4 * 1024 * 1024;

/** The report: the material, the CA and where it came from, the CRL, every signer, every file not as listed, the problems. */
export function verificationLines(v: FolderVerification, givenCa: string = T.caGiven): string[] {
  const badFiles = v.files.filter((f) => f.status !== 'ok');
  return [
    T.material(v.manifest.bank, v.manifest.round, v.manifest.sha256),
    T.ca(v.ca.subject, v.ca.fingerprint, v.ca.source === 'given' ? givenCa : T.caFolder),
    ...(v.ca.source === 'folder' && v.ca.fingerprint !== '' ? [T.caPinNote] : []),
    T.crl(v.crl.present, v.crl.ok, v.crl.number, v.crl.revoked),
    T.signaturesTitle(v.signatures.length),
    ...v.signatures.flatMap((s) => [T.signature(s.file, s.commonName, s.serialHex, s.signingTime ?? '—', s.ok), ...s.problems.map(T.signatureProblem)]),
    T.filesTitle(v.files.length - badFiles.length, v.files.length),
    ...badFiles.map((f) => T.file(f.path, f.status, 'detail' in f ? f.detail : '')),
    ...(v.problems.length === 0 ? [] : [T.problemsTitle(v.problems.length), ...v.problems.map(T.problem)]),
    v.ok ? T.passed : T.failed(v.problems.length),
  ];
}

function pemOption(ctx: CommandContext, name: string): string | undefined {
  const path = stringOption(ctx, name);
  return path === undefined ? undefined : Buffer.from(readInput(ctx, path, PEM_MAX_BYTES)).toString('utf8');
}

export const verifySignaturesCommand: Command = {
  name: 'verify-signatures',
  summary: T.summary,
  help: T.help,
  options: { ca: { type: 'string' }, crl: { type: 'string' }, json: { type: 'boolean' } },
  run(ctx) {
    const folder = resolve(ctx.io.cwd, arg(ctx.positionals, 0, T.folder));
    const caPem = pemOption(ctx, 'ca');
    const crlPem = pemOption(ctx, 'crl');
    const v = verifySubmissionFolder(folder, { ...(caPem !== undefined ? { caPem } : {}), ...(crlPem !== undefined ? { crlPem } : {}) });
    ctx.io.out(ctx.values.json === true ? `${JSON.stringify(v, null, 2)}\n` : verificationLines(v).map((l) => `${l}\n`).join(''));
    return Promise.resolve(v.ok ? 0 : 1);
  },
};
