/**
 * The encrypted full backup (issue [G] 7; 规程第十二条: backups only on marked optical discs): the
 * whole database — items, media, registers, the access log and its checkpoints — copied with
 * `VACUUM INTO` (the copy is encrypted at rest with the same key, never plaintext on disk), packed with
 * the content key wrapped for the workstation secret (whoever restores needs it to open the database
 * anyway) and for any 存档 certificates chosen, signed, written to an image and verified. The staging
 * copy is removed afterwards. Restoring: restore.ts.
 */
import { mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DISC_MARK } from '../../domain/package/format.js';
import { sqlCipherKeyPragmaValue } from '../../../crypto/database-key.js';
import { copyCommittedInto, schemaVersion } from '../../store/database.js';
import { listBanks } from '../../store/repositories/banks.js';
import { requireAirGap } from '../airgap/handlers.js';
import { workstationId } from '../audit/keys.js';
import { ServiceError } from '../errors.js';
import { defineHandler, handlerMap } from '../handler.js';
import { reportProgress } from '../jobs/progress.js';
import { asWriteError, guardOutput, makeFolder } from '../output/write.js';
import { wipeFolder } from '../output/wipe.js';
import { exportAnchor } from './anchor.js';
import { fileInMemory, fileOnDisk, planPackage } from './build.js';
import { backupMessages as m } from './backup-messages.js';
import { writeDisc, type DiscResult } from './disc.js';
import { discTargetSchema } from './export.js';
import { recipientLabel, usableRecipients } from './recipients.js';
import { packageSigner } from './signer.js';
import { BACKUP_DB, BACKUP_INFO, backupSecret } from './backup-format.js';
import { restoreWorkstation, type RestoreResult } from './restore.js';

export interface BackupResult extends DiscResult {
  readonly packageId: string;
  readonly databaseBytes: number;
  readonly auditSeq: number;
  readonly warnings: readonly string[];
}

export const backupHandlers = handlerMap(
  defineHandler({
    name: 'backup.create',
    summary: '制作加密备份光盘',
    input: z.object({ target: discTargetSchema, recipientIds: z.array(z.number().int().positive()).max(10).default([]) }),
    roles: ['sysadmin'],
    register: '存档',
    // the copy is made on a connection of its own (VACUUM INTO cannot run inside a transaction), so the
    // disc's register entry, its label and this log row commit together, or not at all
    objects: (_i, out: BackupResult) => [`package:${out.packageId}`, `disc:${out.exportId}`],
    detail: (_i, out: BackupResult) => m.detail(out.imageSha256, out.auditSeq),
    run: async (ctx, input): Promise<BackupResult> => {
      if (!ctx.secret) throw new ServiceError(m.noSecret);
      const warnings = requireAirGap(ctx, m.what);
      guardOutput(ctx, input.target.dir, []);
      const recipients = usableRecipients(ctx, input.recipientIds);
      const signer = packageSigner(ctx);
      let staging: string;
      try {
        makeFolder(input.target.dir);
        staging = mkdtempSync(join(input.target.dir, '.qbank-backup-'));
      } catch (e) {
        throw asWriteError(e, input.target.dir);
      }
      try {
        reportProgress(ctx, 0, 3, m.copying);
        const copy = join(staging, BACKUP_DB);
        try {
          copyCommittedInto(ctx.db.name, sqlCipherKeyPragmaValue(ctx.secret), copy);
        } catch (e) {
          throw asWriteError(e, input.target.dir);
        }
        const anchor = exportAnchor(ctx);
        const now = ctx.now();
        const info = {
          format: 'qbank-backup/1',
          workstationId: workstationId(ctx.db),
          schemaVersion: schemaVersion(ctx.db),
          createdAt: now.toISOString(),
          createdBy: ctx.actor.username,
          banks: listBanks(ctx.db).length,
          auditSeq: anchor?.auditSeq ?? 0,
        };
        const db = fileOnDisk(BACKUP_DB, copy);
        reportProgress(ctx, 1, 3, m.hashing);
        const plan = planPackage({
          kind: 'backup',
          label: m.label(info.workstationId, now),
          secrecy: DISC_MARK,
          workstationId: info.workstationId,
          createdAt: now,
          files: [db, fileInMemory(BACKUP_INFO, Buffer.from(`${JSON.stringify(info, null, 2)}\n`))],
          about: { workstationId: info.workstationId, schemaVersion: info.schemaVersion, banks: info.banks, databaseBytes: db.size },
          anchor,
          certificates: recipients.map((r) => r.certificatePem),
          secret: { value: backupSecret(ctx.secret), label: m.secretLabel },
          signer,
        });
        reportProgress(ctx, 2, 3, m.writing);
        const disc = await writeDisc(ctx, plan, {
          target: input.target,
          imageName: m.imageName(now),
          bankId: null,
          recipients: [m.secretLabel, ...recipients.map(recipientLabel)],
        });
        return { ...disc, packageId: plan.manifest.packageId, databaseBytes: db.size, auditSeq: info.auditSeq, warnings };
      } finally {
        wipeFolder(staging);
      }
    },
  }),
  defineHandler({
    name: 'backup.verify',
    summary: '检查备份光盘（可否恢复）',
    input: z.object({ source: z.string().min(1) }),
    roles: ['sysadmin'],
    register: '调阅',
    objects: (_i, out: RestoreResult) => [`package:${out.package.packageId}`],
    detail: (_i, out: RestoreResult) => m.checked(out.auditEntries, out.older),
    run: async (ctx, input): Promise<RestoreResult> => {
      if (!ctx.secret) throw new ServiceError(m.noSecret);
      // decrypted beside the database, checked, wiped: nothing is restored
      const probe = join(dirname(ctx.db.name), '.qbank-backup-check.db');
      return restoreWorkstation({ source: input.source, dbFile: probe, secret: ctx.secret, anchorDir: ctx.anchorDir, now: ctx.now, dryRun: true });
    },
  }),
);

