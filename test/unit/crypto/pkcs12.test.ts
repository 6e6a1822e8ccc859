import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, randomBytes, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recipientCertificateInfo, unwrapWithPrivateKey, wrapForCertificate } from '../../../crypto/key-wrap.js';
import { createPkcs12, createRecipientCertificate, readPkcs12, readPrivateKeyFile } from '../../../crypto/pkcs12.js';
import { createCaCertificate, generateRsaKey, issueCertificate } from '../../../crypto/x509.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();
const DAY = 86_400_000;

function openssl(dir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const spki = (key: KeyObject): Buffer => createPublicKey(key).export({ type: 'spki', format: 'der' });
const sameKey = (a: KeyObject, b: KeyObject): boolean => spki(a).equals(spki(b));

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a throw');
};

let station: { certificatePem: string; privateKey: KeyObject };

beforeAll(() => {
  station = createRecipientCertificate({ subject: { commonName: '上传站 01', organization: '某市职业技能鉴定指导中心' } });
});

describe('createRecipientCertificate', () => {
  it('makes a self-signed RSA-3072 certificate for key encipherment that OpenSSL reads', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'station.pem'), station.certificatePem);
    const text = openssl(dir, 'x509', '-in', 'station.pem', '-noout', '-text', '-nameopt', 'utf8');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Key Usage: critical\s+Digital Signature, Key Encipherment/);
    expect(text.stdout).toContain('Public-Key: (3072 bit)');
    expect(text.stdout).toContain('Subject: O=某市职业技能鉴定指导中心, CN=上传站 01');
    expect(text.stdout).toContain('CA:FALSE');
    expect(openssl(dir, 'verify', '-CAfile', 'station.pem', 'station.pem').stdout).toContain('OK');
    const info = recipientCertificateInfo(station.certificatePem);
    expect(info).toMatchObject({ keyType: 'rsa', keySize: 3072, keyUsage: { keyEncipherment: true, keyAgreement: false }, subject: 'CN=上传站 01, O=某市职业技能鉴定指导中心' });
    expect(info.notBefore.getTime()).toBeLessThan(Date.now());
    expect(new X509Certificate(station.certificatePem).checkPrivateKey(station.privateKey)).toBe(true);
  });
});

