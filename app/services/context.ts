/**
 * What every service call carries: the database, the acting user and a clock. Shells (CLI, Electron
 * main, GUI tests) build one per session and pass it to `invoke`.
 */
import type { Actor } from '../domain/roles.js';
import type { WritableDB } from '../store/database.js';

export interface ServiceContext {
  readonly db: WritableDB;
  readonly actor: Actor;
  /** Injectable clock (tests); ISO 8601 timestamps are made from it. */
  readonly now: () => Date;
}

/**
 * The operator of a workstation on which no accounts exist yet. Accounts, login and 三员 separation
 * (issue [B]) replace it with authenticated sessions; it may then only run `init`.
 */
export const LOCAL_OPERATOR: Actor = Object.freeze({
  id: null,
  username: 'local',
  displayName: '本机操作员',
  roles: ['sysadmin', 'manager'] as const,
});

export function createContext(db: WritableDB, actor: Actor = LOCAL_OPERATOR, now: () => Date = () => new Date()): ServiceContext {
  return { db, actor, now };
}

export function timestamp(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
