/** The security policy (password rules, lockout, idle timeout), kept in the settings table. */
import { z } from 'zod';
import { DEFAULT_POLICY, passwordPolicySchema, type PasswordPolicy } from '../domain/account.js';
import { validateOrThrow } from '../domain/validation.js';
import type { ReadableDB } from '../store/database.js';
import { getSetting, setSetting } from '../store/repositories/settings.js';
import { defineHandler } from './handler.js';

const KEY = 'security.policy';

export function getPolicy(db: ReadableDB): PasswordPolicy {
  const raw = getSetting(db, KEY);
  return raw === undefined ? DEFAULT_POLICY : passwordPolicySchema.parse(JSON.parse(raw));
}

export const policyHandlers = {
  'policy.get': defineHandler({
    name: 'policy.get',
    summary: '查看安全策略',
    input: z.object({}).strict(),
    roles: 'any',
    register: '',
    run: (ctx): PasswordPolicy => getPolicy(ctx.db),
  }),
  'policy.set': defineHandler({
    name: 'policy.set',
    summary: '修改安全策略',
    input: z.object({ changes: z.record(z.string(), z.unknown()) }),
    roles: ['secadmin'],
    register: '权限',
    objects: (i) => Object.keys(i.changes).map((k) => `policy:${k}`),
    run: (ctx, input): PasswordPolicy => {
      const next = validateOrThrow('安全策略', passwordPolicySchema.strict(), { ...getPolicy(ctx.db), ...input.changes });
      setSetting(ctx.db, KEY, JSON.stringify(next));
      return next;
    },
  }),
} as const;
