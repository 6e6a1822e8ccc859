/**
 * Login, logout and password change. Every success, failure, lockout and unlock is recorded in the
 * 登录 register; five failures (policy) lock the account; a first login or an expired password
 * restricts the session to changing the password; logout signs a checkpoint of the access log.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** A random password as the program generates one-time passwords (for shells that set one). */
export { generatePassword } from '../../../crypto/password.js';
import { afterFailure, isLocked, isPasswordExpired, passwordProblems, UNLOCKED } from '../../domain/account.js';
import type { Actor } from '../../domain/roles.js';
import { hashPasswordWithKey, unlockWithPassword, verifyPassword } from '../../../crypto/password.js';
import { inTransaction } from '../../store/database.js';
import { findAccount, getAccount, recentPasswordHashes, setLockState, setPassword, type AccountRecord } from '../../store/repositories/accounts.js';
import { anchorCommitted, anchorPending, createCheckpoint, recordAudit } from '../audit/record.js';
import { issueAccountKey, openAccountKey, rewrapSignerKey } from '../audit/keys.js';
import { sweepKnownOutputLocations } from '../output/write.js';
import { unknownNameTag } from '../audit/unknown-name.js';
import { createContext, timestamp, type AccountSigner, type ServiceContext, type Session } from '../context.js';
import { AuthenticationError, ServiceError } from '../errors.js';
import { defineHandler, handlerMap } from '../handler.js';
import { getPolicy } from '../policy/read.js';
import { sessionMessages } from './messages.js';

export function actorOf(account: AccountRecord): Actor {
  return { id: account.id, username: account.username, displayName: account.displayName, roles: account.roles };
}

/** What the 登录登记表 says about a restricted login. */
const RESTRICTION_NOTES = sessionMessages.restrictionNotes;

/** The same message for an unknown user and a wrong password (no user enumeration). */
const BAD_CREDENTIALS = sessionMessages.badCredentials;

/**
 * Checks the password and opens a session. `base` supplies db, clock and secret; its actor is
 * ignored. Throws AuthenticationError with a Chinese message; every outcome is audited.
 */
export async function login(base: ServiceContext, username: string, password: string): Promise<ServiceContext> {
  const policy = getPolicy(base.db);
  const account = findAccount(base.db, username);
  // an unknown name is logged as a keyed hash, never as typed (it may be a password typed into the wrong field)
  const logged = account ? account.username : unknownNameTag(base.db, username);
  const anonymous = createContext(base.db, { now: base.now, secret: base.secret, anchorDir: base.anchorDir, actor: { id: null, username: logged, displayName: logged, roles: [] } });
  const fail = (detail: string, message: string, objects: string[] = []): never => {
    recordAudit(anonymous, { action: 'session.login', register: '登录', objects, result: 'refused', detail });
    throw new AuthenticationError(message);
  };
  if (!account) {
    await verifyPassword(password, 'scrypt$65536$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='); // same cost as a real try
    return fail(sessionMessages.unknownUser, BAD_CREDENTIALS);
  }
  const objects = [`account:${account.id}`];
  const now = base.now();
  if (account.disabled) return fail(sessionMessages.disabled, sessionMessages.disabledMessage, objects);
  if (isLocked(account.lock, now)) {
    const until = account.lock.lockedUntil === 'manual' ? sessionMessages.unlockByAdmin : sessionMessages.lockedUntil(account.lock.lockedUntil);
    return fail(sessionMessages.locked, sessionMessages.lockedMessage(policy.maxFailures, until), objects);
  }
  const wrappingKey = await unlockWithPassword(password, account.passwordHash);
  if (!wrappingKey) {
    const base0 = account.lock.lockedUntil !== '' ? UNLOCKED : account.lock; // an expired lock starts a fresh count
    const next = afterFailure(base0, now, policy);
    setLockState(base.db, account.id, { failures: next.failures, lockedUntil: next.lockedUntil });
    if (next.locked) {
      recordAudit(anonymous, { action: 'account.lockout', register: '登录', objects, result: 'ok', detail: sessionMessages.failuresInARow(next.failures) });
      return fail(sessionMessages.wrongPasswordLocked, sessionMessages.wrongPasswordLockedMessage(BAD_CREDENTIALS, next.failures), objects);
    }
    // the same words as for an unknown name: the message must not tell whether the account exists
    return fail(sessionMessages.wrongPassword(next.failures, policy.maxFailures), BAD_CREDENTIALS, objects);
  }
  setLockState(base.db, account.id, UNLOCKED);
  let signer: AccountSigner;
  try {
    signer = openSigner(base, account, wrappingKey);
  } catch {
    // the password is right but does not open the account's key: the key or the hash was changed outside the program
    return fail(sessionMessages.keyUnopenable, sessionMessages.keyUnopenableMessage, objects);
  }
  const restricted = account.mustChangePassword ? 'mustChangePassword' : isPasswordExpired(account.passwordChangedAt, now, policy) ? 'passwordExpired' : null;
  const session: Session = { id: randomUUID(), accountId: account.id, startedAt: now.getTime(), lastActivityAt: now.getTime(), restricted, ended: false };
  const ctx = createContext(base.db, { actor: actorOf(account), now: base.now, secret: base.secret, session, signer, anchorDir: base.anchorDir });
  recordAudit(ctx, { action: 'session.login', register: '登录', objects, result: 'ok', detail: restricted === null ? '' : RESTRICTION_NOTES[restricted] });
  // what a crash left half-written in the places outputs went to is removed now and logged as 不完整
  sweepKnownOutputLocations(ctx);
  return ctx;
}

