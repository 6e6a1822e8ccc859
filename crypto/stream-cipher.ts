/**
 * The files of an encrypted package: chunked AES-256-GCM in the STREAM construction (Hoang,
 * Reyhanitabar, Rogaway, Vizár, "Online Authenticated-Encryption and its Nonce-Reuse Misuse-Resistance",
 * CRYPTO 2015). Each chunk is authenticated on its own, so a file of any size is encrypted and
 * decrypted streaming, with memory flat (about two chunks), and no plaintext is released before the
 * tag of its chunk has been checked.
 *
 * Format `qbank-package/1`, one encrypted file:
 *
 *   per-file key  K = HKDF-SHA256(IKM = content key (32 bytes), salt = package id (16 bytes),
 *                                 info = UTF-8 "qbank-package/1 file <fileIndex>" (decimal), L = 32)
 *   nonce prefix  P = first 7 bytes of HMAC-SHA256(K, ASCII "nonce")
 *   header (39 bytes):
 *     0  8  magic "QBPKGF01" (ASCII)
 *     8  4  chunk size in plaintext bytes, uint32 big-endian (default 1048576; 1 … 67108864)
 *    12  4  file index, uint32 big-endian
 *    16 16  package id
 *    32  7  nonce prefix P
 *   then the chunks, in order, nothing between them and nothing after the last:
 *     chunk i = AES-256-GCM(K, nonce_i, AAD = the 39 header bytes, plaintext bytes
 *               [i·chunkSize, (i+1)·chunkSize)) ‖ 16-byte tag
 *     nonce_i = P (7 bytes) ‖ i (uint32 big-endian) ‖ last (1 byte: 0x01 for the final chunk, else 0x00)
 *   Every chunk but the final one holds exactly chunkSize plaintext bytes; the final one holds 1 …
 *   chunkSize bytes, or 0 bytes when the whole file is empty (an empty file is one empty final chunk).
 *   Size: 39 + n + 16 · max(1, ⌈n / chunkSize⌉) for n plaintext bytes (encryptedSize).
 *
 * What the reader checks: the header against the package id and file index it expects (a file of
 * another package or put in another file's place is refused before any decryption); each chunk's tag,
 * which binds its position (the counter), whether it is the final one (so truncation at a chunk
 * boundary, reordering and appending are detected) and the header (the AAD). The key differs per
 * package and file, so GCM nonces never repeat under one key.
 *
 * The nonce prefix is derived, not random: K is unique to (content key, package, file) and the
 * content key is random per package, so deterministic nonces are safe here, and the ciphertext (its
 * size and its bytes) is a function of the inputs alone — the same package can be rebuilt byte for byte.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export const DEFAULT_CHUNK_SIZE = 1_048_576;
export const MAX_CHUNK_SIZE = 67_108_864;
export const FILE_HEADER_SIZE = 39;
export const TAG_SIZE = 16;
const MAGIC = Buffer.from('QBPKGF01', 'ascii');
const NONCE_PREFIX_SIZE = 7;
const MAX_CHUNKS = 2 ** 32; // the counter is 32 bits
/**
 * AES-GCM is fed at most this many bytes per call: every call returns a fresh buffer, and buffers
 * above the allocator's mmap threshold cost a page fault per 4 KiB — at 1 MiB per call the cipher
 * runs at a quarter of its speed. 64 KiB keeps the output in the heap and the cipher at full speed.
 */
const CIPHER_SLICE = 65_536;

/** Runs `update` over `bytes` in CIPHER_SLICE pieces, handing each non-empty output to `emit`. */
function sliced(update: (piece: Buffer) => Buffer, bytes: Buffer, emit: (out: Buffer) => void): void {
  for (let off = 0; off < bytes.length; off += CIPHER_SLICE) {
    const out = update(bytes.subarray(off, Math.min(off + CIPHER_SLICE, bytes.length)));
    if (out.length > 0) emit(out);
  }
}

/**
 * A file that does not decrypt. `chunk` is the 0-based index of the chunk concerned (the missing one
 * for a truncation, the one after the final chunk for appended data), null for the header; the message
 * counts from 1 (`第 1 块` is chunk 0).
 */
export class PackageCipherError extends Error {
  override readonly name = 'PackageCipherError';
  constructor(message: string, readonly chunk: number | null) {
    super(message);
  }
}

