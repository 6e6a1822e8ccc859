/**
 * The signed submission onto disc and off it again: exported for the upload station's certificate,
 * written as an ISO image, burned onto xorriso's pseudo-drive and read back, the plaintext folder gone
 * and no byte of it left anywhere; then the receiving side (no database) verifies and decrypts it in
 * 附件6 order, OpenSSL opens the CMS copy, and a flipped byte anywhere is detected and named.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIsoDirectory } from '../../../media/iso/reader.js';
import { invoke } from '../../../app/services/handler.js';
import { recipientKey } from '../../../app/services/package/handlers.js';
import { openPackage } from '../../../app/services/package/open.js';
import { handlers } from '../../../app/services/registry.js';
import { useTempDir } from '../../helpers/tmp.js';
import { useWorkstation } from '../../helpers/workstation.js';
import { folderHashes, signedSubmission, uploadStation } from './package-helpers.js';

const has = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};

function allFiles(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const abs = join(root, name);
    if (statSync(abs).isDirectory()) out.push(...allFiles(abs));
    else out.push(abs);
  }
  return out;
}

describe.skipIf(!has('xorriso') || !has('7z'))('submission export onto disc', () => {
  const workstation = useWorkstation();
  const tempDir = useTempDir();

  it('exports, burns and verifies, leaves no plaintext, and the upload station opens it; tampering is named', { timeout: 240_000 }, async () => {
    const ws = workstation();
    const s = await signedSubmission(ws);
    const station = uploadStation();
    const recipient = await invoke(s.sec, handlers['package.recipients.import'], { name: '上传站', purpose: '上传站', certificatePem: station.certificatePem });
    expect(recipient.status).toBe('有效');
    await expect(invoke(s.sec, handlers['package.recipients.import'], { name: '重复', purpose: '上传站', certificatePem: station.certificatePem })).rejects.toThrow(/已导入/);

    // 32-byte windows from the middle of every plaintext file, to look for afterwards (the CA and its CRL
    // are public: they travel in the clear beside the package to check its signature)
    const samples = [...s.hashes.keys()].filter((p) => !/(ca|crl)\.pem$/.test(p)).map((p) => {
      const b = readFileSync(join(s.folder, ...p.split('/')));
      const at = Math.max(0, Math.floor(b.length / 2) - 16);
      return { p, bytes: b.subarray(at, at + 32) };
    });
    const discs = join(ws.dir, 'discs');
    mkdirSync(discs);
    const out = await invoke(s.boss, handlers['package.export'], { bankId: s.bankId, recipientIds: [recipient.id], target: { dir: discs, drive: `stdio:${join(ws.dir, 'disc.img')}` } });
    expect(out.verified).toBe(true);
    expect(out.burned).toEqual({ drive: `stdio:${join(ws.dir, 'disc.img')}`, verified: true });
    expect(out.cms).toBe(true);
    expect(out.wiped).toBe(s.hashes.size);
    expect(existsSync(s.folder)).toBe(false);
    expect(existsSync(out.label)).toBe(true);
    // no plaintext anywhere in the workstation's folder: not in the image, the disc, the label, the database
    // (the cover sheet is left out: it is written by the same Word library, so its styles part is
    // byte-identical to the documents'; what it says is metadata only — names, sizes, hashes)
    for (const file of allFiles(ws.dir).filter((f) => f !== out.label)) {
      const content = readFileSync(file);
      for (const sample of samples) if (sample.bytes.length === 32) expect(content.includes(sample.bytes), `${sample.p} in ${file}`).toBe(false);
    }
    const row = ws.db.prepare(`SELECT register, objects FROM audit_log WHERE action = 'package.export' AND result = 'ok'`).get() as { register: string; objects: string };
    expect(row.register).toBe('存档');
    expect((await invoke(s.boss, handlers['disc.list'], {}))[0]).toMatchObject({ kind: 'submission', imageSha256: out.imageSha256, verified: true });

    // the upload station: no database, the p12 file, decrypted in 附件6 order
    const key = recipientKey({ p12: station.p12.toString('base64'), password: station.password });
    const dir = tempDir();
    const opened = await openPackage(out.image, key, { outDir: join(dir, 'opened') });
    expect(opened.problems).toEqual([]);
    expect(opened.ok).toBe(true);
    expect(opened.signature.ok).toBe(true);
    expect(opened.anchor?.ok).toBe(true);
    expect(opened.submission?.ok).toBe(true);
    expect(folderHashes(join(dir, 'opened'))).toEqual(s.hashes);
    expect(readdirSync(join(dir, 'opened'))[0]).toMatch(/^01_/);

    // 7z reads the image; OpenSSL opens the CMS copy; tar gives back the same files
    execFileSync('7z', ['x', '-y', `-o${join(dir, 'x')}`, out.image], { stdio: 'pipe' });
    writeFileSync(join(dir, 'key.pem'), station.keyPem);
    writeFileSync(join(dir, 'cert.pem'), station.certificatePem);
    execFileSync('openssl', ['cms', '-decrypt', '-inform', 'DER', '-in', join(dir, 'x', 'cms', 'submission.tar.p7m'), '-inkey', join(dir, 'key.pem'), '-recip', join(dir, 'cert.pem'), '-out', join(dir, 's.tar')], { stdio: 'pipe' });
    mkdirSync(join(dir, 'tar'));
    execFileSync('tar', ['-xf', join(dir, 's.tar'), '-C', join(dir, 'tar')], { stdio: 'pipe' });
    expect(folderHashes(join(dir, 'tar'))).toEqual(s.hashes);

    // a flipped byte: in a document's ciphertext, in the signed manifest, in the image's directory
    const listing = readIsoDirectory(out.image);
    const entry = (p: string) => listing.entries.find((e) => e.path === p)!;
    const flip = (offset: number) => {
      const copy = join(dir, `flip-${offset}.iso`);
      copyFileSync(out.image, copy);
      const b = readFileSync(copy);
      b[offset] = (b[offset] ?? 0) ^ 0x01;
      writeFileSync(copy, b);
      return copy;
    };
    const data = entry('data/000000.qbe');
    const bad1 = await openPackage(flip(data.offset + Math.floor(data.size / 2)), key, { outDir: join(dir, 'bad1') });
    expect(bad1.ok).toBe(false);
    expect(bad1.problems.join('\n')).toMatch(/data\/000000\.qbe/);
    expect(existsSync(join(dir, 'bad1'))).toBe(false);
    expect(readdirSync(dir).some((n) => n.includes('opening'))).toBe(false);
    const bad2 = await openPackage(flip(entry('PACKAGE.json').offset + 40), key);
    expect(bad2.ok).toBe(false);
    expect(bad2.problems.join('\n')).toMatch(/PACKAGE\.json/);
    const bad3 = await openPackage(flip(16 * 2048 + 100), key);
    expect(bad3.ok).toBe(false);
    expect(bad3.problems.join('\n')).toMatch(/光盘映像结构被改动/);
    // the wrong key is told so, in Chinese
    const other = uploadStation('别的上传站');
    await expect(openPackage(out.image, recipientKey({ p12: other.p12.toString('base64'), password: other.password }))).rejects.toThrow(/无法解开内容密钥/);
  });
});
