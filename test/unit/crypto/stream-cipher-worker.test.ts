import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { encryptFileInWorker, type WorkerEncryptInput } from '../../../crypto/stream-cipher-worker.js';
import { createDecryptStream, createEncryptStream, encryptChunks, encryptedSize } from '../../../crypto/stream-cipher.js';
import { hashFileInWorker } from '../../../media/iso/hasher.js';

const dir = mkdtempSync(join(tmpdir(), 'qbank-cipher-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keys = { contentKey: randomBytes(32), packageId: randomBytes(16), fileIndex: 5 };
const CHUNK = 4096;

async function viaStream(plain: Buffer, chunkSize: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  await pipeline(Readable.from([plain]), createEncryptStream({ ...keys, chunkSize }), new Writable({ write: (c: Buffer, _e, cb) => (parts.push(c), cb()) }));
  return Buffer.concat(parts);
}

/** Collects the worker's output, copying each piece (a piece is valid only until the next is asked for). */
async function viaWorker(input: Omit<WorkerEncryptInput, 'changed' | 'onDigest'>): Promise<{ out: Buffer; sha256: string | null }> {
  let sha256: string | null = null;
  const parts: Buffer[] = [];
  for await (const piece of encryptFileInWorker({ ...input, changed: () => new Error('文件在读取时被改动'), onDigest: (h) => (sha256 = h) })) parts.push(Buffer.from(piece));
  return { out: Buffer.concat(parts), sha256 };
}

function fileOf(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('encryption in a worker thread', () => {
  it('writes byte for byte what the stream cipher writes, and hashes the plaintext', async () => {
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK, 7 * CHUNK + 123]) {
      const plain = randomBytes(size);
      const path = fileOf(`p${size}`, plain);
      const { out, sha256 } = await viaWorker({ ...keys, chunkSize: CHUNK, path, size });
      expect(out.length).toBe(encryptedSize(size, CHUNK));
      expect(out.equals(await viaStream(plain, CHUNK))).toBe(true);
      expect(sha256).toBe(createHash('sha256').update(plain).digest('hex'));
    }
  });

  it('decrypts with the ordinary reader at the default chunk size', async () => {
    const plain = randomBytes(2 * 1024 * 1024 + 17);
    const path = fileOf('big', plain);
    const { out } = await viaWorker({ ...keys, path, size: plain.length });
    const parts: Buffer[] = [];
    await pipeline(Readable.from([out]), createDecryptStream({ ...keys, expectedPlainSize: plain.length }), new Writable({ write: (c: Buffer, _e, cb) => (parts.push(c), cb()) }));
    expect(Buffer.concat(parts).equals(plain)).toBe(true);
  });

  it('fails with the caller’s error when the file grew or shrank since it was listed, and keeps working afterwards', async () => {
    const plain = randomBytes(3 * CHUNK);
    const grown = fileOf('grown', plain);
    appendFileSync(grown, 'x');
    await expect(viaWorker({ ...keys, chunkSize: CHUNK, path: grown, size: plain.length })).rejects.toThrow('文件在读取时被改动');
    const shrunk = fileOf('shrunk', plain);
    truncateSync(shrunk, CHUNK + 5);
    await expect(viaWorker({ ...keys, chunkSize: CHUNK, path: shrunk, size: plain.length })).rejects.toThrow('文件在读取时被改动');
    await expect(viaWorker({ ...keys, chunkSize: CHUNK, path: join(dir, 'missing'), size: 10 })).rejects.toThrow(/ENOENT/);
    const ok = fileOf('ok', plain);
    expect((await viaWorker({ ...keys, chunkSize: CHUNK, path: ok, size: plain.length })).out.equals(await viaStream(plain, CHUNK))).toBe(true);
  });

  it('can be abandoned half-way, and runs several files at once without mixing them', async () => {
    const plain = randomBytes(40 * CHUNK);
    const path = fileOf('abandon', plain);
    let seen = 0;
    for await (const _ of encryptFileInWorker({ ...keys, chunkSize: CHUNK, path, size: plain.length, changed: () => new Error('x'), onDigest: () => undefined })) if (++seen === 3) break;
    const others = [randomBytes(9 * CHUNK + 1), randomBytes(3 * CHUNK), randomBytes(17)];
    const results = await Promise.all(others.map((p, i) => viaWorker({ ...keys, fileIndex: i, chunkSize: CHUNK, path: fileOf(`c${i}`, p), size: p.length })));
    for (const [i, p] of others.entries()) {
      const expected = await (async () => {
        const parts: Buffer[] = [];
        await pipeline(Readable.from([p]), createEncryptStream({ ...keys, fileIndex: i, chunkSize: CHUNK }), new Writable({ write: (c: Buffer, _e, cb) => (parts.push(c), cb()) }));
        return Buffer.concat(parts);
      })();
      expect(results[i]?.out.equals(expected)).toBe(true);
    }
  });

  it('checks the options before starting a worker', async () => {
    const gen = encryptFileInWorker({ ...keys, contentKey: randomBytes(16), path: 'x', size: 0, changed: () => new Error('x'), onDigest: () => undefined });
    await expect(gen.next()).rejects.toThrow('内容密钥必须是 32 字节');
  });
});

describe('encryption of an async iterable', () => {
  it('matches the stream cipher for any piece sizes, including pieces of a reused buffer', async () => {
    const plain = randomBytes(5 * CHUNK + 77);
    for (const piece of [1, 100, CHUNK, CHUNK + 1, 3 * CHUNK]) {
      const shared = Buffer.alloc(piece);
      async function* pieces() {
        for (let o = 0; o < plain.length; o += piece) {
          const n = plain.copy(shared, 0, o, o + piece);
          yield shared.subarray(0, n);
        }
      }
      const parts: Buffer[] = [];
      for await (const out of encryptChunks({ ...keys, chunkSize: CHUNK })(pieces())) parts.push(out);
      expect(Buffer.concat(parts).equals(await viaStream(plain, CHUNK))).toBe(true);
    }
  });
});

describe('hashing a file in a worker thread', () => {
  it('gives the SHA-256 and length of the file, and the file system’s error for a missing one', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 3);
    const path = fileOf('hash', bytes);
    expect(await hashFileInWorker(path)).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    expect(await hashFileInWorker(fileOf('empty', Buffer.alloc(0)))).toEqual({ sha256: createHash('sha256').digest('hex'), bytes: 0 });
    await expect(hashFileInWorker(join(dir, 'nothing'))).rejects.toThrow(/ENOENT/);
  });
});
