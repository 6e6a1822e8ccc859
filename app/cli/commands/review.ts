/**
 * `qbank review …`: the internal review (附件6 三(五)) — rounds, the panel with its rules, the expert's
 * workspace, verdicts per item version, comments on documents, each expert's conclusion and the
 * 审核组长's. The sign-off part (feedback, set updates, scan, status, signatures) is in review-signoff.ts.
 */
import { EXPERT_ROLES, type ExpertRole } from '../../domain/person.js';
import { unjudged, VERDICTS, type Verdict } from '../../domain/review/verdicts.js';
import type { ServiceContext } from '../../services/context.js';
import { invoke } from '../../services/handler.js';
import type { PanelView } from '../../services/review/panel.js';
import type { Workspace } from '../../services/review/handlers.js';
import { handlers } from '../../services/registry.js';
import { bankOption, intOption, readJsonFile, stringOption, UsageError, type CommandContext, type OptionSpec } from '../command.js';
import { call, groupCommand, type SubCommand } from '../group.js';
import { reviewText as T } from '../messages/review.js';

/** `--round <审核轮次编号>`, undefined when not given. */
export function roundOption(ctx: CommandContext): number | undefined {
  return stringOption(ctx, 'round') === undefined ? undefined : intOption(ctx, 'round', 0);
}

export function requiredRound(ctx: CommandContext): number {
  const round = roundOption(ctx);
  if (round === undefined) throw new UsageError(T.missingRound);
  return round;
}

/** `--<option> 通过|修改后通过|不通过`, checked here so that the message names the option. */
export function verdictOption(ctx: CommandContext, option: string): Verdict {
  const v = stringOption(ctx, option)?.trim() ?? '';
  if (!(VERDICTS as readonly string[]).includes(v)) throw new UsageError(T.badVerdict(`--${option}`, v, VERDICTS));
  return v as Verdict;
}

/** `--member 12:内容专家:leader`, one per member. */
export function parseMember(text: string): { personId: number; category?: ExpertRole; leader: boolean } {
  const [id = '', ...rest] = text.split(/[:：]/).map((s) => s.trim());
  if (!/^\d+$/.test(id) || Number(id) <= 0) throw new UsageError(T.badMember(text, EXPERT_ROLES));
  let category: ExpertRole | undefined;
  let leader = false;
  for (const part of rest) {
    if (part === 'leader' || part === '组长' || part === '审核组长') leader = true;
    else if ((EXPERT_ROLES as readonly string[]).includes(part) && category === undefined) category = part as ExpertRole;
    else throw new UsageError(T.badMember(text, EXPERT_ROLES));
  }
  return { personId: Number(id), ...(category ? { category } : {}), leader };
}

function members(ctx: CommandContext): ReturnType<typeof parseMember>[] {
  const raw = ctx.values.member;
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string');
  if (list.length === 0) throw new UsageError(T.noMembers);
  return list.map(parseMember);
}

/** Each member with his problems, then the problems of the panel as a whole, then whether it is valid. */
function panelLines(view: PanelView, title: string): string[] {
  const own = new Set(view.members.flatMap((m) => m.problems));
  return [
    title,
    ...view.members.flatMap((m) => [T.member(m.personId, m.name, m.category, m.leader, m.account), ...m.problems.map(T.memberProblem)]),
    ...view.problems.filter((p) => !own.has(p)).map(T.panelProblem),
    view.ok ? T.panelOk : T.panelNotOk(view.problems.length),
  ];
}

