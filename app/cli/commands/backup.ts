/** `qbank backup create`, `qbank restore`, `qbank airgap …`, `qbank transfer …`. */
import { resolve } from 'node:path';
import { defaultAnchorDir } from '../../services/context.js';
import { restoreWorkstation } from '../../services/package/restore.js';
import { handlers } from '../../services/registry.js';
import { secretText, workstationSecret } from '../auth.js';
import { bankOption, stringOption, UsageError, type Command } from '../command.js';
import { arg, call, groupCommand } from '../group.js';
import { authText } from '../messages/auth.js';
import { discText as T } from '../messages/disc.js';
import { discTarget, recipientIds } from './disc.js';
import { packageKeyInput } from './open-package.js';

export const backupCommand = groupCommand(
  'backup',
  T.backupSummary,
  [
    {
      name: 'create',
      usage: T.backupUsage,
      summary: T.backupSummary,
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['backup.create'], { target: discTarget(ctx), recipientIds: recipientIds(ctx, false) }, (r) => [
          ...r.warnings.map(T.warning),
          T.backupDone(r.image, r.imageSha256, r.auditSeq),
          ...(r.burned ? [T.burned(r.burned.drive)] : r.hint ? [r.hint] : []),
          T.label(r.label),
          T.register(r.exportId),
        ])),
    },
    {
      name: 'verify',
      usage: T.backupVerifyUsage,
      summary: T.backupVerifySummary,
      run: async (ctx, s, args) =>
        void (await call(ctx, s, handlers['backup.verify'], { source: resolve(ctx.io.cwd, arg(args, 0, T.source)) }, (r) => [
          T.backupChecked(r.workstationId, r.auditEntries, r.checkpointSeq, r.package.createdAt),
          ...(r.older ? [T.backupOlder] : []),
        ])),
    },
  ],
  { out: { type: 'string' }, drive: { type: 'string' }, recipient: { type: 'string' } },
);

export const restoreCommand: Command = {
  name: 'restore',
  summary: T.restoreSummary,
  help: T.restoreHelp,
  options: { 'passphrase-file': { type: 'string' }, 'key-file': { type: 'string' }, 'confirm-older': { type: 'string' }, 'password-file': { type: 'string' } },
  async run(ctx) {
    const source = resolve(ctx.io.cwd, arg(ctx.positionals, 0, T.source));
    const secret = workstationSecret(ctx);
    const admin = stringOption(ctx, 'confirm-older');
    let confirmOlder: { username: string; password: string } | undefined;
    if (admin) {
      const password = secretText(ctx, 'password-file', 'QBANK_PASSWORD', authText.password);
      if (password === undefined) throw new UsageError(authText.passwordNeeded);
      confirmOlder = { username: admin, password };
    }
    const r = await restoreWorkstation({ source, dbFile: ctx.dbFile, secret, anchorDir: defaultAnchorDir(), ...(confirmOlder ? { confirmOlder } : {}) });
    ctx.io.out(
      [T.restored(r.dbFile, r.workstationId, r.auditEntries, r.checkpointSeq), ...(r.confirmedBy ? [T.restoredOlder(r.confirmedBy)] : []), ...(r.previousKeptAs ? [T.keptAs(r.previousKeptAs)] : [])]
        .map((l) => `${l}\n`)
        .join(''),
    );
    return 0;
  },
};

export const airgapCommand = groupCommand(
  'airgap',
  T.airgapSummary,
  [
    {
      name: 'check',
      usage: 'check',
      summary: T.airgapCheckSummary,
      run: async (ctx, s) => {
        const r = await call(ctx, s, handlers['airgap.check'], { reason: 'manual' }, (a) => [a.ok ? T.airgapOk : a.summary, ...a.findings.map((f) => T.airgapFinding(f.message)), T.airgapMode(a.mode)]);
        if (!r.ok) throw new Error(r.summary);
      },
    },
    {
      name: 'policy',
      usage: 'policy [warn|refuse]',
      summary: T.airgapPolicySummary,
      run: async (ctx, s, args) => {
        const mode = args[0];
        if (mode === undefined) return void (await call(ctx, s, handlers['airgap.policy.get'], {}, (r) => [T.airgapMode(r.mode)]));
        if (mode !== 'warn' && mode !== 'refuse') throw new UsageError(T.modeNeeded);
        await call(ctx, s, handlers['airgap.policy.set'], { mode }, (r) => [T.airgapMode(r.mode)]);
      },
    },
  ],
);

export const transferCommand = groupCommand(
  'transfer',
  T.transferSummary,
  [
    {
      name: 'export',
      usage: T.transferExportUsage,
      summary: T.transferExportSummary,
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['transfer.export'], { bankId: bankOption(ctx), recipientIds: recipientIds(ctx, true), target: discTarget(ctx) }, (r) => [
          ...r.warnings.map(T.warning),
          T.transferExported(r.image, r.imageSha256, r.items, r.versions),
          ...(r.burned ? [T.burned(r.burned.drive)] : r.hint ? [r.hint] : []),
          T.label(r.label),
          T.register(r.exportId),
        ])),
    },
    {
      name: 'import',
      usage: T.transferImportUsage,
      summary: T.transferImportSummary,
      run: async (ctx, s, args) =>
        void (await call(
          ctx,
          s,
          handlers['transfer.import'],
          { source: resolve(ctx.io.cwd, arg(args, 0, T.source)), key: packageKeyInput(ctx), dryRun: ctx.values['dry-run'] === true },
          (r) => [T.transferFrom(r.package.workstationId, r.package.exportedBy, r.package.createdAt, r.package.signature.ok), ...r.report.lines],
        )),
    },
  ],
  { bank: { type: 'string' }, recipient: { type: 'string' }, out: { type: 'string' }, drive: { type: 'string' }, key: { type: 'string' }, 'key-pem': { type: 'string' }, cert: { type: 'string' }, 'key-password-file': { type: 'string' }, 'dry-run': { type: 'boolean' } },
);
