/**
 * Restoring a workstation from a backup disc (issue [G] 7) — a lifecycle step like `initWorkstation`:
 * there may be no database yet. The package is opened with the workstation secret and verified (its
 * signature, every chunk and hash) into a staging folder beside the target; the database in it must
 * open with the secret and its access log must verify. A backup older than the anchor this machine
 * keeps (its log head or latest checkpoint is behind, or the histories differ) is refused unless a
 * 系统管理员 of the backup confirms with their password; the restore is logged in the restored log
 * (by that administrator, who signs a checkpoint, or by the system). A database already at the target
 * is kept beside it (`….before-restore-<time>`), never overwritten; so is the superseded anchor file.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { sqlCipherKeyPragmaValue, type WorkstationSecret } from '../../../crypto/database-key.js';
import { closeDatabase } from '../../store/database.js';
import { readAnchorFile, replaceAnchorFile, type AnchorFile } from '../audit/anchor.js';
import { workstationId } from '../audit/keys.js';
import { anchorFileOf, recordAudit } from '../audit/record.js';
import { verifyAuditChain } from '../audit/verify.js';
import { createContext, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { wipeFolder } from '../output/wipe.js';
import { asWriteError } from '../output/write.js';
import { login, logout } from '../session/handlers.js';
import { openWorkstation } from '../workstation/handlers.js';
import { backupSecret, BACKUP_DB } from './backup-format.js';
import { backupMessages as m } from './backup-messages.js';
import { openPackage, type PackageReport } from './open.js';

export interface RestoreOptions {
  readonly source: string;
  readonly dbFile: string;
  readonly secret: WorkstationSecret;
  readonly anchorDir: string | null;
  /** A 系统管理员 of the backup confirming a backup older than this machine's anchor. */
  readonly confirmOlder?: { readonly username: string; readonly password: string };
  readonly now?: () => Date;
  /** Verify only (the GUI's 检查备份): everything up to the decision, nothing restored or logged. */
  readonly dryRun?: boolean;
}

