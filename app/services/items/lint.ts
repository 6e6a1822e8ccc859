/**
 * The item lint of a bank's items in one pass (the same rules as `lint.item`: a theory item against the
 * bank's 细目表 and stored images, a practical task against its 内容结构表; 综合评审 items have none).
 * The batch workflow selects "lint-clean" items with it: no finding of severity error or warning.
 */
import { listElements } from '../../domain/element-table.js';
import { lintPracticalTask, lintTheoryItem, type LintFinding } from '../../domain/lint/item-lint.js';
import { existingImages } from '../../store/repositories/images.js';
import type { ItemRecord } from '../../store/repositories/items.js';
import { currentPracticalStructure, currentTheoryTable } from '../banks/context.js';
import type { ServiceContext } from '../context.js';

/** The lint findings of each record (by item id), with the bank's 细目表 and 内容结构表 read once. */
export function lintRecords(ctx: ServiceContext, bankId: number, records: readonly ItemRecord[]): Map<number, readonly LintFinding[]> {
  const table = currentTheoryTable(ctx, bankId);
  const elementCodes = new Set(table ? listElements(table).map((e) => e.fullCode) : []);
  const moduleCodes = new Set(currentPracticalStructure(ctx, bankId)?.modules.map((m) => m.code) ?? []);
  const images = existingImages(ctx.db, records.flatMap((r) => (r.kind === 'theory' ? r.body.images : [])));
  const out = new Map<number, readonly LintFinding[]>();
  for (const r of records) {
    if (r.kind === 'theory') out.set(r.id, lintTheoryItem(r.body, { elementCodes, imagesPresent: images }));
    else if (r.kind === 'practical') out.set(r.id, lintPracticalTask(r.body, { moduleCodes }));
    else out.set(r.id, []);
  }
  return out;
}

/** No finding that is an error or a warning (hints of severity info do not count). */
export function isLintClean(findings: readonly LintFinding[]): boolean {
  return !findings.some((f) => f.severity === 'error' || f.severity === 'warning');
}
