/**
 * The pre-scan of an Excel workbook (ECMA-376 Part 1 §18, SpreadsheetML) before exceljs sees it: the
 * package is opened with the bounded ZIP reader and every part inflated once (sizes and CRC-32 checked),
 * every XML part scanned (depth, elements, text per cell and shared string, no DTD), and the worksheets
 * held to the row, cell and merged-range bounds. exceljs expands what the sheet only names — the cells
 * of every merged range and data validation, and one column object per `<col>` from min to max — so those
 * areas are bounded here too.
 *
 * It also finds, by the package's relationships (OPC, ECMA-376 Part 2 §9.3) and not by the part names
 * one program happens to write, what the import reads: the workbook's sheets in order, each worksheet's
 * drawing and the pictures it refers to, the shared strings and the styles. Only those parts are kept
 * (xlsx/repack.ts hands them to exceljs under the names it expects); comments, VML, printer settings,
 * custom XML, themes and the rest are never parsed.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { bound, ReaderError, type Budget } from '../errors.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../limits.js';
import { readerMessages as m } from '../messages.js';
import { scanXml } from '../xml-guard.js';
import { openZip, partKey, type ZipArchive } from '../zip.js';

const MAX_COLUMN = 16384;
const MAX_ROW = 1048576;
const XML_PART = /\.(xml|rels|vml)$/i;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** The relationships namespace, transitional and strict (`r:id` of a sheet). */
const R_NS = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships']);
/** SpreadsheetML, transitional and strict. */
const SML_NS = new Set(['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main']);

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Cells of an A1 reference (`A1`, `A1:C3`, `A:A`, `1:3`); a reference that cannot be read counts as a whole sheet. */
export function referenceArea(ref: string): number {
  const parts = ref.replace(/\$/g, '').toUpperCase().split(':');
  const ends = parts.map((p) => /^([A-Z]{0,3})(\d{0,7})$/.exec(p));
  if (ends.length < 1 || ends.length > 2 || ends.some((e) => e === null)) return MAX_COLUMN * MAX_ROW;
  const [a, b] = [ends[0] as RegExpExecArray, (ends[1] ?? ends[0]) as RegExpExecArray];
  const col = (e: RegExpExecArray, fallback: number) => (e[1] === '' ? fallback : columnNumber(e[1] as string));
  const row = (e: RegExpExecArray, fallback: number) => (e[2] === '' ? fallback : Number(e[2]));
  const width = Math.abs(col(b, MAX_COLUMN) - col(a, 1)) + 1;
  const height = Math.abs(row(b, MAX_ROW) - row(a, 1)) + 1;
  return width * height;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)?.slice(1).find((v) => v !== undefined);
}

/** One relationship of a part: its type's last segment (`worksheet`, `drawing`, `image` …) and the part it names. */
export interface XlsxRelationship {
  readonly id: string;
  readonly type: string;
  /** The target part (resolved, no leading slash), or the target as written when external. */
  readonly target: string;
  readonly external: boolean;
}

export interface XlsxSheet {
  /** As shown on the sheet's tab. */
  readonly name: string;
  /** `hidden` / `veryHidden`, or '' for a visible sheet. */
  readonly state: string;
  /** The worksheet part; undefined for a chart sheet, dialog sheet or macro sheet. */
  readonly part: string | undefined;
  /** The sheet's drawing (pictures over its cells): the relationship id the sheet names it by, and the part. */
  readonly drawing?: { readonly id: string; readonly part: string };
}

/** What the import reads of a workbook: the layout found by the relationships, and the bytes of those parts. */
export interface XlsxPackage {
  /** The workbook part (`xl/workbook.xml`); undefined when the package holds none (a Word file, another ZIP). */
  readonly workbook: string | undefined;
  readonly date1904: boolean;
  readonly sheets: readonly XlsxSheet[];
  readonly sharedStrings: string | undefined;
  readonly styles: string | undefined;
  /** Per drawing part: its relationships (pictures, and the links exceljs looks up). */
  readonly drawingRels: ReadonlyMap<string, readonly XlsxRelationship[]>;
  /** The bytes of the parts named above, by part key (zip.ts `partKey`). */
  readonly parts: ReadonlyMap<string, Uint8Array>;
}

