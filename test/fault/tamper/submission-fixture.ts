/**
 * The fixture of the package, iso, signature and certificate classes: the panel-signed submission of
 * test/integration/package (five experts' CMS signatures, ca.pem, crl.pem), copied before it is exported;
 * its encrypted package exported for an upload station as an ISO image (and the image's files as the
 * folder form of the package); then, as later events, an expert's and the exporter's certificates
 * revoked (the CRL a receiver would hold now), and a foreign CA that issues look-alike certificates.
 * Built once; every case copies what it alters, lazily, into a folder of its own.
 */
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { KeyObject } from 'node:crypto';
import { openIsoFile, readIsoDirectory, type IsoEntry } from '../../../media/iso/reader.js';
import { createCaCertificate, createCrl, generateRsaKey, issueCertificate } from '../../../crypto/x509.js';
import { invoke } from '../../../app/services/handler.js';
import { recipientKey } from '../../../app/services/package/handlers.js';
import { openPackage, type OpenOptions, type PackageKey } from '../../../app/services/package/open.js';
import { packageSigner } from '../../../app/services/package/signer.js';
import { handlers } from '../../../app/services/registry.js';
import { trustFiles } from '../../../app/services/review/certificates.js';
import { verifySubmissionFolder } from '../../../app/services/review/verify.js';
import type { TestWorkstation } from '../../helpers/workstation.js';
import { signedSubmission, uploadStation } from '../../integration/package/package-helpers.js';
import type { Verifier } from './harness.js';

export interface Signer {
  readonly certificatePem: string;
  readonly privateKey: KeyObject;
}

export interface SubmissionFixture {
  readonly dir: string;
  /** The signed submission folder as the panel left it. */
  readonly signed: string;
  /** The exported image, and its files as the folder form of the package. */
  readonly image: string;
  readonly pkg: string;
  readonly entries: readonly IsoEntry[];
  readonly key: PackageKey;
  /** The workstation CA, and its CRL as exported (before the revocations below). */
  readonly caPem: string;
  readonly crlPem: string;
  /** The CRL after `revokedExpert`'s and the exporter's certificates were revoked. */
  readonly crlNow: string;
  readonly revokedExpert: string;
  /** The exporting 题库管理员: a valid certificate of the workstation CA, not on the panel. */
  readonly exporter: Signer & { readonly name: string };
  /** Another CA (an attacker's) with its CRL, issuing certificates under any name. */
  readonly foreign: { readonly caPem: string; readonly crlPem: string; issue(commonName: string): Signer };
  /** The signature files of the folder (06_数字签名/NN_name.p7s) and the documents it lists. */
  readonly signatures: readonly string[];
  readonly documents: readonly string[];
}

function foreignCa(): SubmissionFixture['foreign'] {
  const from = new Date('2026-01-01T00:00:00Z');
  const to = new Date('2036-01-01T00:00:00Z');
  const ca = generateRsaKey(2048);
  const caPem = createCaCertificate({ privateKey: ca.privateKey, publicKeyPem: ca.publicKeyPem, subject: { commonName: '题库工作站 CA' }, serialHex: '01', notBefore: from, notAfter: to });
  const crlPem = createCrl({ caCertificatePem: caPem, caPrivateKey: ca.privateKey, revoked: [], thisUpdate: from, nextUpdate: to, crlNumber: 1 });
  let serial = 0x10;
  return {
    caPem,
    crlPem,
    issue: (commonName) => {
      const holder = generateRsaKey(2048);
      const certificatePem = issueCertificate({ caCertificatePem: caPem, caPrivateKey: ca.privateKey, subjectPublicKeyPem: holder.publicKeyPem, subject: { commonName }, serialHex: (serial++).toString(16), notBefore: from, notAfter: to });
      return { certificatePem, privateKey: holder.privateKey };
    },
  };
}