const authFailed = (chunk: number): PackageCipherError => new PackageCipherError(`第 ${chunk + 1} 块认证失败（内容被改动）`, chunk);
const truncated = (chunk: number): PackageCipherError => new PackageCipherError('文件被截断（缺少末块）', chunk);
const trailing = (chunk: number): PackageCipherError => new PackageCipherError('末块之后还有多余数据', chunk);
const badHeader = (detail = ''): PackageCipherError => new PackageCipherError(`文件头不符${detail}`, null);

function checkChunkSize(chunkSize: number): void {
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
    throw new RangeError(`块大小必须是 1 至 ${MAX_CHUNK_SIZE} 之间的整数`);
  }
}

const chunkCount = (plainSize: number, chunkSize: number): number => Math.max(1, Math.ceil(plainSize / chunkSize));

/** Exact size of the encrypted file for `plainSize` plaintext bytes. */
export function encryptedSize(plainSize: number, chunkSize = DEFAULT_CHUNK_SIZE): number {
  checkChunkSize(chunkSize);
  if (!Number.isSafeInteger(plainSize) || plainSize < 0) throw new RangeError('明文长度必须是非负整数');
  return FILE_HEADER_SIZE + plainSize + chunkCount(plainSize, chunkSize) * TAG_SIZE;
}

export interface FileCipherOptions {
  /** 32 random bytes, one per package. */
  contentKey: Uint8Array;
  /** 16 random bytes naming the package. */
  packageId: Uint8Array;
  /** The file's number in the package (uint32). */
  fileIndex: number;
}

export interface FileKeys {
  key: Buffer;
  noncePrefix: Buffer;
}

function fileKeys(o: FileCipherOptions): FileKeys {
  if (o.contentKey.length !== 32) throw new RangeError('内容密钥必须是 32 字节');
  if (o.packageId.length !== 16) throw new RangeError('包标识必须是 16 字节');
  if (!Number.isInteger(o.fileIndex) || o.fileIndex < 0 || o.fileIndex >= 2 ** 32) throw new RangeError('文件序号必须是 0 至 2^32−1 之间的整数');
  const info = Buffer.from(`qbank-package/1 file ${o.fileIndex}`, 'utf8');
  const key = Buffer.from(hkdfSync('sha256', o.contentKey, o.packageId, info, 32));
  return { key, noncePrefix: createHmac('sha256', key).update('nonce', 'ascii').digest().subarray(0, NONCE_PREFIX_SIZE) };
}

function headerOf(o: FileCipherOptions, noncePrefix: Buffer, chunkSize: number): Buffer {
  const header = Buffer.alloc(FILE_HEADER_SIZE);
  MAGIC.copy(header, 0);
  header.writeUInt32BE(chunkSize, 8);
  header.writeUInt32BE(o.fileIndex, 12);
  Buffer.from(o.packageId).copy(header, 16);
  noncePrefix.copy(header, 32);
  return header;
}

function nonceOf(prefix: Buffer, counter: number, final: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(counter, NONCE_PREFIX_SIZE);
  nonce[11] = final ? 1 : 0;
  return nonce;
}

/**
 * What a cipher outside this module (stream-cipher-worker.ts) needs to write a file of this format:
 * the per-file key, the nonce prefix, the header (also the AAD) and the chunk size. Options are checked.
 */
export function fileCipherSetup(o: FileCipherOptions & { chunkSize?: number }): FileKeys & { header: Buffer; chunkSize: number } {
  const chunkSize = o.chunkSize ?? DEFAULT_CHUNK_SIZE;
  checkChunkSize(chunkSize);
  const keys = fileKeys(o);
  return { ...keys, header: headerOf(o, keys.noncePrefix, chunkSize), chunkSize };
}

/** Runs a step of a stream, handing any error to the callback. */
function step(callback: TransformCallback, work: () => void): void {
  try {
    work();
    callback();
  } catch (error) {
    callback(error as Error);
  }
}

/** Encryption of one file, fed piece by piece; every output buffer goes to `emit` as soon as it exists. */
interface FileSealer {
  /** Takes a piece of plaintext (copied or encrypted before returning: the caller may reuse it). */
  write(data: Buffer, emit: (out: Buffer) => void): void;
  /** Seals what is left as the final chunk. */
  end(emit: (out: Buffer) => void): void;
}

/**
 * Input is gathered into one chunk buffer (reused); a piece that holds a whole chunk and more is
 * encrypted in place. A chunk is sealed only once a byte after it has arrived: only then is it known
 * not to be the final one. Options are checked here, when the encryption is set up.
 */
