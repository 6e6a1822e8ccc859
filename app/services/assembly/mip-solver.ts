/**
 * Runs the assembly MIP (`domain/assembly/mip-model/`) with HiGHS (WebAssembly, in process, no
 * network): the minimax solve warm-started from the heuristic, the LP-relaxation bound, and the
 * explanation of an infeasible problem by relaxing one (then two) constraint groups at a time.
 *
 * HiGHS runs synchronously: a solve (`model.run()`) blocks this thread for up to its time limit, and
 * nothing — not even a cancelled job, whose cancel cannot arrive while the thread is blocked — stops
 * it early. Callers that must stay responsive should run it in a worker thread. The explanation
 * solves several times and offers `between` to be called (awaited) between its solves.
 *
 * Every set returned is decoded from the solver's vector and re-checked with the independent checker
 * (`checkSets`); sets that fail it are never returned as a solution (status 'error').
 */
import { performance } from 'node:perf_hooks';
import { checkSets, type Violation } from '../../domain/assembly/checker.js';
import {
  buildMip,
  decodeSets,
  encodeSets,
  mipObjective,
  type MipOptions,
  type SparseMip,
} from '../../domain/assembly/mip-model/index.js';
import {
  CONSTRAINT_GROUPS,
  constraintGroupNames,
  maxDeviation,
  type AssemblyProblem,
  type ConstraintGroup,
  type SetAssignment,
} from '../../domain/assembly/problem.js';
import { roundTo } from '../../domain/format.js';
import { assemblyMessages } from './messages.js';
import { highsRuntime } from './highs-runtime.js';

export interface MipRunOptions {
  readonly timeLimitSeconds: number;
  /**
   * Absolute gap on the deviation at which HiGHS stops (default `problem.tolerance`); the relative
   * gap is 0 (the LP bound of the minimax is usually 0, so a relative gap would never close).
   */
  readonly absGap?: number;
  /** Sets to start from (the heuristic's); the result is never worse than them when they are valid. */
  readonly warmStart?: SetAssignment;
  /** Constraint groups to drop; the returned sets are checked against the others only. */
  readonly relax?: readonly ConstraintGroup[];
  readonly objective?: 'minimax' | 'feasibility';
}

export interface MipRunResult {
  /**
   * optimal — proven within the absolute gap; feasible — sets found, not proven within the gap when
   * the time ran out; infeasible — proven to have no solution; timeLimit — nothing found in time;
   * error — the solver failed or its sets did not pass the checker (see `message`).
   */
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'timeLimit' | 'error';
  readonly sets?: number[][];
  /** max_s |Σp_s − target_s| of `sets`, recomputed from the items. */
  readonly deviation?: number;
  /**
   * Proven lower bound on the deviation of any valid sets (0 when nothing better is known; +∞ when
   * the problem is proven infeasible). HiGHS's dual bound minus what the secondary terms can add.
   */
  readonly bound: number;
  /** deviation − bound, when both are known. */
  readonly gap?: number;
  readonly seconds: number;
  readonly nodes?: number;
  readonly message?: string;
}

/** HiGHS model status codes (`highs.constants.modelStatus`). */
const STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  timeLimit: 13,
  iterationLimit: 14,
  solutionLimit: 16,
  interrupted: 17,
  objectiveTarget: 12,
} as const;

/** HiGHS `primal_solution_status` for a feasible primal solution. */
const PRIMAL_FEASIBLE = 2;

interface RawRun {
  readonly modelStatus: number;
  /** The incumbent, when HiGHS has a feasible one. */
  readonly colValue?: Float64Array;
  readonly dualBound: number;
  readonly objective?: number;
  readonly nodes: number;
  /** Groups of the rows of an irreducible infeasible subsystem of the LP relaxation (when asked). */
  readonly iisGroups?: readonly string[];
}

interface RawRunOptions {
  readonly timeLimitSeconds: number;
  readonly absGap?: number;
  readonly start?: Float64Array;
  /** Solve the LP relaxation (no integrality). */
  readonly lp?: boolean;
  readonly seed: number;
  /** When infeasible, compute the LP relaxation's IIS (row priority) … */
  readonly iis?: boolean;
  /** … within this many seconds. */
  readonly iisSeconds?: number;
}

