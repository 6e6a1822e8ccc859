/**
 * Fuzz suite (issue [I] deliverable 3), signed and encrypted material: recipient certificates as
 * package.recipients.import reads them (crypto/key-wrap.ts recipientCertificateInfo), detached CMS
 * signatures with their CA and CRL (crypto/cms.ts verifyDetached, "never throws"), signed submission
 * folders (app/services/review/verify.ts verifySubmissionFiles) and encrypted disc packages
 * (app/services/package/open.ts openPackage, as `qbank open-package` runs on a receiving machine): a
 * signed submission package as a folder with files mutated, dropped or added, the same package as an
 * ISO image with mutated bytes, and its manifests — the outer PACKAGE.json and the encrypted inner one —
 * with mutated values, signed again or not. A third of the package cases decrypt into an output folder,
 * which must not be left behind when the package is refused. Mutated as DER, PEM text, JSON and bytes;
 * each case in an isolated child (isolate.ts): no crash, no hang, bounded memory, every refusal with a
 * message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteTimeout } from '../config.js';
import { blobCases, buildBlob, buildSet, setCases } from './cases.js';
import { derOfPem, makePki, PEM_TOKENS, pemOfDer, recipientCertificates, signatureSet, submissionFolder } from './crypto-seeds.js';
import { runFuzz } from './harness.js';
import { FuzzChild } from './isolate.js';
import { applyByteOps, byteOps } from './mutate.js';
import { buildManifestCase, manifestCases, PACKAGE_EXTRA_NAMES, packageSeed, type PackageSeed } from './package-seeds.js';

const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('fuzz: certificates, signatures and disc packages', () => {
  const child = new FuzzChild();
  const pki = makePki();
  const folder = submissionFolder(pki);
  const recipients = recipientCertificates();
  const dir = mkdtempSync(join(tmpdir(), 'qbank-fuzz-seed-'));
  let seed: PackageSeed;
  beforeAll(async () => {
    const rsa = recipients[0] as Required<(typeof recipients)[number]>;
    seed = await packageSeed(dir, pki, rsa);
  }, 60_000);
  afterAll(() => {
    child.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('certificate: reading a recipient certificate survives mutated DER and PEM', { timeout: suiteTimeout(30_000) }, async () => {
    const pems = recipients.map((r) => r.certificatePem);
    const seeds = pems.map(text);
    // DER mutations wrapped in PEM again (twice as often), or the PEM text itself
    const cases = fc.oneof(
      { weight: 2, arbitrary: fc.record({ der: fc.constant(true), seed: fc.nat(pems.length - 1), ops: byteOps(), variant: fc.nat(999) }) },
      { weight: 1, arbitrary: blobCases(seeds.length, PEM_TOKENS).map((c) => ({ ...c, der: false as const })) },
    );
    const run = await runFuzz(child, {
      operation: 'certificate',
      target: 'certificate',
      reduced: 300,
      full: 10_000,
      seeds: seeds.map((b) => ({ files: [['input', b]], variant: 0 })),
      cases,
      build: (c) => ('ops' in c ? { files: [['input', text(pemOfDer(applyByteOps(derOfPem(pems[c.seed] as string), c.ops)))]], variant: c.variant } : buildBlob(seeds, c)),
    });
    expect(run.failures, run.report).toBe(0);
  });

  it('signature: verifying a detached signature survives a mutated signature, manifest, CA and CRL', { timeout: suiteTimeout(30_000) }, async () => {
    const files = signatureSet(pki, folder);
    const run = await runFuzz(child, {
      operation: 'signature',
      target: 'signature',
      reduced: 300,
      full: 10_000,
      seeds: [{ files, variant: 0 }],
      // the signature (file 0) most often; a second copy of a file under another name changes nothing here
      cases: setCases(files.length, PEM_TOKENS, ['signature.p7s'], [0, 0, 0]),
      build: (c) => buildSet(files, c),
    });
    expect(run.failures, run.report).toBe(0);
  });

  it('submission: checking a signed submission folder survives mutated files, manifests and signatures', { timeout: suiteTimeout(30_000) }, async () => {
    const manifest = folder.findIndex(([n]) => n === 'manifest.json');
    const signatures = folder.flatMap(([n], k) => (n.endsWith('.p7s') ? [k] : []));
    const run = await runFuzz(child, {
      operation: 'submission',
      target: 'submission',
      reduced: 100,
      full: 10_000,
      seeds: [{ files: folder, variant: 0 }],
      cases: setCases(folder.length, PEM_TOKENS, ['06_数字签名/多余.p7s', '06_数字签名/陈静.p7s', '多余文件.docx', '清单.json'], [manifest, manifest, ...signatures]),
      build: (c) => buildSet(folder, c),
    });
    expect(run.failures, run.report).toBe(0);
  });

  it('package: opening a package folder survives mutated, missing and extra files', { timeout: suiteTimeout(40_000) }, async () => {
    const files = seed.folder;
    // the encrypted files and the outer manifest most often
    const focus = files.flatMap(([n], k) => (n.startsWith('data/') || n === 'PACKAGE.json' ? [k] : []));
    const run = await runFuzz(child, {
      operation: 'package',
      target: 'package',
      setup: seed.setup,
      reduced: 40,
      full: 10_000,
      seeds: [{ files, variant: 0 }, { files, variant: 1 }],
      cases: setCases(files.length, PEM_TOKENS, PACKAGE_EXTRA_NAMES, focus),
      build: (c) => buildSet(files, c),
    });
    expect(run.failures, run.report).toBe(0);
  });

  it('package-iso: opening a package image survives mutated bytes', { timeout: suiteTimeout(40_000) }, async () => {
    const image = [seed.iso];
    // the descriptors, path tables and directories start at sector 16 (byte 32 768)
    const at = fc.oneof(fc.integer({ min: 32_768, max: 32_768 + 12 * 2048 }), fc.nat());
    const cases = fc.record({ seed: fc.constant(0), text: fc.constant([]), bytes: byteOps(4, at), variant: fc.nat(999) });
    const run = await runFuzz(child, {
      operation: 'package-iso',
      target: 'package',
      setup: seed.setup,
      reduced: 30,
      full: 10_000,
      seeds: [{ files: [['image.iso', seed.iso]], variant: 1 }],
      cases,
      build: (c) => buildBlob(image, c, 'utf8', 'image.iso'),
    });
    expect(run.failures, run.report).toBe(0);
  });

  it('manifest: opening a package survives mutated outer and inner manifests, signed again or not', { timeout: suiteTimeout(40_000) }, async () => {
    const run = await runFuzz(child, {
      operation: 'manifest',
      target: 'package',
      setup: seed.setup,
      reduced: 40,
      full: 10_000,
      seeds: [{ files: seed.folder, variant: 0 }],
      cases: manifestCases,
      build: (c) => buildManifestCase(seed, c),
    });
    expect(run.failures, run.report).toBe(0);
  });
});
