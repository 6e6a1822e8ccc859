/** A command with sub-commands (`qbank accounts grant …`), each run inside a login session. */
import type { ServiceContext } from '../services/context.js';
import { invoke, type Handler } from '../services/handler.js';
import { AUTH_OPTIONS, withSession } from './auth.js';
import { UsageError, type Command, type CommandContext, type OptionSpec } from './command.js';
import { authText } from './messages/auth.js';
import { usageText } from './messages/usage.js';

export interface SubCommand {
  readonly name: string;
  /** Usage line after `qbank <group> `. */
  readonly usage: string;
  readonly summary: string;
  /** Resolves to the exit code (0 when nothing is returned). */
  run(ctx: CommandContext, session: ServiceContext, args: readonly string[]): Promise<number | void>;
}

export function groupCommand(name: string, summary: string, subs: readonly SubCommand[], options: OptionSpec = {}): Command {
  const width = Math.max(...subs.map((s) => s.usage.length));
  return {
    name,
    summary,
    help: [usageText.groupUsage(name), '', ...subs.map((s) => `  qbank ${name} ${s.usage.padEnd(width)}  ${s.summary}`), '', AUTH_HELP].join('\n'),
    options: { ...AUTH_OPTIONS, json: { type: 'boolean' }, ...options },
    async run(ctx) {
      const [subName, ...args] = ctx.positionals;
      const sub = subs.find((s) => s.name === subName);
      if (!sub) {
        const problem = subName === undefined ? usageText.missingSubcommand : usageText.unknownSubcommand(subName);
        throw new UsageError(usageText.availableSubcommands(problem, subs.map((s) => s.name)));
      }
      return (await withSession(ctx, (session) => sub.run(ctx, session, args))) ?? 0;
    },
  };
}

export const AUTH_HELP = authText.loginHelp;

/** Calls a handler and prints its result: JSON with --json, else `lines(result)`. */
export async function call<O>(
  ctx: CommandContext,
  session: ServiceContext,
  handler: Handler<never, O> | Handler,
  input: unknown,
  lines: (out: O) => readonly string[],
): Promise<O> {
  const out = (await invoke(session, handler as Handler, input)) as O;
  ctx.io.out(ctx.values.json === true ? `${JSON.stringify(out, null, 2)}\n` : lines(out).map((l) => `${l}\n`).join(''));
  return out;
}

export function arg(args: readonly string[], index: number, name: string): string {
  const v = args[index];
  if (v === undefined || v === '') throw new UsageError(usageText.missingArgument(name));
  return v;
}

export function intArg(args: readonly string[], index: number, name: string): number {
  const v = arg(args, index, name);
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(usageText.positiveIntegerArgument(name, v));
  return n;
}

/** A group with a single sub-command `run`. */
export const single = (name: string, summary: string, usage: string, sub: SubCommand['run'], options: OptionSpec = {}) =>
  groupCommand(name, summary, [{ name: 'run', usage, summary, run: sub }], options);

/** Commands without sub-commands still use the session plumbing of groupCommand: `run` is implied. */
export function implied(command: Command): Command {
  return {
    ...command,
    help: command.help.replace(/ run /g, ' '),
    run: (ctx: CommandContext) => command.run({ ...ctx, positionals: ['run', ...ctx.positionals] }),
  };
}
