/**
 * One row of the dashboard per bank: its 细目表 and 内容结构表 (present, version), its items by state,
 * its current sets per kind (drafts, approved, ≥ 3?), the last submission generated (from the access
 * log) and what blocks the next step, each with the place it is fixed. A member of the bank sees all
 * of it; the 安全保密管理员 and the 系统管理员 see the bank, its tables and members, and — the
 * 安全保密管理员 only — the gaps that are theirs to fix (team and reviewers: 题库授权). Counts only,
 * never item content.
 */
import { ITEM_STATES, BANK_ROLES, bankTitle, type BankRole, type ItemState } from '../../domain/bank.js';
import { elementTableStats } from '../../domain/element-table.js';
import { itemGaps } from '../../domain/item.js';
import { needsComprehensiveReview } from '../../domain/level.js';
import { MIN_PARALLEL_SETS, PAPER_KINDS, type PaperKind } from '../../domain/paper.js';
import { banksOf, listMembers } from '../../store/repositories/bank-members.js';
import { listBanks, type BankRecord } from '../../store/repositories/banks.js';
import { getCurrentElementTable } from '../../store/repositories/element-tables.js';
import { countEligible, countItems, listItemSummaries } from '../../store/repositories/items.js';
import { iterateRegister } from '../../store/repositories/audit-log.js';
import { loadBankContext, type BankContext } from '../banks/context.js';
import type { ServiceContext } from '../context.js';
import { placedGaps, submissionFacts, type GapPlace } from './gaps.js';
import { latestRound } from '../../store/repositories/review.js';
import { currentScan } from '../review/scans.js';
import { reviewGaps } from '../review/submission-gaps.js';
import { overviewMessages as M } from './messages.js';

/** The tabs of a bank's page, in the order of the work, and the 题库授权 page. */
export type BankStep = 'elements' | 'items' | 'import' | 'review' | GapPlace;

export interface Blocker {
  readonly message: string;
  /** Where it is fixed: a tab of the bank (`elements` … `documents`, `review`), or `access` (题库授权). */
  readonly target: BankStep;
}

export interface SetCount {
  /** The level takes this kind of assessment (综合评审: levels 1–2 only). */
  readonly needed: boolean;
  /** Sets of the current run (approved ones if any, else the latest drafts). */
  readonly sets: number;
  readonly approved: number;
  readonly drafts: number;
  /** At least MIN_PARALLEL_SETS (附件6: ≥ 3 套). */
  readonly enough: boolean;
}

export interface LastGeneration {
  readonly at: string;
  readonly actor: string;
  readonly files: number;
}

export interface BankOverview {
  readonly bank: BankRecord;
  /** `制图员（机械）四级/中级工` */
  readonly title: string;
  /** `member`: the account works on the bank; `admin`: a 三员 seeing what is theirs. */
  readonly scope: 'member' | 'admin';
  /** The account's roles in this bank ([] for the 三员). */
  readonly roles: readonly BankRole[];
  readonly members: Readonly<Record<BankRole, number>>;
  readonly tables: {
    readonly theory: { readonly version: number; readonly elements: number } | null;
    readonly practical: { readonly version: number; readonly modules: number } | null;
  };
  /** Members only. */
  readonly items: { readonly total: number; readonly byState: Readonly<Record<ItemState, number>>; readonly unclassified: number; readonly eligible: number } | null;
  readonly sets: Readonly<Record<PaperKind, SetCount>> | null;
  readonly lastGenerated: LastGeneration | null;
  readonly blockers: readonly Blocker[];
}

/** The last successful `documents.generate` of each bank, read from the 调阅 register in one pass. */
function lastGenerations(ctx: ServiceContext): Map<number, LastGeneration> {
  const out = new Map<number, LastGeneration>();
  for (const row of iterateRegister(ctx.db, '调阅')) {
    if (row.action !== 'documents.generate' || row.result !== 'ok') continue;
    const bank = row.objects.find((o) => o.startsWith('bank:'));
    if (bank === undefined) continue;
    out.set(Number(bank.slice('bank:'.length)), { at: row.at, actor: row.actor, files: row.objects.filter((o) => o.startsWith('file:')).length });
  }
  return out;
}

function itemCounts(ctx: ServiceContext, bankId: number): NonNullable<BankOverview['items']> {
  const counts = countItems(ctx.db, bankId);
  const byState = Object.fromEntries(ITEM_STATES.map((s) => [s, counts.byState[s] ?? 0])) as Record<ItemState, number>;
  const unclassified = listItemSummaries(ctx.db, bankId, { kind: 'theory' }).filter((s) => s.state !== '停用' && itemGaps(s).length > 0).length;
  const eligible = Object.values(countEligible(ctx.db, bankId)).reduce((a, b) => a + b, 0);
  return { total: Object.values(byState).reduce((a, b) => a + b, 0), byState, unclassified, eligible };
}

