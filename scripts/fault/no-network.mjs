#!/usr/bin/env node
// No-network proof (issue [I] 5): runs a command under `strace -f -e trace=socket,connect` and fails when
// any process of it opened a socket of a network family or connected anywhere but a local (unix or
// netlink) socket. Usage: node scripts/fault/no-network.mjs [--log file] -- <command> [args…]
// Prints the socket calls seen by family; records the result for scripts/fault/report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseStrace } from './strace.mjs';

const args = process.argv.slice(2);
const sep = args.indexOf('--');
if (sep < 0 || sep === args.length - 1) {
  console.error('usage: node scripts/fault/no-network.mjs [--log file] -- <command> [args…]');
  process.exit(2);
}
const logAt = args.indexOf('--log');
const log = logAt >= 0 && logAt < sep ? args[logAt + 1] : join(process.env.TMPDIR ?? '/tmp', `qbank-strace-${process.pid}.log`);
const command = args.slice(sep + 1);
const run = spawnSync('strace', ['-f', '-qq', '-e', 'trace=socket,connect', '-o', log, ...command], { stdio: 'inherit' });
if (run.error) {
  console.error(`strace could not run: ${run.error.message} (apt-get install strace)`);
  process.exit(2);
}
const result = analyseStrace(readFileSync(log, 'utf8'));
console.log(`socket calls by family: ${Object.entries(result.families).map(([f, n]) => `${f} ${n}`).join(', ') || 'none'}; connect calls: ${result.connects}`);
const root = join(import.meta.dirname, '..', '..');
const dir = process.env.QBANK_FAULT_RESULTS ?? join(root, 'fault-results');
mkdirSync(dir, { recursive: true });
const name = command.map((a) => a.split('/').pop()).join(' ').slice(0, 60);
writeFileSync(
  join(dir, 'network-demo.json'),
  `${JSON.stringify({ suite: 'network', operation: 'demo', trials: 1, failures: result.offending.length > 0 ? 1 : 0, details: result.offending.slice(0, 20), note: `${name}: ${Object.entries(result.families).map(([f, n]) => `${f} ${n}`).join(', ')}`, mode: 'full', at: new Date().toISOString() }, null, 2)}\n`,
);
if (run.status !== 0) {
  console.error(`the command failed (exit ${run.status ?? run.signal})`);
  process.exit(1);
}
if (result.offending.length > 0) {
  console.error(`NETWORK USE FOUND (${result.offending.length}):\n${result.offending.slice(0, 20).join('\n')}`);
  process.exit(1);
}
console.log('no network socket was opened and nothing connected outside this machine');
