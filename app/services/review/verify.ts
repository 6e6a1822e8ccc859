/**
 * Checks a signed submission folder on any machine, without a workstation database
 * (`qbank verify-signatures <folder>`): the manifest parses; every document it lists is there with its
 * SHA-256 and nothing else is; every signature in 06_数字签名/ is a valid detached CMS over the exact
 * bytes of manifest.json by a certificate of the CA, not revoked by the CRL; and every panel member the
 * manifest names has signed. The CA is the one given (a fingerprint pinned by the receiver) or, failing
 * that, the folder's own ca.pem — which proves integrity against that CA only, and the report says so.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { verifyDetached, type CmsSignerResult } from '../../../crypto/cms.js';
import { certificateInfo, crlSignedBy, parseCrl } from '../../../crypto/x509.js';
import { checkFiles, submissionManifestSchema, type FileCheck, type SubmissionManifest } from '../../domain/submission/manifest.js';
import { formatProblem, validate } from '../../domain/validation.js';
import { CA_FILE, CRL_FILE, notADocument, SIGNATURE_FOLDER } from './manifest.js';
import { verifyMessages as m } from './verify-messages.js';

/** Bounds of the walk: a folder of a submission has hundreds of files, not millions. */
const MAX_FILES = 20_000;
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface SignatureReport extends Omit<CmsSignerResult, 'signingTime'> {
  readonly file: string;
  readonly signingTime: string | null;
}

export interface FolderVerification {
  readonly ok: boolean;
  readonly folder: string;
  readonly manifest: { readonly ok: boolean; readonly sha256: string; readonly round: number | null; readonly bank: string };
  readonly ca: { readonly source: 'given' | 'folder'; readonly fingerprint: string; readonly subject: string };
  readonly crl: { readonly present: boolean; readonly ok: boolean; readonly number: number | null; readonly revoked: number };
  readonly signatures: readonly SignatureReport[];
  readonly files: readonly FileCheck[];
  /** Everything wrong, in Chinese, each naming its file or signer. */
  readonly problems: readonly string[];
}

function walk(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const st = lstatSync(abs);
      const rel = relative(root, abs).split(sep).join('/');
      if (st.isSymbolicLink()) throw new Error(m.symlink(rel));
      if (st.isDirectory()) visit(abs);
      else if (st.isFile()) {
        if (st.size > MAX_FILE_BYTES) throw new Error(m.tooLarge(rel));
        out.set(rel, abs);
        if (out.size > MAX_FILES) throw new Error(m.tooMany(MAX_FILES));
      }
    }
  };
  visit(root);
  return out;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * What the check reads: the folder's files (or a package's decrypted files, app/services/package/open.ts)
 * as relative paths, each document's size and SHA-256, and the bytes of the small files the check opens
 * (manifest.json, ca.pem, crl.pem, the .p7s signatures).
 */
export interface SubmissionFiles {
  readonly label: string;
  readonly paths: readonly string[];
  digest(path: string): { bytes: number; sha256: string };
  read(path: string): Buffer;
}

function folderFiles(folder: string): SubmissionFiles {
  const paths = walk(folder);
  const abs = (rel: string) => paths.get(rel) as string;
  return {
    label: folder,
    paths: [...paths.keys()],
    digest: (rel) => {
      const b = readFileSync(abs(rel));
      return { bytes: b.byteLength, sha256: sha256(b) };
    },
    read: (rel) => readFileSync(abs(rel)),
  };
}

export function verifySubmissionFolder(folder: string, options: { caPem?: string; crlPem?: string; now?: Date } = {}): FolderVerification {
  let source: SubmissionFiles;
  try {
    source = folderFiles(folder);
  } catch (e) {
    const message = e instanceof Error && 'code' in e ? m.unreadable(folder) : e instanceof Error ? e.message : String(e);
    return { ok: false, folder, manifest: { ok: false, sha256: '', round: null, bank: '' }, ca: { source: 'folder', fingerprint: '', subject: '' }, crl: { present: false, ok: false, number: null, revoked: 0 }, signatures: [], files: [], problems: [message] };
  }
  return verifySubmissionFiles(source, options);
}

