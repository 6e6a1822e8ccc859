/** `qbank policy …`: the security policy (安全保密管理员 changes it). */
import { handlers } from '../../services/registry.js';
import { UsageError } from '../command.js';
import { call, groupCommand } from '../group.js';

const policyLines = (p: Record<string, unknown>) => Object.entries(p).map(([k, v]) => `${k} = ${String(v)}`);

export const policyCommand = groupCommand('policy', '安全策略：口令、锁定、超时 (security policy)', [
  { name: 'show', usage: 'show', summary: '查看安全策略', run: async (ctx, s) => void (await call(ctx, s, handlers['policy.get'], {}, policyLines)) },
  {
    name: 'set',
    usage: 'set <键>=<值> …',
    summary: '修改安全策略（安全保密管理员），如 maxAgeDays=30 maxFailures=5',
    run: async (ctx, s, args) => {
      if (args.length === 0) throw new UsageError('缺少 <键>=<值>');
      const changes = Object.fromEntries(
        args.map((a) => {
          const [k, v] = a.split('=');
          if (!k || v === undefined) throw new UsageError(`应为 <键>=<值>，收到 ${a}`);
          return [k, v === 'true' ? true : v === 'false' ? false : Number.isNaN(Number(v)) ? v : Number(v)];
        }),
      );
      await call(ctx, s, handlers['policy.set'], { changes }, policyLines);
    },
  },
]);
