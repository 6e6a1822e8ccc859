/**
 * The crash suite's machinery. A base workstation is made once from the demo plus a little
 * preparation through the CLI; each trial copies it to a folder of its own, runs
 * one operation there through the real CLI in a child process (the built program in dist/), and either
 * kills it with SIGKILL after a seeded random delay or injects a failing fsync/rename (inject.mjs).
 * The checks of what is left run in this process against the trial's database (checks in ops.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSPHRASE } from '../../../app/demo/demo.js';
import { demoCopy } from '../../helpers/demo-fixture.js';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const QBANK = join(ROOT, 'bin', 'qbank.js');
const INJECT = join(import.meta.dirname, 'inject.mjs');

/** The built program the children run; the suite needs `npm run build` (run by `npm ci`). */
export const BUILT = existsSync(join(ROOT, 'dist', 'app', 'cli', 'main.js'));

export interface Base {
  /**
   * Holds `o/` (the demo's output: database, credentials, submission folder, backup) and `anchors/`.
   * Every trial runs here, on a fresh copy of the snapshot: the database records absolute paths (the
   * submission folder a signature goes to), which must stay the same.
   */
  readonly dir: string;
  /** The prepared state, copied back into `dir` before each trial. */
  readonly snapshot: string;
  readonly passwords: Readonly<Record<string, string>>;
}

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** Whether the run was killed (a SIGKILL trial whose child had not finished yet). */
  readonly killed: boolean;
}

/** The environment of a child acting as `user` on the workstation in `dir`. */
export function envFor(dir: string, passwords: Readonly<Record<string, string>>, user: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    QBANK_DB: join(dir, 'o', 'qbank.db'),
    QBANK_PASSPHRASE: DEMO_PASSPHRASE,
    QBANK_USER: user,
    QBANK_PASSWORD: passwords[user] ?? '',
    QBANK_ANCHOR_DIR: join(dir, 'anchors'),
  };
}

/** Runs the CLI to the end (setup steps); throws with its output when it fails. */
export function qbankSync(dir: string, passwords: Readonly<Record<string, string>>, user: string, args: readonly string[]): string {
  const r = spawnSync(process.execPath, [QBANK, ...args], { env: envFor(dir, passwords, user), encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`qbank ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Prepares the base for one operation (runs CLI commands on it). */
export type Prepare = (dir: string, passwords: Readonly<Record<string, string>>) => void;

/**
 * The base of one operation: a copy of the demo's workstation (the run shared by the tests,
 * test/helpers/demo-fixture.ts) and what the operation needs beside it (its `prepare`).
 */
export async function makeBase(dir: string, prepare?: Prepare): Promise<Base> {
  mkdirSync(dir, { recursive: true });
  const copy = await demoCopy(dir);
  const base = { dir, snapshot: `${dir}.snapshot`, passwords: copy.passwords };
  prepare?.(dir, base.passwords);
  rmSync(base.snapshot, { recursive: true, force: true });
  cpSync(dir, base.snapshot, { recursive: true });
  return base;
}

/** Puts the prepared state back in the base's folder for the next trial. */
export function resetBase(base: Base): void {
  rmSync(base.dir, { recursive: true, force: true });
  cpSync(base.snapshot, base.dir, { recursive: true });
}

export interface RunOptions {
  /** Kill with SIGKILL after this many milliseconds (when the child is still running). */
  readonly killAfterMs?: number;
  /** `fsync:3`, `rename:1`, or `fsync:0` to count the calls only. */
  readonly inject?: string;
  /** Receives the number of injectable calls seen (with `inject`). */
  readonly countFile?: string;
}

/** Runs one CLI command as a child on the base's workstation. */
export function runChild(base: Base, user: string, args: readonly string[], o: RunOptions = {}): Promise<Run> {
  const env = envFor(base.dir, base.passwords, user);
  if (o.inject) env.QBANK_FAULT_INJECT = o.inject;
  if (o.countFile) env.QBANK_FAULT_COUNT = o.countFile;
  const node = o.inject ? ['--import', INJECT] : [];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...node, QBANK, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer =
      o.killAfterMs === undefined
        ? setTimeout(() => child.kill('SIGKILL'), 300_000)
        : setTimeout(() => {
            killed = child.exitCode === null && child.kill('SIGKILL');
          }, o.killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, killed });
    });
  });
}
