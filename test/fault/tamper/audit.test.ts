/**
 * Tamper suite (issue [I], deliverable 4), classes database, log, checkpoint and anchor: every
 * alteration in the tables of audit-cases.ts and anchor-cases.ts is applied to a fresh copy of one busy
 * workstation and must be reported by the real verifier — `audit.verify` (`qbank audit verify`, with the
 * anchor file of the OS account and any printed anchor), or `verifyAnchor` for a package's anchor —
 * naming the row, checkpoint, anchor or file. Trust model: README, "What the log proves".
 *
 * Documented non-goals (the trust model says these are NOT detectable, so they are not cases):
 * - Someone holding the passphrase AND the OS account of the anchor file rolls back (or rewrites and
 *   re-signs with keys of their own) the database and the anchor file together: only an anchor printed
 *   or burned earlier catches it (the case "数据库和本机锚点文件一起换成旧副本" shows the printed one does);
 *   with no printed anchor after the point rolled back to, nothing can.
 * - The anchor file deleted (or a database never anchored on this OS account): `verify` cannot tell
 *   this from a new machine or account and says so as a warning, not a problem.
 * - Rows, checkpoints and tables other than the log changed by someone holding the passphrase (items,
 *   papers, settings with the triggers dropped): the log proves which calls were made, not what the
 *   tables hold; the changes are seen only when they contradict the log.
 * - One account's password: its holder signs as that account (re-signing that account's checkpoints
 *   over a rewritten history is caught only by the anchor file or printed anchors, like a rollback).
 * - A package's audit anchor re-signed with a key of one's own making, key id included: `verifyAnchor`
 *   alone has no list of the workstation's keys; the package's signature (a certificate of the
 *   workstation CA, package class) and, on restore, the workstation's own log bind it.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWorkstation } from '../../helpers/workstation.js';
import { suiteTimeout } from '../config.js';
import { ANCHOR_CASES, DATABASE_CASES } from './anchor-cases.js';
import { CHECKPOINT_CASES, LOG_CASES } from './audit-cases.js';
import { buildAuditFixture, freshAuditCopy, releaseAuditCopy, type AuditCopy, type AuditFixture } from './audit-fixture.js';
import { runTamperClass, type TamperCase, type TamperClass } from './harness.js';

describe('tamper: database, access log, checkpoints, anchors', () => {
  const workstation = useWorkstation();
  let fx: AuditFixture;

  beforeAll(async () => {
    fx = await buildAuditFixture(workstation());
  }, 60_000);
  afterAll(() => {
    if (fx) rmSync(fx.dir, { recursive: true, force: true });
  });

  const classes: [TamperClass, readonly TamperCase<AuditCopy>[]][] = [
    ['database', DATABASE_CASES],
    ['log', LOG_CASES],
    ['checkpoint', CHECKPOINT_CASES],
    ['anchor', ANCHOR_CASES],
  ];
  it.each(classes)('%s: every alteration is reported with its location', async (klass, cases) => {
    const run = await runTamperClass(klass, cases, () => freshAuditCopy(fx), releaseAuditCopy);
    if (run.gaps.length > 0) console.warn(run.gaps.join('\n'));
    expect(run.unexpected).toEqual([]);
  }, suiteTimeout(60_000));
});
