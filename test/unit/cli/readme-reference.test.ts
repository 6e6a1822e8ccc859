/**
 * The README's CLI reference names every command and every subcommand the program has, and nothing
 * the program does not have: compared with `qbank --help` and each command's own help.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../../app/cli/main.js';
import type { CliIO } from '../../../app/cli/io.js';

const README = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
/** The fenced block under `## CLI reference`. */
const reference = /## CLI reference\s+```\n([\s\S]*?)```/u.exec(README)?.[1] ?? '';

/** The reference's text per command: its `qbank <name>` line and the indented lines after it. */
function sections(): Map<string, string> {
  const out = new Map<string, string>();
  let current = '';
  for (const line of reference.split('\n')) {
    const m = /^qbank ([a-z-]+)/u.exec(line);
    if (m?.[1] && !line.startsWith('qbank [')) current = m[1];
    else if (!/^\s/u.test(line)) current = '';
    if (current !== '') out.set(current, `${out.get(current) ?? ''}${line}\n`);
  }
  return out;
}

async function help(args: string[]): Promise<string> {
  let out = '';
  const io: CliIO = { out: (t) => void (out += t), err: () => undefined, env: {}, cwd: process.cwd() };
  await main(args, io);
  return out;
}

describe('the README CLI reference', () => {
  it('lists exactly the commands of the program', () => {
    expect(reference.length).toBeGreaterThan(1000);
    expect([...sections().keys()].sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });

  it('names every subcommand each command lists in its help', async () => {
    const byCommand = sections();
    for (const c of COMMANDS) {
      const text = await help([c.name, '--help']);
      const subs = [...text.matchAll(new RegExp(`^\\s*qbank ${c.name} ([a-z][a-z-]*)(?:\\s|$)`, 'gmu'))].map((m) => m[1] ?? '');
      for (const sub of new Set(subs)) expect(byCommand.get(c.name), `qbank ${c.name} ${sub}`).toMatch(new RegExp(`(^|[\\s|(])${sub}([\\s|<]|$)`, 'mu'));
    }
  });
});
