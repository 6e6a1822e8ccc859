/**
 * Fuzz suite (issue [I] deliverable 3), "the bank unchanged": mutated item files (xlsx and docx), 细目表
 * / 内容结构表 workbooks and recipient certificates through the real import handlers on a real encrypted
 * test workstation. Each file first goes through its reader in the isolated child (isolate.ts), so a
 * file that would hang or crash the reader never reaches the in-process import; then the import runs:
 * - refused: with a message (ServiceError or DomainValidationError, Chinese), every table of the bank's content as it was, and
 *   the access log one row longer — the refusal itself, 'error' — with the earlier rows unchanged;
 * - accepted: the log one row longer ('ok'), and the bank changed only by what was imported.
 * At the end the whole access log verifies (hash chain).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../../app/domain/validation.js';
import { ServiceError } from '../../../app/services/errors.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { verifyAuditChain } from '../../../app/services/audit/verify.js';
import type { WritableDB } from '../../../app/store/database.js';
import { FULL, SEEDS, suiteTimeout, trials } from '../config.js';
import { recordResult } from '../results.js';
import { useWorkstation } from '../../helpers/workstation.js';
import { blobCases, buildBlob, buildZip, zipCases, type ZipSeed } from './cases.js';
import { PEM_TOKENS, recipientCertificates } from './crypto-seeds.js';
import { FuzzChild, isFailure } from './isolate.js';
import { DOCX_TOKENS, docxItemSeeds, elementTableSeeds, XLSX_TOKENS, xlsxItemSeeds, zipSeeds } from './office-seeds.js';
import type { TargetName } from './targets.js';
import { isMessage } from './verdict.js';

/** Tables whose content is the bank (and the recipients): compared row by row. */
const CONTENT = ['items', 'item_versions', 'item_transitions', 'item_origins', 'images', 'element_tables', 'item_statistics', 'package_recipients'];

function contentHash(db: WritableDB): string {
  const h = createHash('sha256');
  for (const table of CONTENT) h.update(table).update(JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all()));
  return h.digest('hex');
}

function logHead(db: WritableDB): { seq: number; hash: string } {
  return (db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: '' };
}

interface Attempt {
  readonly target: TargetName;
  readonly label: string;
  readonly bytes: Uint8Array;
  readonly call: () => Promise<unknown>;
}

