import { spawnSync } from 'node:child_process';
import { randomBytes, type KeyObject } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEnvelopedStream, envelopeDescription } from '../../../crypto/cms-envelope.js';
import { createRecipientCertificate } from '../../../crypto/pkcs12.js';
import { createCaCertificate, generateRsaKey, issueCertificate } from '../../../crypto/x509.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();
const DAY = 86_400_000;

function openssl(dir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Recipient {
  name: string;
  certificatePem: string;
  privateKey: KeyObject;
}

let recipients: Recipient[];

beforeAll(() => {
  // an upload station (self-signed RSA-3072) and a person of the workstation CA (RSA-2048, Chinese issuer)
  const station = createRecipientCertificate({ subject: { commonName: '上传站 01' } });
  const ca = generateRsaKey();
  const user = generateRsaKey();
  const notBefore = new Date(Date.now() - DAY);
  const notAfter = new Date(Date.now() + DAY);
  const caPem = createCaCertificate({ ...ca, subject: { commonName: '题库工作站本机 CA', organization: '某市职业技能鉴定指导中心' }, serialHex: '01', notBefore, notAfter });
  const userPem = issueCertificate({ caCertificatePem: caPem, caPrivateKey: ca.privateKey, subjectPublicKeyPem: user.publicKeyPem, subject: { commonName: '张三' }, serialHex: '8a01', notBefore, notAfter });
  recipients = [
    { name: 'station', ...station },
    { name: 'user', certificatePem: userPem, privateKey: user.privateKey },
  ];
});

/** Writes the recipients' files and the envelope of `plain` (fed in uneven pieces) into a new folder. */
async function envelope(plain: Buffer): Promise<string> {
  const dir = tempDir();
  for (const r of recipients) {
    writeFileSync(join(dir, `${r.name}.pem`), r.certificatePem);
    writeFileSync(join(dir, `${r.name}.key`), r.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  }
  const pieces: Buffer[] = [];
  for (let i = 0, size = 1; i < plain.length; i += size, size = (size * 7 + 13) % 200_000) pieces.push(plain.subarray(i, i + size));
  await pipeline(Readable.from(pieces), createEnvelopedStream({ recipients: recipients.map((r) => r.certificatePem) }), createWriteStream(join(dir, 'f.p7m')));
  writeFileSync(join(dir, 'in.bin'), plain);
  return dir;
}

describe('createEnvelopedStream', () => {
  for (const size of [3 * 1024 * 1024 + 7, 0, 15, 16]) {
    it(`${size} bytes: every recipient opens it with openssl cms -decrypt`, async () => {
      const plain = randomBytes(size);
      const dir = await envelope(plain);
      for (const r of recipients) {
        const run = openssl(dir, 'cms', '-decrypt', '-inform', 'DER', '-in', 'f.p7m', '-inkey', `${r.name}.key`, '-recip', `${r.name}.pem`, '-out', `${r.name}.out`);
        expect(run.status, run.stderr).toBe(0);
        expect(readFileSync(join(dir, `${r.name}.out`)).equals(plain)).toBe(true);
      }
      // the size is the plaintext padded to the block, plus a small fixed frame (segment headers aside)
      expect(readFileSync(join(dir, 'f.p7m')).length).toBeGreaterThan(Math.ceil((size + 1) / 16) * 16);
    });
  }

  it('is the structure RFC 5652 describes, as openssl cms -cmsout -print shows it', async () => {
    const dir = await envelope(randomBytes(1000));
    const run = openssl(dir, 'cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'f.p7m');
    expect(run.status, run.stderr).toBe(0);
    const text = run.stdout;
    expect(text).toContain('contentType: pkcs7-envelopedData (1.2.840.113549.1.7.3)');
    expect(text).toMatch(/d\.envelopedData: \n\s+version: 0\n\s+originatorInfo: <ABSENT>/);
    expect(text.match(/d\.ktri: \n\s+version: 0/g)).toHaveLength(2);
    expect(text.match(/algorithm: rsaesOaep \(1\.2\.840\.113549\.1\.1\.7\)/g)).toHaveLength(2);
    expect(text.match(/:mgf1\n/g)).toHaveLength(2);
    expect(text).toContain('serialNumber: 35329'); // 0x8a01, copied from the certificate
    expect(text).toMatch(/contentEncryptionAlgorithm: \n\s+algorithm: aes-256-cbc \(2\.16\.840\.1\.101\.3\.4\.1\.42\)/);
    expect(text).toMatch(/unprotectedAttrs:\s*\n\s+<ABSENT>/);
    // BER with indefinite lengths, the content as a constructed OCTET STRING
    const bytes = readFileSync(join(dir, 'f.p7m'));
    expect(bytes.subarray(0, 2).equals(Buffer.from([0x30, 0x80]))).toBe(true);
    expect(bytes.subarray(-10).equals(Buffer.alloc(10))).toBe(true);
  });

  it('wraps the key with RSAES-OAEP, SHA-256 and MGF1-SHA-256', async () => {
    expect(envelopeDescription).toBe('AES-256-CBC；密钥传输 RSAES-OAEP（SHA-256, MGF1-SHA-256）');
    const dir = await envelope(randomBytes(100));
    const asn1 = openssl(dir, 'asn1parse', '-inform', 'DER', '-in', 'f.p7m', '-i');
    expect(asn1.status, asn1.stderr).toBe(0);
    expect(asn1.stdout.match(/:rsaesOaep\n/g)).toHaveLength(2);
    expect(asn1.stdout.match(/:sha256\n/g)).toHaveLength(4);
  });

  it('refuses certificates it cannot encrypt to, before writing anything', () => {
    const dir = tempDir();
    const run = openssl(dir, 'req', '-x509', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-keyout', 'ec.key', '-out', 'ec.pem', '-days', '1', '-subj', '/CN=ec');
    expect(run.status, run.stderr).toBe(0);
    expect(() => createEnvelopedStream({ recipients: [readFileSync(join(dir, 'ec.pem'), 'utf8')] })).toThrow('CMS 信封只支持 RSA（至少 2048 位）证书');
    expect(() => createEnvelopedStream({ recipients: [] })).toThrow('CMS 信封至少需要一个接收者证书');
    expect(() => createEnvelopedStream({ recipients: ['garbage'] })).toThrow('证书格式不正确');
  });
});
