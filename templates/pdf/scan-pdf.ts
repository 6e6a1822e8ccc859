/**
 * The signed scan of the 题库内部审核意见 as the PDF of the submission folder
 * (`05_题库内部审核意见（专家签名扫描件）.pdf`). A scan delivered as PDF passes through byte for byte: its
 * hash is what the panel attached. A PNG or JPEG scan becomes a one-page A4 PDF, portrait (landscape for
 * a landscape image), the image as large as fits inside 10 mm margins with its aspect kept, centred;
 * title (and subject) in the document information, the dates the caller gives, nothing else that
 * changes from run to run — the same scan and meta give the same bytes.
 *
 * The scan is what app/readers/scan.ts accepted (its AcceptedScan fits `ScanSource`); this module names
 * only the shape, as templates depend on the domain alone.
 */
import { PageSizes, PDFDocument, type PDFImage } from 'pdf-lib';

export interface ScanSource {
  readonly format: 'pdf' | 'png' | 'jpeg';
  /** The file as delivered. */
  readonly bytes: Uint8Array;
}

export interface ScanPdfMeta {
  /** Document title, e.g. `制图员四级/中级工 题库内部审核意见（专家签名扫描件）`. */
  readonly title: string;
  readonly subject?: string;
  /** Creation and modification date written into the PDF (fixed by the caller, for a reproducible file). */
  readonly date: Date;
}

/** 10 mm in PDF points (1 pt = 1/72 in). */
export const SCAN_MARGIN_PT = (10 / 25.4) * 72;
/** A4 portrait in points: 595.28 × 841.89. */
export const A4_PT: readonly [number, number] = PageSizes.A4;

/** Where an image of `width` × `height` stands on a page: as large as fits inside the margins, centred. */
export function fitImage(
  width: number,
  height: number,
  page: readonly [number, number],
  margin = SCAN_MARGIN_PT,
): { x: number; y: number; width: number; height: number } {
  const scale = Math.min((page[0] - 2 * margin) / width, (page[1] - 2 * margin) / height);
  const w = width * scale;
  const h = height * scale;
  return { x: (page[0] - w) / 2, y: (page[1] - h) / 2, width: w, height: h };
}

async function embed(doc: PDFDocument, scan: ScanSource): Promise<PDFImage> {
  return scan.format === 'png' ? doc.embedPng(scan.bytes) : doc.embedJpg(scan.bytes);
}

/** The scan as a PDF: the PDF itself, or the image on one A4 page. */
export async function scanToPdf(scan: ScanSource, meta: ScanPdfMeta): Promise<Uint8Array> {
  if (scan.format === 'pdf') return scan.bytes;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const image = await embed(doc, scan);
  const [a4Width, a4Height] = A4_PT;
  const size: [number, number] = image.width > image.height ? [a4Height, a4Width] : [a4Width, a4Height];
  const page = doc.addPage(size);
  page.drawImage(image, fitImage(image.width, image.height, size));
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.subject !== undefined) doc.setSubject(meta.subject);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  return doc.save({ updateFieldAppearances: false });
}
