/**
 * The tamper suite's table runner (issue [I], deliverable 4). A case is one alteration of one class
 * (database, log, checkpoint, anchor, package, iso, signature, certificate): a name, a function that
 * alters a fresh copy of the class's fixture, the real verifier that must report it, and the location
 * the report must name (row seq, file path, chunk number, ISO region and offset …). A verifier that
 * refuses with an error counts as a report: its message is what must name the location.
 *
 * A case may carry `knownGap`: an alteration the program does not detect today although the trust model
 * says it should (an open defect, described in the mark). It is still run and counted as a failure in
 * the recorded result, but does not fail the test; once it is detected, the test fails until the mark is
 * removed, so a mark never outlives its defect.
 */
import { recordResult } from '../results.js';

export const TAMPER_CLASSES = ['database', 'log', 'checkpoint', 'anchor', 'package', 'iso', 'signature', 'certificate'] as const;
export type TamperClass = (typeof TAMPER_CLASSES)[number];

/** What a verifier said: not ok, and every problem it reported (in Chinese). */
export interface Detection {
  readonly ok: boolean;
  readonly problems: readonly string[];
}

export interface Verifier<F> {
  /** How the report names it: `audit.verify`, `openPackage`, `verifyIsoStructure` … */
  readonly name: string;
  run(copy: F): Promise<Detection> | Detection;
}

export interface TamperCase<F> {
  readonly name: string;
  readonly alter: (copy: F) => Promise<void> | void;
  readonly verifier: Verifier<F>;
  /** What the report must contain to name where the alteration is (evaluated after `alter`). */
  readonly location: RegExp | ((copy: F) => RegExp);
  /** An open defect: what is not detected and why (see the header). */
  readonly knownGap?: string;
}

export interface ClassRun {
  /** Failures that fail the test: undetected, unlocated, or a known gap that is now detected. */
  readonly unexpected: readonly string[];
  /** Known gaps still open (recorded as failures, reported, not failing the test). */
  readonly gaps: readonly string[];
}

/** A thrown error as a detection: refusing is reporting, and the message must name the place. */
async function detect<F>(verifier: Verifier<F>, copy: F): Promise<Detection> {
  try {
    return await verifier.run(copy);
  } catch (e) {
    return { ok: false, problems: [e instanceof Error ? `${e.name}: ${e.message}` : String(e)] };
  }
}

/**
 * Runs every case of a class on its own fresh copy (made by `fresh`, released by `release`), records the
 * result (`recordResult`, suite 'tamper', operation = class) and returns what failed.
 */
export async function runTamperClass<F>(
  klass: TamperClass,
  cases: readonly TamperCase<F>[],
  fresh: (name: string) => Promise<F> | F,
  release: (copy: F) => void = () => undefined,
): Promise<ClassRun> {
  const unexpected: string[] = [];
  const gaps: string[] = [];
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`duplicate tamper case: ${c.name}`);
    names.add(c.name);
    const copy = await fresh(c.name);
    try {
      let failure: string | null = null;
      try {
        await c.alter(copy);
      } catch (e) {
        failure = `${c.name}：改动本身失败（${(e as Error).message}）`;
      }
      if (failure === null) {
        const d = await detect(c.verifier, copy);
        const where = typeof c.location === 'function' ? c.location(copy) : c.location;
        const text = d.problems.join('\n');
        if (d.ok) failure = `${c.name}：未被发现（${c.verifier.name} 报告通过）`;
        else if (!where.test(text)) failure = `${c.name}：${c.verifier.name} 发现了改动但未指明位置 ${String(where)}；报告：${text.slice(0, 400)}`;
      }
      if (c.knownGap === undefined) {
        if (failure !== null) unexpected.push(failure);
      } else if (failure === null) unexpected.push(`${c.name}：已被发现并指明位置，请去掉 knownGap 标记（${c.knownGap}）`);
      else gaps.push(`已知缺陷 ${failure}｜${c.knownGap}`);
    } finally {
      release(copy);
    }
  }
  recordResult({
    suite: 'tamper',
    operation: klass,
    trials: cases.length,
    failures: unexpected.length + gaps.length,
    details: [...unexpected, ...gaps],
    note: `${cases.length} alterations, ${cases.length - unexpected.length - gaps.length} detected and located${gaps.length > 0 ? `, ${gaps.length} known gap(s)` : ''}`,
  });
  return { unexpected, gaps };
}

/** A regular expression matching `text` literally. */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
