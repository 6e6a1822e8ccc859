/**
 * The assembler: counting pre-checks, then the constructive + exchange heuristic, then HiGHS when the
 * heuristic could not meet every side constraint or stopped above the tolerance (warm-started from
 * the heuristic, absolute gap), and an infeasibility explanation when the model has no solution.
 *
 * The certificate: the objective max_s |Σp_s − target_s| is never negative and its LP relaxation is
 * 0 (fractional x can hit every target); when every p is recorded to d decimals, Σp moves on the grid
 * 10^−d and the distance from the targets to that grid is a better bound (`bound.ts`). When the
 * heuristic stops above the tolerance, HiGHS (warm-started) improves the sets and reports its dual
 * bound. Sets within `tolerance` of the bound are optimal up to that absolute gap; "within" is
 * `withinTolerance` (float noise of the sums aside), the one test both for skipping HiGHS and for the
 * certificate, so a heuristic that reaches the bound with tolerance 0 never starts HiGHS.
 * Every result is re-checked by the independent checker before it is returned.
 *
 * A run as a job (the GUI) is told each phase as it starts (`onPhase`), and between the solves of the
 * infeasibility explanation; a cancelled job throws there. The heuristic (app/domain, synchronous) and
 * each HiGHS solve (one blocking call, see mip-solver.ts) cannot be interrupted: a cancel takes effect
 * at the next phase, right after the call that was running.
 */
import { performance } from 'node:perf_hooks';
import { latticeBound, sumMagnitude, withinTolerance } from '../../domain/assembly/bound.js';
import { checkSets } from '../../domain/assembly/checker.js';
import { assembleHeuristic } from '../../domain/assembly/heuristic/index.js';
import { maxDeviation, type AssemblyProblem } from '../../domain/assembly/problem.js';
import { explainInfeasible, lpBound, solveMip } from './mip-solver.js';
import { assemblyMessages } from './messages.js';

export interface EngineOptions {
  /** Wall-time budget of the HiGHS phases, in seconds. */
  readonly timeLimitSeconds: number;
  /** Also solve the LP relaxation with HiGHS to report its bound (costs time on large banks). */
  readonly lpCertificate?: boolean;
  /** Called (and awaited) as each phase starts and between the explanation's solves; may throw to stop the run. */
  readonly onPhase?: (phase: EnginePhase) => Promise<void>;
}

/** The phases of a run, in order (the MIP, the explanation and the LP bound only when needed). */
export type EnginePhase = 'heuristic' | 'mip' | 'explain' | 'lpBound';

export type EngineName = 'heuristic' | 'heuristic+highs' | 'highs';

export interface EngineSuccess {
  readonly ok: true;
  readonly sets: number[][];
  readonly engine: EngineName;
  /** HiGHS ran (whether or not it improved the sets; `engine` names who found them). */
  readonly highsRan: boolean;
  readonly deviation: number;
  readonly bound: number;
  readonly gap: number;
  /** The gap is within the tolerance: the sets are optimal up to it. */
  readonly certified: boolean;
  readonly seconds: number;
  readonly heuristicSeconds: number;
  readonly heuristicDeviation: number | null;
}

export interface EngineFailure {
  readonly ok: false;
  /** The causes are proven (counting or the solver), not just "not found in time". */
  readonly proven: boolean;
  readonly causes: readonly string[];
  readonly seconds: number;
}

export type EngineOutcome = EngineSuccess | EngineFailure;

export async function solveAssembly(problem: AssemblyProblem, options: EngineOptions): Promise<EngineOutcome> {
  const start = performance.now();
  const elapsed = () => (performance.now() - start) / 1000;
  const remaining = () => Math.max(1, options.timeLimitSeconds - elapsed());
  const phase = async (name: EnginePhase) => options.onPhase?.(name);

  // The heuristic runs the counting pre-checks first; what they find is proven, no solver needed.
  await phase('heuristic');
  const heuristic = assembleHeuristic(problem);
  const heuristicSeconds = elapsed();
  if (!heuristic.ok && heuristic.proven === true) {
    return { ok: false, proven: true, causes: heuristic.violations.map((v) => v.message), seconds: heuristicSeconds };
  }
  let best: { sets: number[][]; deviation: number; engine: EngineName } | undefined = heuristic.ok
    ? { sets: heuristic.sets, deviation: heuristic.deviation, engine: 'heuristic' }
    : undefined;
  let bound = latticeBound(problem);
  const magnitude = sumMagnitude(problem);
  let highsRan = false;

  if (best === undefined || !withinTolerance(best.deviation, bound, problem.tolerance, magnitude)) {
    highsRan = true;
    await phase('mip');
    const mip = await solveMip(problem, {
      timeLimitSeconds: remaining(),
      absGap: problem.tolerance,
      ...(best === undefined ? {} : { warmStart: best.sets }),
    });
    if (mip.status === 'infeasible') {
      await phase('explain');
      const why = await explainInfeasible(problem, remaining(), async () => phase('explain'));
      const causes = why.messages.length > 0 ? why.messages : [assemblyMessages.notAllAtOnce];
      return { ok: false, proven: true, causes, seconds: elapsed() };
    }
    if (mip.sets !== undefined && mip.deviation !== undefined && (best === undefined || mip.deviation < best.deviation)) {
      best = { sets: mip.sets, deviation: mip.deviation, engine: best === undefined ? 'highs' : 'heuristic+highs' };
    }
    if (Number.isFinite(mip.bound)) bound = Math.max(bound, mip.bound);
    if (best === undefined) {
      const seen = heuristic.ok ? [] : heuristic.violations.slice(0, 5).map((v) => v.message);
      return {
        ok: false,
        proven: false,
        causes: [assemblyMessages.noSolutionInTime(Math.round(options.timeLimitSeconds)), ...seen],
        seconds: elapsed(),
      };
    }
  }
  if (options.lpCertificate === true) {
    await phase('lpBound');
    bound = Math.max(bound, await lpBound(problem, remaining()));
  }

  const violations = checkSets(problem, best.sets);
  if (violations.length > 0) throw new Error(`assembler returned invalid sets: ${violations.map((v) => v.message).join('; ')}`);
  const deviation = maxDeviation(problem, best.sets);
  const gap = Math.max(0, deviation - bound);
  return {
    ok: true,
    sets: best.sets,
    engine: best.engine,
    highsRan,
    deviation,
    bound,
    gap,
    certified: withinTolerance(deviation, bound, problem.tolerance, magnitude),
    seconds: elapsed(),
    heuristicSeconds,
    heuristicDeviation: heuristic.ok ? heuristic.deviation : null,
  };
}