export interface RestoreResult {
  readonly dbFile: string;
  readonly workstationId: string;
  readonly auditEntries: number;
  readonly checkpointSeq: number;
  readonly older: boolean;
  readonly confirmedBy: string | null;
  readonly previousKeptAs: string | null;
  readonly package: Pick<PackageReport, 'packageId' | 'label' | 'createdAt' | 'exportedBy' | 'signature'>;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').slice(0, 15);

/** Is the backup behind what this machine's anchor file has seen? Returns the two positions when so. */
function olderThanAnchor(local: AnchorFile | undefined, head: { seq: number; hash: string }, checkpointSeq: number): { backup: string; local: string } | null {
  if (!local) return null;
  const behind = local.head.seq > head.seq || (local.head.seq === head.seq && local.head.hash !== head.hash) || (local.checkpoint?.seq ?? 0) > checkpointSeq;
  return behind ? { backup: `日志第 ${head.seq} 条，校验点 #${checkpointSeq}`, local: `日志第 ${local.head.seq} 条，校验点 #${local.checkpoint?.seq ?? 0}` } : null;
}

/**
 * Puts the restored database and its anchor in place, all or nothing: the anchor file is copied aside,
 * the database at the target moved aside, the restored one moved in, the anchor replaced atomically;
 * a failing step undoes the ones before it, so the workstation stays as it was. Returns where the
 * previous database was kept. (A power cut between the renames still leaves the database and its
 * anchor from different sides: `audit verify` then names it.)
 */
function swapIn(file: string, target: string, anchorDir: string | null, anchor: AnchorFile, at: string): string | null {
  const anchorFile = anchorDir ? join(anchorDir, `${anchor.workstationId}.json`) : null;
  if (anchorFile && existsSync(anchorFile)) copyFileSync(anchorFile, `${anchorFile}.before-restore-${at}`);
  const previousKeptAs = existsSync(target) ? `${target}.before-restore-${at}` : null;
  try {
    if (previousKeptAs) renameSync(target, previousKeptAs);
  } catch (e) {
    throw asWriteError(e, target);
  }
  let moved = false;
  try {
    renameSync(file, target);
    moved = true;
    if (anchorDir) replaceAnchorFile(anchorDir, anchor);
  } catch (e) {
    if (moved) renameSync(target, file);
    if (previousKeptAs) renameSync(previousKeptAs, target);
    throw asWriteError(e, target);
  }
  return previousKeptAs;
}

export async function restoreWorkstation(o: RestoreOptions): Promise<RestoreResult> {
  const now = o.now ?? (() => new Date());
  const target = resolve(o.dbFile);
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const staging = join(dirname(target), `.${basename(target)}.restoring-${stamp(now())}`);
  const report = await openPackage(o.source, { secret: backupSecret(o.secret) }, { outDir: staging, now: now() });
  if (report.kind !== null && report.kind !== 'backup') throw new ServiceError(m.notBackup(report.kindName));
  if (!report.ok) throw new ServiceError(m.packageInvalid(report.problems.slice(0, 10)));
  try {
    const file = join(staging, BACKUP_DB);
    const db = openWorkstation(file, o.secret);
    let result: Omit<RestoreResult, 'dbFile' | 'previousKeptAs' | 'package'>;
    let restoredAnchor: AnchorFile;
    try {
      const chain = await verifyAuditChain(db, { pages: true, keyPragma: sqlCipherKeyPragmaValue(o.secret) });
      if (!chain.ok) throw new ServiceError(m.chainInvalid(chain.problems.slice(0, 10)));
      const wsId = workstationId(db);
      if (existsSync(target)) {
        const here = openWorkstation(target, o.secret);
        const localId = workstationId(here);
        closeDatabase(here);
        if (localId !== wsId) throw new ServiceError(m.wrongWorkstation(wsId, localId));
      }
      const checkpointSeq = report.anchor?.seq ?? 0;
      const local = o.anchorDir ? readAnchorFile(o.anchorDir, wsId) : undefined;
      const older = olderThanAnchor(local, { seq: chain.entries, hash: chain.head }, checkpointSeq);
      if (o.dryRun) {
        const { packageId, label, createdAt, exportedBy, signature } = report;
        return { workstationId: wsId, auditEntries: chain.entries, checkpointSeq, older: older !== null, confirmedBy: null, dbFile: target, previousKeptAs: null, package: { packageId, label, createdAt, exportedBy, signature } };
      }
      if (older && !o.confirmOlder) throw new ServiceError(m.older(older.backup, older.local));
      const base = createContext(db, { now, secret: o.secret, anchorDir: null });
      let confirmedBy: string | null = null;
      if (older && o.confirmOlder) {
        const admin: ServiceContext = await login(base, o.confirmOlder.username, o.confirmOlder.password);
        if (!admin.actor.roles.includes('sysadmin')) throw new ServiceError(m.notSysadmin(o.confirmOlder.username));
        recordAudit(admin, { action: 'workstation.restore', register: '存档', objects: [`package:${report.packageId}`], result: 'ok', detail: m.restoredOlder(chain.entries, older.local) });
        logout(admin);
        confirmedBy = admin.actor.username;
      } else {
        recordAudit(base, { action: 'workstation.restore', register: '存档', objects: [`package:${report.packageId}`], result: 'ok', detail: m.restored(chain.entries) });
      }
      result = { workstationId: wsId, auditEntries: chain.entries, checkpointSeq, older: older !== null, confirmedBy };
      restoredAnchor = anchorFileOf(base);
    } finally {
      closeDatabase(db);
    }
    const previousKeptAs = swapIn(file, target, o.anchorDir, restoredAnchor, stamp(now()));
    const { packageId, label, createdAt, exportedBy, signature } = report;
    return { ...result, dbFile: target, previousKeptAs, package: { packageId, label, createdAt, exportedBy, signature } };
  } finally {
    wipeFolder(staging);
  }
}
