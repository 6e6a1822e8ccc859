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

// CommonJS, run by the worker: hash each view (in the shared memory) and acknowledge it. A shared
// buffer is sent once, with a number; later batches in it are named by that number, offset and length
// (posting a SharedArrayBuffer costs far more than posting three numbers).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const hash = require('node:crypto').createHash('sha256');
const buffers = [];
parentPort.on('message', (msg) => {
  if (msg === null) return parentPort.postMessage({ digest: hash.digest('hex') });
  if (msg.buffer) buffers[msg.id] = msg.buffer;
  hash.update(new Uint8Array(buffers[msg.id], msg.offset, msg.length));
  parentPort.postMessage({ done: true });
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
  const ids = new Map<ArrayBufferLike, number>();
  const ask = (msg: { id: number; buffer?: ArrayBufferLike; offset: number; length: number } | null) =>
    new Promise<string | undefined>((resolve, reject) => {
      if (failure !== null) return reject(failure);
      waiting.push({ resolve, reject });
      worker.postMessage(msg);
    });
  return {
    update: async (bytes) => {
      const known = ids.get(bytes.buffer);
      const id = known ?? ids.size;
      if (known === undefined) ids.set(bytes.buffer, id);
      await ask({ id, ...(known === undefined ? { buffer: bytes.buffer } : {}), offset: bytes.byteOffset, length: bytes.length });
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

// CommonJS, run by a worker of its own: the SHA-256 and length of one file, read in 1 MiB pieces
const FILE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const hash = require('node:crypto').createHash('sha256');
const fd = openSync(workerData, 'r');
const buf = Buffer.allocUnsafe(1 << 20);
let bytes = 0;
try {
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; bytes += n) hash.update(buf.subarray(0, n));
} finally {
  closeSync(fd);
}
parentPort.postMessage({ sha256: hash.digest('hex'), bytes });
`;

/**
 * The SHA-256 (hex) and length of a file, computed in a worker thread — beside other work on the same
 * file, such as the read-back verification of a disc image. Rejects with the file system's error.
 */
export function hashFileInWorker(path: string): Promise<{ sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(FILE_WORKER_SOURCE, { eval: true, workerData: path });
    let result: { sha256: string; bytes: number } | null = null;
    let failure: Error | null = null;
    worker.once('message', (msg: { sha256: string; bytes: number }) => (result = msg));
    worker.once('error', (e: Error) => (failure = e));
    worker.once('exit', (code) => (result ? resolve(result) : reject(failure ?? new Error(`SHA-256 worker exited (${code})`))));
  });
}
