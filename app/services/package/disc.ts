/**
 * Writing a planned package out (issue [G] 4): the ISO image into the chosen folder (staged, flushed,
 * renamed — complete or absent), read back and verified with the content key still in memory, burned
 * when a drive is named (write, then read the disc back and compare hashes), recorded in the 存档
 * register with its label and cover sheet. Without a drive the image stays for a burning station.
 */
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { burnImage } from '../../../media/burn/burn.js';
import { hashFileInWorker } from '../../../media/iso/hasher.js';
import { writeIso, type IsoOptions } from '../../../media/iso/writer.js';
import { discLabelDocx } from '../../../templates/docx/disc-label.js';
import { packDocx } from '../../../templates/docx/kit.js';
import { PACKAGE_KIND_NAMES } from '../../domain/package/format.js';
import { insertDiscExport } from '../../store/repositories/discs.js';
import { recordAudit } from '../audit/record.js';
import { timestamp, type ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { reportProgress } from '../jobs/progress.js';
import { asWriteError, fsyncDir, guardOutput, writeOutputFile } from '../output/write.js';
import type { PackagePlan } from './build.js';
import { openPackage } from './open.js';
import { discMessages as dm } from './disc-messages.js';

export interface DiscTarget {
  /** Folder the image (and its label) are saved in. */
  readonly dir: string;
  /** A drive to burn onto (`/dev/sr0`, `stdio:/path` for a pseudo-drive); absent: save only. */
  readonly drive?: string;
}

export interface DiscResult {
  readonly exportId: number;
  readonly image: string;
  readonly imageSha256: string;
  readonly imageBytes: number;
  readonly verified: boolean;
  readonly burned: { readonly drive: string; readonly verified: boolean } | null;
  readonly label: string;
  readonly hint: string;
}

/** ASCII volume id for the primary tree; the Joliet volume id carries the mark in Chinese. */
const PVD_ID = { submission: 'QBANK_SUBMISSION', backup: 'QBANK_BACKUP', transfer: 'QBANK_TRANSFER' } as const;

/** The image's options: its volume ids (with the secrecy mark), publisher and date, all from the plan. */
export function imageOptions(plan: PackagePlan): IsoOptions {
  const m = plan.manifest;
  return { volumeId: `${m.secrecy}${PACKAGE_KIND_NAMES[m.kind]}`.slice(0, 16), pvdVolumeId: PVD_ID[m.kind], publisher: m.workstationId, application: 'QBANK', date: new Date(m.createdAt) };
}

/**
 * Writes the image — without hashing it: verifyImage reads every byte back anyway and hashes what
 * reached the disk, which is the better reference for burning and the register.
 */
async function writeImage(plan: PackagePlan, path: string, onProgress: (done: number, total: number) => void) {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  try {
    const result = await writeIso(plan.entries, imageOptions(plan), out, { onProgress, hash: false });
    await new Promise<void>((resolve, reject) => {
      out.end(() => resolve());
      out.on('error', reject);
    });
    const fd = openSync(partial, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, path);
    return result;
  } catch (e) {
    out.destroy();
    rmSync(partial, { force: true });
    throw asWriteError(e, path);
  }
}

/**
 * Reads a written image back: the package opened with the content key still in memory (structure,
 * signature, every chunk, every hash) and, beside it in a worker thread, the SHA-256 of the image file.
 */
export async function verifyImage(image: string, plan: PackagePlan): Promise<{ check: Awaited<ReturnType<typeof openPackage>>; sha256: string; bytes: number }> {
  const [check, digest] = await Promise.all([openPackage(image, { contentKey: plan.contentKey }, {}), hashFileInWorker(image)]);
  return { check, ...digest };
}

export async function writeDisc(
  ctx: ServiceContext,
  plan: PackagePlan,
  o: { readonly target: DiscTarget; readonly imageName: string; readonly bankId: number | null; readonly recipients: readonly string[] },
): Promise<DiscResult> {
  const objects = [`package:${plan.manifest.packageId}`];
  guardOutput(ctx, o.target.dir, objects);
  const image = join(o.target.dir, o.imageName);
  const total = plan.entries.reduce((a, e) => a + e.size, 0);
  const { bytes } = await writeImage(plan, image, (done) => reportProgress(ctx, done, total, dm.writing));
  fsyncDir(o.target.dir);
  reportProgress(ctx, 0, 1, dm.verifying);
  const { check, ...written } = await verifyImage(image, plan);
  if (!check.ok || written.bytes !== bytes) {
    rmSync(image, { force: true });
    throw new ServiceError(dm.verifyFailed(check.problems.slice(0, 5).join('；') || dm.sizeChanged(bytes, written.bytes)));
  }
  let burned: DiscResult['burned'] = null;
  if (o.target.drive) {
    // xorriso's pseudo-drive is a file like any other output: its folder passes the same check
    if (o.target.drive.startsWith('stdio:')) guardOutput(ctx, dirname(o.target.drive.slice('stdio:'.length)), objects);
    reportProgress(ctx, 0, 1, dm.burning(o.target.drive));
    const r = await burnImage({ isoPath: image, drive: o.target.drive, expectedSha256: written.sha256 });
    burned = { drive: o.target.drive, verified: r.verified };
  }
  const at = timestamp(ctx);
  const anchor = plan.content.anchor ? `校验点#${plan.content.anchor.seq} ${plan.content.anchor.auditSeq}:${plan.content.anchor.auditHash}` : '';
  const exportId = insertDiscExport(ctx.db, {
    kind: plan.manifest.kind,
    packageId: plan.manifest.packageId,
    bankId: o.bankId,
    label: plan.manifest.label,
    imageName: o.imageName,
    imageSha256: written.sha256,
    imageBytes: written.bytes,
    recipients: [...o.recipients],
    target: burned ? `${o.target.drive}` : image,
    verified: true,
    anchor,
    at,
    by: ctx.actor.username,
  });
  const labelBytes = await packDocx(
    discLabelDocx({
      mark: plan.manifest.secrecy,
      kindName: PACKAGE_KIND_NAMES[plan.manifest.kind],
      label: plan.manifest.label,
      packageId: plan.manifest.packageId,
      imageName: o.imageName,
      imageSha256: written.sha256,
      imageBytes: written.bytes,
      writtenAt: at,
      writtenBy: ctx.actor.displayName || ctx.actor.username,
      workstationId: plan.manifest.workstationId,
      recipients: o.recipients,
      register: dm.register(exportId),
      anchor,
      verified: true,
      files: plan.content.files.map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256 })),
    }),
  );
  const label = writeOutputFile(ctx, o.target.dir, dm.labelFile(o.imageName), labelBytes, { classified: false });
  recordAudit(ctx, { action: 'disc.write', register: '存档', objects: [...objects, `disc:${exportId}`, `file:${image}`], result: 'ok', detail: dm.auditDetail(o.imageName, written.sha256, o.recipients) });
  return { exportId, image, imageSha256: written.sha256, imageBytes: written.bytes, verified: true, burned, label: label.absolutePath, hint: burned ? '' : dm.noDrive };
}
