/** `qbank audit …`: what the 安全审计员 does: verify, checkpoint, export registers (规程第十四条). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXPORTABLE_REGISTERS } from '../../services/audit/handlers.js';
import { handlers } from '../../services/registry.js';
import { stringOption, UsageError, type CommandContext } from '../command.js';
import { call, groupCommand } from '../group.js';
import { auditText } from '../messages/audit.js';
import { usageText } from '../messages/usage.js';

function anchorOptions(ctx: CommandContext): string[] {
  const v = ctx.values.anchor;
  return Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string') : typeof v === 'string' ? [v] : [];
}

/** `--anchor 序号:哈希`, or a file holding one (a printed register's note, an anchor file). */
function readAnchorArgument(ctx: CommandContext, arg: string): string {
  if (/^\d+:[0-9a-f]{64}$/.test(arg)) return arg;
  const path = resolve(ctx.io.cwd, arg);
  if (!existsSync(path)) throw new UsageError(auditText.badAnchor(arg));
  const text = readFileSync(path, 'utf8');
  const fromFile = /"head":\s*\{\s*"seq":\s*(\d+),\s*"hash":\s*"([0-9a-f]{64})"/.exec(text);
  if (fromFile) return `${fromFile[1]}:${fromFile[2]}`;
  const printed = /(\d+):([0-9a-f]{64})/.exec(text);
  if (!printed) throw new UsageError(auditText.noAnchorInFile(arg));
  return printed[0];
}

export const auditCommand = groupCommand(
  'audit',
  auditText.summary,
  [
    {
      name: 'verify',
      usage: auditText.verifyUsage,
      summary: auditText.verifySummary,
      run: async (ctx, s) => {
        const anchors = anchorOptions(ctx).map((a) => readAnchorArgument(ctx, a));
        const v = await call(ctx, s, handlers['audit.verify'], { anchors, pages: ctx.values.pages === true }, (r) => [
          r.ok ? `OK ${r.message}` : `BROKEN ${r.message}`,
          ...r.problems.map(auditText.problem),
          ...r.warnings.map(auditText.warning),
          auditText.head(r.entries, r.head),
          ...(r.countersigned ? [auditText.countersigned(r.countersigned.seq, r.countersigned.signer, r.countersigned.keyId)] : []),
        ]);
        return v.ok ? 0 : 1;
      },
    },
    {
      name: 'checkpoint',
      usage: 'checkpoint',
      summary: auditText.checkpointSummary,
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['audit.checkpoint'], {}, (c) => [
          auditText.checkpoint(c.seq, c.auditSeq, c.auditHash),
          auditText.signature(c.signer, c.keyId, c.signature),
        ])),
    },
    {
      name: 'export',
      usage: auditText.exportUsage(EXPORTABLE_REGISTERS),
      summary: auditText.exportSummary,
      run: async (ctx, s) => {
        const register = stringOption(ctx, 'register');
        if (!register || !(EXPORTABLE_REGISTERS as readonly string[]).includes(register)) {
          throw new UsageError(auditText.badRegister(EXPORTABLE_REGISTERS));
        }
        const out = stringOption(ctx, 'out');
        if (!out) throw new UsageError(usageText.missingOut);
        await call(ctx, s, handlers['audit.export'], { register, outDir: resolve(ctx.io.cwd, out) }, (f) => [auditText.exported(f.absolutePath, f.bytes)]);
      },
    },
  ],
  { register: { type: 'string' }, out: { type: 'string' }, anchor: { type: 'string', multiple: true }, pages: { type: 'boolean' } },
);