function setCounts(bank: BankContext): Record<PaperKind, SetCount> {
  return Object.fromEntries(
    PAPER_KINDS.map((kind) => {
      const sets = bank.sets[kind];
      const approved = sets.filter((p) => p.status === '已审定').length;
      const needed = kind !== 'comprehensive' || needsComprehensiveReview(bank.bank.level);
      return [kind, { needed, sets: sets.length, approved, drafts: sets.length - approved, enough: sets.length >= MIN_PARALLEL_SETS }];
    }),
  ) as Record<PaperKind, SetCount>;
}

/** What blocks the work before the submission: tables, items, the review of items. */
function stepBlockers(bank: BankContext, items: NonNullable<BankOverview['items']>): Blocker[] {
  const out: Blocker[] = [];
  if (!bank.table) out.push({ message: M.noTheoryTable, target: 'elements' });
  if (!bank.practical) out.push({ message: M.noPracticalStructure, target: 'elements' });
  if (items.total === 0) return [...out, { message: M.noItems, target: 'import' }];
  const drafts = items.byState.草稿 - items.unclassified;
  if (items.unclassified > 0) out.push({ message: M.unclassified(items.unclassified), target: 'items' });
  if (drafts > 0) out.push({ message: M.drafts(drafts), target: 'items' });
  if (items.byState.待审 > 0) out.push({ message: M.pending(items.byState.待审), target: 'items' });
  if (items.byState.已审 > 0) out.push({ message: M.reviewed(items.byState.已审), target: 'items' });
  if (items.eligible === 0) out.push({ message: M.noEligible, target: 'items' });
  return out;
}

function memberCounts(ctx: ServiceContext, bankId: number): Record<BankRole, number> {
  const members = listMembers(ctx.db, bankId);
  return Object.fromEntries(BANK_ROLES.map((r) => [r, members.filter((m) => m.role === r).length])) as Record<BankRole, number>;
}

function tablesOf(ctx: ServiceContext, bank: BankContext): BankOverview['tables'] {
  const theory = getCurrentElementTable(ctx.db, bank.bank.id, 'theory');
  const practical = getCurrentElementTable(ctx.db, bank.bank.id, 'practical');
  return {
    theory: theory && bank.table ? { version: theory.version, elements: elementTableStats(bank.table).elements } : null,
    practical: practical && bank.practical ? { version: practical.version, modules: bank.practical.modules.length } : null,
  };
}

/** The dashboard's rows for the acting account: its banks (members), or every bank (三员). */
export function bankOverviews(ctx: ServiceContext): BankOverview[] {
  const admin = ctx.actor.roles.includes('secadmin') || ctx.actor.roles.includes('sysadmin');
  const mine = new Set(ctx.actor.id === null ? [] : banksOf(ctx.db, ctx.actor.id));
  const banks = listBanks(ctx.db).filter((b) => admin || mine.has(b.id));
  const generated = admin ? new Map<number, LastGeneration>() : lastGenerations(ctx);
  return banks.map((record) => {
    const bank = loadBankContext(ctx, record.id);
    const roles = admin ? [] : BANK_ROLES.filter((r) => listMembers(ctx.db, record.id).some((m) => m.accountId === ctx.actor.id && m.role === r));
    // the submission's gaps where they are fixed, then the review's (panel, conclusion, sets to update, scan)
    const hasScan = (() => {
      const round = latestRound(ctx.db, record.id);
      return round !== undefined && currentScan(ctx, round.id) !== undefined;
    })();
    const gaps: Blocker[] = [
      ...placedGaps(submissionFacts(ctx, bank)).map((g) => ({ message: g.message, target: g.place })),
      ...reviewGaps(ctx, record.id, hasScan).map((message) => ({ message, target: 'review' as const })),
    ];
    const base = { bank: record, title: bankTitle(record), roles, members: memberCounts(ctx, record.id), tables: tablesOf(ctx, bank) };
    if (admin) {
      // the 安全保密管理员 fixes the team and the reviewers; the 系统管理员 has nothing to do with a bank's work
      const theirs = ctx.actor.roles.includes('secadmin') ? gaps.filter((g) => g.target === 'access') : [];
      return { ...base, scope: 'admin', items: null, sets: null, lastGenerated: null, blockers: theirs };
    }
    const items = itemCounts(ctx, record.id);
    return { ...base, scope: 'member', items, sets: setCounts(bank), lastGenerated: generated.get(record.id) ?? null, blockers: [...stepBlockers(bank, items), ...gaps] };
  });
}
