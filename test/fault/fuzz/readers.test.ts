/**
 * Fuzz suite (issue [I] deliverable 3), the readers of outside files: the item workbook (theory,
 * practical with pictures, 综合评审), Word items and the 细目表 / 内容结构表 workbooks — mutated
 * structure-aware (one part's XML changed and the package zipped again; parts dropped, doubled, renamed,
 * lying about CRC or size) and as raw bytes — and the single files: the statistics CSV, images (PNG and
 * JPEG by their bytes, SVG through its guard, the refused formats) and the signed-form scan (PDF, PNG,
 * JPEG), mutated as bytes and as text. Each case runs in an isolated child (isolate.ts): no crash, no
 * hang, bounded memory, every refusal with a message.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { suiteTimeout } from '../config.js';
import { blobCases, buildBlob, buildZip, singleFile, zipCases } from './cases.js';
import { CSV_TOKENS, csvSeeds, imageSeeds, PDF_TOKENS, scanSeeds, SVG_TOKENS } from './file-seeds.js';
import { runFuzz } from './harness.js';
import { FuzzChild } from './isolate.js';
import { DOCX_TOKENS, docxItemSeeds, elementTableSeeds, XLSX_TOKENS, xlsxItemSeeds, zipSeeds } from './office-seeds.js';


describe('fuzz: readers of outside files', () => {
  const child = new FuzzChild();
  afterAll(() => child.close());

  it('xlsx-items: the item workbook reader survives mutated workbooks', { timeout: suiteTimeout(40_000) }, async () => {
    const seeds = await zipSeeds(await xlsxItemSeeds());
    const run = await runFuzz(child, {
      operation: 'xlsx-items',
      target: 'xlsx-items',
      reduced: 75,
      full: 10_000,
      seeds: seeds.map((s) => singleFile(s.bytes)),
      cases: zipCases(seeds.length, XLSX_TOKENS),
      build: (c) => buildZip(seeds, c),
    });
    expect(run.failures, run.report).toBe(0);
  });

  it('docx-items: the Word item reader survives mutated documents', { timeout: suiteTimeout(40_000) }, async () => {
    const seeds = await zipSeeds(await docxItemSeeds());
    const run = await runFuzz(child, {
      operation: 'docx-items',
      target: 'docx-items',
      reduced: 120,
      full: 10_000,
      seeds: seeds.map((s) => singleFile(s.bytes)),
      cases: zipCases(seeds.length, DOCX_TOKENS),
      build: (c) => buildZip(seeds, c),
    });
    expect(run.failures, run.report).toBe(0);
  });

  it('element-table: the 细目表 and 内容结构表 readers survive mutated tables', { timeout: suiteTimeout(40_000) }, async () => {
    const seeds = await zipSeeds(elementTableSeeds());
    const run = await runFuzz(child, {
      operation: 'element-table',
      target: 'element-table',
      reduced: 36,
      full: 10_000,
      seeds: seeds.map((s) => singleFile(s.bytes)),
      cases: zipCases(seeds.length, XLSX_TOKENS),
      build: (c) => buildZip(seeds, c),
    });
    expect(run.failures, run.report).toBe(0);
  });

  it('csv: the statistics CSV reader survives mutated files', { timeout: suiteTimeout(30_000) }, async () => {
    const seeds = csvSeeds();
    const run = await runFuzz(child, {
      operation: 'csv',
      target: 'csv',
      reduced: 600,
      full: 10_000,
      seeds: seeds.map(singleFile),
      cases: blobCases(seeds.length, CSV_TOKENS),
      build: (c) => buildBlob(seeds, c),
    });
    expect(run.failures, run.report).toBe(0);
  });

  it('images: the image check survives mutated PNG, JPEG, SVG and refused formats', { timeout: suiteTimeout(30_000) }, async () => {
    const { accepted, all } = imageSeeds();
    const run = await runFuzz(child, {
      operation: 'images',
      target: 'images',
      reduced: 600,
      full: 10_000,
      seeds: accepted.map(singleFile),
      // text mutations for the SVG drawing (seed 3) only
      cases: blobCases(all.length, SVG_TOKENS, [3]),
      build: (c) => buildBlob(all, c),
    });
    expect(run.failures, run.report).toBe(0);
  });

  it('scan: the signed-form scan reader survives mutated PDFs and images', { timeout: suiteTimeout(30_000) }, async () => {
    const seeds = await scanSeeds();
    const run = await runFuzz(child, {
      operation: 'scan',
      target: 'scan',
      reduced: 200,
      full: 10_000,
      seeds: seeds.map(singleFile),
      // text mutations for the PDFs, byte for byte (latin1)
      cases: blobCases(seeds.length, PDF_TOKENS, [0, 1, 2]),
      build: (c) => buildBlob(seeds, c, 'latin1'),
    });
    expect(run.failures, run.report).toBe(0);
  });
});
