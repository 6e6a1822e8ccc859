/**
 * Tamper suite (issue [I], deliverable 4), classes package, iso, signature and certificate: every
 * alteration in package-cases.ts and signature-cases.ts is applied to a fresh copy of one signed and
 * exported submission and must be reported by the real verifier — `openPackage` (`qbank open-package`,
 * the upload station, on the image or the package folder) or `verifySubmissionFolder`
 * (`qbank verify-signatures`) — naming the file, chunk, image region and offset, or signer.
 * Trust model: README, "Internal review" (digital sign-off) and "Encrypted discs".
 *
 * Documented non-goals (not detectable by design, so not cases):
 * - Without a pinned CA (`--ca`), a package or folder made anew under a CA of one's own (the recipient's
 *   certificate is public) verifies against the ca.pem it carries; the report says the CA came from the
 *   package or folder and gives its fingerprint to compare. With `--ca` it is refused (cases above).
 * - An older crl.pem put back (from before a revocation): only a receiver holding the current CRL
 *   (`--crl`, or the workstation's own at export) can tell; with it the revoked signer is named.
 * - A signature made by the holder of a valid, unrevoked certificate of the workstation CA with their own
 *   key (the exporter re-signing a package, a panel member signing again): that is what the key is for.
 * - The names of the .p7s files: the signer is the certificate's subject, not the file name, so renaming
 *   or swapping them changes nothing that is checked.
 * - 清单.json, the output folder's own list (complete-or-absent, app/services/output/folder.ts), is not
 *   signed and not checked by verify-signatures; the signed manifest.json lists every document.
 * - Plaintext file content inside the ISO: `verifyIsoStructure` checks every byte outside the files;
 *   the files are the package's authenticated chunks (cases "映像内 … 的数据改动").
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWorkstation } from '../../helpers/workstation.js';
import { suiteTimeout } from '../config.js';
import { runTamperClass, type TamperCase, type TamperClass } from './harness.js';
import { ISO_CASES, PACKAGE_CASES } from './package-cases.js';
import { CERTIFICATE_CASES, SIGNATURE_CASES } from './signature-cases.js';
import { buildSubmissionFixture, freshSubmissionCopy, releaseSubmissionCopy, type SubmissionCopy, type SubmissionFixture } from './submission-fixture.js';

describe('tamper: package, ISO image, signatures, certificates', () => {
  const workstation = useWorkstation();
  let fx: SubmissionFixture;

  beforeAll(async () => {
    fx = await buildSubmissionFixture(workstation());
  }, 120_000);
  afterAll(() => {
    if (fx) rmSync(fx.dir, { recursive: true, force: true });
  });

  const classes: [TamperClass, readonly TamperCase<SubmissionCopy>[]][] = [
    ['package', PACKAGE_CASES],
    ['iso', ISO_CASES],
    ['signature', SIGNATURE_CASES],
    ['certificate', CERTIFICATE_CASES],
  ];
  it.each(classes)('%s: every alteration is reported with its location', async (klass, cases) => {
    const run = await runTamperClass(klass, cases, () => freshSubmissionCopy(fx), releaseSubmissionCopy);
    if (run.gaps.length > 0) console.warn(run.gaps.join('\n'));
    expect(run.unexpected).toEqual([]);
  }, suiteTimeout(60_000));
});
