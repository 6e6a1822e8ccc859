/** A command with sub-commands (`qbank accounts grant …`), each run inside a login session. */
import type { ServiceContext } from '../services/context.js';
import { invoke, type Handler } from '../services/handler.js';
import { AUTH_OPTIONS, withSession } from './auth.js';
import { UsageError, type Command, type CommandContext, type OptionSpec } from './command.js';
import { authText } from './messages/auth.js';
import { usageText } from './messages/usage.js';

export interface SubCommand {
  readonly name: string;
  /** Usage after `qbank <group> `; several forms one per line (the summary goes with the first). */
  readonly usage: string;
  readonly summary: string;
  /** Resolves to the exit code (0 when nothing is returned). */
  run(ctx: CommandContext, session: ServiceContext, args: readonly string[]): Promise<number | void>;
}

/** A command with sub-commands; what it was made of, so that another file can add sub-commands (`extendGroup`). */
export interface GroupCommand extends Command {
  readonly subs: readonly SubCommand[];
  /** The group's own options (without the login options every group has). */
  readonly groupOptions: OptionSpec;
  /** Text after the list of sub-commands in the help. */
  readonly notes: string;
}

/** `  qbank <group> <usage>  <summary>` for every form of every sub-command, aligned. */
function subcommandLines(name: string, subs: readonly SubCommand[]): string[] {
  const forms = subs.flatMap((s) => s.usage.split('\n').map((usage, i) => ({ usage, summary: i === 0 ? s.summary : '' })));
  const width = Math.max(...forms.map((f) => f.usage.length));
  return forms.map((f) => `  qbank ${name} ${f.usage.padEnd(width)}  ${f.summary}`.trimEnd());
}

/** The help of a group: the usage line, its sub-commands, then the notes and the login options. */
function groupHelp(name: string, subs: readonly SubCommand[], notes: string): string {
  return [usageText.groupUsage(name), '', ...subcommandLines(name, subs), '', ...(notes === '' ? [] : [notes, '']), AUTH_HELP].join('\n');
}

export function groupCommand(name: string, summary: string, subs: readonly SubCommand[], options: OptionSpec = {}, notes = ''): GroupCommand {
  return {
    name,
    summary,
    subs,
    groupOptions: options,
    notes,
    help: groupHelp(name, subs, notes),
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

/**
 * The group with more sub-commands (and their options) defined in another file: the same group, one
 * help, one dispatch. The group's help keeps whatever its file added to it; the list of sub-commands is
 * written again with the new ones, aligned. A sub-command of the same name as an existing one, or an
 * option of the same name and another type, is a programming error (the CLI tests load every command).
 */
export function extendGroup(group: GroupCommand, subs: readonly SubCommand[], options: OptionSpec = {}, notes = ''): GroupCommand {
  for (const s of subs) if (group.subs.some((x) => x.name === s.name)) throw new Error(`qbank ${group.name} ${s.name} defined twice`);
  for (const [key, spec] of Object.entries(options)) {
    const existing = group.groupOptions[key];
    if (existing !== undefined && existing.type !== spec.type) throw new Error(`qbank ${group.name} --${key} defined twice with different types`);
  }
  const all = [...group.subs, ...subs];
  const extended = groupCommand(group.name, group.summary, all, { ...options, ...group.groupOptions }, [group.notes, notes].filter((n) => n !== '').join('\n\n'));
  // The help as the group's file made it, with the longer list of sub-commands (and the new notes before the login options).
  const lines = group.help.split('\n');
  const end = lines.indexOf('', 2);
  const listed = [...lines.slice(0, 2), ...subcommandLines(group.name, all), ...(end < 0 ? [] : lines.slice(end))].join('\n');
  return { ...extended, help: notes === '' ? listed : listed.replace(AUTH_HELP, `${notes}\n\n${AUTH_HELP}`) };
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
