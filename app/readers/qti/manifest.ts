/**
 * The imsmanifest.xml of an IMS Content Package 1.1 (IMS CP 1.1.4 Information Model §2.2 manifest,
 * §2.4 resources/resource/file, `xml:base` on resources and resource): every resource with its type,
 * its `href` and `file`s resolved to package paths — a reference outside the package refuses the
 * package — and, from its `metadata`, what we map back: the `qbank:` extension (urn:qbank:qti-metadata:1:
 * 鉴定点, 难度, type, id, version, statistics) or, from other systems, an IEEE LOM
 * `educational/difficulty` (very easy … very difficult → 1 … 5).
 */
import type { SaxesTagNS } from 'saxes';
import { QBANK_META_NS, type QtiResourceMeta } from '../../domain/qti/model.js';
import { ReaderError } from '../errors.js';
import { qtiReaderMessages as m } from './messages.js';
import { resolveInPackage } from './paths.js';
import { attr, parseXml, XML_NS } from './sax.js';

export interface PackageResource {
  readonly identifier: string;
  readonly type: string;
  /** The resource's entry point as written, and as a package path. */
  readonly href: string | undefined;
  readonly path: string | undefined;
  readonly files: readonly string[];
  readonly meta: QtiResourceMeta;
}

const LOM_DIFFICULTY: Readonly<Record<string, number>> = { 'very easy': 1, easy: 2, medium: 3, difficult: 4, 'very difficult': 5 };

/** A base folder from an `xml:base` (package-relative, ending in `/`); refuses one outside the package. */
function baseOf(parent: string, xmlBase: string | undefined): string {
  if (xmlBase === undefined || xmlBase.trim() === '') return parent;
  const path = resolveInPackage(parent, xmlBase);
  if (path === undefined) throw new ReaderError(m.outside(xmlBase));
  return `${path}/`;
}

function inside(base: string, href: string): string {
  const path = resolveInPackage(base, href);
  if (path === undefined) throw new ReaderError(m.outside(href));
  return path;
}

interface Building {
  identifier: string;
  type: string;
  href: string | undefined;
  path: string | undefined;
  base: string;
  files: string[];
  meta: Record<string, unknown>;
  stats?: { p: number; n: number; discrimination: number | null };
}

const numberOf = (s: string | undefined): number | undefined => {
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

function finish(b: Building): PackageResource {
  const meta = b.meta;
  const int = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : undefined);
  const difficulty = int(meta.difficulty) ?? (typeof meta.lomDifficulty === 'string' ? LOM_DIFFICULTY[meta.lomDifficulty.trim().toLowerCase()] : undefined);
  const element = typeof meta.element === 'string' && meta.element.trim() !== '' ? meta.element.trim() : undefined;
  return {
    identifier: b.identifier,
    type: b.type,
    href: b.href,
    path: b.path,
    files: b.files,
    meta: {
      ...(element === undefined ? {} : { element }),
      ...(difficulty === undefined ? {} : { difficulty }),
      ...(typeof meta.type === 'string' ? { type: meta.type.trim() } : {}),
      ...(int(meta.itemId) === undefined ? {} : { itemId: int(meta.itemId) }),
      ...(int(meta.version) === undefined ? {} : { version: int(meta.version) }),
      ...(b.stats === undefined ? {} : { statistics: b.stats }),
    },
  };
}

/** The resources of the manifest, in document order. Throws ReaderError for a malformed manifest or a reference outside the package. */
export function readManifest(xml: string): PackageResource[] {
  const resources: PackageResource[] = [];
  const stack: { local: string; uri: string; base: string }[] = [];
  let current: Building | undefined;
  let textKey: string | undefined;
  let text = '';
  parseXml(
    xml,
    {
      open: (tag: SaxesTagNS) => {
        const parent = stack.at(-1);
        if (parent === undefined && tag.local !== 'manifest') throw new ReaderError(m.notManifest(tag.name));
        const base = baseOf(parent?.base ?? '', attr(tag, 'base', XML_NS));
        stack.push({ local: tag.local, uri: tag.uri, base });
        if (tag.local === 'resource' && parent?.local === 'resources') {
          const href = attr(tag, 'href');
          current = {
            identifier: attr(tag, 'identifier') ?? '',
            type: (attr(tag, 'type') ?? '').trim(),
            href,
            path: href === undefined ? undefined : inside(base, href),
            base,
            files: [],
            meta: {},
          };
        } else if (current !== undefined && tag.local === 'file' && parent?.local === 'resource') {
          const href = attr(tag, 'href');
          if (href !== undefined) current.files.push(inside(base, href));
        } else if (current !== undefined && tag.uri === QBANK_META_NS) {
          if (tag.local === 'statistics') {
            const p = numberOf(attr(tag, 'p'));
            const n = numberOf(attr(tag, 'n'));
            if (p !== undefined && n !== undefined) current.stats = { p, n, discrimination: numberOf(attr(tag, 'discrimination')) ?? null };
          } else if (['element', 'difficulty', 'type', 'itemId', 'version'].includes(tag.local)) {
            textKey = tag.local;
            text = '';
          }
        } else if (current !== undefined && (tag.local === 'value' || tag.local === 'langstring' || tag.local === 'string')) {
          const names = stack.map((s) => s.local);
          if (names.includes('educational') && names.includes('difficulty')) {
            textKey = 'lomDifficulty';
            text = '';
          }
        }
      },
      text: (t) => {
        if (textKey !== undefined) text += t;
      },
      close: (tag: SaxesTagNS) => {
        stack.pop();
        if (textKey !== undefined && current !== undefined) {
          current.meta[textKey] = text;
          textKey = undefined;
        }
        if (tag.local === 'resource' && current !== undefined && stack.at(-1)?.local === 'resources') {
          resources.push(finish(current));
          current = undefined;
        }
      },
    },
    m.badManifest,
  );
  return resources;
}
