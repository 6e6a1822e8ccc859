/**
 * How the burn module runs the system's burning programs (xorriso, growisofs, PowerShell, hdiutil,
 * drutil): `spawn` with an argument list and no shell, so a path is never parsed by a shell. Tests pass
 * a recording fake of the same type.
 */
import { spawn } from 'node:child_process';

export interface RunOptions {
  /** Raw standard output chunk by chunk (a disc read back through xorriso); the result's `stdout` then stays empty. */
  readonly onStdout?: (chunk: Buffer) => void;
  /** Each line of standard error (and of standard output, when `onStdout` is absent) as it arrives: progress. */
  readonly onLine?: (line: string) => void;
  /** Ends the program (SIGTERM) after this many milliseconds. */
  readonly timeoutMs?: number;
}

export interface RunResult {
  /** Exit code; null when the program was ended by a signal. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cmd` with `args`; rejects only when the program cannot be started (`code: 'ENOENT'` when it is not installed). */
export type Runner = (cmd: string, args: readonly string[], opts?: RunOptions) => Promise<RunResult>;

/** Text kept of each stream: enough for status lines and error messages, bounded for long burns. */
const MAX_TEXT = 1024 * 1024;

/** The program was not found (not installed, or not on PATH). */
export function isMissingProgram(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ENOENT';
}

function lineSplitter(onLine: ((line: string) => void) | undefined): (text: string, end?: boolean) => void {
  let rest = '';
  return (text, end = false) => {
    if (onLine === undefined) return;
    const parts = (rest + text).split(/\r\n|\r|\n/);
    rest = end ? '' : (parts.pop() ?? '');
    for (const p of parts) if (p.trim() !== '') onLine(p);
  };
}

/** The real runner: child_process.spawn without a shell. */
export const systemRunner: Runner = (cmd, args, opts = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args], { shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const outLines = lineSplitter(opts.onStdout === undefined ? opts.onLine : undefined);
    const errLines = lineSplitter(opts.onLine);
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (opts.onStdout !== undefined) {
        opts.onStdout(chunk);
        return;
      }
      const text = chunk.toString('utf8');
      if (stdout.length < MAX_TEXT) stdout += text;
      outLines(text);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (stderr.length < MAX_TEXT) stderr += text;
      errLines(text);
    });
    child.on('error', (err) => {
      if (timer !== undefined) clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      if (timer !== undefined) clearTimeout(timer);
      outLines('', true);
      errLines('', true);
      resolve({ code, stdout, stderr });
    });
  });
