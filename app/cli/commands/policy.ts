/** `qbank policy …`: the security policy (安全保密管理员 changes it). */
import { handlers } from '../../services/registry.js';
import { UsageError } from '../command.js';
import { call, groupCommand } from '../group.js';
import { policyText } from '../messages/policy.js';

const policyLines = (p: Record<string, unknown>) => Object.entries(p).map(([k, v]) => `${k} = ${String(v)}`);

export const policyCommand = groupCommand('policy', policyText.summary, [
  { name: 'show', usage: 'show', summary: policyText.showSummary, run: async (ctx, s) => void (await call(ctx, s, handlers['policy.get'], {}, policyLines)) },
  {
    name: 'set',
    usage: policyText.setUsage,
    summary: policyText.setSummary,
    run: async (ctx, s, args) => {
      if (args.length === 0) throw new UsageError(policyText.missingChange);
      const changes = Object.fromEntries(
        args.map((a) => {
          const [k, v] = a.split('=');
          if (!k || v === undefined) throw new UsageError(policyText.badChange(a));
          return [k, v === 'true' ? true : v === 'false' ? false : Number.isNaN(Number(v)) ? v : Number(v)];
        }),
      );
      await call(ctx, s, handlers['policy.set'], { changes }, policyLines);
    },
  },
]);
