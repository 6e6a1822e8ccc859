/**
 * A large file of a package encrypted in a worker thread: the worker reads the plaintext file itself,
 * hashes it (SHA-256, for the inner manifest) and encrypts it chunk by chunk, in the format of
 * stream-cipher.ts, into a small ring of shared buffers that the caller reads in order. The caller's
 * thread only copies ciphertext on (into the disc image), so reading, hashing and encrypting run beside
 * the image's writing and hashing instead of before them — on a machine with two cores, that is the
 * difference between half and the whole of a plain image builder's speed.
 *
 * The worker builds each chunk's nonce exactly as stream-cipher.ts does (prefix ‖ counter ‖ final), so
 * the output is byte for byte that of createEncryptStream (the tests compare them). Workers are kept
 * for reuse and do not keep the process alive while idle.
 */
import { Worker } from 'node:worker_threads';
import { fileCipherSetup, TAG_SIZE, type FileCipherOptions } from './stream-cipher.js';

/** Chunks in flight between the worker and the caller. */
const RING = 4;
/** Files are encrypted one after the other: one idle worker is kept for the next, and only briefly. */
const KEEP_IDLE = 1;
const IDLE_MS = 250;

// CommonJS, run by the worker. One job at a time; 'free' hands a slot back; 'stop' abandons the job.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createCipheriv, createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const SLICE = 65536;
let job = null;
const post = (msg) => parentPort.postMessage({ id: job.id, ...msg });
function close() { if (job) { try { closeSync(job.fd); } catch {} job = null; } }
function readFull(buf, len) {
  let got = 0;
  while (got < len) { const n = readSync(job.fd, buf, got, len - got, null); if (n === 0) break; got += n; }
  return got;
}
function nonce(counter, final) {
  const n = Buffer.alloc(12);
  job.prefix.copy(n, 0);
  n.writeUInt32BE(counter, 7);
  n[11] = final ? 1 : 0;
  return n;
}
function chunk(slot) {
  const want = Math.min(job.chunkSize, job.size - job.done);
  const got = readFull(job.plain, want);
  if (got !== want) return post({ changed: true }), close(), true;
  job.done += got;
  const final = job.done === job.size;
  if (final && readSync(job.fd, job.plain, 0, 1, null) !== 0) return post({ changed: true }), close(), true;
  const plain = job.plain.subarray(0, got);
  job.hash.update(plain);
  const cipher = createCipheriv('aes-256-gcm', job.key, nonce(job.counter, final), { authTagLength: 16 });
  cipher.setAAD(job.header);
  let at = 0;
  for (let o = 0; o < got; o += SLICE) at += cipher.update(plain.subarray(o, Math.min(o + SLICE, got))).copy(slot, at);
  cipher.final();
  at += cipher.getAuthTag().copy(slot, at);
  job.counter += 1;
  post({ slot: job.free.shift(), length: at });
  if (final) return post({ sha256: job.hash.digest('hex') }), close(), true;
  return false;
}
function pump() {
  try {
    while (job && job.free.length > 0) if (chunk(job.slots[job.free[0]])) return;
  } catch (e) {
    post({ error: String(e && e.message || e) });
    close();
  }
}
parentPort.on('message', (m) => {
  if (m.op === 'start') {
    close();
    try {
      job = { id: m.id, fd: openSync(m.path, 'r'), size: m.size, chunkSize: m.chunkSize, key: Buffer.from(m.key),
        prefix: Buffer.from(m.prefix), header: Buffer.from(m.header), slots: m.slots.map((s) => Buffer.from(s)),
        free: m.slots.map((_, i) => i), plain: Buffer.allocUnsafe(m.chunkSize), hash: createHash('sha256'), done: 0, counter: 0 };
    } catch (e) {
      job = { id: m.id };
      post({ error: String(e && e.message || e) });
      job = null;
      return;
    }
    pump();
  } else if (m.op === 'free' && job && job.id === m.id) {
    job.free.push(m.slot);
    pump();
  } else if (m.op === 'stop' && job && job.id === m.id) close();
});
`;

type Reply = { id: number } & ({ slot: number; length: number } | { sha256: string } | { changed: true } | { error: string });

/** A worker and its ring of shared buffers, both kept for the next file (fresh shared memory is costly and is freed late). */
interface Lane {
  readonly worker: Worker;
  slots: SharedArrayBuffer[];
  /** Ends the idle worker when no file followed in time (its memory goes back to the system). */
  expiry?: NodeJS.Timeout;
}

const idle: Lane[] = [];
let nextJob = 1;

function acquire(slotSize: number): Lane {
  const lane = idle.pop() ?? { worker: new Worker(WORKER_SOURCE, { eval: true }), slots: [] };
  clearTimeout(lane.expiry);
  if (lane.slots[0]?.byteLength !== slotSize) lane.slots = Array.from({ length: RING }, () => new SharedArrayBuffer(slotSize));
  lane.worker.ref();
  return lane;
}

function release(lane: Lane, healthy: boolean): void {
  const { worker } = lane;
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  if (healthy && idle.length < KEEP_IDLE) {
    worker.unref();
    idle.push(lane);
    lane.expiry = setTimeout(() => {
      idle.splice(idle.indexOf(lane), 1);
      void worker.terminate();
    }, IDLE_MS).unref();
  } else void worker.terminate();
}

export interface WorkerEncryptInput extends FileCipherOptions {
  readonly chunkSize?: number;
  /** The plaintext file and its size when it was listed. */
  readonly path: string;
  readonly size: number;
  /** The error for a file whose size changed while it was read. */
  readonly changed: () => Error;
  /** Receives the SHA-256 (hex) of the plaintext once the last chunk has been handed over. */
  readonly onDigest: (sha256: string) => void;
}

/**
 * Yields the encrypted file (header, then each chunk with its tag). A yielded buffer is valid until the
 * next one is asked for. Leaving the loop early stops the worker's job.
 */
export async function* encryptFileInWorker(input: WorkerEncryptInput): AsyncGenerator<Buffer> {
  const { key, noncePrefix, header, chunkSize } = fileCipherSetup(input);
  const id = nextJob++;
  const lane = acquire(chunkSize + TAG_SIZE);
  const { worker, slots } = lane;
  const inbox: Reply[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (msg: Reply) => {
    if (msg.id !== id) return; // a late reply to an abandoned job
    inbox.push(msg);
    notify();
  });
  worker.on('error', (e: Error) => {
    failure ??= e;
    notify();
  });
  worker.on('exit', () => {
    failure ??= new Error('encryption worker exited');
    notify();
  });
  let finished = false;
  try {
    worker.postMessage({ op: 'start', id, path: input.path, size: input.size, chunkSize, key, prefix: noncePrefix, header, slots });
    yield header;
    for (;;) {
      while (inbox.length === 0 && failure === null) await new Promise<void>((resolve) => (wake = resolve));
      if (failure !== null) throw failure;
      const msg = inbox.shift() as Reply;
      if ('changed' in msg) throw input.changed();
      if ('error' in msg) throw new Error(msg.error);
      if ('sha256' in msg) {
        finished = true;
        input.onDigest(msg.sha256);
        return;
      }
      const slot = slots[msg.slot] as SharedArrayBuffer;
      yield Buffer.from(slot, 0, msg.length);
      worker.postMessage({ op: 'free', id, slot: msg.slot });
    }
  } finally {
    if (!finished && failure === null) worker.postMessage({ op: 'stop', id });
    release(lane, failure === null);
  }
}
