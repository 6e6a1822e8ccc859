/**
 * QTI 2.1 exchange of theory items (判断/单选/多选) with other assessment systems: `qti.export` writes the
 * bank's items as an IMS Content Package of QTI 2.1 assessmentItems (export.ts) through the output layer
 * (write-target check, 存档 register: items and keys leave the database, a 调阅 of the bank);
 * `qti.import` reads such a package into the bank as 草稿 (import.ts), reporting what it cannot map.
 */
import { z } from 'zod';
import { ITEM_STATES } from '../../domain/bank.js';
import { levelName } from '../../domain/level.js';
import { DEFAULT_SIMILARITY_OPTIONS } from '../../domain/similarity/near-duplicates.js';
import { requireBank } from '../banks/context.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { itemRefs } from '../refs.js';
import { writeOutputFile, type WrittenFile } from '../output/write.js';
import type { QtiItemStatistics } from '../../domain/qti/model.js';
import type { ItemState } from '../../domain/bank.js';
import { listItems } from '../../store/repositories/items.js';
import type { ServiceContext } from '../context.js';
import { assemblyDifficulty } from '../results/pooled.js';
import { buildQtiPackage } from './export.js';
import { runQtiImport, type QtiImportReport } from './import.js';
import { qtiMessages as m } from './messages.js';

export type { QtiImportReport, QtiImported } from './import.js';
export { QtiImportRejectedError } from './import.js';

export interface QtiExportResult {
  readonly file: WrittenFile;
  readonly items: number;
  readonly images: number;
}

const bankId = z.number().int().positive();

/** The pooled exam statistics of the items that have sittings (their current version), for the metadata. */
function examStatistics(ctx: ServiceContext, bank: number, state: ItemState): Map<number, QtiItemStatistics> {
  const d = assemblyDifficulty(ctx.db, bank, listItems(ctx.db, bank, { kind: 'theory', state }));
  return new Map([...d.pooled].map(([id, pooled]) => [id, { p: pooled.p, n: pooled.n, discrimination: d.latestR.get(id) ?? null }]));
}

export const qtiHandlers = handlerMap(
  defineHandler({
    name: 'qti.export',
    summary: '导出理论知识试题（QTI 2.1 试题包）',
    input: z.object({ bankId, outDir: z.string().min(1), state: z.enum(ITEM_STATES).default('入库'), fileName: z.string().min(1).optional() }),
    roles: ['manager'],
    register: '调阅',
    secret: true,
    bank: bankOf('manager'),
    objects: (i, out: QtiExportResult) => [`bank:${String(i.bankId)}`, `file:${out.file.path}`],
    detail: (i, out: QtiExportResult) => `state=${i.state} items=${String(out.items)} images=${String(out.images)}`,
    run: async (ctx, input): Promise<QtiExportResult> => {
      const bank = requireBank(ctx, input.bankId);
      const built = await buildQtiPackage(ctx, bank.id, input.state, examStatistics(ctx, bank.id, input.state));
      const name = input.fileName ?? m.exportFile(bank.occupationName, levelName(bank.level).replace('/', '_'));
      const file = writeOutputFile(ctx, input.outDir, name, built.bytes, { classified: true });
      return { file, items: built.items, images: built.images };
    },
  }),
  defineHandler({
    name: 'qti.import',
    summary: '导入理论知识试题（QTI 2.1 试题包）',
    input: z.object({
      bankId,
      fileName: z.string().min(1).default('qti.zip'),
      bytes: z.instanceof(Uint8Array),
      dryRun: z.boolean().default(false),
      /** Near-duplicates of existing items or of earlier items of the package: ask (hold the import), skip or keep. */
      nearDuplicates: z.enum(['ask', 'skip', 'keep']).default('ask'),
      threshold: z.number().min(0.3).max(1).default(DEFAULT_SIMILARITY_OPTIONS.threshold),
    }),
    roles: ['manager', 'author'],
    register: '',
    secret: true,
    bank: bankOf('manager', 'author'),
    objects: (i, out: QtiImportReport) => [`bank:${String(i.bankId)}`, `file:${i.fileName}`, `items:${String(out.items)}`, `saved:${String(out.ids.length)}`, ...itemRefs(out.ids)],
    run: runQtiImport,
  }),
);
