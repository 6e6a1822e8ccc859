/**
 * The one exception to the write-target check (media/write-target.ts): where the check cannot be
 * made at all (Windows, macOS, no readable mount table) writing is refused unless the 安全保密管理员
 * allows unverified targets. The switch is a setting changed through this handler (register 权限),
 * and every file written under it is recorded as such (app/services/output.ts). A target the check
 * refuses (USB, network, …) stays refused whatever this setting says.
 */
import { z } from 'zod';
import type { ReadableDB } from '../store/database.js';
import { getSetting, setSetting } from '../store/repositories/settings.js';
import { defineHandler } from './handler.js';

export const ALLOW_UNVERIFIED_TARGETS = 'output.allowUnverifiedTargets';

/** Marks the audit row of every write made under the exception. */
export const UNVERIFIED_NOTE = '写入位置未经核验（安全保密管理员已允许）';

export interface OutputPolicy {
  /** Write where the target cannot be checked (the check's verdict is `unverifiable`). */
  readonly allowUnverifiedTargets: boolean;
}

export function getOutputPolicy(db: ReadableDB): OutputPolicy {
  return { allowUnverifiedTargets: getSetting(db, ALLOW_UNVERIFIED_TARGETS) === 'true' };
}

export const outputPolicyHandlers = {
  'output.policy.get': defineHandler({
    name: 'output.policy.get',
    summary: '查看写入位置策略',
    input: z.object({}).strict(),
    roles: ['secadmin', 'auditor'],
    register: '',
    run: (ctx): OutputPolicy => getOutputPolicy(ctx.db),
  }),
  'output.policy.set': defineHandler({
    name: 'output.policy.set',
    summary: '修改写入位置策略（是否允许未经核验的写入位置）',
    input: z.object({ allowUnverifiedTargets: z.boolean() }).strict(),
    roles: ['secadmin'],
    register: '权限',
    objects: () => [`setting:${ALLOW_UNVERIFIED_TARGETS}`],
    detail: (i) => (i.allowUnverifiedTargets ? '允许未经核验的写入位置' : '禁止未经核验的写入位置'),
    run: (ctx, input): OutputPolicy => {
      setSetting(ctx.db, ALLOW_UNVERIFIED_TARGETS, input.allowUnverifiedTargets ? 'true' : 'false');
      return getOutputPolicy(ctx.db);
    },
  }),
} as const;