/** Elements of an XML part, namespace-aware (and its text and end tags when asked); saxes' error becomes a refusal naming the part. */
export function eachElement(
  xml: string,
  part: string,
  onOpen: (tag: SaxesTagNS) => void,
  more: { readonly text?: (text: string) => void; readonly close?: () => void } = {},
): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', onOpen);
  if (more.text) parser.on('text', more.text);
  if (more.close) parser.on('closetag', more.close);
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof ReaderError) throw e;
    throw new ReaderError(m.badXml(part, (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''));
  }
}

const value = (tag: SaxesTagNS, local: string, ns?: ReadonlySet<string>) =>
  Object.values(tag.attributes).find((a) => a.local === local && (ns === undefined ? a.uri === '' : ns.has(a.uri)))?.value;

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package's is `_rels/.rels`. */
function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target relative to the source part's folder (percent-escapes decoded, `.` and `..` resolved); absolute when it starts with `/`. */
export function resolveTarget(source: string, target: string): string {
  let path = target.split(/[?#]/)[0] ?? '';
  try {
    path = decodeURIComponent(path);
  } catch {
    // a stray % stays as written
  }
  const out = path.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

function readRels(zip: ZipArchive, source: string, limits: ReaderLimits, budget?: Budget): XlsxRelationship[] {
  const relsPart = source === '' ? '_rels/.rels' : relsPartOf(source);
  const xml = zip.text(relsPart);
  if (xml === undefined) return [];
  scanXml(xml, limits, { part: relsPart }, budget);
  const rels: XlsxRelationship[] = [];
  eachElement(xml, relsPart, (tag) => {
    const [id, type, target] = [value(tag, 'Id'), value(tag, 'Type'), value(tag, 'Target')];
    if (tag.local !== 'Relationship' || id === undefined || type === undefined || target === undefined) return;
    const external = value(tag, 'TargetMode') === 'External';
    rels.push({ id, type: type.slice(type.lastIndexOf('/') + 1), target: external ? target : resolveTarget(source, target), external });
  });
  return rels;
}

/** The layout of the package: workbook, sheets, their drawings and pictures, shared strings, styles. */
function findLayout(zip: ZipArchive, limits: ReaderLimits, budget?: Budget): Omit<XlsxPackage, 'parts'> {
  const main = readRels(zip, '', limits, budget).find((r) => r.type === 'officeDocument' && !r.external)?.target ?? 'xl/workbook.xml';
  const none = { workbook: undefined, date1904: false, sheets: [], sharedStrings: undefined, styles: undefined, drawingRels: new Map() };
  const xml = zip.entry(main) === undefined ? undefined : zip.text(main);
  if (xml === undefined) return none;
  scanXml(xml, limits, { part: main }, budget);
  const listed: { name: string; state: string; id: string }[] = [];
  let date1904 = false;
  let root = '';
  eachElement(xml, main, (tag) => {
    root ||= SML_NS.has(tag.uri) ? tag.local : '-';
    if (!SML_NS.has(tag.uri)) return;
    if (tag.local === 'workbookPr') date1904 = ['1', 'true'].includes(value(tag, 'date1904') ?? '');
    if (tag.local === 'sheet') listed.push({ name: value(tag, 'name') ?? '', state: value(tag, 'state') ?? '', id: value(tag, 'id', R_NS) ?? '' });
  });
  if (root !== 'workbook') return none;
  const rels = readRels(zip, main, limits, budget);
  const internal = (type: string) => rels.find((r) => r.type === type && !r.external && zip.entry(r.target) !== undefined)?.target;
  const drawingRels = new Map<string, readonly XlsxRelationship[]>();
  const exists = (part: string, what: string) => {
    if (zip.entry(part) === undefined) throw new ReaderError(m.missingPart(part, what));
  };
  const sheets = listed.map((s): XlsxSheet => {
    const rel = rels.find((r) => r.id === s.id);
    if (rel === undefined || rel.type !== 'worksheet' || rel.external) return { name: s.name, state: s.state, part: undefined };
    exists(rel.target, m.sheetNamed(s.name));
    const drawingRel = readRels(zip, rel.target, limits, budget).find((r) => r.type === 'drawing' && !r.external);
    if (drawingRel === undefined) return { name: s.name, state: s.state, part: rel.target };
    exists(drawingRel.target, m.sheetPictures(s.name));
    const pictures = readRels(zip, drawingRel.target, limits, budget);
    for (const r of pictures) if (r.type === 'image' && !r.external) exists(r.target, m.sheetPictures(s.name));
    drawingRels.set(partKey(drawingRel.target), pictures);
    return { name: s.name, state: s.state, part: rel.target, drawing: { id: drawingRel.id, part: drawingRel.target } };
  });
  return { workbook: main, date1904, sheets, sharedStrings: internal('sharedStrings'), styles: internal('styles'), drawingRels };
}

/**
 * Checks the package and returns what the import reads of it. Throws ReaderError / ReaderLimitError when
 * the workbook is damaged or passes a bound.
 */
export function checkXlsxPackage(bytes: Uint8Array, limits: ReaderLimits = DEFAULT_LIMITS, budget?: Budget): XlsxPackage {
  const zip = openZip(bytes, limits);
  const layout = findLayout(zip, limits, budget);
  const worksheets = new Set(layout.sheets.flatMap((s) => (s.part === undefined ? [] : [partKey(s.part)])));
  const kept = new Set([
    ...worksheets,
    ...[layout.sharedStrings, layout.styles].flatMap((p) => (p === undefined ? [] : [partKey(p)])),
    ...layout.drawingRels.keys(),
    ...[...layout.drawingRels.values()].flatMap((rels) => rels.filter((r) => r.type === 'image' && !r.external).map((r) => partKey(r.target))),
  ]);
  const parts = new Map<string, Uint8Array>();
  const decoder = new TextDecoder('utf-8');
  let cells = 0;
  zip.verifyAll(budget, (entry, data) => {
    if (kept.has(partKey(entry.name))) parts.set(partKey(entry.name), data);
    if (!XML_PART.test(entry.name)) return;
    const xml = decoder.decode(data);
    if (!WORKSHEET.test(entry.name) && !worksheets.has(partKey(entry.name))) {
      scanXml(xml, limits, { part: entry.name, textContainers: new Set(['si', 'c', 't']) }, budget);
      return;
    }
    const sheet = m.sheetPart(entry.name.slice(entry.name.lastIndexOf('/') + 1));
    let merged = 0;
    let validated = 0;
    const scan = scanXml(
      xml,
      limits,
      {
        part: entry.name,
        textContainers: new Set(['c', 'f']),
        count: new Set(['row', 'c', 'mergeCell', 'col', 'dataValidation']),
        onTag: (local, tag) => {
          if (local === 'row' || local === 'c') {
            // a row numbered far beyond the rows there are (r="1048577") makes readers that walk the
            // sheet by row number run for seconds: the number is held to the row bound as the count is
            const r = /^[A-Z]*(\d+)$/.exec(attribute(tag, 'r') ?? '');
            if (r) bound('sheetRows', limits, Number(r[1]), sheet);
          } else if (local === 'mergeCell') {
            merged += referenceArea(attribute(tag, 'ref') ?? '');
            bound('mergedCells', limits, merged, sheet);
          } else if (local === 'col') {
            const max = Number(attribute(tag, 'max') ?? '0');
            const min = Number(attribute(tag, 'min') ?? '0');
            if (!(min >= 1 && max >= min && max <= MAX_COLUMN)) throw new ReaderError(m.columns(entry.name));
          } else if (local === 'dataValidation') {
            for (const ref of (attribute(tag, 'sqref') ?? '').split(/\s+/).filter((s) => s !== '')) validated += referenceArea(ref);
            bound('sheetCells', limits, cells + validated, m.validationArea(sheet));
          }
        },
      },
      budget,
    );
    bound('sheetRows', limits, scan.counts.get('row') ?? 0, sheet);
    bound('mergedRanges', limits, scan.counts.get('mergeCell') ?? 0, sheet);
    cells += scan.counts.get('c') ?? 0;
    bound('sheetCells', limits, cells);
  });
  return { ...layout, parts };
}
