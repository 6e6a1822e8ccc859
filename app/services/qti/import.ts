/**
 * Importing a QTI 2.1 content package into a bank (ours or another system's: TAO, Surpass …). The
 * package is read as hostile input (app/readers/qti: bounded zip, no DTD or entity, nothing outside the
 * package); a refused package saves nothing. Each item resource is mapped by the domain
 * (app/domain/qti/map-item.ts) and then goes the way of every imported item (app/services/import): the
 * file's 鉴定点/难度 or 待归类, the bank's validation (theoryValidator with its 细目表 and the package's
 * images), exact duplicates refused and near ones decided (`ask` holds the import), and saveItems as
 * 草稿 with exactly the images the saved items refer to. Everything not mapped is in the report with its
 * file and a Chinese reason. `invoke` runs all of it in one transaction.
 */
import { mapQtiItem } from '../../domain/qti/map-item.js';
import type { TheoryItem } from '../../domain/theory-item.js';
import { formatProblem, type Problem } from '../../domain/validation.js';
import { ReaderError, refusalMessage } from '../../readers/errors.js';
import { imageLookup, readQtiPackage, type QtiPackage, type QtiPackageImage } from '../../readers/qti/package.js';
import { putImage } from '../../store/repositories/images.js';
import { listItems } from '../../store/repositories/items.js';
import { sha256Hex } from '../../../crypto/digest.js';
import { requireBank } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { classifyRaw } from '../import/classify.js';
import { decideDuplicates } from '../import/duplicates.js';
import type { DuplicateFlag } from '../import/report.js';
import { saveItems } from '../items/save.js';
import { theoryValidator } from '../items/rules.js';
import { qtiMessages as m } from './messages.js';

export interface QtiImportInput {
  readonly bankId: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly dryRun: boolean;
  readonly nearDuplicates: 'ask' | 'skip' | 'keep';
  readonly threshold: number;
}

/** One item of the package that was (or in a dry run would be) saved. */
export interface QtiImported {
  readonly file: string;
  readonly type: TheoryItem['type'];
  /** The new item's id; absent in a dry run. */
  readonly itemId?: number;
  /** Saved as 待归类 (no 鉴定点 or 难度 in the package). */
  readonly unbound: boolean;
}

export interface QtiImportReport {
  readonly file: string;
  readonly dryRun: boolean;
  /** Item resources in the package. */
  readonly items: number;
  readonly imported: readonly QtiImported[];
  /** Items not imported, each with its file and why (Chinese). */
  readonly unmapped: readonly { readonly file: string; readonly reason: string }[];
  /** Resources that are no items (tests …). */
  readonly ignored: readonly { readonly file: string; readonly reason: string }[];
  readonly duplicates: readonly DuplicateFlag[];
  readonly saved: boolean;
  readonly ids: readonly number[];
}

/** Thrown when near-duplicates wait for a decision: nothing saved; carries the report for the shells. */
export class QtiImportRejectedError extends ServiceError {
  override name = 'QtiImportRejectedError';
  constructor(readonly report: QtiImportReport) {
    const pending = report.duplicates.filter((d) => d.decision === 'pending');
    super(m.rejected(pending.length, pending.map((d) => m.nearDuplicate(d.where, d.against, d.score))));
  }
}

interface Candidate {
  readonly where: string;
  readonly file: string;
  readonly compared: TheoryItem;
  problems: Problem[];
  skipped: boolean;
}

function openPackage(bytes: Uint8Array): QtiPackage {
  try {
    return readQtiPackage(bytes, sha256Hex);
  } catch (e) {
    if (e instanceof ReaderError) throw new ServiceError(m.refused(refusalMessage(e, m.notPackage)));
    throw e;
  }
}

const unbound = (item: TheoryItem) => item.element === '' || item.difficulty === 0;

export async function runQtiImport(ctx: ServiceContext, input: QtiImportInput): Promise<QtiImportReport> {
  const bank = requireBank(ctx, input.bankId);
  const pkg = openPackage(input.bytes);
  const lookup = imageLookup(pkg);
  const accepted = [...pkg.images.values()].filter((i): i is QtiPackageImage => !('problem' in i));
  const check = theoryValidator(ctx, bank.id, new Set(accepted.map((i) => i.sha256)), true);

  const unmapped: { file: string; reason: string }[] = [];
  const candidates: Candidate[] = [];
  for (const item of pkg.items) {
    if (item.content === undefined) {
      unmapped.push({ file: item.file, reason: item.problem ?? '' });
      continue;
    }
    const mapped = mapQtiItem(item.content, item.meta, lookup);
    if (!mapped.ok) {
      unmapped.push({ file: item.file, reason: mapped.reasons.join('；') });
      continue;
    }
    const checked = check(classifyRaw(mapped.raw, {}, true));
    if (!checked.ok) {
      unmapped.push({ file: item.file, reason: checked.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p)).join('；') });
      continue;
    }
    candidates.push({ where: m.itemIn(item.file), file: item.file, compared: checked.value, problems: [], skipped: false });
  }

  const existing = listItems(ctx.db, bank.id, { kind: 'theory' }).map((e) => ({ id: e.id, compared: e.body }));
  const duplicates = decideDuplicates(candidates, existing, input);
  for (const c of candidates) if (c.problems.length > 0) unmapped.push({ file: c.file, reason: c.problems.map((p) => formatProblem(p)).join('；') });
  const toSave = candidates.filter((c) => c.problems.length === 0 && !c.skipped);
  const pending = duplicates.some((d) => d.decision === 'pending');

  let ids: number[] = [];
  if (!input.dryRun && !pending && toSave.length > 0) {
    const at = timestamp(ctx);
    const referenced = new Set(toSave.flatMap((c) => c.compared.images));
    for (const img of accepted) {
      if (referenced.delete(img.sha256)) putImage(ctx.db, { sha256: img.sha256, contentType: img.contentType, bytes: img.bytes }, ctx.actor.username, at);
    }
    ids = saveItems(ctx, bank.id, toSave.map((c) => ({ kind: 'theory', body: c.compared })), '草稿', at);
  }
  const report: QtiImportReport = {
    file: input.fileName,
    dryRun: input.dryRun,
    items: pkg.items.length,
    imported: pending ? [] : toSave.map((c, k) => ({ file: c.file, type: c.compared.type, ...(ids[k] === undefined ? {} : { itemId: ids[k] }), unbound: unbound(c.compared) })),
    unmapped,
    ignored: pkg.ignored,
    duplicates,
    saved: ids.length > 0,
    ids,
  };
  if (pending && !input.dryRun) throw new QtiImportRejectedError(report);
  return report;
}