describe('createPkcs12 and readPkcs12', () => {
  it('round-trips the key, the certificate byte for byte and the chain', () => {
    const ca = generateRsaKey();
    const caPem = createCaCertificate({ ...ca, subject: { commonName: '题库工作站本机 CA' }, serialHex: '01', notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + DAY) });
    const p12 = createPkcs12({ ...station, password: '上传站口令 1', friendlyName: '上传站 01', chain: [caPem] });
    const back = readPkcs12(p12, '上传站口令 1');
    expect(back.certificatePem).toBe(station.certificatePem);
    expect(back.chain).toEqual([caPem]);
    expect(sameKey(back.privateKey, station.privateKey)).toBe(true);
    // the key works for a package
    const contentKey = randomBytes(32);
    expect(unwrapWithPrivateKey([wrapForCertificate(contentKey, back.certificatePem)], back.privateKey, back.certificatePem).equals(contentKey)).toBe(true);
  });

  it('is opened by OpenSSL 3 without the legacy provider (AES-256, SHA-256 MAC), also with a Chinese password', () => {
    const dir = tempDir();
    for (const password of ['ascii-pass', '上传站口令']) {
      writeFileSync(join(dir, 'f.p12'), createPkcs12({ ...station, password, friendlyName: 'upload station' }));
      const info = openssl(dir, 'pkcs12', '-in', 'f.p12', '-passin', `pass:${password}`, '-noout', '-info');
      expect(info.status, info.stderr).toBe(0);
      expect(info.stderr).toContain('MAC: sha256');
      expect(info.stderr).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/);
      const out = openssl(dir, 'pkcs12', '-in', 'f.p12', '-passin', `pass:${password}`, '-nodes', '-out', 'out.pem');
      expect(out.status, out.stderr).toBe(0);
      const pem = readFileSync(join(dir, 'out.pem'), 'utf8');
      expect(pem).toContain('friendlyName: upload station');
      expect(pem).toContain(station.certificatePem.trim());
      expect(sameKey(readPrivateKeyFile(Buffer.from(pem)), station.privateKey)).toBe(true);
      expect(openssl(dir, 'pkcs12', '-in', 'f.p12', '-passin', 'pass:wrong', '-noout').status).not.toBe(0);
    }
  });

  it('refuses a wrong password and a damaged file with one message', () => {
    const p12 = createPkcs12({ ...station, password: 'right', friendlyName: 'x' });
    expect(message(() => readPkcs12(p12, 'wrong'))).toBe('PKCS#12 文件口令错误或文件已损坏');
    const damaged = Buffer.from(p12);
    damaged.writeUInt8(damaged.readUInt8(200) ^ 1, 200);
    expect(message(() => readPkcs12(damaged, 'right'))).toBe('PKCS#12 文件口令错误或文件已损坏');
    expect(message(() => readPkcs12(Buffer.from('not pkcs12'), 'right'))).toBe('PKCS#12 文件口令错误或文件已损坏');
  });

  it('refuses a key that is not the certificate’s and an empty password', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => createPkcs12({ privateKey, certificatePem: station.certificatePem, password: 'x', friendlyName: 'x' })).toThrow('私钥与证书不匹配');
    expect(() => createPkcs12({ ...station, password: '', friendlyName: 'x' })).toThrow('PKCS#12 口令不能为空');
  });

  it('reads files made by OpenSSL: RSA with a CA chain and the older 3DES encryption, and EC', () => {
    const dir = tempDir();
    const ca = generateRsaKey();
    const user = generateRsaKey();
    const notBefore = new Date(Date.now() - DAY);
    const notAfter = new Date(Date.now() + DAY);
    const caPem = createCaCertificate({ ...ca, subject: { commonName: '题库工作站本机 CA' }, serialHex: '01', notBefore, notAfter });
    const userPem = issueCertificate({ caCertificatePem: caPem, caPrivateKey: ca.privateKey, subjectPublicKeyPem: user.publicKeyPem, subject: { commonName: '张三' }, serialHex: '0a', notBefore, notAfter });
    writeFileSync(join(dir, 'ca.pem'), caPem);
    writeFileSync(join(dir, 'user.pem'), userPem);
    writeFileSync(join(dir, 'user.key'), user.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const exported = (out: string, password: string, ...extra: string[]): Buffer => {
      const run = openssl(dir, 'pkcs12', '-export', '-in', 'user.pem', '-inkey', 'user.key', '-out', out, '-passout', `pass:${password}`, ...extra);
      expect(run.status, run.stderr).toBe(0);
      return readFileSync(join(dir, out));
    };
    const modern = readPkcs12(exported('modern.p12', '口令', '-certfile', 'ca.pem'), '口令');
    expect(modern.certificatePem).toBe(userPem);
    expect(modern.chain).toEqual([caPem]);
    expect(sameKey(modern.privateKey, user.privateKey)).toBe(true);
    const legacy = readPkcs12(exported('legacy.p12', '老口令', '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'), '老口令');
    expect(legacy.certificatePem).toBe(userPem);
    expect(message(() => readPkcs12(readFileSync(join(dir, 'legacy.p12')), '新口令'))).toBe('PKCS#12 文件口令错误或文件已损坏');

    const req = openssl(dir, 'req', '-x509', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-keyout', 'ec.key', '-out', 'ec.pem', '-days', '1', '-subj', '/CN=ec');
    expect(req.status, req.stderr).toBe(0);
    const ecRun = openssl(dir, 'pkcs12', '-export', '-in', 'ec.pem', '-inkey', 'ec.key', '-out', 'ec.p12', '-passout', 'pass:ec-pass');
    expect(ecRun.status, ecRun.stderr).toBe(0);
    const ec = readPkcs12(readFileSync(join(dir, 'ec.p12')), 'ec-pass');
    expect(ec.certificatePem).toBe(readFileSync(join(dir, 'ec.pem'), 'utf8'));
    expect(ec.privateKey.asymmetricKeyType).toBe('ec');
    const contentKey = randomBytes(32);
    expect(unwrapWithPrivateKey([wrapForCertificate(contentKey, ec.certificatePem)], ec.privateKey, ec.certificatePem).equals(contentKey)).toBe(true);
    // and written again by us
    const again = readPkcs12(createPkcs12({ privateKey: ec.privateKey, certificatePem: ec.certificatePem, password: 'p', friendlyName: 'ec' }), 'p');
    expect(sameKey(again.privateKey, ec.privateKey)).toBe(true);
  });
});

describe('readPrivateKeyFile', () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const data = Buffer.from('data');
  const works = (key: KeyObject): boolean => verify('sha256', data, createPublicKey(privateKey), sign('sha256', data, key));

  it('reads PKCS#8 PEM, encrypted or not, and PKCS#8 DER', () => {
    const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: '私钥口令' });
    expect(works(readPrivateKeyFile(Buffer.from(encrypted), '私钥口令'))).toBe(true);
    expect(works(readPrivateKeyFile(Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' }))))).toBe(true);
    expect(works(readPrivateKeyFile(privateKey.export({ type: 'pkcs8', format: 'der' })))).toBe(true);
    expect(works(readPrivateKeyFile(Buffer.from(privateKey.export({ type: 'sec1', format: 'pem' }))))).toBe(true);
  });

  it('says what is wrong', () => {
    const encrypted = Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right' }));
    expect(message(() => readPrivateKeyFile(encrypted, 'wrong'))).toBe('私钥文件口令错误或文件已损坏');
    expect(message(() => readPrivateKeyFile(encrypted))).toBe('私钥文件已加密，需要口令');
    expect(message(() => readPrivateKeyFile(Buffer.from('garbage')))).toBe('私钥文件格式不正确');
  });
});
