/**
 * The package of a Word document (ECMA-376 Part 2, OPC) and what is in it: paragraphs, table rows and
 * images.
 *
 * The package is read with the bounded ZIP reader: every part inflated once (sizes and CRC-32 checked)
 * and every XML part scanned (depth, elements, text per paragraph, paragraphs of the main part, no DTD)
 * before a parser sees it; the main part found from `_rels/.rels`, its relationships read. Images are
 * taken by relationship id, each held to the image bounds and known by its bytes (images.ts), never by
 * its name or content type; the caller names each by a content hash it passes in (the services hash
 * with crypto/digest.ts).
 *
 * The main part (ECMA-376 Part 1 §17) is read with saxes into paragraphs: text of `w:t`, `w:tab` →
 * space, `w:br`/`w:cr` → line break, `w:sym` (Wingdings ✓/✗) → √/×; a table row becomes one line with
 * its cells separated by tabs; `mc:Fallback` is skipped (its content repeats `mc:Choice`); images
 * through `a:blip r:embed` / `v:imagedata r:id` → relationship → part. Numbers Word writes itself
 * (`w:numPr`, directly or by paragraph style) are put in front of the text (docx/numbering.ts).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { problem, type Problem } from '../../domain/validation.js';
import { bound, ReaderError, ReaderLimitError, type Budget } from '../errors.js';
import { acceptImage, type StoredImageType } from '../images.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../limits.js';
import { readerMessages as m } from '../messages.js';
import { scanXml } from '../xml-guard.js';
import { openZip, partKey, type ZipArchive } from '../zip.js';
import { readNumbering, type NumberingResolver } from './numbering.js';

/** Names an image by its bytes (a content hash: the service passes `sha256Hex` of crypto/digest.ts). */
export type ContentHash = (bytes: Uint8Array) => string;

export interface DocxImage {
  /** The image's content hash (`ContentHash`), by which items refer to it. */
  sha256: string;
  bytes: Uint8Array;
  contentType: StoredImageType;
}

export interface Relationship {
  target: string;
  external: boolean;
  /** The relationship type's last segment: `image`, `numbering`, `styles` …. */
  type: string;
}

export interface DocxPackage {
  readonly zip: ZipArchive;
  readonly mainPart: string;
  /** The main part's XML, already scanned. */
  readonly xml: string | undefined;
  readonly rels: ReadonlyMap<string, Relationship>;
  /** The labels of Word's own numbering (numbering and styles parts of the main part). */
  readonly numbering: NumberingResolver;
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
      if (local === 'Relationship' && a.Id !== undefined && a.Target !== undefined)
        rels.set(a.Id, { target: a.Target, external: a.TargetMode === 'External', type: (a.Type ?? '').slice((a.Type ?? '').lastIndexOf('/') + 1) });
    });
  }
  const part = (type: string) => {
    const rel = [...rels.values()].find((r) => r.type === type && !r.external);
    const text = rel === undefined ? undefined : zip.text(resolvePart(dirOf(mainPart), rel.target));
    return text?.replace(/^\uFEFF/, '');
  };
  return { zip, mainPart, xml, rels, numbering: readNumbering(part('numbering'), part('styles')) };
}

// ---------------------------------------------------------------------------------------------------
// The main part: paragraphs and lines.

