/**
 * The gates every call passes in `invoke`, besides roles:
 * - pledge gate (规程第七条): content of 机密级 is open only to an account linked to a person with a
 *   保密责任书 valid today;
 * - bank gate: a bank's content is open only to its members in a fitting role.
 * A failed gate throws PermissionDeniedError; invoke records the refusal in the 拒绝 register.
 */
import { beijingDate, pledgeStatus } from '../domain/person.js';
import { roleNames } from '../domain/roles.js';
import { getAccount } from '../store/repositories/accounts.js';
import type { BankRole } from '../domain/bank.js';
import { rolesInBank } from '../store/repositories/bank-members.js';
import { getPerson, listPledges } from '../store/repositories/people.js';
import type { ServiceContext } from './context.js';
import { PermissionDeniedError } from './errors.js';
import { servicesMessages } from './messages.js';

export function requirePledge(ctx: ServiceContext): void {
  const account = ctx.actor.id === null ? undefined : getAccount(ctx.db, ctx.actor.id);
  if (!account || account.personId === null) {
    throw new PermissionDeniedError(servicesMessages.noPersonLinked(ctx.actor.username));
  }
  const person = getPerson(ctx.db, account.personId);
  const pledges = listPledges(ctx.db, account.personId);
  const today = beijingDate(ctx.now());
  const status = pledgeStatus(pledges, today);
  if (status === '未登记') {
    throw new PermissionDeniedError(servicesMessages.noPledge(person?.name ?? ctx.actor.username));
  }
  if (status === '已过期') {
    const last = pledges.map((p) => p.expiresOn).sort().at(-1) ?? '';
    throw new PermissionDeniedError(servicesMessages.pledgeExpired(person?.name ?? ctx.actor.username, last));
  }
}

export function requireBankRole(ctx: ServiceContext, bankId: number, allowed: readonly BankRole[]): void {
  const roles = ctx.actor.id === null ? [] : rolesInBank(ctx.db, bankId, ctx.actor.id);
  if (!roles.some((r) => allowed.includes(r))) {
    throw new PermissionDeniedError(servicesMessages.notBankMember(ctx.actor.username, bankId, allowed.map((r) => roleNames[r])));
  }
}
