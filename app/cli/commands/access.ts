/** `qbank access …`: who works on which bank (安全保密管理员). */
import { roleNames } from '../../domain/roles.js';
import { handlers } from '../../services/registry.js';
import { UsageError } from '../command.js';
import { arg, call, groupCommand, intArg } from '../group.js';
import { accessText } from '../messages/access.js';

const BANK_ROLES = { manager: 'manager', author: 'author', reviewer: 'reviewer', 题库管理员: 'manager', 命题人员: 'author', 审核专家: 'reviewer' } as const;

function bankRole(text: string) {
  const role = (BANK_ROLES as Record<string, string>)[text];
  if (!role) throw new UsageError(accessText.badRole(text));
  return role;
}

export const accessCommand = groupCommand('access', accessText.summary, [
  {
    name: 'list',
    usage: accessText.listUsage,
    summary: accessText.listSummary,
    run: async (ctx, s, args) =>
      void (await call(ctx, s, handlers['access.list'], { bankId: intArg(args, 0, accessText.bankId) }, (ms) => ms.map((m) => `${m.username}\t${roleNames[m.role]}`))),
  },
  {
    name: 'grant',
    usage: accessText.grantUsage,
    summary: accessText.grantSummary,
    run: async (ctx, s, args) =>
      void (await call(ctx, s, handlers['access.grant'], { bankId: intArg(args, 0, accessText.bankId), username: arg(args, 1, accessText.username), role: bankRole(arg(args, 2, accessText.role)) }, (m) => [
        accessText.granted(m.accountId, m.bankId, roleNames[m.role]),
      ])),
  },
  {
    name: 'revoke',
    usage: accessText.revokeUsage,
    summary: accessText.revokeSummary,
    run: async (ctx, s, args) =>
      void (await call(ctx, s, handlers['access.revoke'], { bankId: intArg(args, 0, accessText.bankId), username: arg(args, 1, accessText.username), role: bankRole(arg(args, 2, accessText.role)) }, (r) => [
        r.removed > 0 ? accessText.revoked : accessText.notGranted,
      ])),
  },
]);