export function verifySubmissionFiles(source: SubmissionFiles, options: { caPem?: string; crlPem?: string; now?: Date } = {}): FolderVerification {
  const folder = source.label;
  const problems: string[] = [];
  const present = new Set(source.paths);
  const readIf = (rel: string): Buffer | undefined => (present.has(rel) ? source.read(rel) : undefined);
  const manifestBytes = readIf('manifest.json');
  let manifest: SubmissionManifest | undefined;
  if (!manifestBytes) problems.push(m.noManifest);
  else {
    try {
      const parsed = validate(submissionManifestSchema, JSON.parse(manifestBytes.toString('utf8')));
      if (parsed.ok) manifest = parsed.value;
      else problems.push(m.badManifest(parsed.problems.slice(0, 3).map((p) => formatProblem(p)).join('；')));
    } catch {
      problems.push(m.badManifest(m.notJson));
    }
  }

  const found = new Map<string, { bytes: number; sha256: string }>();
  for (const rel of source.paths) if (!notADocument(rel)) found.set(rel, source.digest(rel));
  const files = manifest ? checkFiles(manifest.files, found, notADocument) : [];
  for (const f of files) if (f.status !== 'ok') problems.push(m.file(f.path, f.status, f.detail));
  if (manifest && manifest.scan === null) problems.push(m.noScan);
  if (manifest?.scan && !manifest.files.some((f) => f.path === manifest?.scan?.path && f.sha256 === manifest.scan.sha256)) problems.push(m.scanNotListed(manifest.scan.path));

  const caGiven = options.caPem !== undefined;
  const caPem = options.caPem ?? readIf(CA_FILE)?.toString('utf8') ?? '';
  let ca = { source: caGiven ? ('given' as const) : ('folder' as const), fingerprint: '', subject: '' };
  if (caPem === '') problems.push(m.noCa);
  else {
    try {
      const info = certificateInfo(caPem);
      ca = { ...ca, fingerprint: info.fingerprint256, subject: info.subject.commonName };
      if (!info.isCa) problems.push(m.notCa);
    } catch {
      problems.push(m.badCa);
    }
  }
  const crlPem = options.crlPem ?? readIf(CRL_FILE)?.toString('utf8');
  let crl = { present: crlPem !== undefined, ok: false, number: null as number | null, revoked: 0 };
  if (crlPem !== undefined && ca.fingerprint !== '') {
    try {
      const parsed = parseCrl(crlPem);
      crl = { present: true, ok: crlSignedBy(crlPem, caPem), number: parsed.crlNumber, revoked: parsed.revoked.length };
      if (!crl.ok) problems.push(m.crlNotByCa);
    } catch {
      problems.push(m.badCrl);
    }
  } else if (crlPem === undefined) problems.push(m.noCrl);

  const signatures: SignatureReport[] = [];
  const sigFiles = source.paths.filter((p) => p.startsWith(`${SIGNATURE_FOLDER}/`) && p.endsWith('.p7s'));
  // the signature folder holds signatures, the CA and its CRL, nothing else (it is not in the manifest)
  for (const p of source.paths) if (p.startsWith(`${SIGNATURE_FOLDER}/`) && !sigFiles.includes(p) && p !== CA_FILE && p !== CRL_FILE) problems.push(m.file(p, '多余', m.notSignature));
  if (sigFiles.length === 0) problems.push(m.noSignatures);
  for (const file of sigFiles) {
    if (!manifestBytes || ca.fingerprint === '') break;
    const result = verifyDetached({
      cms: source.read(file),
      content: manifestBytes,
      caCertificatePem: caPem,
      ...(crl.ok && crlPem !== undefined ? { crlPem } : {}),
      ...(options.now ? { at: options.now } : {}),
    });
    if (result.signers.length === 0) {
      signatures.push({ file, ok: false, commonName: '', subject: { commonName: '' }, serialHex: '', fingerprint256: '', signingTime: null, problems: [...result.problems] });
      problems.push(m.signature(file, '', result.problems));
    }
    for (const s of result.signers) {
      signatures.push({ ...s, file, signingTime: s.signingTime ? s.signingTime.toISOString() : null });
      if (!s.ok) problems.push(m.signature(file, s.commonName, s.problems));
    }
  }
  if (manifest) {
    const signedBy = new Set(signatures.filter((s) => s.ok).map((s) => s.commonName));
    const missing = manifest.panel.filter((p) => !signedBy.has(p.name)).map((p) => p.name);
    if (missing.length > 0) problems.push(m.missingSigners(missing));
    const panelNames = new Set(manifest.panel.map((p) => p.name));
    for (const s of signatures) if (s.ok && !panelNames.has(s.commonName)) problems.push(m.notOnPanel(s.file, s.commonName));
  }
  return {
    ok: problems.length === 0,
    folder,
    manifest: {
      ok: manifest !== undefined,
      sha256: manifestBytes ? sha256(manifestBytes) : '',
      round: manifest?.round ?? null,
      bank: manifest ? `${manifest.bank.occupationName}${manifest.bank.track ? `（${manifest.bank.track}）` : ''}${manifest.bank.levelName}` : '',
    },
    ca,
    crl,
    signatures,
    files,
    problems,
  };
}
