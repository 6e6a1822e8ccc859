/** A `qbank` sub-command: thin, parses its options, calls services, prints. */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { CliIO } from './io.js';
import { usageText } from './messages/usage.js';

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
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(usageText.positiveIntegerOption(name, v));
  return n;
}

/** `--name 3,4 7`: positive integers separated by commas or spaces; undefined when the option is absent. */
export function idListOption(ctx: CommandContext, name: string): number[] | undefined {
  const v = stringOption(ctx, name);
  if (v === undefined) return undefined;
  return v.split(/[,，\s]+/).filter(Boolean).map((x) => {
    const n = Number(x);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(usageText.badIdList(name, x));
    return n;
  });
}

/** Reads a file named on the command line (relative to the working directory). */
export function readInput(ctx: CommandContext, path: string, maxBytes?: number): Uint8Array {
  try {
    // A bound is checked before the file is read, so a huge file never enters memory (issue 11).
    if (maxBytes !== undefined && statSync(resolve(ctx.io.cwd, path)).size > maxBytes) {
      throw new UsageError(usageText.fileTooLarge(path, String(Math.round(maxBytes / 1024 / 1024))));
    }
    return readFileSync(resolve(ctx.io.cwd, path));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(usageText.unreadableFile(path, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
}

/** Largest JSON file the CLI reads (notes, element tables): far above any real one. */
export const JSON_MAX_BYTES = 10 * 1024 * 1024;

/** A JSON file named on the command line, parsed; a file that is not JSON is a usage error naming it. */
export function readJsonFile(ctx: CommandContext, path: string): unknown {
  const bytes = readInput(ctx, path, JSON_MAX_BYTES);
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new UsageError(usageText.badJson(path, (e as Error).message));
  }
}

/** `--bank <题库编号>`, required. */
export function bankOption(ctx: CommandContext): number {
  const v = stringOption(ctx, 'bank');
  if (v === undefined) throw new UsageError(usageText.missingBank);
  return intOption(ctx, 'bank', 0);
}

/** `--out <目录>`, required, resolved against the working directory. */
export function outOption(ctx: CommandContext): string {
  const out = stringOption(ctx, 'out');
  if (!out) throw new UsageError(usageText.missingOut);
  return resolve(ctx.io.cwd, out);
}
