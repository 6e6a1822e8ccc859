/**
 * 组卷 use cases: the paper structure, the blueprint with its pre-checks, the assembly run that
 * stores N ≥ 3 parallel sets as draft papers pinning item versions (run.ts), item statistics, and the
 * papers themselves (list, 调阅, approve = lock, void). Every assembly is a 组卷 entry of the access
 * log with its parameters and the item ids of every set, never item text.
 */
import { z } from 'zod';
import { precheck } from '../../domain/assembly/precheck/index.js';
import { parseTheoryStructure, presetOf, THEORY_PRESETS, theoryPreset, type TheoryStructure } from '../../domain/assembly/paper-structure.js';
import { DomainValidationError } from '../../domain/validation.js';
import { paperStructureMessages } from '../../domain/assembly/messages.js';
import type { Level } from '../../domain/level.js';
import { PAPER_KINDS } from '../../domain/paper.js';
import { ReaderError } from '../../readers/errors.js';
import { parseStatisticsCsv, type StatisticsRow } from '../../readers/statistics/csv.js';
import { inTransaction } from '../../store/database.js';
import { getItem, getVersion } from '../../store/repositories/items.js';
import {
  approvePaper,
  getPaper,
  getRun,
  listPaperItems,
  listPapers,
  saveItemStatistics,
  savePaperStructure,
  voidPaper,
  type PaperItemRecord,
  type PaperRecord,
  type PaperStatus,
  type RunRecord,
} from '../../store/repositories/papers.js';
import { rolesInBank } from '../../store/repositories/bank-members.js';
import { requireBank, theoryStructureOf } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { PermissionDeniedError, ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { itemsMessages } from '../items/messages.js';
import { paperBlockers } from '../review/sets.js';
import { reviewMessages } from '../review/messages.js';
import { assemblyMessages } from './messages.js';
import { assemblyOptionsSchema, buildProblem, checkTheoryStructure, theoryStructureInput } from './problem-builder.js';
import { assemblyRunHandler } from './run.js';

export { assemblyOptionsSchema };
export { AssemblyInfeasibleError, type AssemblyRunResult } from './run.js';

const bankId = z.number().int().positive();
const members = bankOf('manager', 'author', 'reviewer');
const managers = bankOf('manager');

export interface PaperView extends PaperRecord {
  readonly items: readonly PaperItemRecord[];
}

export interface PaperContent extends PaperView {
  readonly bodies: readonly { readonly itemId: number; readonly version: number; readonly type: string; readonly binding: string; readonly body: unknown }[];
}

function requirePaperOfBank(ctx: ServiceContext, bank: number, paperId: number): PaperRecord {
  const paper = getPaper(ctx.db, paperId);
  if (paper.bankId !== bank) throw new ServiceError(assemblyMessages.paperNotInBank(paperId, bank));
  return paper;
}

const statisticsRow = z.object({
  itemId: z.number().int().positive(),
  p: z.number().min(0, { error: assemblyMessages.pRange }).max(1, { error: assemblyMessages.pRange }),
  discrimination: z.number().min(-1).max(1).nullable().default(null),
  sampleSize: z.number().int().min(1, { error: assemblyMessages.sampleSizeMin }),
  source: z.string().trim().max(200).default(''),
});

/** The rows of an item statistics file; a file the reader refuses is refused with its message. */
function statisticsFile(bytes: Uint8Array): StatisticsRow[] {
  try {
    return parseStatisticsCsv(bytes);
  } catch (e) {
    if (e instanceof ReaderError) throw new ServiceError(e.message);
    throw e;
  }
}

/**
 * 四眼原则 for papers: a set is approved (审定) by a reviewer of its bank (bank role 审核专家), never by
 * the account that assembled it (the run's, or any of its papers', creator) — whatever other roles the
 * approver holds.
 */
function requireFourEyes(ctx: ServiceContext, bankId: number, run: RunRecord, drafts: readonly PaperRecord[]): void {
  const me = ctx.actor.username;
  const inBank = ctx.actor.id === null ? [] : rolesInBank(ctx.db, bankId, ctx.actor.id);
  if (!inBank.includes('reviewer')) throw new PermissionDeniedError(assemblyMessages.approveNeedsReviewer(me, bankId));
  if ([run.createdBy, ...drafts.map((p) => p.createdBy)].includes(me)) throw new PermissionDeniedError(assemblyMessages.approveOwnRun(me, run.id));
}

/** The structure a `assembly.structure.set` call names: a preset by its key, or a structure of its own. */
function chosenStructure(value: z.output<typeof theoryStructureInput>, level: Level): TheoryStructure {
  if (value.preset !== undefined) {
    const found = theoryPreset(value.preset);
    if (!found.ok) throw new ServiceError(found.message);
    return THEORY_PRESETS[found.preset].structure;
  }
  const parsed = parseTheoryStructure(value.structure, level);
  if (!parsed.ok) throw new DomainValidationError(paperStructureMessages.subject, parsed.problems);
  return parsed.value;
}

export const assemblyHandlers = handlerMap(
  defineHandler({
    name: 'assembly.structure.get',
    summary: '查看试卷结构',
    input: z.object({ bankId }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: members,
    run: (ctx, input) => {
      requireBank(ctx, input.bankId);
      const current = theoryStructureOf(ctx, input.bankId);
      return { ...current, preset: presetOf(current.structure) ?? null, presets: Object.entries(THEORY_PRESETS).map(([key, p]) => ({ key, name: p.name })) };
    },
  }),
  defineHandler({
    name: 'assembly.structure.set',
    summary: '设置理论知识试卷结构',
    input: z.object({ bankId, value: theoryStructureInput }),
    roles: ['manager'],
    register: '',
    bank: managers,
    detail: (input) => JSON.stringify(input.value),
    run: (ctx, input): TheoryStructure => {
      const bank = requireBank(ctx, input.bankId);
      const structure = chosenStructure(input.value, bank.level);
      checkTheoryStructure(structure);
      savePaperStructure(ctx.db, input.bankId, 'theory', structure, ctx.actor.username, timestamp(ctx));
      return structure;
    },
  }),
  defineHandler({
    name: 'assembly.blueprint',
    summary: '查看组卷蓝图',
    input: assemblyOptionsSchema,
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: members,
    run: (ctx, input) => {
      const built = buildProblem(ctx, input);
      return { blueprint: built.blueprint, eligible: built.eligible, enemyPairs: built.problem.enemies.length, findings: precheck(built.problem) };
    },
  }),
  assemblyRunHandler,
  defineHandler({
    name: 'assembly.statistics.import',
    summary: '导入试题统计参数',
    // The statistics file's bytes (read here by app/readers/statistics/csv.ts), or rows already read.
    input: z
      .object({ bankId, bytes: z.instanceof(Uint8Array).optional(), rows: z.array(statisticsRow).min(1).max(100_000).optional() })
      .refine((i) => (i.bytes === undefined) !== (i.rows === undefined), { error: assemblyMessages.statisticsSource }),
    roles: ['manager'],
    register: '',
    bank: managers,
    run: (ctx, input) => {
      requireBank(ctx, input.bankId);
      const rows = input.rows ?? statisticsFile(input.bytes ?? new Uint8Array());
      for (const r of rows) {
        const item = getItem(ctx.db, r.itemId);
        if (item.bankId !== input.bankId) throw new ServiceError(itemsMessages.notInBank(r.itemId, input.bankId));
      }
      inTransaction(ctx.db, () => saveItemStatistics(ctx.db, rows, ctx.actor.username, timestamp(ctx)));
      return { saved: rows.length };
    },
  }),
  defineHandler({
    name: 'papers.list',
    summary: '列出试卷',
    input: z.object({ bankId, kind: z.enum(PAPER_KINDS).optional(), status: z.enum(['草稿', '已审定', '已作废']).optional() }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: members,
    run: (ctx, input): PaperView[] =>
      listPapers(ctx.db, input.bankId, { kind: input.kind, status: input.status as PaperStatus | undefined }).map((p) => ({ ...p, items: listPaperItems(ctx.db, p.id) })),
  }),
  defineHandler({
    name: 'papers.get',
    summary: '调阅试卷',
    input: z.object({ bankId, paperId: z.number().int().positive() }),
    roles: ['manager', 'author', 'reviewer'],
    register: '调阅',
    secret: true,
    bank: members,
    objects: (input) => [`bank:${input.bankId}`, `paper:${input.paperId}`],
    run: (ctx, input): PaperContent => {
      const paper = requirePaperOfBank(ctx, input.bankId, input.paperId);
      const items = listPaperItems(ctx.db, paper.id);
      const bodies = items.map((i) => {
        const item = getItem(ctx.db, i.itemId);
        return { itemId: i.itemId, version: i.version, type: item.type, binding: item.binding, body: getVersion(ctx.db, i.itemId, i.version).body };
      });
      return { ...paper, items, bodies };
    },
  }),
  defineHandler({
    name: 'papers.approve',
    summary: '审定试卷（锁定）',
    input: z.object({ bankId, runId: z.number().int().positive() }),
    // 四眼原则: a reviewer of the bank approves, never the account that assembled the sets. The manager
    // passes the role gate only to be told the rule (`requireFourEyes`).
    roles: ['reviewer', 'manager'],
    register: '组卷',
    secret: true,
    bank: bankOf('reviewer', 'manager'),
    objects: (input, out: { papers: number[] }) => [`bank:${input.bankId}`, `run:${input.runId}`, ...out.papers.map((id) => `paper:${id}`)],
    run: (ctx, input) => {
      const run = getRun(ctx.db, input.runId);
      if (run.bankId !== input.bankId) throw new ServiceError(assemblyMessages.runNotInBank(input.runId, input.bankId));
      const drafts = listPapers(ctx.db, input.bankId, { runId: input.runId, status: '草稿' });
      requireFourEyes(ctx, input.bankId, run, drafts);
      if (drafts.length === 0) throw new ServiceError(assemblyMessages.noDrafts(input.runId));
      // a set carrying an item the review panel rejected, or the unrevised version of one to revise, stays a draft
      const blocked = drafts.flatMap((p) => paperBlockers(ctx, p));
      if (blocked.length > 0) throw new ServiceError(reviewMessages.approveBlocked(blocked.map((b) => b.message)));
      const at = timestamp(ctx);
      inTransaction(ctx.db, () => drafts.forEach((p) => approvePaper(ctx.db, p.id, ctx.actor.username, at)));
      return { papers: drafts.map((p) => p.id) };
    },
  }),
  defineHandler({
    name: 'papers.void',
    summary: '作废试卷',
    input: z.object({ bankId, paperId: z.number().int().positive(), comment: z.string().trim().min(2, { error: assemblyMessages.voidReason }).max(500) }),
    roles: ['manager'],
    register: '组卷',
    secret: true,
    bank: managers,
    objects: (input) => [`bank:${input.bankId}`, `paper:${input.paperId}`],
    detail: (input) => input.comment,
    run: (ctx, input) => {
      const paper = requirePaperOfBank(ctx, input.bankId, input.paperId);
      if (paper.status === '已作废') throw new ServiceError(assemblyMessages.alreadyVoid(paper.id));
      voidPaper(ctx.db, paper.id, input.comment, ctx.actor.username, timestamp(ctx));
      return { paperId: paper.id };
    },
  }),
);