async function panel(ctx: CommandContext, s: ServiceContext): Promise<number> {
  const bankId = bankOption(ctx);
  const list = members(ctx);
  const from = stringOption(ctx, 'from');
  const to = stringOption(ctx, 'to');
  if (ctx.values.check === true) {
    if (from === undefined || to === undefined) throw new UsageError(T.missingFromTo);
    const view = await call(ctx, s, handlers['review.panel.check'], { bankId, members: list, startsOn: from, endsOn: to }, (v) => panelLines(v, T.panelChecked(v.members.length)));
    if (view.ok) return 0;
    ctx.io.err([...view.problems.map(T.checkProblem), T.checkFailed(view.problems.length)].map((l) => `${l}\n`).join(''));
    return 1;
  }
  let roundId = roundOption(ctx);
  if (roundId === undefined) {
    const rounds = await invoke(s, handlers['review.rounds'], { bankId });
    roundId = rounds.at(-1)?.id;
    if (roundId === undefined) throw new UsageError(T.noRounds(bankId));
  }
  const input = { bankId, roundId, members: list, ...(from !== undefined ? { startsOn: from } : {}), ...(to !== undefined ? { endsOn: to } : {}) };
  const round = await call(ctx, s, handlers['review.panel.set'], input, (r) => panelLines(r.panel, T.panelSaved(r.round, r.panel.members.length)));
  // Saved even when a rule is broken (the panel is being composed): the problems are warnings.
  if (!round.panel.ok) ctx.io.err([...round.panel.problems.map(T.warning), T.panelWarningCount(round.panel.problems.length)].map((l) => `${l}\n`).join(''));
  return 0;
}

/** The acting expert's verdict on each item of the workspace (`—` when none or not on the panel). */
function workspaceLines(w: Workspace): string[] {
  const mine = new Map(w.verdicts.filter((v) => v.personId === w.me?.personId).map((v) => [`${v.itemId}@${v.version}`, v.verdict]));
  const r = w.round;
  return [
    T.workspaceTitle(r.round, r.id, r.startsOn, r.endsOn),
    w.me ? T.me(w.me.leader) : T.notMember,
    T.setsTitle,
    ...w.sets.map((x) => T.setLine(x.kindName, x.setLabel, x.paperId, x.status, x.items.length)),
    T.itemsHeader,
    ...w.items.map((i) => T.itemLine(i.itemId, i.version, i.state, i.latestVersion, mine.get(`${i.itemId}@${i.version}`) ?? T.none)),
    T.workspaceCount(w.items.length, w.items.filter((i) => mine.has(`${i.itemId}@${i.version}`)).length),
  ];
}

/** `--item 12@1`. */
function itemVersion(text: string): { itemId: number; version: number } {
  const m = /^#?(\d+)\s*@\s*(\d+)$/.exec(text.trim());
  if (!m || Number(m[1]) <= 0 || Number(m[2]) <= 0) throw new UsageError(T.badItemVersion(text));
  return { itemId: Number(m[1]), version: Number(m[2]) };
}

/** The verdicts to record: one item, a JSON file, or every item the acting expert has not judged yet. */
async function verdictsOf(ctx: CommandContext, s: ServiceContext, bankId: number, roundId: number): Promise<unknown[]> {
  const item = stringOption(ctx, 'item');
  const file = stringOption(ctx, 'file');
  const all = stringOption(ctx, 'all');
  if ([item, file, all].filter((v) => v !== undefined).length !== 1) throw new UsageError(T.judgeModes);
  const comment = stringOption(ctx, 'comment') ?? '';
  if (item !== undefined) return [{ ...itemVersion(item), verdict: verdictOption(ctx, 'verdict'), comment }];
  if (file !== undefined) {
    const raw = readJsonFile(ctx, file);
    const list = Array.isArray(raw) ? raw : (raw as { verdicts?: unknown } | null)?.verdicts;
    return Array.isArray(list) ? (list as unknown[]) : [raw];
  }
  const verdict = verdictOption(ctx, 'all');
  const w = await invoke(s, handlers['review.workspace'], { bankId, roundId });
  const mine = w.verdicts.filter((v) => v.personId === w.me?.personId);
  return unjudged(w.items, mine, w.verdicts).map((i) => ({ itemId: i.itemId, version: i.version, verdict, comment }));
}

