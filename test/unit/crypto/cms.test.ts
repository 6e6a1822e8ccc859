import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPemOrDer, signDetached, toPem, verifyDetached } from '../../../crypto/cms.js';
import { certificateInfo, createCaCertificate, createCrl, generateRsaKey, issueCertificate, type SubjectName } from '../../../crypto/x509.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const notBefore = new Date(now.getTime() - DAY);
const notAfter = new Date(now.getTime() + 365 * DAY);
const signingTime = new Date(Math.floor(now.getTime() / 1000) * 1000 - HOUR);

/** Flips bits of one byte in place. */
const flip = (bytes: Buffer, index: number, mask: number): void => {
  bytes.writeUInt8(bytes.readUInt8(index) ^ mask, index);
};

const manifest = Buffer.from(JSON.stringify({ 题库: '电工（四级）', files: [{ name: 'items.json', sha256: 'ab'.repeat(32) }] }, null, 2));

let dir: string;
const caKey = generateRsaKey();
const signerKey = generateRsaKey();
const otherCaKey = generateRsaKey();
let caPem: string;
let signerPem: string; // 张三, serial 0a
let revokedPem: string; // 李四, serial 0b, listed in the CRL
let expiredPem: string; // serial 0c, valid 2020 only
let otherCaPem: string;
let otherSignerPem: string;
let crlPem: string;
let signature: Buffer;

const signerSubject: SubjectName = { commonName: '张三', organization: '某市职业技能鉴定指导中心', title: '审核员' };

