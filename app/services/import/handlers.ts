/**
 * Importing items from the writers' Excel template or Word documents: parse (app/readers), fill what
 * a row lacks from the file's defaults, validate every row with the domain rules of this bank (综合评审
 * items only at levels 1–2), decide duplicates of theory and 综合评审 items against the bank and within
 * the file (duplicates.ts), then save all-or-nothing (or the
 * valid rows only, when asked). A dry run returns the same report without saving. Every import is
 * audited; the saved items are drafts (a sample bank may load them as 入库). Items without 鉴定点 (or
 * 难度) are saved as 待归类 drafts, each with a suggested 鉴定点 in the report (classify.ts,
 * items/suggest.ts); the report previews what was read per row (report.ts).
 *
 * Run as a job (the GUI), it reports its phases — 读取文件, 检查第 n 行, 查重, 保存 n/N — and may be
 * cancelled between them and between batches of ROW_BATCH rows: everything saved so far is rolled back
 * with the call's transaction (`invoke`), so a cancelled import saves nothing.
 */
import { z } from 'zod';
import { listElements } from '../../domain/element-table.js';
import { levelName, needsComprehensiveReview } from '../../domain/level.js';
import { DEFAULT_SIMILARITY_OPTIONS } from '../../domain/similarity/near-duplicates.js';
import type { Item } from '../../domain/item.js';
import { isUnbound, type TheoryItem } from '../../domain/theory-item.js';
import type { ComparableItem } from '../../domain/similarity/fingerprint.js';
import { formatProblem, problem, type Problem } from '../../domain/validation.js';
import { putImage } from '../../store/repositories/images.js';
import { listItems } from '../../store/repositories/items.js';
import { currentTheoryTable, requireBank } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { checkpoint, reportProgress } from '../jobs/progress.js';
import { sha256Hex } from '../../../crypto/digest.js';
import { parseItemDocx } from '../../readers/docx/items.js';
import { parseItemWorkbook } from '../../readers/xlsx/items.js';
import { saveItems } from '../items/save.js';
import { itemsMessages } from '../items/messages.js';
import { comprehensiveValidator, practicalValidator, theoryValidator } from '../items/rules.js';
import { bankSuggester, type Suggestion } from '../items/suggest.js';
import { checkDefaults, classifyRaw, importDefaults } from './classify.js';
import { comparableOf, decideDuplicates } from './duplicates.js';
import { importMessages } from './messages.js';
import { lintFindingsOf, PREVIEW_LIMIT, previewOf, type ImportPreview, type ImportReport, type ImportSuggestion, type PreviewStatus } from './report.js';

export type { DuplicateFlag, ImportPreview, ImportReport, ImportSuggestion, PreviewStatus } from './report.js';

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
  /** What to do with near-duplicates of existing items or of earlier items of the file: ask (block until decided), skip or keep. */
  nearDuplicates: z.enum(['ask', 'skip', 'keep']).default('ask'),
  /** Similarity from which an item counts as a near-duplicate (Jaccard of character bigrams). */
  threshold: z.number().min(0.3).max(1).default(DEFAULT_SIMILARITY_OPTIONS.threshold),
  state: z.enum(['草稿', '入库']).default('草稿'),
  /** 难度 (1–5) and 鉴定点 for the rows of the file that give none. */
  defaults: importDefaults,
});
type ImportInput = z.output<typeof importInput>;

/** Rows checked, and items saved, between two checkpoints of a job (a checkpoint costs a turn of the event loop). */
const ROW_BATCH = 200;

/**
 * The import's progress: 1 step to read the file, then one per row checked, 1 for the duplicates and
 * one per row saved (rows that are not saved count as done when saving starts). Each step reported is
 * a checkpoint: a cancelled job stops there.
 */
class ImportProgress {
  total = 1;
  constructor(private readonly ctx: ServiceContext) {}

