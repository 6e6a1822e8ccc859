/**
 * Every handler of the registry has a `qbank` command: the table app/cli/handler-commands.ts is checked
 * against the registry both ways, each command it lists against the command tree and the help the user
 * reads, and the command files against the table (they name the handler they call).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GroupCommand } from '../../../app/cli/group.js';
import { HANDLER_COMMANDS } from '../../../app/cli/handler-commands.js';
import type { CliIO } from '../../../app/cli/io.js';
import { COMMANDS, main } from '../../../app/cli/main.js';
import { handlers } from '../../../app/services/registry.js';

const CLI_DIR = join(import.meta.dirname, '..', '..', '..', 'app', 'cli');

async function help(args: string[]): Promise<string> {
  let out = '';
  const io: CliIO = { out: (t) => void (out += t), err: () => undefined, env: {}, cwd: CLI_DIR };
  expect(await main(args, io)).toBe(0);
  return out;
}

/** The source of every file of the CLI but the table itself. */
function cliSources(dir = CLI_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return cliSources(path);
    return e.name.endsWith('.ts') && e.name !== 'handler-commands.ts' ? [readFileSync(path, 'utf8')] : [];
  });
}

const isGroup = (c: unknown): c is GroupCommand => Array.isArray((c as { subs?: unknown }).subs);

describe('a qbank command for every handler', () => {
  it('the table lists every handler of the registry and only those', () => {
    const registered = Object.keys(handlers);
    expect(registered.filter((name) => !(name in HANDLER_COMMANDS)), 'handlers without a command').toEqual([]);
    expect(Object.keys(HANDLER_COMMANDS).filter((name) => !(name in handlers)), 'commands for handlers not in the registry').toEqual([]);
  });

  it('each command is in qbank --help, in the command tree, in its group’s help, with the options it names', async () => {
    const global = await help(['--help']);
    const problems: string[] = [];
    for (const [handler, commands] of Object.entries(HANDLER_COMMANDS)) {
      for (const command of commands) {
        const words = command.split(' ');
        const path = words.filter((w) => !w.startsWith('--'));
        const [name = '', sub] = path;
        const found = COMMANDS.find((c) => c.name === name);
        if (!found) {
          problems.push(`${handler}: qbank ${command}: no command ${name}`);
          continue;
        }
        if (!new RegExp(`^  ${name} +\\S`, 'm').test(global)) problems.push(`${handler}: qbank ${command}: ${name} not in qbank --help`);
        const own = await help([name, '--help']);
        if (sub !== undefined) {
          if (isGroup(found) && !found.subs.some((s) => s.name === sub)) problems.push(`${handler}: qbank ${command}: ${name} has no sub-command ${sub}`);
          if (!own.includes(`qbank ${path.join(' ')}`)) problems.push(`${handler}: qbank ${command}: not in qbank ${name} --help`);
        }
        for (const option of words.filter((w) => w.startsWith('--'))) {
          if (!(option.slice(2) in found.options)) problems.push(`${handler}: qbank ${command}: ${name} has no option ${option}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the files of the CLI name each handler they call', () => {
    const sources = cliSources().join('\n');
    expect(Object.keys(HANDLER_COMMANDS).filter((name) => !sources.includes(`'${name}'`))).toEqual([]);
  });
});