async function extractImage(image: string, entries: readonly IsoEntry[], into: string): Promise<void> {
  for (const e of entries.filter((x) => !x.isDirectory)) {
    const target = join(into, ...e.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    await pipeline(openIsoFile(image, e), createWriteStream(target));
  }
}

export async function buildSubmissionFixture(ws: TestWorkstation): Promise<SubmissionFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'qbank-tamper-submission-'));
  const s = await signedSubmission(ws);
  const signed = join(dir, 'signed');
  cpSync(s.folder, signed, { recursive: true });
  const trust = trustFiles(s.boss);
  const exporter = { ...packageSigner(s.boss), name: s.boss.actor.username };

  const station = uploadStation();
  const recipient = await invoke(s.sec, handlers['package.recipients.import'], { name: '上传站', purpose: '上传站', certificatePem: station.certificatePem });
  const discs = join(dir, 'discs');
  mkdirSync(discs);
  const out = await invoke(s.boss, handlers['package.export'], { bankId: s.bankId, recipientIds: [recipient.id], target: { dir: discs } });
  const entries = readIsoDirectory(out.image).entries;
  const pkg = join(dir, 'pkg');
  await extractImage(out.image, entries, pkg);

  // later: an expert's and the exporter's certificates are revoked; the receiver holds the new CRL
  const revokedExpert = 'shiji2';
  const certs = await invoke(s.sec, handlers['certs.list'], {});
  for (const who of [revokedExpert, s.boss.actor.username]) {
    const cert = certs.find((c) => c.username === who && c.status === '有效');
    if (!cert) throw new Error(`no certificate of ${who}`);
    await invoke(s.sec, handlers['certs.revoke'], { serial: cert.serial, reason: '测试：私钥泄露' });
  }
  const sigFolder = join(signed, '06_数字签名');
  return {
    dir,
    signed,
    image: out.image,
    pkg,
    entries,
    key: recipientKey({ p12: station.p12.toString('base64'), password: station.password }),
    caPem: trust.caPem,
    crlPem: trust.crlPem,
    crlNow: trustFiles(s.sec).crlPem,
    revokedExpert,
    exporter,
    foreign: foreignCa(),
    signatures: readdirSync(sigFolder).filter((f) => f.endsWith('.p7s')).sort().map((f) => `06_数字签名/${f}`),
    documents: [...s.hashes.keys()].filter((p) => !p.startsWith('06_') && p !== 'manifest.json' && p !== '清单.json'),
  };
}

/** One case's copy: each part copied on first use; options the receiver gives (`--ca`, `--crl`, a time). */
export interface SubmissionCopy {
  readonly fx: SubmissionFixture;
  readonly dir: string;
  folder(): string;
  pkg(): string;
  image(): string;
  options: { caPem?: string; crlPem?: string; now?: Date };
}

export function freshSubmissionCopy(fx: SubmissionFixture): SubmissionCopy {
  const dir = mkdtempSync(join(fx.dir, 'case-'));
  const lazy = (name: string, from: string) => {
    const to = join(dir, name);
    return () => {
      if (readdirSync(dir).includes(name)) return to;
      cpSync(from, to, { recursive: true });
      return to;
    };
  };
  return { fx, dir, folder: lazy('signed', fx.signed), pkg: lazy('pkg', fx.pkg), image: lazy('disc.iso', fx.image), options: {} };
}

export function releaseSubmissionCopy(copy: SubmissionCopy): void {
  rmSync(copy.dir, { recursive: true, force: true });
}

const report = (r: { ok: boolean; problems: readonly string[] }) => ({ ok: r.ok, problems: r.problems });

/** `qbank verify-signatures <folder> [--ca] [--crl]`: no workstation. */
export const verifySignatures: Verifier<SubmissionCopy> = {
  name: 'verify-signatures',
  run: (c) => report(verifySubmissionFolder(c.folder(), c.options)),
};

/** `qbank open-package <folder> --key …`: the upload station, the package in its folder form. */
export const openFolder: Verifier<SubmissionCopy> = {
  name: 'open-package（文件夹）',
  run: async (c) => report(await openPackage(c.pkg(), c.fx.key, c.options as OpenOptions)),
};

/** `qbank open-package <image.iso> --key …`: the upload station, the disc image. */
export const openImage: Verifier<SubmissionCopy> = {
  name: 'open-package（映像）',
  run: async (c) => report(await openPackage(c.image(), c.fx.key, c.options as OpenOptions)),
};
