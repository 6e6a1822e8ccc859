/**
 * Exporting the signed submission onto disc (issue [G]; 规程第十二、十三条): the folder the panel
 * signed is checked once more (every document, every signature), packed for the chosen recipients,
 * signed by the exporting 题库管理员's certificate, written as an ISO image (and burned when a drive is
 * named), read back and verified — and then the plaintext folder is overwritten and removed: from here
 * on the only copy of the submission is the encrypted package, as the 存档 register records.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DISC_MARK, PACKAGE_KIND_NAMES } from '../../domain/package/format.js';
import { latestRound } from '../../store/repositories/review.js';
import { requireAirGap } from '../airgap/handlers.js';
import { workstationId } from '../audit/keys.js';
import { requireBank } from '../banks/context.js';
import { ServiceError } from '../errors.js';
import { bankOf, defineHandler, handlerMap } from '../handler.js';
import { reportProgress } from '../jobs/progress.js';
import { wipeFolder } from '../output/wipe.js';
import { asWriteError, guardOutput, makeFolder } from '../output/write.js';
import { trustFiles } from '../review/certificates.js';
import { verifySubmissionFolder } from '../review/verify.js';
import { exportAnchor } from './anchor.js';
import { fileOnDisk, planPackage, type PlainFile } from './build.js';
import { CMS_NAME, writeCmsCopy } from './cms-copy.js';
import { openContainer } from './container.js';
import { writeDisc, type DiscResult } from './disc.js';
import { exportMessages as m } from './export-messages.js';
import { recipientLabel, usableRecipients } from './recipients.js';
import { packageSigner } from './signer.js';

const bankId = z.number().int().positive();

export const discTargetSchema = z.object({
  dir: z.string().min(1),
  drive: z.string().min(1).optional(),
});

export interface ExportResult extends DiscResult {
  readonly packageId: string;
  readonly files: number;
  readonly wiped: number;
  readonly folder: string;
  readonly cms: boolean;
  readonly warnings: readonly string[];
}

/** Every file of a folder, sorted, as package sources (walked like a package folder: no links, bounded). */
export function folderFiles(folder: string): PlainFile[] {
  return [...openContainer(folder).files.keys()].sort().map((rel) => fileOnDisk(rel, join(folder, ...rel.split('/'))));
}

const rsa = (pem: string) => !/EC PRIVATE|id-ecPublicKey/.test(pem);

export const exportHandlers = handlerMap(
  defineHandler({
    name: 'package.export',
    summary: '导出加密报送光盘（试题审核备案）',
    input: z.object({
      bankId,
      /** The signed folder; default: the one the latest review round signed. */
      folder: z.string().min(1).optional(),
      recipientIds: z.array(z.number().int().positive()).min(1).max(10),
      target: discTargetSchema,
      cms: z.boolean().default(true),
    }),
    roles: ['manager'],
    register: '存档',
    bank: bankOf('manager'),
    objects: (i, out: ExportResult) => [`bank:${i.bankId}`, `package:${out.packageId}`, `disc:${out.exportId}`],
    detail: (_i, out: ExportResult) => m.detail(out.imageSha256, out.wiped),
    run: async (ctx, input): Promise<ExportResult> => {
      const bank = requireBank(ctx, input.bankId);
      const warnings = requireAirGap(ctx, m.what);
      const folder = input.folder ?? latestRound(ctx.db, input.bankId)?.manifestFolder ?? '';
      if (folder === '') throw new ServiceError(m.noFolder);
      const trust = trustFiles(ctx);
      reportProgress(ctx, 0, 4, m.checking);
      const check = verifySubmissionFolder(folder, { caPem: trust.caPem, crlPem: trust.crlPem });
      if (!check.ok) throw new ServiceError(m.notVerified(folder, check.problems.slice(0, 8)));
      const recipients = usableRecipients(ctx, input.recipientIds);
      const files = folderFiles(folder);
      const cmsRecipients = recipients.map((r) => r.certificatePem).filter(rsa);
      const now = ctx.now();
      guardOutput(ctx, input.target.dir, [`bank:${bank.id}`]);
      let scratch: string | null = null;
      try {
        makeFolder(input.target.dir);
        if (input.cms && cmsRecipients.length > 0) scratch = mkdtempSync(join(input.target.dir, '.qbank-cms-'));
      } catch (e) {
        throw asWriteError(e, input.target.dir);
      }
      try {
        let cmsSha256 = '';
        if (scratch) {
          reportProgress(ctx, 1, 4, m.cms);
          cmsSha256 = await writeCmsCopy(files, cmsRecipients, join(scratch, 'cms.p7m'), now).catch((e: unknown) => {
            throw asWriteError(e, input.target.dir);
          });
        }
        reportProgress(ctx, 2, 4, m.hashing);
        const plan = planPackage({
          kind: 'submission',
          label: m.label(PACKAGE_KIND_NAMES.submission, check.manifest.bank, check.manifest.round),
          secrecy: DISC_MARK,
          workstationId: workstationId(ctx.db),
          createdAt: now,
          files,
          about: { bank: check.manifest.bank, round: check.manifest.round, manifestSha256: check.manifest.sha256, signatures: check.signatures.length, documents: check.files.length },
          anchor: exportAnchor(ctx),
          certificates: recipients.map((r) => r.certificatePem),
          signer: packageSigner(ctx),
          cms: scratch ? { name: CMS_NAME, path: join(scratch, 'cms.p7m'), sha256: cmsSha256, cipher: m.cmsCipher, recipients: recipients.filter((r) => rsa(r.certificatePem)).map((r) => r.fingerprint) } : null,
        });
        reportProgress(ctx, 3, 4, m.writing);
        const disc = await writeDisc(ctx, plan, { target: input.target, imageName: m.imageName(bank.occupationCode, bank.level, plan.manifest.createdAt), bankId: bank.id, recipients: recipients.map(recipientLabel) });
        const wiped = wipeFolder(folder);
        return { ...disc, packageId: plan.manifest.packageId, files: files.length, wiped, folder, cms: scratch !== null, warnings };
      } finally {
        if (scratch) wipeFolder(scratch);
      }
    },
  }),
);