function fileSealer(o: FileCipherOptions & { chunkSize?: number }): FileSealer {
  const { key, noncePrefix, header, chunkSize } = fileCipherSetup(o);
  let buffer: Buffer | null = null;
  let filled = 0;
  let counter = 0;
  let headerSent = false;

  function seal(plain: Buffer, final: boolean, emit: (out: Buffer) => void): void {
    if (!headerSent) {
      emit(header);
      headerSent = true;
    }
    if (counter >= MAX_CHUNKS) throw new RangeError('文件过大：块数超过 2^32');
    const cipher = createCipheriv('aes-256-gcm', key, nonceOf(noncePrefix, counter, final), { authTagLength: TAG_SIZE });
    cipher.setAAD(header);
    sliced((piece) => cipher.update(piece), plain, emit);
    cipher.final(); // GCM: no further output
    emit(cipher.getAuthTag());
    counter += 1;
  }

  return {
    write(data, emit) {
      let offset = 0;
      while (offset < data.length) {
        if (filled === chunkSize) {
          seal(buffer as Buffer, false, emit);
          filled = 0;
        }
        if (filled === 0 && data.length - offset > chunkSize) {
          seal(data.subarray(offset, offset + chunkSize), false, emit);
          offset += chunkSize;
          continue;
        }
        buffer ??= Buffer.allocUnsafe(chunkSize);
        const n = Math.min(chunkSize - filled, data.length - offset);
        data.copy(buffer, filled, offset, offset + n);
        filled += n;
        offset += n;
      }
    },
    end(emit) {
      seal(buffer ? buffer.subarray(0, filled) : Buffer.alloc(0), true, emit);
    },
  };
}

/** Encrypts one file as a stream (plaintext in, the format above out). */
export function createEncryptStream(o: FileCipherOptions & { chunkSize?: number }): Transform {
  const sealer = fileSealer(o);
  return new Transform({
    transform(this: Transform, data: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
      step(callback, () => sealer.write(data, (out) => this.push(out)));
    },
    flush(this: Transform, callback: TransformCallback): void {
      step(callback, () => sealer.end((out) => this.push(out)));
    },
  });
}

/**
 * Encrypts one file from any async iterable of plaintext pieces, yielding the encrypted bytes in
 * buffers of at most 64 KiB — without the stream machinery, whose buffering of many small pushes (and
 * joining them again on read) costs more than the cipher. Each piece of the source is consumed before
 * the next is asked for, so the source may reuse its buffer. Options are checked on the call.
 */
export function encryptChunks(o: FileCipherOptions & { chunkSize?: number }): (source: AsyncIterable<Uint8Array>) => AsyncGenerator<Buffer> {
  const sealer = fileSealer(o);
  return async function* encrypt(source) {
    const out: Buffer[] = [];
    const emit = (b: Buffer) => out.push(b);
    for await (const piece of source) {
      sealer.write(Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength), emit);
      yield* out.splice(0);
    }
    sealer.end(emit);
    yield* out.splice(0);
  };
}

/**
 * Decrypts one file; fails with PackageCipherError. With `expectedPlainSize` (from the package's
 * manifest) the reader knows where the final chunk ends and every error is named exactly; without
 * it, data appended after a final chunk that is shorter than a whole chunk is reported as an
 * authentication failure of that chunk (it is detected all the same). Like the encryption, each
 * chunk is gathered into one buffer (or read in place) and decrypted in one call.
 */
