/** `qbank accounts …`: accounts and roles (三员 separation enforced by the services). */
import { roleNames, ROLES, type Role } from '../../domain/roles.js';
import { handlers } from '../../services/registry.js';
import type { AccountView } from '../../services/accounts/handlers.js';
import { stringOption, UsageError } from '../command.js';
import { arg, call, groupCommand, intArg } from '../group.js';

function accountLine(a: AccountView): string {
  const flags = [a.locked ? '已锁定' : '', a.disabled ? '已停用' : '', a.mustChangePassword ? '须改口令' : ''].filter(Boolean).join(' ');
  return `${a.username}\t${a.displayName}\t${a.roles.map((r) => roleNames[r]).join('、') || '—'}\t人员 ${a.personId ?? '—'}\t${flags}`;
}

function parseRoles(text: string): Role[] {
  const roles = text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  const byName = Object.fromEntries(ROLES.map((r) => [roleNames[r], r]));
  return roles.map((r) => {
    const role = (ROLES as readonly string[]).includes(r) ? (r as Role) : byName[r];
    if (!role) throw new UsageError(`未知角色 ${r}；可用：${ROLES.map((x) => `${x}（${roleNames[x]}）`).join('、')}`);
    return role;
  });
}

export const accountsCommand = groupCommand(
  'accounts',
  '账号与角色 (accounts and roles)',
  [
    {
      name: 'list',
      usage: 'list',
      summary: '列出账号',
      run: async (ctx, s) => void (await call(ctx, s, handlers['accounts.list'], {}, (list) => list.map(accountLine))),
    },
    {
      name: 'create',
      usage: 'create <用户名> --name <姓名>',
      summary: '新建账号（系统管理员），打印一次性初始口令',
      run: async (ctx, s, args) => {
        const name = stringOption(ctx, 'name') ?? arg(args, 0, '用户名');
        await call(ctx, s, handlers['accounts.create'], { username: arg(args, 0, '用户名'), displayName: name }, (r) => [
          `已新建账号 ${r.account.username}`,
          `初始口令（只显示这一次，首次登录须修改）: ${r.initialPassword}`,
        ]);
      },
    },
    {
      name: 'grant',
      usage: 'grant <用户名> <角色,…>',
      summary: '授予角色（安全保密管理员）',
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['accounts.grantRoles'], { username: arg(args, 0, '用户名'), roles: parseRoles(arg(args, 1, '角色')) }, (a) => [accountLine(a)])),
    },
    {
      name: 'revoke',
      usage: 'revoke <用户名> <角色>',
      summary: '收回角色（安全保密管理员）',
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['accounts.revokeRole'], { username: arg(args, 0, '用户名'), role: parseRoles(arg(args, 1, '角色'))[0] }, (a) => [accountLine(a)])),
    },
    {
      name: 'unlock',
      usage: 'unlock <用户名>',
      summary: '解锁账号（安全保密管理员）',
      run: async (ctx, s, args) => void (await call(ctx, s, handlers['accounts.unlock'], { username: arg(args, 0, '用户名') }, (a) => [accountLine(a)])),
    },
    {
      name: 'link',
      usage: 'link <用户名> <人员编号>',
      summary: '关联涉密人员登记（安全保密管理员）',
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['accounts.linkPerson'], { username: arg(args, 0, '用户名'), personId: intArg(args, 1, '人员编号') }, (a) => [accountLine(a)])),
    },
    {
      name: 'reset-password',
      usage: 'reset-password <用户名>',
      summary: '重置口令（系统管理员），打印一次性口令',
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['accounts.resetPassword'], { username: arg(args, 0, '用户名') }, (r) => [`一次性口令（首次登录须修改）: ${r.initialPassword}`])),
    },
    {
      name: 'disable',
      usage: 'disable <用户名>',
      summary: '停用账号（系统管理员）',
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['accounts.setDisabled'], { username: arg(args, 0, '用户名'), disabled: true }, (a) => [accountLine(a)])),
    },
    {
      name: 'enable',
      usage: 'enable <用户名>',
      summary: '启用账号（系统管理员）',
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['accounts.setDisabled'], { username: arg(args, 0, '用户名'), disabled: false }, (a) => [accountLine(a)])),
    },
  ],
  { name: { type: 'string' } },
);
