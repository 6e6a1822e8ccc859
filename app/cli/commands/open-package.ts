/**
 * `qbank open-package <iso|folder> --key recipient.p12`: the receiving side (the upload station). No
 * workstation, no login, no database: it verifies the package (signature, structure, every chunk and
 * hash, the anchor, the panel's signatures) and, with --out, decrypts into that folder in 附件6 order —
 * only when everything holds. Exit 0 only when everything holds.
 */
import { resolve } from 'node:path';
import { openPackage, type PackageReport } from '../../services/package/open.js';
import { recipientKey } from '../../services/package/handlers.js';
import { secretText } from '../auth.js';
import { readInput, stringOption, UsageError, type Command, type CommandContext } from '../command.js';
import { arg } from '../group.js';
import { discText as T } from '../messages/disc.js';

const KEY_MAX = 1024 * 1024;

export function packageKeyInput(ctx: CommandContext) {
  const p12 = stringOption(ctx, 'key');
  const password = secretText(ctx, 'key-password-file', 'QBANK_KEY_PASSWORD', T.keyPassword) ?? '';
  if (p12 !== undefined) return { p12: Buffer.from(readInput(ctx, p12, KEY_MAX)).toString('base64'), password };
  const keyPem = stringOption(ctx, 'key-pem');
  const cert = stringOption(ctx, 'cert');
  if (keyPem === undefined || cert === undefined) throw new UsageError(T.keyNeeded);
  return {
    keyPem: Buffer.from(readInput(ctx, keyPem, KEY_MAX)).toString('utf8'),
    certificatePem: Buffer.from(readInput(ctx, cert, KEY_MAX)).toString('utf8'),
    ...(password === '' ? {} : { password }),
  };
}

export function packageLines(r: PackageReport): string[] {
  const bad = r.files.filter((f) => !f.ok);
  return [
    T.header(r.kindName, r.label, r.packageId),
    T.origin(r.workstationId, r.exportedBy, r.createdAt),
    T.signature(r.signature.ok, r.signature.signer, r.signature.caSource, r.signature.caFingerprint),
    ...(r.anchor ? [T.anchor(r.anchor.ok, r.anchor.seq, r.anchor.text, r.anchor.signer)] : []),
    ...(r.submission ? [T.panel(r.submission.ok, r.submission.signatures.length)] : []),
    T.files(r.files.length - bad.length, r.files.length),
    ...bad.map((f) => T.badFile(f.detail)),
    ...(r.problems.length === 0 ? [] : [T.problems(r.problems.length), ...r.problems.map(T.problem)]),
    ...(r.ok ? [r.outDir ? T.opened(r.outDir) : T.verifiedOnly, T.passed] : [T.failed(r.problems.length)]),
  ];
}

export const openPackageCommand: Command = {
  name: 'open-package',
  summary: T.openSummary,
  help: T.openHelp,
  options: {
    key: { type: 'string' },
    'key-pem': { type: 'string' },
    cert: { type: 'string' },
    'key-password-file': { type: 'string' },
    out: { type: 'string' },
    ca: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const source = resolve(ctx.io.cwd, arg(ctx.positionals, 0, T.source));
    const key = recipientKey(packageKeyInput(ctx));
    const out = stringOption(ctx, 'out');
    const ca = stringOption(ctx, 'ca');
    const r = await openPackage(source, key, {
      ...(out ? { outDir: resolve(ctx.io.cwd, out) } : {}),
      ...(ca ? { caPem: Buffer.from(readInput(ctx, ca, KEY_MAX)).toString('utf8') } : {}),
    });
    ctx.io.out(ctx.values.json === true ? `${JSON.stringify(r, null, 2)}\n` : packageLines(r).map((l) => `${l}\n`).join(''));
    return r.ok ? 0 : 1;
  },
};