async function judge(ctx: CommandContext, s: ServiceContext): Promise<void> {
  const bankId = bankOption(ctx);
  const roundId = requiredRound(ctx);
  const verdicts = await verdictsOf(ctx, s, bankId, roundId);
  if (verdicts.length === 0) {
    ctx.io.out(ctx.values.json === true ? `${JSON.stringify({ recorded: 0, remaining: 0 }, null, 2)}\n` : `${T.nothingToJudge}\n`);
    return;
  }
  await call(ctx, s, handlers['review.verdicts'], { bankId, roundId, verdicts }, (r) => [T.judged(r.recorded, r.remaining)]);
}

const text = (ctx: CommandContext, name: string) => stringOption(ctx, name) ?? '';

export const reviewSubcommands: readonly SubCommand[] = [
  {
    name: 'open',
    usage: T.openUsage,
    summary: T.openSummary,
    run: async (ctx, s) => {
      const bankId = bankOption(ctx);
      await call(ctx, s, handlers['review.open'], { bankId, startsOn: text(ctx, 'from'), endsOn: text(ctx, 'to') }, (r) => [
        T.opened(r.round, r.id, r.startsOn, r.endsOn),
        T.openNext(bankId, r.id),
      ]);
    },
  },
  {
    name: 'rounds',
    usage: T.roundsUsage,
    summary: T.roundsSummary,
    run: async (ctx, s) =>
      void (await call(ctx, s, handlers['review.rounds'], { bankId: bankOption(ctx) }, (rounds) => [
        T.roundsHeader,
        ...rounds.map((r) => T.roundLine(r.id, r.round, r.startsOn, r.endsOn, r.panel.members.length, r.panel.problems.length, r.conclusion, r.signedAt)),
      ])),
  },
  { name: 'panel', usage: T.panelUsage, summary: T.panelSummary, run: panel },
  {
    name: 'workspace',
    usage: T.workspaceUsage,
    summary: T.workspaceSummary,
    run: async (ctx, s) => {
      const roundId = roundOption(ctx);
      await call(ctx, s, handlers['review.workspace'], { bankId: bankOption(ctx), ...(roundId !== undefined ? { roundId } : {}) }, workspaceLines);
    },
  },
  { name: 'judge', usage: T.judgeUsage, summary: T.judgeSummary, run: judge },
  {
    name: 'note',
    usage: T.noteUsage,
    summary: T.noteSummary,
    run: async (ctx, s) =>
      void (await call(ctx, s, handlers['review.note'], { bankId: bankOption(ctx), roundId: requiredRound(ctx), document: text(ctx, 'document'), text: text(ctx, 'text') }, (r) => [
        T.noted(r.id),
      ])),
  },
  {
    name: 'conclude',
    usage: T.concludeUsage,
    summary: T.concludeSummary,
    run: async (ctx, s) => {
      const conclusion = verdictOption(ctx, 'conclusion');
      await call(ctx, s, handlers['review.conclude'], { bankId: bankOption(ctx), roundId: requiredRound(ctx), conclusion, opinion: text(ctx, 'opinion') }, () => [T.concluded(conclusion)]);
    },
  },
  {
    name: 'finalize',
    usage: T.finalizeUsage,
    summary: T.finalizeSummary,
    run: async (ctx, s) =>
      void (await call(
        ctx,
        s,
        handlers['review.finalize'],
        { bankId: bankOption(ctx), roundId: requiredRound(ctx), conclusion: verdictOption(ctx, 'conclusion'), opinion: text(ctx, 'opinion') },
        (r) => [T.finalized(r.round, r.conclusion), T.opinion(r.opinion)],
      )),
  },
];

export const reviewOptions: OptionSpec = {
  bank: { type: 'string' },
  round: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  member: { type: 'string', multiple: true },
  check: { type: 'boolean' },
  item: { type: 'string' },
  verdict: { type: 'string' },
  comment: { type: 'string' },
  file: { type: 'string' },
  all: { type: 'string' },
  document: { type: 'string' },
  text: { type: 'string' },
  conclusion: { type: 'string' },
  opinion: { type: 'string' },
};

export const reviewCommand = groupCommand('review', T.summary, reviewSubcommands, reviewOptions, T.notes(EXPERT_ROLES, VERDICTS));
