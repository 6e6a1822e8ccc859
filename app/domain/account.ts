/**
 * Accounts, 三员 separation and the password policy for a 机密级 system. Pure rules; hashing and
 * storage live in crypto/ and the store.
 * - 三员分立: 系统管理员, 安全保密管理员 and 安全审计员 are three different accounts (no account holds two
 *   of them), and none of them holds a content role (题库管理员, 命题人员, 审核专家): whoever administers,
 *   grants or audits must not also handle items or audit themselves. The database enforces the same rule
 *   (trigger of migration 0140).
 * - Default policy (机密级): ≥ 10 characters with letters, digits and symbols; expires after 7 days;
 *   the last 5 passwords may not be reused; 5 failures lock the account for 30 minutes or until the
 *   安全保密管理员 unlocks it; a session idle for 15 minutes ends.
 */
import { z } from 'zod';
import { roleNames, ROLES, type Role } from './roles.js';
import { problem, type Problem } from './validation.js';

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, { error: '用户名应为 3–32 位小写字母、数字或 _ . -，以字母开头' });

/** The 三员: created at first run, each a different account, never with content roles. */
export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const satisfies readonly Role[];
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** The question-bank roles, which handle item content. */
export const CONTENT_ROLES = ['manager', 'author', 'reviewer'] as const satisfies readonly Role[];

/** Every pair of roles one account may not hold together: two of the 三员, or one of them with a content role. */
export const FORBIDDEN_ROLE_PAIRS: readonly (readonly [Role, Role])[] = [
  ...ADMIN_ROLES.flatMap((a, i) => ADMIN_ROLES.slice(i + 1).map((b) => [a, b] as const)),
  ...ADMIN_ROLES.flatMap((a) => CONTENT_ROLES.map((c) => [a, c] as const)),
];

export const rolesSchema = z.array(z.enum(ROLES, { error: `角色必须是：${ROLES.map((r) => roleNames[r]).join('、')}` }));

const isAdminRole = (r: Role): boolean => (ADMIN_ROLES as readonly Role[]).includes(r);

/** Separation of duties (三员分立): one problem per forbidden pair found in `roles`. */
export function roleCombinationRules(roles: readonly Role[]): Problem[] {
  const problems: Problem[] = [];
  for (const [a, b] of FORBIDDEN_ROLE_PAIRS) {
    if (!roles.includes(a) || !roles.includes(b)) continue;
    const message = isAdminRole(b)
      ? `同一账号不能同时担任${roleNames[a]}和${roleNames[b]}（三员分立：三员须由不同的人担任）`
      : `${roleNames[a]}不能兼任${roleNames[b]}（三员分立：管理员不接触试题内容）`;
    problems.push(problem(['roles'], message));
  }
  return problems;
}

export const passwordPolicySchema = z.object({
  minLength: z.number().int().min(8).max(64).default(10),
  requireLetters: z.boolean().default(true),
  requireDigits: z.boolean().default(true),
  requireSymbols: z.boolean().default(true),
  /** Days after which a password must be changed; 0 = never. */
  maxAgeDays: z.number().int().min(0).max(365).default(7),
  /** How many previous passwords may not be reused. */
  history: z.number().int().min(0).max(24).default(5),
  /** Consecutive failures that lock the account. */
  maxFailures: z.number().int().min(1).max(20).default(5),
  /** Minutes a locked account stays locked unless unlocked by the 安全保密管理员; 0 = until unlocked. */
  lockoutMinutes: z.number().int().min(0).max(10_080).default(30),
  /** Minutes of inactivity after which a session ends. */
  idleMinutes: z.number().int().min(1).max(240).default(15),
});
export type PasswordPolicy = z.output<typeof passwordPolicySchema>;

export const DEFAULT_POLICY: PasswordPolicy = passwordPolicySchema.parse({});

/** What is wrong with a new password (empty when it is acceptable). */
export function passwordProblems(password: string, policy: PasswordPolicy, username: string): string[] {
  const out: string[] = [];
  if ([...password].length < policy.minLength) out.push(`口令至少 ${policy.minLength} 个字符`);
  const classes: string[] = [];
  if (policy.requireLetters && !/\p{L}/u.test(password)) classes.push('字母');
  if (policy.requireDigits && !/\p{Nd}/u.test(password)) classes.push('数字');
  if (policy.requireSymbols && !/[^\p{L}\p{Nd}\s]/u.test(password)) classes.push('符号');
  if (classes.length > 0) out.push(`口令须包含${classes.join('、')}`);
  if (username !== '' && password.toLowerCase().includes(username.toLowerCase())) out.push('口令不能包含用户名');
  if (/\s/.test(password)) out.push('口令不能包含空格');
  return out;
}

const DAY_MS = 86_400_000;

export function isPasswordExpired(changedAt: string, now: Date, policy: PasswordPolicy): boolean {
  return policy.maxAgeDays > 0 && now.getTime() - Date.parse(changedAt) >= policy.maxAgeDays * DAY_MS;
}

/** Lock state of an account as stored. */
export interface LockState {
  readonly failures: number;
  /** ISO time until which the account is locked; '' when not locked; 'manual' when it waits for an unlock. */
  readonly lockedUntil: string;
}

export function isLocked(state: LockState, now: Date): boolean {
  if (state.lockedUntil === '') return false;
  if (state.lockedUntil === 'manual') return true;
  return now.getTime() < Date.parse(state.lockedUntil);
}

/** The state after one more failed login; `locked` tells whether this failure locked the account. */
export function afterFailure(state: LockState, now: Date, policy: PasswordPolicy): LockState & { locked: boolean } {
  const failures = state.failures + 1;
  if (failures < policy.maxFailures) return { failures, lockedUntil: state.lockedUntil, locked: false };
  const lockedUntil = policy.lockoutMinutes === 0 ? 'manual' : new Date(now.getTime() + policy.lockoutMinutes * 60_000).toISOString();
  return { failures, lockedUntil, locked: true };
}

export const UNLOCKED: LockState = { failures: 0, lockedUntil: '' };
