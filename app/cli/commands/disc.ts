/** `qbank disc …`: recipient certificates, the submission export onto disc, the disc register, drives, opening a package. */
import { resolve } from 'node:path';
import { handlers } from '../../services/registry.js';
import { PACKAGE_KIND_NAMES } from '../../domain/package/format.js';
import { bankOption, outOption, readInput, stringOption, UsageError, type CommandContext } from '../command.js';
import { arg, call, groupCommand, intArg } from '../group.js';
import { discText as T } from '../messages/disc.js';
import { packageKeyInput, packageLines } from './open-package.js';

const PEM_MAX = 1024 * 1024;

export function recipientIds(ctx: CommandContext, required: boolean): number[] {
  const v = stringOption(ctx, 'recipient');
  if (v === undefined) {
    if (required) throw new UsageError(T.recipientNeeded);
    return [];
  }
  const ids = v.split(/[,，]/).map((s) => Number(s.trim()));
  if (ids.some((n) => !Number.isInteger(n) || n <= 0)) throw new UsageError(T.recipientNeeded);
  return ids;
}

export function discTarget(ctx: CommandContext): { dir: string; drive?: string } {
  const drive = stringOption(ctx, 'drive');
  return { dir: outOption(ctx), ...(drive ? { drive } : {}) };
}

export const discCommand = groupCommand(
  'disc',
  T.summary,
  [
    {
      name: 'recipients',
      usage: T.recipientsListUsage,
      summary: T.recipientsListSummary,
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['package.recipients.list'], {}, (list) => list.map((r) => T.recipientLine(r.id, r.name, r.purpose, r.keyType, r.status, r.notAfter, r.fingerprint)))),
    },
    {
      name: 'recipient-import',
      usage: T.recipientsImportUsage,
      summary: T.recipientsImportSummary,
      run: async (ctx, s, args) => {
        const certificatePem = Buffer.from(readInput(ctx, arg(args, 0, T.certificateFile), PEM_MAX)).toString('utf8');
        const name = stringOption(ctx, 'name');
        const purpose = stringOption(ctx, 'purpose');
        if (!name) throw new UsageError(T.nameNeeded);
        if (!purpose) throw new UsageError(T.purposeNeeded);
        await call(ctx, s, handlers['package.recipients.import'], { name, purpose, certificatePem }, (r) => [T.recipientLine(r.id, r.name, r.purpose, r.keyType, r.status, r.notAfter, r.fingerprint)]);
      },
    },
    {
      name: 'recipient-retire',
      usage: T.recipientsRetireUsage,
      summary: T.recipientsRetireSummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['package.recipients.retire'], { id: intArg(args, 0, T.recipientId) }, (r) => [T.recipientLine(r.id, r.name, r.purpose, r.keyType, r.status, r.notAfter, r.fingerprint)])),
    },
    {
      name: 'export',
      usage: T.exportUsage,
      summary: T.exportSummary,
      run: async (ctx, s) => {
        const folder = stringOption(ctx, 'folder');
        const input = {
          bankId: bankOption(ctx),
          recipientIds: recipientIds(ctx, true),
          target: discTarget(ctx),
          cms: ctx.values['no-cms'] !== true,
          ...(folder ? { folder: resolve(ctx.io.cwd, folder) } : {}),
        };
        await call(ctx, s, handlers['package.export'], input, (r) => [
          ...r.warnings.map(T.warning),
          T.exported(r.image, r.imageSha256, r.imageBytes),
          ...(r.burned ? [T.burned(r.burned.drive)] : r.hint ? [r.hint] : []),
          T.label(r.label),
          T.wiped(r.wiped, r.folder),
          T.register(r.exportId),
        ]);
      },
    },
    {
      name: 'list',
      usage: T.listUsage,
      summary: T.listSummary,
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['disc.list'], {}, (list) => list.map((d) => T.discLine(d.id, PACKAGE_KIND_NAMES[d.kind], d.at, d.label, d.imageSha256, d.target)))),
    },
    {
      name: 'drives',
      usage: T.drivesUsage,
      summary: T.drivesSummary,
      run: async (ctx, s) => void (await call(ctx, s, handlers['disc.drives'], {}, (list) => (list.length === 0 ? [T.noDrives] : list.map((d) => T.driveLine(d.id, d.name))))),
    },
    {
      name: 'open',
      usage: T.openUsage,
      summary: T.openSubSummary,
      run: async (ctx, s, args) => {
        const out = stringOption(ctx, 'out');
        const ca = stringOption(ctx, 'ca');
        const input = {
          source: resolve(ctx.io.cwd, arg(args, 0, T.source)),
          key: packageKeyInput(ctx),
          ...(out ? { outDir: resolve(ctx.io.cwd, out) } : {}),
          ...(ca ? { caPem: Buffer.from(readInput(ctx, ca, PEM_MAX)).toString('utf8') } : {}),
        };
        const r = await call(ctx, s, handlers['package.open'], input, packageLines);
        if (!r.ok) throw new Error(T.failed(r.problems.length));
      },
    },
  ],
  {
    bank: { type: 'string' },
    recipient: { type: 'string' },
    out: { type: 'string' },
    drive: { type: 'string' },
    folder: { type: 'string' },
    'no-cms': { type: 'boolean' },
    name: { type: 'string' },
    purpose: { type: 'string' },
    key: { type: 'string' },
    'key-pem': { type: 'string' },
    cert: { type: 'string' },
    'key-password-file': { type: 'string' },
    ca: { type: 'string' },
  },
);
