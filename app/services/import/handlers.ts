/**
 * Importing items from the writers' Excel template or Word documents: parse (app/readers),
 * validate every row with the domain rules of this bank, look for duplicates against the bank and
 * within the file, then save all-or-nothing (or the valid rows only, when asked). A dry run returns
 * the same report without saving. Every import is audited; the saved items are drafts (a sample bank
 * may load them as 入库).
 */
import { z } from 'zod';
import { listElements } from '../../domain/element-table.js';
import { roundTo } from '../../domain/format.js';
import { lintTheoryItem } from '../../domain/lint/item-lint.js';
import { exactKey, itemComparisonText } from '../../domain/similarity/fingerprint.js';
import { DEFAULT_SIMILARITY_OPTIONS, findDuplicatesAgainst } from '../../domain/similarity/near-duplicates.js';
import type { Item } from '../../domain/item.js';
import type { TheoryItem } from '../../domain/theory-item.js';
import { formatProblem, problem, type Problem } from '../../domain/validation.js';
import { inTransaction } from '../../store/database.js';
import { putImage } from '../../store/repositories/images.js';
import { listItems } from '../../store/repositories/items.js';
import { currentTheoryTable, requireBank } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { sha256Hex } from '../../../crypto/digest.js';
import { parseItemDocx } from '../../readers/docx/items.js';
import { parseItemWorkbook } from '../../readers/xlsx/items.js';
import { saveItems } from '../items/save.js';
import { practicalValidator, theoryValidator } from '../items/rules.js';
import { itemsMessages } from '../items/messages.js';
import { importMessages } from './messages.js';

export interface DuplicateFlag {
  /** Where the incoming item is: `第12行` / `第40段`. */
  readonly where: string;
  /** The bank item it resembles, or the earlier row of the same file. */
  readonly against: string;
  readonly score: number;
  readonly kind: 'exact' | 'near';
  readonly decision: 'rejected' | 'skipped' | 'kept' | 'pending';
}

export interface ImportReport {
  readonly file: string;
  readonly format: 'xlsx' | 'docx';
  readonly dryRun: boolean;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly skipped: number;
  readonly duplicates: readonly DuplicateFlag[];
  /** Every problem, one line each: `第12行 选项C: 不能为空`. */
  readonly problems: readonly string[];
  /** Notes that do not block the import (e.g. an optional sheet missing). */
  readonly warnings: readonly string[];
  readonly lintFindings: number;
  readonly saved: boolean;
  readonly ids: readonly number[];
}

/** Thrown when a real (not dry) run saves nothing; carries the report for the shells to print. */
export class ImportRejectedError extends ServiceError {
  override name = 'ImportRejectedError';
  constructor(readonly report: ImportReport) {
    const pending = report.duplicates.some((d) => d.decision === 'pending');
    super(importMessages.rejected(report.rows === 0 && report.problems.length > 0, report.rejected, pending, report.problems));
  }
}

const importInput = z.object({
  bankId: z.number().int().positive(),
  fileName: z.string().min(1),
  bytes: z.instanceof(Uint8Array),
  dryRun: z.boolean().default(false),
  /** Save the valid rows even when others are wrong (default: all or nothing). */
  validOnly: z.boolean().default(false),
  /** What to do with near-duplicates of existing items: ask (block until decided), skip or keep. */
  nearDuplicates: z.enum(['ask', 'skip', 'keep']).default('ask'),
  /** Similarity from which an item counts as a near-duplicate (Jaccard of character bigrams). */
  threshold: z.number().min(0.3).max(1).default(DEFAULT_SIMILARITY_OPTIONS.threshold),
  state: z.enum(['草稿', '入库']).default('草稿'),
});
type ImportInput = z.output<typeof importInput>;

interface Candidate {
  readonly where: string;
  /** Absent when the row has problems. */
  readonly item?: Item;
  readonly theory?: TheoryItem;
  problems: Problem[];
  skipped: boolean;
}

