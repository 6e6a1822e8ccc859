/**
 * Opening a package on any machine, without a workstation database (`qbank open-package`, the upload
 * station): the outer manifest's signature by a certificate of the workstation CA, the container's
 * structure (for an image: every byte outside the files), every file present with its exact size and
 * nothing else, every chunk authenticated, every file's SHA-256, the audit anchor's signature and, for a
 * submission, the panel's signatures (app/services/review/verify.ts). Files are decrypted into a
 * private staging folder beside the target and renamed into place only when everything checked out;
 * otherwise the staging folder is overwritten and removed. Nothing is written anywhere else.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { verifyDetached } from '../../../crypto/cms.js';
import { unwrapWithPrivateKey, unwrapWithSecret } from '../../../crypto/key-wrap.js';
import { createDecryptStream } from '../../../crypto/stream-cipher.js';
import { certificateInfo } from '../../../crypto/x509.js';
import {
  contentIndexOf,
  encryptedName,
  PACKAGE_CA,
  PACKAGE_CRL,
  PACKAGE_KIND_NAMES,
  PACKAGE_MANIFEST,
  PACKAGE_SIGNATURE,
  packageContentSchema,
  packageManifestSchema,
  safePackagePath,
  type PackageContent,
  type PackageKind,
  type PackageManifest,
} from '../../domain/package/format.js';
import type { z } from 'zod';
import { formatProblem, validate } from '../../domain/validation.js';
import { ServiceError } from '../errors.js';
import { wipeFolder } from '../output/wipe.js';
import { verifySubmissionFiles, type FolderVerification } from '../review/verify.js';
import { verifyAnchor, type AnchorCheck } from './anchor.js';
import { openContainer, type PackageContainer } from './container.js';
import { packageMessages as m } from './messages.js';

export type PackageKey =
  | { readonly privateKey: KeyObject; readonly certificatePem: string }
  | { readonly secret: string | Buffer }
  /** The workstation's own read-back right after writing, with the key still in memory. */
  | { readonly contentKey: Buffer };

export interface OpenOptions {
  /** The CA the receiver trusts (pinned); otherwise the package's own ca.pem, which the report says. */
  readonly caPem?: string;
  readonly crlPem?: string;
  /** Where to decrypt to (must not exist or be empty); absent: verify only, in memory. */
  readonly outDir?: string;
  readonly now?: Date;
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

export interface OpenedFile {
  readonly path: string;
  readonly bytes: number;
  readonly ok: boolean;
  readonly detail: string;
}

export interface PackageReport {
  readonly ok: boolean;
  readonly source: string;
  readonly container: 'iso' | 'folder';
  readonly kind: PackageKind | null;
  readonly kindName: string;
  readonly label: string;
  readonly packageId: string;
  readonly createdAt: string;
  readonly workstationId: string;
  readonly exportedBy: string;
  readonly signature: { readonly ok: boolean; readonly signer: string; readonly caSource: 'given' | 'package'; readonly caFingerprint: string };
  readonly files: readonly OpenedFile[];
  readonly anchor: AnchorCheck | null;
  readonly about: PackageContent['about'];
  readonly submission: FolderVerification | null;
  readonly problems: readonly string[];
  readonly outDir: string | null;
}

/** Small files of a submission kept in memory for the panel check; documents only hashed. */
const KEEP_BYTES = 4 * 1024 * 1024;

function sinkFor(target: string | null, keep: boolean): { tap: Transform; out: Writable; result: () => { sha256: string; bytes: number; data: Buffer | null } } {
  const hash = createHash('sha256');
  const parts: Buffer[] = [];
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _e, cb) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      if (keep && bytes <= KEEP_BYTES) parts.push(chunk);
      cb(null, chunk);
    },
  });
  const out = target ? createWriteStream(target, { mode: 0o600 }) : new Writable({ write: (_c, _e, cb) => cb() });
  return {
    tap,
    out,
    result: () => ({ sha256: hash.digest('hex'), bytes, data: keep && bytes <= KEEP_BYTES ? Buffer.concat(parts) : null }),
  };
}

function readManifest(c: PackageContainer, problems: string[]): { manifest: PackageManifest; bytes: Buffer } | null {
  if (!c.files.has(PACKAGE_MANIFEST)) {
    problems.push(m.missingFile(PACKAGE_MANIFEST));
    return null;
  }
  try {
    const bytes = c.readSmall(PACKAGE_MANIFEST);
    return { manifest: parseJson(packageManifestSchema, bytes), bytes };
  } catch (e) {
    problems.push(m.badManifest(PACKAGE_MANIFEST, (e as Error).message));
  }
  return null;
}

