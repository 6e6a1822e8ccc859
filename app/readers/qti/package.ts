/**
 * A QTI 2.1 content package (IMS Content Packaging 1.1 zip with `imsmanifest.xml` at its root; QTI 2.1
 * Integration Guide §3) read as hostile input: the bounded ZIP reader (zip.ts: sizes, ratio, entries,
 * CRC) inflates every entry once, every XML part is refused when it declares a DOCTYPE or an ENTITY and
 * then held to the XML bounds (xml-guard.ts) before saxes parses it; the manifest may not point outside
 * the package. Each item resource's XML is parsed on its own (a damaged item is reported, not the
 * package), and the images its stem refers to are known by their bytes (images.ts: PNG/JPEG within the
 * bounds), named by the content hash the caller passes in.
 */
import { QTI_ITEM_RESOURCE_TYPES, MANIFEST_FILE, type QtiItemContent, type QtiResourceMeta } from '../../domain/qti/model.js';
import { Budget, ReaderError } from '../errors.js';
import { acceptImage, type StoredImageType } from '../images.js';
import { DEFAULT_LIMITS, type ReadOptions, type ReaderLimits } from '../limits.js';
import { scanXml } from '../xml-guard.js';
import { openZip, partKey } from '../zip.js';
import { readAssessmentItem } from './item.js';
import { readManifest } from './manifest.js';
import { qtiReaderMessages as m } from './messages.js';

export type ContentHash = (bytes: Uint8Array) => string;

export interface QtiPackageImage {
  readonly sha256: string;
  readonly bytes: Uint8Array;
  readonly contentType: StoredImageType;
}

/** One item resource: its file, metadata and parsed content, or why it could not be read. */
export interface QtiPackageItem {
  /** The item's file as the manifest names it (for the report). */
  readonly file: string;
  readonly identifier: string;
  readonly meta: QtiResourceMeta;
  readonly content?: QtiItemContent;
  readonly problem?: string;
}

export interface QtiPackage {
  readonly items: readonly QtiPackageItem[];
  /** The stem images, by package path: accepted (with its hash) or refused (why). */
  readonly images: ReadonlyMap<string, QtiPackageImage | { readonly problem: string }>;
  /** Resources that are not items (tests, sections …), with why they were left out. */
  readonly ignored: readonly { readonly file: string; readonly reason: string }[];
}

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;
const XML_PART = /\.(xml|xsd)$/i;
/** Resource types that are plainly no items and need no mention (the images, style sheets, schemas …). */
const QUIET_TYPES = /^(webcontent|associatedcontent|controlfile|imsqti_fragment|imsqti_rptemplate)/i;

/** Throws ReaderError when the part declares a DTD or an entity (before any parser sees it). */
function refuseDeclarations(text: string, part: string): void {
  if (DECLARATION.test(text)) throw new ReaderError(m.doctype(part));
}

/**
 * Opens the package: throws ReaderError / ReaderLimitError (Chinese) when the package itself is refused
 * (not a zip, a bound passed, a DTD or entity, no manifest, a reference outside the package, no items).
 */
export function readQtiPackage(bytes: Uint8Array, contentHash: ContentHash, options: ReadOptions = {}): QtiPackage {
  const limits: ReaderLimits = options.limits ?? DEFAULT_LIMITS;
  const budget = new Budget(limits, options.clock);
  const zip = openZip(bytes, limits);
  if (zip.entry(MANIFEST_FILE) === undefined) throw new ReaderError(m.noManifest);
  const decoder = new TextDecoder('utf-8');
  const texts = new Map<string, string>();
  const data = new Map<string, Uint8Array>();
  zip.verifyAll(budget, (entry, content) => {
    const key = partKey(entry.name);
    if (!XML_PART.test(entry.name)) {
      data.set(key, content);
      return;
    }
    const text = decoder.decode(content).replace(/^\uFEFF/, '');
    refuseDeclarations(text, entry.name);
    scanXml(text, limits, { part: entry.name, textContainers: new Set(['p', 'simpleChoice', 'prompt', 'div']) }, budget);
    texts.set(key, text);
  });
  const resources = readManifest(texts.get(partKey(MANIFEST_FILE)) ?? '');
  const itemResources = resources.filter((r) => QTI_ITEM_RESOURCE_TYPES.has(r.type));
  if (itemResources.length === 0) throw new ReaderError(m.noItems);

  const items: QtiPackageItem[] = [];
  const images = new Map<string, QtiPackageImage | { problem: string }>();
  const seen = new Set<string>();
  for (const r of itemResources) {
    budget.check();
    const file = r.href ?? r.identifier;
    const base = { file, identifier: r.identifier, meta: r.meta };
    if (r.path === undefined) {
      items.push({ ...base, problem: m.noHref(r.identifier) });
      continue;
    }
    if (seen.has(partKey(r.path))) continue;
    seen.add(partKey(r.path));
    const xml = texts.get(partKey(r.path));
    if (xml === undefined) {
      items.push({ ...base, problem: m.itemMissing(file) });
      continue;
    }
    let content: QtiItemContent;
    try {
      content = readAssessmentItem(xml, r.path);
    } catch (e) {
      if (!(e instanceof ReaderError)) throw e;
      items.push({ ...base, problem: e.message });
      continue;
    }
    for (const ref of content.images) {
      if (ref.path === undefined || images.has(partKey(ref.path))) continue;
      const imageBytes = data.get(partKey(ref.path));
      if (imageBytes === undefined) continue;
      try {
        const accepted = acceptImage(imageBytes, limits, ref.path);
        images.set(partKey(ref.path), { sha256: contentHash(imageBytes), bytes: imageBytes, contentType: accepted.contentType });
      } catch (e) {
        if (!(e instanceof ReaderError)) throw e;
        images.set(partKey(ref.path), { problem: e.message });
      }
    }
    items.push({ ...base, content });
  }
  const ignored = resources
    .filter((r) => !QTI_ITEM_RESOURCE_TYPES.has(r.type) && !QUIET_TYPES.test(r.type))
    .map((r) => ({ file: r.href ?? r.identifier, reason: m.notAnItem(r.type) }));
  return { items, images, ignored };
}

/** The image lookup of the domain mapping (by package path, case-insensitive like the zip's part names). */
export function imageLookup(pkg: QtiPackage): (path: string) => { sha256: string } | { problem: string } | undefined {
  return (path) => {
    const found = pkg.images.get(partKey(path));
    return found === undefined ? undefined : 'problem' in found ? { problem: found.problem } : { sha256: found.sha256 };
  };
}
