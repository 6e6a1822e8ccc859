/**
 * Fuzz targets of the exchange readers (issue [L]): an exam sitting's answer sheet (CSV/TSV or xlsx)
 * read, its columns matched to a fixed paper and every cell normalised, as results.import does; and a
 * QTI 2.1 content package read and every item mapped to a theory item, as qti.import does.
 */
import { accepted, judgeThrown, rejected, type FuzzInput, type Verdict } from './verdict.js';
import type { Judge } from './targets.js';
import { EXCHANGE_PAPER } from './exchange-seeds.js';

const only = (input: FuzzInput): Uint8Array => input.files[0]?.[1] ?? new Uint8Array();

export async function resultSheet(): Promise<Judge> {
  const { readResultSheet, ResultSheetError } = await import('../../../app/readers/results/sheet.js');
  const { mapColumns } = await import('../../../app/domain/analysis/columns.js');
  const { normaliseResponse } = await import('../../../app/domain/analysis/scoring.js');
  return async (input): Promise<Verdict> => {
    try {
      const sheet = await readResultSheet(only(input));
      const columns = mapColumns(sheet.header, EXCHANGE_PAPER.map((k) => k.position));
      if (columns.problems.length > 0) return rejected(columns.problems[0] ?? '');
      for (const row of sheet.rows) {
        for (const item of EXCHANGE_PAPER) {
          const n = normaliseResponse(item, row.cells[columns.items.get(item.position) as number]);
          if (!n.ok) return rejected(n.reason);
        }
      }
      return accepted(`${sheet.rows.length} candidates`);
    } catch (e) {
      return judgeThrown(e, [ResultSheetError]);
    }
  };
}

export async function qtiPackage(): Promise<Judge> {
  const { readQtiPackage, imageLookup } = await import('../../../app/readers/qti/package.js');
  const { mapQtiItem } = await import('../../../app/domain/qti/map-item.js');
  const { ReaderError } = await import('../../../app/readers/errors.js');
  const { sha256Hex } = await import('../../../crypto/digest.js');
  return async (input): Promise<Verdict> => {
    try {
      const pkg = readQtiPackage(only(input), sha256Hex);
      const lookup = imageLookup(pkg);
      let mapped = 0;
      for (const item of pkg.items) {
        if (item.content === undefined) continue;
        if (mapQtiItem(item.content, item.meta, lookup).ok) mapped++;
      }
      return accepted(`${mapped} of ${pkg.items.length} items`);
    } catch (e) {
      return judgeThrown(e, [ReaderError]);
    }
  };
}