describe('fuzz: the bank unchanged by refused imports', () => {
  const workstation = useWorkstation();
  const child = new FuzzChild();
  afterAll(() => child.close());

  it('import-bank: a refused import leaves the bank as it was and logs one refusal', { timeout: suiteTimeout(60_000) }, async () => {
    const ws = workstation();
    const manager = ws.as('boss', ['manager']);
    const secadmin = ws.as('sec', ['secadmin']);
    const bank = await invoke(manager, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4, isSample: false });
    const tables = elementTableSeeds();
    await invoke(manager, handlers['banks.importElementTable'], { bankId: bank.id, bytes: tables[0] as Uint8Array });

    const [xlsx, docx, table] = [await zipSeeds(await xlsxItemSeeds(false)), await zipSeeds(await docxItemSeeds()), await zipSeeds(tables)];
    const pems = recipientCertificates().map((r) => new Uint8Array(Buffer.from(r.certificatePem, 'utf8')));
    // the fixed seeds share the reduced counts; the full run draws from one random seed (printed), or QBANK_FUZZ_SEED's
    const fixed = process.env.QBANK_FUZZ_SEED;
    const runSeeds = fixed !== undefined ? [Number(fixed)] : FULL ? [Math.floor(Math.random() * 0x7fffffff)] : [...SEEDS];
    if (FULL || fixed !== undefined) console.log(`fuzz import-bank: seed ${runSeeds[0]}`);
    const imports = trials(12, 500);
    const attempts = (seed: number): Attempt[] => {
      const sample = <C,>(arb: fc.Arbitrary<C>, n: number) => fc.sample(arb, { seed, numRuns: Math.max(1, Math.ceil(n / runSeeds.length)) });
      const items = (kind: 'xlsx' | 'docx', seeds: ZipSeed[], tokens: readonly string[]) =>
        sample(zipCases(seeds.length, tokens), imports / 2).map((c, k): Attempt => {
          const bytes = buildZip(seeds, c).files[0]?.[1] as Uint8Array;
          const fileName = `fuzz-${seed}-${k}.${kind}`;
          return { target: kind === 'xlsx' ? 'xlsx-items' : 'docx-items', label: fileName, bytes, call: () => invoke(manager, handlers['import.items'], { bankId: bank.id, fileName, bytes }) };
        });
      const elements = sample(zipCases(table.length, XLSX_TOKENS), trials(6, 100)).map((c, k): Attempt => {
        const bytes = buildZip(table, c).files[0]?.[1] as Uint8Array;
        const name = c.seed === 0 ? 'banks.importElementTable' : 'banks.importPracticalStructure';
        return { target: 'element-table', label: `${name} ${seed}-${k}`, bytes, call: () => invoke(manager, handlers[name], { bankId: bank.id, bytes }) };
      });
      const certificates = sample(blobCases(pems.length, PEM_TOKENS), trials(9, 200)).map((c, k): Attempt => {
        const bytes = buildBlob(pems, c).files[0]?.[1] as Uint8Array;
        const certificatePem = Buffer.from(bytes).toString('utf8');
        return { target: 'certificate', label: `certificate ${seed}-${k}`, bytes, call: () => invoke(secadmin, handlers['package.recipients.import'], { name: `接收方${seed}-${k}`, purpose: '上传站', certificatePem }) };
      });
      return [...items('xlsx', xlsx, XLSX_TOKENS), ...items('docx', docx, DOCX_TOKENS), ...elements, ...certificates];
    };

    const failures: string[] = [];
    const counts = { refused: 0, imported: 0, skipped: 0 };
    for (const seed of runSeeds) {
      for (const [k, a] of attempts(seed).entries()) {
        // the reader alone first, isolated: a case that hangs or crashes it is the reader suites' failure
        const outcome = await child.run(a.target, {}, k, { files: [['input', a.bytes]], variant: 0 });
        if (isFailure(outcome.kind)) {
          failures.push(`${a.label}: the reader ${outcome.kind === 'hang' ? 'hangs' : 'fails'} (${outcome.kind}): ${outcome.detail.split('\n')[0] ?? ''}`);
          counts.skipped += 1;
          continue;
        }
        const before = { content: contentHash(ws.db), head: logHead(ws.db) };
        const error = await a.call().then(() => undefined, (e: unknown) => e);
        const head = logHead(ws.db);
        const row = ws.db.prepare('SELECT result FROM audit_log WHERE seq = ?').get(before.head.seq + 1) as { result: string } | undefined;
        const previous = ws.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(before.head.seq);
        const problem = (why: string) => failures.push(`${a.label} (seed ${seed}, case ${k}): ${why}`);
        if (head.seq !== before.head.seq + 1) problem(`the access log grew by ${head.seq - before.head.seq} rows (expected 1)`);
        if (previous !== before.head.hash) problem('an earlier row of the access log changed');
        if (error === undefined) {
          counts.imported += 1;
          if (row?.result !== 'ok') problem(`imported, but logged as ${row?.result ?? 'nothing'}`);
          continue;
        }
        counts.refused += 1;
        // a refusal of the service, or of the input's validation by the domain schema
        if (!(error instanceof ServiceError || error instanceof DomainValidationError) || !isMessage(error.message)) problem(`refused without a message: ${String(error)}`);
        if (contentHash(ws.db) !== before.content) problem('refused, but the bank changed');
        if (row?.result !== 'error' && row?.result !== 'refused') problem(`refused, but logged as ${row?.result ?? 'nothing'}`);
      }
    }
    const chain = await verifyAuditChain(ws.db);
    if (!chain.ok) failures.push(`the access log does not verify: ${chain.problems.join('; ')}`);
    const total = counts.refused + counts.imported + counts.skipped;
    recordResult({ suite: 'fuzz', operation: 'import-bank', trials: total, failures: failures.length, details: failures.slice(0, 40), note: `refused ${counts.refused}, imported ${counts.imported}, reader failed ${counts.skipped}; log ${logHead(ws.db).seq} rows, verified ${String(chain.ok)}` });
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
