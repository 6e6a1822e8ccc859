/**
 * Inputs the fuzz suite found, kept as fixed cases (run isolated like the others, so a regression is a
 * failure and not a hung test run):
 * - a signed-form scan whose cross-reference stream promises more entries than it holds
 *   (`/Index [0 2147483648]`: 49 s and 3.5 GB before the refusal; `/W [1 2147483648 2]`: minutes) —
 *   app/readers/scan.ts now refuses it before pdf-lib reads it;
 * - a recipient certificate whose EC public key is damaged (node parses the certificate and fails on
 *   its key with an English OpenSSL error) or whose keyUsage extension is (forge's English error) —
 *   crypto/x509.ts and crypto/key-wrap.ts now refuse both as 证书格式不正确;
 * - a worksheet row numbered r="1048577" (the 细目表 reader walked to it for 5 s) — the xlsx pre-scan
 *   (app/readers/xlsx/package.ts) now holds row numbers to the row bound.
 */
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { derOfPem, ecCertificate, pemOfDer } from './crypto-seeds.js';
import { singleFile } from './cases.js';
import { FuzzChild } from './isolate.js';
import { elementTableSeeds } from './office-seeds.js';


/** `bytes` with the first occurrence of `from` replaced by `to`; fails when there is none. */
function patch(bytes: Uint8Array, from: readonly number[], to: readonly number[]): Uint8Array {
  const b = Buffer.from(bytes);
  const at = b.indexOf(Buffer.from(from));
  expect(at, `pattern ${Buffer.from(from).toString('hex')} not found`).toBeGreaterThanOrEqual(0);
  return new Uint8Array(Buffer.concat([b.subarray(0, at), Buffer.from(to), b.subarray(at + from.length)]));
}

describe('fuzz regressions', () => {
  const child = new FuzzChild();
  afterAll(() => child.close());

  it('scan: a cross-reference stream promising more than it holds is refused at once', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]);
    const pdf = Buffer.from(await doc.save({ useObjectStreams: true })).toString('latin1');
    expect(pdf).toMatch(/\/Type \/XRef/);
    const variants = [pdf.replace(/\/Index \[ 0 (\d+) \]/, '/Index [ 0 2147483648 ]'), pdf.replace(/\/W \[ 1 2 2 \]/, '/W [ 1 2147483648 2 ]'), pdf.replace(/\/W \[ 1 2 2 \]/, '/W [ 0 0 0 ]')];
    for (const text of variants) {
      expect(text).not.toBe(pdf);
      const outcome = await child.run('scan', {}, 0, singleFile(new Uint8Array(Buffer.from(text, 'latin1'))));
      expect(outcome.kind, outcome.detail).toBe('rejected');
      expect(outcome.detail).toMatch(/PDF 文件已损坏/);
      expect(outcome.ms).toBeLessThan(2000);
    }
    expect((await child.run('scan', {}, 0, singleFile(new Uint8Array(Buffer.from(pdf, 'latin1'))))).kind).toBe('accepted');
  });

  it('element-table: a row numbered far beyond the rows there are is refused at once (was a 5 s hang)', async () => {
    // full run seed 393685329 case 8493: the last row of the 细目表 renumbered r="1048577"
    const zip = await JSZip.loadAsync(elementTableSeeds()[0]!);
    const sheet = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    const xml = await zip.file(sheet)!.async('string');
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)];
    const last = rows.at(-1)!;
    zip.file(sheet, xml.replace(last[0], '<row r="1048577"'));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const outcome = await child.run('element-table', {}, 0, singleFile(bytes));
    expect(outcome.kind, outcome.detail).toBe('rejected');
    expect(outcome.detail).toMatch(/工作表行数超过上限 25000 行（实际 1048577 行）/);
    expect(outcome.ms).toBeLessThan(2000);
  });

  it('certificate: a damaged EC key or keyUsage extension is refused as 证书格式不正确', async (t) => {
    const ec = ecCertificate();
    if (ec === undefined) t.skip('openssl is not installed: no EC certificate to damage');
    const der = derOfPem(ec ?? '');
    const damaged = [
      // the uncompressed point of the P-256 key (BIT STRING, 66 bytes, 04 …) made an unknown form
      patch(der, [0x03, 0x42, 0x00, 0x04], [0x03, 0x42, 0x00, 0x05]),
      // keyUsage (2.5.29.15, critical): its BIT STRING given the indefinite length
      patch(der, [0x55, 0x1d, 0x0f, 0x01, 0x01, 0xff, 0x04, 0x04, 0x03, 0x02], [0x55, 0x1d, 0x0f, 0x01, 0x01, 0xff, 0x04, 0x04, 0x03, 0x80]),
    ];
    for (const bytes of damaged) {
      const outcome = await child.run('certificate', {}, 0, singleFile(new Uint8Array(Buffer.from(pemOfDer(bytes), 'utf8'))));
      expect(outcome, outcome.detail).toMatchObject({ kind: 'rejected', detail: '证书格式不正确' });
    }
  });
});
