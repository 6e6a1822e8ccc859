/**
 * The pre-scan of an Excel workbook (ECMA-376 Part 1 §18, SpreadsheetML) before exceljs sees it: the
 * package is opened with the bounded ZIP reader and every part inflated once (sizes and CRC-32 checked),
 * every XML part scanned (depth, elements, text per cell and shared string, no DTD), and the worksheets
 * held to the row, cell and merged-range bounds. exceljs expands what the sheet only names — the cells
 * of every merged range and data validation, and one column object per `<col>` from min to max — so those
 * areas are bounded here too. Only a package that passes is handed on, as the same bytes.
 */
import { bound, ReaderError, type Budget } from '../errors.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../limits.js';
import { readerMessages as m } from '../messages.js';
import { scanXml } from '../xml-guard.js';
import { openZip } from '../zip.js';

const MAX_COLUMN = 16384;
const MAX_ROW = 1048576;
const XML_PART = /\.(xml|rels|vml)$/i;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Cells of an A1 reference (`A1`, `A1:C3`, `A:A`, `1:3`); a reference that cannot be read counts as a whole sheet. */
export function referenceArea(ref: string): number {
  const parts = ref.replace(/\$/g, '').toUpperCase().split(':');
  const ends = parts.map((p) => /^([A-Z]{0,3})(\d{0,7})$/.exec(p));
  if (ends.length < 1 || ends.length > 2 || ends.some((e) => e === null)) return MAX_COLUMN * MAX_ROW;
  const [a, b] = [ends[0] as RegExpExecArray, (ends[1] ?? ends[0]) as RegExpExecArray];
  const col = (e: RegExpExecArray, fallback: number) => (e[1] === '' ? fallback : columnNumber(e[1] as string));
  const row = (e: RegExpExecArray, fallback: number) => (e[2] === '' ? fallback : Number(e[2]));
  const width = Math.abs(col(b, MAX_COLUMN) - col(a, 1)) + 1;
  const height = Math.abs(row(b, MAX_ROW) - row(a, 1)) + 1;
  return width * height;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)?.slice(1).find((v) => v !== undefined);
}

/** Throws ReaderError / ReaderLimitError when the workbook is damaged or passes a bound. */
export function checkXlsxPackage(bytes: Uint8Array, limits: ReaderLimits = DEFAULT_LIMITS, budget?: Budget): void {
  const zip = openZip(bytes, limits);
  const decoder = new TextDecoder('utf-8');
  let cells = 0;
  zip.verifyAll(budget, (entry, data) => {
    if (!XML_PART.test(entry.name)) return;
    const xml = decoder.decode(data);
    if (!WORKSHEET.test(entry.name)) {
      scanXml(xml, limits, { part: entry.name, textContainers: new Set(['si', 'c', 't']) }, budget);
      return;
    }
    const sheet = m.sheetPart(entry.name.slice(entry.name.lastIndexOf('/') + 1));
    let merged = 0;
    let validated = 0;
    const scan = scanXml(
      xml,
      limits,
      {
        part: entry.name,
        textContainers: new Set(['c', 'f']),
        count: new Set(['row', 'c', 'mergeCell', 'col', 'dataValidation']),
        onTag: (local, tag) => {
          if (local === 'mergeCell') {
            merged += referenceArea(attribute(tag, 'ref') ?? '');
            bound('mergedCells', limits, merged, sheet);
          } else if (local === 'col') {
            const max = Number(attribute(tag, 'max') ?? '0');
            const min = Number(attribute(tag, 'min') ?? '0');
            if (!(min >= 1 && max >= min && max <= MAX_COLUMN)) throw new ReaderError(m.columns(entry.name));
          } else if (local === 'dataValidation') {
            for (const ref of (attribute(tag, 'sqref') ?? '').split(/\s+/).filter((s) => s !== '')) validated += referenceArea(ref);
            bound('sheetCells', limits, cells + validated, m.validationArea(sheet));
          }
        },
      },
      budget,
    );
    bound('sheetRows', limits, scan.counts.get('row') ?? 0, sheet);
    bound('mergedRanges', limits, scan.counts.get('mergeCell') ?? 0, sheet);
    cells += scan.counts.get('c') ?? 0;
    bound('sheetCells', limits, cells);
  });
}
