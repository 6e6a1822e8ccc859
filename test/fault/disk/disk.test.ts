/**
 * Disk-full and read-only suite (issue [I], deliverable 2): document generation (`documents.generate`),
 * the submission disc (`package.export`), the backup (`backup.create`) and a register export
 * (`audit.export`), each against a small real ext4 (small-disk.ts) that fills up mid-way, and against
 * the same remounted read-only. Each must fail with a ServiceError in Chinese naming the problem
 * (空间不足 / 只读), leave nothing behind on the target (no *.partial image, no staging or scratch folder,
 * no temporary file), leave the database as it was — every table's row count — but for the access-log
 * row of the failed call, and log that failure (the handler's row, result 'error', its message).
 * Skipped, with the reason, where loop mounts cannot be made (not root, no mkfs.ext4, mount refused).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../app/services/context.js';
import { ServiceError } from '../../../app/services/errors.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { signedSubmission, uploadStation } from '../../integration/package/package-helpers.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';
import { recordResult } from '../results.js';
import { suiteTimeout } from '../config.js';
import { cannotMount, changedTables, mountSmallDisk, tableCounts } from './small-disk.js';

type Mode = 'full' | 'readonly';

interface Fixture {
  readonly ws: TestWorkstation;
  readonly boss: ServiceContext;
  readonly admin: ServiceContext;
  readonly auditor: ServiceContext;
  readonly bankId: number;
  readonly recipientId: number;
  /** The panel-signed folder package.export reads (outside the small disk); it must survive a failure. */
  readonly folder: string;
  readonly folderBytes: number;
  readonly folderDigest: string;
}

interface DiskOperation {
  readonly op: string;
  readonly handler: string;
  /** Both by default. */
  readonly modes?: readonly Mode[];
  /** Size of the small disk, and bytes left free when filling it: enough to start, not to finish. */
  readonly mib: (fx: Fixture) => number;
  readonly leave: (fx: Fixture) => number;
  /**
   * Checkpoints a failed call may leave: `backup.create` runs outside a transaction (VACUUM INTO cannot
   * run inside one), so the export checkpoint it signs before writing the image stays, like its log row.
   */
  readonly checkpoints?: number;
  run(fx: Fixture, target: string): Promise<unknown>;
}

const MiB = 1024 * 1024;
const dbBytes = (fx: Fixture) => statSync(fx.ws.db.name).size;
const folderBytes = (fx: Fixture) => fx.folderBytes;

const OPERATIONS: readonly DiskOperation[] = [
  {
    op: 'documents',
    handler: 'documents.generate',
    mib: () => 8,
    leave: () => 96 * 1024, // a few of the 26 documents
    run: (fx, target) => invoke(fx.boss, handlers['documents.generate'], { bankId: fx.bankId, outDir: join(target, 'submission') }),
  },
  {
    op: 'export',
    handler: 'package.export',
    mib: (fx) => Math.ceil((3 * folderBytes(fx)) / MiB) + 8,
    leave: (fx) => folderBytes(fx) + 512 * 1024, // the CMS copy fits, the image does not
    run: (fx, target) => invoke(fx.boss, handlers['package.export'], { bankId: fx.bankId, folder: fx.folder, recipientIds: [fx.recipientId], target: { dir: target } }),
  },
  {
    op: 'export (CMS copy)',
    handler: 'package.export',
    modes: ['full'],
    mib: (fx) => Math.ceil((3 * folderBytes(fx)) / MiB) + 8,
    leave: () => 256 * 1024, // the CMS copy, written first into a scratch folder, does not fit
    run: (fx, target) => invoke(fx.boss, handlers['package.export'], { bankId: fx.bankId, folder: fx.folder, recipientIds: [fx.recipientId], target: { dir: target } }),
  },
  {
    op: 'backup (database copy)',
    handler: 'backup.create',
    modes: ['full'],
    mib: (fx) => Math.ceil((3 * dbBytes(fx)) / MiB) + 8,
    leave: (fx) => Math.floor(dbBytes(fx) / 3), // VACUUM INTO stops mid-way with SQLITE_FULL
    run: (fx, target) => invoke(fx.admin, handlers['backup.create'], { target: { dir: target } }),
  },
  {
    op: 'backup',
    handler: 'backup.create',
    mib: (fx) => Math.ceil((3 * dbBytes(fx)) / MiB) + 8,
    leave: (fx) => Math.floor(dbBytes(fx) * 1.4), // the VACUUM INTO copy fits, the image does not
    checkpoints: 1,
    run: (fx, target) => invoke(fx.admin, handlers['backup.create'], { target: { dir: target } }),
  },
  {
    op: 'registers',
    handler: 'audit.export',
    mib: () => 4,
    leave: () => 4 * 1024,
    run: (fx, target) => invoke(fx.auditor, handlers['audit.export'], { register: '存档', outDir: target }),
  },
];

