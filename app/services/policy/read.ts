/**
 * The policies kept in the settings table, read without any handler machinery (the handler layer
 * reads the idle timeout on every call, so this file must not import `handler.ts`).
 * - the security policy: password rules, lockout, idle timeout;
 * - the write-target exception: where the target check (media/write-target.ts) cannot be made at
 *   all (Windows, macOS, no readable mount table) writing is refused unless the 安全保密管理员
 *   allows unverified targets; every file written under it is recorded as such. A target the check
 *   refuses (USB, network, …) stays refused whatever this setting says;
 * - the secrecy marks per document class (app/domain/submission/marking.ts): the overrides of the defaults.
 */
import { DEFAULT_POLICY, passwordPolicySchema, type PasswordPolicy } from '../../domain/account.js';
import { markingPolicySchema, type MarkingPolicy } from '../../domain/submission/marking.js';
import type { ReadableDB } from '../../store/database.js';
import { getSetting } from '../../store/repositories/settings.js';
import { policyMessages } from './messages.js';

export const SECURITY_POLICY = 'security.policy';
export const ALLOW_UNVERIFIED_TARGETS = 'output.allowUnverifiedTargets';
export const OUTPUT_MARKING = 'output.marking';

/** Marks the audit row of every write made under the exception. */
export const UNVERIFIED_NOTE = policyMessages.unverifiedNote;

export function getPolicy(db: ReadableDB): PasswordPolicy {
  const raw = getSetting(db, SECURITY_POLICY);
  return raw === undefined ? DEFAULT_POLICY : passwordPolicySchema.parse(JSON.parse(raw));
}

export interface OutputPolicy {
  /** Write where the target cannot be checked (the check's verdict is `unverifiable`). */
  readonly allowUnverifiedTargets: boolean;
}

export function getOutputPolicy(db: ReadableDB): OutputPolicy {
  return { allowUnverifiedTargets: getSetting(db, ALLOW_UNVERIFIED_TARGETS) === 'true' };
}

/** The 安全保密管理员's overrides of the secrecy mark per document class ({} = the defaults). */
export function getMarkingPolicy(db: ReadableDB): MarkingPolicy {
  const raw = getSetting(db, OUTPUT_MARKING);
  return raw === undefined ? {} : markingPolicySchema.parse(JSON.parse(raw));
}
