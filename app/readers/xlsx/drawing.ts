/**
 * The pictures of a worksheet's drawing part (ECMA-376 Part 1 §20.5, SpreadsheetML Drawing), read by
 * namespace and not by prefix: Excel and LibreOffice write `xdr:wsDr`, openpyxl writes the same elements
 * in the default namespace, which exceljs (matching `xdr:` literally) does not see. Each picture keeps the
 * cell its anchor starts in (and ends in, or its size); a picture inside a group takes the group's anchor;
 * shapes, charts, absolute anchors and `mc:Fallback` copies are left out. `drawingXml` writes them back as
 * the plain drawing exceljs reads.
 */
import type { SaxesTagNS } from 'saxes';
import { eachElement } from './package.js';

const XDR_NS = new Set(['http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing', 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing']);
const A_NS = new Set(['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main']);
const R_NS = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships']);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** A cell corner: column and row (0-based) and the offsets into them (EMU). */
export interface Marker {
  col: number;
  colOff: number;
  row: number;
  rowOff: number;
}

export interface DrawingPicture {
  readonly from: Marker;
  /** The cell the anchor ends in (two-cell anchor). */
  readonly to?: Marker;
  /** The size (one-cell anchor), in EMU. */
  readonly ext?: { readonly cx: number; readonly cy: number };
  /** The relationship id of the picture's image (`r:embed`). */
  readonly embed: string;
}

const MARKER_FIELDS = new Set(['col', 'colOff', 'row', 'rowOff']);
const num = (text: string | undefined) => {
  const n = Number((text ?? '').trim());
  return Number.isFinite(n) ? Math.trunc(n) : 0;
};

/** The pictures of a drawing part, in document order. Throws ReaderError (naming `part`) for XML that is not well-formed. */
export function readDrawing(xml: string, part: string): DrawingPicture[] {
  const out: DrawingPicture[] = [];
  let anchor: { from?: Marker; to?: Marker; ext?: { cx: number; cy: number }; embeds: string[] } | undefined;
  let anchorDepth = 0;
  let marker: Marker | undefined;
  let field: keyof Marker | undefined;
  let picDepth = 0;
  let skipDepth = 0;
  let depth = 0;
  const attr = (tag: SaxesTagNS, local: string, ns?: ReadonlySet<string>) =>
    Object.values(tag.attributes).find((a) => a.local === local && (ns === undefined ? a.uri === '' : ns.has(a.uri)))?.value;
  const closeMarker = new Map<number, () => void>();

  eachElement(xml, part, (tag) => {
    depth++;
    if (skipDepth > 0) return;
    const xdr = XDR_NS.has(tag.uri);
    if (tag.uri === MC_NS && tag.local === 'Fallback') {
      skipDepth = depth;
      return;
    }
    if (anchor === undefined) {
      if (xdr && (tag.local === 'twoCellAnchor' || tag.local === 'oneCellAnchor')) {
        anchor = { embeds: [] };
        anchorDepth = depth;
      }
      return;
    }
    if (xdr && (tag.local === 'from' || tag.local === 'to') && marker === undefined && picDepth === 0) {
      const m: Marker = { col: 0, colOff: 0, row: 0, rowOff: 0 };
      marker = m;
      const which = tag.local;
      closeMarker.set(depth, () => {
        if (anchor) anchor[which] = m;
        marker = undefined;
      });
    } else if (xdr && marker !== undefined && MARKER_FIELDS.has(tag.local)) {
      field = tag.local as keyof Marker;
    } else if (xdr && tag.local === 'ext' && picDepth === 0) {
      anchor.ext = { cx: num(attr(tag, 'cx')), cy: num(attr(tag, 'cy')) };
    } else if (xdr && tag.local === 'pic') {
      picDepth = depth;
    } else if (picDepth > 0 && A_NS.has(tag.uri) && tag.local === 'blip') {
      const embed = attr(tag, 'embed', R_NS);
      if (embed !== undefined) anchor.embeds.push(embed);
    }
  }, {
    text: (text) => {
      if (marker !== undefined && field !== undefined) marker[field] = num(text);
    },
    close: () => {
      closeMarker.get(depth)?.();
      closeMarker.delete(depth);
      if (depth === skipDepth) skipDepth = 0;
      if (depth === picDepth) picDepth = 0;
      field = undefined;
      if (anchor !== undefined && depth === anchorDepth) {
        const { from, to, ext } = anchor;
        if (from !== undefined) for (const embed of anchor.embeds) out.push({ from, ...(to ? { to } : {}), ...(ext ? { ext } : {}), embed });
        anchor = undefined;
      }
      depth--;
    },
  });
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const markerXml = (tag: string, m: Marker) =>
  `<xdr:${tag}><xdr:col>${m.col}</xdr:col><xdr:colOff>${m.colOff}</xdr:colOff><xdr:row>${m.row}</xdr:row><xdr:rowOff>${m.rowOff}</xdr:rowOff></xdr:${tag}>`;

/** The drawing exceljs reads: one anchor per picture, `r:embed` naming the relationship id given for it. */
export function drawingXml(pictures: readonly { readonly picture: DrawingPicture; readonly relId: string }[]): string {
  const anchors = pictures.map(({ picture: p, relId }, k) => {
    const pic =
      `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${k + 2}" name="Picture ${k + 1}"/><xdr:cNvPicPr/></xdr:nvPicPr>` +
      `<xdr:blipFill><a:blip r:embed="${esc(relId)}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/>`;
    if (p.to !== undefined) return `<xdr:twoCellAnchor editAs="oneCell">${markerXml('from', p.from)}${markerXml('to', p.to)}${pic}</xdr:twoCellAnchor>`;
    const ext = p.ext ?? { cx: 0, cy: 0 };
    return `<xdr:oneCellAnchor>${markerXml('from', p.from)}<xdr:ext cx="${ext.cx}" cy="${ext.cy}"/>${pic}</xdr:oneCellAnchor>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${anchors.join('')}</xdr:wsDr>`
  );
}
