/**
 * Runs a reader's cases in a child process, one at a time, so that what a case does to the process
 * cannot pass unnoticed or take the test run down with it:
 *
 * - Time: each case has CASE_TIMEOUT_MS. A synchronous hang (a regular expression that backtracks, a
 *   loop that never ends) cannot be interrupted inside the process that runs it, so the parent keeps
 *   the clock: past the limit it kills the child (SIGKILL), records a hang and starts a new child.
 * - Memory: the child's V8 heap is capped (`--max-old-space-size`); a case that exhausts it aborts the
 *   child, which the parent records as out of memory. After each case the child reports its resident
 *   set; above RSS_LIMIT_MB (buffers outside the heap included) the case is recorded as a memory failure
 *   and the child is replaced.
 * - Crashes: the child judges the verdict (verdict.ts); an error escaping the reader asynchronously,
 *   or the child dying for any other reason, is a crash of the case in flight.
 *
 * Why a child process and not a worker thread: a fatal error (V8 out of memory, a library that aborts or
 * calls process.exit) ends the whole process, a worker's too, and the resident set is only known per
 * process. The readers are TypeScript: the child runs the current source through module hooks
 * (ts-loader.mjs) that compile it on load — not dist/, which may be older than the source.
 * One child serves a test file's readers (each reader's modules load before its first case is timed);
 * a new one is started only after a hang, an out-of-memory or an escaped error.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FromChild, ToChild } from './child.js';
import type { Setup, TargetName } from './targets.js';
import type { FuzzInput, VerdictKind } from './verdict.js';

/** Per case: far above what any seed-sized input takes (tens of milliseconds), far below a hang. */
export const CASE_TIMEOUT_MS = 5000;
/** The child's V8 heap. */
export const HEAP_MB = 512;
/** The child's resident set after a case. */
export const RSS_LIMIT_MB = 1536;
/** Loading the reader's modules in a fresh child (compiled by ts-loader.mjs on first use, then cached). */
const START_TIMEOUT_MS = 180_000;

export type OutcomeKind = VerdictKind | 'hang' | 'memory';
export interface Outcome {
  readonly kind: OutcomeKind;
  readonly detail: string;
  readonly ms: number;
}

export const isFailure = (kind: OutcomeKind): boolean => kind === 'crash' || kind === 'hang' || kind === 'memory';

const HERE = import.meta.dirname;
const LOADER = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(join(HERE, 'ts-loader.mjs')).href)});`)}`;

interface Live {
  readonly child: ChildProcess;
  readonly loaded: Set<TargetName>;
  stderr: string;
  /** Set while a case (or a load) waits for the child's answer. */
  waiting?: (message: Answer) => void;
}

type Answer = FromChild | { readonly type: 'exit'; readonly code: number | null; readonly signal: NodeJS.Signals | null } | { readonly type: 'timeout' };

/**
 * The child of one test file, shared by its readers (each loaded on first use). `close()` it after the
 * file's tests (afterAll): it kills the child and removes its scratch folder.
 */
export interface ChildLimits {
  readonly caseTimeoutMs: number;
  readonly heapMb: number;
  readonly rssLimitMb: number;
}

export class FuzzChild {
  private live: Live | undefined;
  /** Errors that escaped after their case had answered (an async failure of a stream, a timer). */
  private readonly late: { id: number; detail: string }[] = [];
  /** The scratch folder of the targets that write files (under the OS temp folder). */
  readonly tmpDir = mkdtempSync(join(tmpdir(), 'qbank-fuzz-'));
  /** Children started (1 + restarts). */
  starts = 0;

  /** The limits (lowered only by the self-test of isolation.test.ts). */
  constructor(readonly limits: ChildLimits = { caseTimeoutMs: CASE_TIMEOUT_MS, heapMb: HEAP_MB, rssLimitMb: RSS_LIMIT_MB }) {}

