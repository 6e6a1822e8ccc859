/**
 * The workbook as exceljs can read it. exceljs does not follow a package's relationships: it finds parts
 * by the names Excel gives them (`xl/worksheets/sheetN.xml`, `xl/commentsN.xml`, `../drawings/…`), matches
 * elements by prefix (`xdr:pic`) and looks every relationship up without checking it exists. A workbook
 * re-saved by another program — openpyxl names comments `xl/comments/comment1.xml` with absolute targets,
 * writes drawings without the `xdr:` prefix — makes it throw (“Cannot read properties of undefined”) or lose
 * the pictures. So the package is built anew from what xlsx/package.ts found by the relationships, with
 * only what the import reads: the sheets in order (name, state), the worksheets as they are, the shared
 * strings and styles, and per sheet its pictures (xlsx/drawing.ts) with their images — under the names
 * exceljs expects. Comments, VML, printer settings, custom XML, themes, tables, defined names, hyperlinks
 * and the other parts and sheet elements the import does not need are left out.
 *
 * When exceljs still fails, each part is replaced by an empty one in turn until it succeeds: the refusal
 * names the part (and its sheet) and exceljs's reason.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ReaderError, type Budget } from '../errors.js';
import { readerMessages as m } from '../messages.js';
import { partKey } from '../zip.js';
import { drawingXml, readDrawing, type DrawingPicture } from './drawing.js';
import type { XlsxPackage } from './package.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Sheet elements exceljs would read and the import never uses (some look relationships up: hyperlinks, tables, background). */
const IGNORED_NODES = [
  'hyperlinks',
  'tableParts',
  'picture',
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'autoFilter',
  'sheetProtection',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
];