async function runMip(mip: SparseMip, options: RawRunOptions): Promise<RawRun> {
  const highs = await highsRuntime();
  const model = highs.createModel({
    numCols: mip.numCol,
    numRows: mip.numRow,
    colCost: mip.colCost,
    colLower: mip.colLower,
    colUpper: mip.colUpper,
    rowLower: mip.rowLower,
    rowUpper: mip.rowUpper,
    matrix: { format: 'csr', numRows: mip.numRow, numCols: mip.numCol, starts: mip.starts, indices: mip.index, values: mip.value },
    ...(options.lp === true ? {} : { integrality: Int32Array.from(mip.integrality) }),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, options.timeLimitSeconds),
      mip_rel_gap: 0,
      mip_abs_gap: Math.max(0, options.absGap ?? 0),
      random_seed: options.seed,
    });
    if (options.start !== undefined) model.setSolution({ colValue: options.start });
    const { modelStatus } = model.run();
    const primal = Number(model.info.get('primal_solution_status'));
    const colValue = primal === PRIMAL_FEASIBLE ? model.getSolution().colValue : undefined;
    let dualBound = 0;
    let nodes = 0;
    if (options.lp !== true) {
      dualBound = infoNumber(() => model.info.get('mip_dual_bound'));
      nodes = infoNumber(() => model.info.get('mip_node_count'));
    } else if (modelStatus === STATUS.optimal) {
      dualBound = model.getObjectiveValue();
    }
    let iisGroups: string[] | undefined;
    if (options.iis === true && modelStatus === STATUS.infeasible) {
      try {
        model.options.set({ iis_strategy: highs.constants.iis.strategyRowPriority, iis_time_limit: Math.max(0.01, options.iisSeconds ?? 1) });
        const iis = model.getIis();
        iisGroups = [...new Set([...iis.rowIndex].map((r) => mip.rowGroups[r] ?? 'cells'))];
      } catch {
        iisGroups = undefined;
      }
    }
    return {
      modelStatus,
      ...(colValue === undefined ? {} : { colValue, objective: model.getObjectiveValue() }),
      dualBound,
      nodes,
      ...(iisGroups === undefined ? {} : { iisGroups }),
    };
  } finally {
    model.dispose();
  }
}

function infoNumber(read: () => number | bigint): number {
  try {
    const v = Number(read());
    return Number.isFinite(v) ? v : 0;
  } catch {
    return 0;
  }
}

function seedOf(problem: AssemblyProblem): number {
  const s = Math.abs(Math.trunc(problem.seed)) % 2147483647;
  return Number.isFinite(s) ? s : 0;
}

function violationsOutside(problem: AssemblyProblem, sets: SetAssignment, relax: readonly ConstraintGroup[]): Violation[] {
  const relaxed = new Set(relax);
  return checkSets(problem, sets).filter((v) => !relaxed.has(v.group));
}

function describe(violations: readonly Violation[]): string {
  const shown = violations.slice(0, 5).map((v) => v.message);
  return violations.length > 5 ? assemblyMessages.moreViolations(shown.join('；'), violations.length) : shown.join('；');
}

