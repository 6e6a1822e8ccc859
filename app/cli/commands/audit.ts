/** `qbank audit …`: what the 安全审计员 does: verify, checkpoint, export registers (规程第十四条). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXPORTABLE_REGISTERS } from '../../services/audit/handlers.js';
import { handlers } from '../../services/registry.js';
import { stringOption, UsageError, type CommandContext } from '../command.js';
import { call, groupCommand } from '../group.js';

function anchorOptions(ctx: CommandContext): string[] {
  const v = ctx.values.anchor;
  return Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string') : typeof v === 'string' ? [v] : [];
}

/** `--anchor 序号:哈希`, or a file holding one (a printed register's note, an anchor file). */
function readAnchorArgument(ctx: CommandContext, arg: string): string {
  if (/^\d+:[0-9a-f]{64}$/.test(arg)) return arg;
  const path = resolve(ctx.io.cwd, arg);
  if (!existsSync(path)) throw new UsageError(`--anchor 应为 序号:哈希 或含锚点的文件：${arg}`);
  const text = readFileSync(path, 'utf8');
  const fromFile = /"head":\s*\{\s*"seq":\s*(\d+),\s*"hash":\s*"([0-9a-f]{64})"/.exec(text);
  if (fromFile) return `${fromFile[1]}:${fromFile[2]}`;
  const printed = /(\d+):([0-9a-f]{64})/.exec(text);
  if (!printed) throw new UsageError(`文件中没有锚点（序号:哈希）：${arg}`);
  return printed[0];
}

export const auditCommand = groupCommand(
  'audit',
  '审计日志：校验、签署校验点、导出登记表 (access log)',
  [
    {
      name: 'verify',
      usage: 'verify [--anchor <序号:哈希|文件>]…',
      summary: '校验哈希链、签名校验点和外部锚点，通过后由审计员副署；有问题时以 1 退出',
      run: async (ctx, s) => {
        const anchors = anchorOptions(ctx).map((a) => readAnchorArgument(ctx, a));
        const v = await call(ctx, s, handlers['audit.verify'], { anchors }, (r) => [
          r.ok ? `OK ${r.message}` : `BROKEN ${r.message}`,
          ...r.problems.map((p) => `  问题 (problem): ${p}`),
          ...r.warnings.map((w) => `  提示 (warning): ${w}`),
          `链头 (head): ${r.entries}:${r.head}`,
          ...(r.countersigned ? [`副署校验点 (countersigned) #${r.countersigned.seq}，签署人 ${r.countersigned.signer}，密钥 ${r.countersigned.keyId}`] : []),
        ]);
        return v.ok ? 0 : 1;
      },
    },
    {
      name: 'checkpoint',
      usage: 'checkpoint',
      summary: '签署一个审计校验点',
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['audit.checkpoint'], {}, (c) => [
          `校验点 #${c.seq}：锚点 ${c.auditSeq}:${c.auditHash}`,
          `签署人 ${c.signer}，密钥 ${c.keyId}，签名 (Ed25519): ${c.signature}`,
        ])),
    },
    {
      name: 'export',
      usage: `export --register <${EXPORTABLE_REGISTERS.join('|')}> --out <目录>`,
      summary: '导出登记表 xlsx',
      run: async (ctx, s) => {
        const register = stringOption(ctx, 'register');
        if (!register || !(EXPORTABLE_REGISTERS as readonly string[]).includes(register)) {
          throw new UsageError(`--register 应为 ${EXPORTABLE_REGISTERS.join('、')} 之一`);
        }
        const out = stringOption(ctx, 'out');
        if (!out) throw new UsageError('缺少 --out <目录>');
        await call(ctx, s, handlers['audit.export'], { register, outDir: resolve(ctx.io.cwd, out) }, (f) => [`已导出 ${f.absolutePath}（${f.bytes} 字节）`]);
      },
    },
  ],
  { register: { type: 'string' }, out: { type: 'string' }, anchor: { type: 'string', multiple: true } },
);
