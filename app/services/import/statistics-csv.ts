/**
 * The item statistics file (`qbank papers stats-import`): CSV/TSV of 试题编号, 通过率 p, 样本量[, 区分度][,
 * 来源], a header row skipped. Read with the bounded CSV reader (app/readers/csv.ts: size, line length,
 * line count, UTF-8 text only) before a field is split; the rows then go to `assembly.statistics.import`.
 */
import { ReaderError } from '../../readers/errors.js';
import { readCsvLines } from '../../readers/csv.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../../readers/limits.js';
import { ServiceError } from '../errors.js';

export interface StatisticsRow {
  itemId: number;
  p: number;
  sampleSize: number;
  discrimination: number | null;
  source: string;
}

export class StatisticsFileError extends ServiceError {
  override name = 'StatisticsFileError';
}

export function parseStatisticsCsv(bytes: Uint8Array, limits: ReaderLimits = DEFAULT_LIMITS): StatisticsRow[] {
  let lines: ReturnType<typeof readCsvLines>;
  try {
    lines = readCsvLines(bytes, limits);
  } catch (e) {
    if (e instanceof ReaderError) throw new StatisticsFileError(`统计文件未导入：${e.message}`);
    throw e;
  }
  const out: StatisticsRow[] = [];
  lines.forEach(({ line, text }, i) => {
    const cells = text.split(/[,\t，]/).map((c) => c.trim());
    if (i === 0 && !/^\d+$/.test(cells[0] ?? '')) return; // header
    const [id, p, n, d, source] = cells;
    const where = `第${String(line)}行`;
    const itemId = Number(id);
    const pv = Number(p);
    const sampleSize = Number(n);
    if (!Number.isInteger(itemId) || itemId <= 0) throw new StatisticsFileError(`${where} 试题编号: 无法识别“${id ?? ''}”`);
    if (!Number.isFinite(pv) || pv < 0 || pv > 1) throw new StatisticsFileError(`${where} 通过率: 应在 0 与 1 之间，收到“${p ?? ''}”`);
    if (!Number.isInteger(sampleSize) || sampleSize < 1) throw new StatisticsFileError(`${where} 样本量: 应为正整数，收到“${n ?? ''}”`);
    const dv = d === undefined || d === '' ? null : Number(d);
    if (dv !== null && (!Number.isFinite(dv) || dv < -1 || dv > 1)) throw new StatisticsFileError(`${where} 区分度: 应在 −1 与 1 之间，收到“${d ?? ''}”`);
    out.push({ itemId, p: pv, sampleSize, discrimination: dv, source: source ?? '' });
  });
  if (out.length === 0) throw new StatisticsFileError('统计文件中没有数据行');
  return out;
}
