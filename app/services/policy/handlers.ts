/** Changing the policies of app/services/policy/read.ts (register 权限). */
import { z } from 'zod';
import { passwordPolicySchema, type PasswordPolicy } from '../../domain/account.js';
import { validateOrThrow } from '../../domain/validation.js';
import { setSetting } from '../../store/repositories/settings.js';
import { defineHandler, handlerMap } from '../handler.js';
import { policyMessages } from './messages.js';
import { ALLOW_UNVERIFIED_TARGETS, getOutputPolicy, getPolicy, SECURITY_POLICY, type OutputPolicy } from './read.js';

export const policyHandlers = handlerMap(
  defineHandler({
    name: 'policy.get',
    summary: '查看安全策略',
    input: z.object({}).strict(),
    roles: 'any',
    register: '',
    run: (ctx): PasswordPolicy => getPolicy(ctx.db),
  }),
  defineHandler({
    name: 'policy.set',
    summary: '修改安全策略',
    input: z.object({ changes: z.record(z.string(), z.unknown()) }),
    roles: ['secadmin'],
    register: '权限',
    objects: (i) => Object.keys(i.changes).map((k) => `policy:${k}`),
    run: (ctx, input): PasswordPolicy => {
      const next = validateOrThrow(policyMessages.securityPolicy, passwordPolicySchema.strict(), { ...getPolicy(ctx.db), ...input.changes });
      setSetting(ctx.db, SECURITY_POLICY, JSON.stringify(next));
      return next;
    },
  }),
  defineHandler({
    name: 'output.policy.get',
    summary: '查看写入位置策略',
    input: z.object({}).strict(),
    roles: ['secadmin', 'auditor'],
    register: '',
    run: (ctx): OutputPolicy => getOutputPolicy(ctx.db),
  }),
  defineHandler({
    name: 'output.policy.set',
    summary: '修改写入位置策略（是否允许未经核验的写入位置）',
    input: z.object({ allowUnverifiedTargets: z.boolean() }).strict(),
    roles: ['secadmin'],
    register: '权限',
    objects: () => [`setting:${ALLOW_UNVERIFIED_TARGETS}`],
    detail: (i) => (i.allowUnverifiedTargets ? policyMessages.allowUnverified : policyMessages.forbidUnverified),
    run: (ctx, input): OutputPolicy => {
      setSetting(ctx.db, ALLOW_UNVERIFIED_TARGETS, input.allowUnverifiedTargets ? 'true' : 'false');
      return getOutputPolicy(ctx.db);
    },
  }),
);
