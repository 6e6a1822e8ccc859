/**
 * What every service call carries: the database, the acting user, a clock, the workstation secret
 * (to unwrap the audit signing key) and, for interactive use, the login session. Shells (CLI,
 * Electron main, GUI tests) build one per session and pass it to `invoke`.
 */
import type { KeyObject } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { WorkstationSecret } from '../../crypto/database-key.js';
import type { Actor } from '../domain/roles.js';
import type { WritableDB } from '../store/database.js';
import { servicesMessages } from './messages.js';

/** A login session (GUI or one CLI command). Mutable: activity time and end are tracked. */
export interface Session {
  readonly id: string;
  readonly accountId: number;
  readonly startedAt: number;
  lastActivityAt: number;
  /** Set while the password must be changed (first login, expiry): only changing it is allowed. */
  restricted: 'mustChangePassword' | 'passwordExpired' | null;
  ended: boolean;
}

/** The logged-in account's own audit signing key, opened with its password at login. */
export interface AccountSigner {
  readonly accountId: number;
  readonly username: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

export interface ServiceContext {
  readonly db: WritableDB;
  readonly actor: Actor;
  /** Injectable clock (tests); ISO 8601 timestamps are made from it. */
  readonly now: () => Date;
  readonly secret: WorkstationSecret | null;
  readonly session: Session | null;
  /** Signs checkpoints (logout, export, verification); null when nobody with a key is logged in. */
  readonly signer: AccountSigner | null;
  /** Folder of the external audit anchors (outside the database); null: none kept (tests). */
  readonly anchorDir: string | null;
  /** Long work (import, assembly, documents) run as a job: where it reports progress and is cancelled. */
  readonly job: JobControl | null;
}

/** What a long-running call reports: `done` of `total` steps, and what it is doing (Chinese). */
export interface JobProgress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

/** Progress sink and cancel signal of a call run as a job (app/services/jobs). */
export interface JobControl {
  readonly signal: AbortSignal;
  report(progress: JobProgress): void;
}

/**
 * Where anchors are kept: $QBANK_ANCHOR_DIR, else `~/.qbank/anchors` in the OS account's profile.
 * An empty $QBANK_ANCHOR_DIR keeps none.
 */
export function defaultAnchorDir(): string | null {
  const env = process.env.QBANK_ANCHOR_DIR;
  if (env !== undefined) return env === '' ? null : env;
  return join(homedir(), '.qbank', 'anchors');
}

/** The program itself, acting before anybody has logged in (first-run setup, login checks). */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: null, username: 'system', displayName: servicesMessages.systemActor, roles: [] });

export interface ContextOptions {
  readonly actor?: Actor;
  readonly now?: () => Date;
  readonly secret?: WorkstationSecret | null;
  readonly session?: Session | null;
  readonly signer?: AccountSigner | null;
  readonly anchorDir?: string | null;
  readonly job?: JobControl | null;
}

export function createContext(db: WritableDB, options: ContextOptions = {}): ServiceContext {
  return {
    db,
    actor: options.actor ?? SYSTEM_ACTOR,
    now: options.now ?? (() => new Date()),
    secret: options.secret ?? null,
    session: options.session ?? null,
    signer: options.signer ?? null,
    anchorDir: options.anchorDir === undefined ? defaultAnchorDir() : options.anchorDir,
    job: options.job ?? null,
  };
}

export function timestamp(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
