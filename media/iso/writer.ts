/**
 * ISO 9660 (ECMA-119) + Joliet image writer, streamed: the layout comes from the names and sizes alone,
 * the metadata (descriptors, path tables, directories) is written first, then each file's bytes in turn,
 * each padded with zeros to a 2048-byte sector. No file is held in memory; the output's back-pressure
 * is respected; the SHA-256 of the image is computed on the way. Same files and options → the same bytes.
 *
 * Level 1 (ECMA-119 10.1): 8.3 names in the primary tree, each file one extent below 4 GiB. The Joliet
 * tree (Joliet spec, 1995) carries the real names in UCS-2 big-endian, without version suffix.
 */
import { computeLayout, type IsoFileInfo } from './layout.js';
import { buildMetadata, normalizeOptions, type IsoOptions } from './metadata.js';
import { isoMessages as m } from './messages.js';
import { SECTOR } from './records.js';
import { Sink, type ByteSource } from './sink.js';

export { isoMetadata, type IsoOptions } from './metadata.js';

export interface IsoFileSource extends IsoFileInfo {
  /** '/'-separated, relative: 'data/0001.qbe', '附件6/清单.json'. */
  readonly path: string;
  readonly size: number;
  /** Opened when the file's turn comes, once; a Node stream or any async iterable of bytes. */
  open(): ByteSource;
}

/** The exact size in bytes of the image `writeIso` writes for these files (sizes and names suffice). */
export function isoSize(files: readonly IsoFileInfo[], _options?: IsoOptions): number {
  return computeLayout(files).totalSectors * SECTOR;
}

/**
 * Writes the image to `out` and resolves, once every byte has been accepted by `out.write`, with the
 * byte count and the SHA-256 (hex) of the image (null when `hash: false`). `out` is not ended: the caller ends it and waits for
 * 'finish' (or destroys it after a failure, and deletes the partial image). Refuses, before writing
 * anything, what ISO 9660 + Joliet cannot hold; stops with an error naming the file when a source
 * yields more or fewer bytes than declared.
 */
export interface WriteIsoOptions {
  readonly onProgress?: (bytesWritten: number, total: number) => void;
  /** Hash the image on the way (default true); false when the caller hashes it as it reads it back. */
  readonly hash?: boolean;
}

export async function writeIso(files: readonly IsoFileSource[], options: IsoOptions, out: NodeJS.WritableStream, write?: WriteIsoOptions & { hash?: true }): Promise<{ bytes: number; sha256: string }>;
export async function writeIso(files: readonly IsoFileSource[], options: IsoOptions, out: NodeJS.WritableStream, write: WriteIsoOptions & { hash: false }): Promise<{ bytes: number; sha256: null }>;
export async function writeIso(
  files: readonly IsoFileSource[],
  options: IsoOptions,
  out: NodeJS.WritableStream,
  write: WriteIsoOptions = {},
): Promise<{ bytes: number; sha256: string | null }> {
  const layout = computeLayout(files);
  const meta = buildMetadata(layout, normalizeOptions(options));
  const total = layout.totalSectors * SECTOR;
  const sink = new Sink(out, total, write);
  try {
    await sink.put(meta);
    for (const node of layout.files) {
      const file = files[node.index] as IsoFileSource;
      const actual = await sink.copy(
        file.open(),
        file.size,
        () => new Error(m.sizeMismatch(file.path, file.size)),
        () => new Error(m.textChunk(file.path)),
      );
      if (actual !== file.size) throw new Error(m.sizeMismatch(file.path, file.size, actual));
      await sink.zeros(padding(file.size));
    }
    if (sink.position !== total) throw new Error(`internal: wrote ${sink.position} of ${total} bytes`);
    return await sink.finish();
  } finally {
    sink.release();
  }
}

/** Zero bytes after a file of this size up to the end of its last sector. */
export function padding(size: number): number {
  return (SECTOR - (size % SECTOR)) % SECTOR;
}