function openssl(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function write(name: string, data: string | Uint8Array): string {
  writeFileSync(join(dir, name), data);
  return name;
}

/** `openssl cms -verify` of a detached DER signature; returns the exit status (and the messages in `output`). */
function opensslVerify(sig: string, content: string, ca: string, ...extra: string[]): number | null {
  const run = openssl('cms', '-verify', '-binary', '-inform', 'DER', '-in', sig, '-content', content, '-CAfile', ca, '-purpose', 'any', '-out', '/dev/null', ...extra);
  output = run.stdout + run.stderr;
  return run.status;
}
let output = '';

function sign(certificatePem: string, content: Uint8Array = manifest, privateKey = signerKey.privateKey, time = signingTime): Buffer {
  return signDetached({ content, certificatePem, privateKey, signingTime: time });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qbank-cms-'));
  caPem = createCaCertificate({ ...caKey, subject: { commonName: '题库工作站本机 CA' }, serialHex: '01', notBefore, notAfter });
  otherCaPem = createCaCertificate({ ...otherCaKey, subject: { commonName: '别的 CA' }, serialHex: '01', notBefore, notAfter });
  const issue = (caCertificatePem: string, caPrivateKey = caKey.privateKey) => (serialHex: string, subject: SubjectName, from = notBefore, to = notAfter) =>
    issueCertificate({ caCertificatePem, caPrivateKey, subjectPublicKeyPem: signerKey.publicKeyPem, subject, serialHex, notBefore: from, notAfter: to });
  signerPem = issue(caPem)('0a', signerSubject);
  revokedPem = issue(caPem)('0b', { commonName: '李四' });
  expiredPem = issue(caPem)('0c', { commonName: '王五' }, new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'));
  otherSignerPem = issue(otherCaPem, otherCaKey.privateKey)('0a', signerSubject);
  crlPem = createCrl({ caCertificatePem: caPem, caPrivateKey: caKey.privateKey, revoked: [{ serialHex: '0b', revokedAt: new Date(now.getTime() - 2 * HOUR) }], thisUpdate: new Date(now.getTime() - HOUR), nextUpdate: new Date(now.getTime() + 7 * DAY), crlNumber: 1 });
  signature = sign(signerPem);
  write('ca.pem', caPem);
  write('other-ca.pem', otherCaPem);
  write('signer.pem', signerPem);
  write('signer.key', signerKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  write('manifest.json', manifest);
  write('sig.p7s', signature);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('signDetached, checked by OpenSSL', () => {
  it('is accepted by openssl cms -verify, in DER and in PEM', () => {
    expect(opensslVerify('sig.p7s', 'manifest.json', 'ca.pem')).toBe(0);
    write('sig.pem', toPem(signature));
    expect(openssl('cms', '-verify', '-binary', '-inform', 'PEM', '-in', 'sig.pem', '-content', 'manifest.json', '-CAfile', 'ca.pem', '-purpose', 'any', '-out', '/dev/null').status).toBe(0);
  });

  it('is detached, SHA-256, with contentType, signingTime and messageDigest signed', () => {
    const printed = openssl('cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.p7s').stdout;
    expect(printed).toMatch(/eContent: <ABSENT>/);
    expect(printed).toContain('sha256');
    for (const attribute of ['contentType', 'signingTime', 'messageDigest']) expect(printed).toContain(attribute);
  });

  it('fails in OpenSSL after one byte of the content changes', () => {
    const tampered = Buffer.from(manifest);
    flip(tampered, 10, 0x01);
    write('tampered.json', tampered);
    expect(opensslVerify('sig.p7s', 'tampered.json', 'ca.pem')).not.toBe(0);
    expect(output).toContain('content verify error');
  });

  it('fails in OpenSSL with another CA', () => {
    expect(opensslVerify('sig.p7s', 'manifest.json', 'other-ca.pem')).not.toBe(0);
    expect(output).toContain('unable to get local issuer certificate');
  });

  it('fails in OpenSSL with -crl_check for a revoked signer, passes for the others', () => {
    // openssl cms has no -CRLfile (OpenSSL 3.0 reads it as an unknown cipher and fails for any signature):
    // the CRL goes into the -CAfile bundle
    write('ca-crl.pem', caPem + crlPem);
    write('revoked.p7s', sign(revokedPem));
    expect(opensslVerify('revoked.p7s', 'manifest.json', 'ca.pem')).toBe(0);
    expect(opensslVerify('revoked.p7s', 'manifest.json', 'ca-crl.pem', '-crl_check')).not.toBe(0);
    expect(output).toContain('certificate revoked');
    expect(opensslVerify('sig.p7s', 'manifest.json', 'ca-crl.pem', '-crl_check')).toBe(0);
  });

  it('refuses a private key that does not belong to the certificate', () => {
    expect(() => sign(signerPem, manifest, caKey.privateKey)).toThrow('私钥与证书不匹配');
  });
});

describe('verifyDetached', () => {
  const check = (cms: Uint8Array, extra: { content?: Uint8Array; caCertificatePem?: string; crlPem?: string; at?: Date } = {}) =>
    verifyDetached({ cms, content: manifest, caCertificatePem: caPem, ...extra });

  it('accepts a good signature and names the signer', () => {
    const result = check(signature, { crlPem });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.signers).toHaveLength(1);
    const info = certificateInfo(signerPem);
    expect(result.signers[0]).toEqual({
      ok: true,
      commonName: '张三',
      subject: signerSubject,
      serialHex: 'a',
      fingerprint256: info.fingerprint256,
      signingTime,
      problems: [],
    });
    expect(check(Buffer.from(toPem(signature)), { crlPem }).ok).toBe(true);
  });

  it('reports changed content as a messageDigest problem', () => {
    const tampered = Buffer.from(manifest);
    flip(tampered, tampered.length - 2, 0x20);
    const result = check(signature, { content: tampered });
    expect(result.ok).toBe(false);
    expect(result.signers[0]?.problems).toEqual(['内容摘要（messageDigest）与文件内容不符：文件已被改动']);
  });

  it('rejects flipped signature bytes', () => {
    const flipped = Buffer.from(signature);
    flip(flipped, flipped.length - 1, 0x01); // the signature value is the last field of the last SignerInfo
    const result = check(flipped);
    expect(result.ok).toBe(false);
    expect(result.signers[0]?.problems.join('\n')).toContain('签名值无效');
  });

  it('rejects a signer of another CA', () => {
    const result = check(sign(otherSignerPem, manifest, signerKey.privateKey));
    expect(result.ok).toBe(false);
    expect(result.signers[0]?.problems).toContain('签名者证书不是由指定的 CA 签发的');
    expect(check(signature, { caCertificatePem: otherCaPem }).ok).toBe(false);
  });

  it('rejects a revoked signer when the CRL is given', () => {
    const revoked = sign(revokedPem);
    expect(check(revoked).ok).toBe(true);
    const result = check(revoked, { crlPem });
    expect(result.ok).toBe(false);
    expect(result.signers[0]?.problems).toEqual([`证书已吊销（吊销时间 ${new Date(Math.floor((now.getTime() - 2 * HOUR) / 1000) * 1000).toISOString()}）`]);
  });

  it('rejects a certificate that had expired at the signing time, unless checked at an earlier `at`', () => {
    const expired = sign(expiredPem, manifest, signerKey.privateKey, new Date('2022-06-01T00:00:00Z'));
    const result = check(expired);
    expect(result.ok).toBe(false);
    expect(result.signers[0]?.problems.join('\n')).toContain('不在有效期内');
    expect(check(expired, { at: new Date('2020-06-01T00:00:00Z') }).problems).toEqual([]);
  });

  it('reports a CRL signed by another CA', () => {
    const foreign = createCrl({ caCertificatePem: otherCaPem, caPrivateKey: otherCaKey.privateKey, revoked: [], thisUpdate: notBefore, nextUpdate: notAfter, crlNumber: 1 });
    const result = check(signature, { crlPem: foreign });
    expect(result.ok).toBe(false);
    expect(result.signers[0]?.problems).toEqual(['吊销列表（CRL）不是由该 CA 签发的（签名无效）']);
    expect(check(signature, { crlPem: 'garbage' }).signers[0]?.problems).toEqual(['吊销列表（CRL）格式不正确']);
  });

  it('never throws on garbage', () => {
    const inputs = [Buffer.alloc(0), Buffer.from('garbage'), Buffer.from([0x30, 0x82, 0xff]), signature.subarray(0, 200), Buffer.from('-----BEGIN CMS-----\n!!\n-----END CMS-----')];
    for (const cms of inputs) {
      const result = check(cms);
      expect(result.ok).toBe(false);
      expect(result.signers).toEqual([]);
      expect(result.problems).toHaveLength(1);
    }
    expect(check(signature, { caCertificatePem: 'not a certificate' })).toEqual({ ok: false, signers: [], problems: ['CA 证书格式不正确'] });
    expect(check(signature, { caCertificatePem: signerPem }).problems).toEqual(['指定的 CA 证书不是 CA 证书（没有 CA:TRUE）']);
  });

  it('verifies signatures made by OpenSSL (more signed attributes; issuer+serial or key id)', () => {
    for (const keyId of [[], ['-keyid']]) {
      const run = openssl('cms', '-sign', '-binary', '-md', 'sha256', '-signer', 'signer.pem', '-inkey', 'signer.key', '-in', 'manifest.json', '-outform', 'DER', '-out', 'o.p7s', ...keyId);
      expect(run.status, run.stderr).toBe(0);
      const cms = readFileSync(join(dir, 'o.p7s'));
      expect(openssl('cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'o.p7s').stdout).toContain('1.2.840.113549.1.9.15'); // smimeCapabilities
      const result = check(cms, { crlPem });
      expect(result.problems).toEqual([]);
      expect(result.signers.map((s) => [s.ok, s.commonName, s.serialHex, s.problems])).toEqual([[true, '张三', 'a', []]]);
      expect(result.signers[0]?.signingTime).toBeInstanceOf(Date);
      const tampered = Buffer.from(manifest);
      flip(tampered, 0, 0x01);
      expect(check(cms, { content: tampered }).ok).toBe(false);
    }
  });

  it('refuses digest algorithms other than SHA-256', () => {
    const run = openssl('cms', '-sign', '-binary', '-md', 'sha384', '-signer', 'signer.pem', '-inkey', 'signer.key', '-in', 'manifest.json', '-outform', 'DER', '-out', 'sha384.p7s');
    expect(run.status, run.stderr).toBe(0);
    const result = check(readFileSync(join(dir, 'sha384.p7s')));
    expect(result.ok).toBe(false);
    expect(result.signers[0]?.problems.join('\n')).toContain('不支持的摘要算法（2.16.840.1.101.3.4.2.2）：只接受 SHA-256');
  });

  it('reads DER as it is and PEM of any label', () => {
    expect(fromPemOrDer(signature).equals(signature)).toBe(true);
    expect(fromPemOrDer(toPem(signature)).equals(signature)).toBe(true);
    expect(fromPemOrDer(Buffer.from(`\n${toPem(signature, 'PKCS7')}`)).equals(signature)).toBe(true);
  });
});
