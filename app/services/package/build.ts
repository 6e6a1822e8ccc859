/**
 * Making a package (app/domain/package/format.ts) from plaintext files: one pass reads and hashes every
 * file (the inner manifest needs the hashes), then the files are encrypted as the ISO writer (or the
 * folder writer) pulls them — no plaintext is written anywhere, and nothing is held whole in memory.
 * Encrypted sizes are a function of plaintext sizes, so the outer manifest and the image's layout are
 * known before a byte is encrypted. The content key stays in memory for the write-then-verify pass.
 */
import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { signDetached } from '../../../crypto/cms.js';
import { wrapForCertificate, wrapForSecret } from '../../../crypto/key-wrap.js';
import { encryptChunks, encryptedSize } from '../../../crypto/stream-cipher.js';
import { encryptFileInWorker } from '../../../crypto/stream-cipher-worker.js';
import type { IsoFileSource } from '../../../media/iso/writer.js';
import {
  encryptedName,
  PACKAGE_CA,
  PACKAGE_CONTENT_FORMAT,
  PACKAGE_CRL,
  PACKAGE_FORMAT,
  PACKAGE_MANIFEST,
  PACKAGE_SIGNATURE,
  packageContentSchema,
  packageJsonText,
  packageManifestSchema,
  safePackagePath,
  type PackageAnchor,
  type PackageContent,
  type PackageKind,
  type PackageManifest,
  type PackageRecipient,
} from '../../domain/package/format.js';
import { ServiceError } from '../errors.js';
import { packageMessages as m } from './messages.js';

export const DEFAULT_CHUNK = 1024 * 1024;

/**
 * A plaintext file to carry: its path inside the package and how to read it. The pieces `open` yields
 * may share one buffer: a consumer uses each piece before asking for the next.
 */
export interface PlainFile {
  readonly path: string;
  readonly size: number;
  open(): AsyncIterable<Uint8Array>;
  /** The file on disk, when it is one: a large one is then read and encrypted in a worker thread. */
  readonly abs?: string;
}

/** Files from this size on are encrypted in a worker thread (crypto/stream-cipher-worker.ts). */
export const WORKER_FROM = 4 * 1024 * 1024;

/**
 * Reads a file in DEFAULT_CHUNK pieces into one reused buffer: no fresh memory per read (a stream's
 * fresh 1 MiB buffers cost a page fault per 4 KiB and a garbage collection every few reads).
 */
async function* readPieces(abs: string): AsyncGenerator<Buffer> {
  const file = await open(abs, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(DEFAULT_CHUNK);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

export function fileOnDisk(path: string, abs: string): PlainFile {
  return { path, size: statSync(abs).size, open: () => readPieces(abs), abs };
}

export function fileInMemory(path: string, bytes: Uint8Array): PlainFile {
  return { path, size: bytes.byteLength, open: () => Readable.from([Buffer.from(bytes)]) };
}

export interface PackageSigner {
  readonly certificatePem: string;
  readonly privateKey: KeyObject;
  readonly caPem: string;
  readonly crlPem: string;
  readonly name: string;
}

export interface PackageInput {
  readonly kind: PackageKind;
  readonly label: string;
  readonly secrecy: string;
  readonly workstationId: string;
  readonly createdAt: Date;
  readonly files: readonly PlainFile[];
  readonly about: PackageContent['about'];
  readonly anchor: PackageAnchor | null;
  /** Certificates (PEM) the content key is wrapped for, and/or a secret (the workstation's, for backups). */
  readonly certificates: readonly string[];
  readonly secret?: { readonly value: string | Buffer; readonly label: string };
  readonly signer: PackageSigner;
  /** A CMS EnvelopedData file (already written, ciphertext) to carry beside the package. */
  readonly cms?: { readonly name: string; readonly path: string; readonly sha256?: string; readonly cipher: string; readonly recipients: readonly string[] } | null;
  readonly chunkSize?: number;
}

/**
 * A package ready to be written: every file of the container with its exact size and a way to produce
 * it, in path order (the inner manifest, last, is complete once the files before it were read).
 */
export interface PackagePlan {
  readonly manifest: PackageManifest;
  readonly content: PackageContent;
  readonly manifestText: string;
  readonly entries: readonly IsoFileSource[];
  readonly contentKey: Buffer;
  readonly packageId: Buffer;
}

/**
 * Hashes the plaintext as it is read on its way to the cipher and reports the digest at its end; a file
 * whose size changed since it was listed fails the write.
 */
async function* hashWhileReading(source: AsyncIterable<Uint8Array>, path: string, expected: number, done: (sha256: string) => void): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const piece of source) {
    hash.update(piece);
    bytes += piece.byteLength;
    if (bytes > expected) break;
    yield piece;
  }
  if (bytes !== expected) throw new ServiceError(m.sizeChanged(path));
  done(hash.digest('hex'));
}

const bytesSource = (path: string, bytes: Uint8Array): IsoFileSource => ({ path, size: bytes.byteLength, open: () => Readable.from([Buffer.from(bytes)]) });

const PLACEHOLDER = '0'.repeat(64);

