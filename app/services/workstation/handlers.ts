/**
 * The workstation database: encrypted at rest with the workstation secret (a passphrase, or a key
 * file kept on a marked disc), on a fixed local disk (its folder passes the same write-target check
 * as every output, 规程第十二条). First run creates the three 三员 accounts with one-time passwords
 * and the audit signing key; `rekey` re-encrypts the file under a new secret.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ADMIN_ROLES } from '../../domain/account.js';
import { roleNames, type Role } from '../../domain/roles.js';
import { newSecretInputSchema, workstationSecretRefusal } from '../../domain/workstation-secret.js';
import { sqlCipherKeyPragmaValue, type WorkstationSecret } from '../../../crypto/database-key.js';
import { closeDatabase, hasMemorySecurity, isEncrypted, LATEST_SCHEMA_VERSION, openDatabase, rekeyDatabase, schemaVersion, type WritableDB } from '../../store/database.js';
import { countAccounts } from '../../store/repositories/accounts.js';
import { getSetting } from '../../store/repositories/settings.js';
import { createCheckpoint, recordAudit } from '../audit/record.js';
import { createAccountWithKey } from '../accounts/handlers.js';
import { createContext, SYSTEM_ACTOR, type AccountSigner, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { defineHandler, handlerMap } from '../handler.js';
import { TargetRefusedError } from '../output/write.js';
import { ALLOW_UNVERIFIED_TARGETS, getOutputPolicy, UNVERIFIED_NOTE } from '../policy/read.js';
import { workstationMessages } from './messages.js';
import { checkWriteTarget, type SystemProbe } from '../../../media/write-target.js';
import { setSetting } from '../../store/repositories/settings.js';

export type { WorkstationSecret };

export interface OpenWorkstationOptions {
  readonly create?: boolean;
  /**
   * First run where the storage cannot be checked (Windows, macOS, no readable mount table): the
   * administrator installing the workstation allows it, logged in 权限; from then on the
   * 安全保密管理员 decides (`output.policy.set`).
   */
  readonly allowUnverifiedTarget?: boolean;
  /** For tests: a fake system probe. */
  readonly probe?: SystemProbe;
}

/**
 * Opens the database with the workstation secret; a wrong secret gives NotADatabaseError (口令不正确).
 * Its folder passes the write-target check like every output: a refused target (USB, network …) is
 * refused; an unverifiable one only where it was allowed (see OpenWorkstationOptions).
 */
export function openWorkstation(file: string, secret: WorkstationSecret, options: OpenWorkstationOptions = {}): WritableDB {
  const path = resolve(file);
  const verdict = checkWriteTarget(dirname(path), options.probe);
  const unverified = !verdict.allowed && verdict.kind === 'unverifiable';
  if (!verdict.allowed && !unverified) throw new TargetRefusedError(verdict.reason);
  const isNew = !existsSync(path);
  if (unverified && isNew && options.allowUnverifiedTarget !== true) {
    throw new TargetRefusedError(workstationMessages.unverifiedAtInit(verdict.reason));
  }
  // folders created here are the owner's alone (0700); the file itself is created 0600 by the store
  if (options.create === true) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = openDatabase(path, { create: options.create === true, keyPragma: sqlCipherKeyPragmaValue(secret) });
  if (unverified) {
    try {
      admitUnverified(db, isNew, verdict.reason);
    } catch (e) {
      closeDatabase(db);
      throw e;
    }
  }
  return db;
}

/** Opening where the storage cannot be checked: allowed at first run by the installer, later by the policy; logged. */
function admitUnverified(db: WritableDB, isNew: boolean, reason: string): void {
  const ctx = createContext(db);
  if (isNew) {
    setSetting(db, ALLOW_UNVERIFIED_TARGETS, 'true');
    recordAudit(ctx, { action: 'output.policy.set', register: '权限', objects: [`setting:${ALLOW_UNVERIFIED_TARGETS}`], result: 'ok', detail: workstationMessages.unverifiedAllowedAtInit });
  } else if (!getOutputPolicy(db).allowUnverifiedTargets) {
    throw new TargetRefusedError(workstationMessages.unverifiedNotAllowed(reason));
  }
  recordAudit(ctx, { action: 'workstation.open', register: '', objects: [], result: 'ok', detail: UNVERIFIED_NOTE });
}

export function closeWorkstation(db: WritableDB): void {
  closeDatabase(db);
}

export interface InitialAdmin {
  readonly username: string;
  readonly role: Role;
  readonly roleName: string;
  readonly initialPassword: string;
}

