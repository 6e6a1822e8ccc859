/**
 * The CMS copy of a package's files (issue [G] 1): a pax tar of the files inside one CMS EnvelopedData
 * (AES-256-CBC, key transport RSAES-OAEP with SHA-256) for each RSA recipient, written as ciphertext
 * into a temporary file that the image then carries. An upload station without this program opens it
 * with `openssl cms -decrypt -inform DER -in … -inkey key.pem -recip cert.pem | tar -x`.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createEnvelopedStream } from '../../../crypto/cms-envelope.js';
import { writeTar } from '../../../media/tar.js';
import type { PlainFile } from './build.js';

export const CMS_NAME = 'cms/submission.tar.p7m';

/** Writes the CMS copy to `target`; returns the SHA-256 of the bytes written (signed into PACKAGE.json). */
export async function writeCmsCopy(files: readonly PlainFile[], recipients: readonly string[], target: string, mtime: Date): Promise<string> {
  const tar = new PassThrough({ highWaterMark: 1024 * 1024 });
  const producing = writeTar(
    files.map((f) => ({ path: f.path, size: f.size, mtime, open: () => f.open() })),
    tar,
  ).then(
    () => tar.end(),
    (e: unknown) => tar.destroy(e as Error),
  );
  // AES-CBC authenticates nothing: the digest of the ciphertext, in the signed manifest, is what does
  const hash = createHash('sha256');
  const tap = new Transform({ transform: (chunk: Buffer, _e, cb) => (hash.update(chunk), cb(null, chunk)) });
  await Promise.all([pipeline(tar, createEnvelopedStream({ recipients: [...recipients] }), tap, createWriteStream(target, { mode: 0o600 })), producing]);
  return hash.digest('hex');
}