/**
 * Builds both manifests, wraps the key and signs: everything but the encryption, which runs as the
 * writer pulls the files. One pass: each file is hashed on its way to the cipher, and the inner
 * manifest — the last file of the package, written after all the others — carries the hashes. Its size
 * is known beforehand because a SHA-256 is always 64 hex digits.
 */
export function planPackage(input: PackageInput): PackagePlan {
  const chunkSize = input.chunkSize ?? DEFAULT_CHUNK;
  const seen = new Set<string>();
  for (const f of input.files) {
    if (!safePackagePath(f.path)) throw new ServiceError(m.badPath(f.path));
    if (seen.has(f.path)) throw new ServiceError(m.duplicatePath(f.path));
    seen.add(f.path);
  }
  if (input.certificates.length === 0 && !input.secret) throw new ServiceError(m.noRecipient);
  const contentKey = randomBytes(32);
  const packageId = randomBytes(16);
  const contentIndex = input.files.length;
  const content: PackageContent = packageContentSchema.parse({
    format: PACKAGE_CONTENT_FORMAT,
    packageId: packageId.toString('hex'),
    kind: input.kind,
    files: input.files.map((f, index) => ({ index, path: f.path, bytes: f.size, sha256: PLACEHOLDER })),
    about: input.about,
    anchor: input.anchor,
  });
  const contentSize = Buffer.byteLength(packageJsonText(content), 'utf8');
  const hashed = new Set<number>();
  const contentFile: PlainFile = {
    path: 'content.json',
    size: contentSize,
    open: () => {
      if (hashed.size !== input.files.length) throw new ServiceError(m.contentTooEarly);
      const bytes = Buffer.from(packageJsonText(packageContentSchema.parse(content)), 'utf8');
      if (bytes.byteLength !== contentSize) throw new ServiceError(m.contentTooEarly);
      return Readable.from([bytes]);
    },
  };
  const recipients: PackageRecipient[] = input.certificates.map((pem) => wrapForCertificate(contentKey, pem) as PackageRecipient);
  if (input.secret) recipients.push(wrapForSecret(contentKey, input.secret.value, input.secret.label) as PackageRecipient);
  const plains = [...input.files, contentFile];
  const encrypted = plains.map((p, index) => ({ index, name: encryptedName(index), plainBytes: p.size, encryptedBytes: encryptedSize(p.size, chunkSize) }));
  const cmsSize = input.cms ? statSync(input.cms.path).size : 0;
  const manifest = packageManifestSchema.parse({
    format: PACKAGE_FORMAT,
    packageId: packageId.toString('hex'),
    kind: input.kind,
    label: input.label,
    secrecy: input.secrecy,
    createdAt: input.createdAt.toISOString(),
    workstationId: input.workstationId,
    exportedBy: input.signer.name,
    chunkSize,
    recipients,
    files: encrypted,
    cms: input.cms
      ? { name: input.cms.name, bytes: cmsSize, ...(input.cms.sha256 ? { sha256: input.cms.sha256 } : {}), cipher: input.cms.cipher, recipients: [...input.cms.recipients] }
      : null,
  });
  const manifestText = packageJsonText(manifest);
  const signature = signDetached({ content: Buffer.from(manifestText, 'utf8'), certificatePem: input.signer.certificatePem, privateKey: input.signer.privateKey, signingTime: input.createdAt });
  const encryptedEntry = (p: PlainFile, index: number): IsoFileSource => ({
    path: encryptedName(index),
    size: encryptedSize(p.size, chunkSize),
    open: () => {
      const keys = { contentKey, packageId, fileIndex: index, chunkSize };
      if (index === contentIndex) return encryptChunks(keys)(p.open());
      const record = (sha256: string) => {
        const f = content.files[index];
        if (f) content.files[index] = { ...f, sha256 };
        hashed.add(index);
      };
      if (p.abs !== undefined && p.size >= WORKER_FROM) {
        return encryptFileInWorker({ ...keys, path: p.abs, size: p.size, changed: () => new ServiceError(m.sizeChanged(p.path)), onDigest: record });
      }
      return encryptChunks(keys)(hashWhileReading(p.open(), p.path, p.size, record));
    },
  });
  const entries: IsoFileSource[] = [
    bytesSource(PACKAGE_MANIFEST, Buffer.from(manifestText, 'utf8')),
    bytesSource(PACKAGE_SIGNATURE, signature),
    bytesSource(PACKAGE_CA, Buffer.from(input.signer.caPem, 'utf8')),
    ...(input.signer.crlPem ? [bytesSource(PACKAGE_CRL, Buffer.from(input.signer.crlPem, 'utf8'))] : []),
    ...plains.map(encryptedEntry),
  ];
  if (input.cms) {
    const abs = input.cms.path;
    entries.push({ path: input.cms.name, size: cmsSize, open: () => createReadStream(abs, { highWaterMark: DEFAULT_CHUNK }) });
  }
  return { manifest, content, manifestText, entries, contentKey, packageId };
}

/** Writes the package as a plain folder (for a burning station that makes its own image, and tests). */
export async function writePackageFolder(plan: PackagePlan, dir: string): Promise<void> {
  // in path order, as the image is written: the inner manifest comes after the files it lists
  for (const e of [...plan.entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const target = join(dir, ...e.path.split('/'));
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    await pipeline(e.open(), createWriteStream(target, { mode: 0o600 }));
  }
}