/** JSON checked against a schema; throws an Error whose message says why, in Chinese. */
function parseJson<S extends z.ZodType>(schema: S, bytes: Buffer): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Error(m.notJson);
  }
  const parsed = validate(schema, json);
  if (!parsed.ok) throw new Error(parsed.problems.slice(0, 3).map((p) => formatProblem(p)).join('；'));
  return parsed.value;
}

function checkSignature(c: PackageContainer, manifestBytes: Buffer, o: OpenOptions, problems: string[]): PackageReport['signature'] {
  const caPem = o.caPem ?? (c.files.has(PACKAGE_CA) ? c.readSmall(PACKAGE_CA).toString('utf8') : '');
  const crlPem = o.crlPem ?? (c.files.has(PACKAGE_CRL) ? c.readSmall(PACKAGE_CRL).toString('utf8') : undefined);
  const caSource = o.caPem === undefined ? ('package' as const) : ('given' as const);
  let caFingerprint = '';
  try {
    caFingerprint = certificateInfo(caPem).fingerprint256;
  } catch {
    problems.push(m.noCa);
    return { ok: false, signer: '', caSource, caFingerprint };
  }
  if (!c.files.has(PACKAGE_SIGNATURE)) {
    problems.push(m.missingFile(PACKAGE_SIGNATURE));
    return { ok: false, signer: '', caSource, caFingerprint };
  }
  const v = verifyDetached({
    cms: c.readSmall(PACKAGE_SIGNATURE),
    content: manifestBytes,
    caCertificatePem: caPem,
    ...(crlPem === undefined ? {} : { crlPem }),
    ...(o.now ? { at: o.now } : {}),
  });
  const signer = v.signers.map((s) => s.commonName).join('、');
  if (!v.ok) problems.push(m.badSignature(PACKAGE_MANIFEST, [...v.problems, ...v.signers.flatMap((s) => s.problems)].join('；')));
  return { ok: v.ok, signer, caSource, caFingerprint };
}

/** Every file the container should hold, with its exact size; anything else is extra. */
function checkContainer(c: PackageContainer, manifest: PackageManifest, problems: string[]): Set<string> {
  const expected = new Map<string, number>(manifest.files.map((f) => [f.name, f.encryptedBytes]));
  if (manifest.cms) expected.set(manifest.cms.name, manifest.cms.bytes);
  const usable = new Set<string>();
  for (const [name, size] of expected) {
    const actual = c.files.get(name);
    if (actual === undefined) problems.push(m.missingFile(name));
    else if (actual !== size) problems.push(m.wrongSize(name, size, actual));
    else usable.add(name);
  }
  const fixed = new Set([PACKAGE_MANIFEST, PACKAGE_SIGNATURE, PACKAGE_CA, PACKAGE_CRL]);
  for (const name of c.files.keys()) if (!expected.has(name) && !fixed.has(name)) problems.push(m.extraFile(name));
  return usable;
}

