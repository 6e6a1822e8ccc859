/**
 * Discs in the GUI and CLI: the 存档 register of discs written, the drives that can burn, and opening
 * a package on the workstation itself (a 存档 copy, a disc from another workstation) with a recipient
 * key file — the same check `qbank open-package` runs on an upload station without a database.
 */
import { z } from 'zod';
import { readPkcs12, readPrivateKeyFile } from '../../../crypto/pkcs12.js';
import { listDrives, type OpticalDrive } from '../../../media/burn/drives.js';
import { listDiscExports, type DiscExportRecord } from '../../store/repositories/discs.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { defineHandler, handlerMap } from '../handler.js';
import { guardOutput } from '../output/write.js';
import { packageMessages as m } from './messages.js';
import { openPackage, type PackageKey, type PackageReport } from './open.js';

/** A recipient key given as a PKCS#12 file (RSA) or a PEM private key with its certificate (EC). */
export const recipientKeySchema = z.union([
  z.object({ p12: z.string().min(1).max(200_000), password: z.string().max(200) }),
  z.object({ keyPem: z.string().min(1).max(20_000), certificatePem: z.string().min(1).max(20_000), password: z.string().max(200).optional() }),
]);
export type RecipientKeyInput = z.output<typeof recipientKeySchema>;

export function recipientKey(input: RecipientKeyInput): PackageKey {
  try {
    if ('p12' in input) {
      const p = readPkcs12(Buffer.from(input.p12, 'base64'), input.password);
      return { privateKey: p.privateKey, certificatePem: p.certificatePem };
    }
    return { privateKey: readPrivateKeyFile(Buffer.from(input.keyPem, 'utf8'), input.password), certificatePem: input.certificatePem };
  } catch (e) {
    throw new ServiceError(m.badKey((e as Error).message));
  }
}

export const discHandlers = handlerMap(
  defineHandler({
    name: 'disc.list',
    summary: '查看光盘存档登记',
    input: z.object({}).strict(),
    roles: ['sysadmin', 'secadmin', 'auditor', 'manager'],
    register: '',
    run: (ctx): DiscExportRecord[] => listDiscExports(ctx.db),
  }),
  defineHandler({
    name: 'disc.drives',
    summary: '检测刻录机',
    input: z.object({}).strict(),
    roles: 'any',
    register: '',
    run: async (): Promise<OpticalDrive[]> => listDrives(),
  }),
  defineHandler({
    name: 'package.open',
    summary: '打开并校验加密光盘包',
    input: z.object({
      source: z.string().min(1),
      key: recipientKeySchema,
      outDir: z.string().min(1).optional(),
      caPem: z.string().min(1).max(20_000).optional(),
    }),
    roles: ['sysadmin', 'secadmin', 'auditor', 'manager'],
    register: '调阅',
    objects: (i, out: PackageReport) => [`package:${out.packageId}`, ...(i.outDir ? [`file:${i.outDir}`] : [])],
    detail: (_i, out: PackageReport) => (out.ok ? m.openedOk(out.files.length) : m.openedBad(out.problems.length)),
    run: async (ctx: ServiceContext, input): Promise<PackageReport> => {
      if (input.outDir) guardOutput(ctx, input.outDir, []);
      return openPackage(input.source, recipientKey(input.key), { ...(input.outDir ? { outDir: input.outDir } : {}), ...(input.caPem ? { caPem: input.caPem } : {}), now: ctx.now() });
    },
  }),
);
