import { spawnSync } from 'node:child_process';
import { createDecipheriv, createPrivateKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  recipientCertificateInfo,
  unwrapWithPrivateKey,
  unwrapWithSecret,
  wrapForCertificate,
  wrapForSecret,
  type RecipientEntry,
} from '../../../crypto/key-wrap.js';
import { createCaCertificate, generateRsaKey, issueCertificate } from '../../../crypto/x509.js';
import { useTempDir } from '../../helpers/tmp.js';

const DAY = 86_400_000;
const now = Date.now();
const tempDir = useTempDir();
const contentKey = randomBytes(32);

interface Holder {
  certificatePem: string;
  privateKey: KeyObject;
}

/** A self-signed certificate and key made by the OpenSSL CLI (`-newkey` arguments) in `dir`, read back. */
function opensslCertificate(dir: string, name: string, newkey: string[], extra: string[] = []): Holder {
  const run = spawnSync('openssl', ['req', '-x509', '-nodes', '-newkey', ...newkey, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${name}`, ...extra], { cwd: dir, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return { certificatePem: readFileSync(join(dir, `${name}.pem`), 'utf8'), privateKey: createPrivateKey(readFileSync(join(dir, `${name}.key`))) };
}

const ec = (curve: string): string[] => ['ec', '-pkeyopt', `ec_paramgen_curve:${curve}`];

let rsa: Holder; // issued by a CA with a Chinese name: keyUsage digitalSignature, nonRepudiation
let other: Holder; // another RSA certificate
let p256: Holder;
let p384: Holder;
let p521: Holder;

beforeAll(() => {
  const ca = generateRsaKey();
  const key = generateRsaKey();
  const caPem = createCaCertificate({ ...ca, subject: { commonName: '题库工作站本机 CA' }, serialHex: '01', notBefore: new Date(now - DAY), notAfter: new Date(now + 30 * DAY) });
  const certificatePem = issueCertificate({ caCertificatePem: caPem, caPrivateKey: ca.privateKey, subjectPublicKeyPem: key.publicKeyPem, subject: { commonName: '张三', organization: '某市职业技能鉴定指导中心' }, serialHex: '0a', notBefore: new Date(now - DAY), notAfter: new Date(now + 30 * DAY) });
  rsa = { certificatePem, privateKey: key.privateKey };
  // useTempDir's folders go after each test; these keys are read into memory and their folder removed at once
  const dir = mkdtempSync(join(tmpdir(), 'qbank-key-wrap-'));
  try {
    other = opensslCertificate(dir, 'other', ['rsa:2048']);
    p256 = opensslCertificate(dir, 'p256', ec('P-256'), ['-addext', 'keyUsage=critical,keyAgreement']);
    p384 = opensslCertificate(dir, 'p384', ec('P-384'));
    p521 = opensslCertificate(dir, 'p521', ec('P-521'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a throw');
};

describe('recipientCertificateInfo', () => {
  it('reads subject, fingerprint, key, validity and keyUsage', () => {
    const info = recipientCertificateInfo(rsa.certificatePem);
    expect(info.subject).toBe('CN=张三, O=某市职业技能鉴定指导中心');
    expect(info.fingerprint256).toMatch(/^[0-9a-f]{64}$/);
    expect([info.keyType, info.keySize, info.curve, info.supported]).toEqual(['rsa', 2048, null, true]);
    expect(info.notAfter.getTime() - info.notBefore.getTime()).toBe(31 * DAY);
    expect(info.keyUsage).toEqual({ keyEncipherment: false, keyAgreement: false }); // a signing certificate
    const ecInfo = recipientCertificateInfo(p256.certificatePem);
    expect([ecInfo.keyType, ecInfo.keySize, ecInfo.curve, ecInfo.keyUsage]).toEqual(['ec', 256, 'P-256', { keyEncipherment: false, keyAgreement: true }]);
    expect(recipientCertificateInfo(p521.certificatePem).keySize).toBe(521);
    expect(recipientCertificateInfo(other.certificatePem).keyUsage).toBeNull();
    expect(() => recipientCertificateInfo('not a certificate')).toThrow('证书格式不正确');
  });
});

describe('certificate recipients', () => {
  it('wraps for RSA with OAEP-SHA-256, as openssl pkeyutl decrypts it', () => {
    const entry = wrapForCertificate(contentKey, rsa.certificatePem);
    expect(entry).toMatchObject({ kind: 'rsa-oaep-256', certificateSha256: recipientCertificateInfo(rsa.certificatePem).fingerprint256, subject: 'CN=张三, O=某市职业技能鉴定指导中心' });
    expect(unwrapWithPrivateKey([entry], rsa.privateKey, rsa.certificatePem).equals(contentKey)).toBe(true);
    if (entry.kind !== 'rsa-oaep-256') throw new Error('unreachable');
    const dir = tempDir();
    writeFileSync(join(dir, 'wrapped.bin'), Buffer.from(entry.encryptedKey, 'base64'));
    writeFileSync(join(dir, 'rsa.key'), rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const run = spawnSync('openssl', ['pkeyutl', '-decrypt', '-inkey', 'rsa.key', '-in', 'wrapped.bin', '-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha256', '-pkeyopt', 'rsa_mgf1_md:sha256'], { cwd: dir });
    expect(run.status, run.stderr.toString()).toBe(0);
    expect(run.stdout.equals(contentKey)).toBe(true);
  });

  for (const [curve, holder] of [['P-256', () => p256], ['P-384', () => p384], ['P-521', () => p521]] as const) {
    it(`wraps for EC ${curve} with ECDH-ES and AES-256 key wrap`, () => {
      const { certificatePem, privateKey } = holder();
      const entry = wrapForCertificate(contentKey, certificatePem);
      expect(entry).toMatchObject({ kind: 'ecdh-es-a256kw', curve, subject: `CN=${curve.toLowerCase().replace('-', '')}` });
      expect(unwrapWithPrivateKey([entry], privateKey, certificatePem).equals(contentKey)).toBe(true);
      // a fresh ephemeral key each time
      const again = wrapForCertificate(contentKey, certificatePem);
      expect(again.kind === 'ecdh-es-a256kw' && entry.kind === 'ecdh-es-a256kw' && again.ephemeralPublicKey !== entry.ephemeralPublicKey).toBe(true);
    });
  }

  it('follows the documented ECDH-ES derivation (openssl pkeyutl -derive gives the shared secret)', () => {
    const entry = wrapForCertificate(contentKey, p384.certificatePem);
    if (entry.kind !== 'ecdh-es-a256kw') throw new Error('unreachable');
    const dir = tempDir();
    writeFileSync(join(dir, 'ephemeral.pem'), entry.ephemeralPublicKey);
    writeFileSync(join(dir, 'p384.key'), p384.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const run = spawnSync('openssl', ['pkeyutl', '-derive', '-inkey', 'p384.key', '-peerkey', 'ephemeral.pem'], { cwd: dir });
    expect(run.status, run.stderr.toString()).toBe(0);
    const kek = Buffer.from(hkdfSync('sha256', run.stdout, Buffer.alloc(0), Buffer.from(`qbank-package/1 ecdh-es ${entry.certificateSha256}`), 32));
    const decipher = createDecipheriv('id-aes256-wrap', kek, Buffer.from('A6A6A6A6A6A6A6A6', 'hex'));
    expect(Buffer.concat([decipher.update(Buffer.from(entry.encryptedKey, 'base64')), decipher.final()]).equals(contentKey)).toBe(true);
  });

  it('picks the entry of the certificate among several', () => {
    const entries = [wrapForCertificate(contentKey, other.certificatePem), wrapForCertificate(contentKey, p256.certificatePem), wrapForSecret(contentKey, 'x', '口令'), wrapForCertificate(contentKey, rsa.certificatePem)];
    for (const holder of [rsa, other, p256]) expect(unwrapWithPrivateKey(entries, holder.privateKey, holder.certificatePem).equals(contentKey)).toBe(true);
  });

  it('refuses a certificate the package was not made for, and a key that is not the certificate’s', () => {
    const entries = [wrapForCertificate(contentKey, rsa.certificatePem), wrapForCertificate(contentKey, p256.certificatePem)];
    const fingerprint = recipientCertificateInfo(other.certificatePem).fingerprint256;
    expect(message(() => unwrapWithPrivateKey(entries, other.privateKey, other.certificatePem))).toBe(`本包未为此证书加密（证书指纹 ${fingerprint}）`);
    expect(message(() => unwrapWithPrivateKey(entries, other.privateKey, rsa.certificatePem))).toBe('私钥与证书不符或密钥封装已损坏');
    expect(message(() => unwrapWithPrivateKey(entries, p384.privateKey, p256.certificatePem))).toBe('私钥与证书不符或密钥封装已损坏');
    expect(message(() => unwrapWithPrivateKey(entries, rsa.privateKey, p256.certificatePem))).toBe('私钥与证书不符或密钥封装已损坏');
  });

  it('refuses a damaged entry', () => {
    const damage = (entry: RecipientEntry): RecipientEntry => {
      const bytes = Buffer.from(entry.encryptedKey, 'base64');
      bytes.writeUInt8(bytes.readUInt8(5) ^ 1, 5);
      return { ...entry, encryptedKey: bytes.toString('base64') };
    };
    for (const holder of [rsa, p256]) {
      const entry = damage(wrapForCertificate(contentKey, holder.certificatePem));
      expect(message(() => unwrapWithPrivateKey([entry], holder.privateKey, holder.certificatePem))).toBe('私钥与证书不符或密钥封装已损坏');
    }
    const entry = wrapForCertificate(contentKey, p256.certificatePem);
    const swapped = { ...entry, ephemeralPublicKey: (wrapForCertificate(contentKey, p256.certificatePem) as { ephemeralPublicKey: string }).ephemeralPublicKey };
    expect(message(() => unwrapWithPrivateKey([swapped], p256.privateKey, p256.certificatePem))).toBe('私钥与证书不符或密钥封装已损坏');
  });

  it('refuses keys it does not support', () => {
    const small = opensslCertificate(tempDir(), 'small', ['rsa:1024']);
    expect(message(() => wrapForCertificate(contentKey, small.certificatePem))).toBe('只支持 RSA（至少 2048 位）或 EC（P-256、P-384、P-521）证书（CN=small）');
    const ed = opensslCertificate(tempDir(), 'ed', ['ed25519']);
    expect(recipientCertificateInfo(ed.certificatePem)).toMatchObject({ keyType: 'other', supported: false });
    expect(() => wrapForCertificate(contentKey, ed.certificatePem)).toThrow('只支持 RSA');
    const k1 = opensslCertificate(tempDir(), 'k1', ec('secp256k1'));
    expect(() => wrapForCertificate(contentKey, k1.certificatePem)).toThrow('只支持 RSA');
    expect(() => wrapForCertificate(randomBytes(16), rsa.certificatePem)).toThrow('内容密钥必须是 32 字节');
  });
});

describe('secret recipients', () => {
  it('wraps under scrypt in well under a second, and opens with the same secret only', () => {
    const started = performance.now();
    const entry = wrapForSecret(contentKey, '考务口令 2025', '考务组');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(entry).toMatchObject({ kind: 'scrypt-a256kw', label: '考务组', N: 32_768, r: 8, p: 1 });
    expect(unwrapWithSecret([entry], '考务口令 2025').equals(contentKey)).toBe(true);
    expect(unwrapWithSecret([entry], Buffer.from('考务口令 2025', 'utf8')).equals(contentKey)).toBe(true);
    expect(message(() => unwrapWithSecret([entry], '考务口令 2026'))).toBe('口令不正确或密钥封装已损坏');
    expect(message(() => unwrapWithSecret([wrapForCertificate(contentKey, rsa.certificatePem)], 'x'))).toBe('本包未设置口令解密');
    expect(() => wrapForSecret(contentKey, '', 'x')).toThrow('口令不能为空');
  });

  it('tries each secret entry and ignores parameters beyond its bounds', () => {
    const a = wrapForSecret(contentKey, 'first', 'A');
    const b = wrapForSecret(contentKey, 'second', 'B');
    expect(unwrapWithSecret([a, b], 'second').equals(contentKey)).toBe(true);
    const huge = { ...b, N: 2 ** 24 };
    expect(message(() => unwrapWithSecret([huge], 'second'))).toBe('口令不正确或密钥封装已损坏');
  });
});