  /** Once the rows are known: 读取文件, every row checked, 查重, every row saved. */
  setRows(rows: number): void {
    this.total = 2 * rows + 2;
  }

  async step(done: number, label: string): Promise<void> {
    reportProgress(this.ctx, done, this.total, label);
    await checkpoint(this.ctx, importHandlers['import.items'].summary);
  }
}

interface Candidate {
  readonly where: string;
  readonly kind: Item['kind'];
  /** The row as read, after the file's defaults (for the preview). */
  readonly raw: unknown;
  /** Absent when the row has problems. */
  readonly item?: Item;
  readonly theory?: TheoryItem;
  /** What duplicate detection compares, for theory and 综合评审 items that passed validation. */
  readonly compared?: ComparableItem;
  problems: Problem[];
  skipped: boolean;
}

async function readRows(input: ImportInput, format: 'xlsx' | 'docx') {
  if (format === 'xlsx') {
    // Pictures pasted over a row (a task's 附图) are that item's images, named by their content hash.
    const parsed = await parseItemWorkbook(input.bytes, { contentHash: sha256Hex });
    const rows = parsed.rows.map((r) => ({ where: importMessages.sheetRow(r.sheet, r.row), kind: r.kind, raw: r.raw, problems: r.problems }));
    return { rows, images: parsed.images, problems: parsed.problems };
  }
  const parsed = await parseItemDocx(input.bytes, { contentHash: sha256Hex });
  const rows = parsed.rows.map((r) => ({ where: importMessages.paragraph(r.paragraph), kind: 'theory' as const, raw: r.raw, problems: r.problems }));
  return { rows, images: parsed.images, problems: parsed.problems };
}

type ReadRow = Awaited<ReturnType<typeof readRows>>['rows'][number];
type ReadImage = Awaited<ReturnType<typeof readRows>>['images'][number];

/**
 * Saves the accepted items with exactly the images they refer to (the reader sniffed and bounded each,
 * PNG/JPEG only; an item referring to an image that is not stored is never saved), ROW_BATCH items at a
 * time with a checkpoint between batches. All or nothing: `invoke` runs the whole import in one
 * transaction, which a cancel or a failure rolls back. Returns the new ids in the order of `toSave`.
 */
async function saveAccepted(
  ctx: ServiceContext,
  bankId: number,
  toSave: readonly Candidate[],
  images: readonly ReadImage[],
  state: ImportInput['state'],
  progress: ImportProgress,
  firstStep: number,
): Promise<number[]> {
  const at = timestamp(ctx);
  const items = toSave.flatMap((c) => (c.item ? [c.item] : []));
  const referenced = new Set(items.flatMap((item) => ('images' in item.body ? item.body.images : [])));
  const stored = images.filter((img) => referenced.has(img.sha256));
  const missing = [...referenced].filter((h) => !stored.some((img) => img.sha256 === h));
  if (missing.length > 0) throw new ServiceError(importMessages.missingImages(missing.map((h) => h.slice(0, 12)).join('、')));
  for (const img of stored) putImage(ctx.db, { sha256: img.sha256, contentType: img.contentType, bytes: img.bytes }, ctx.actor.username, at);
  const ids: number[] = [];
  for (let i = 0; i < items.length; i += ROW_BATCH) {
    await progress.step(firstStep + i, importMessages.progress.saving(i, items.length));
    ids.push(...saveItems(ctx, bankId, items.slice(i, i + ROW_BATCH), state, at));
  }
  await progress.step(firstStep + items.length, importMessages.progress.saving(items.length, items.length));
  return ids;
}

/** The preview of a row; a 综合评审 row reads like a practical task (its title, no key), under its own 题型. */
function previewRow(c: Candidate, status: PreviewStatus, suggestion: Suggestion | undefined, itemId: number | undefined): ImportPreview {
  return previewOf(c.where, c.kind, c.raw, status, c.kind === 'comprehensive' ? undefined : suggestion, itemId);
}

