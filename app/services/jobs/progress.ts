/**
 * What a long-running use case (import, assembly, documents) calls between its steps: it reports
 * how far it is and gives a running job the chance to be cancelled. Outside a job both cost nothing.
 * A cancel throws CancelledError at the next checkpoint; `invoke` then rolls the call's transaction
 * back (and the output writer removes files it had written), so a cancelled job leaves no partial state.
 */
import type { ServiceContext } from '../context.js';
import { CancelledError } from '../errors.js';
import { jobMessages } from './messages.js';

export function reportProgress(ctx: ServiceContext, done: number, total: number, label: string): void {
  ctx.job?.report({ done, total, label });
}

/** Yields to the event loop (so a cancel and progress polls get through) and throws if cancelled. */
export async function checkpoint(ctx: ServiceContext, summary: string): Promise<void> {
  const job = ctx.job;
  if (!job) return;
  if (job.signal.aborted) throw new CancelledError(jobMessages.cancelled(summary));
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (job.signal.aborted) throw new CancelledError(jobMessages.cancelled(summary));
}
