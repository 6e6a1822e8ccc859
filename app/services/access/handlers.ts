/**
 * Bank membership: the 安全保密管理员 decides who works on which bank and as what (题库管理员,
 * 命题人员, 审核专家); the bank gate (gates.ts) enforces it on every bank-scoped call.
 */
import { z } from 'zod';
import { roleNames } from '../../domain/roles.js';
import { usernameSchema } from '../../domain/account.js';
import { bankRoleSchema } from '../../domain/bank.js';
import { addMember, listMembers, removeMember, type Membership } from '../../store/repositories/bank-members.js';
import { getAccount } from '../../store/repositories/accounts.js';
import { requireAccount } from '../accounts/handlers.js';
import { requireBank } from '../banks/context.js';
import { timestamp } from '../context.js';
import { ServiceError } from '../errors.js';
import { defineHandler, handlerMap } from '../handler.js';
import { accessMessages } from './messages.js';

const memberInput = z.object({ bankId: z.number().int().positive(), username: usernameSchema, role: bankRoleSchema });

export interface MemberView extends Membership {
  readonly username: string;
}

export const accessHandlers = handlerMap(
  defineHandler({
    name: 'access.grant',
    summary: '授权访问题库',
    input: memberInput,
    roles: ['secadmin'],
    register: '权限',
    objects: (i) => [`bank:${i.bankId}`, `account:${i.username}`, `bankRole:${i.role}`],
    run: (ctx, input): Membership => {
      requireBank(ctx, input.bankId);
      const account = requireAccount(ctx, input.username);
      if (!account.roles.includes(input.role)) {
        throw new ServiceError(accessMessages.lacksRoleToJoin(account.username, roleNames[input.role]));
      }
      const m = { bankId: input.bankId, accountId: account.id, role: input.role };
      addMember(ctx.db, m, ctx.actor.username, timestamp(ctx));
      return m;
    },
  }),
  defineHandler({
    name: 'access.revoke',
    summary: '收回题库访问权',
    input: memberInput,
    roles: ['secadmin'],
    register: '权限',
    objects: (i) => [`bank:${i.bankId}`, `account:${i.username}`, `bankRole:${i.role}`],
    run: (ctx, input): { removed: number } => {
      const account = requireAccount(ctx, input.username);
      return { removed: removeMember(ctx.db, { bankId: input.bankId, accountId: account.id, role: input.role }) };
    },
  }),
  defineHandler({
    name: 'access.list',
    summary: '查看题库成员',
    input: z.object({ bankId: z.number().int().positive() }),
    roles: ['secadmin', 'manager'],
    register: '',
    run: (ctx, input): readonly MemberView[] =>
      listMembers(ctx.db, input.bankId).map((m) => ({ ...m, username: getAccount(ctx.db, m.accountId)?.username ?? '' })),
  }),
);
