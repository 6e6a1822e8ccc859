/**
 * Removing plaintext (issue [G] 5: no plaintext left behind): every file is overwritten with zeros to
 * its full length and flushed before it is unlinked, then the folders are removed. On an SSD or a
 * journalling file system an overwrite is not a guarantee that no copy survives in the device's spare
 * blocks — which is why the database is encrypted at rest and the plaintext folder exists only briefly.
 */
import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const ZEROS = Buffer.alloc(1024 * 1024);

function overwrite(file: string, size: number): void {
  const fd = openSync(file, 'r+');
  try {
    for (let done = 0; done < size; ) done += writeSync(fd, ZEROS, 0, Math.min(ZEROS.byteLength, size - done), done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Overwrites and deletes every file under `dir`, then `dir` itself. Returns the number of files wiped. */
export function wipeFolder(dir: string): number {
  let count = 0;
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) {
    if (st.isFile()) overwrite(dir, st.size);
    unlinkSync(dir);
    return 1;
  }
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    const s = lstatSync(abs);
    if (s.isDirectory()) count += wipeFolder(abs);
    else {
      if (s.isFile()) overwrite(abs, s.size);
      unlinkSync(abs);
      count += 1;
    }
  }
  rmdirSync(dir);
  return count;
}