/**
 * The account's audit signing key, opened with the password's wrapping key. An account made before
 * keys existed (schema < 150) gets its key now, self-certified, and the log says so.
 */
function openSigner(base: ServiceContext, account: AccountRecord, wrappingKey: Buffer): AccountSigner {
  const opened = openAccountKey(base.db, account, wrappingKey);
  if (opened) return opened;
  const ctx = createContext(base.db, { actor: actorOf(account), now: base.now, secret: base.secret, anchorDir: base.anchorDir });
  return inTransaction(base.db, () => {
    const signer = issueAccountKey(base.db, account, wrappingKey, null, timestamp(ctx));
    recordAudit(ctx, { action: 'account.key', register: '权限', objects: [`account:${account.id}`, `key:${signer.keyId}`], result: 'ok', detail: sessionMessages.keyIssuedAtLogin });
    return signer;
  });
}

/** Ends the session and signs a checkpoint of the access log with the account's own key. */
export function logout(ctx: ServiceContext): void {
  const session = ctx.session;
  if (!session || session.ended) return;
  // the logout row and the checkpoint its account signs commit together: verify pairs them
  inTransaction(ctx.db, () => {
    recordAudit(ctx, { action: 'session.logout', register: '登录', objects: [`account:${session.accountId}`], result: 'ok', detail: '' });
    if (ctx.signer) createCheckpoint(ctx, 'logout');
    anchorPending(ctx);
  });
  anchorCommitted(ctx);
  session.ended = true;
}

async function changePassword(ctx: ServiceContext, current: string, next: string): Promise<{ changed: true }> {
  if (ctx.actor.id === null) throw new ServiceError(sessionMessages.loginRequired);
  const account = getAccount(ctx.db, ctx.actor.id);
  if (!account) throw new ServiceError(sessionMessages.noAccount);
  const currentKey = await unlockWithPassword(current, account.passwordHash);
  if (!currentKey) throw new AuthenticationError(sessionMessages.wrongCurrentPassword);
  const policy = getPolicy(ctx.db);
  const problems = passwordProblems(next, policy, account.username);
  if (problems.length > 0) throw new ServiceError(sessionMessages.weakPassword(problems.join('；')));
  for (const old of recentPasswordHashes(ctx.db, account.id, Math.max(policy.history, 1))) {
    if (await verifyPassword(next, old)) throw new ServiceError(sessionMessages.reusedPassword(policy.history));
  }
  const { hash, wrappingKey } = await hashPasswordWithKey(next);
  inTransaction(ctx.db, () => {
    setPassword(ctx.db, account.id, hash, timestamp(ctx), false);
    // the account's signing key, opened with the current password, now opens with the new one only;
    // an account without a key yet (made before schema 150) gets its first one
    const signer = openAccountKey(ctx.db, account, currentKey);
    if (signer) rewrapSignerKey(ctx.db, signer, wrappingKey);
    else issueAccountKey(ctx.db, account, wrappingKey, null, timestamp(ctx));
  });
  if (ctx.session) ctx.session.restricted = null;
  return { changed: true };
}

export const sessionHandlers = handlerMap(
  defineHandler({
    name: 'session.changePassword',
    summary: '修改本人口令',
    input: z.object({ current: z.string().min(1), next: z.string().min(1) }),
    roles: 'any',
    register: '登录',
    allowRestricted: true,
    objects: () => [],
    run: (ctx, input) => changePassword(ctx, input.current, input.next),
  }),
  defineHandler({
    name: 'session.whoami',
    summary: '查看当前账号',
    input: z.object({}).strict(),
    roles: 'any',
    register: '',
    allowRestricted: true,
    run: (ctx) => ({ ...ctx.actor, restricted: ctx.session?.restricted ?? null }),
  }),
);
