/**
 * The package of a Word document (ECMA-376 Part 2, OPC) read with the bounded ZIP reader: every part
 * inflated once (sizes and CRC-32 checked) and every XML part scanned (depth, elements, text per
 * paragraph, paragraphs of the main part, no DTD) before a parser sees it; the main part found from
 * `_rels/.rels`, its relationships read; images taken by relationship id, each held to the image bounds
 * and known by its bytes (images.ts), never by its name or content type.
 */
import { createHash } from 'node:crypto';
import { SaxesParser } from 'saxes';
import { problem, type Problem } from '../domain/validation.js';
import { bound, ReaderError, ReaderLimitError, type Budget } from './errors.js';
import { acceptImage, type StoredImageType } from './images.js';
import { DEFAULT_LIMITS, type ReaderLimits } from './limits.js';
import { scanXml } from './xml-guard.js';
import { openZip, partKey, type ZipArchive } from './zip.js';

export interface DocxImage {
  sha256: string;
  bytes: Uint8Array;
  contentType: StoredImageType;
}

export interface Relationship {
  target: string;
  external: boolean;
}

export interface DocxPackage {
  readonly zip: ZipArchive;
  readonly mainPart: string;
  /** The main part's XML, already scanned. */
  readonly xml: string | undefined;
  readonly rels: ReadonlyMap<string, Relationship>;
}

const OFFICE_DOCUMENT_REL = /\/officeDocument$/;
const XML_PART = /\.(xml|rels|vml)$/i;

/** Elements of a small XML part (relationships), by local name with plain attributes. */
function eachElement(xml: string, onOpen: (local: string, attrs: Readonly<Record<string, string>>) => void): void {
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => onOpen(tag.name.slice(tag.name.indexOf(':') + 1), tag.attributes));
  parser.write(xml).close();
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** A relationship target relative to the source part's folder, `..` resolved; absolute when it starts `/`. */
export function resolvePart(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').filter((s) => s !== '');
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Opens and checks the package. Throws ReaderError / ReaderLimitError for a damaged or unbounded file,
 * and saxes' error for relationships that are not well-formed XML.
 */
export function openDocxPackage(bytes: Uint8Array, limits: ReaderLimits = DEFAULT_LIMITS, budget?: Budget): DocxPackage {
  const zip = openZip(bytes, limits);
  let mainPart = 'word/document.xml';
  const packageRels = zip.text('_rels/.rels');
  if (packageRels !== undefined) {
    scanXml(packageRels, limits, { part: '_rels/.rels' }, budget);
    eachElement(packageRels, (local, a) => {
      if (local === 'Relationship' && OFFICE_DOCUMENT_REL.test(a.Type ?? '') && a.Target !== undefined) mainPart = resolvePart('', a.Target);
    });
  }
  const decoder = new TextDecoder('utf-8');
  let xml: string | undefined;
  zip.verifyAll(budget, (entry, data) => {
    if (!XML_PART.test(entry.name)) return;
    const text = decoder.decode(data).replace(/^\uFEFF/, '');
    const main = partKey(entry.name) === partKey(mainPart);
    const scan = scanXml(text, limits, { part: entry.name, textContainers: new Set(['p']), count: new Set(['p']) }, budget);
    if (main) {
      bound('paragraphs', limits, scan.counts.get('p') ?? 0, entry.name);
      xml = text;
    }
  });
  const rels = new Map<string, Relationship>();
  const slash = mainPart.lastIndexOf('/');
  const relsXml = zip.text(`${mainPart.slice(0, slash + 1)}_rels/${mainPart.slice(slash + 1)}.rels`);
  if (relsXml !== undefined) {
    eachElement(relsXml, (local, a) => {
      if (local === 'Relationship' && a.Id !== undefined && a.Target !== undefined) rels.set(a.Id, { target: a.Target, external: a.TargetMode === 'External' });
    });
  }
  return { zip, mainPart, xml, rels };
}

const LINKED = '图片是链接到外部文件的，没有嵌入文档，无法导入';

/**
 * The images of these relationship ids (`link:` prefix for linked ones): sha256 per id, or the problem
 * with it (missing, linked, too large, not PNG/JPEG). Only accepted images are returned, once each.
 */
export function readDocxImages(
  pkg: DocxPackage,
  ids: ReadonlySet<string>,
  limits: ReaderLimits = DEFAULT_LIMITS,
  budget?: Budget,
): { byId: Map<string, string | Problem>; images: DocxImage[] } {
  const byId = new Map<string, string | Problem>();
  const images = new Map<string, DocxImage>();
  for (const id of ids) {
    budget?.check();
    if (id.startsWith('link:')) {
      byId.set(id, problem(['images'], LINKED));
      continue;
    }
    const rel = pkg.rels.get(id);
    if (rel === undefined || rel.external) {
      byId.set(id, problem(['images'], rel === undefined ? `找不到图片（关系 ${id}）` : LINKED));
      continue;
    }
    const path = resolvePart(dirOf(pkg.mainPart), rel.target);
    const entry = pkg.zip.entry(path);
    if (entry === undefined) {
      byId.set(id, problem(['images'], `文档中缺少图片文件 ${path}`));
      continue;
    }
    try {
      bound('imageBytes', limits, entry.size, `图片 ${path}`);
      const bytes = pkg.zip.read(entry);
      const accepted = acceptImage(bytes, limits, `图片 ${path}`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (!images.has(sha256)) images.set(sha256, { sha256, bytes, contentType: accepted.contentType });
      byId.set(id, sha256);
    } catch (e) {
      if (!(e instanceof ReaderError)) throw e;
      byId.set(id, problem(['images'], e instanceof ReaderLimitError ? e.message : `图片 ${path}：${e.message}`));
    }
  }
  return { byId, images: [...images.values()] };
}