export interface InitResult {
  readonly db: WritableDB;
  readonly created: boolean;
  /** The 三员 and their one-time passwords (only when the workstation was just created). */
  readonly admins: readonly InitialAdmin[];
}

/** The default usernames of the 三员. */
export const ADMIN_USERNAMES: Readonly<Record<'sysadmin' | 'secadmin' | 'auditor', string>> = {
  sysadmin: 'sysadmin',
  secadmin: 'secadmin',
  auditor: 'auditor',
};

/**
 * Creates the encrypted workstation (or opens and upgrades an existing one). On first run: the
 * audit key and the 三员 with one-time passwords that must be changed at first login.
 */
export async function initWorkstation(
  file: string,
  secret: WorkstationSecret,
  now: () => Date = () => new Date(),
  options: Pick<OpenWorkstationOptions, 'allowUnverifiedTarget' | 'probe'> = {},
): Promise<InitResult> {
  const existed = existsSync(resolve(file));
  // A new workstation's secret must meet the policy; an existing one is opened with the secret it has.
  const refusal = existed && statSync(resolve(file)).size > 0 ? undefined : workstationSecretRefusal(secret);
  if (refusal !== undefined) throw new ServiceError(workstationMessages.cannotCreate(refusal));
  const db = openWorkstation(file, secret, { ...options, create: true });
  try {
    const ctx = createContext(db, { actor: SYSTEM_ACTOR, now, secret });
    if (countAccounts(db) > 0) return { db, created: false, admins: [] };
    const admins: InitialAdmin[] = [];
    let first: AccountSigner | undefined;
    for (const role of ADMIN_ROLES) {
      const created = await createAccountWithKey(ctx, ADMIN_USERNAMES[role], roleNames[role], [role]);
      first ??= created.signer;
      admins.push({ username: created.account.username, role, roleName: roleNames[role], initialPassword: created.initialPassword });
    }
    recordAudit(ctx, {
      action: 'workstation.init',
      register: '权限',
      objects: admins.map((a) => `account:${a.username}`),
      result: 'ok',
      detail: existed ? 'accounts created in existing database' : 'new workstation',
    });
    // the first checkpoint is signed by the 系统管理员's new key (its one-time password wraps it)
    createCheckpoint(createContext(db, { actor: SYSTEM_ACTOR, now, secret, signer: first ?? null }), 'init');
    return { db, created: true, admins };
  } catch (e) {
    closeDatabase(db);
    throw e;
  }
}

export interface WorkstationStatus {
  readonly file: string;
  readonly schemaVersion: number;
  readonly latestSchemaVersion: number;
  readonly workstationId: string;
  readonly createdAt: string;
  readonly encrypted: boolean;
  /** Freed memory is wiped (needs a SQLite3MultipleCiphers build with SQLITE3MC_SECURE_MEMORY). */
  readonly memorySecurity: boolean;
}

export function workstationStatus(db: WritableDB): WorkstationStatus {
  return {
    file: db.name,
    schemaVersion: schemaVersion(db),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    workstationId: getSetting(db, 'workstation.id') ?? '',
    createdAt: getSetting(db, 'workstation.created_at') ?? '',
    encrypted: isEncrypted(db),
    memorySecurity: hasMemorySecurity(db),
  };
}

/** Re-encrypts the database under `next` and re-wraps the audit key; the old secret stops working. */
export function rekeyWorkstation(ctx: ServiceContext, next: WorkstationSecret): void {
  if (!ctx.secret) throw new ServiceError(workstationMessages.secretRequired);
  const refusal = workstationSecretRefusal(next);
  if (refusal !== undefined) throw new ServiceError(workstationMessages.cannotRekey(refusal));
  // audit keys are wrapped by account passwords, not by the workstation secret: nothing to re-wrap
  try {
    rekeyDatabase(ctx.db, sqlCipherKeyPragmaValue(next));
  } catch (e) {
    throw new ServiceError(workstationMessages.rekeyFailed((e as Error).message));
  }
  if (ctx.signer) createCheckpoint(ctx, 'rekey');
}

export const workstationHandlers = handlerMap(
  defineHandler({
    name: 'workstation.rekey',
    summary: '更换数据库口令',
    input: newSecretInputSchema,
    roles: ['sysadmin'],
    register: '权限',
    transaction: false,
    objects: () => [],
    run: (ctx, input): { rekeyed: true } => {
      rekeyWorkstation(ctx, input.next);
      return { rekeyed: true };
    },
  }),
  defineHandler({
    name: 'workstation.status',
    summary: '查看工作站数据库状态',
    input: z.object({}).strict(),
    roles: 'any',
    register: '',
    run: (ctx): WorkstationStatus => workstationStatus(ctx.db),
  }),
);
