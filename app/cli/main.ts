/**
 * `qbank`: the command line of the workstation. Thin: it parses arguments, calls services and
 * prints. Every error ends as one line on stderr and a non-zero exit code (2 for wrong usage,
 * 1 otherwise); `--debug` adds the stack trace.
 */
import { documentsCommand } from './commands/documents.js';
import { assembleCommand, papersCommand } from './commands/assembly.js';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type Command, type OptionSpec } from './command.js';
import { extendGroup } from './group.js';
import { accessCommand } from './commands/access.js';
import { accountsCommand } from './commands/accounts.js';
import { auditCommand } from './commands/audit.js';
import { auditListOptions, auditListSubcommands } from './commands/audit-list.js';
import { banksCommand } from './commands/banks.js';
import { elementFileOptions, elementFileSubcommands } from './commands/element-files.js';
import { elementsCommand, templateCommand } from './commands/elements.js';
import { imagesCommand } from './commands/images.js';
import { itemFileOptions, itemFileSubcommands } from './commands/items-files.js';
import { importCommand } from './commands/import.js';
import { coverageCommand, lintCommand } from './commands/quality.js';
import { duplicatesCommand, searchCommand } from './commands/search.js';
import { demoCommand } from './commands/demo.js';
import { destructionCommand } from './commands/destruction.js';
import { resultsCommand } from './commands/results.js';
import { qtiCommand } from './commands/qti.js';
import { conformanceCommand } from './commands/conformance.js';
import { initCommand } from './commands/init.js';
import { itemsCommand } from './commands/items.js';
import { occupationsCommand } from './commands/occupations.js';
import { certsCommand } from './commands/certs.js';
import { reviewCommand } from './commands/review.js';
import { reviewSignoffOptions, reviewSignoffSubcommands } from './commands/review-signoff.js';
import { submissionsCommand } from './commands/submissions.js';
import { verifySignaturesCommand } from './commands/verify-signatures.js';
import { discCommand } from './commands/disc.js';
import { openPackageCommand } from './commands/open-package.js';
import { airgapCommand, backupCommand, restoreCommand, transferCommand } from './commands/backup.js';
import { overviewCommand } from './commands/overview.js';
import { peopleCommand } from './commands/people.js';
import { policyCommand } from './commands/policy.js';
import { passwdCommand, rekeyCommand, whoamiCommand } from './commands/session.js';
import { processIO, type CliIO } from './io.js';
import { programText } from './messages/program.js';

export const COMMANDS: readonly Command[] = [
  initCommand,
  passwdCommand,
  whoamiCommand,
  accountsCommand,
  peopleCommand,
  accessCommand,
  policyCommand,
  // `audit list` lives in a file of its own (audit-list.ts).
  extendGroup(auditCommand, auditListSubcommands, auditListOptions),
  rekeyCommand,
  overviewCommand,
  banksCommand,
  // `items export` and `elements set` live in files of their own (items-files.ts, element-files.ts).
  extendGroup(itemsCommand, itemFileSubcommands, itemFileOptions),
  imagesCommand,
  importCommand,
  searchCommand,
  duplicatesCommand,
  lintCommand,
  coverageCommand,
  assembleCommand,
  papersCommand,
  resultsCommand,
  qtiCommand,
  documentsCommand,
  // The internal review: `review` with its sign-off sub-commands in a file of their own (review-signoff.ts).
  extendGroup(reviewCommand, reviewSignoffSubcommands, reviewSignoffOptions),
  certsCommand,
  submissionsCommand,
  destructionCommand,
  conformanceCommand,
  verifySignaturesCommand,
  // Discs: export, the receiving side, backup and restore, the air-gap check.
  discCommand,
  openPackageCommand,
  backupCommand,
  restoreCommand,
  airgapCommand,
  transferCommand,
  extendGroup(elementsCommand, elementFileSubcommands, elementFileOptions),
  templateCommand,
  occupationsCommand,
  demoCommand,
];

const GLOBAL_OPTIONS: OptionSpec = {
  db: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
};

export const VERSION = '0.1.0';

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [programText.programSummary, '', programText.usage, '', programText.commandsTitle, ...lines, '', programText.globalOptions, ''].join('\n');
}

/** Index in `argv` of the first argument that is neither an option nor an option's value, given these options. */
function firstPositional(argv: readonly string[], options: OptionSpec): number {
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  return tokens.find((t) => t.kind === 'positional')?.index ?? -1;
}

/** Every option any command takes, string-valued when one command takes a value for it. */
function allOptions(): OptionSpec {
  const all: OptionSpec = { ...GLOBAL_OPTIONS };
  for (const c of COMMANDS) {
    for (const [key, spec] of Object.entries(c.options)) if (all[key]?.type !== 'string') all[key] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}) };
  }
  return all;
}

/** `argv` without the command name, parsed with the command's options (throws on a bad option). */
function parseCommandLine(argv: readonly string[], command: Command, index: number) {
  const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
  return parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, strict: true, allowPositionals: true });
}

/**
 * The command and where it stands. Options may come before or after it — global ones (`--db`,
 * `--debug`) and the command's own (`qbank --user wang banks list`) — so the command is one whose name
 * is the first positional argument once its own options and their values are set aside; when several
 * could be (`--name demo people add`), the one whose options the whole line fits.
 */
function findCommand(argv: readonly string[]): { command: Command | undefined; name: string | undefined; index: number } {
  const candidates = COMMANDS.flatMap((command) => {
    const index = firstPositional(argv, { ...GLOBAL_OPTIONS, ...command.options });
    return index >= 0 && argv[index] === command.name ? [{ command, name: command.name, index }] : [];
  });
  const fits = (c: (typeof candidates)[number]) => {
    try {
      parseCommandLine(argv, c.command, c.index);
      return true;
    } catch {
      return false;
    }
  };
  const found = candidates.find(fits) ?? candidates[0];
  if (found) return found;
  const index = firstPositional(argv, allOptions());
  return { command: undefined, name: index >= 0 ? argv[index] : undefined, index };
}

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const { command, name, index } = findCommand(argv);
    if (name === undefined) {
      const parsed = parseArgs({ args: [...argv], options: GLOBAL_OPTIONS, strict: true, allowPositionals: false });
      if (parsed.values.version === true) {
        io.out(`qbank ${VERSION}\n`);
        return 0;
      }
      io.out(globalHelp());
      if (parsed.values.help === true) return 0;
      io.err(`qbank: ${programText.noCommand}\n`);
      return 2;
    }
    if (!command) throw new UsageError(programText.unknownCommandLine(name));
    const parsed = parseCommandLine(argv, command, index);
    if (parsed.values.help === true) {
      io.out(`${command.summary}\n\n${command.help}\n\n${programText.globalOptions}\n`);
      return 0;
    }
    const dbOption = parsed.values.db;
    const dbFile = resolve(io.cwd, typeof dbOption === 'string' ? dbOption : (io.env.QBANK_DB ?? 'qbank.db'));
    return await command.run({ io, dbFile, values: parsed.values, positionals: parsed.positionals });
  } catch (e) {
    return reportError(e, io, debug);
  }
}

function reportError(e: unknown, io: CliIO, debug: boolean): number {
  const error = e instanceof Error ? e : new Error(String(e));
  const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
  const message = isUsage && !(error instanceof UsageError) ? programText.usageError(error.message) : error.message;
  io.err(`qbank: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  if (debug && error.stack) io.err(`${error.stack}\n`);
  return isUsage ? 2 : 1;
}
