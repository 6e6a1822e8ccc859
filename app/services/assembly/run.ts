/**
 * The assembly run (`assembly.run`): build the problem from the bank, solve it (engine.ts), compute the
 * sets' statistics and store them as draft papers pinning item versions, replacing earlier drafts.
 *
 * Run as a job (the GUI), it reports its phases — 建模, 启发式, 求解 MIP, 统计, 保存 — and may be
 * cancelled between them and between the solves of an infeasibility explanation; nothing is saved
 * before the last phase, and the call's transaction (`invoke`) rolls everything back on a cancel.
 * A HiGHS solve is one blocking call: a cancel takes effect right after it (engine.ts). The handler is
 * defined here, beside the run, so that the run's checkpoints name the handler's own summary.
 */
import type { z } from 'zod';
import type { Blueprint } from '../../domain/assembly/blueprint.js';
import { assemblyStatistics, type AssemblyStatistics, type SetStatistics } from '../../domain/assembly/set-statistics.js';
import { sortedSections, type TheoryStructure } from '../../domain/assembly/paper-structure.js';
import type { AssemblyItem } from '../../domain/assembly/problem.js';
import { setLabel } from '../../domain/format.js';
import type { PaperKind } from '../../domain/paper.js';
import { inTransaction } from '../../store/database.js';
import { insertPaper, insertRun, listPapers, voidPaper, type PaperItemRecord } from '../../store/repositories/papers.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler } from '../handler.js';
import { checkpoint, reportProgress } from '../jobs/progress.js';
import { solveAssembly, type EngineName, type EnginePhase } from './engine.js';
import { assemblyMessages } from './messages.js';
import { assemblyOptionsSchema, buildProblem } from './problem-builder.js';

/** Assembly failed: the causes, in Chinese, each naming what to fix. */
export class AssemblyInfeasibleError extends ServiceError {
  override name = 'AssemblyInfeasibleError';
  constructor(
    readonly causes: readonly string[],
    readonly proven: boolean,
  ) {
    super(assemblyMessages.infeasible(proven, causes.join('；')));
  }
}

export interface AssemblyRunResult {
  readonly runId: number;
  readonly kind: PaperKind;
  readonly engine: EngineName;
  readonly papers: readonly {
    readonly id: number;
    readonly label: string;
    readonly minutes: number;
    readonly items: number;
    readonly points: number;
    /** `itemId@version` of every item, in paper order. */
    readonly pinned: readonly string[];
  }[];
  readonly statistics: AssemblyStatistics;
  readonly deviation: number;
  readonly bound: number;
  readonly gap: number;
  readonly certified: boolean;
  readonly tolerance: number;
  readonly seconds: number;
  readonly blueprint: Blueprint;
  /** Earlier draft papers this run replaced. */
  readonly voided: number;
}

/** The steps of a run's progress: 建模 0, 启发式 1, 求解 MIP 2 (when needed), 统计 3, 保存 4, done 5. */
const PHASES = 5;
const ENGINE_STEP: Readonly<Record<EnginePhase, number>> = { heuristic: 1, mip: 2, explain: 2, lpBound: 2 };

/** Orders a set as printed: sections in 判断/单选/多选 (or module) order, then by 鉴定范围 and 鉴定点. */
function paperItems(ids: readonly number[], items: ReadonlyMap<number, AssemblyItem>, sectionOrder: readonly string[]): PaperItemRecord[] {
  const rank = (type: string) => {
    const r = sectionOrder.indexOf(type);
    return r < 0 ? sectionOrder.length : r;
  };
  const chosen = ids.map((id) => items.get(id)).filter((i): i is AssemblyItem => i !== undefined);
  chosen.sort((a, b) => rank(a.type) - rank(b.type) || a.node.localeCompare(b.node) || a.point.localeCompare(b.point) || a.id - b.id);
  return chosen.map((i, k) => ({ position: k + 1, section: i.type === 'practical' ? i.node : i.type, itemId: i.id, version: i.version, points: i.points }));
}

function sectionOrder(kind: PaperKind, structure: TheoryStructure | null, blueprint: Blueprint): string[] {
  if (kind === 'theory' && structure) return sortedSections(structure).map((s) => s.type);
  if (kind === 'practical') return blueprint.nodes.map((n) => n.path);
  return ['comprehensive'];
}

