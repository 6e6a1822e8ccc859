/**
 * The fixture of the database, log, checkpoint and anchor classes: one workstation with a busy log
 * (three sessions of two accounts, each logout signing a checkpoint, rows after the last checkpoint),
 * its anchor file, an older copy of both taken after the first session, an anchor printed after the
 * second (as a register export prints it), and another workstation's database under the same secret.
 * Built once; every case gets its own copy of the files, opened only when the verifier needs it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueAccountKey, openAccountKey, workstationId } from '../../../app/services/audit/keys.js';
import { recordAudit, verifyAuditChain } from '../../../app/services/audit/record.js';
import { createContext, type ServiceContext } from '../../../app/services/context.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { actorOf, login, logout } from '../../../app/services/session/handlers.js';
import { closeWorkstation, openWorkstation, type WorkstationSecret } from '../../../app/services/workstation/handlers.js';
import type { WritableDB } from '../../../app/store/database.js';
import { findAccount, grantRole, insertAccount, setPassword } from '../../../app/store/repositories/accounts.js';
import { listCheckpoints, type CheckpointRecord } from '../../../app/store/repositories/audit-checkpoints.js';
import { TEST_PASSWORD, testPasswordSecrets, type TestWorkstation } from '../../helpers/workstation.js';
import type { Verifier } from './harness.js';

export interface AuditFixture {
  readonly dir: string;
  readonly secret: WorkstationSecret;
  readonly wsId: string;
  /** The database (WAL checkpointed) and its anchor file as they are at the end. */
  readonly file: string;
  readonly anchorFile: string;
  /** Both as they were after the first session. */
  readonly olderFile: string;
  readonly olderAnchorFile: string;
  /** Another workstation's database under the same secret (a passphrase holder could make one). */
  readonly otherFile: string;
  /** `seq:hash` printed after the second session (a register export or a disc carries it). */
  readonly printed: string;
  readonly printedSeq: number;
  readonly checkpoints: readonly CheckpointRecord[];
  /** Rows of the log; the last `trailing` of them come after the last checkpoint. */
  readonly rows: number;
  readonly trailing: number;
  /** seq of every successful logout row. */
  readonly logouts: readonly number[];
  /** Leaf pages (1-based, in row order) holding the access log, and holding the personnel register. */
  readonly logPages: readonly number[];
  readonly peoplePages: readonly number[];
  readonly pageSize: number;
}

/** One case's copy: the files in a folder of its own; the database opened on first use. */
export interface AuditCopy {
  readonly fx: AuditFixture;
  readonly dir: string;
  readonly file: string;
  readonly anchorDir: string;
  /** Anchors given to `audit verify --anchor` (none unless a case sets them). */
  printed: string[];
  /** What an alteration wants a location function to see (e.g. the id of a forged key). */
  readonly notes: Map<string, string>;
  db(): WritableDB;
}

const opened = new WeakMap<AuditCopy, WritableDB>();

function base(ws: TestWorkstation, anchorDir: string): ServiceContext {
  return createContext(ws.db, { now: ws.now, secret: ws.secret, anchorDir });
}

async function session(ws: TestWorkstation, anchorDir: string, username: string, work = 3): Promise<void> {
  const ctx = await login(base(ws, anchorDir), username, TEST_PASSWORD);
  for (let i = 0; i < work; i++) await invoke(ctx, handlers['session.whoami'], {});
  logout(ctx);
}

function snapshot(db: WritableDB, dir: string, anchors: string, name: string): { file: string; anchorFile: string } {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const file = join(dir, `${name}.db`);
  const anchorFile = join(dir, `${name}.anchor.json`);
  copyFileSync(db.name, file);
  copyFileSync(join(anchors, `${workstationId(db)}.json`), anchorFile);
  return { file, anchorFile };
}

/** What a passphrase holder making a look-alike workstation does: an auditor of the same name and password. */
function lookAlikeAuditor(db: WritableDB): void {
  const at = '2026-11-23T08:00:00.000Z';
  const { hash, wrappingKey } = testPasswordSecrets();
  const account = insertAccount(db, { username: 'aud', displayName: 'aud', passwordHash: hash, personId: null }, 'test', at);
  setPassword(db, account.id, hash, at, false);
  issueAccountKey(db, account, wrappingKey, null, at);
  grantRole(db, account.id, 'auditor', 'test', at);
}

