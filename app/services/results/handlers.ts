/**
 * Exam results and item analysis (issue [L]): import a sitting's answer sheet for a stored paper
 * (题库管理员), list the sittings, show one with its item statistics (flagged items first, with
 * their stems and keys for the panel: 调阅), an item's history across sittings with its pooled p,
 * and send flagged items back to 待审 with the evidence — each item by a nested `items.transition`,
 * so every item has its own log row.
 */
import { z } from 'zod';
import type { ItemHistoryRow, SittingRecord } from '../../domain/analysis/records.js';
import type { SittingReport } from '../../domain/analysis/report.js';
import type { PooledP } from '../../domain/analysis/pooling.js';
import { getItemSummary, type ItemSummary } from '../../store/repositories/items.js';
import { getSitting, itemHistory, listSittings, sittingItemStats } from '../../store/repositories/results.js';
import { requireBank } from '../banks/context.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap, invoke } from '../handler.js';
import { requireItemInBank } from '../items/one.js';
import { transitionHandler, type TransitionRefusal } from '../items/workflow.js';
import { itemRefs } from '../refs.js';
import { flaggedForReview, importSitting, type ImportedSitting } from './import.js';
import { resultsMessages as m } from './messages.js';
import { assemblyDifficulty } from './pooled.js';
import { sittingReportData } from './report-data.js';
import { writeSittingReport, type SittingReportFiles } from './report.js';

const bankId = z.number().int().positive();
const sittingId = z.number().int().positive();

function requireSitting(ctx: ServiceContext, bank: number, id: number): SittingRecord {
  const s = getSitting(ctx.db, id);
  if (!s || s.bankId !== bank) throw new ServiceError(m.noSitting(id));
  return s;
}

export interface ReturnedItems {
  readonly returned: readonly ItemSummary[];
  readonly refused: readonly TransitionRefusal[];
}

/** Sends the sitting's items flagged for the panel (or the given ones among them) back to 待审. */
async function returnFlagged(ctx: ServiceContext, bank: number, sitting: SittingRecord, only?: readonly number[]): Promise<ReturnedItems> {
  const returned: ItemSummary[] = [];
  const refused: TransitionRefusal[] = [];
  for (const s of flaggedForReview(sittingItemStats(ctx.db, sitting.id))) {
    if (only && !only.includes(s.itemId)) continue;
    const current = getItemSummary(ctx.db, s.itemId);
    if (current.version !== s.version || current.state !== '入库') {
      refused.push({ itemId: s.itemId, reason: m.notReturnable(s.itemId, s.version, current.version, current.state) });
      continue;
    }
    const comment = m.returnComment(`${sitting.label}，第 ${s.position} 题`, s.flags.filter((f) => f.severity === 'review').map((f) => f.message).join('；'));
    try {
      returned.push(await invoke(ctx, transitionHandler, { bankId: bank, itemId: s.itemId, to: '待审', comment, from: ['入库'] }));
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      refused.push({ itemId: s.itemId, reason: e.message });
    }
  }
  return { returned, refused };
}

export type ImportedResults = ImportedSitting & ReturnedItems;

export const resultsHandlers = handlerMap(
  defineHandler({
    name: 'results.import',
    summary: '导入考试结果',
    input: z
      .object({
        bankId,
        paperId: z.number().int().positive(),
        label: z.string().trim().min(1).max(200),
        heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: m.badDateFormat }),
        bytes: z.instanceof(Uint8Array),
        returnFlagged: z.boolean().default(false),
      })
      .strict(),
    roles: ['manager'],
    register: '',
    bank: bankOf('manager'),
    objects: (i, out: ImportedResults) => [`bank:${i.bankId}`, `paper:${i.paperId}`, `sitting:${out.sitting.id}`, ...itemRefs(out.returned.map((r) => r.id))],
    detail: (_i, out: ImportedResults) => m.importedDetail(out.sitting.label, out.sitting.candidates, flaggedForReview(out.items).length),
    run: async (ctx, input): Promise<ImportedResults> => {
      requireBank(ctx, input.bankId);
      const imported = await importSitting(ctx, input);
      const back = input.returnFlagged ? await returnFlagged(ctx, input.bankId, imported.sitting) : { returned: [], refused: [] };
      return { ...imported, ...back };
    },
  }),
  defineHandler({
    name: 'results.list',
    summary: '列出考试结果',
    input: z.object({ bankId }).strict(),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    run: (ctx, input): SittingRecord[] => listSittings(ctx.db, requireBank(ctx, input.bankId).id),
  }),
  defineHandler({
    name: 'results.show',
    summary: '查看试题分析',
    input: z.object({ bankId, sittingId }).strict(),
    roles: ['manager', 'author', 'reviewer'],
    register: '调阅',
    secret: true,
    bank: bankOf('manager', 'author', 'reviewer'),
    objects: (i) => [`bank:${i.bankId}`, `sitting:${i.sittingId}`],
    run: (ctx, input): SittingReport => sittingReportData(ctx.db, requireBank(ctx, input.bankId), requireSitting(ctx, input.bankId, input.sittingId), ctx.now()),
  }),
  defineHandler({
    name: 'results.report',
    summary: '导出试题分析报告',
    input: z.object({ bankId, sittingId, outDir: z.string().min(1) }).strict(),
    roles: ['manager', 'reviewer'],
    register: '调阅',
    secret: true,
    bank: bankOf('manager', 'reviewer'),
    objects: (i, out: SittingReportFiles) => [`bank:${i.bankId}`, `sitting:${i.sittingId}`, `file:${out.docx.path}`, `file:${out.xlsx.path}`],
    run: (ctx, input): Promise<SittingReportFiles> => writeSittingReport(ctx, requireBank(ctx, input.bankId), requireSitting(ctx, input.bankId, input.sittingId), input.outDir),
  }),
  defineHandler({
    name: 'results.history',
    summary: '查看试题的考试统计',
    input: z.object({ bankId, itemId: z.number().int().positive() }).strict(),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    objects: (i) => [`bank:${i.bankId}`, `item:${i.itemId}`],
    run: (ctx, input): { history: ItemHistoryRow[]; version: number; pooled: PooledP | null; p: number | null } => {
      const item = requireItemInBank(ctx, input.bankId, input.itemId);
      const d = assemblyDifficulty(ctx.db, input.bankId, [{ id: item.id, version: item.version, difficulty: item.difficulty }]);
      return { history: itemHistory(ctx.db, item.id), version: item.version, pooled: d.pooled.get(item.id) ?? null, p: d.p.get(item.id) ?? null };
    },
  }),
  defineHandler({
    name: 'results.return',
    summary: '据考试统计退回复审',
    input: z.object({ bankId, sittingId, itemIds: z.array(z.number().int().positive()).max(5000).optional() }).strict(),
    roles: ['manager'],
    register: '',
    bank: bankOf('manager'),
    objects: (i, out: ReturnedItems) => [`bank:${i.bankId}`, `sitting:${i.sittingId}`, ...itemRefs(out.returned.map((r) => r.id))],
    run: (ctx, input): Promise<ReturnedItems> => returnFlagged(ctx, input.bankId, requireSitting(ctx, input.bankId, input.sittingId), input.itemIds),
  }),
);
