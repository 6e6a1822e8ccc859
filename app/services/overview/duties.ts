/**
 * What is waiting for each of the 三员 (their 工作台): the 系统管理员 — registered people without an
 * account, accounts whose one-time password is still unchanged; the 安全保密管理员 — accounts without
 * roles or without a person, locked accounts, 保密责任书 missing, expired or about to expire; the
 * 安全审计员 — log entries since the last verification, refusals among them. Each duty names the page
 * where it is done. An account sees only the duties of its own role.
 */
import { CONTENT_ROLES, isLocked, type AdminRole } from '../../domain/account.js';
import { beijingDate, pledgeStatus } from '../../domain/person.js';
import { listAccounts } from '../../store/repositories/accounts.js';
import { listCheckpoints } from '../../store/repositories/audit-checkpoints.js';
import { auditHead, iterateRegister } from '../../store/repositories/audit-log.js';
import { listPeople, listPledges } from '../../store/repositories/people.js';
import type { ServiceContext } from '../context.js';
import { overviewMessages as M } from './messages.js';

/** A 保密责任书 that ends within this many days is announced (dashboard and 涉密人员 page). */
export const PLEDGE_WARNING_DAYS = 30;

/** The page where a duty is done. */
export type DutyPage = 'accounts' | 'people' | 'audit';

export interface Duty {
  readonly key: string;
  readonly role: AdminRole;
  readonly level: 'error' | 'warning' | 'info';
  readonly count: number;
  readonly message: string;
  readonly page: DutyPage;
}

export interface Duties {
  readonly duties: readonly Duty[];
  readonly pledgeWarningDays: number;
  /** The auditor's view: the last verification (a countersigned checkpoint) and the log's length. */
  readonly log: { readonly entries: number; readonly verifiedSeq: number | null; readonly verifiedAt: string | null } | null;
}

const SHOWN = 5;

/** `张伟、李强 …` — at most five names, then how many in all. */
function names(list: readonly string[]): string {
  const shown = list.slice(0, SHOWN).join(M.listSeparator);
  return list.length > SHOWN ? M.more(shown, list.length) : shown;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function sysadminDuties(ctx: ServiceContext): Duty[] {
  const accounts = listAccounts(ctx.db);
  const linked = new Set(accounts.map((a) => a.personId));
  const without = listPeople(ctx.db).filter((p) => !linked.has(p.id)).map((p) => p.name);
  const pending = accounts.filter((a) => a.mustChangePassword && !a.disabled).map((a) => a.username);
  const out: Duty[] = [];
  if (without.length > 0) out.push({ key: 'peopleWithoutAccount', role: 'sysadmin', level: 'warning', count: without.length, message: M.peopleWithoutAccount(without.length, names(without)), page: 'accounts' });
  if (pending.length > 0) out.push({ key: 'firstLoginPending', role: 'sysadmin', level: 'info', count: pending.length, message: M.firstLoginPending(pending.length, names(pending)), page: 'accounts' });
  return out;
}

function pledgeDuties(ctx: ServiceContext): Duty[] {
  const today = beijingDate(ctx.now());
  const expired: string[] = [];
  const missing: string[] = [];
  const expiring: string[] = [];
  for (const person of listPeople(ctx.db)) {
    const pledges = listPledges(ctx.db, person.id);
    const status = pledgeStatus(pledges, today);
    if (status === '未登记') missing.push(person.name);
    else if (status === '已过期') expired.push(person.name);
    else {
      const end = pledges.filter((p) => p.signedOn <= today && today <= p.expiresOn).map((p) => p.expiresOn).sort().at(-1) ?? today;
      if (daysBetween(today, end) <= PLEDGE_WARNING_DAYS) expiring.push(M.expiringName(person.name, end));
    }
  }
  const duty = (key: string, level: Duty['level'], list: string[], message: string): Duty[] =>
    list.length === 0 ? [] : [{ key, role: 'secadmin', level, count: list.length, message, page: 'people' }];
  return [
    ...duty('pledgesExpired', 'error', expired, M.pledgesExpired(expired.length, names(expired))),
    ...duty('pledgesMissing', 'warning', missing, M.pledgesMissing(missing.length, names(missing))),
    ...duty('pledgesExpiring', 'warning', expiring, M.pledgesExpiring(expiring.length, PLEDGE_WARNING_DAYS, names(expiring))),
  ];
}

function secadminDuties(ctx: ServiceContext): Duty[] {
  const accounts = listAccounts(ctx.db).filter((a) => !a.disabled);
  const noRoles = accounts.filter((a) => a.roles.length === 0).map((a) => a.username);
  const unlinked = accounts.filter((a) => a.personId === null && a.roles.some((r) => (CONTENT_ROLES as readonly string[]).includes(r))).map((a) => a.username);
  const locked = accounts.filter((a) => isLocked(a.lock, ctx.now())).map((a) => a.username);
  const duty = (key: string, level: Duty['level'], list: string[], message: string): Duty[] =>
    list.length === 0 ? [] : [{ key, role: 'secadmin', level, count: list.length, message, page: 'accounts' }];
  return [
    ...duty('lockedAccounts', 'warning', locked, M.lockedAccounts(locked.length, names(locked))),
    ...duty('accountsWithoutRoles', 'warning', noRoles, M.accountsWithoutRoles(noRoles.length, names(noRoles))),
    ...duty('accountsUnlinked', 'warning', unlinked, M.accountsUnlinked(unlinked.length, names(unlinked))),
    ...pledgeDuties(ctx),
  ];
}

function auditorDuties(ctx: ServiceContext): { duties: Duty[]; log: NonNullable<Duties['log']> } {
  const entries = auditHead(ctx.db)?.seq ?? 0;
  const verified = listCheckpoints(ctx.db).filter((c) => c.reason === 'verify').at(-1);
  const since = verified?.auditSeq ?? 0;
  let refusals = 0;
  for (const row of iterateRegister(ctx.db, '拒绝')) if (row.seq > since) refusals += 1;
  const duties: Duty[] = [];
  const waiting = entries - since;
  if (!verified) duties.push({ key: 'neverVerified', role: 'auditor', level: 'warning', count: waiting, message: M.neverVerified, page: 'audit' });
  else if (waiting > 0) duties.push({ key: 'unverified', role: 'auditor', level: 'info', count: waiting, message: M.unverified(waiting, verified.at), page: 'audit' });
  if (refusals > 0) duties.push({ key: 'refusals', role: 'auditor', level: 'warning', count: refusals, message: M.refusalsSince(refusals), page: 'audit' });
  return { duties, log: { entries, verifiedSeq: verified?.auditSeq ?? null, verifiedAt: verified?.at ?? null } };
}

/** The duties of the acting account's 三员 role. */
export function dutiesOf(ctx: ServiceContext): Duties {
  const roles = ctx.actor.roles;
  const duties: Duty[] = [];
  let log: Duties['log'] = null;
  if (roles.includes('sysadmin')) duties.push(...sysadminDuties(ctx));
  if (roles.includes('secadmin')) duties.push(...secadminDuties(ctx));
  if (roles.includes('auditor')) {
    const a = auditorDuties(ctx);
    duties.push(...a.duties);
    log = a.log;
  }
  return { duties, pledgeWarningDays: PLEDGE_WARNING_DAYS, log };
}
