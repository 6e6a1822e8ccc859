/**
 * One handler per use case: a name, a zod input schema, the roles allowed to call it, how it is
 * registered in the access log, which gates apply, and the function. `invoke` is the single way in
 * from every shell (CLI, Electron IPC, GUI tests); in order it
 *   1. checks the session (ended, idle timeout, restricted to changing the password),
 *   2. validates the input (Chinese messages naming the field),
 *   3. checks the actor's roles, the 保密责任书 for secret content and bank membership,
 *   4. runs the handler,
 * and records the call — success, refusal or failure — in the hash-chained access log. The
 * handler's changes and its audit row commit in ONE transaction (a crash cannot leave a change
 * without its row); a refusal or failure is recorded in a transaction of its own after the
 * rollback, naming the files the failed call had written. Calls on one database run one at a time
 * (a nested `invoke` from inside a handler joins its caller). No secret content is reachable except
 * through a handler, so none without an audit row.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { z } from 'zod';
import type { AuditRegister } from '../domain/audit.js';
import { hasAnyRole, roleNames, type Role } from '../domain/roles.js';
import { validateOrThrow } from '../domain/validation.js';
import type { BankRole } from '../domain/bank.js';
import type { WritableDB } from '../store/database.js';
import { isDamagedPageError, NotADatabaseError } from '../store/errors.js';
import { auditHead } from '../store/repositories/audit-log.js';
import { anchorCommitted, anchorPending, recordAudit } from './audit/record.js';
import type { ServiceContext } from './context.js';
import { PermissionDeniedError, SessionEndedError } from './errors.js';
import { requireBankRole, requirePledge } from './gates.js';
import { servicesMessages } from './messages.js';
import { getPolicy } from './policy/read.js';

export interface Handler<S extends z.ZodType = z.ZodType, O = unknown, N extends string = string> {
  /** `area.verb`, e.g. `banks.create`: the key of the handler map, the IPC channel, the audit action. */
  readonly name: N;
  /** Chinese one-line description (help texts, audit registers). */
  readonly summary: string;
  readonly input: S;
  /** Roles that may call it; `any` for reference data and one's own session. */
  readonly roles: readonly Role[] | 'any';
  /** Register of the access log the call belongs to ('' for none). */
  readonly register: AuditRegister;
  /** Touches content of 机密级 (items, answers, papers): needs a valid 保密责任书 (规程第七条). */
  readonly secret?: boolean;
  /** Bank-scoped: the bank the input names and the bank roles that may act on it. */
  readonly bank?: { id(input: z.output<S>): number; roles: readonly BankRole[] };
  /**
   * false for the rare handler that cannot run inside a transaction (rekeying the database file):
   * its audit row is then written right after it, in a transaction of its own.
   */
  readonly transaction?: false;
  /** Public reference data (the occupation catalog): answered without a workstation (`invokeReference`). */
  readonly reference?: true;
  /** May be called while the session is restricted to changing the password. */
  readonly allowRestricted?: boolean;
  /** Called by the program on its own (the periodic air-gap check): does not count as the user's activity. */
  readonly background?: true;
  /** Object references recorded with a successful call (ids only, never content). */
  objects?(input: z.output<S>, output: O): readonly string[];
  /** Parameters recorded with a successful call (e.g. the settings of a 组卷), never content. */
  detail?(input: z.output<S>, output: O): string;
  run(ctx: ServiceContext, input: z.output<S>): O | Promise<O>;
}

export function defineHandler<const N extends string, S extends z.ZodType, O>(handler: Handler<S, O, N>): Handler<S, O, N> {
  return handler;
}

/** Any handler, whatever its input and output (the element type of handler lists). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- input and output vary per handler; each keeps its own type
export type AnyHandler = Handler<any, any>;

/** A map of handlers keyed by their own names (the name is written once, in the handler). */
export type HandlerMap<T extends readonly AnyHandler[]> = { readonly [H in T[number] as H['name']]: H };

/** Collects a capability's handlers under their names; a name given twice is a programming error. */
export function handlerMap<const T extends readonly AnyHandler[]>(...list: T): HandlerMap<T> {
  const map: Record<string, AnyHandler> = {};
  for (const h of list) {
    if (h.name in map) throw new Error(`handler ${h.name} defined twice`);
    map[h.name] = h;
  }
  return map as HandlerMap<T>;
}

/** The usual bank scope: the bank the input's `bankId` names, open to the given bank roles. */
export function bankOf(...roles: readonly BankRole[]): { id(input: { bankId: number }): number; roles: readonly BankRole[] } {
  return { id: (input) => input.bankId, roles };
}

