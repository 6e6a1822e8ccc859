/**
 * SHA-256 of a stream of batches, computed either inline or — for large outputs — in a worker thread,
 * so hashing runs beside the main thread's work (encryption, copying, I/O) instead of after it. The
 * worker reads the batches in place: they live in SharedArrayBuffers and are never changed before the
 * worker has acknowledged them. Messages arrive in order, so the digest is that of the bytes in order.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export interface Hasher {
  /** Resolves once the bytes have been hashed (the batch may then be reused). */
  update(bytes: Buffer): Promise<void>;
  digest(): Promise<string>;
  /** Batches handed over and not yet hashed. */
  readonly pending: number;
  close(): void;
}

export function inlineHasher(): Hasher {
  const h = createHash('sha256');
  return {
    update: (bytes) => {
      h.update(bytes);
      return Promise.resolve();
    },
    digest: () => Promise.resolve(h.digest('hex')),
    pending: 0,
    close: () => undefined,
  };
}

// CommonJS, run by the worker: hash each view (in the shared memory) and acknowledge it
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const hash = require('node:crypto').createHash('sha256');
parentPort.on('message', (view) => {
  if (view === null) parentPort.postMessage({ digest: hash.digest('hex') });
  else {
    hash.update(view);
    parentPort.postMessage({ done: true });
  }
});
`;

/** A worker-thread hasher; the views passed to `update` must be on SharedArrayBuffers. */
export function workerHasher(): Hasher {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  const waiting: { resolve: (v: string | undefined) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    for (const w of waiting.splice(0)) w.reject(e);
  };
  worker.on('message', (msg: { done?: true; digest?: string }) => waiting.shift()?.resolve(msg.digest));
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('SHA-256 worker exited')));
  const ask = (msg: Uint8Array | null) =>
    new Promise<string | undefined>((resolve, reject) => {
      if (failure !== null) return reject(failure);
      waiting.push({ resolve, reject });
      worker.postMessage(msg);
    });
  return {
    update: async (bytes) => {
      await ask(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    },
    digest: async () => (await ask(null)) as string,
    get pending() {
      return waiting.length;
    },
    close: () => {
      worker.removeAllListeners('exit');
      void worker.terminate();
    },
  };
}
