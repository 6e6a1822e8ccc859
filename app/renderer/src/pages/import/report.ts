/**
 * The import report as the screens read it: each row's problems (the report lists them one per line,
 * each starting with the row's place, `第12行 选项C: 不能为空`) and quality findings by row, the
 * problems of the file itself, and the bank item a duplicate flag points to. Pure.
 */
import type { QbankApi } from '../../api/client.js';

export type ImportReport = Awaited<ReturnType<QbankApi['import.items']>>;
export type ImportInput = Parameters<QbankApi['import.items']>[0];
export type PreviewRow = ImportReport['preview'][number];
export type DuplicateFlag = ImportReport['duplicates'][number];
export type Options = Required<Pick<ImportInput, 'state' | 'validOnly' | 'nearDuplicates'>>;

export interface RowProblems {
  /** Problems of each row, by its place (`where`). */
  readonly byRow: ReadonlyMap<string, readonly string[]>;
  /** Problems that name no row of the preview (the file itself, or rows beyond the preview). */
  readonly other: readonly string[];
}

/** The row a problem line belongs to: the longest place it starts with, followed by a space or a colon. */
function rowOf(line: string, places: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const where of places) {
    if ((line.startsWith(`${where} `) || line.startsWith(`${where}:`)) && where.length > (best?.length ?? 0)) best = where;
  }
  return best;
}

export function problemsByRow(report: Pick<ImportReport, 'problems' | 'preview'>): RowProblems {
  const places = report.preview.map((p) => p.where);
  const byRow = new Map<string, string[]>();
  const other: string[] = [];
  for (const line of report.problems) {
    const where = rowOf(line, places);
    if (where === undefined) other.push(line);
    else byRow.set(where, [...(byRow.get(where) ?? []), line.slice(where.length).replace(/^[:\s]+/, '')]);
  }
  return { byRow, other };
}

/** The quality findings of each row (`正确选项明显最长：…`). */
export function lintByRow(report: Pick<ImportReport, 'lint'>): ReadonlyMap<string, readonly string[]> {
  const byRow = new Map<string, string[]>();
  for (const f of report.lint) byRow.set(f.where, [...(byRow.get(f.where) ?? []), `${f.title}：${f.message}`]);
  return byRow;
}

/** The id of the bank item a duplicate flag names (`试题 174`), or null when it is an earlier row of the file. */
export function bankItemOf(flag: DuplicateFlag): number | null {
  if (flag.scope !== 'bank') return null;
  const m = /(\d+)$/.exec(flag.against);
  return m ? Number(m[1]) : null;
}