export function createDecryptStream(o: FileCipherOptions & { expectedPlainSize?: number }): Transform {
  const expected = o.expectedPlainSize;
  if (expected !== undefined && (!Number.isSafeInteger(expected) || expected < 0)) throw new RangeError('明文长度必须是非负整数');
  const { key, noncePrefix } = fileKeys(o);
  const headerBytes = Buffer.alloc(FILE_HEADER_SIZE);
  let headerFilled = 0;
  let header: Buffer | null = null; // once read and checked
  let chunkSize = 0;
  let unit = 0; // a whole chunk: chunkSize + tag
  let buffer: Buffer | null = null;
  let filled = 0;
  let counter = 0;
  let done = false;

  function readHeader(bytes: Buffer): void {
    if (!bytes.subarray(0, 8).equals(MAGIC)) throw badHeader();
    chunkSize = bytes.readUInt32BE(8);
    if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) throw badHeader('（块大小不正确）');
    if (!bytes.subarray(16, 32).equals(Buffer.from(o.packageId))) throw badHeader('（不是本包的文件）');
    const fileIndex = bytes.readUInt32BE(12);
    if (fileIndex !== o.fileIndex) throw new PackageCipherError(`文件序号不符（期望 ${o.fileIndex}，实际 ${fileIndex}）`, null);
    if (!headerOf(o, noncePrefix, chunkSize).equals(bytes)) throw badHeader();
    if (expected !== undefined && chunkCount(expected, chunkSize) > MAX_CHUNKS) throw badHeader('（块数超过 2^32）');
    header = bytes;
    unit = chunkSize + TAG_SIZE;
  }

  /**
   * The plaintext of one chunk (ciphertext ‖ tag), in pieces, or null when it does not verify as (final
   * or not) chunk `index`. Nothing is released before the tag has been checked.
   */
  function open(bytes: Buffer, index: number, final: boolean): Buffer[] | null {
    if (bytes.length < TAG_SIZE) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(noncePrefix, index, final), { authTagLength: TAG_SIZE });
    decipher.setAAD(header as Buffer);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_SIZE));
    const plain: Buffer[] = [];
    sliced((piece) => decipher.update(piece), bytes.subarray(0, bytes.length - TAG_SIZE), (out) => plain.push(out));
    try {
      decipher.final();
    } catch {
      return null;
    }
    return plain;
  }

  function release(stream: Transform, plain: readonly Buffer[], final: boolean): void {
    for (const piece of plain) stream.push(piece);
    counter += 1;
    done = final;
  }

  /** Bytes of the chunk being read, and whether it is the final one; null when that is not known yet (no expected size). */
  function nextChunk(): { need: number; final: boolean } | null {
    if (expected === undefined) return null;
    const final = counter === chunkCount(expected, chunkSize) - 1;
    return { need: final ? expected - counter * chunkSize + TAG_SIZE : unit, final };
  }

  /** The plaintext of the current chunk, known to be (or not to be) the final one. */
  function verified(bytes: Buffer, final: boolean): Buffer[] {
    const plain = open(bytes, counter, final);
    if (!plain) throw authFailed(counter);
    return plain;
  }

  /** A whole chunk followed by more data: it must be a non-final one. */
  function openNonFinal(stream: Transform, bytes: Buffer): void {
    const plain = open(bytes, counter, false);
    if (!plain) throw open(bytes, counter, true) ? trailing(counter + 1) : authFailed(counter);
    release(stream, plain, false);
  }

  function consume(stream: Transform, data: Buffer): void {
    let offset = 0;
    if (!header) {
      offset = data.copy(headerBytes, headerFilled, 0, FILE_HEADER_SIZE - headerFilled);
      headerFilled += offset;
      if (headerFilled < FILE_HEADER_SIZE) return;
      readHeader(headerBytes);
    }
    while (offset < data.length) {
      if (done) throw trailing(counter);
      const next = nextChunk();
      if (!next && filled === unit) {
        openNonFinal(stream, buffer as Buffer);
        filled = 0;
        continue;
      }
      const need = next?.need ?? unit;
      // in place when the piece holds the whole chunk (and, with no expected size, a byte after it)
      if (filled === 0 && data.length - offset >= need + (next ? 0 : 1)) {
        const bytes = data.subarray(offset, offset + need);
        offset += need;
        if (!next) openNonFinal(stream, bytes);
        else release(stream, verified(bytes, next.final), next.final);
        continue;
      }
      buffer ??= Buffer.allocUnsafe(unit);
      const n = Math.min(need - filled, data.length - offset);
      data.copy(buffer, filled, offset, offset + n);
      filled += n;
      offset += n;
      if (next && filled === need) {
        filled = 0;
        release(stream, verified(buffer.subarray(0, need), next.final), next.final);
      }
    }
  }

  function finish(stream: Transform): void {
    if (!header) {
      const got = headerBytes.subarray(0, headerFilled);
      throw MAGIC.subarray(0, got.length).equals(got.subarray(0, 8)) ? truncated(0) : badHeader();
    }
    if (done) return;
    if (expected !== undefined || filled < TAG_SIZE) throw truncated(counter);
    const bytes = (buffer as Buffer).subarray(0, filled);
    const plain = open(bytes, counter, true);
    if (plain) return release(stream, plain, true);
    // a whole chunk that verifies as a non-final one: the chunks after it were cut off
    throw filled === unit && open(bytes, counter, false) ? truncated(counter + 1) : authFailed(counter);
  }

  return new Transform({
    transform(this: Transform, data: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
      step(callback, () => consume(this, data));
    },
    flush(this: Transform, callback: TransformCallback): void {
      step(callback, () => finish(this));
    },
  });
}