async function runImport(ctx: ServiceContext, input: ImportInput): Promise<ImportReport> {
  const bank = requireBank(ctx, input.bankId);
  if (input.state === '入库' && !bank.isSample) throw new ServiceError(importMessages.draftOnly);
  const format = input.fileName.toLowerCase().endsWith('.docx') ? 'docx' : input.fileName.toLowerCase().endsWith('.xlsx') ? 'xlsx' : undefined;
  if (!format) throw new ServiceError(importMessages.wrongFormat(input.fileName));

  const parsed = format === 'xlsx' ? await parseItemWorkbook(input.bytes, { contentHash: sha256Hex }) : await parseItemDocx(input.bytes, { contentHash: sha256Hex });
  const rows = format === 'xlsx'
    ? (parsed as Awaited<ReturnType<typeof parseItemWorkbook>>).rows.map((r) => ({ where: importMessages.sheetRow(r.sheet, r.row), kind: r.kind, raw: r.raw, problems: r.problems }))
    : (parsed as Awaited<ReturnType<typeof parseItemDocx>>).rows.map((r) => ({ where: importMessages.paragraph(r.paragraph), kind: 'theory' as const, raw: r.raw, problems: r.problems }));
  const images = parsed.images;
  const fileProblems = parsed.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p));
  const fileWarnings = parsed.problems.filter((p) => p.severity !== 'error').map((p) => formatProblem(p));

  const imagesPresent = new Set(images.map((i) => i.sha256));
  const checkTheory = theoryValidator(ctx, bank.id, imagesPresent);
  const checkPractical = practicalValidator(ctx, bank.id);
  const table = currentTheoryTable(ctx, bank.id);
  const codes = new Set<string>(table ? listElements(table).map((e) => e.fullCode) : []);

  const candidates: Candidate[] = rows.map((row): Candidate => {
    if (row.problems.length > 0) return { where: row.where, problems: [...row.problems], skipped: false };
    if (row.kind === 'theory') {
      const r = checkTheory(row.raw);
      if (!r.ok) return { where: row.where, problems: r.problems.filter((p) => p.severity === 'error'), skipped: false };
      const item = r.value;
      return {
        where: row.where,
        theory: item,
        item: { kind: 'theory', body: item },
        problems: [],
        skipped: false,
      };
    }
    const r = checkPractical(row.raw);
    if (!r.ok) return { where: row.where, problems: r.problems.filter((p) => p.severity === 'error'), skipped: false };
    return {
      where: row.where,
      item: { kind: 'practical', body: r.value },
      problems: [],
      skipped: false,
    };
  });

  // Duplicates: exact ones are refused; near ones wait for a decision unless skip/keep was given.
  const existingItems = listItems(ctx.db, bank.id, { kind: 'theory' });
  const existing = existingItems.map((i) => i.body);
  const existingIds = existingItems.map((i) => i.id);
  const byExact = new Map(existing.map((t, k) => [exactKey(t), existingIds[k] as number]));
  const seen = new Map<string, string>();
  const duplicates: DuplicateFlag[] = [];
  const theoryCands = candidates.filter((c) => c.theory);
  for (const c of theoryCands) {
    const key = exactKey(c.theory as TheoryItem);
    const inBank = byExact.get(key);
    const inFile = seen.get(key);
    if (inBank !== undefined || inFile !== undefined) {
      const against = inBank !== undefined ? itemsMessages.item(inBank) : inFile!;
      c.problems.push(problem([], importMessages.exactDuplicate(against)));
      duplicates.push({ where: c.where, against, score: 1, kind: 'exact', decision: 'rejected' });
    } else seen.set(key, c.where);
  }
  const incoming = theoryCands.map((c, k) => ({ id: k, text: itemComparisonText(c.theory as TheoryItem) }));
  const bankTexts = existing.map((t, k) => ({ id: k, text: itemComparisonText(t) }));
  for (const pair of findDuplicatesAgainst(incoming, bankTexts, { threshold: input.threshold })) {
    if (pair.kind === 'exact') continue; // refused above
    const c = theoryCands[pair.a];
    if (!c || c.problems.length > 0 || duplicates.some((d) => d.where === c.where)) continue;
    const against = pair.against === 'existing' ? itemsMessages.item(existingIds[pair.b] as number) : (theoryCands[pair.b]?.where ?? '');
    const decision = input.nearDuplicates === 'ask' ? 'pending' : input.nearDuplicates === 'skip' ? 'skipped' : 'kept';
    duplicates.push({ where: c.where, against, score: roundTo(pair.score, 2), kind: 'near', decision });
    if (decision === 'skipped') c.skipped = true;
  }

  const bad = candidates.filter((c) => c.problems.length > 0);
  const pending = duplicates.some((d) => d.decision === 'pending');
  const toSave = candidates.filter((c) => c.item !== undefined && c.problems.length === 0 && !c.skipped);
  const canSave = fileProblems.length === 0 && !pending && (bad.length === 0 || input.validOnly) && toSave.length > 0;
  const problems = [
    ...fileProblems,
    ...bad.flatMap((c) => c.problems.map((p) => formatProblem(p, c.where))),
    ...duplicates.filter((d) => d.decision === 'pending').map((d) => importMessages.nearDuplicate(d.where, d.against, d.score)),
  ];
  let ids: number[] = [];
  if (canSave && !input.dryRun) {
    const at = timestamp(ctx);
    // Images: exactly those the saved items refer to (the reader sniffed and bounded each, PNG/JPEG only);
    // an item referring to an image that is not stored is never saved.
    const referenced = new Set(toSave.flatMap((c) => (c.item !== undefined && 'images' in c.item.body ? c.item.body.images : [])));
    const stored = images.filter((img) => referenced.has(img.sha256));
    const missing = [...referenced].filter((h) => !stored.some((img) => img.sha256 === h));
    if (missing.length > 0) throw new ServiceError(importMessages.missingImages(missing.map((h) => h.slice(0, 12)).join('、')));
    ids = inTransaction(ctx.db, () => {
      for (const img of stored) putImage(ctx.db, { sha256: img.sha256, contentType: img.contentType, bytes: img.bytes }, ctx.actor.username, at);
      return saveItems(ctx, bank.id, toSave.flatMap((c) => (c.item ? [c.item] : [])), input.state, at);
    });
  }
  const lintFindings = toSave.reduce((n, c) => n + (c.theory ? lintTheoryItem(c.theory, { elementCodes: codes, imagesPresent }).length : 0), 0);
  const report: ImportReport = {
    file: input.fileName,
    format,
    dryRun: input.dryRun,
    rows: candidates.length,
    accepted: canSave ? toSave.length : 0,
    rejected: bad.length,
    skipped: candidates.filter((c) => c.skipped).length,
    duplicates,
    problems,
    warnings: fileWarnings,
    lintFindings,
    saved: ids.length > 0,
    ids,
  };
  if (!input.dryRun && !canSave) throw new ImportRejectedError(report);
  return report;
}

export const importHandlers = handlerMap(
  defineHandler({
    name: 'import.items',
    summary: '导入试题',
    input: importInput,
    roles: ['manager', 'author'],
    register: '',
    secret: true,
    bank: bankOf('manager', 'author'),
    objects: (i, out: ImportReport) => [`bank:${i.bankId}`, `file:${i.fileName}`, `rows:${out.rows}`, `saved:${out.ids.length}`],
    run: runImport,
  }),
);
