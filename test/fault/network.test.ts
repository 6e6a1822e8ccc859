/**
 * The no-network proof's checker (issue [I] 5): scripts/fault/no-network.mjs runs a command under
 * strace and fails on any socket of a network family or any connect outside the machine. CI runs the
 * whole demo under it (.ci/run); here it must catch a loopback connection and pass a quiet program.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'fault', 'no-network.mjs');
const STRACE = spawnSync('strace', ['-V'], { encoding: 'utf8' }).status === 0;
const results = mkdtempSync(join(tmpdir(), 'qbank-network-'));
afterAll(() => rmSync(results, { recursive: true, force: true }));

function proof(code: string) {
  return spawnSync(process.execPath, [SCRIPT, '--log', join(results, 'strace.log'), '--', process.execPath, '-e', code], {
    encoding: 'utf8',
    env: { ...process.env, QBANK_FAULT_RESULTS: results },
    timeout: 60_000,
  });
}

describe.skipIf(!STRACE)('no-network proof (strace; apt-get install strace)', () => {
  it('finds an inet socket and a connect, even to the loopback address, and names them', () => {
    const r = proof("require('net').connect(9, '127.0.0.1').on('error', () => {})");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/NETWORK USE FOUND \(2\)/);
    expect(r.stderr).toMatch(/socket\(AF_INET, SOCK_STREAM/);
    expect(r.stderr).toMatch(/connect\(\d+, \{sa_family=AF_INET, sin_port=htons\(9\)/);
    const recorded = JSON.parse(readFileSync(join(results, 'network-demo.json'), 'utf8')) as { failures: number; details: string[] };
    expect(recorded.failures).toBe(1);
  });

  it('passes a program that reads files, starts a child and a worker thread, but opens no network socket', () => {
    const r = proof("require('fs').readFileSync(process.execPath); require('child_process').execFileSync(process.execPath, ['-e', '1']); new (require('worker_threads').Worker)('1', { eval: true })");
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/no network socket was opened/);
  });

  it('fails when the command itself fails, and refuses to run without a command', () => {
    expect(proof('process.exit(3)').status).toBe(1);
    expect(spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' }).status).toBe(2);
  });
});
