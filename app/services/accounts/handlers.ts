/**
 * Accounts and roles under the 三员 separation: the 系统管理员 creates and disables accounts; the
 * 安全保密管理员 grants and revokes roles, links accounts to the personnel register and unlocks; the
 * 安全审计员 only reads the log. Role changes are recorded in the 权限 register.
 */
import { z } from 'zod';
import { passwordProblems, roleCombinationRules, UNLOCKED, usernameSchema } from '../../domain/account.js';
import { ROLES, roleNames, type Role } from '../../domain/roles.js';
import { DomainValidationError } from '../../domain/validation.js';
import { generatePassword, hashPasswordWithKey } from '../../../crypto/password.js';
import { inTransaction } from '../../store/database.js';
import {
  findAccount,
  grantRole,
  insertAccount,
  linkPerson,
  listAccounts,
  revokeRole,
  setDisabled,
  setLockState,
  setPassword,
  type AccountRecord,
} from '../../store/repositories/accounts.js';
import { getPerson } from '../../store/repositories/people.js';
import { issueAccountKey } from '../audit/keys.js';
import { timestamp, type AccountSigner, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { defineHandler, handlerMap } from '../handler.js';
import { getPolicy } from '../policy/read.js';
import { peopleMessages } from '../people/messages.js';
import { accountsMessages } from './messages.js';

/** What may be shown about an account (never the hash). */
export interface AccountView {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly personId: number | null;
  readonly locked: boolean;
  readonly disabled: boolean;
  readonly mustChangePassword: boolean;
}

export function viewOf(a: AccountRecord): AccountView {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    roles: a.roles,
    personId: a.personId,
    locked: a.lock.lockedUntil !== '',
    disabled: a.disabled,
    mustChangePassword: a.mustChangePassword,
  };
}

export function requireAccount(ctx: ServiceContext, username: string): AccountRecord {
  const a = findAccount(ctx.db, username);
  if (!a) throw new ServiceError(accountsMessages.notFound(username));
  return a;
}

export interface CreatedAccount {
  readonly account: AccountView;
  /** One-time initial password; the holder must change it at first login. */
  readonly initialPassword: string;
}

/**
 * Creates an account with a one-time password (and roles, used only at first run for the 三员), and
 * its audit signing key wrapped by that password and certified by the acting administrator's key
 * (self-certified when nobody with a key acts: first run). The key stays inside the services.
 */
export async function createAccountWithKey(
  ctx: ServiceContext,
  username: string,
  displayName: string,
  roles: readonly Role[] = [],
): Promise<CreatedAccount & { readonly signer: AccountSigner }> {
  if (findAccount(ctx.db, username)) throw new ServiceError(accountsMessages.exists(username));
  const password = generatePassword();
  const { hash, wrappingKey } = await hashPasswordWithKey(password);
  const at = timestamp(ctx);
  const { account, signer } = inTransaction(ctx.db, () => {
    const a = insertAccount(ctx.db, { username, displayName, passwordHash: hash, personId: null }, ctx.actor.username, at);
    for (const r of roles) grantRole(ctx.db, a.id, r, ctx.actor.username, at);
    return { account: requireAccount(ctx, username), signer: issueAccountKey(ctx.db, a, wrappingKey, ctx.signer, at) };
  });
  return { account: viewOf(account), initialPassword: password, signer };
}

export async function createAccount(ctx: ServiceContext, username: string, displayName: string, roles: readonly Role[] = []): Promise<CreatedAccount> {
  const { account, initialPassword } = await createAccountWithKey(ctx, username, displayName, roles);
  return { account, initialPassword };
}

const username = z.object({ username: usernameSchema });

