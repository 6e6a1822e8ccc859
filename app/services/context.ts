/**
 * What every service call carries: the database, the acting user, a clock, the workstation secret
 * (to unwrap the audit signing key) and, for interactive use, the login session. Shells (CLI,
 * Electron main, GUI tests) build one per session and pass it to `invoke`.
 */
import type { WorkstationSecret } from '../../crypto/database-key.js';
import type { Actor } from '../domain/roles.js';
import type { WritableDB } from '../store/database.js';

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

export interface ServiceContext {
  readonly db: WritableDB;
  readonly actor: Actor;
  /** Injectable clock (tests); ISO 8601 timestamps are made from it. */
  readonly now: () => Date;
  readonly secret: WorkstationSecret | null;
  readonly session: Session | null;
}

/** The program itself, acting before anybody has logged in (first-run setup, login checks). */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: null, username: 'system', displayName: '系统', roles: [] });

export interface ContextOptions {
  readonly actor?: Actor;
  readonly now?: () => Date;
  readonly secret?: WorkstationSecret | null;
  readonly session?: Session | null;
}

export function createContext(db: WritableDB, options: ContextOptions = {}): ServiceContext {
  return {
    db,
    actor: options.actor ?? SYSTEM_ACTOR,
    now: options.now ?? (() => new Date()),
    secret: options.secret ?? null,
    session: options.session ?? null,
  };
}

export function timestamp(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
