// Benchmark of writing an encrypted disc image (issue [G] 11): hash + encrypt (AES-256-GCM chunks) + ISO
// 9660/Joliet of 1 GiB of files, against xorriso building an ISO of the same plaintext, in the same run,
// alternating (5 rounds each, medians; dirty pages flushed before each run, so neither pays for the
// other's write-back). Target: ≥ 0.8× xorriso's throughput; memory flat (≤ 200 MB RSS).
// Also prints the read-back verification every export runs afterwards (decrypt + hash every file, and
// the image's SHA-256 beside it), as app/services/package/disc.ts does.
// Usage: node scripts/bench/disc.mjs [MiB=1024] [files=16] [rounds=5]   (needs npm run build and xorriso)
import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = (p) => new URL(`../../dist/${p}`, import.meta.url).href;
const { planPackage, fileOnDisk } = await import(dist('app/services/package/build.js'));
const { imageOptions, verifyImage } = await import(dist('app/services/package/disc.js'));
const { writeIso } = await import(dist('media/iso/writer.js'));
const { createRecipientCertificate } = await import(dist('crypto/pkcs12.js'));
const { createCaCertificate, generateRsaKey, issueCertificate } = await import(dist('crypto/x509.js'));

const mib = Number(process.argv[2] ?? 1024);
const count = Number(process.argv[3] ?? 16);
const rounds = Number(process.argv[4] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'qbank-bench-disc-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// peak resident memory per phase, sampled every 20 ms (the process's own maxRSS is printed as well)
const peaks = { setup: 0, write: 0, verify: 0 };
let phase = 'setup';
const sampler = setInterval(() => (peaks[phase] = Math.max(peaks[phase], process.memoryUsage().rss)), 20);
try {
  // the plaintext: `count` files of random bytes (incompressible), written in 1 MiB pieces
  const src = join(dir, 'src');
  mkdirSync(join(src, '附件6'), { recursive: true });
  const piece = Buffer.alloc(1024 * 1024);
  const per = Math.floor((mib * 1024 * 1024) / count);
  const files = [];
  for (let i = 0; i < count; i++) {
    const path = `附件6/${String(i + 1).padStart(2, '0')}_文件.bin`;
    const fd = openSync(join(src, path), 'w');
    for (let done = 0; done < per; done += piece.length) writeSync(fd, randomFillSync(piece), 0, Math.min(piece.length, per - done));
    fsyncSync(fd);
    closeSync(fd);
    files.push(path);
  }
  const total = per * count;
  const cert = createRecipientCertificate({ subject: { commonName: '基准测试接收方' } });
  // the exporter's certificate from a workstation CA, as in a real export
  const [from, to] = [new Date('2026-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z')];
  const ca = generateRsaKey(3072);
  const caPem = createCaCertificate({ privateKey: ca.privateKey, publicKeyPem: ca.publicKeyPem, subject: { commonName: '基准 CA' }, serialHex: '01', notBefore: from, notAfter: to });
  const holder = generateRsaKey(2048);
  const holderPem = issueCertificate({ caCertificatePem: caPem, caPrivateKey: ca.privateKey, subjectPublicKeyPem: holder.publicKeyPem, subject: { commonName: '基准导出人' }, serialHex: '02', notBefore: from, notAfter: to });
  const signer = { certificatePem: holderPem, privateKey: holder.privateKey, caPem, crlPem: '', name: 'bench' };

  async function ours(out) {
    const plan = await planPackage({
      kind: 'backup',
      label: 'bench',
      secrecy: '机密★',
      workstationId: 'bench',
      createdAt: new Date('2026-12-01T00:00:00Z'),
      files: files.map((p) => fileOnDisk(p, join(src, p))),
      about: {},
      anchor: null,
      certificates: [cert.certificatePem],
      signer,
    });
    const stream = createWriteStream(out);
    await writeIso(plan.entries, imageOptions(plan), stream, { hash: false });
    await new Promise((resolve, reject) => stream.end((e) => (e ? reject(e) : resolve())));
    return plan;
  }
  const xorriso = (out) => execFileSync('xorriso', ['-as', 'mkisofs', '-quiet', '-J', '-o', out, src], { stdio: 'pipe' });

  const tOurs = [];
  const tX = [];
  let plan;
  for (let r = 0; r < rounds; r++) {
    execFileSync('sync');
    let t = performance.now();
    xorriso(join(dir, 'x.iso'));
    tX.push((performance.now() - t) / 1000);
    rmSync(join(dir, 'x.iso'));
    execFileSync('sync');
    t = performance.now();
    phase = 'write';
    plan = await ours(join(dir, 'q.iso'));
    phase = 'setup';
    tOurs.push((performance.now() - t) / 1000);
    if (r < rounds - 1) rmSync(join(dir, 'q.iso'));
  }
  const t = performance.now();
  phase = 'verify';
  const { check, sha256 } = await verifyImage(join(dir, 'q.iso'), plan);
  if (!check.ok) console.log(check.problems.join('\n'));
  const verifySeconds = (performance.now() - t) / 1000;
  const gib = total / 1024 ** 3;
  const oursRate = total / 1024 ** 2 / median(tOurs);
  const xRate = total / 1024 ** 2 / median(tX);
  console.log(`plaintext: ${count} files, ${(total / 1024 ** 2).toFixed(0)} MiB (${gib.toFixed(2)} GiB)`);
  console.log(`xorriso -as mkisofs -J (plaintext): median ${median(tX).toFixed(2)} s = ${xRate.toFixed(0)} MiB/s  [${tX.map((x) => x.toFixed(2)).join(', ')}]`);
  console.log(`hash + encrypt + ISO (ours):       median ${median(tOurs).toFixed(2)} s = ${oursRate.toFixed(0)} MiB/s  [${tOurs.map((x) => x.toFixed(2)).join(', ')}]`);
  console.log(`ratio: ${(oursRate / xRate).toFixed(2)}× xorriso's throughput (target ≥ 0.8×)`);
  console.log(`read-back verification (structure + decrypt + hash every file; image SHA-256 beside it): ${verifySeconds.toFixed(2)} s, ok=${check.ok}, image ${sha256.slice(0, 16)}…`);
  const mb = (n) => Math.round(n / 1e6);
  console.log(`peak RSS: setup ${mb(peaks.setup)} MB, writing ${mb(peaks.write)} MB, verifying ${mb(peaks.verify)} MB, whole run ${mb(process.resourceUsage().maxRSS * 1024)} MB (target ≤ 200 MB)`);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