/** One SHA-256 over every file of the folder (names and bytes). */
function digestOf(folder: string, files: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(f).update(readFileSync(join(folder, ...f.split('/'))));
  return h.digest('hex');
}

const skip = cannotMount();

describe.skipIf(skip !== null)(`disk full and read-only targets${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const workstation = useWorkstation();

  async function buildFixture(): Promise<{ fx: Fixture; files: string[] }> {
    const ws = workstation();
    const s = await signedSubmission(ws);
    const station = uploadStation();
    const recipient = await invoke(s.sec, handlers['package.recipients.import'], { name: '上传站', purpose: '上传站', certificatePem: station.certificatePem });
    const admin = ws.as('admin', ['sysadmin']);
    await invoke(admin, handlers['certs.request'], {});
    await invoke(s.sec, handlers['certs.issue'], { username: 'admin' });
    const files = [...s.hashes.keys()];
    const folderBytes = files.reduce((n, f) => n + statSync(join(s.folder, ...f.split('/'))).size, 0);
    const fx = { ws, boss: s.boss, admin, auditor: ws.as('aud', ['auditor']), bankId: s.bankId, recipientId: recipient.id, folder: s.folder, folderBytes, folderDigest: digestOf(s.folder, files) };
    return { fx, files };
  }

  /** One attempt: what went wrong, one line each (empty when the failure was handled as it must be). */
  async function attempt(f: Fixture, files: readonly string[], o: DiskOperation, mode: Mode): Promise<string[]> {
    const problems: string[] = [];
    const disk = mountSmallDisk(o.mib(f));
    try {
      const target = join(disk.root, 'out');
      mkdirSync(target);
      if (mode === 'full') disk.fill(o.leave(f));
      else disk.readOnly();
      const before = disk.contents();
      const counts = tableCounts(f.ws.db);
      const lastSeq = f.ws.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
      let error: unknown;
      try {
        await o.run(f, target);
        problems.push('did not fail');
      } catch (e) {
        error = e;
      }
      const message = error instanceof Error ? error.message : String(error);
      if (error !== undefined && !(error instanceof ServiceError)) problems.push(`not a ServiceError: ${(error as Error).name}: ${message}`);
      const wanted = mode === 'full' ? /空间不足/ : /只读/;
      if (error !== undefined && !wanted.test(message)) problems.push(`message does not name the problem (${wanted.source}): ${message}`);
      if (error !== undefined && /[A-Za-z]{4,}/.test(message.replace(/\/[^\s（）：，]+/g, ''))) problems.push(`message is not all Chinese: ${message}`);
      const left = disk.contents().filter((p) => !before.includes(p));
      if (left.length > 0) problems.push(`left on the target: ${left.join(', ')}`);
      const rows = f.ws.db.prepare('SELECT action, result, detail FROM audit_log WHERE seq > ? ORDER BY seq').all(lastSeq) as { action: string; result: string; detail: string }[];
      const failure = rows.find((r) => r.action === o.handler && r.result === 'error');
      if (!failure) problems.push(`no access-log row for the failed ${o.handler}: ${JSON.stringify(rows)}`);
      else if (!failure.detail.includes(message.slice(0, 40))) problems.push(`the log row does not carry the message: ${failure.detail}`);
      // the air-gap check before an export is always logged, also when the export then fails
      const otherRows = rows.filter((r) => r !== failure && r.action !== 'airgap.check');
      if (otherRows.length > 0) problems.push(`other rows written: ${JSON.stringify(otherRows)}`);
      for (const [table, [was, is]] of changedTables(counts, tableCounts(f.ws.db))) {
        const expected = table === 'audit_log' ? was + rows.length : table === 'audit_checkpoints' ? was + (o.checkpoints ?? 0) : was;
        if (is !== expected) problems.push(`table ${table}: ${was} → ${is} rows`);
      }
      if (o.handler === 'package.export' && digestOf(f.folder, files) !== f.folderDigest) problems.push('the signed folder changed (wiped before a verified image?)');
    } finally {
      disk.dispose();
    }
    return problems;
  }

  it('documents, disc export, backup and register export: a Chinese error, nothing left behind, the database unchanged but for the failure row', async () => {
    const { fx, files } = await buildFixture();
    const all: string[] = [];
    for (const o of OPERATIONS) {
      for (const mode of o.modes ?? (['full', 'readonly'] as const)) {
        const operation = `${o.op} ${mode}`;
        const problems = (await attempt(fx, files, o, mode)).map((p) => `${operation}: ${p}`);
        recordResult({ suite: 'disk', operation, trials: 1, failures: problems.length > 0 ? 1 : 0, details: problems });
        all.push(...problems);
      }
    }
    expect(all).toEqual([]);
  }, suiteTimeout(180_000));
});
