/**
 * The desktop shell's session host: one per window. It owns the stages a user goes through —
 * first run (create the encrypted workstation and the 三员), unlock (open it with the passphrase or
 * key file), login, work, lock (idle) — and is the single way the GUI reaches the handlers: `call`
 * runs a handler through `invoke` as the logged-in user; `startJob` runs a long one in the
 * background with progress and cancel. Electron main binds it to IPC (app/main/ipc.ts); GUI tests
 * bind the same object into Chromium, so the screens under test use the real services.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Role } from '../../domain/roles.js';
import { validateOrThrow } from '../../domain/validation.js';
import type { WritableDB } from '../../store/database.js';
import { createContext, type ServiceContext } from '../context.js';
import { ServiceError, SessionEndedError } from '../errors.js';
import { invoke, type AnyHandler } from '../handler.js';
import { JobRunner, type JobStatus } from '../jobs/runner.js';
import { getPolicy } from '../policy/read.js';
import { handlers } from '../registry.js';
import { login, logout } from '../session/handlers.js';
import { closeWorkstation, initWorkstation, openWorkstation, workstationStatus, type InitialAdmin, type OpenWorkstationOptions } from '../workstation/handlers.js';
import { desktopMessages } from './messages.js';
import type { DesktopMethod } from './methods.js';

/** Handlers that may run as background jobs (they report progress and honour cancel). */
export const LONG_RUNNING = ['import.items', 'assembly.run', 'documents.generate'] as const;

export type DesktopStage = 'new' | 'closed' | 'open' | 'session';

export interface DesktopUser {
  readonly id: number | null;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly restricted: 'mustChangePassword' | 'passwordExpired' | null;
}

export interface DesktopState {
  readonly stage: DesktopStage;
  readonly dbFile: string;
  readonly workstationId: string | null;
  readonly user: DesktopUser | null;
  /** Who was logged in before the screen was locked (idle) — the lock screen asks only for the password. */
  readonly lockedUser: string | null;
  readonly idleMinutes: number | null;
}

export interface DesktopHostOptions extends Pick<OpenWorkstationOptions, 'allowUnverifiedTarget' | 'probe'> {
  readonly dbFile: string;
  readonly now?: () => Date;
  readonly anchorDir?: string | null;
  /** The shell's folder picker (Electron: a dialog; tests: a fixed folder); none: not offered. */
  readonly chooseFolder?: () => Promise<string | null>;
}

const secretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('passphrase'), passphrase: z.string().min(1) }),
  z.object({ kind: z.literal('keyFile'), bytes: z.instanceof(Uint8Array) }),
]);

/** Input of each desktop method, checked like a handler's (the renderer is not trusted). */
export const desktopInputs = {
  state: z.object({}).strict(),
  create: z.object({ secret: secretSchema }).strict(),
  open: z.object({ secret: secretSchema }).strict(),
  login: z.object({ username: z.string().trim().min(1), password: z.string().min(1) }).strict(),
  logout: z.object({}).strict(),
  lock: z.object({}).strict(),
  startJob: z.object({ name: z.enum(LONG_RUNNING), input: z.unknown() }).strict(),
  job: z.object({ id: z.string().min(1) }).strict(),
  cancelJob: z.object({ id: z.string().min(1) }).strict(),
  chooseFolder: z.object({}).strict(),
} satisfies Record<DesktopMethod, z.ZodType>;

export type DesktopInput<M extends DesktopMethod> = z.input<(typeof desktopInputs)[M]>;

export class DesktopHost {
  readonly #options: DesktopHostOptions;
  readonly #jobs = new JobRunner();
  #db: WritableDB | null = null;
  #secret: z.output<typeof secretSchema> | null = null;
  #session: ServiceContext | null = null;
  #lockedUser: string | null = null;

  constructor(options: DesktopHostOptions) {
    this.#options = { ...options, dbFile: resolve(options.dbFile) };
  }

