/** A `qbank` sub-command: thin, parses its options, calls services, prints. */
import type { ParseArgsConfig } from 'node:util';
import type { CliIO } from './io.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  readonly io: CliIO;
  /** Database file from --db, QBANK_DB or the default. */
  readonly dbFile: string;
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Usage lines shown by `qbank <command> --help`. */
  readonly help: string;
  readonly options: OptionSpec;
  run(ctx: CommandContext): Promise<number>;
}

/** Raised for wrong arguments: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function intOption(ctx: CommandContext, name: string, fallback: number): number {
  const v = stringOption(ctx, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} 必须是正整数，收到 ${v}`);
  return n;
}
