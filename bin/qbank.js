#!/usr/bin/env node
// Entry point of the `qbank` command. The program is written in TypeScript and compiled to
// dist/ by `npm run build` (run automatically by `npm install` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/app/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('qbank: 程序尚未编译，请先运行 npm run build (the program is not built yet: run npm run build)\n');
  process.exit(70);
}
// Everything this process creates (database, WAL, outputs, folders) is the OS account's alone: the
// store sets 0600/0700 itself, this umask also covers every other file the command writes
// (issue 11 point 2).
process.umask(0o077);
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
