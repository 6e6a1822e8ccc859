/** `qbank overview …`: the dashboard in text — banks and what blocks them, the 三员's duties. */
import { itemKindNames } from '../../domain/item.js';
import { roleNames } from '../../domain/roles.js';
import type { BankOverview, Duties } from '../../services/overview/handlers.js';
import { handlers } from '../../services/registry.js';
import { call, groupCommand } from '../group.js';
import { overviewText as T } from '../messages/overview.js';

function bankLines(o: BankOverview): string[] {
  const { theory, practical } = o.tables;
  const lines = [
    T.bankLine(o.bank.id, o.title, o.bank.name),
    T.tables(theory ? T.table(theory.version, theory.elements, T.elements) : T.missing, practical ? T.table(practical.version, practical.modules, T.modules) : T.missing),
    T.members(Object.entries(o.members).map(([r, n]) => `${roleNames[r as keyof typeof roleNames]} ${n}`)),
  ];
  if (o.items) lines.push(T.states(Object.entries(o.items.byState), o.items.unclassified));
  if (o.sets) {
    const parts = Object.entries(o.sets).filter(([, s]) => s.needed).map(([kind, s]) => T.setPart(itemKindNames[kind as keyof typeof itemKindNames], s.sets, s.approved, s.enough));
    lines.push(T.sets(parts));
  }
  if (o.scope === 'member') lines.push(o.lastGenerated ? T.generated(o.lastGenerated.at, o.lastGenerated.actor, o.lastGenerated.files) : T.neverGenerated);
  return [...lines, ...o.blockers.map((b) => T.blocker(T.places[b.target], b.message))];
}

function dutyLines(d: Duties): string[] {
  const lines = d.duties.map((x) => T.duty(T.levels[x.level], T.pages[x.page], x.message));
  if (d.log) lines.push(T.log(d.log.entries, d.log.verifiedSeq, d.log.verifiedAt));
  return lines.length === 0 ? [T.noDuties] : lines;
}

export const overviewCommand = groupCommand('overview', T.summary, [
  {
    name: 'banks',
    usage: T.banksUsage,
    summary: T.banksSummary,
    run: async (ctx, s) => void (await call(ctx, s, handlers['overview.banks'], {}, (rows) => (rows.length === 0 ? [T.noBanks] : rows.flatMap(bankLines)))),
  },
  {
    name: 'duties',
    usage: T.dutiesUsage,
    summary: T.dutiesSummary,
    run: async (ctx, s) => void (await call(ctx, s, handlers['overview.duties'], {}, dutyLines)),
  },
]);
