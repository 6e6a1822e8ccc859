/**
 * The package format on its own (no workstation): a package for an RSA and an EC recipient in the folder
 * form opens with either key; the inner manifest comes last; a missing, extra, truncated or altered file
 * and a swapped encrypted file are each named.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash, createPrivateKey, randomBytes } from 'node:crypto';
import { createCaCertificate, generateRsaKey, issueCertificate } from '../../../crypto/x509.js';
import { createRecipientCertificate } from '../../../crypto/pkcs12.js';
import { fileInMemory, fileOnDisk, planPackage, WORKER_FROM, writePackageFolder } from '../../../app/services/package/build.js';
import { openPackage } from '../../../app/services/package/open.js';
import { useTempDir } from '../../helpers/tmp.js';

const [FROM, TO, AT] = [new Date('2026-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z')];

function exporter() {
  const ca = generateRsaKey(2048);
  const caPem = createCaCertificate({ privateKey: ca.privateKey, publicKeyPem: ca.publicKeyPem, subject: { commonName: '测试 CA' }, serialHex: '01', notBefore: FROM, notAfter: TO });
  const holder = generateRsaKey(2048);
  const certificatePem = issueCertificate({ caCertificatePem: caPem, caPrivateKey: ca.privateKey, subjectPublicKeyPem: holder.publicKeyPem, subject: { commonName: '导出人' }, serialHex: '02', notBefore: FROM, notAfter: TO });
  return { certificatePem, privateKey: holder.privateKey, caPem, crlPem: '', name: '导出人' };
}

describe('package format', () => {
  const tempDir = useTempDir();

  it('opens with an RSA or an EC key and names every kind of damage', async () => {
    const dir = tempDir();
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'ec.key'), '-out', join(dir, 'ec.pem'), '-subj', '/CN=EC', '-days', '30'], { stdio: 'pipe' });
    const ec = { privateKey: createPrivateKey(readFileSync(join(dir, 'ec.key'))), certificatePem: readFileSync(join(dir, 'ec.pem'), 'utf8') };
    const rsa = createRecipientCertificate({ subject: { commonName: 'RSA' }, bits: 2048 });
    const files = [fileInMemory('附件6/01_说明.txt', Buffer.from('题库编制说明'.repeat(5000))), fileInMemory('附件6/空.txt', Buffer.alloc(0)), fileInMemory('二/三.bin', Buffer.alloc(3 * 1024 * 1024 + 5, 7))];
    const plan = planPackage({ kind: 'transfer', label: '测试', secrecy: '机密★', workstationId: 'WS-1', createdAt: AT, files, about: { n: 3 }, anchor: null, certificates: [rsa.certificatePem, ec.certificatePem], signer: exporter() });
    expect(plan.manifest.recipients.map((r) => r.kind)).toEqual(['rsa-oaep-256', 'ecdh-es-a256kw']);
    expect(plan.manifest.files.map((f) => f.name)).toEqual(['data/000000.qbe', 'data/000001.qbe', 'data/000002.qbe', 'data/000003.qbe']);
    const folder = join(dir, 'pkg');
    await writePackageFolder(plan, folder);
    expect(plan.content.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256) && f.sha256 !== '0'.repeat(64))).toBe(true);

    for (const key of [ec, { privateKey: rsa.privateKey, certificatePem: rsa.certificatePem }]) {
      const out = join(dir, `out-${key.certificatePem.length}`);
      const r = await openPackage(folder, key, { outDir: out, now: AT });
      expect(r.problems).toEqual([]);
      expect(readFileSync(join(out, '附件6', '01_说明.txt'), 'utf8')).toBe('题库编制说明'.repeat(5000));
      expect(readFileSync(join(out, '二', '三.bin')).length).toBe(3 * 1024 * 1024 + 5);
    }
    const problems = async () => (await openPackage(folder, ec, { now: AT })).problems.join('\n');
    writeFileSync(join(folder, 'data', 'extra.txt'), 'x');
    expect(await problems()).toMatch(/多余文件（清单中没有）：data\/extra\.txt/);
    rmSync(join(folder, 'data', 'extra.txt'));
    const third = join(folder, 'data', '000002.qbe');
    const saved = readFileSync(third);
    appendFileSync(third, Buffer.alloc(1));
    expect(await problems()).toMatch(/文件长度不符：data\/000002\.qbe/);
    const flipped = Buffer.from(saved);
    flipped[2 * 1024 * 1024] = (flipped[2 * 1024 * 1024] ?? 0) ^ 1;
    writeFileSync(third, flipped);
    expect(await problems()).toMatch(/二\/三\.bin（data\/000002\.qbe）：第 2 块认证失败/);
    writeFileSync(third, saved);
    // a file taken away is named
    renameSync(join(folder, 'data', '000000.qbe'), join(folder, 'x'));
    expect(await problems()).toMatch(/缺少文件：data\/000000\.qbe/);
    renameSync(join(folder, 'x'), join(folder, 'data', '000000.qbe'));
    const manifest = join(folder, 'PACKAGE.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"测试"', '"测验"'));
    expect(await problems()).toMatch(/PACKAGE\.json 的签名无效/);
  });

  it('carries large files on disk (read and encrypted in a worker thread) and refuses one that changed while it was packed', async () => {
    const dir = tempDir();
    const rsa = createRecipientCertificate({ subject: { commonName: 'RSA' }, bits: 2048 });
    const big = randomBytes(WORKER_FROM + 3 * 1024 * 1024 + 11);
    const small = randomBytes(1000);
    writeFileSync(join(dir, 'big.bin'), big);
    writeFileSync(join(dir, 'small.bin'), small);
    const plan = () =>
      planPackage({ kind: 'backup', label: '大文件', secrecy: '机密★', workstationId: 'WS-1', createdAt: AT, files: [fileOnDisk('附件6/大.bin', join(dir, 'big.bin')), fileOnDisk('附件6/小.bin', join(dir, 'small.bin'))], about: {}, anchor: null, certificates: [rsa.certificatePem], signer: exporter() });
    const p = plan();
    await writePackageFolder(p, join(dir, 'pkg'));
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(p.content.files.map((f) => f.sha256)).toEqual([sha(big), sha(small)]);
    const r = await openPackage(join(dir, 'pkg'), { privateKey: rsa.privateKey, certificatePem: rsa.certificatePem }, { outDir: join(dir, 'out'), now: AT });
    expect(r.problems).toEqual([]);
    expect(readFileSync(join(dir, 'out', '附件6', '大.bin')).equals(big)).toBe(true);
    expect(readFileSync(join(dir, 'out', '附件6', '小.bin')).equals(small)).toBe(true);
    // changed between listing and writing: the worker path (large) and the inline path (small) both refuse
    for (const name of ['big.bin', 'small.bin']) {
      const changed = plan();
      appendFileSync(join(dir, name), 'x');
      await expect(writePackageFolder(changed, join(dir, `changed-${name}`))).rejects.toThrow(`文件在打包过程中被改动：附件6/${name === 'big.bin' ? '大' : '小'}.bin`);
    }
  });
});
