/**
 * The item statistics file (`qbank papers stats-import`): CSV/TSV of 试题编号, 通过率 p, 样本量[, 区分度][,
 * 来源], a header row skipped, fields separated by comma, tab or `，`. Read with the bounded CSV reader
 * (readers/csv.ts: size, line length, line count, UTF-8 text only) before a field is split; the rows go to
 * `assembly.statistics.import`, which checks them against the bank.
 */
import { readCsvLines } from '../csv.js';
import { ReaderError } from '../errors.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../limits.js';
import { statisticsMessages as m } from './messages.js';

export interface StatisticsRow {
  itemId: number;
  p: number;
  sampleSize: number;
  discrimination: number | null;
  source: string;
}

/** The statistics file is refused: not CSV text, over a bound, or a value out of range (the message names the line). */
export class StatisticsFileError extends ReaderError {
  override name = 'StatisticsFileError';
}

export function parseStatisticsCsv(bytes: Uint8Array, limits: ReaderLimits = DEFAULT_LIMITS): StatisticsRow[] {
  let lines: ReturnType<typeof readCsvLines>;
  try {
    lines = readCsvLines(bytes, limits);
  } catch (e) {
    if (e instanceof ReaderError) throw new StatisticsFileError(m.refused(e.message));
    throw e;
  }
  const out: StatisticsRow[] = [];
  lines.forEach(({ line, text }, i) => {
    const cells = text.split(/[,\t，]/).map((c) => c.trim());
    if (i === 0 && !/^\d+$/.test(cells[0] ?? '')) return; // header
    const [id, p, n, d, source] = cells;
    const where = m.line(line);
    const itemId = Number(id);
    const pv = Number(p);
    const sampleSize = Number(n);
    if (!Number.isInteger(itemId) || itemId <= 0) throw new StatisticsFileError(m.itemId(where, id ?? ''));
    if (!Number.isFinite(pv) || pv < 0 || pv > 1) throw new StatisticsFileError(m.p(where, p ?? ''));
    if (!Number.isInteger(sampleSize) || sampleSize < 1) throw new StatisticsFileError(m.sampleSize(where, n ?? ''));
    const dv = d === undefined || d === '' ? null : Number(d);
    if (dv !== null && (!Number.isFinite(dv) || dv < -1 || dv > 1)) throw new StatisticsFileError(m.discrimination(where, d ?? ''));
    out.push({ itemId, p: pv, sampleSize, discrimination: dv, source: source ?? '' });
  });
  if (out.length === 0) throw new StatisticsFileError(m.noRows);
  return out;
}