async function runImport(ctx: ServiceContext, input: ImportInput): Promise<ImportReport> {
  const bank = requireBank(ctx, input.bankId);
  if (input.state === '入库' && !bank.isSample) throw new ServiceError(importMessages.draftOnly);
  const format = input.fileName.toLowerCase().endsWith('.docx') ? 'docx' : input.fileName.toLowerCase().endsWith('.xlsx') ? 'xlsx' : undefined;
  if (!format) throw new ServiceError(importMessages.wrongFormat(input.fileName));
  const table = currentTheoryTable(ctx, bank.id);
  const codes = new Set<string>(table ? listElements(table).map((e) => e.fullCode) : []);
  checkDefaults(input.defaults, codes);

  const progress = new ImportProgress(ctx);
  await progress.step(0, importMessages.progress.reading);
  const parsed = await readRows(input, format);
  const rows = parsed.rows.length;
  progress.setRows(rows);
  const images = parsed.images;
  const fileProblems = parsed.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p));
  const fileWarnings = parsed.problems.filter((p) => p.severity !== 'error').map((p) => formatProblem(p));

  // 待归类 items only as drafts: a sample bank loading 入库 items needs every 鉴定点 and 难度.
  const allowUnbound = input.state === '草稿';
  const imagesPresent = new Set(images.map((i) => i.sha256));
  const checkTheory = theoryValidator(ctx, bank.id, imagesPresent, allowUnbound);
  const checkPractical = practicalValidator(ctx, bank.id);
  const checkComprehensive = comprehensiveValidator();
  const noComprehensive = needsComprehensiveReview(bank.level) ? undefined : problem([], itemsMessages.noComprehensive(levelName(bank.level)));

  const checkRow = (row: ReadRow): Candidate => {
    const raw = row.kind === 'theory' ? classifyRaw(row.raw, input.defaults, allowUnbound) : row.raw;
    const base = { where: row.where, kind: row.kind, raw, skipped: false };
    // A bank of levels 3–5 has no 综合评审: that is the one thing to say of such a row.
    if (row.kind === 'comprehensive' && noComprehensive !== undefined) return { ...base, problems: [noComprehensive] };
    if (row.problems.length > 0) return { ...base, problems: [...row.problems] };
    if (row.kind === 'theory') {
      const r = checkTheory(raw);
      if (!r.ok) return { ...base, problems: r.problems.filter((p) => p.severity === 'error') };
      return { ...base, theory: r.value, item: { kind: 'theory', body: r.value }, compared: r.value, problems: [] };
    }
    if (row.kind === 'comprehensive') {
      const r = checkComprehensive(raw);
      if (!r.ok) return { ...base, problems: r.problems.filter((p) => p.severity === 'error') };
      const item = { kind: 'comprehensive', body: r.value } as const;
      return { ...base, item, compared: comparableOf(item), problems: [] };
    }
    const r = checkPractical(raw);
    if (!r.ok) return { ...base, problems: r.problems.filter((p) => p.severity === 'error') };
    return { ...base, item: { kind: 'practical', body: r.value }, problems: [] };
  };
  const candidates: Candidate[] = [];
  for (let i = 0; i < parsed.rows.length; i += ROW_BATCH) {
    await progress.step(1 + i, importMessages.progress.checking(i + 1, parsed.rows.length));
    for (const row of parsed.rows.slice(i, i + ROW_BATCH)) candidates.push(checkRow(row));
  }

  await progress.step(1 + rows, importMessages.progress.duplicates);
  // Duplicates: exact ones are refused; near ones (against the bank or within the file) wait for a decision unless skip/keep was given.
  // Theory items are compared with theory items, 综合评审 items with 综合评审 items; practical tasks are not compared.
  const existing = listItems(ctx.db, bank.id, { kind: 'theory' });
  const theoryCands = candidates.filter((c): c is Candidate & { theory: TheoryItem } => c.theory !== undefined);
  const compared = (kind: Item['kind']) => candidates.filter((c): c is Candidate & { compared: ComparableItem } => c.kind === kind && c.compared !== undefined);
  const comprehensiveCands = compared('comprehensive');
  const existingComprehensive = comprehensiveCands.length === 0 ? [] : listItems(ctx.db, bank.id, { kind: 'comprehensive' });
  const duplicates = [
    ...decideDuplicates(compared('theory'), existing.map((e) => ({ id: e.id, compared: e.body })), input),
    ...decideDuplicates(comprehensiveCands, existingComprehensive.map((e) => ({ id: e.id, compared: comparableOf(e) })), input),
  ];

  const bad = candidates.filter((c) => c.problems.length > 0);
  const pending = new Set(duplicates.filter((d) => d.decision === 'pending').map((d) => d.where));
  const toSave = candidates.filter((c) => c.item !== undefined && c.problems.length === 0 && !c.skipped);
  const canSave = fileProblems.length === 0 && pending.size === 0 && (bad.length === 0 || input.validOnly) && toSave.length > 0;
  const problems = [
    ...fileProblems,
    ...bad.flatMap((c) => c.problems.map((p) => formatProblem(p, c.where))),
    ...duplicates.filter((d) => d.decision === 'pending').map((d) => importMessages.nearDuplicate(d.where, d.against, d.score)),
  ];

  // Suggested 鉴定点 of the 待归类 items: from the 细目表, the bank's bound items and the file's.
  const unbound = toSave.filter((c) => c.theory !== undefined && isUnbound(c.theory));
  const suggestions = new Map<Candidate, Suggestion | undefined>();
  const needed = candidates.filter((c) => c.theory !== undefined && isUnbound(c.theory) && c.problems.length === 0);
  if (needed.length > 0) {
    const suggest = bankSuggester(ctx, bank.id, [...existing.map((e) => e.body), ...theoryCands.filter((c) => c.problems.length === 0).map((c) => c.theory)]);
    for (const c of needed) suggestions.set(c, c.theory ? suggest?.(c.theory) : undefined);
  }

  const ids = canSave && !input.dryRun ? await saveAccepted(ctx, bank.id, toSave, images, input.state, progress, 2 + 2 * rows - toSave.length) : [];
  if (ids.length === 0) reportProgress(ctx, progress.total, progress.total, importMessages.progress.checked);
  const lint = lintFindingsOf(toSave, { elementCodes: codes, imagesPresent });
  const status = (c: Candidate): PreviewStatus =>
    c.problems.length > 0 ? 'rejected' : c.skipped ? 'skipped' : pending.has(c.where) ? 'pending' : c.theory !== undefined && isUnbound(c.theory) ? 'unbound' : 'ok';
  const idOf = new Map(ids.map((id, k) => [toSave[k], id]));
  const preview: ImportPreview[] = candidates.slice(0, PREVIEW_LIMIT).map((c) => previewRow(c, status(c), suggestions.get(c), idOf.get(c)));
  const suggested: ImportSuggestion[] = needed.flatMap((c) => {
    const suggestion = suggestions.get(c);
    const itemId = idOf.get(c);
    return suggestion === undefined || c.skipped ? [] : [{ where: c.where, ...(itemId !== undefined ? { itemId } : {}), ...suggestion }];
  });
  const report: ImportReport = {
    file: input.fileName,
    format,
    dryRun: input.dryRun,
    rows: candidates.length,
    accepted: canSave ? toSave.length : 0,
    rejected: bad.length,
    skipped: candidates.filter((c) => c.skipped).length,
    unbound: canSave ? unbound.length : 0,
    duplicates,
    problems,
    warnings: fileWarnings,
    lintFindings: lint.length,
    lint,
    saved: ids.length > 0,
    ids,
    preview,
    suggestions: suggested,
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
