/** A command with sub-commands (`qbank accounts grant …`), each run inside a login session. */
import type { ServiceContext } from '../services/context.js';
import { invoke, type Handler } from '../services/handler.js';
import { AUTH_OPTIONS, withSession } from './auth.js';
import { UsageError, type Command, type CommandContext, type OptionSpec } from './command.js';

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
    help: [`用法: qbank ${name} <子命令> …`, '', ...subs.map((s) => `  qbank ${name} ${s.usage.padEnd(width)}  ${s.summary}`), '', AUTH_HELP].join('\n'),
    options: { ...AUTH_OPTIONS, json: { type: 'boolean' }, ...options },
    async run(ctx) {
      const [subName, ...args] = ctx.positionals;
      const sub = subs.find((s) => s.name === subName);
      if (!sub) throw new UsageError(`${subName === undefined ? '缺少子命令' : `未知子命令 ${subName}`}；可用：${subs.map((s) => s.name).join('、')}`);
      return (await withSession(ctx, (session) => sub.run(ctx, session, args))) ?? 0;
    },
  };
}

export const AUTH_HELP = [
  '登录与口令（不在命令行上写口令）:',
  '  --user <用户名>            或环境变量 QBANK_USER',
  '  --password-file <文件>     或 QBANK_PASSWORD_FILE / QBANK_PASSWORD',
  '  --passphrase-file <文件>   工作站口令，或 QBANK_PASSPHRASE_FILE / QBANK_PASSPHRASE',
  '  --key-file <文件>          工作站密钥文件（代替口令），或 QBANK_KEY_FILE',
  '  --json                     以 JSON 输出',
].join('\n');

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
  if (v === undefined || v === '') throw new UsageError(`缺少参数 <${name}>`);
  return v;
}

export function intArg(args: readonly string[], index: number, name: string): number {
  const v = arg(args, index, name);
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`<${name}> 必须是正整数，收到 ${v}`);
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