async function streamSha256(c: PackageContainer, name: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of c.stream(name)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function unwrapKey(manifest: PackageManifest, key: PackageKey): Buffer {
  if ('contentKey' in key) return key.contentKey;
  try {
    return 'secret' in key ? unwrapWithSecret(manifest.recipients, key.secret) : unwrapWithPrivateKey(manifest.recipients, key.privateKey, key.certificatePem);
  } catch (e) {
    throw new ServiceError(m.cannotUnwrap((e as Error).message));
  }
}

async function decryptTo(c: PackageContainer, manifest: PackageManifest, contentKey: Buffer, index: number, target: string | null, keep: boolean) {
  const sink = sinkFor(target, keep);
  const file = manifest.files.find((f) => f.index === index);
  await pipeline(
    c.stream(encryptedName(index)),
    createDecryptStream({ contentKey, packageId: Buffer.from(manifest.packageId, 'hex'), fileIndex: index, ...(file ? { expectedPlainSize: file.plainBytes } : {}) }),
    sink.tap,
    sink.out,
  );
  return sink.result();
}

const emptyReport = (c: PackageContainer, problems: string[]): PackageReport => ({
  ok: false,
  source: c.source,
  container: c.kind,
  kind: null,
  kindName: '',
  label: '',
  packageId: '',
  createdAt: '',
  workstationId: '',
  exportedBy: '',
  signature: { ok: false, signer: '', caSource: 'package', caFingerprint: '' },
  files: [],
  anchor: null,
  about: {},
  submission: null,
  problems,
  outDir: null,
});

function prepareStaging(outDir: string): string {
  const target = resolve(outDir);
  if (existsSync(target) && readdirSync(target).length > 0) throw new ServiceError(m.outNotEmpty(target));
  mkdirSync(dirname(target), { recursive: true });
  return mkdtempSync(join(dirname(target), `.${basename(target)}.opening-`));
}

export async function openPackage(source: string, key: PackageKey, o: OpenOptions = {}): Promise<PackageReport> {
  const c = openContainer(source);
  const problems: string[] = [...c.structureProblems()];
  const read = readManifest(c, problems);
  if (!read) return emptyReport(c, problems);
  const { manifest } = read;
  const signature = checkSignature(c, read.bytes, o, problems);
  const usable = checkContainer(c, manifest, problems);
  if (manifest.cms?.sha256 && usable.has(manifest.cms.name) && (await streamSha256(c, manifest.cms.name)) !== manifest.cms.sha256) problems.push(m.cmsMismatch(manifest.cms.name));
  const contentKey = unwrapKey(manifest, key);
  const staging = o.outDir ? prepareStaging(o.outDir) : null;
  let keepStaging = false;
  try {
    const contentIndex = contentIndexOf(manifest);
    const contentName = encryptedName(contentIndex);
    if (!usable.has(contentName)) {
      // a refusal always says why: the inner manifest (the last listed file) cannot be read
      if (problems.length === 0) problems.push(m.notReadable(contentName));
      return { ...emptyReport(c, problems), signature };
    }
    let content: PackageContent;
    try {
      const raw = await decryptTo(c, manifest, contentKey, contentIndex, null, true);
      content = parseJson(packageContentSchema, raw.data ?? Buffer.alloc(0));
    } catch (e) {
      problems.push(m.badContent(contentName, (e as Error).message));
      return { ...emptyReport(c, problems), signature };
    }
    if (content.packageId !== manifest.packageId || content.kind !== manifest.kind || content.files.some((f) => f.index >= contentIndex)) problems.push(m.contentMismatch);
    const files: OpenedFile[] = [];
    const small = new Map<string, Buffer>();
    const digests = new Map<string, { bytes: number; sha256: string }>();
    for (const f of content.files) {
      o.onProgress?.(files.length, content.files.length, f.path);
      const name = encryptedName(f.index);
      if (!safePackagePath(f.path)) {
        problems.push(m.badPath(f.path));
        continue;
      }
      if (!usable.has(name)) {
        files.push({ path: f.path, bytes: f.bytes, ok: false, detail: m.notReadable(name) });
        continue;
      }
      const target = staging ? join(staging, ...f.path.split('/')) : null;
      if (target) mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      try {
        const got = await decryptTo(c, manifest, contentKey, f.index, target, f.bytes <= KEEP_BYTES);
        digests.set(f.path, { bytes: got.bytes, sha256: got.sha256 });
        if (got.data) small.set(f.path, got.data);
        const ok = got.sha256 === f.sha256 && got.bytes === f.bytes;
        if (!ok) problems.push(m.hashMismatch(f.path, name));
        files.push({ path: f.path, bytes: got.bytes, ok, detail: ok ? '' : m.hashMismatch(f.path, name) });
      } catch (e) {
        const detail = m.decryptFailed(f.path, name, (e as Error).message);
        problems.push(detail);
        files.push({ path: f.path, bytes: f.bytes, ok: false, detail });
      }
    }
    const anchor = content.anchor ? verifyAnchor(content.anchor) : null;
    if (anchor && !anchor.ok) problems.push(...anchor.problems);
    const submission =
      content.kind === 'submission'
        ? verifySubmissionFiles(
            {
              label: o.outDir ?? source,
              paths: [...digests.keys()],
              digest: (p) => digests.get(p) as { bytes: number; sha256: string },
              read: (p) => {
                const b = small.get(p);
                if (!b) throw new ServiceError(m.fileTooLarge(p));
                return b;
              },
            },
            { ...(o.caPem ? { caPem: o.caPem } : {}), ...(o.crlPem ? { crlPem: o.crlPem } : {}), ...(o.now ? { now: o.now } : {}) },
          )
        : null;
    if (submission && !submission.ok) problems.push(...submission.problems.map((p) => m.panel(p)));
    const ok = problems.length === 0;
    if (ok && staging && o.outDir) {
      const target = resolve(o.outDir);
      if (existsSync(target)) rmdirSync(target);
      renameSync(staging, target);
      keepStaging = true;
    }
    return {
      ok,
      source: c.source,
      container: c.kind,
      kind: manifest.kind,
      kindName: PACKAGE_KIND_NAMES[manifest.kind],
      label: manifest.label,
      packageId: manifest.packageId,
      createdAt: manifest.createdAt,
      workstationId: manifest.workstationId,
      exportedBy: manifest.exportedBy,
      signature,
      files,
      anchor,
      about: content.about,
      submission,
      problems,
      outDir: ok && o.outDir ? resolve(o.outDir) : null,
    };
  } finally {
    if (staging && !keepStaging) wipeFolder(staging);
  }
}
