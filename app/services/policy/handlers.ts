/** Changing the policies of app/services/policy/read.ts (register 权限). */
import { z } from 'zod';
import { passwordPolicySchema, type PasswordPolicy } from '../../domain/account.js';
import {
  DEFAULT_MARKING,
  DOCUMENT_CLASSES,
  documentClassNames,
  markingNames,
  markingOf,
  markingPolicySchema,
  MARKINGS,
  type DocumentClass,
  type Marking,
} from '../../domain/submission/marking.js';
import { validateOrThrow } from '../../domain/validation.js';
import { setSetting } from '../../store/repositories/settings.js';
import { defineHandler, handlerMap } from '../handler.js';
import { policyMessages } from './messages.js';
import { ALLOW_UNVERIFIED_TARGETS, getMarkingPolicy, getOutputPolicy, getPolicy, OUTPUT_MARKING, SECURITY_POLICY, type OutputPolicy } from './read.js';

/** One row of the marking policy as the 安全保密管理员 sees it. */
export interface MarkingRow {
  readonly documentClass: DocumentClass;
  readonly name: string;
  readonly marking: Marking;
  readonly markingName: string;
  readonly isDefault: boolean;
  /** The clause the default follows. */
  readonly basis: string;
}

function markingRows(db: Parameters<typeof getMarkingPolicy>[0]): MarkingRow[] {
  const policy = getMarkingPolicy(db);
  return DOCUMENT_CLASSES.map((c) => {
    const marking = markingOf(c, policy);
    return { documentClass: c, name: documentClassNames[c], marking, markingName: markingNames[marking], isDefault: marking === DEFAULT_MARKING[c].marking, basis: DEFAULT_MARKING[c].basis };
  });
}

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
  defineHandler({
    name: 'output.marking.get',
    summary: '查看各类文件的密级标志',
    input: z.object({}).strict(),
    roles: ['secadmin', 'auditor', 'manager'],
    register: '',
    run: (ctx): MarkingRow[] => markingRows(ctx.db),
  }),
  defineHandler({
    name: 'output.marking.set',
    summary: '修改某类文件的密级标志（bank 按题库密级、work 工作秘密、none 不标密）',
    input: z.object({ changes: z.partialRecord(z.enum(DOCUMENT_CLASSES), z.enum([...MARKINGS, 'default'])) }).strict(),
    roles: ['secadmin'],
    register: '权限',
    objects: (i) => Object.keys(i.changes).map((k) => `marking:${k}`),
    detail: (i) =>
      policyMessages.markingChange(
        Object.entries(i.changes)
          .map(([c, m]) => `${documentClassNames[c as DocumentClass]}→${m === 'default' ? '默认' : markingNames[m as Marking]}`)
          .join('，'),
      ),
    run: (ctx, input): MarkingRow[] => {
      const next: Record<string, string> = { ...getMarkingPolicy(ctx.db) };
      for (const [c, m] of Object.entries(input.changes)) {
        if (m === 'default' || m === DEFAULT_MARKING[c as DocumentClass].marking) delete next[c];
        else if (m !== undefined) next[c] = m;
      }
      setSetting(ctx.db, OUTPUT_MARKING, JSON.stringify(validateOrThrow(policyMessages.marking, markingPolicySchema, next)));
      return markingRows(ctx.db);
    },
  }),
);
