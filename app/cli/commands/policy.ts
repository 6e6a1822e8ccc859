/**
 * `qbank policy …`: the security policy, the write-target policy (policy output) and the secrecy mark
 * of each class of document (policy marking). The 安全保密管理员 changes them; each change is logged in
 * the 权限 register.
 */
import { DOCUMENT_CLASSES, documentClassNames, MARKINGS, markingNames, type DocumentClass } from '../../domain/submission/marking.js';
import type { MarkingRow } from '../../services/policy/handlers.js';
import type { OutputPolicy } from '../../services/policy/read.js';
import { handlers } from '../../services/registry.js';
import type { ServiceContext } from '../../services/context.js';
import { UsageError, type CommandContext } from '../command.js';
import { call, groupCommand } from '../group.js';
import { policyText } from '../messages/policy.js';

const policyLines = (p: Record<string, unknown>) => Object.entries(p).map(([k, v]) => `${k} = ${String(v)}`);

/** `键=值` arguments (the value may hold `=`); at least one. */
function pairs(args: readonly string[]): [string, string][] {
  if (args.length === 0) throw new UsageError(policyText.missingChange);
  return args.map((a) => {
    const at = a.indexOf('=');
    if (at <= 0) throw new UsageError(policyText.badChange(a));
    return [a.slice(0, at), a.slice(at + 1)];
  });
}

const outputLines = (p: OutputPolicy) => [policyText.outputLine(p.allowUnverifiedTargets)];
const markingLines = (rows: readonly MarkingRow[]) => rows.map((r) => policyText.markingLine(r.documentClass, r.name, r.markingName, r.isDefault, r.basis));

/** `policy output [show]` or `policy output set allowUnverifiedTargets=true|false`. */
async function output(ctx: CommandContext, s: ServiceContext, args: readonly string[]): Promise<void> {
  const [verb = 'show', ...rest] = args;
  if (verb === 'show') return void (await call(ctx, s, handlers['output.policy.get'], {}, outputLines));
  if (verb !== 'set') throw new UsageError(policyText.badVerb('output', verb));
  const changes = pairs(rest);
  const [key, value] = changes.length === 1 ? (changes[0] as [string, string]) : ['', ''];
  if (key !== 'allowUnverifiedTargets') throw new UsageError(policyText.badOutputKey(changes.map(([k]) => k).join('、')));
  if (value !== 'true' && value !== 'false') throw new UsageError(policyText.badBoolean(key, value));
  await call(ctx, s, handlers['output.policy.set'], { allowUnverifiedTargets: value === 'true' }, outputLines);
}

/** `policy marking [show]` or `policy marking set <文件类>=<bank|work|none|default> …`. */
async function marking(ctx: CommandContext, s: ServiceContext, args: readonly string[]): Promise<void> {
  const [verb = 'show', ...rest] = args;
  if (verb === 'show') return void (await call(ctx, s, handlers['output.marking.get'], {}, markingLines));
  if (verb !== 'set') throw new UsageError(policyText.badVerb('marking', verb));
  const values = [...MARKINGS, 'default'] as const;
  const changes = Object.fromEntries(
    pairs(rest).map(([cls, value]) => {
      if (!(DOCUMENT_CLASSES as readonly string[]).includes(cls)) {
        throw new UsageError(policyText.badDocumentClass(cls, DOCUMENT_CLASSES.map((c) => `${c}（${documentClassNames[c]}）`)));
      }
      if (!(values as readonly string[]).includes(value)) {
        throw new UsageError(policyText.badMarking(cls as DocumentClass, value, [...MARKINGS.map((m) => `${m}（${markingNames[m]}）`), policyText.defaultMarking]));
      }
      return [cls, value];
    }),
  );
  await call(ctx, s, handlers['output.marking.set'], { changes }, markingLines);
}

export const policyCommand = groupCommand(
  'policy',
  policyText.summary,
  [
    { name: 'show', usage: 'show', summary: policyText.showSummary, run: async (ctx, s) => void (await call(ctx, s, handlers['policy.get'], {}, policyLines)) },
    {
      name: 'set',
      usage: policyText.setUsage,
      summary: policyText.setSummary,
      run: async (ctx, s, args) => {
        const changes = Object.fromEntries(pairs(args).map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : Number.isNaN(Number(v)) ? v : Number(v)]));
        await call(ctx, s, handlers['policy.set'], { changes }, policyLines);
      },
    },
    { name: 'output', usage: policyText.outputUsage, summary: policyText.outputSummary, run: output },
    { name: 'marking', usage: policyText.markingUsage, summary: policyText.markingSummary, run: marking },
  ],
  {},
  policyText.markingHelp(DOCUMENT_CLASSES.map((c) => [c, documentClassNames[c]] as const), MARKINGS.map((m) => [m, markingNames[m]] as const)),
);
