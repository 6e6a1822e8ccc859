/**
 * Streamed output shared by the ISO and tar writers: bytes are copied into large batches (so the
 * destination sees few, large writes whatever the sources' chunk sizes), hashed with SHA-256, and
 * written with back-pressure — when `write` returns false nothing more is written until 'drain'.
 * Sources may reuse their buffers after yielding: every byte is copied before the next chunk is read.
 *
 * Batches written to a file stream are recycled once the file write and the hash are both done (fresh
 * memory costs a page fault per 4 KiB), and large files are hashed in a worker thread (hasher.ts),
 * beside the main thread; any other destination may hold on to a chunk, so each batch is fresh there.
 */
import { WriteStream } from 'node:fs';
import { inlineHasher, workerHasher, type Hasher } from './hasher.js';
import { isoMessages as m } from './messages.js';

export const BATCH = 1024 * 1024;
/**
 * Outputs to a file from this size on are hashed in a worker thread (with recycled batches: a fresh
 * SharedArrayBuffer per batch would cost more than the hashing saves).
 */
export const WORKER_HASH_FROM = 32 * 1024 * 1024;
const MAX_PENDING_HASHES = 8;

export type ByteSource = NodeJS.ReadableStream | AsyncIterable<Uint8Array>;

export interface SinkOptions {
  readonly onProgress?: (bytesWritten: number, total: number) => void;
  /** Hash in a worker thread; default: for a file stream of at least WORKER_HASH_FROM bytes. */
  readonly workerHash?: boolean;
  /**
   * Compute the SHA-256 of the output (default true). A caller that reads its output back anyway hashes
   * it then (hashFileInWorker), from the bytes that reached the disk, and spares the writing this work.
   */
  readonly hash?: boolean;
}

export class Sink {
  private readonly hasher: Hasher | null;
  private readonly shared: boolean;
  private readonly recycle: boolean;
  private readonly pool: Buffer[] = [];
  private readonly hashes: Promise<void>[] = [];
  private batch: Buffer;
  private used = 0;
  private written = 0;
  private failure: Error | null = null;
  private readonly onError = (e: Error) => {
    this.failure ??= e;
  };

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly total: number,
    private readonly options: SinkOptions = {},
  ) {
    this.recycle = out instanceof WriteStream;
    const hash = options.hash ?? true;
    this.shared = hash && (options.workerHash ?? (this.recycle && total >= WORKER_HASH_FROM));
    this.hasher = !hash ? null : this.shared ? workerHasher() : inlineHasher();
    this.batch = this.take();
    out.on('error', this.onError);
  }

  /** Bytes handed to the destination plus those waiting in the batch. */
  get position(): number {
    return this.written + this.used;
  }

  /** Appends bytes (copied). */
  async put(bytes: Uint8Array): Promise<void> {
    let off = 0;
    while (off < bytes.length) {
      const n = Math.min(bytes.length - off, BATCH - this.used);
      this.batch.set(bytes.subarray(off, off + n), this.used);
      this.used += n;
      off += n;
      if (this.used === BATCH) await this.flush();
    }
  }

  /** Appends `n` zero bytes. */
  async zeros(n: number): Promise<void> {
    while (n > 0) {
      const k = Math.min(n, BATCH - this.used);
      this.batch.fill(0, this.used, this.used + k);
      this.used += k;
      n -= k;
      if (this.used === BATCH) await this.flush();
    }
  }

  /**
   * Copies one source to the output and returns its length; stops with `tooLong` as soon as it yields
   * more than `limit` bytes (leaving the loop destroys a Node stream source).
   */
  async copy(source: ByteSource, limit: number, tooLong: () => Error, textChunk: () => Error): Promise<number> {
    let n = 0;
    for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
      if (typeof chunk === 'string') throw textChunk();
      n += chunk.length;
      if (n > limit) throw tooLong();
      await this.put(chunk);
    }
    return n;
  }

  /**
   * Writes what is left and returns the byte count and SHA-256. The destination is not ended: the
   * caller ends it (and waits for 'finish' or 'close') — or, after a failure, destroys it.
   */
  async finish(): Promise<{ bytes: number; sha256: string | null }> {
    await this.flush();
    await Promise.all(this.hashes.splice(0));
    return { bytes: this.written, sha256: this.hasher ? await this.hasher.digest() : null };
  }

  /** Stops the hashing worker and listening for the destination's errors (the caller's take over). */
  release(): void {
    this.hasher?.close();
    this.out.removeListener('error', this.onError);
  }

  private take(): Buffer {
    return this.pool.pop() ?? (this.shared ? Buffer.from(new SharedArrayBuffer(BATCH)) : Buffer.allocUnsafe(BATCH));
  }

  private async flush(): Promise<void> {
    this.check();
    if (this.used === 0) return;
    const full = this.batch;
    const chunk = this.used === BATCH ? full : full.subarray(0, this.used);
    this.batch = this.take();
    this.used = 0;
    this.written += chunk.length;
    // the batch returns to the pool when both the hash and the file write are done with it
    let uses = this.hasher ? 2 : 1;
    const done = () => {
      if (--uses === 0 && this.recycle) this.pool.push(full);
    };
    if (this.hasher) {
      const hashed = this.hasher.update(chunk).then(done);
      hashed.catch(() => undefined); // awaited below or in finish(); never an unhandled rejection
      this.hashes.push(hashed);
    }
    const more = this.out.write(chunk, (e?: Error | null) => {
      if (!e) done();
    });
    this.options.onProgress?.(this.written, this.total);
    if (!more) await this.drain();
    while (this.hashes.length > MAX_PENDING_HASHES) await this.hashes.shift();
    this.check();
  }

  private check(): void {
    if (this.failure !== null) throw this.failure;
  }

  private drain(): Promise<void> {
    const out = this.out;
    return new Promise((resolve, reject) => {
      if ((out as { destroyed?: boolean }).destroyed === true) {
        reject(new Error(m.streamClosed));
        return;
      }
      const done = (e?: Error) => {
        out.removeListener('drain', onDrain);
        out.removeListener('error', onFail);
        out.removeListener('close', onClose);
        if (e === undefined) resolve();
        else reject(e);
      };
      const onDrain = () => done();
      const onFail = (e: Error) => done(e);
      const onClose = () => done(new Error(m.streamClosed));
      out.on('drain', onDrain);
      out.on('error', onFail);
      out.on('close', onClose);
    });
  }
}