const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const R_NS = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships']);
const A_NS = new Set(['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main']);
const V_NS = 'urn:schemas-microsoft-com:vml';
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** Wingdings check marks written as `w:sym` (Word's Insert Symbol): ✓ ✔ ☑ → √, ✗ ✘ ☒ → ×. */
const SYMBOLS: Readonly<Record<string, string>> = { F0FC: '√', F0FE: '√', F0FB: '×', F0FD: '×', '00FC': '√', '00FB': '×' };

interface Paragraph {
  index: number;
  text: string;
  /** Relationship ids of the images in the paragraph (`link:` prefix for linked, not embedded, ones). */
  images: string[];
  /** Id of the table, table row and cell the paragraph is in. */
  table: number | undefined;
  row: number | undefined;
  cell: number | undefined;
  /** Word's numbering of the paragraph (`w:numPr`, `w:pStyle`). */
  numbering?: { numId?: string; level?: number; style?: string };
}

/** The main document's paragraphs, in document order. Throws on XML that is not well-formed. */
function readParagraphs(xml: string, budget: Budget): Paragraph[] {
  const parser = new SaxesParser({ xmlns: true });
  const out: Paragraph[] = [];
  const open: Paragraph[] = [];
  const tables: number[] = [];
  const rows: number[] = [];
  const cells: number[] = [];
  let tableIds = 0;
  let count = 0;
  let rowIds = 0;
  let cellIds = 0;
  let runDepth = 0;
  let textDepth = 0;
  let skipDepth = 0;
  let pPrDepth = 0;
  let root = true;
  const inW = (tag: SaxesTagNS) => W_NS.has(tag.uri);
  const attr = (tag: SaxesTagNS, local: string, namespaces: ReadonlySet<string> | undefined) =>
    Object.values(tag.attributes).find((a) => a.local === local && (namespaces === undefined ? a.uri === '' || W_NS.has(a.uri) : namespaces.has(a.uri)))?.value;

  let seen = 0;
  parser.on('opentag', (tag) => {
    if ((++seen & 0x3fff) === 0) budget.check();
    if (root) {
      // ECMA-376 Part 1 §17.2.3: the main part of a WordprocessingML document is a w:document.
      if (!inW(tag) || tag.local !== 'document') throw new Error('not a WordprocessingML document');
      root = false;
    }
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    const top = open.at(-1);
    if (tag.uri === MC_NS && tag.local === 'Fallback') {
      skipDepth = 1;
      return;
    }
    if (tag.uri === V_NS && tag.local === 'imagedata') {
      const id = attr(tag, 'id', R_NS);
      if (top && id !== undefined) top.images.push(id);
      return;
    }
    if (A_NS.has(tag.uri) && tag.local === 'blip') {
      const embed = attr(tag, 'embed', R_NS);
      const link = attr(tag, 'link', R_NS);
      if (top && embed !== undefined) top.images.push(embed);
      else if (top && link !== undefined) top.images.push(`link:${link}`);
      return;
    }
    if (!inW(tag)) return;
    if (tag.local === 'pPrChange' || tag.local === 'rPr') {
      // A tracked change's old properties, or a run's: not the paragraph's numbering.
      skipDepth = 1;
      return;
    }
    if (pPrDepth > 0 && top && (tag.local === 'pStyle' || tag.local === 'numId' || tag.local === 'ilvl')) {
      const value = attr(tag, 'val', undefined) ?? '';
      top.numbering ??= {};
      if (tag.local === 'pStyle') top.numbering.style = value;
      else if (tag.local === 'numId') top.numbering.numId = value;
      else top.numbering.level = Number(value) || 0;
      return;
    }
    switch (tag.local) {
      case 'pPr':
        pPrDepth++;
        break;
      case 'p':
        count++;
        open.push({ index: count, text: '', images: [], table: tables.at(-1), row: rows.at(-1), cell: cells.at(-1) });
        break;
      case 'tbl':
        tables.push(++tableIds);
        break;
      case 'tr':
        rows.push(++rowIds);
        break;
      case 'tc':
        cells.push(++cellIds);
        break;
      case 'r':
        runDepth++;
        break;
      case 't':
        textDepth++;
        break;
      case 'tab':
        if (runDepth > 0 && top) top.text += ' ';
        break;
      case 'br':
      case 'cr':
        if (runDepth > 0 && top) top.text += '\n';
        break;
      case 'noBreakHyphen':
        if (runDepth > 0 && top) top.text += '-';
        break;
      case 'sym': {
        const char = (attr(tag, 'char', undefined) ?? '').toUpperCase();
        if (runDepth > 0 && top) top.text += SYMBOLS[char] ?? '';
        break;
      }
      default:
        break;
    }
  });
  parser.on('closetag', (tag) => {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (!inW(tag)) return;
    switch (tag.local) {
      case 'pPr':
        pPrDepth--;
        break;
      case 'p': {
        const p = open.pop();
        if (p) out.push(p);
        break;
      }
      case 'tbl':
        tables.pop();
        break;
      case 'tr':
        rows.pop();
        break;
      case 'tc':
        cells.pop();
        break;
      case 'r':
        runDepth--;
        break;
      case 't':
        textDepth--;
        break;
      default:
        break;
    }
  });
  parser.on('text', (text) => {
    const top = open.at(-1);
    if (skipDepth === 0 && textDepth > 0 && top) top.text += text;
  });
  parser.write(xml).close();
  return out;
}

/** A line of the main part: a paragraph, a line of one (`w:br`), or a whole table row. */
export interface DocxLine {
  /** 1-based index of its paragraph (every `w:p` of the body counts, table cells too). */
  paragraph: number;
  text: string;
  /** Image relationship ids, on the last line of their paragraph or table row. */
  images: string[];
  /** A table row: the id of its table and the text of each cell. */
  table?: number;
  cells?: string[];
}

/** A paragraph's text with the label of Word's numbering in front (`1. `, `A. `, `一、`). */
function labelled(p: Paragraph, numbering: NumberingResolver | undefined): string {
  const label = p.numbering === undefined ? undefined : numbering?.label(p.numbering);
  return label === undefined ? p.text : `${label}${/[\s、.:：）)]$/.test(label) ? '' : ' '}${p.text}`;
}

/** Paragraphs to lines: a table row is one line (cells joined by a tab), `w:br` splits a paragraph. */
function toLines(paragraphs: readonly Paragraph[], numbering: NumberingResolver | undefined): DocxLine[] {
  const lines: DocxLine[] = [];
  for (let i = 0; i < paragraphs.length; ) {
    const first = paragraphs[i] as Paragraph;
    let text = labelled(first, numbering);
    const images = [...first.images];
    let j = i + 1;
    if (first.row !== undefined) {
      let cell = first.cell;
      for (; j < paragraphs.length && paragraphs[j]?.row === first.row; j++) {
        const p = paragraphs[j] as Paragraph;
        text += (p.cell === cell ? ' ' : '\t') + labelled(p, numbering);
        cell = p.cell;
        images.push(...p.images);
      }
      text = text.replace(/\n/g, ' ');
      lines.push({ paragraph: first.index, text, images, table: first.table, cells: text.split('\t') });
      i = j;
      continue;
    }
    const parts = text.split('\n');
    parts.forEach((t, k) => lines.push({ paragraph: first.index, text: t, images: k === parts.length - 1 ? images : [] }));
    i = j;
  }
  return lines;
}

/** The main part as lines (see `toLines`), with Word's numbering when given. Throws on XML that is not well-formed. */
export function readDocxLines(xml: string, budget: Budget, numbering?: NumberingResolver): DocxLine[] {
  return toLines(readParagraphs(xml, budget), numbering);
}

// ---------------------------------------------------------------------------------------------------
// Images.

/**
 * The images of these relationship ids (`link:` prefix for linked ones): the content hash per id, or the
 * problem with it (missing, linked, too large, not PNG/JPEG). Only accepted images are returned, once each.
 */
export function readDocxImages(
  pkg: DocxPackage,
  ids: ReadonlySet<string>,
  contentHash: ContentHash,
  limits: ReaderLimits = DEFAULT_LIMITS,
  budget?: Budget,
): { byId: Map<string, string | Problem>; images: DocxImage[] } {
  const byId = new Map<string, string | Problem>();
  const images = new Map<string, DocxImage>();
  for (const id of ids) {
    budget?.check();
    if (id.startsWith('link:')) {
      byId.set(id, problem(['images'], m.imageLinked));
      continue;
    }
    const rel = pkg.rels.get(id);
    if (rel === undefined || rel.external) {
      byId.set(id, problem(['images'], rel === undefined ? m.imageNoRelationship(id) : m.imageLinked));
      continue;
    }
    const path = resolvePart(dirOf(pkg.mainPart), rel.target);
    const entry = pkg.zip.entry(path);
    if (entry === undefined) {
      byId.set(id, problem(['images'], m.imageNoPart(path)));
      continue;
    }
    try {
      bound('imageBytes', limits, entry.size, m.imagePart(path));
      const bytes = pkg.zip.read(entry);
      const accepted = acceptImage(bytes, limits, m.imagePart(path));
      const sha256 = contentHash(bytes);
      if (!images.has(sha256)) images.set(sha256, { sha256, bytes, contentType: accepted.contentType });
      byId.set(id, sha256);
    } catch (e) {
      if (!(e instanceof ReaderError)) throw e;
      byId.set(id, problem(['images'], e instanceof ReaderLimitError ? e.message : m.imageRefused(path, e.message)));
    }
  }
  return { byId, images: [...images.values()] };
}
