/**
 * Long work (import, assembly, documents) as a background job: started through the desktop API,
 * polled for progress, cancellable. `runJob` resolves with the handler's value or rejects with its
 * Chinese message (a cancel rejects with the CancelledError message: nothing was saved).
 */
import type { DesktopApi } from './client.js';
import { desktop } from './client.js';

export type LongRunning = Parameters<DesktopApi['startJob']>[0] extends infer I ? (I extends { name: infer N } ? N : never) : never;

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

export interface JobHandle {
  readonly id: Promise<string>;
  cancel(): Promise<void>;
}

const POLL_MS = 120;

export function runJob(name: LongRunning, input: unknown, onProgress: (p: Progress) => void): { result: Promise<unknown>; handle: JobHandle } {
  const id = desktop.startJob({ name, input }).then((r) => r.id);
  const result = (async () => {
    const jobId = await id;
    for (;;) {
      const status = await desktop.job({ id: jobId });
      onProgress(status.progress);
      if (status.state === 'done') return status.value;
      if (status.state !== 'running') throw Object.assign(new Error(status.error?.message ?? ''), { name: status.error?.name ?? 'Error' });
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  return { result, handle: { id, cancel: async () => void (await desktop.cancelJob({ id: await id })) } };
}
