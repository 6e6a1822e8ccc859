/**
 * Runs long calls (import, assembly, documents) in the background of one session: each gets an id,
 * reports progress through `ctx.job` and can be cancelled. Shells poll `status(id)`; a finished job
 * is kept until its result has been read (at most KEEP_FINISHED of them).
 */
import { randomUUID } from 'node:crypto';
import type { JobProgress } from '../context.js';
import { ServiceError } from '../errors.js';
import { jobMessages } from './messages.js';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStatus {
  readonly id: string;
  readonly name: string;
  readonly state: JobState;
  readonly progress: JobProgress;
  readonly value?: unknown;
  readonly error?: { readonly name: string; readonly message: string };
}

interface Job {
  status: JobStatus;
  readonly abort: AbortController;
}

const KEEP_FINISHED = 20;

export class JobRunner {
  readonly #jobs = new Map<string, Job>();

  /** Starts `run` with a signal and a progress sink; returns the job id at once. */
  start(name: string, run: (control: { signal: AbortSignal; report(p: JobProgress): void }) => Promise<unknown>): string {
    const id = randomUUID();
    const abort = new AbortController();
    const job: Job = { abort, status: { id, name, state: 'running', progress: { done: 0, total: 0, label: '' } } };
    this.#jobs.set(id, job);
    const report = (progress: JobProgress) => {
      if (job.status.state === 'running') job.status = { ...job.status, progress };
    };
    void run({ signal: abort.signal, report }).then(
      (value) => {
        job.status = { ...job.status, state: 'done', value };
      },
      (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        const state: JobState = err.name === 'CancelledError' ? 'cancelled' : 'failed';
        job.status = { ...job.status, state, error: { name: err.name, message: err.message } };
      },
    );
    this.#prune();
    return id;
  }

  /** The job's state; a finished job is forgotten once read. */
  status(id: string): JobStatus {
    const job = this.#jobs.get(id);
    if (!job) throw new ServiceError(jobMessages.unknownJob(id));
    if (job.status.state !== 'running') this.#jobs.delete(id);
    return job.status;
  }

  cancel(id: string): void {
    const job = this.#jobs.get(id);
    if (!job) throw new ServiceError(jobMessages.unknownJob(id));
    job.abort.abort();
  }

  /** Cancels every running job (logout, lock, close) and waits for none of them. */
  cancelAll(): void {
    for (const job of this.#jobs.values()) job.abort.abort();
  }

  get running(): number {
    return [...this.#jobs.values()].filter((j) => j.status.state === 'running').length;
  }

  #prune(): void {
    const finished = [...this.#jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.#jobs.delete(id);
  }
}
