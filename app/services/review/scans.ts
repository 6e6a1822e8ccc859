/**
 * The ink-signed 题库内部审核意见: after the panel signs the printed form, its scan (PDF, JPEG or PNG, known by
 * its bytes and bounded like every input: app/readers/scan.ts) is attached to the round, kept as delivered
 * with its SHA-256, and turned into the PDF the submission carries as
 * `05_题库内部审核意见（专家签名扫描件）.pdf` (an image becomes a one-page A4 PDF; a PDF is kept byte for byte).
 * A new upload replaces the old one for the submission; the earlier ones stay on record.
 */
import { z } from 'zod';
import { ReaderError } from '../../readers/errors.js';
import { readScan } from '../../readers/scan.js';
import { sha256Hex } from '../../../crypto/digest.js';
import { scanToPdf } from '../../../templates/pdf/scan-pdf.js';
import { bankTitle } from '../../domain/bank.js';
import { insertScan, listScans, scanPdf, type ScanRecord } from '../../store/repositories/review-records.js';
import { requireBank } from '../banks/context.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { openRoundOfBank, roundOfBank } from './rounds.js';

export const SCAN_FILE = '05_题库内部审核意见（专家签名扫描件）.pdf';

/** The scan that counts for the round (the newest), with its PDF bytes; undefined when none. */
export function currentScan(ctx: ServiceContext, roundId: number): { record: ScanRecord; pdf: Buffer } | undefined {
  const record = listScans(ctx.db, roundId).at(-1);
  const pdf = record ? scanPdf(ctx.db, record.id) : undefined;
  return record && pdf ? { record, pdf } : undefined;
}

const bankId = z.number().int().positive();

export const scanHandlers = handlerMap(
  defineHandler({
    name: 'review.scan.attach',
    summary: '上传专家签名的审核意见扫描件',
    input: z.object({ bankId, roundId: z.number().int().positive(), fileName: z.string().trim().min(1).max(255), bytes: z.instanceof(Uint8Array) }),
    roles: ['manager'],
    register: '存档',
    bank: bankOf('manager'),
    objects: (i, out: ScanRecord) => [`reviewRound:${i.roundId}`, `reviewScan:${out.id}`, `sha256:${out.sha256}`],
    run: async (ctx, input): Promise<ScanRecord> => {
      const bank = requireBank(ctx, input.bankId);
      const round = openRoundOfBank(ctx, input.bankId, input.roundId);
      let scan;
      try {
        scan = await readScan(input.bytes, input.fileName);
      } catch (e) {
        if (e instanceof ReaderError) throw new ServiceError(e.message);
        throw e;
      }
      const pdf = await scanToPdf(scan, { title: `${bankTitle(bank)} 题库内部审核意见（专家签名扫描件）`, subject: `第 ${String(round.round)} 次审核`, date: ctx.now() });
      return insertScan(
        ctx.db,
        { roundId: round.id, fileName: input.fileName, format: scan.format, pages: scan.pages, original: scan.bytes, originalSha256: sha256Hex(scan.bytes), pdf, sha256: sha256Hex(pdf) },
        ctx.actor.username,
        timestamp(ctx),
      );
    },
  }),
  defineHandler({
    name: 'review.scan.list',
    summary: '查看审核意见扫描件',
    input: z.object({ bankId, roundId: z.number().int().positive().optional() }),
    roles: ['manager', 'author', 'reviewer'],
    register: '',
    bank: bankOf('manager', 'author', 'reviewer'),
    run: (ctx, input): ScanRecord[] => {
      requireBank(ctx, input.bankId);
      return listScans(ctx.db, roundOfBank(ctx, input.bankId, input.roundId).id);
    },
  }),
);
