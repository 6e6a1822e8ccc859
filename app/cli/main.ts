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
import { accessCommand } from './commands/access.js';
import { accountsCommand } from './commands/accounts.js';
import { auditCommand } from './commands/audit.js';
import { banksCommand } from './commands/banks.js';
import { elementsCommand, templateCommand } from './commands/elements.js';
import { importCommand } from './commands/import.js';
import { coverageCommand, lintCommand } from './commands/quality.js';
import { duplicatesCommand, searchCommand } from './commands/search.js';
import { demoCommand } from './commands/demo.js';
import { initCommand } from './commands/init.js';
import { itemsCommand } from './commands/items.js';
import { occupationsCommand } from './commands/occupations.js';
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
  auditCommand,
  rekeyCommand,
  banksCommand,
  itemsCommand,
  importCommand,
  searchCommand,
  duplicatesCommand,
  lintCommand,
  coverageCommand,
  assembleCommand,
  papersCommand,
  documentsCommand,
  elementsCommand,
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

/** The command name: the first argument that is neither an option nor an option's value. */
function findCommandName(argv: readonly string[]): { name: string | undefined; index: number } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--db') {
      i++;
      continue;
    }
    if (!a.startsWith('-')) return { name: a, index: i };
  }
  return { name: undefined, index: -1 };
}

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const { name, index } = findCommandName(argv);
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
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(programText.unknownCommandLine(name));
    const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
    const parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, strict: true, allowPositionals: true });
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
