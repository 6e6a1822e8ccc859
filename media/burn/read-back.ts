/**
 * SHA-256 of a whole file (the .iso before it is burned) and of the first bytes of a device or file
 * (the disc after): a disc is longer than its image (padding, run-out blocks), so only the image's
 * length is read. Raw devices (macOS `/dev/rdiskN`) take only whole sectors: reads are then rounded up
 * to `align` and the surplus is not hashed.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export interface Digest {
  /** Lower-case hex. */
  readonly sha256: string;
  /** Bytes hashed: less than asked when the device or file ended early. */
  readonly bytes: number;
}

/** Reads back a disc: the SHA-256 of the first `length` bytes of `path`, in reads that are multiples of `align`. */
export type PrefixReader = (path: string, length: number, align: number) => Promise<Digest>;

const CHUNK = 1024 * 1024;

export async function sha256OfFile(path: string): Promise<Digest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export const sha256OfPrefix: PrefixReader = async (path, length, align) => {
  const unit = Math.max(1, align);
  const chunk = Math.max(unit, Math.floor(CHUNK / unit) * unit);
  const hash = createHash('sha256');
  const buf = Buffer.alloc(chunk);
  let bytes = 0;
  const fh = await open(path, 'r');
  try {
    while (bytes < length) {
      const left = length - bytes;
      const want = Math.min(chunk, Math.ceil(left / unit) * unit);
      const { bytesRead } = await fh.read(buf, 0, want, bytes);
      if (bytesRead === 0) break;
      const use = Math.min(bytesRead, left);
      hash.update(buf.subarray(0, use));
      bytes += use;
    }
  } finally {
    await fh.close();
  }
  return { sha256: hash.digest('hex'), bytes };
};
