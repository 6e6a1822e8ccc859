/** `qbank audit …`: what the 安全审计员 does: verify, checkpoint, export registers (规程第十四条). */
import { resolve } from 'node:path';
import { EXPORTABLE_REGISTERS } from '../../services/audit-handlers.js';
import { handlers } from '../../services/registry.js';
import { stringOption, UsageError } from '../command.js';
import { call, groupCommand } from '../group.js';

export const auditCommand = groupCommand(
  'audit',
  '审计日志：校验、签署校验点、导出登记表 (access log)',
  [
    {
      name: 'verify',
      usage: 'verify',
      summary: '校验哈希链和签名校验点；有问题时以 1 退出',
      run: async (ctx, s) => {
        const v = await call(ctx, s, handlers['audit.verify'], {}, (r) => [r.ok ? `OK ${r.message}` : `BROKEN ${r.message}`, `链头 (head): ${r.head}`]);
        return v.ok ? 0 : 1;
      },
    },
    {
      name: 'checkpoint',
      usage: 'checkpoint',
      summary: '签署一个审计校验点',
      run: async (ctx, s) =>
        void (await call(ctx, s, handlers['audit.checkpoint'], {}, (c) => [`校验点 ${c.id}：第 ${c.auditSeq} 条，${c.auditHash}`, `签名 (Ed25519): ${c.signature}`])),
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
  { register: { type: 'string' }, out: { type: 'string' } },
);
