/**
 * The bank's theory items as a QTI 2.1 content package (IMS CP 1.1 zip): one assessmentItem per item
 * (its current version) at the package root, its images under `images/<sha256>.<png|jpg>`, and
 * imsmanifest.xml with one `imsqti_item_xmlv2p1` resource per item carrying its 鉴定点, 难度, type,
 * version and, when the caller supplies them, its pooled statistics (app/domain/qti). The zip is
 * deterministic: entries sorted by name, one fixed date, fixed compression — the same items give the
 * same bytes. Writing the file is the handler's job (app/services/output).
 */
import JSZip from 'jszip';
import type { ItemState } from '../../domain/bank.js';
import { buildAssessmentItem, qtiItemIdentifier } from '../../domain/qti/item-xml.js';
import { buildManifest, type ManifestResource } from '../../domain/qti/manifest-xml.js';
import { IMAGE_FOLDER, MANIFEST_FILE, type QtiItemStatistics } from '../../domain/qti/model.js';
import { getImage } from '../../store/repositories/images.js';
import { listItems } from '../../store/repositories/items.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { qtiMessages as m } from './messages.js';

/** The date of every entry (the zip stores it in DOS format, UTC in jszip): not the time of the export. */
export const FIXED_ZIP_DATE = new Date('2000-01-01T00:00:00Z');

export interface QtiPackageBytes {
  readonly bytes: Uint8Array;
  readonly items: number;
  readonly images: number;
}

/**
 * Builds the package of the bank's theory items in `state` (ids ascending). `statistics` (by item id),
 * when given, goes into each resource's metadata. Throws ServiceError when there is no item or an image
 * is missing from the store.
 */
export async function buildQtiPackage(
  ctx: ServiceContext,
  bankId: number,
  state: ItemState,
  statistics?: ReadonlyMap<number, QtiItemStatistics>,
): Promise<QtiPackageBytes> {
  const records = listItems(ctx.db, bankId, { kind: 'theory', state });
  if (records.length === 0) throw new ServiceError(m.noItems(state));
  const files = new Map<string, string | Uint8Array>();
  const imageFiles = new Map<string, string>();
  const resources: ManifestResource[] = [];
  for (const r of records) {
    const item = r.body;
    for (const hash of item.images) {
      if (imageFiles.has(hash)) continue;
      const image = getImage(ctx.db, hash);
      if (image === undefined) throw new ServiceError(m.missingImage(r.id, hash));
      const file = `${IMAGE_FOLDER}/${hash}.${image.contentType === 'image/png' ? 'png' : 'jpg'}`;
      imageFiles.set(hash, file);
      files.set(file, image.bytes);
    }
    const identifier = qtiItemIdentifier(r.id, r.version);
    const href = `${identifier}.xml`;
    files.set(href, buildAssessmentItem({ itemId: r.id, version: r.version, item, imageFiles }));
    const stats = statistics?.get(r.id);
    resources.push({
      identifier,
      href,
      images: item.images.map((h) => imageFiles.get(h) as string),
      itemId: r.id,
      version: r.version,
      type: item.type,
      element: item.element,
      difficulty: item.difficulty,
      ...(stats === undefined ? {} : { statistics: stats }),
    });
  }
  files.set(MANIFEST_FILE, buildManifest(`qbank-bank-${String(bankId)}`, resources));
  const zip = new JSZip();
  for (const name of [...files.keys()].sort()) {
    zip.file(name, files.get(name) as string | Uint8Array, { date: FIXED_ZIP_DATE, createFolders: false, binary: typeof files.get(name) !== 'string' });
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
  return { bytes, items: records.length, images: imageFiles.size };
}
