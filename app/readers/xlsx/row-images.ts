/**
 * Pictures writers paste into the item workbook (a 附图 over a task's row, a figure beside a theory item):
 * each picture belongs to the row its top-left corner is anchored in. Accepted by their bytes only (PNG or
 * JPEG, bounded: app/readers/images.ts), named by the content hash the caller passes in; a picture that is
 * refused becomes a problem of its row, so the item is not imported without it.
 */
import type ExcelJS from 'exceljs';
import { problem, type Problem } from '../../domain/validation.js';
import type { ContentHash, DocxImage } from '../docx/package.js';
import { bound, ReaderError, ReaderLimitError, type Budget } from '../errors.js';
import { acceptImage } from '../images.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../limits.js';
import { readerMessages as m } from '../messages.js';

/** An image read from a file, with the hash items refer to it by. */
export type ReadImage = DocxImage;

export interface RowImages {
  /** Per 1-based row: the hashes of its accepted pictures, in anchor order (left to right). */
  readonly byRow: ReadonlyMap<number, readonly string[]>;
  /** Per 1-based row: why a picture of it was refused. */
  readonly refused: ReadonlyMap<number, readonly Problem[]>;
  readonly images: readonly ReadImage[];
}

export function readRowImages(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  contentHash: ContentHash,
  limits: ReaderLimits = DEFAULT_LIMITS,
  budget?: Budget,
): RowImages {
  const byRow = new Map<number, string[]>();
  const refused = new Map<number, Problem[]>();
  const images = new Map<string, ReadImage>();
  const anchored = sheet
    .getImages()
    .map((img) => ({ id: Number(img.imageId), row: Math.floor(img.range.tl.nativeRow) + 1, col: img.range.tl.nativeCol }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  for (const { id, row } of anchored) {
    budget?.check();
    const where = m.imagePart(`${sheet.name}!${String(row)}`);
    try {
      const media = workbook.getImage(id) as ExcelJS.Image | undefined;
      const bytes = media?.buffer === undefined ? undefined : new Uint8Array(media.buffer);
      if (bytes === undefined) throw new ReaderError(m.imageUnknown);
      bound('imageBytes', limits, bytes.byteLength, where);
      const accepted = acceptImage(bytes, limits, where);
      const sha256 = contentHash(bytes);
      if (!images.has(sha256)) images.set(sha256, { sha256, bytes, contentType: accepted.contentType });
      byRow.set(row, [...(byRow.get(row) ?? []), sha256]);
    } catch (e) {
      if (!(e instanceof ReaderError)) throw e;
      const message = e instanceof ReaderLimitError ? e.message : m.imageRefused(`${sheet.name}!${String(row)}`, e.message);
      refused.set(row, [...(refused.get(row) ?? []), problem(['images'], message)]);
    }
  }
  return { byRow, refused, images: [...images.values()] };
}
