/** `qbank accounts …`: accounts and roles (三员 separation enforced by the services). */
import { roleNames, ROLES, type Role } from '../../domain/roles.js';
import { handlers } from '../../services/registry.js';
import type { AccountView } from '../../services/accounts/handlers.js';
import { stringOption, UsageError } from '../command.js';
import { arg, call, groupCommand, intArg } from '../group.js';
import { accountsText } from '../messages/accounts.js';

function accountLine(a: AccountView): string {
  const flags = [a.locked ? accountsText.locked : '', a.disabled ? accountsText.disabled : '', a.mustChangePassword ? accountsText.mustChangePassword : ''].filter(Boolean).join(' ');
  const roles = a.roles.map((r) => roleNames[r]).join(accountsText.roleSeparator) || '—';
  return accountsText.accountLine(a.username, a.displayName, roles, String(a.personId ?? '—'), flags);
}

function parseRoles(text: string): Role[] {
  const roles = text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  const byName = Object.fromEntries(ROLES.map((r) => [roleNames[r], r]));
  return roles.map((r) => {
    const role = (ROLES as readonly string[]).includes(r) ? (r as Role) : byName[r];
    if (!role) throw new UsageError(accountsText.unknownRole(r, ROLES.map((x) => accountsText.roleChoice(x, roleNames[x]))));
    return role;
  });
}

export const accountsCommand = groupCommand(
  'accounts',
  accountsText.summary,
  [
    {
      name: 'list',
      usage: 'list',
      summary: accountsText.listSummary,
      run: async (ctx, s) => void (await call(ctx, s, handlers['accounts.list'], {}, (list) => list.map(accountLine))),
    },
    {
      name: 'create',
      usage: accountsText.createUsage,
      summary: accountsText.createSummary,
      run: async (ctx, s, args) => {
        const name = stringOption(ctx, 'name') ?? arg(args, 0, accountsText.username);
        await call(ctx, s, handlers['accounts.create'], { username: arg(args, 0, accountsText.username), displayName: name }, (r) => [
          accountsText.created(r.account.username),
          accountsText.initialPassword(r.initialPassword),
        ]);
      },
    },
    {
      name: 'grant',
      usage: accountsText.grantUsage,
      summary: accountsText.grantSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['accounts.grantRoles'], { username: arg(args, 0, accountsText.username), roles: parseRoles(arg(args, 1, accountsText.role)) }, (a) => [accountLine(a)])),
    },
    {
      name: 'revoke',
      usage: accountsText.revokeUsage,
      summary: accountsText.revokeSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['accounts.revokeRole'], { username: arg(args, 0, accountsText.username), role: parseRoles(arg(args, 1, accountsText.role))[0] }, (a) => [accountLine(a)])),
    },
    {
      name: 'unlock',
      usage: accountsText.unlockUsage,
      summary: accountsText.unlockSummary,
      run: async (ctx, s, args) => void (await call(ctx, s, handlers['accounts.unlock'], { username: arg(args, 0, accountsText.username) }, (a) => [accountLine(a)])),
    },
    {
      name: 'link',
      usage: accountsText.linkUsage,
      summary: accountsText.linkSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['accounts.linkPerson'], { username: arg(args, 0, accountsText.username), personId: intArg(args, 1, accountsText.personId) }, (a) => [accountLine(a)])),
    },
    {
      name: 'reset-password',
      usage: accountsText.resetPasswordUsage,
      summary: accountsText.resetPasswordSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['accounts.resetPassword'], { username: arg(args, 0, accountsText.username) }, (r) => [accountsText.oneTimePassword(r.initialPassword)])),
    },
    {
      name: 'disable',
      usage: accountsText.disableUsage,
      summary: accountsText.disableSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['accounts.setDisabled'], { username: arg(args, 0, accountsText.username), disabled: true }, (a) => [accountLine(a)])),
    },
    {
      name: 'enable',
      usage: accountsText.enableUsage,
      summary: accountsText.enableSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['accounts.setDisabled'], { username: arg(args, 0, accountsText.username), disabled: false }, (a) => [accountLine(a)])),
    },
  ],
  { name: { type: 'string' } },
  accountsText.rolesHelp(ROLES.map((r) => [r, roleNames[r]] as const)),
);