/** The leaf pages of a table, in the order of their rows. */
function pagesOf(db: WritableDB, table: string): number[] {
  return db.prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path`).pluck().all(table) as number[];
}

/** Builds the fixture from a fresh test workstation; everything it keeps is copied into `dir`. */
export async function buildAuditFixture(ws: TestWorkstation): Promise<AuditFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'qbank-tamper-audit-'));
  const anchors = join(dir, 'anchors');
  ws.as('liqiang', ['author']);
  ws.as('aud', ['auditor']);
  await session(ws, anchors, 'liqiang', 60); // enough rows for the log to span several pages
  const older = snapshot(ws.db, dir, anchors, 'older');
  await session(ws, anchors, 'aud');
  const cp = listCheckpoints(ws.db).at(-1) as CheckpointRecord;
  const printed = `${cp.auditSeq}:${cp.auditHash}`;
  await session(ws, anchors, 'liqiang');
  const trailing = 3;
  for (let i = 0; i < trailing; i++) recordAudit(base(ws, anchors), { action: 'session.whoami', register: '', objects: [], result: 'ok', detail: '' });
  const v = await verifyAuditChain(ws.db, { anchorDir: anchors });
  if (!v.ok) throw new Error(`fixture log does not verify: ${v.problems.join('；')}`);
  const now = snapshot(ws.db, dir, anchors, 'final');

  const other = openWorkstation(join(dir, 'other.db'), ws.secret, { create: true });
  try {
    lookAlikeAuditor(other);
    for (let i = 0; i < 40; i++) recordAudit(createContext(other, { anchorDir: null }), { action: 'session.whoami', register: '', objects: [], result: 'ok', detail: '' });
    other.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    closeWorkstation(other);
  }
  const rows = ws.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
  return {
    dir,
    secret: ws.secret,
    wsId: workstationId(ws.db),
    file: now.file,
    anchorFile: now.anchorFile,
    olderFile: older.file,
    olderAnchorFile: older.anchorFile,
    otherFile: join(dir, 'other.db'),
    printed,
    printedSeq: cp.auditSeq,
    checkpoints: listCheckpoints(ws.db),
    rows,
    trailing,
    logouts: ws.db.prepare(`SELECT seq FROM audit_log WHERE action = 'session.logout' AND result = 'ok' ORDER BY seq`).pluck().all() as number[],
    logPages: pagesOf(ws.db, 'audit_log'),
    peoplePages: pagesOf(ws.db, 'people'),
    pageSize: ws.db.pragma('page_size', { simple: true }) as number,
  };
}

export function freshAuditCopy(fx: AuditFixture): AuditCopy {
  const dir = mkdtempSync(join(fx.dir, 'case-'));
  const file = join(dir, 'qbank.db');
  const anchorDir = join(dir, 'anchors');
  copyFileSync(fx.file, file);
  mkdirSync(anchorDir, { mode: 0o700 });
  copyFileSync(fx.anchorFile, join(anchorDir, `${fx.wsId}.json`));
  const copy: AuditCopy = {
    fx,
    dir,
    file,
    anchorDir,
    printed: [],
    notes: new Map(),
    db() {
      let db = opened.get(copy);
      if (!db) {
        db = openWorkstation(file, fx.secret);
        opened.set(copy, db);
      }
      return db;
    },
  };
  return copy;
}

export function releaseAuditCopy(copy: AuditCopy): void {
  const db = opened.get(copy);
  if (db) closeWorkstation(db);
  rmSync(copy.dir, { recursive: true, force: true });
}

/** The anchor file of a copy, as JSON, to alter in place. */
export function editAnchorFile(copy: AuditCopy, change: (a: Record<string, unknown>) => void): void {
  const path = join(copy.anchorDir, `${copy.fx.wsId}.json`);
  const a = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  change(a);
  writeFileSync(path, JSON.stringify(a));
}

/** An account's context as after its login: its own key open (the test password's wrapping key). */
export function contextOf(copy: AuditCopy, username: string): ServiceContext {
  const db = copy.db();
  const account = findAccount(db, username);
  if (!account) throw new Error(`no account ${username}`);
  let signer = null;
  try {
    signer = openAccountKey(db, account, testPasswordSecrets().wrappingKey) ?? null;
  } catch {
    // a key an alteration put in place opens with no password: verify without countersigning
  }
  return createContext(db, { actor: actorOf(account), secret: copy.fx.secret, signer, anchorDir: copy.anchorDir, now: () => new Date('2026-11-24T08:00:00Z') });
}

/** `qbank audit verify [--anchor …]` as the 安全审计员 runs it: the handler, with this copy's anchor file. */
export const auditVerify: Verifier<AuditCopy> = {
  name: 'audit.verify',
  run: async (copy) => {
    const v = await invoke(contextOf(copy, 'aud'), handlers['audit.verify'], { anchors: copy.printed });
    return { ok: v.ok, problems: v.problems };
  },
};

/** `qbank audit verify --pages`: the same, also reading every page of the file. */
export const auditVerifyPages: Verifier<AuditCopy> = {
  name: 'audit.verify --pages',
  run: async (copy) => {
    const v = await invoke(contextOf(copy, 'aud'), handlers['audit.verify'], { anchors: copy.printed, pages: true });
    return { ok: v.ok, problems: v.problems };
  },
};

/** Changes one byte of the (encrypted) database file in the middle of a page, as raw disk access can. */
export function flipPageByte(copy: AuditCopy, page: number): void {
  const b = readFileSync(copy.file);
  const at = (page - 1) * copy.fx.pageSize + Math.floor(copy.fx.pageSize / 2);
  b[at] = (b[at] ?? 0) ^ 0x5a;
  writeFileSync(copy.file, b);
}
