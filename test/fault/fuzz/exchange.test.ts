/**
 * Fuzz suite (issue [I] deliverable 3) for the exchange readers of issue [L]: exam answer sheets (CSV,
 * TSV, xlsx; mutated as bytes and as text, and the xlsx structure-aware) matched against a paper, and
 * QTI 2.1 content packages (one part's XML changed and the package zipped again; parts dropped,
 * doubled, renamed). Each case in an isolated child: no crash, no hang, every refusal with a message.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { suiteTimeout } from '../config.js';
import { blobCases, buildBlob, buildZip, singleFile, zipCases } from './cases.js';
import { qtiSeeds, QTI_TOKENS, sheetSeeds, SHEET_TOKENS } from './exchange-seeds.js';
import { runFuzz } from './harness.js';
import { FuzzChild } from './isolate.js';
import { XLSX_TOKENS, zipSeeds } from './office-seeds.js';


describe('fuzz: exchange readers', () => {
  const child = new FuzzChild();
  afterAll(() => child.close());

  it('result-sheet: answer sheets as text survive mutation', { timeout: suiteTimeout(30_000) }, async () => {
    const seeds = (await sheetSeeds()).slice(0, 2);
    const run = await runFuzz(child, {
      operation: 'result-sheet',
      target: 'result-sheet',
      reduced: 300,
      full: 10_000,
      seeds: seeds.map(singleFile),
      cases: blobCases(seeds.length, SHEET_TOKENS),
      build: (c) => buildBlob(seeds, c),
    });
    expect(run.failures, run.report).toBe(0);
  });

  it('result-sheet-xlsx: answer sheets as workbooks survive mutation', { timeout: suiteTimeout(30_000) }, async () => {
    const seeds = await zipSeeds((await sheetSeeds()).slice(2));
    const run = await runFuzz(child, {
      operation: 'result-sheet-xlsx',
      target: 'result-sheet',
      reduced: 60,
      full: 10_000,
      seeds: seeds.map((s) => singleFile(s.bytes)),
      cases: zipCases(seeds.length, XLSX_TOKENS),
      build: (c) => buildZip(seeds, c),
    });
    expect(run.failures, run.report).toBe(0);
  });

  it('qti: QTI 2.1 content packages survive mutation', { timeout: suiteTimeout(30_000) }, async () => {
    const seeds = await zipSeeds(await qtiSeeds());
    const run = await runFuzz(child, {
      operation: 'qti',
      target: 'qti',
      reduced: 100,
      full: 10_000,
      seeds: seeds.map((s) => singleFile(s.bytes)),
      cases: zipCases(seeds.length, QTI_TOKENS),
      build: (c) => buildZip(seeds, c),
    });
    expect(run.failures, run.report).toBe(0);
  });
});