/** Empty stand-ins for a part under suspicion (the shared strings keep their number: cells refer to them by index). */
const EMPTY = {
  worksheet: `${HEAD}<worksheet xmlns="${SML}"><sheetData/></worksheet>`,
  sharedStrings: (xml: string) => {
    const count = (xml.match(/<(?:[\w.-]+:)?si[\s/>]/g) ?? []).length;
    return `${HEAD}<sst xmlns="${SML}" count="${count}" uniqueCount="${count}">${'<si><t></t></si>'.repeat(count)}</sst>`;
  },
  styles:
    `${HEAD}<styleSheet xmlns="${SML}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
    '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>',
} as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const rel = (id: string, type: string, target: string) => `<Relationship Id="${esc(id)}" Type="${R}/${type}" Target="${esc(target)}"/>`;
const relsXml = (rels: readonly string[]) => `${HEAD}<Relationships xmlns="${PKG_RELS}">${rels.join('')}</Relationships>`;

/** The package exceljs reads, built from `pkg`; `stub` (an original part name) is replaced by an empty part. */
export async function repack(pkg: XlsxPackage, stub?: string): Promise<Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  const bytesOf = (part: string) => {
    const data = pkg.parts.get(partKey(part));
    if (data === undefined) throw new ReaderError(m.missingPart(part, '工作簿'));
    return data;
  };
  const decoder = new TextDecoder('utf-8');
  const media = new Map<string, string>();
  const mediaName = (part: string) => {
    const key = partKey(part);
    let name = media.get(key);
    if (name === undefined) {
      const ext = /\.([a-z]{3,4})$/.exec(key)?.[1] ?? 'bin';
      name = `image${media.size + 1}.${ext}`;
      media.set(key, name);
      files.set(`xl/media/${name}`, bytesOf(part));
    }
    return name;
  };
  const drawings = new Map<string, string>();
  const drawingName = (part: string) => {
    const key = partKey(part);
    let name = drawings.get(key);
    if (name !== undefined) return name;
    name = `drawing${drawings.size + 1}`;
    drawings.set(key, name);
    const rels = pkg.drawingRels.get(key) ?? [];
    const pictures = part === stub ? [] : readDrawing(decoder.decode(bytesOf(part)).replace(/^\uFEFF/, ''), part);
    const placed: { picture: DrawingPicture; relId: string }[] = [];
    const imageRels: string[] = [];
    for (const picture of pictures) {
      const target = rels.find((r) => r.id === picture.embed && r.type === 'image' && !r.external)?.target;
      if (target === undefined) continue;
      const relId = `rId${placed.length + 1}`;
      placed.push({ picture, relId });
      imageRels.push(rel(relId, 'image', `../media/${mediaName(target)}`));
    }
    files.set(`xl/drawings/${name}.xml`, drawingXml(placed));
    files.set(`xl/drawings/_rels/${name}.xml.rels`, relsXml(imageRels));
    return name;
  };

  const sheets: string[] = [];
  const bookRels: string[] = [];
  for (const sheet of pkg.sheets) {
    if (sheet.part === undefined) continue;
    const n = sheets.length + 1;
    const state = sheet.state === '' ? '' : ` state="${esc(sheet.state)}"`;
    sheets.push(`<sheet name="${esc(sheet.name)}" sheetId="${n}"${state} r:id="rId${n}"/>`);
    bookRels.push(rel(`rId${n}`, 'worksheet', `worksheets/sheet${n}.xml`));
    const stubbed = sheet.part === stub;
    files.set(`xl/worksheets/sheet${n}.xml`, stubbed ? EMPTY.worksheet : bytesOf(sheet.part));
    if (sheet.drawing !== undefined && !stubbed) {
      const drawing = rel(sheet.drawing.id, 'drawing', `../drawings/${drawingName(sheet.drawing.part)}.xml`);
      files.set(`xl/worksheets/_rels/sheet${n}.xml.rels`, relsXml([drawing]));
    }
  }
  for (const [part, kind] of [
    [pkg.sharedStrings, 'sharedStrings'],
    [pkg.styles, 'styles'],
  ] as const) {
    if (part === undefined) continue;
    const stand = kind === 'styles' ? EMPTY.styles : EMPTY.sharedStrings(decoder.decode(bytesOf(part)));
    files.set(`xl/${kind}.xml`, part === stub ? stand : bytesOf(part));
    bookRels.push(rel(`rId${kind}`, kind, `${kind}.xml`));
  }
  files.set('xl/_rels/workbook.xml.rels', relsXml(bookRels));
  files.set(
    'xl/workbook.xml',
    `${HEAD}<workbook xmlns="${SML}" xmlns:r="${R}"><workbookPr${pkg.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.join('')}</sheets></workbook>`,
  );
  files.set('_rels/.rels', relsXml([rel('rId1', 'officeDocument', 'xl/workbook.xml')]));
  files.set(
    '[Content_Types].xml',
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  );
  const zip = new JSZip();
  for (const [name, data] of files) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

async function exceljsLoad(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types `load` as taking its own `Buffer extends ArrayBuffer`; an exact-length copy is that.
  await workbook.xlsx.load(bytes.slice().buffer, { ignoreNodes: IGNORED_NODES });
  return workbook;
}

/** exceljs's message on one line, at most 120 characters. */
export function shortReason(e: unknown): string {
  const line = ((e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line || String(e);
}

/** The part exceljs cannot read: the first whose empty stand-in makes the workbook load (pictures first, worksheets last). */
async function culprit(pkg: XlsxPackage, budget: Budget): Promise<string | undefined> {
  const suspects = [
    ...pkg.sheets.flatMap((s) => (s.drawing === undefined ? [] : [{ part: s.drawing.part, label: m.partOfSheet(s.drawing.part, s.name) }])),
    ...[pkg.sharedStrings, pkg.styles].flatMap((part) => (part === undefined ? [] : [{ part, label: part }])),
    ...pkg.sheets.flatMap((s) => (s.part === undefined ? [] : [{ part: s.part, label: m.partOfSheet(s.part, s.name) }])),
  ];
  for (const { part, label } of suspects) {
    // Out of time: the refusal names no part rather than the time bound.
    try {
      budget.check();
    } catch {
      return undefined;
    }
    try {
      await exceljsLoad(await repack(pkg, part));
      return label;
    } catch (e) {
      if (e instanceof ReaderError) throw e;
    }
  }
  return undefined;
}

/**
 * Loads the checked package with exceljs. Throws ReaderError naming the part exceljs cannot read (or the
 * workbook, when no one part is to blame), ReaderLimitError when the time budget runs out.
 */
export async function loadXlsxPackage(pkg: XlsxPackage, budget: Budget): Promise<ExcelJS.Workbook> {
  const bytes = await repack(pkg);
  budget.check();
  try {
    return await exceljsLoad(bytes);
  } catch (first) {
    if (first instanceof ReaderError) throw first;
    const part = await culprit(pkg, budget);
    throw new ReaderError(part === undefined ? m.workbookUnreadable(shortReason(first)) : m.partUnreadable(part, shortReason(first)));
  }
}
