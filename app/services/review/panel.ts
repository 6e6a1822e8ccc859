/**
 * The facts the panel rules need (app/domain/review/panel.ts), gathered from the personnel register,
 * the accounts, the bank's memberships and the authors of its items.
 */
import { panelProblems, type PanelCandidate, type PanelMemberInput, type PanelProblem, type ReviewPeriod } from '../../domain/review/panel.js';
import { personSchema, type ExpertRole } from '../../domain/person.js';
import { roleNames } from '../../domain/roles.js';
import { listAccounts } from '../../store/repositories/accounts.js';
import { listMembers } from '../../store/repositories/bank-members.js';
import { versionWriters } from '../../store/repositories/items.js';
import { getPerson, listPledges } from '../../store/repositories/people.js';
import type { PanelRecord } from '../../store/repositories/review.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';

/** A member as the screens show it: who, in which category, the account, and what the rules say. */
export interface PanelMemberView {
  readonly personId: number;
  readonly name: string;
  readonly unit: string;
  readonly title: string;
  readonly category: ExpertRole | '';
  readonly leader: boolean;
  readonly account: string | null;
  readonly problems: readonly string[];
}

export interface PanelView {
  readonly members: readonly PanelMemberView[];
  /** Every violation (Chinese); [] = a valid panel. */
  readonly problems: readonly string[];
  readonly ok: boolean;
}

/** The candidates for `members` of the bank's panel, with their team ties, pledges and accounts. */
export function panelCandidates(ctx: ServiceContext, bankId: number, members: readonly (PanelMemberInput | PanelRecord)[]): PanelCandidate[] {
  const accounts = listAccounts(ctx.db);
  const memberships = listMembers(ctx.db, bankId);
  const writers = versionWriters(ctx.db, bankId);
  return members.map((m) => {
    const record = getPerson(ctx.db, m.personId);
    if (!record) throw new ServiceError(`人员编号 ${String(m.personId)} 没有登记（qbank people list）`);
    const person = personSchema.parse(record);
    const mine = accounts.filter((a) => a.personId === m.personId && !a.disabled);
    const teamReasons: string[] = [];
    for (const a of mine) {
      for (const ms of memberships.filter((x) => x.accountId === a.id && x.role !== 'reviewer')) {
        const r = roleNames[ms.role];
        if (!teamReasons.includes(r)) teamReasons.push(r);
      }
      const n = writers.get(a.username);
      if (n !== undefined) teamReasons.push(`编写或修改过 ${String(n)} 个试题版本`);
    }
    const reviewerAccount = mine.find((a) => memberships.some((x) => x.accountId === a.id && x.role === 'reviewer'));
    const account = reviewerAccount ?? mine[0];
    const category = (m.category === '' ? undefined : m.category) ?? person.expertRole;
    return {
      personId: m.personId,
      name: person.name,
      unit: person.unit,
      title: person.title,
      category,
      leader: m.leader === true,
      teamReasons,
      trainer: person.trainer,
      pledges: listPledges(ctx.db, m.personId),
      account: account?.username ?? null,
      lacksAccess: account !== undefined && reviewerAccount === undefined,
    };
  });
}

export function panelView(candidates: readonly PanelCandidate[], period: ReviewPeriod): PanelView {
  const problems = panelProblems(candidates, period);
  return {
    members: candidates.map((c) => ({
      personId: c.personId,
      name: c.name,
      unit: c.unit,
      title: c.title,
      category: c.category ?? '',
      leader: c.leader,
      account: c.account,
      problems: problems.filter((p) => p.personId === c.personId).map((p) => p.message),
    })),
    problems: problems.map((p: PanelProblem) => p.message),
    ok: problems.length === 0,
  };
}
