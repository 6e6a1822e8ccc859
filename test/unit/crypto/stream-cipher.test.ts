import { randomBytes } from 'node:crypto';
import { Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDecryptStream,
  createEncryptStream,
  DEFAULT_CHUNK_SIZE,
  encryptedSize,
  FILE_HEADER_SIZE,
  PackageCipherError,
  TAG_SIZE,
} from '../../../crypto/stream-cipher.js';

const CHUNK = 4096;
const contentKey = randomBytes(32);
const packageId = randomBytes(16);
const keys = { contentKey, packageId, fileIndex: 2 };

/** Runs `input` through the transform in pieces of `piece` bytes; the output so far and the error, if any. */
async function run(transform: Transform, input: Buffer, piece = 1000): Promise<{ out: Buffer; error: unknown }> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < input.length; i += piece) pieces.push(input.subarray(i, i + piece));
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      parts.push(chunk);
      callback();
    },
  });
  let error: unknown;
  await pipeline(Readable.from(pieces), transform, sink).catch((e: unknown) => (error = e));
  return { out: Buffer.concat(parts), error };
}

async function encrypt(plain: Buffer, chunkSize = CHUNK, o = keys, piece?: number): Promise<Buffer> {
  const { out, error } = await run(createEncryptStream({ ...o, chunkSize }), plain, piece);
  if (error) throw error;
  return out;
}

async function decrypt(cipher: Buffer, o: { fileIndex?: number; packageId?: Buffer; contentKey?: Buffer; expectedPlainSize?: number } = {}, piece?: number) {
  return run(createDecryptStream({ ...keys, ...o }), cipher, piece);
}

/** The PackageCipherError of a decryption that must fail. */
async function failure(cipher: Buffer, o: Parameters<typeof decrypt>[1] = {}): Promise<PackageCipherError> {
  const { error } = await decrypt(cipher, o);
  expect(error).toBeInstanceOf(PackageCipherError);
  return error as PackageCipherError;
}

/** Offset of chunk `i` in an encrypted file with CHUNK-sized chunks. */
const chunkOffset = (i: number): number => FILE_HEADER_SIZE + i * (CHUNK + TAG_SIZE);

const flipped = (bytes: Buffer, index: number): Buffer => {
  const copy = Buffer.from(bytes);
  copy.writeUInt8(copy.readUInt8(index) ^ 0x01, index);
  return copy;
};

describe('encryptedSize', () => {
  it('is the header, the plaintext and one tag per chunk (one chunk at least)', () => {
    expect(encryptedSize(0, CHUNK)).toBe(39 + 16);
    expect(encryptedSize(1, CHUNK)).toBe(39 + 1 + 16);
    expect(encryptedSize(CHUNK, CHUNK)).toBe(39 + CHUNK + 16);
    expect(encryptedSize(CHUNK + 1, CHUNK)).toBe(39 + CHUNK + 1 + 32);
    expect(encryptedSize(1 << 30)).toBe(39 + (1 << 30) + 1024 * 16);
    expect(() => encryptedSize(-1)).toThrow(RangeError);
    expect(() => encryptedSize(10, 0)).toThrow(RangeError);
  });
});

