/**
 * Moving a bank between workstations (issue [G] 8; 规程第十三条: only by safe channels — a disc carried
 * by hand). The source exports the bank (every item with all its versions, its current 细目表 and
 * 内容结构表, its images; app/services/transfer/snapshot.ts) as a package encrypted for the receiving
 * workstation's certificate and signed by the exporting 题库管理员; the receiver opens it with the key
 * file the 安全保密管理员 keeps, and merges item versions (app/services/transfer/merge.ts): new items,
 * fast-forwards, and conflicts reported, never overwritten. Each side logs its half in its own chain.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { beijingMinute, DISC_MARK, PACKAGE_KIND_NAMES } from '../../domain/package/format.js';
import { requireAirGap } from '../airgap/handlers.js';
import { workstationId } from '../audit/keys.js';
import { requireBank } from '../banks/context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { reportProgress } from '../jobs/progress.js';
import { wipeFolder } from '../output/wipe.js';
import { guardOutput, makeFolder } from '../output/write.js';
import { applySnapshot, type TransferReport } from '../transfer/merge.js';
import { bankSnapshot } from '../transfer/snapshot.js';
import { exportAnchor } from './anchor.js';
import { fileInMemory, planPackage } from './build.js';
import { writeDisc, type DiscResult } from './disc.js';
import { discTargetSchema } from './export.js';
import { recipientKey, recipientKeySchema } from './handlers.js';
import { openPackage, type PackageReport } from './open.js';
import { recipientLabel, usableRecipients } from './recipients.js';
import { packageSigner } from './signer.js';

export const TRANSFER_FILE = 'bank.json';

const m = {
  what: '导出题库传递光盘',
  label: (bank: string, n: number) => `${PACKAGE_KIND_NAMES.transfer} ${bank}（${n} 道试题）`,
  imageName: (code: string, level: number, at: string) => `传递_${code}_${level}级_${beijingMinute(new Date(at)).replace(/[-:]/g, '').replace(' ', '_')}.iso`,
  notTransfer: (kind: string) => `这不是题库传递光盘（包类型：${kind}）`,
  invalid: (problems: readonly string[]) => `传递包校验未通过，未导入：\n${problems.map((p) => `- ${p}`).join('\n')}`,
  noFile: `传递包中没有 ${TRANSFER_FILE}`,
} as const;

export interface TransferExportResult extends DiscResult {
  readonly packageId: string;
  readonly items: number;
  readonly versions: number;
  readonly warnings: readonly string[];
}

export interface TransferImportResult {
  readonly package: Pick<PackageReport, 'packageId' | 'label' | 'workstationId' | 'exportedBy' | 'createdAt' | 'signature'>;
  readonly report: TransferReport;
}

export const transferHandlers = handlerMap(
  defineHandler({
    name: 'transfer.export',
    summary: '导出题库传递光盘（加密）',
    input: z.object({ bankId: z.number().int().positive(), recipientIds: z.array(z.number().int().positive()).min(1).max(10), target: discTargetSchema }),
    roles: ['manager'],
    register: '存档',
    bank: bankOf('manager'),
    objects: (i, out: TransferExportResult) => [`bank:${i.bankId}`, `package:${out.packageId}`, `disc:${out.exportId}`],
    run: async (ctx, input): Promise<TransferExportResult> => {
      const bank = requireBank(ctx, input.bankId);
      const warnings = requireAirGap(ctx, m.what);
      const recipients = usableRecipients(ctx, input.recipientIds);
      guardOutput(ctx, input.target.dir, [`bank:${bank.id}`]);
      makeFolder(input.target.dir);
      reportProgress(ctx, 0, 2, m.what);
      const snapshot = bankSnapshot(ctx, [bank.id]);
      const items = snapshot.banks.reduce((a, b) => a + b.items.length, 0);
      const versions = snapshot.banks.reduce((a, b) => a + b.items.reduce((x, i) => x + i.versions.length, 0), 0);
      const now = ctx.now();
      const plan = planPackage({
        kind: 'transfer',
        label: m.label(`${bank.occupationName}${bank.track ? `（${bank.track}）` : ''} ${bank.level}级`, items),
        secrecy: DISC_MARK,
        workstationId: workstationId(ctx.db),
        createdAt: now,
        files: [fileInMemory(TRANSFER_FILE, Buffer.from(JSON.stringify(snapshot), 'utf8'))],
        about: { occupationCode: bank.occupationCode, level: bank.level, items, versions },
        anchor: exportAnchor(ctx),
        certificates: recipients.map((r) => r.certificatePem),
        signer: packageSigner(ctx),
      });
      reportProgress(ctx, 1, 2, m.what);
      const disc = await writeDisc(ctx, plan, { target: input.target, imageName: m.imageName(bank.occupationCode, bank.level, plan.manifest.createdAt), bankId: bank.id, recipients: recipients.map(recipientLabel) });
      return { ...disc, packageId: plan.manifest.packageId, items, versions, warnings };
    },
  }),
  defineHandler({
    name: 'transfer.import',
    summary: '导入题库传递光盘（合并试题版本）',
    input: z.object({ source: z.string().min(1), key: recipientKeySchema, dryRun: z.boolean().default(false) }),
    roles: ['manager'],
    register: '调阅',
    objects: (_i, out: TransferImportResult) => [`package:${out.package.packageId}`, ...out.report.banks.map((b) => `bank:${b.bankId}`)],
    detail: (_i, out: TransferImportResult) => out.report.lines.slice(0, 6).join('；').slice(0, 400),
    run: async (ctx, input): Promise<TransferImportResult> => {
      // decrypted beside the database (the workstation's own protected folder), then wiped
      const staging = mkdtempSync(join(dirname(ctx.db.name), '.qbank-transfer-'));
      try {
        const opened = await openPackage(input.source, recipientKey(input.key), { outDir: join(staging, 'open'), now: ctx.now() });
        if (opened.kind !== null && opened.kind !== 'transfer') throw new ServiceError(m.notTransfer(opened.kindName));
        if (!opened.ok) throw new ServiceError(m.invalid(opened.problems.slice(0, 10)));
        let snapshot: unknown;
        try {
          snapshot = JSON.parse(readFileSync(join(staging, 'open', TRANSFER_FILE), 'utf8'));
        } catch {
          throw new ServiceError(m.noFile);
        }
        const report = applySnapshot(ctx, snapshot, { dryRun: input.dryRun });
        const { packageId, label, workstationId: ws, exportedBy, createdAt, signature } = opened;
        return { package: { packageId, label, workstationId: ws, exportedBy, createdAt, signature }, report };
      } finally {
        wipeFolder(staging);
      }
    },
  }),
);
