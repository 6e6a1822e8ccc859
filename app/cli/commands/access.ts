/** `qbank access …`: who works on which bank (安全保密管理员). */
import { roleNames } from '../../domain/roles.js';
import { handlers } from '../../services/registry.js';
import { UsageError } from '../command.js';
import { arg, call, groupCommand, intArg } from '../group.js';

const BANK_ROLES = { manager: 'manager', author: 'author', reviewer: 'reviewer', 题库管理员: 'manager', 命题人员: 'author', 审核专家: 'reviewer' } as const;

function bankRole(text: string) {
  const role = (BANK_ROLES as Record<string, string>)[text];
  if (!role) throw new UsageError(`题库角色应为 manager/author/reviewer（题库管理员/命题人员/审核专家），收到 ${text}`);
  return role;
}

export const accessCommand = groupCommand('access', '题库访问授权 (bank membership)', [
  {
    name: 'list',
    usage: 'list <题库编号>',
    summary: '查看题库成员',
    run: async (ctx, s, args) =>
      void (await call(ctx, s, handlers['access.list'], { bankId: intArg(args, 0, '题库编号') }, (ms) => ms.map((m) => `${m.username}\t${roleNames[m.role]}`))),
  },
  {
    name: 'grant',
    usage: 'grant <题库编号> <用户名> <角色>',
    summary: '授权（安全保密管理员）',
    run: async (ctx, s, args) =>
      void (await call(ctx, s, handlers['access.grant'], { bankId: intArg(args, 0, '题库编号'), username: arg(args, 1, '用户名'), role: bankRole(arg(args, 2, '角色')) }, (m) => [
        `已授权：账号 ${m.accountId} 为题库 ${m.bankId} 的${roleNames[m.role]}`,
      ])),
  },
  {
    name: 'revoke',
    usage: 'revoke <题库编号> <用户名> <角色>',
    summary: '收回授权（安全保密管理员）',
    run: async (ctx, s, args) =>
      void (await call(ctx, s, handlers['access.revoke'], { bankId: intArg(args, 0, '题库编号'), username: arg(args, 1, '用户名'), role: bankRole(arg(args, 2, '角色')) }, (r) => [
        r.removed > 0 ? '已收回授权' : '该账号原本没有此授权',
      ])),
  },
]);
