/**
 * Valid disc packages to mutate, built like format.test.ts does (planPackage + writePackageFolder) and
 * carrying a signed submission (crypto-seeds.ts), so that opening one runs every check: the outer
 * manifest's signature, the file set, every chunk, the inner manifest and the panel's signatures. The
 * same package as an ISO 9660 image (media/iso/writer.ts), and the manifest cases: the outer manifest
 * (PACKAGE.json) and the inner one (the last encrypted file, encrypted again with the package's key)
 * with mutated values, the outer one signed again by the exporter half the time — what a workstation
 * whose signing key was misused could write, so the checks behind the signature are reached too.
 */
import type { KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { encryptedName, packageJsonText, type PackageManifest } from '../../../app/domain/package/format.js';
import { fileInMemory, planPackage, writePackageFolder, type PackagePlan } from '../../../app/services/package/build.js';
import { signDetached } from '../../../crypto/cms.js';
import { encryptChunks, encryptedSize } from '../../../crypto/stream-cipher.js';
import { writeIso } from '../../../media/iso/writer.js';
import { jsonText } from './cases.js';
import { submissionFolder, type FileSet, type Pki } from './crypto-seeds.js';
import { jsonOp, mutateJson, type JsonOp } from './mutate.js';
import { FUZZ_NOW } from './targets.js';
import type { FuzzInput } from './verdict.js';

export interface PackageSeed {
  readonly pki: Pki;
  readonly plan: PackagePlan;
  /** The package folder's files. */
  readonly folder: FileSet;
  /** The same package as an ISO image. */
  readonly iso: Uint8Array;
  /** What the child needs to open it: the recipient's key and certificate (PEM). */
  readonly setup: Readonly<Record<string, string>>;
}

function readFolder(root: string): FileSet {
  const out: FileSet = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) visit(abs);
      else out.push([relative(root, abs).split(sep).join('/'), new Uint8Array(readFileSync(abs))]);
    }
  };
  visit(root);
  return out;
}

async function isoOf(files: FileSet, date: Date): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  const out = new Writable({ write: (chunk: Buffer, _e, cb) => (parts.push(chunk), cb()) });
  const sources = files.map(([path, bytes]) => ({ path, size: bytes.byteLength, open: () => Readable.from([Buffer.from(bytes)]) }));
  await writeIso(sources, { volumeId: '机密★试题审核备案报送', pvdVolumeId: 'QBANK_SUB', publisher: 'WS-FUZZ', application: 'QBANK', date }, out);
  return new Uint8Array(Buffer.concat(parts));
}

/** A submission package for one RSA recipient (with its key), written into `dir` and read back into memory. */
export async function packageSeed(dir: string, pki: Pki, holder: { readonly certificatePem: string; readonly privateKey: KeyObject }): Promise<PackageSeed> {
  const exporter = pki.signers[2] as Pki['signers'][number];
  const plan = planPackage({
    kind: 'submission',
    label: '制图员四级 第1次审核',
    secrecy: '机密★',
    workstationId: 'WS-FUZZ',
    createdAt: FUZZ_NOW,
    files: submissionFolder(pki).map(([path, bytes]) => fileInMemory(path, bytes)),
    about: { bank: '制图员（机械）四级', round: 1 },
    anchor: null,
    certificates: [holder.certificatePem],
    signer: { certificatePem: exporter.certificatePem, privateKey: exporter.privateKey, caPem: pki.caPem, crlPem: pki.crlPem, name: exporter.name },
  });
  await writePackageFolder(plan, join(dir, 'pkg'));
  const folder = readFolder(join(dir, 'pkg'));
  return {
    pki,
    plan,
    folder,
    iso: await isoOf(folder, FUZZ_NOW),
    setup: { privateKeyPem: holder.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), certificatePem: holder.certificatePem },
  };
}

/** Names a file copied into the package folder may take: a file the manifest does not list, or one in a new folder. */
export const PACKAGE_EXTRA_NAMES = ['data/000099.qbe', 'data/extra.txt', 'data/x/000000.qbe', 'PACKAGE.json.bak', 'cms/submission.tar.p7m', '附件6/说明.txt'];

export interface ManifestCase {
  readonly outer: readonly JsonOp[];
  readonly inner: readonly JsonOp[];
  /** Sign the mutated outer manifest again with the exporter's key. */
  readonly resign: boolean;
  readonly compact: boolean;
  readonly variant: number;
}

export const manifestCases: fc.Arbitrary<ManifestCase> = fc
  .record({
    outer: fc.array(jsonOp, { maxLength: 3 }),
    inner: fc.array(jsonOp, { maxLength: 3 }),
    resign: fc.boolean(),
    compact: fc.boolean(),
    variant: fc.nat(999),
  })
  .filter((c) => c.outer.length + c.inner.length > 0);

async function encrypt(plan: PackagePlan, index: number, plain: Uint8Array): Promise<Uint8Array> {
  const pieces: Buffer[] = [];
  const chunkSize = plan.manifest.chunkSize;
  for await (const piece of encryptChunks({ contentKey: plan.contentKey, packageId: plan.packageId, fileIndex: index, chunkSize })(Readable.from([Buffer.from(plain)]))) pieces.push(piece);
  return new Uint8Array(Buffer.concat(pieces));
}

/**
 * The package with its manifests mutated: the inner one encrypted again (the outer one's sizes follow
 * it, so the change is found by what reads it, not by a size check), the outer one signed again or not.
 */
export async function buildManifestCase(seed: PackageSeed, c: ManifestCase): Promise<FuzzInput> {
  const files = new Map(seed.folder);
  const outer = structuredClone(seed.plan.manifest) as PackageManifest & { files: { plainBytes: number; encryptedBytes: number }[] };
  if (c.inner.length > 0) {
    const index = outer.files.length - 1;
    const plain = Buffer.from(jsonText(mutateJson(seed.plan.content, c.inner), c.compact), 'utf8');
    files.set(encryptedName(index), await encrypt(seed.plan, index, plain));
    const entry = outer.files[index];
    if (entry) Object.assign(entry, { plainBytes: plain.byteLength, encryptedBytes: encryptedSize(plain.byteLength, outer.chunkSize) });
  }
  const text = c.outer.length > 0 || c.inner.length > 0 ? (c.outer.length > 0 ? jsonText(mutateJson(outer, c.outer), c.compact) : packageJsonText(outer)) : seed.plan.manifestText;
  files.set('PACKAGE.json', new Uint8Array(Buffer.from(text, 'utf8')));
  if (c.resign) {
    const exporter = seed.pki.signers[2] as Pki['signers'][number];
    files.set('PACKAGE.p7s', new Uint8Array(signDetached({ content: Buffer.from(text, 'utf8'), certificatePem: exporter.certificatePem, privateKey: exporter.privateKey, signingTime: FUZZ_NOW })));
  }
  return { files: [...files], variant: c.variant };
}
