/**
 * Where a package is read from: an .iso image (read without mounting it, media/iso/reader.ts) or a
 * folder (a mounted disc, or the folder form). Both give the same view: the list of files with sizes,
 * small files read whole (bounded), large ones streamed. Symbolic links and special files are refused.
 */
import { closeSync, createReadStream, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { openIsoFile, readIsoDirectory, type IsoEntry } from '../../../media/iso/reader.js';
import { verifyIsoStructure } from '../../../media/iso/verify.js';
import { ServiceError } from '../errors.js';
import { packageMessages as m } from './messages.js';

const MAX_FILES = 100_000;
const SMALL_LIMIT = 16 * 1024 * 1024;

export interface PackageContainer {
  readonly kind: 'iso' | 'folder';
  readonly source: string;
  /** Path → size of every file. */
  readonly files: ReadonlyMap<string, number>;
  readSmall(path: string): Buffer;
  stream(path: string): Readable;
  /** Problems outside the files themselves (an ISO's descriptors, directories, padding). */
  structureProblems(): string[];
}

function folderContainer(root: string): PackageContainer {
  const files = new Map<string, number>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const st = lstatSync(abs);
      const rel = relative(root, abs).split(sep).join('/');
      if (st.isSymbolicLink()) throw new ServiceError(m.symlink(rel));
      if (st.isDirectory()) visit(abs);
      else if (st.isFile()) files.set(rel, st.size);
      else throw new ServiceError(m.specialFile(rel));
      if (files.size > MAX_FILES) throw new ServiceError(m.tooManyFiles(MAX_FILES));
    }
  };
  visit(root);
  const abs = (path: string) => join(root, ...path.split('/'));
  return {
    kind: 'folder',
    source: root,
    files,
    readSmall: (path) => readBounded(abs(path), files.get(path) ?? 0, path),
    stream: (path) => createReadStream(abs(path), { highWaterMark: 1024 * 1024 }),
    structureProblems: () => [],
  };
}

function readBounded(file: string, size: number, name: string, offset = 0): Buffer {
  if (size > SMALL_LIMIT) throw new ServiceError(m.fileTooLarge(name));
  const buf = Buffer.alloc(size);
  const fd = openSync(file, 'r');
  try {
    let done = 0;
    while (done < size) {
      const n = readSync(fd, buf, done, size - done, offset + done);
      if (n === 0) throw new ServiceError(m.truncated(name));
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return buf;
}

function isoContainer(image: string): PackageContainer {
  let listing: ReturnType<typeof readIsoDirectory>;
  try {
    listing = readIsoDirectory(image);
  } catch (e) {
    throw new ServiceError(m.badIso(image, (e as Error).message));
  }
  const entries = new Map<string, IsoEntry>();
  for (const e of listing.entries) if (!e.isDirectory) entries.set(e.path, e);
  const files = new Map([...entries].map(([p, e]) => [p, e.size] as const));
  const entry = (path: string): IsoEntry => {
    const e = entries.get(path);
    if (!e) throw new ServiceError(m.missingFile(path));
    return e;
  };
  return {
    kind: 'iso',
    source: image,
    files,
    readSmall: (path) => readBounded(image, entry(path).size, path, entry(path).offset),
    stream: (path) => openIsoFile(image, entry(path)) as Readable,
    structureProblems: () => verifyIsoStructure(image).problems.map((p) => m.isoRegion(p.region, p.offset)),
  };
}

export function openContainer(source: string): PackageContainer {
  let st;
  try {
    st = lstatSync(source);
  } catch {
    throw new ServiceError(m.noSource(source));
  }
  if (st.isDirectory()) return folderContainer(source);
  if (st.isFile()) return isoContainer(source);
  throw new ServiceError(m.noSource(source));
}
