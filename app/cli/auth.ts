/**
 * Where the CLI gets secrets, non-interactively and never from its own arguments (arguments end up
 * in shell history and process lists): files named by options, or environment variables.
 *   workstation: --passphrase-file F | $QBANK_PASSPHRASE_FILE | $QBANK_PASSPHRASE | --key-file F | $QBANK_KEY_FILE
 *   user:        --user U | $QBANK_USER, with --password-file F | $QBANK_PASSWORD_FILE | $QBANK_PASSWORD
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WorkstationSecret } from '../services/workstation/handlers.js';
import { login, logout } from '../services/session/handlers.js';
import { createContext, type ServiceContext } from '../services/context.js';
import { closeWorkstation, openWorkstation } from '../services/workstation/handlers.js';
import { stringOption, UsageError, type CommandContext } from './command.js';
import { authText } from './messages/auth.js';

function readSecretFile(ctx: CommandContext, path: string, what: string): string {
  try {
    return readFileSync(resolve(ctx.io.cwd, path), 'utf8').replace(/\r?\n$/, '');
  } catch (e) {
    throw new UsageError(authText.unreadableSecretFile(what, path, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
}

/** A secret given by `--<option>` file, `$<ENV>_FILE` file or `$<ENV>` value. */
export function secretText(ctx: CommandContext, option: string, env: string, what: string): string | undefined {
  const file = stringOption(ctx, option) ?? ctx.io.env[`${env}_FILE`];
  if (file !== undefined && file !== '') return readSecretFile(ctx, file, what);
  const value = ctx.io.env[env];
  return value === undefined || value === '' ? undefined : value;
}

export function workstationSecret(ctx: CommandContext, prefix = ''): WorkstationSecret {
  const keyFile = stringOption(ctx, `${prefix}key-file`) ?? (prefix === '' ? ctx.io.env.QBANK_KEY_FILE : undefined);
  if (keyFile !== undefined && keyFile !== '') {
    try {
      return { kind: 'keyFile', bytes: readFileSync(resolve(ctx.io.cwd, keyFile)) };
    } catch (e) {
      throw new UsageError(authText.unreadableKeyFile(keyFile, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    }
  }
  const passphrase = secretText(ctx, `${prefix}passphrase-file`, prefix === '' ? 'QBANK_PASSPHRASE' : 'QBANK_NEW_PASSPHRASE', authText.workstationPassphrase);
  if (passphrase === undefined) {
    throw new UsageError(prefix === '' ? authText.passphraseNeeded : authText.newPassphraseNeeded);
  }
  return { kind: 'passphrase', passphrase };
}

/** Opens the workstation, logs the user in, runs `fn`, logs out (signing a checkpoint) and closes. */
export async function withSession<T>(ctx: CommandContext, fn: (session: ServiceContext) => Promise<T>): Promise<T> {
  const user = stringOption(ctx, 'user') ?? ctx.io.env.QBANK_USER;
  if (user === undefined || user === '') throw new UsageError(authText.userNeeded);
  const password = secretText(ctx, 'password-file', 'QBANK_PASSWORD', authText.password);
  if (password === undefined) throw new UsageError(authText.passwordNeeded);
  const secret = workstationSecret(ctx);
  const db = openWorkstation(ctx.dbFile, secret);
  try {
    const session = await login(createContext(db, { secret }), user, password);
    try {
      return await fn(session);
    } finally {
      logout(session);
    }
  } finally {
    closeWorkstation(db);
  }
}

export const AUTH_OPTIONS = {
  user: { type: 'string' },
  'password-file': { type: 'string' },
  'passphrase-file': { type: 'string' },
  'key-file': { type: 'string' },
} as const;
