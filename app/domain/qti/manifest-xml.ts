/**
 * The imsmanifest.xml of a QTI 2.1 content package (IMS Content Packaging 1.1.4 §2: manifest, metadata,
 * organizations, resources; QTI 2.1 Integration Guide §3: one resource of type `imsqti_item_xmlv2p1`
 * per item, listing its XML and its images as `file`s). Each resource carries its item's 鉴定点, 难度,
 * type, id and version and, when given, its pooled statistics in the `qbank:` extension
 * (namespace urn:qbank:qti-metadata:1), which IMS CP allows inside `metadata` after schema and
 * schemaversion. Pure and deterministic: resources in the order given.
 */
import type { TheoryItemType } from '../theory-item.js';
import { qtiDomainMessages as m } from './messages.js';
import { CP_NS, CP_SCHEMA_LOCATION, QBANK_META_NS, QTI_ITEM_RESOURCE, QTI_SCHEMA_LOCATION, XSI_NS, type QtiItemStatistics } from './model.js';
import { el, XML_DECLARATION } from './xml.js';

export interface ManifestResource {
  /** The item's QTI identifier (qtiItemIdentifier). */
  readonly identifier: string;
  /** The item's XML file, relative to the package root. */
  readonly href: string;
  /** The image files the item refers to, relative to the package root. */
  readonly images: readonly string[];
  readonly itemId: number;
  readonly version: number;
  readonly type: TheoryItemType;
  /** '' for a 待归类 item. */
  readonly element: string;
  /** 0 for an unrated item. */
  readonly difficulty: number;
  readonly statistics?: QtiItemStatistics;
}

/** A number as written in the metadata: finite, no exponent for the usual ranges. */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : '';
}

function metadataOf(r: ManifestResource): string {
  const q = (name: string, content: string, a: Record<string, string> = {}) => el(`qbank:${name}`, a, content);
  const parts = [
    q('itemId', String(r.itemId)),
    q('version', String(r.version)),
    q('type', r.type, { label: m.typeLabel[r.type] ?? r.type }),
    r.element === '' ? '' : q('element', r.element),
    r.difficulty >= 1 && r.difficulty <= 5 ? q('difficulty', String(r.difficulty)) : '',
    r.statistics === undefined
      ? ''
      : el('qbank:statistics', {
          p: num(r.statistics.p),
          n: num(r.statistics.n),
          ...(r.statistics.discrimination === null ? {} : { discrimination: num(r.statistics.discrimination) }),
        }),
  ].filter((s) => s !== '');
  const item = el('qbank:item', {}, parts.map((p) => `\n          ${p}`).join('') + '\n        ');
  return el('metadata', {}, `\n        ${el('schema', {}, 'IMS QTI Item')}\n        ${el('schemaversion', {}, '2.1')}\n        ${item}\n      `);
}

function resourceOf(r: ManifestResource): string {
  const files = [r.href, ...r.images].map((href) => `\n      ${el('file', { href })}`).join('');
  return el('resource', { identifier: `RES-${r.identifier}`, type: QTI_ITEM_RESOURCE, href: r.href }, `\n      ${metadataOf(r)}${files}\n    `);
}

/** The manifest of a package of item resources; `identifier` names the package (an NCName). */
export function buildManifest(identifier: string, resources: readonly ManifestResource[]): string {
  const head = el('metadata', {}, `\n    ${el('schema', {}, 'QTIv2.1 Package')}\n    ${el('schemaversion', {}, '1.0.0')}\n  `);
  const body = resources.map((r) => `\n    ${resourceOf(r)}`).join('');
  const root = el(
    'manifest',
    {
      xmlns: CP_NS,
      'xmlns:xsi': XSI_NS,
      'xmlns:qbank': QBANK_META_NS,
      'xsi:schemaLocation': `${CP_SCHEMA_LOCATION} ${QTI_SCHEMA_LOCATION}`,
      identifier,
    },
    `\n  ${head}\n  ${el('organizations')}\n  ${el('resources', {}, `${body}\n  `)}\n`,
  );
  return `${XML_DECLARATION}${root}\n`;
}