async function runAssembly(ctx: ServiceContext, input: z.output<typeof assemblyOptionsSchema>): Promise<AssemblyRunResult> {
  const step = async (done: number, label: string) => {
    reportProgress(ctx, done, PHASES, label);
    await checkpoint(ctx, assemblyRunHandler.summary);
  };
  await step(0, assemblyMessages.progress.model);
  const built = buildProblem(ctx, input);
  const { problem } = built;
  const onPhase = async (phase: EnginePhase) => step(ENGINE_STEP[phase], assemblyMessages.progress[phase]);
  const outcome = await solveAssembly(problem, { timeLimitSeconds: input.timeLimitSeconds, onPhase });
  if (!outcome.ok) throw new AssemblyInfeasibleError(outcome.causes, outcome.proven);

  await step(3, assemblyMessages.progress.statistics);
  const labels = outcome.sets.map((_, s) => setLabel(s));
  const statistics = assemblyStatistics(problem, outcome.sets, labels);
  const byId = new Map(problem.items.map((i) => [i.id, i]));
  const order = sectionOrder(built.kind, built.structure, built.blueprint);
  const at = timestamp(ctx);
  const by = ctx.actor.username;
  const settings = { ...input, enemies: input.enemies.length };
  /** The certificate, stored with the run and returned to the caller. */
  const certificate = {
    engine: outcome.engine,
    deviation: outcome.deviation,
    bound: outcome.bound,
    gap: outcome.gap,
    certified: outcome.certified,
    tolerance: problem.tolerance,
    seconds: outcome.seconds,
  };
  const result = {
    ...certificate,
    heuristicSeconds: outcome.heuristicSeconds,
    spread: statistics.spread,
    overlap: statistics.overlap,
    enemyPairs: problem.enemies.length,
    eligible: built.eligible,
    /** The theory structure the sets were drawn for (the 编制说明 describes it, even if changed later). */
    structure: built.structure,
    blueprint: {
      itemsPerSet: built.blueprint.itemsPerSet,
      pointCap: built.blueprint.pointCap,
      // The caps set at nodes of the 细目表, when any (stored runs without them keep their shape).
      ...(built.blueprint.pointCapOverrides.length > 0 ? { pointCapOverrides: built.blueprint.pointCapOverrides } : {}),
      bands: built.blueprint.bands,
      minX: built.blueprint.minX,
      maxZ: built.blueprint.maxZ,
      target: built.blueprint.target,
    },
  };
  await step(4, assemblyMessages.progress.save);
  const saved = inTransaction(ctx.db, () => {
    const drafts = listPapers(ctx.db, input.bankId, { kind: built.kind, status: '草稿' });
    const runId = insertRun(ctx.db, { bankId: input.bankId, kind: built.kind, settings, result, createdAt: at, createdBy: by });
    for (const old of drafts) voidPaper(ctx.db, old.id, assemblyMessages.supersededBy(runId), by, at);
    const papers = outcome.sets.map((ids, s) => {
      const stats: SetStatistics | undefined = statistics.sets[s];
      const items = paperItems(ids, byId, order);
      const points = items.reduce((a, i) => a + i.points, 0);
      const minutes = built.minutesOf(s, ids);
      const id = insertPaper(
        ctx.db,
        { bankId: input.bankId, runId, kind: built.kind, setLabel: labels[s] ?? String(s + 1), minutes, totalPoints: points, stats: stats ?? {}, items },
        by,
        at,
      );
      return { id, label: labels[s] ?? String(s + 1), minutes, items: items.length, points, pinned: items.map((i) => `${i.itemId}@${i.version}`) };
    });
    return {
      runId,
      kind: built.kind,
      ...certificate,
      papers,
      statistics,
      blueprint: built.blueprint,
      voided: drafts.length,
    };
  });
  reportProgress(ctx, PHASES, PHASES, assemblyMessages.progress.done);
  return saved;
}

/** `assembly.run`: the 组卷 register gets the parameters and every set's pinned item versions, never item text. */
export const assemblyRunHandler = defineHandler({
  name: 'assembly.run',
  summary: '组卷',
  input: assemblyOptionsSchema,
  roles: ['manager'],
  register: '组卷',
  secret: true,
  bank: bankOf('manager'),
  detail: (input, out: AssemblyRunResult) =>
    JSON.stringify({
      kind: input.kind,
      sets: input.sets,
      overlap: input.overlap,
      seed: input.seed,
      tolerance: input.tolerance,
      engine: out.engine,
      deviation: out.deviation,
      gap: out.gap,
    }),
  objects: (input, out: AssemblyRunResult) => [
    `bank:${input.bankId}`,
    `run:${out.runId}`,
    ...out.papers.flatMap((p) => [`paper:${p.id}`, ...p.pinned.map((ref) => `item:${ref}`)]),
  ],
  run: runAssembly,
});