/** Solve the assembly MIP within the time limit (see `MipRunResult`). */
export async function solveMip(problem: AssemblyProblem, options: MipRunOptions): Promise<MipRunResult> {
  const start = performance.now();
  const elapsed = () => (performance.now() - start) / 1000;
  const relax = options.relax ?? [];
  const objective = options.objective ?? 'minimax';
  try {
    const mipOptions: MipOptions = { objective, relax };
    const mip = buildMip(problem, mipOptions);

    // The warm start, when it is valid: it bounds the result from above.
    let warm: { sets: number[][]; score: number } | undefined;
    let startVector: Float64Array | undefined;
    if (options.warmStart !== undefined) {
      startVector = encodeSets(problem, mip, options.warmStart);
      if (violationsOutside(problem, options.warmStart, relax).length === 0) {
        warm = { sets: options.warmStart.map((ids) => [...ids]), score: mipObjective(mip, startVector) };
      }
    }

    const run = await runMip(mip, {
      timeLimitSeconds: options.timeLimitSeconds - elapsed(),
      // HiGHS's gap is on t + secondary terms; less their cap, it is a gap on the deviation.
      absGap: Math.max(0, (options.absGap ?? problem.tolerance) - mip.secondaryCap),
      ...(startVector === undefined ? {} : { start: startVector }),
      seed: seedOf(problem),
    });
    const nodes = run.nodes;

    if (run.modelStatus === STATUS.infeasible || run.modelStatus === STATUS.unboundedOrInfeasible) {
      if (warm !== undefined) {
        return { status: 'error', bound: 0, seconds: elapsed(), nodes, message: assemblyMessages.highsModelWrong };
      }
      return { status: 'infeasible', bound: Number.POSITIVE_INFINITY, seconds: elapsed(), nodes };
    }

    const knownStatus =
      run.modelStatus === STATUS.optimal ||
      run.modelStatus === STATUS.timeLimit ||
      run.modelStatus === STATUS.iterationLimit ||
      run.modelStatus === STATUS.solutionLimit ||
      run.modelStatus === STATUS.interrupted ||
      run.modelStatus === STATUS.objectiveTarget;
    if (!knownStatus && warm === undefined) {
      return { status: 'error', bound: 0, seconds: elapsed(), nodes, message: assemblyMessages.highsFailed(run.modelStatus) };
    }

    const bound = objective === 'minimax' ? Math.max(0, run.dualBound - mip.secondaryCap) : 0;

    let sets: number[][] | undefined;
    let score = Number.POSITIVE_INFINITY;
    if (run.colValue !== undefined) {
      sets = decodeSets(problem, mip, run.colValue);
      const bad = violationsOutside(problem, sets, relax);
      if (bad.length > 0) {
        return { status: 'error', bound, seconds: elapsed(), nodes, message: assemblyMessages.highsUnchecked(describe(bad)) };
      }
      score = mipObjective(mip, encodeSets(problem, mip, sets));
    }
    let proven = run.modelStatus === STATUS.optimal && sets !== undefined;
    if (warm !== undefined && (sets === undefined || score > warm.score + 1e-9)) {
      sets = warm.sets;
      proven = false;
    }
    if (sets === undefined) {
      return { status: 'timeLimit', bound, seconds: elapsed(), nodes };
    }
    const deviation = maxDeviation(problem, sets);
    return {
      status: proven ? 'optimal' : 'feasible',
      sets,
      deviation,
      bound,
      ...(objective === 'minimax' ? { gap: Math.max(0, deviation - bound) } : {}),
      seconds: elapsed(),
      nodes,
    };
  } catch (error) {
    return { status: 'error', bound: 0, seconds: elapsed(), message: assemblyMessages.highsError(error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * The optimum of the LP relaxation of the minimax model (no secondary terms): a proven lower bound on
 * the deviation of any valid sets. 0 when the relaxation was not solved in time; +∞ when even the
 * relaxation is infeasible.
 */
export async function lpBound(problem: AssemblyProblem, timeLimitSeconds: number): Promise<number> {
  const mip = buildMip(problem, { objective: 'minimax', secondary: false });
  const run = await runMip(mip, { timeLimitSeconds, lp: true, seed: seedOf(problem) });
  if (run.modelStatus === STATUS.infeasible) return Number.POSITIVE_INFINITY;
  if (run.modelStatus !== STATUS.optimal) return 0;
  return Math.max(0, run.dualBound);
}

export interface InfeasibilityExplanation {
  /** Every statement in `messages` is proven by a solver run (not cut short by the time limit). */
  readonly proven: boolean;
  /** Groups whose removal (alone, or in a pair) makes the problem feasible. */
  readonly groups: ConstraintGroup[];
  readonly messages: string[];
}

type Verdict = 'feasible' | 'infeasible' | 'unknown';

/**
 * Why can no sets be assembled? Confirms infeasibility (feasibility objective), then drops one
 * constraint group at a time (cells last) and names every group whose removal makes the problem
 * feasible; when none does, tries pairs. Honest about the time limit (`proven: false`). `between` is
 * awaited before every solve after the first (a running job's checkpoint; it may throw to stop).
 */
export async function explainInfeasible(
  problem: AssemblyProblem,
  timeLimitSeconds: number,
  between: () => Promise<void> = async () => undefined,
): Promise<InfeasibilityExplanation> {
  const start = performance.now();
  const remaining = () => timeLimitSeconds - (performance.now() - start) / 1000;
  const seed = seedOf(problem);

  const verdictOf = async (relax: readonly ConstraintGroup[], seconds: number, iis = false) => {
    const mip = buildMip(problem, { objective: 'feasibility', relax });
    const run = await runMip(mip, { timeLimitSeconds: seconds, seed, iis, iisSeconds: Math.min(timeLimitSeconds * 0.1, 2) });
    const verdict: Verdict =
      run.modelStatus === STATUS.infeasible || run.modelStatus === STATUS.unboundedOrInfeasible
        ? 'infeasible'
        : run.colValue !== undefined
          ? 'feasible'
          : 'unknown';
    return { verdict, iisGroups: run.iisGroups, mip };
  };

  const first = await verdictOf([], Math.max(0.05, remaining() * 0.4), true);
  if (first.verdict === 'feasible') {
    return { proven: true, groups: [], messages: [assemblyMessages.feasible] };
  }
  if (first.verdict === 'unknown') {
    return {
      proven: false,
      groups: [],
      messages: [assemblyMessages.undecided(roundTo(timeLimitSeconds, 1))],
    };
  }

  // Groups present in the problem, cells last. Those in an irreducible infeasible subsystem of the LP
  // relaxation go first, so a short time limit tests the likeliest culprits. (HiGHS's IIS covers only
  // the LP relaxation and one conflict, so it orders the search; it proves nothing by itself.)
  const present = new Set<ConstraintGroup>();
  for (const g of first.mip.rowGroups) if (g !== 'deviation') present.add(g);
  if (problem.excluded.length > 0) present.add('excluded');
  present.delete('eligibility');
  const iis = new Set(first.iisGroups ?? []);
  const ordered = CONSTRAINT_GROUPS.filter((g) => present.has(g) && g !== 'cells');
  const candidates = [...ordered.filter((g) => iis.has(g)), ...ordered.filter((g) => !iis.has(g))];
  if (present.has('cells')) candidates.push('cells');

  const messages: string[] = [assemblyMessages.provenInfeasible];

  const found: ConstraintGroup[] = [];
  const single = new Map<ConstraintGroup, Verdict>();
  let undecided = 0;
  for (let k = 0; k < candidates.length; k += 1) {
    const g = candidates[k] as ConstraintGroup;
    const left = remaining();
    if (left <= 0.02) {
      undecided += candidates.length - k;
      break;
    }
    await between();
    const { verdict } = await verdictOf([g], left / (candidates.length - k));
    single.set(g, verdict);
    if (verdict === 'feasible') {
      found.push(g);
      const name = constraintGroupNames[g];
      messages.push(assemblyMessages.relaxOne(name));
    } else if (verdict === 'unknown') undecided += 1;
  }

  if (found.length === 0) {
    const pairs: [ConstraintGroup, ConstraintGroup][] = [];
    for (let a = 0; a < candidates.length; a += 1)
      for (let b = a + 1; b < candidates.length; b += 1) pairs.push([candidates[a] as ConstraintGroup, candidates[b] as ConstraintGroup]);
    for (let k = 0; k < pairs.length; k += 1) {
      const [a, b] = pairs[k] as [ConstraintGroup, ConstraintGroup];
      const left = remaining();
      if (left <= 0.02) {
        undecided += pairs.length - k;
        break;
      }
      await between();
      const { verdict } = await verdictOf([a, b], left / (pairs.length - k));
      if (verdict === 'feasible') {
        for (const g of [a, b]) if (!found.includes(g)) found.push(g);
        const na = constraintGroupNames[a];
        const nb = constraintGroupNames[b];
        const neitherAlone = single.get(a) === 'infeasible' && single.get(b) === 'infeasible';
        messages.push(assemblyMessages.relaxTwo(na, nb, neitherAlone));
      } else if (verdict === 'unknown') undecided += 1;
    }
  }

  if (found.length === 0) {
    messages.push(undecided > 0 ? assemblyMessages.relaxNotFoundInTime(roundTo(timeLimitSeconds, 1)) : assemblyMessages.relaxNone);
  } else if (undecided > 0) {
    messages.push(assemblyMessages.relaxUndecided(undecided));
  }
  return { proven: undecided === 0 || found.length > 0, groups: found, messages };
}