  private start(): Live {
    const child = fork(join(HERE, 'child.ts'), [], {
      execArgv: ['--import', LOADER, `--max-old-space-size=${this.limits.heapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.starts += 1;
    const live: Live = { child, loaded: new Set(), stderr: '' };
    child.stderr?.on('data', (chunk: Buffer) => {
      live.stderr = (live.stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.on('message', (message: FromChild) => {
      if (live.waiting) live.waiting(message);
      else if (message.type === 'escaped') this.late.push({ id: message.id ?? -1, detail: message.detail });
    });
    child.on('exit', (code, signal) => {
      if (this.live === live) this.live = undefined;
      live.waiting?.({ type: 'exit', code, signal });
    });
    this.live = live;
    return live;
  }

  /** A child with the target loaded (its modules imported before any case is timed). */
  private async ready(target: TargetName, setup: Setup): Promise<Live> {
    const live = this.live ?? this.start();
    if (live.loaded.has(target)) return live;
    const answer = await this.exchange(live, { type: 'load', target, setup: { ...setup, tmpDir: this.tmpDir } }, START_TIMEOUT_MS);
    if (answer.type !== 'ready') {
      this.kill(live);
      throw new Error(`fuzz child could not load ${target}: ${JSON.stringify(answer)}\n${live.stderr}`);
    }
    live.loaded.add(target);
    return live;
  }

  /** Sends one message and waits for the answer, the child's exit or the time limit. */
  private exchange(live: Live, message: ToChild, timeoutMs: number): Promise<Answer> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        live.waiting = undefined;
        resolve({ type: 'timeout' });
      }, timeoutMs);
      live.waiting = (answer) => {
        // an escaped error is followed by the child's exit: the first word counts
        clearTimeout(timer);
        live.waiting = undefined;
        resolve(answer);
      };
      live.child.send(message);
    });
  }

  /** Judges case `id` of `target`; never throws for what the case does (only when no child can start). */
  async run(target: TargetName, setup: Setup, id: number, input: FuzzInput): Promise<Outcome> {
    const live = await this.ready(target, setup);
    const started = performance.now();
    const { caseTimeoutMs, heapMb, rssLimitMb } = this.limits;
    const answer = await this.exchange(live, { type: 'case', target, id, input }, caseTimeoutMs);
    const ms = performance.now() - started;
    const end = (kind: OutcomeKind, detail: string): Outcome => {
      this.kill(live);
      return { kind, detail, ms };
    };
    switch (answer.type) {
      case 'result': {
        const rssMb = answer.rss / 1024 / 1024;
        if (rssMb > rssLimitMb) return end('memory', `resident set ${Math.round(rssMb)} MB after the case (limit ${rssLimitMb} MB); verdict was ${answer.verdict.kind}`);
        return { kind: answer.verdict.kind, detail: answer.verdict.detail, ms: answer.ms };
      }
      case 'timeout':
        return end('hang', `no verdict within ${caseTimeoutMs} ms: child killed`);
      case 'escaped':
        return end('crash', `error escaped the reader: ${answer.detail}`);
      case 'exit': {
        const oom = /heap out of memory|Allocation failed/i.test(live.stderr);
        const how = `child exited (code ${String(answer.code)}, signal ${String(answer.signal)})`;
        return end(oom ? 'memory' : 'crash', `${how}${oom ? `: V8 heap over ${heapMb} MB` : ''}\n${live.stderr.slice(-800)}`);
      }
      default:
        return end('crash', `unexpected answer ${JSON.stringify(answer)}`);
    }
  }

  /** The escaped errors reported after their case's verdict, by case id; emptied. */
  drainLate(): { id: number; detail: string }[] {
    return this.late.splice(0);
  }

  private kill(live: Live): void {
    if (this.live === live) this.live = undefined;
    live.child.kill('SIGKILL');
  }

  close(): void {
    if (this.live) this.kill(this.live);
    rmSync(this.tmpDir, { recursive: true, force: true });
  }
}
