import { spawnSync } from 'node:child_process';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateInfo,
  createCaCertificate,
  createCrl,
  crlSignedBy,
  generateRsaKey,
  issueCertificate,
  parseCrl,
  type SubjectName,
} from '../../../crypto/x509.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const notBefore = new Date(now.getTime() - DAY);
const notAfter = new Date(now.getTime() + 365 * DAY);
const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** Flips bits of one byte in place. */
const flip = (bytes: Buffer, index: number, mask: number): void => {
  bytes.writeUInt8(bytes.readUInt8(index) ^ mask, index);
};

const caSubject: SubjectName = { commonName: '题库工作站本机 CA', organization: '某市职业技能鉴定指导中心' };
const userSubject: SubjectName = { commonName: '张三', organization: '某市职业技能鉴定指导中心', organizationalUnit: '题库管理科', title: '审核员' };

let dir: string;
const caKey = generateRsaKey();
const userKey = generateRsaKey();
const otherKey = generateRsaKey();
let caPem: string;
let userPem: string; // serial 8a01: high bit set, written as 00 8a 01
let secondPem: string; // serial 02

/** Runs openssl in the temp folder; returns exit status and output instead of throwing. */
function openssl(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qbank-x509-'));
  caPem = createCaCertificate({ ...caKey, subject: caSubject, serialHex: '01', notBefore, notAfter });
  const issue = (serialHex: string, subject: SubjectName): string =>
    issueCertificate({ caCertificatePem: caPem, caPrivateKey: caKey.privateKey, subjectPublicKeyPem: userKey.publicKeyPem, subject, serialHex, notBefore, notAfter });
  userPem = issue('8a01', userSubject);
  secondPem = issue('02', { commonName: '李四' });
  write('ca.pem', caPem);
  write('user.pem', userPem);
  write('second.pem', secondPem);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generateRsaKey', () => {
  it('gives a 2048-bit RSA key pair with the public key as SPKI PEM', () => {
    expect(userKey.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(userKey.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(createPublicKey(userKey.privateKey).export({ type: 'spki', format: 'pem' })).toBe(userKey.publicKeyPem);
  });
});

describe('certificates', () => {
  it('makes a self-signed CA that OpenSSL accepts, with the CA extensions critical', () => {
    expect(openssl('verify', '-CAfile', 'ca.pem', 'ca.pem').stdout).toContain('ca.pem: OK');
    const text = openssl('x509', '-in', 'ca.pem', '-noout', '-text').stdout;
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(text).toContain('Subject Key Identifier');
    expect(text).toContain('sha256WithRSAEncryption');
  });

  it('issues end-entity certificates that OpenSSL verifies against the CA', () => {
    const run = openssl('verify', '-CAfile', 'ca.pem', 'user.pem', 'second.pem');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('user.pem: OK');
    expect(run.stdout).toContain('second.pem: OK');
    const text = openssl('x509', '-in', 'user.pem', '-noout', '-text').stdout;
    expect(text).toMatch(/Basic Constraints:\s+CA:FALSE/);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    const caKeyId = /Subject Key Identifier:\s+([0-9A-F:]+)/.exec(openssl('x509', '-in', 'ca.pem', '-noout', '-text').stdout)?.[1];
    expect(caKeyId).toBeTruthy();
    expect(text).toMatch(new RegExp(`Authority Key Identifier:\\s+(keyid:)?${caKeyId}`));
  });

  it('writes names as UTF8String, so OpenSSL prints the Chinese', () => {
    const subject = openssl('x509', '-in', 'user.pem', '-noout', '-subject', '-nameopt', 'utf8').stdout;
    for (const value of ['张三', '题库管理科', '审核员', '某市职业技能鉴定指导中心']) expect(subject).toContain(value);
    const issuer = openssl('x509', '-in', 'user.pem', '-noout', '-issuer', '-nameopt', 'utf8').stdout;
    expect(issuer).toContain('题库工作站本机 CA');
    const asn1 = openssl('asn1parse', '-in', 'user.pem').stdout;
    expect(asn1).toContain('UTF8STRING');
    expect(asn1).not.toContain('PRINTABLESTRING');
  });

  it('copies the CA subject into the issuer byte for byte', () => {
    const ca = new X509Certificate(caPem);
    const user = new X509Certificate(userPem);
    expect(user.checkIssued(ca)).toBe(true);
    expect(user.issuer).toBe(ca.subject);
  });

  it('reads a certificate back with certificateInfo', () => {
    const info = certificateInfo(userPem);
    expect(info.subject).toEqual(userSubject);
    expect(info.issuerCommonName).toBe(caSubject.commonName);
    expect(info.serialHex).toBe('8a01');
    expect(openssl('x509', '-in', 'user.pem', '-noout', '-serial').stdout.trim()).toBe('serial=8A01');
    expect(seconds(info.notBefore)).toBe(seconds(notBefore));
    expect(seconds(info.notAfter)).toBe(seconds(notAfter));
    expect(info.isCa).toBe(false);
    expect(info.publicKeyPem).toBe(userKey.publicKeyPem);
    const fingerprint = openssl('x509', '-in', 'user.pem', '-noout', '-fingerprint', '-sha256').stdout;
    expect(info.fingerprint256).toBe(fingerprint.split('=')[1]?.trim().replaceAll(':', '').toLowerCase());
    expect(info.fingerprint256).toMatch(/^[0-9a-f]{64}$/);
    const ca = certificateInfo(caPem);
    expect(ca).toMatchObject({ isCa: true, serialHex: '1', subject: caSubject, issuerCommonName: caSubject.commonName });
  });

  it('refuses bad input with Chinese messages', () => {
    const base = { caCertificatePem: caPem, subjectPublicKeyPem: userKey.publicKeyPem, subject: userSubject, notBefore, notAfter };
    expect(() => issueCertificate({ ...base, caPrivateKey: otherKey.privateKey, serialHex: '03' })).toThrow('私钥与证书（公钥）不匹配');
    expect(() => issueCertificate({ ...base, caPrivateKey: caKey.privateKey, serialHex: 'xyz' })).toThrow('证书序列号必须是十六进制数字');
    expect(() => issueCertificate({ ...base, caPrivateKey: caKey.privateKey, serialHex: '00' })).toThrow('证书序列号必须是正整数');
    expect(() => issueCertificate({ ...base, caPrivateKey: caKey.privateKey, serialHex: '03', notAfter: notBefore })).toThrow('证书有效期不正确');
    expect(() => issueCertificate({ ...base, caPrivateKey: caKey.privateKey, serialHex: '03', subject: { commonName: ' ' } })).toThrow('通用名称');
    expect(() => createCaCertificate({ privateKey: caKey.privateKey, publicKeyPem: otherKey.publicKeyPem, subject: caSubject, serialHex: '01', notBefore, notAfter })).toThrow('不匹配');
    expect(() => certificateInfo('not a certificate')).toThrow('证书格式不正确');
  });
});

describe('CRL', () => {
  const thisUpdate = new Date(now.getTime() - HOUR);
  const nextUpdate = new Date(now.getTime() + 7 * DAY);
  const revokedAt = new Date(now.getTime() - 2 * HOUR);

  it('makes an empty v2 CRL that OpenSSL verifies against the CA', () => {
    const pem = createCrl({ caCertificatePem: caPem, caPrivateKey: caKey.privateKey, revoked: [], thisUpdate, nextUpdate, crlNumber: 1 });
    write('empty.crl', pem);
    const run = openssl('crl', '-in', 'empty.crl', '-CAfile', 'ca.pem', '-noout');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('verify OK');
    const text = openssl('crl', '-in', 'empty.crl', '-noout', '-text').stdout;
    expect(text).toContain('Version 2');
    expect(text).toContain('No Revoked Certificates');
    expect(text).toMatch(/X509v3 CRL Number:\s+1\b/);
    expect(text).toContain('X509v3 Authority Key Identifier');
    expect(openssl('crl', '-in', 'empty.crl', '-noout', '-issuer', '-nameopt', 'utf8').stdout).toContain('题库工作站本机 CA');
    const crl = parseCrl(pem);
    expect(crl).toMatchObject({ crlNumber: 1, revoked: [] });
    expect(seconds(crl.thisUpdate)).toBe(seconds(thisUpdate));
    expect(seconds(crl.nextUpdate ?? new Date(0))).toBe(seconds(nextUpdate));
    expect(crlSignedBy(pem, caPem)).toBe(true);
    expect(openssl('verify', '-crl_check', '-CRLfile', 'empty.crl', '-CAfile', 'ca.pem', 'user.pem').status).toBe(0);
  });

  it('lists revoked serials: OpenSSL then refuses that certificate and accepts the other', () => {
    const pem = createCrl({ caCertificatePem: caPem, caPrivateKey: caKey.privateKey, revoked: [{ serialHex: '8A01', revokedAt }], thisUpdate, nextUpdate, crlNumber: 2 });
    write('revoked.crl', pem);
    const check = openssl('crl', '-in', 'revoked.crl', '-CAfile', 'ca.pem', '-noout');
    expect(check.status).toBe(0);
    expect(check.stderr).toContain('verify OK');
    expect(openssl('crl', '-in', 'revoked.crl', '-noout', '-text').stdout).toMatch(/Serial Number: 8A01/);
    const revoked = openssl('verify', '-crl_check', '-CRLfile', 'revoked.crl', '-CAfile', 'ca.pem', 'user.pem');
    expect(revoked.status).not.toBe(0);
    expect(revoked.stdout + revoked.stderr).toContain('certificate revoked');
    const other = openssl('verify', '-crl_check', '-CRLfile', 'revoked.crl', '-CAfile', 'ca.pem', 'second.pem');
    expect(other.status).toBe(0);
    const crl = parseCrl(pem);
    expect(crl.crlNumber).toBe(2);
    expect(crl.revoked).toHaveLength(1);
    expect(crl.revoked[0]?.serialHex).toBe(certificateInfo(userPem).serialHex);
    expect(seconds(crl.revoked[0]?.revokedAt ?? new Date(0))).toBe(seconds(revokedAt));
  });

  it('tells a CRL of another CA or with a broken signature from the real one', () => {
    const otherCa = createCaCertificate({ ...otherKey, subject: { commonName: '别的 CA' }, serialHex: '01', notBefore, notAfter });
    const pem = createCrl({ caCertificatePem: caPem, caPrivateKey: caKey.privateKey, revoked: [], thisUpdate, nextUpdate, crlNumber: 3 });
    const foreign = createCrl({ caCertificatePem: otherCa, caPrivateKey: otherKey.privateKey, revoked: [], thisUpdate, nextUpdate, crlNumber: 3 });
    expect(crlSignedBy(foreign, caPem)).toBe(false);
    expect(crlSignedBy(pem, otherCa)).toBe(false);
    const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
    flip(der, der.length - 1, 0x01);
    const broken = `-----BEGIN X509 CRL-----\n${der.toString('base64')}\n-----END X509 CRL-----\n`;
    expect(parseCrl(broken).crlNumber).toBe(3);
    expect(crlSignedBy(broken, caPem)).toBe(false);
    expect(crlSignedBy('garbage', caPem)).toBe(false);
  });

  it('reads a CRL made by OpenSSL (openssl ca -gencrl)', () => {
    write('ca.key', caKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    write('index.txt', 'R\t301231000000Z\t250102030405Z\t8A01\tunknown\t/CN=x\n');
    write('crlnumber', '1F\n');
    write('ca.cnf', '[ca]\ndefault_ca = local\n[local]\ndatabase = index.txt\ncrlnumber = crlnumber\ndefault_md = sha256\ndefault_crl_days = 7\n');
    const run = openssl('ca', '-config', 'ca.cnf', '-gencrl', '-keyfile', 'ca.key', '-cert', 'ca.pem', '-out', 'openssl.crl');
    expect(run.status, run.stderr).toBe(0);
    const pem = readFileSync(join(dir, 'openssl.crl'), 'utf8');
    const crl = parseCrl(pem);
    expect(crl.crlNumber).toBe(0x1f);
    expect(crl.revoked).toEqual([{ serialHex: '8a01', revokedAt: new Date('2025-01-02T03:04:05Z') }]);
    expect(crlSignedBy(pem, caPem)).toBe(true);
  });

  it('refuses malformed CRLs and bad parameters in Chinese', () => {
    for (const bad of ['', 'garbage', '-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----', caPem.replaceAll('CERTIFICATE', 'X509 CRL')]) {
      expect(() => parseCrl(bad)).toThrow('吊销列表（CRL）格式不正确');
    }
    const base = { caCertificatePem: caPem, caPrivateKey: caKey.privateKey, revoked: [], crlNumber: 1 };
    expect(() => createCrl({ ...base, thisUpdate: nextUpdate, nextUpdate: thisUpdate })).toThrow('下次更新时间');
    expect(() => createCrl({ ...base, thisUpdate, nextUpdate, crlNumber: -1 })).toThrow('吊销列表编号');
    expect(() => createCrl({ ...base, thisUpdate, nextUpdate, caPrivateKey: otherKey.privateKey })).toThrow('不匹配');
  });
});
