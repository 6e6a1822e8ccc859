/**
 * Valid signed material to mutate, made with the workstation's own crypto (crypto/x509.ts, cms.ts,
 * pkcs12.ts): a CA with its CRL, two panel members' signing certificates, a signed submission folder
 * (documents, manifest.json listing them, the scan, ca.pem, crl.pem and one detached signature per
 * member in 06_数字签名/), and recipient certificates (RSA from pkcs12.ts, EC from openssl when it is
 * installed) as package.recipients.import takes them.
 */
import { execFileSync } from 'node:child_process';
import { createHash, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { submissionManifestSchema, type SubmissionManifest } from '../../../app/domain/submission/manifest.js';
import { CA_FILE, CRL_FILE, SIGNATURE_FOLDER } from '../../../app/services/review/manifest.js';
import { SCAN_FILE } from '../../../app/services/review/scans.js';
import { signDetached } from '../../../crypto/cms.js';
import { createRecipientCertificate } from '../../../crypto/pkcs12.js';
import { createCaCertificate, createCrl, generateRsaKey, issueCertificate } from '../../../crypto/x509.js';
import { FUZZ_NOW } from './targets.js';

const FROM = new Date('2026-01-01T00:00:00Z');
const TO = new Date('2030-01-01T00:00:00Z');

export interface Signer {
  readonly name: string;
  readonly certificatePem: string;
  readonly privateKey: KeyObject;
}

export interface Pki {
  readonly caPem: string;
  readonly caKey: KeyObject;
  readonly crlPem: string;
  /** Two panel members, then the exporting 题库管理员. */
  readonly signers: readonly Signer[];
}

export function makePki(): Pki {
  const ca = generateRsaKey(2048);
  const caPem = createCaCertificate({ privateKey: ca.privateKey, publicKeyPem: ca.publicKeyPem, subject: { commonName: '测试工作站 CA', organization: '某鉴定中心' }, serialHex: '01', notBefore: FROM, notAfter: TO });
  // one key for the three certificates: key generation is the slow part of the seeds, and nothing here
  // tells signers apart by their key
  const key = generateRsaKey(2048);
  const signers = ['陈静', '王强', '导出人'].map((name, k) => {
    const certificatePem = issueCertificate({ caCertificatePem: caPem, caPrivateKey: ca.privateKey, subjectPublicKeyPem: key.publicKeyPem, subject: { commonName: name, title: '审核专家' }, serialHex: `1${k}`, notBefore: FROM, notAfter: TO });
    return { name, certificatePem, privateKey: key.privateKey };
  });
  // one revoked serial that belongs to nobody here: the CRL is read, its entries compared
  const crlPem = createCrl({ caCertificatePem: caPem, caPrivateKey: ca.privateKey, revoked: [{ serialHex: '7f', revokedAt: FROM }], thisUpdate: FROM, nextUpdate: TO, crlNumber: 3 });
  return { caPem, caKey: ca.privateKey, crlPem, signers };
}

export type FileSet = [string, Uint8Array][];
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A submission folder the panel (the first two signers) signed: verifySubmissionFiles accepts it. */
export function submissionFolder(pki: Pki): FileSet {
  const documents: FileSet = [
    ['01_题库编制说明.docx', bytes('编制说明'.repeat(20))],
    ['02_考核要素细目表/1_理论知识考核要素细目表.xlsx', bytes('细目表')],
    [SCAN_FILE, bytes('%PDF-1.7\n扫描件\n%%EOF\n')],
  ];
  const files = documents.map(([path, b]) => ({ path, part: path.split('/')[0] ?? '', bytes: b.byteLength, sha256: sha256(b) }));
  const panel = pki.signers.slice(0, 2).map((s, k) => ({ name: s.name, unit: '某鉴定中心', title: '高级技师', category: k === 0 ? ('方法专家' as const) : ('内容专家' as const), leader: k === 0 }));
  const manifest: SubmissionManifest = submissionManifestSchema.parse({
    format: 'qbank-submission-manifest/1',
    workstationId: 'WS-FUZZ',
    createdAt: FUZZ_NOW.toISOString(),
    bank: { id: 1, occupationCode: '3-01-02-07', occupationName: '制图员', track: '机械', level: 4, levelName: '四级/中级工' },
    round: 1,
    provincialReview: false,
    counts: { theorySets: 3, practicalSets: 3, comprehensiveSets: 0, theoryItems: 510, practicalTasks: 9, comprehensiveItems: 0 },
    panel,
    conclusion: '同意报送',
    files,
    scan: { path: SCAN_FILE, sha256: files[2]?.sha256 ?? '' },
    auditCheckpoint: null,
  });
  const manifestBytes = bytes(`${JSON.stringify(manifest, null, 2)}\n`);
  const signatures: FileSet = pki.signers.slice(0, 2).map((s) => [`${SIGNATURE_FOLDER}/${s.name}.p7s`, new Uint8Array(signDetached({ content: manifestBytes, certificatePem: s.certificatePem, privateKey: s.privateKey, signingTime: FUZZ_NOW }))]);
  return [...documents, ['manifest.json', manifestBytes], [CA_FILE, bytes(pki.caPem)], [CRL_FILE, bytes(pki.crlPem)], ...signatures];
}

/** One signature with what it is checked against: the signature first (mutated most often). */
export function signatureSet(pki: Pki, folder: FileSet): FileSet {
  const find = (name: string) => folder.find(([n]) => n === name)?.[1] ?? new Uint8Array();
  return [
    ['signature.p7s', find(`${SIGNATURE_FOLDER}/${pki.signers[0]?.name ?? ''}.p7s`)],
    ['manifest.json', find('manifest.json')],
    ['ca.pem', find(CA_FILE)],
    ['crl.pem', find(CRL_FILE)],
  ];
}

export interface Recipient {
  readonly certificatePem: string;
  /** Absent for the EC certificate (made by openssl, only read). */
  readonly privateKey?: KeyObject;
}

/** An EC P-256 certificate with keyUsage keyAgreement, made by openssl; undefined when openssl is not installed. */
export function ecCertificate(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'qbank-fuzz-ec-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'ec.key'), '-out', join(dir, 'ec.pem'), '-subj', '/CN=存档/O=省鉴定中心', '-utf8', '-days', '30', '-addext', 'keyUsage=critical,keyAgreement'], { stdio: 'pipe' });
    return readFileSync(join(dir, 'ec.pem'), 'utf8');
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Certificates package.recipients.import accepts: RSA 2048 (with its key) and, with openssl, EC P-256. */
export function recipientCertificates(): Recipient[] {
  const rsa = createRecipientCertificate({ subject: { commonName: '上传站', organization: '省鉴定中心' }, bits: 2048, notBefore: FROM });
  const ec = ecCertificate();
  return ec === undefined ? [rsa] : [rsa, { certificatePem: ec }];
}

/** Tokens of PEM text and of the JSON files. */
export const PEM_TOKENS = ['-----BEGIN CERTIFICATE-----\n', '\n-----END CERTIFICATE-----\n', '-----BEGIN CMS-----\n', '-----BEGIN X509 CRL-----\n', '\r\n', '\n', ' ', '=', '==', 'A', '/', '+', '\u0000', 'MIIB', 'MA==', '-----', '"', ',', '{', '}', '[', ']', ':', 'null', '1e999', '-1', '"../x"'];

/** The same certificate's DER, mutated with byte operations and wrapped in PEM again (certificate cases). */
export function pemOfDer(der: Uint8Array, label = 'CERTIFICATE'): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function derOfPem(pem: string): Uint8Array {
  return new Uint8Array(Buffer.from(pem.replace(/-----[A-Z0-9 ]+-----/g, '').replace(/\s+/g, ''), 'base64'));
}
