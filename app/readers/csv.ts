/**
 * A bounded reader of CSV/TSV text (the item statistics of `qbank papers stats-import`): size, line length
 * and line count bounded, UTF-8 only (a BOM is dropped), and no control characters but tab — a binary file
 * renamed to .csv is refused before any field is split. Returns the non-blank lines with their 1-based
 * numbers; splitting into fields is the caller's (the statistics file separates by comma, tab or `，`).
 */
import { bound, ReaderError } from './errors.js';
import { DEFAULT_LIMITS, type ReaderLimits } from './limits.js';
import { readerMessages as m } from './messages.js';

export interface CsvLine {
  readonly line: number;
  readonly text: string;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function readCsvLines(bytes: Uint8Array, limits: ReaderLimits = DEFAULT_LIMITS): CsvLine[] {
  bound('csvBytes', limits, bytes.byteLength);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReaderError(m.csvNotUtf8);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const out: CsvLine[] = [];
  lines.forEach((raw, k) => {
    bound('csvLineChars', limits, raw.length, m.csvLine(k + 1));
    if (CONTROL.test(raw)) throw new ReaderError(m.csvBinary(k + 1));
    const t = raw.trim();
    if (t === '') return;
    out.push({ line: k + 1, text: t });
    bound('csvRows', limits, out.length);
  });
  return out;
}
