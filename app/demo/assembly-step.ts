/**
 * The demo's 组卷 step, run by the 题库管理员: load pilot statistics (通过率 p) for the sample items,
 * pre-check the full-size paper (判断20 + 单选140 + 多选10) against the sample bank, fall back to the
 * first preset the bank can fill three times, assemble 3 theory and 3 practical sets and open one
 * (调阅). A reviewer of the bank, who did not assemble them, approves (locks) them afterwards
 * (approveSampleSets: 四眼原则).
 *
 * The sample bank has never been administered, so its statistics are simulated: p = the estimate for
 * the item's difficulty level ± up to 0.07, from a hash of the item id (the same every run), marked
 * 样例试测（模拟） as their source. With them the sets differ in Σp and the assembler has work to do.
 */
import { estimatedP } from '../domain/assembly/blueprint.js';
import { roundTo } from '../domain/format.js';
import { THEORY_PRESETS, DEFAULT_THEORY_PRESET, type TheoryPreset } from '../domain/assembly/paper-structure.js';
import type { AssemblyRunResult } from '../services/assembly/handlers.js';
import type { ServiceContext } from '../services/context.js';
import { invoke } from '../services/handler.js';
import { handlers } from '../services/registry.js';
import { demoText } from './messages.js';

export interface DemoAssembly {
  readonly preset: TheoryPreset;
  readonly presetName: string;
  /** Why the full-size paper could not be filled three times from the sample (empty if it could). */
  readonly fullSizeFindings: readonly string[];
  readonly theory: AssemblyRunResult;
  readonly practical: AssemblyRunResult;
  readonly opened: number;
}

/** A number in [−1, 1) from an integer, always the same (a 32-bit integer hash). */
function jitter(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 31 - 1;
}

export async function assembleSampleSets(ctx: ServiceContext, bankId: number): Promise<DemoAssembly> {
  const listed = await invoke(ctx, handlers['items.list'], { bankId });
  const rows = listed.map((i) => ({
    itemId: i.id,
    p: roundTo(estimatedP(i.difficulty) + 0.07 * jitter(i.id), 3),
    sampleSize: 200 + Math.round(100 * Math.abs(jitter(i.id * 7))),
    source: demoText.statisticsSource,
  }));
  await invoke(ctx, handlers['assembly.statistics.import'], { bankId, rows });

  const options = { bankId, sets: 3, seed: 1, timeLimitSeconds: 30 };
  const full = await invoke(ctx, handlers['assembly.blueprint'], { ...options, kind: 'theory' });
  const fullSizeFindings = full.findings.map((f) => f.message);
  let preset: TheoryPreset = DEFAULT_THEORY_PRESET;
  if (fullSizeFindings.length > 0) {
    for (const key of Object.keys(THEORY_PRESETS) as TheoryPreset[]) {
      if (key === DEFAULT_THEORY_PRESET) continue;
      await invoke(ctx, handlers['assembly.structure.set'], { bankId, value: { preset: key } });
      const check = await invoke(ctx, handlers['assembly.blueprint'], { ...options, kind: 'theory' });
      preset = key;
      if (check.findings.length === 0) break;
    }
  }
  const theory = await invoke(ctx, handlers['assembly.run'], { ...options, kind: 'theory' });
  const practical = await invoke(ctx, handlers['assembly.run'], { ...options, kind: 'practical' });
  const first = theory.papers[0];
  if (first) await invoke(ctx, handlers['papers.get'], { bankId, paperId: first.id });
  return { preset, presetName: THEORY_PRESETS[preset].name, fullSizeFindings, theory, practical, opened: first?.id ?? 0 };
}

/** 审定: a reviewer of the bank approves (locks) the sets the manager assembled. */
export async function approveSampleSets(ctx: ServiceContext, bankId: number, runs: readonly AssemblyRunResult[]): Promise<void> {
  for (const run of runs) await invoke(ctx, handlers['papers.approve'], { bankId, runId: run.runId });
}