export const accountHandlers = handlerMap(
  defineHandler({
    name: 'accounts.list',
    summary: '列出账号',
    input: z.object({}).strict(),
    roles: ['sysadmin', 'secadmin'],
    register: '',
    run: (ctx): readonly AccountView[] => listAccounts(ctx.db).map(viewOf),
  }),
  defineHandler({
    name: 'accounts.create',
    summary: '新建账号',
    input: z.object({ username: usernameSchema, displayName: z.string().trim().min(1).max(40) }),
    roles: ['sysadmin'],
    register: '权限',
    objects: (i) => [`account:${i.username}`],
    run: (ctx, input) => createAccount(ctx, input.username, input.displayName),
  }),
  defineHandler({
    name: 'accounts.resetPassword',
    summary: '重置账号口令',
    input: username,
    roles: ['sysadmin'],
    register: '权限',
    objects: (i) => [`account:${i.username}`],
    run: async (ctx, input): Promise<{ initialPassword: string }> => {
      const a = requireAccount(ctx, input.username);
      const password = generatePassword();
      const { hash, wrappingKey } = await hashPasswordWithKey(password);
      // the old key cannot be opened without the old password: it is retired, a new one certified
      inTransaction(ctx.db, () => {
        setPassword(ctx.db, a.id, hash, timestamp(ctx), true);
        issueAccountKey(ctx.db, a, wrappingKey, ctx.signer, timestamp(ctx));
      });
      return { initialPassword: password };
    },
  }),
  defineHandler({
    name: 'accounts.setDisabled',
    summary: '停用或启用账号',
    input: z.object({ username: usernameSchema, disabled: z.boolean() }),
    roles: ['sysadmin'],
    register: '权限',
    objects: (i) => [`account:${i.username}`],
    run: (ctx, input): AccountView => {
      const a = requireAccount(ctx, input.username);
      if (a.id === ctx.actor.id) throw new ServiceError(accountsMessages.cannotDisableSelf);
      setDisabled(ctx.db, a.id, input.disabled);
      return viewOf(requireAccount(ctx, input.username));
    },
  }),
  defineHandler({
    name: 'accounts.grantRoles',
    summary: '授予角色',
    input: z.object({ username: usernameSchema, roles: z.array(z.enum(ROLES)).min(1) }),
    roles: ['secadmin'],
    register: '权限',
    objects: (i) => [`account:${i.username}`, ...i.roles.map((r) => `role:${r}`)],
    run: (ctx, input): AccountView => {
      const a = requireAccount(ctx, input.username);
      if (a.id === ctx.actor.id) throw new ServiceError(accountsMessages.cannotGrantSelf);
      // 三员分立 on the roles the account would hold; the trigger of migration 0140 refuses the same.
      const problems = roleCombinationRules([...new Set([...a.roles, ...input.roles])]);
      if (problems.length > 0) throw new DomainValidationError(accountsMessages.account(a.username), problems);
      inTransaction(ctx.db, () => input.roles.forEach((r) => grantRole(ctx.db, a.id, r, ctx.actor.username, timestamp(ctx))));
      return viewOf(requireAccount(ctx, input.username));
    },
  }),
  defineHandler({
    name: 'accounts.revokeRole',
    summary: '收回角色',
    input: z.object({ username: usernameSchema, role: z.enum(ROLES) }),
    roles: ['secadmin'],
    register: '权限',
    objects: (i) => [`account:${i.username}`, `role:${i.role}`],
    run: (ctx, input): AccountView => {
      const a = requireAccount(ctx, input.username);
      if (!a.roles.includes(input.role)) throw new ServiceError(accountsMessages.lacksRole(a.username, roleNames[input.role]));
      revokeRole(ctx.db, a.id, input.role);
      return viewOf(requireAccount(ctx, input.username));
    },
  }),
  defineHandler({
    name: 'accounts.unlock',
    summary: '解锁账号',
    input: username,
    roles: ['secadmin'],
    register: '登录',
    objects: (i) => [`account:${i.username}`],
    run: (ctx, input): AccountView => {
      const a = requireAccount(ctx, input.username);
      setLockState(ctx.db, a.id, UNLOCKED);
      return viewOf(requireAccount(ctx, input.username));
    },
  }),
  defineHandler({
    name: 'accounts.linkPerson',
    summary: '关联涉密人员',
    input: z.object({ username: usernameSchema, personId: z.number().int().positive().nullable() }),
    roles: ['secadmin'],
    register: '权限',
    objects: (i) => [`account:${i.username}`, `person:${i.personId ?? 'none'}`],
    run: (ctx, input): AccountView => {
      const a = requireAccount(ctx, input.username);
      if (input.personId !== null && !getPerson(ctx.db, input.personId)) throw new ServiceError(peopleMessages.notRegistered(input.personId));
      linkPerson(ctx.db, a.id, input.personId);
      return viewOf(requireAccount(ctx, input.username));
    },
  }),
);

/** Checks a password against the policy without storing it (for the GUI's live hints). */
export function checkNewPassword(ctx: ServiceContext, username: string, password: string): string[] {
  return passwordProblems(password, getPolicy(ctx.db), username);
}