  state(): DesktopState {
    const db = this.#db;
    const session = this.#session?.session;
    if (session?.ended === true) this.#endSession();
    const actor = this.#session?.actor;
    return {
      stage: this.#session ? 'session' : db ? 'open' : existsSync(this.#options.dbFile) ? 'closed' : 'new',
      dbFile: this.#options.dbFile,
      workstationId: db ? workstationStatus(db).workstationId : null,
      user: actor ? { id: actor.id, username: actor.username, displayName: actor.displayName, roles: actor.roles, restricted: this.#session?.session?.restricted ?? null } : null,
      lockedUser: this.#lockedUser,
      idleMinutes: db ? getPolicy(db).idleMinutes : null,
    };
  }

  /** First run: creates the encrypted database and the 三员; returns their one-time passwords. */
  async create(input: DesktopInput<'create'>): Promise<{ state: DesktopState; admins: readonly InitialAdmin[] }> {
    const { secret } = validateOrThrow('创建工作站', desktopInputs.create, input);
    if (existsSync(this.#options.dbFile)) throw new ServiceError(desktopMessages.alreadyExists(this.#options.dbFile));
    const result = await initWorkstation(this.#options.dbFile, secret, this.#now, this.#openOptions());
    this.#db = result.db;
    this.#secret = secret;
    return { state: this.state(), admins: result.admins };
  }

  /** Opens the existing workstation with its secret (a wrong one: the store's Chinese message). */
  open(input: DesktopInput<'open'>): DesktopState {
    const { secret } = validateOrThrow('打开工作站', desktopInputs.open, input);
    if (this.#db) throw new ServiceError(desktopMessages.alreadyOpen);
    if (!existsSync(this.#options.dbFile)) throw new ServiceError(desktopMessages.notCreated);
    this.#db = openWorkstation(this.#options.dbFile, secret, this.#openOptions());
    this.#secret = secret;
    return this.state();
  }

  async login(input: DesktopInput<'login'>): Promise<DesktopState> {
    const { username, password } = validateOrThrow('登录', desktopInputs.login, input);
    const db = this.#requireDb();
    if (this.#session) this.logout();
    this.#session = await login(createContext(db, { secret: this.#secret, now: this.#now, anchorDir: this.#anchorDir }), username, password);
    this.#lockedUser = null;
    return this.state();
  }

  logout(): DesktopState {
    this.#endSession();
    this.#lockedUser = null;
    return this.state();
  }

  /** Idle lock: the session ends (logout, checkpoint); the lock screen asks the same user for the password. */
  lock(): DesktopState {
    const username = this.#session?.actor.username ?? this.#lockedUser;
    this.#endSession();
    this.#lockedUser = username;
    return this.state();
  }

  /** Runs a handler as the logged-in user (the same `invoke` as the CLI: roles, gates, access log). */
  async call(name: string, input: unknown): Promise<unknown> {
    const ctx = this.#requireSession();
    try {
      return await invoke(ctx, this.#handler(name), input);
    } finally {
      if (ctx.session?.ended === true) this.lock();
    }
  }

  startJob(input: DesktopInput<'startJob'>): { id: string } {
    const { name, input: payload } = validateOrThrow('启动任务', desktopInputs.startJob, input);
    const ctx = this.#requireSession();
    const handler = this.#handler(name);
    const id = this.#jobs.start(name, (job) => invoke({ ...ctx, job }, handler, payload));
    return { id };
  }

  job(input: DesktopInput<'job'>): JobStatus {
    return this.#jobs.status(validateOrThrow('查看任务', desktopInputs.job, input).id);
  }

  cancelJob(input: DesktopInput<'cancelJob'>): { cancelled: true } {
    this.#jobs.cancel(validateOrThrow('取消任务', desktopInputs.cancelJob, input).id);
    return { cancelled: true };
  }

  async chooseFolder(): Promise<{ path: string | null }> {
    if (!this.#options.chooseFolder) throw new ServiceError(desktopMessages.noFolderPicker);
    return { path: await this.#options.chooseFolder() };
  }

  /** Logs out and closes the database (window closed, program quitting). */
  close(): void {
    this.#endSession();
    if (this.#db) closeWorkstation(this.#db);
    this.#db = null;
    this.#secret = null;
  }

  /** Dispatches a desktop method by name (what the IPC channel `desktop.<method>` calls). */
  dispatch(method: DesktopMethod, input: unknown): unknown {
    switch (method) {
      case 'state':
        validateOrThrow('查看状态', desktopInputs.state, input ?? {});
        return this.state();
      case 'create':
        return this.create(input as DesktopInput<'create'>);
      case 'open':
        return this.open(input as DesktopInput<'open'>);
      case 'login':
        return this.login(input as DesktopInput<'login'>);
      case 'logout':
        return this.logout();
      case 'lock':
        return this.lock();
      case 'startJob':
        return this.startJob(input as DesktopInput<'startJob'>);
      case 'job':
        return this.job(input as DesktopInput<'job'>);
      case 'cancelJob':
        return this.cancelJob(input as DesktopInput<'cancelJob'>);
      case 'chooseFolder':
        return this.chooseFolder();
    }
  }

  get #now(): () => Date {
    return this.#options.now ?? (() => new Date());
  }

  get #anchorDir(): string | null | undefined {
    return this.#options.anchorDir;
  }

  #openOptions(): Pick<OpenWorkstationOptions, 'allowUnverifiedTarget' | 'probe'> {
    const { allowUnverifiedTarget, probe } = this.#options;
    return { ...(allowUnverifiedTarget === undefined ? {} : { allowUnverifiedTarget }), ...(probe === undefined ? {} : { probe }) };
  }

  #handler(name: string): AnyHandler {
    const handler = (handlers as Readonly<Record<string, AnyHandler>>)[name];
    if (!handler || !Object.hasOwn(handlers, name)) throw new ServiceError(desktopMessages.unknownCall(name));
    return handler;
  }

  #requireDb(): WritableDB {
    if (this.#db) return this.#db;
    throw new ServiceError(existsSync(this.#options.dbFile) ? desktopMessages.notOpen : desktopMessages.notCreated);
  }

  #requireSession(): ServiceContext {
    this.#requireDb();
    if (!this.#session || this.#session.session?.ended === true) throw new SessionEndedError(desktopMessages.loginFirst);
    return this.#session;
  }

  #endSession(): void {
    const ctx = this.#session;
    if (!ctx) return;
    this.#jobs.cancelAll();
    this.#session = null;
    logout(ctx);
  }
}