describe('round trip', () => {
  for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17, 5 * CHUNK]) {
    it(`${size} bytes, chunk ${CHUNK}`, async () => {
      const plain = randomBytes(size);
      const cipher = await encrypt(plain, CHUNK, keys, 777);
      expect(cipher.length).toBe(encryptedSize(size, CHUNK));
      for (const options of [{}, { expectedPlainSize: size }]) {
        for (const piece of [1, 333, CHUNK + TAG_SIZE, 100_000]) {
          const { out, error } = await decrypt(cipher, options, piece);
          expect(error).toBeUndefined();
          expect(out.equals(plain)).toBe(true);
        }
      }
    });
  }

  it('uses 1 MiB chunks by default', async () => {
    const plain = randomBytes(DEFAULT_CHUNK_SIZE * 2 + 5);
    const encrypted = await run(createEncryptStream(keys), plain, 65_536);
    expect(encrypted.error).toBeUndefined();
    const cipher = encrypted.out;
    expect(cipher.readUInt32BE(8)).toBe(DEFAULT_CHUNK_SIZE);
    expect(cipher.length).toBe(encryptedSize(plain.length));
    const { out, error } = await decrypt(cipher, {}, 65_536);
    expect(error).toBeUndefined();
    expect(out.equals(plain)).toBe(true);
  });

  it('writes the header as documented and is a function of its inputs', async () => {
    const plain = randomBytes(10_000);
    const cipher = await encrypt(plain, CHUNK, keys, 100);
    expect(cipher.subarray(0, 8).toString('ascii')).toBe('QBPKGF01');
    expect(cipher.readUInt32BE(8)).toBe(CHUNK);
    expect(cipher.readUInt32BE(12)).toBe(2);
    expect(cipher.subarray(16, 32).equals(packageId)).toBe(true);
    expect((await encrypt(plain, CHUNK, keys, 3000)).equals(cipher)).toBe(true);
    const other = await encrypt(plain, CHUNK, { ...keys, fileIndex: 3 });
    expect(other.subarray(32, 39).equals(cipher.subarray(32, 39))).toBe(false);
    expect(other.subarray(FILE_HEADER_SIZE, FILE_HEADER_SIZE + 64).equals(cipher.subarray(FILE_HEADER_SIZE, FILE_HEADER_SIZE + 64))).toBe(false);
  });

  it('round-trips any size in any chunk size, however the input is cut (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 16, max: 5000 }), fc.integer({ min: 1, max: 9000 }), async (size, chunkSize, piece) => {
        const plain = randomBytes(size);
        const cipher = await encrypt(plain, chunkSize, keys, piece);
        expect(cipher.length).toBe(encryptedSize(size, chunkSize));
        const { out, error } = await decrypt(cipher, size % 2 === 0 ? { expectedPlainSize: size } : {}, piece);
        expect(error).toBeUndefined();
        expect(out.equals(plain)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('tampering', () => {
  const plain = randomBytes(4 * CHUNK + 100); // chunks 0–3 whole, chunk 4 final with 100 bytes
  let cipher: Buffer;
  const encrypted = async (): Promise<Buffer> => (cipher ??= await encrypt(plain));

  it('refuses every single-byte change of the header', async () => {
    const file = await encrypted();
    for (let i = 0; i < FILE_HEADER_SIZE; i++) {
      const error = await failure(flipped(file, i));
      if (i >= 8 && i < 12) {
        expect([null, 0]).toContain(error.chunk); // a changed chunk size that is in range fails chunk 0's tag (the header is its AAD)
      } else {
        expect(error.chunk).toBeNull();
        expect(error.message).toMatch(i >= 12 && i < 16 ? /^文件序号不符（期望 2，实际 \d+）$/ : /^文件头不符/);
      }
    }
  });

  it('names the chunk whose body, tag or final bytes were changed', async () => {
    const file = await encrypted();
    const cases: [number, number][] = [
      [chunkOffset(0), 0], // first byte of the first chunk
      [chunkOffset(2) + 1234, 2], // a middle chunk's body
      [chunkOffset(1) + CHUNK + 5, 1], // a tag
      [chunkOffset(4) + 50, 4], // the final chunk
      [file.length - 1, 4], // the final chunk's tag
    ];
    for (const [offset, chunk] of cases) {
      for (const options of [{}, { expectedPlainSize: plain.length }]) {
        const { out, error } = await decrypt(flipped(file, offset), options);
        expect(error).toBeInstanceOf(PackageCipherError);
        expect((error as PackageCipherError).chunk).toBe(chunk);
        expect((error as Error).message).toBe(`第 ${chunk + 1} 块认证失败（内容被改动）`);
        // nothing of the changed chunk (or after it) was let through
        expect(out.equals(plain.subarray(0, chunk * CHUNK))).toBe(true);
      }
    }
  });

  it('detects truncation at a chunk boundary', async () => {
    const file = await encrypted();
    for (const cut of [1, 2, 4]) {
      for (const options of [{}, { expectedPlainSize: plain.length }]) {
        const error = await failure(file.subarray(0, chunkOffset(cut)), options);
        expect(error.message).toBe('文件被截断（缺少末块）');
        expect(error.chunk).toBe(cut);
      }
    }
    const headerOnly = await failure(file.subarray(0, FILE_HEADER_SIZE));
    expect([headerOnly.message, headerOnly.chunk]).toEqual(['文件被截断（缺少末块）', 0]);
    expect((await failure(file.subarray(0, 20))).message).toBe('文件被截断（缺少末块）');
    expect((await failure(Buffer.alloc(0))).message).toBe('文件被截断（缺少末块）');
  });

  it('detects truncation inside a chunk', async () => {
    const file = await encrypted();
    expect((await failure(file.subarray(0, file.length - 1))).chunk).toBe(4);
    const error = await failure(file.subarray(0, file.length - 1), { expectedPlainSize: plain.length });
    expect([error.message, error.chunk]).toEqual(['文件被截断（缺少末块）', 4]);
    expect((await failure(file.subarray(0, chunkOffset(2) + 10))).chunk).toBe(2);
  });

  it('detects bytes appended after the final chunk', async () => {
    const file = await encrypted();
    const extended = Buffer.concat([file, Buffer.from('more')]);
    const error = await failure(extended, { expectedPlainSize: plain.length });
    expect([error.message, error.chunk]).toEqual(['末块之后还有多余数据', 5]);
    // without the expected size it is still refused (as the final chunk failing)
    expect((await failure(extended)).chunk).toBe(4);
    // a whole final chunk followed by more data is named exactly either way
    const whole = randomBytes(2 * CHUNK);
    const wholeFile = await encrypt(whole);
    for (const extra of [Buffer.from([0]), randomBytes(CHUNK + 100)]) {
      for (const options of [{}, { expectedPlainSize: whole.length }]) {
        const appended = await failure(Buffer.concat([wholeFile, extra]), options);
        expect([appended.message, appended.chunk]).toEqual(['末块之后还有多余数据', 2]);
      }
    }
    // two files joined
    const joined = await failure(Buffer.concat([wholeFile, wholeFile]));
    expect(joined.message).toBe('末块之后还有多余数据');
  });

  it('detects swapped and duplicated chunks', async () => {
    const file = await encrypted();
    const chunk = (i: number): Buffer => file.subarray(chunkOffset(i), chunkOffset(i + 1));
    const swapped = Buffer.concat([file.subarray(0, chunkOffset(1)), chunk(2), chunk(1), file.subarray(chunkOffset(3))]);
    expect((await failure(swapped)).chunk).toBe(1);
    const repeated = Buffer.concat([file.subarray(0, chunkOffset(2)), chunk(1), file.subarray(chunkOffset(2))]);
    expect((await failure(repeated)).chunk).toBe(2);
    // a non-final chunk moved to the end, in place of the final one
    const reordered = Buffer.concat([file.subarray(0, chunkOffset(3)), chunk(0)]);
    expect((await failure(reordered)).chunk).toBe(3);
  });

  it('refuses a file decrypted as another file of the package, or of another package', async () => {
    const file = await encrypted();
    const index = await failure(file, { fileIndex: 3 });
    expect([index.message, index.chunk]).toEqual(['文件序号不符（期望 3，实际 2）', null]);
    expect((await failure(file, { packageId: randomBytes(16) })).message).toBe('文件头不符（不是本包的文件）');
    // the right header on another package's (or key's) file: the first chunk does not verify
    const otherKey = await encrypt(plain, CHUNK, { ...keys, contentKey: randomBytes(32) });
    expect((await failure(otherKey)).message).toBe('文件头不符');
    const forged = Buffer.concat([file.subarray(0, FILE_HEADER_SIZE), otherKey.subarray(FILE_HEADER_SIZE)]);
    expect((await failure(forged)).chunk).toBe(0);
    // the header of file 3 in front of file 2's chunks
    const file3 = await encrypt(plain, CHUNK, { ...keys, fileIndex: 3 });
    const mixed = Buffer.concat([file3.subarray(0, FILE_HEADER_SIZE), file.subarray(FILE_HEADER_SIZE)]);
    expect((await failure(mixed, { fileIndex: 3 })).chunk).toBe(0);
  });

  it('checks its options', () => {
    expect(() => createEncryptStream({ ...keys, contentKey: randomBytes(16) })).toThrow('内容密钥必须是 32 字节');
    expect(() => createEncryptStream({ ...keys, packageId: randomBytes(8) })).toThrow('包标识必须是 16 字节');
    expect(() => createDecryptStream({ ...keys, fileIndex: -1 })).toThrow(RangeError);
    expect(() => createEncryptStream({ ...keys, chunkSize: 0 })).toThrow(RangeError);
  });
});