function errorDetail(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** Ends an idle session; refuses an ended one and restricted calls. Marks activity. */
function checkSession(ctx: ServiceContext, handler: Handler): void {
  const s = ctx.session;
  if (!s) return;
  if (s.ended) throw new SessionEndedError(servicesMessages.sessionEnded);
  const now = ctx.now().getTime();
  const idle = getPolicy(ctx.db).idleMinutes;
  if (now - s.lastActivityAt > idle * 60_000) {
    s.ended = true;
    recordAudit(ctx, { action: 'session.timeout', register: '登录', objects: [`account:${s.accountId}`], result: 'ok', detail: servicesMessages.idle(idle) });
    throw new SessionEndedError(servicesMessages.sessionTimedOut(idle));
  }
  if (s.restricted !== null && handler.allowRestricted !== true) {
    throw new PermissionDeniedError(s.restricted === 'mustChangePassword' ? servicesMessages.mustChangePassword : servicesMessages.passwordExpired);
  }
  if (handler.background !== true) s.lastActivityAt = now;
}

/** One call at a time per database; the store marks a call already under way (nested invoke). */
const queues = new WeakMap<WritableDB, Promise<unknown>>();
const running = new AsyncLocalStorage<WritableDB>();

function serialized<T>(db: WritableDB, fn: () => Promise<T>): Promise<T> {
  if (running.getStore() === db) return fn();
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous.then(
    () => running.run(db, fn),
    () => running.run(db, fn),
  );
  queues.set(db, next.catch(() => undefined));
  return next;
}

/** Files written by rows the rollback removed (so the failure row still names them). */
function rolledBackFiles(db: WritableDB, afterSeq: number): string[] {
  const rows = db.prepare(`SELECT objects FROM audit_log WHERE seq > ? AND action = 'output.write' AND result = 'ok'`).pluck().all(afterSeq) as string[];
  return rows.flatMap((o) => JSON.parse(o) as string[]);
}

let nested = 0;

/** Runs the handler and its audit row in one transaction (see the header). */
async function runAtomically<O>(ctx: ServiceContext, fn: () => Promise<O>, record: (output: O) => void): Promise<O> {
  const db = ctx.db;
  if (db.inTransaction) {
    // nested call: the caller's transaction holds both; a savepoint undoes this call alone if it fails
    const name = `invoke_${++nested}`;
    db.exec(`SAVEPOINT ${name}`);
    try {
      const output = await fn();
      record(output);
      db.exec(`RELEASE ${name}`);
      return output;
    } catch (e) {
      if (db.inTransaction) db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw e;
    }
  }
  const startSeq = auditHead(db)?.seq ?? 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    const output = await fn();
    record(output);
    anchorPending(ctx);
    db.exec('COMMIT');
    anchorCommitted(ctx);
    return output;
  } catch (e) {
    const files = db.inTransaction ? rolledBackFiles(db, startSeq) : [];
    if (db.inTransaction) db.exec('ROLLBACK');
    throw files.length > 0 && e instanceof Error ? Object.assign(e, { rolledBackFiles: files }) : e;
  }
}

/** What a reference handler gets for a context: touching it (database, session, clock) is a programming error. */
const NO_WORKSTATION = new Proxy({} as ServiceContext, {
  get(_target, key) {
    throw new Error(`reference handlers run without a workstation (ctx.${String(key)})`);
  },
});

/**
 * Answers a reference handler before any workstation exists (the CLI's `qbank occupations`): the
 * input is validated as in `invoke`; there is no session, role or access-log row because the data
 * is public and no database is open.
 */
export async function invokeReference<S extends z.ZodType, O>(handler: Handler<S, O>, rawInput: unknown): Promise<O> {
  if (handler.reference !== true) throw new Error(`${handler.name} needs a workstation: call it through invoke`);
  return handler.run(NO_WORKSTATION, validateOrThrow(handler.summary, handler.input, rawInput));
}

export async function invoke<S extends z.ZodType, O>(ctx: ServiceContext, handler: Handler<S, O>, rawInput: unknown): Promise<O> {
  return serialized(ctx.db, () => invokeNow(ctx, handler, rawInput));
}

async function invokeNow<S extends z.ZodType, O>(ctx: ServiceContext, handler: Handler<S, O>, rawInput: unknown): Promise<O> {
  const audit = (result: 'ok' | 'refused' | 'error', objects: readonly string[], detail: string) =>
    recordAudit(ctx, { action: handler.name, register: result === 'refused' ? '拒绝' : handler.register, objects, result, detail });
  const refuse = (e: unknown, objects: readonly string[] = []): never => {
    const files = (e as { rolledBackFiles?: string[] } | null)?.rolledBackFiles ?? [];
    try {
      audit(e instanceof PermissionDeniedError || e instanceof SessionEndedError ? 'refused' : 'error', [...objects, ...files], errorDetail(e));
    } catch (failure) {
      // a page of the file changed on disk since it was opened: not even the failure row can be written
      if (isDamagedPageError(failure)) throw new NotADatabaseError(ctx.db.name, (failure as Error).message);
      throw failure;
    }
    throw isDamagedPageError(e) ? new NotADatabaseError(ctx.db.name, (e as Error).message) : e;
  };

  try {
    checkSession(ctx, handler as Handler);
  } catch (e) {
    if (e instanceof SessionEndedError) throw e; // the timeout itself was recorded
    refuse(e);
  }
  let input: z.output<S>;
  try {
    input = validateOrThrow(handler.summary, handler.input, rawInput);
  } catch (e) {
    return refuse(e);
  }
  const bankId = handler.bank?.id(input);
  const objects = bankId === undefined ? [] : [`bank:${bankId}`];
  try {
    if (handler.roles !== 'any' && !hasAnyRole(ctx.actor, handler.roles)) {
      throw new PermissionDeniedError(servicesMessages.rolesRequired(handler.summary, handler.roles.map((r) => roleNames[r])));
    }
    if (handler.secret === true) requirePledge(ctx);
    if (handler.bank && bankId !== undefined) requireBankRole(ctx, bankId, handler.bank.roles);
  } catch (e) {
    return refuse(e, objects);
  }
  const succeeded = (output: O) => void audit('ok', handler.objects?.(input, output) ?? objects, handler.detail?.(input, output) ?? '');
  try {
    if (handler.transaction === false) {
      const output = await handler.run(ctx, input);
      succeeded(output);
      return output;
    }
    return await runAtomically(ctx, async () => handler.run(ctx, input), succeeded);
  } catch (e) {
    return refuse(e, objects);
  }
}
