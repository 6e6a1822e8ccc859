/**
 * Mutations, as fast-check arbitraries (plain data, so a case prints and replays) and the functions
 * that apply them: bytes (flip, set, interesting integers, truncate, insert, delete, duplicate a range),
 * text (insert a token of the format, delete or duplicate a range, replace a number, an attribute
 * value or the text between two tags), ZIP packages (mutate one entry's XML and zip again, drop, duplicate, rename, reorder or add
 * entries, lie about CRC or size, store uncompressed) and JSON (replace, delete, add or duplicate a value
 * anywhere in the document). Positions are taken modulo the length, so an operation fits any seed.
 */
import fc from 'fast-check';
import { zipOf, type RawEntry } from '../../fixtures/hostile/zip-writer.js';

/** Sizes a mutation may grow an input to: a case stays seed-sized. */
const MAX_INSERT = 256;
const MAX_RANGE = 4096;

const INTERESTING = [0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 16, 64, 100, 1000, 4096];

/** Positions near the start (headers, ASN.1 and ZIP lengths) as often as anywhere. */
const position = fc.oneof(fc.nat(64), fc.nat(4096), fc.nat());

export type ByteOp =
  | { readonly op: 'flip'; readonly at: number; readonly bit: number }
  | { readonly op: 'set'; readonly at: number; readonly value: number }
  | { readonly op: 'int'; readonly at: number; readonly width: 1 | 2 | 4; readonly value: number; readonly little: boolean }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'duplicate'; readonly from: number; readonly length: number; readonly to: number };

/** Byte mutations at positions drawn from `at` (by default: near the start as often as anywhere). */
export function byteOpAt(at: fc.Arbitrary<number> = position): fc.Arbitrary<ByteOp> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('flip' as const), at, bit: fc.nat(7) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('set' as const), at, value: fc.nat(255) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('int' as const), at, width: fc.constantFrom(1 as const, 2 as const, 4 as const), value: fc.constantFrom(...INTERESTING), little: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('insert' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: MAX_INSERT }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: MAX_RANGE }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), from: at, length: fc.integer({ min: 1, max: MAX_RANGE }), to: at }) },
  );
}

export const byteOp = byteOpAt();
export const byteOps = (max = 6, at?: fc.Arbitrary<number>) => fc.array(at ? byteOpAt(at) : byteOp, { minLength: 1, maxLength: max });

export function applyByteOps(input: Uint8Array, ops: readonly ByteOp[]): Uint8Array {
  let b = Buffer.from(input);
  for (const o of ops) {
    const at = (n: number) => (b.length === 0 ? 0 : n % b.length);
    switch (o.op) {
      case 'flip':
        if (b.length > 0) b[at(o.at)] = (b[at(o.at)] ?? 0) ^ (1 << o.bit);
        break;
      case 'set':
        if (b.length > 0) b[at(o.at)] = o.value;
        break;
      case 'int': {
        const p = at(o.at);
        if (p + o.width > b.length) break;
        const v = o.value % 2 ** (8 * o.width);
        if (o.width === 1) b.writeUInt8(v, p);
        else if (o.width === 2 && o.little) b.writeUInt16LE(v, p);
        else if (o.width === 2) b.writeUInt16BE(v, p);
        else if (o.little) b.writeUInt32LE(v, p);
        else b.writeUInt32BE(v, p);
        break;
      }
      case 'truncate':
        b = b.subarray(0, b.length === 0 ? 0 : o.at % (b.length + 1));
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, at(o.at)), o.bytes, b.subarray(at(o.at))]);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, at(o.at)), b.subarray(at(o.at) + o.length)]);
        break;
      case 'duplicate': {
        const piece = Buffer.from(b.subarray(at(o.from), at(o.from) + o.length));
        b = Buffer.concat([b.subarray(0, at(o.to)), piece, b.subarray(at(o.to))]);
        break;
      }
    }
  }
  return new Uint8Array(b);
}

export type TextOp =
  | { readonly op: 'insert'; readonly at: number; readonly token: string }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'duplicate'; readonly from: number; readonly length: number; readonly to: number }
  | { readonly op: 'number'; readonly nth: number; readonly value: string }
  | { readonly op: 'attribute'; readonly nth: number; readonly value: string }
  | { readonly op: 'content'; readonly nth: number; readonly value: string };

/** Numbers that break assumptions: negative, zero, huge, fractional, not a number. */
export const NUMBERS = ['0', '-1', '-0', '0.5', '1e309', 'NaN', '65535', '65536', '1048577', '2147483648', '4294967296', '99999999999999999999', '1e-7', ''];

export function textOp(tokens: readonly string[]): fc.Arbitrary<TextOp> {
  const token = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) });
  const value = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...NUMBERS) }, { weight: 2, arbitrary: token });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), from: fc.nat(), length: fc.integer({ min: 1, max: 2000 }), to: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('number' as const), nth: fc.nat(), value: fc.constantFrom(...NUMBERS) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('attribute' as const), nth: fc.nat(), value }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('content' as const), nth: fc.nat(), value }) },
  );
}

export const textOps = (tokens: readonly string[], max = 4) => fc.array(textOp(tokens), { minLength: 1, maxLength: max });

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Replaces the nth (modulo the count) match of `re` with `value`. */
function replaceNth(text: string, re: RegExp, nth: number, value: (match: RegExpExecArray) => string): string {
  const matches = [...text.matchAll(re)];
  if (matches.length === 0) return text;
  const m = matches[nth % matches.length] as RegExpExecArray;
  return text.slice(0, m.index) + value(m) + text.slice(m.index + m[0].length);
}

export function applyTextOps(input: string, ops: readonly TextOp[]): string {
  let t = input;
  for (const o of ops) {
    const at = (n: number) => (t.length === 0 ? 0 : n % (t.length + 1));
    switch (o.op) {
      case 'insert':
        t = t.slice(0, at(o.at)) + o.token + t.slice(at(o.at));
        break;
      case 'delete':
        t = t.slice(0, at(o.at)) + t.slice(at(o.at) + o.length);
        break;
      case 'duplicate':
        t = t.slice(0, at(o.to)) + t.slice(at(o.from), at(o.from) + o.length) + t.slice(at(o.to));
        break;
      case 'number':
        t = replaceNth(t, /-?\d+(?:\.\d+)?/g, o.nth, () => o.value);
        break;
      case 'attribute':
        t = replaceNth(t, /="[^"]*"/g, o.nth, () => `="${o.value}"`);
        break;
      case 'content':
        // the text between two tags, escaped: the XML stays well-formed and the reader reads the value
        t = replaceNth(t, />([^<>]+)</g, o.nth, () => `>${escapeXml(o.value)}<`);
        break;
    }
  }
  return t;
}

export const utf8 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
export const bytesOfText = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** Entry names that a package should not hold or that collide with real parts. */
const ENTRY_NAMES = ['../evil.xml', '/abs.xml', 'word/document.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', '[Content_Types].xml', 'word/media/image1.png', 'xl/media/image1.png', 'WORD/DOCUMENT.XML', 'dir/', '', 'a\\b.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'word/numbering.xml'];

export type ZipOp =
  | { readonly op: 'text'; readonly entry: number; readonly ops: readonly TextOp[] }
  | { readonly op: 'bytes'; readonly entry: number; readonly ops: readonly ByteOp[] }
  | { readonly op: 'drop'; readonly entry: number }
  | { readonly op: 'duplicate'; readonly entry: number }
  | { readonly op: 'rename'; readonly entry: number; readonly name: string }
  | { readonly op: 'swap'; readonly a: number; readonly b: number }
  | { readonly op: 'crc'; readonly entry: number; readonly value: number }
  | { readonly op: 'declared'; readonly entry: number; readonly size: number }
  | { readonly op: 'stored'; readonly entry: number }
  | { readonly op: 'add'; readonly name: string; readonly text: string };

export function zipOp(tokens: readonly string[]): fc.Arbitrary<ZipOp> {
  const entry = fc.nat();
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ op: fc.constant('text' as const), entry, ops: textOps(tokens) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('bytes' as const), entry, ops: byteOps(3) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('drop' as const), entry }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), entry }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), entry, name: fc.constantFrom(...ENTRY_NAMES) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('swap' as const), a: entry, b: entry }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('crc' as const), entry, value: fc.integer({ min: 0, max: 0xffffffff }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('declared' as const), entry, size: fc.constantFrom(0, 1, 100, 0x7fffffff, 0xffffffff, 60 * 1024 * 1024) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('stored' as const), entry }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('add' as const), name: fc.constantFrom(...ENTRY_NAMES), text: fc.constantFrom(...tokens) }) },
  );
}

/** The entries of a package as a mutable list. */
export type Entries = RawEntry[];

const isText = (name: string) => /\.(xml|rels|vml)$/i.test(name);

export function mutateZip(seed: readonly RawEntry[], ops: readonly ZipOp[]): Uint8Array {
  const e: Entries = seed.map((x) => ({ ...x }));
  const pick = (n: number) => (e.length === 0 ? -1 : n % e.length);
  for (const o of ops) {
    const k = 'entry' in o ? pick(o.entry) : -1;
    const x = k >= 0 ? (e[k] as RawEntry) : undefined;
    const data = x ? (typeof x.data === 'string' ? bytesOfText(x.data) : x.data) : new Uint8Array();
    switch (o.op) {
      case 'text':
        // a binary part (an image) gets a flipped bit instead
        if (x) e[k] = { ...x, data: isText(x.name) ? applyTextOps(utf8(data), o.ops) : applyByteOps(data, [{ op: 'flip', at: o.entry, bit: o.entry % 8 }]) };
        break;
      case 'bytes':
        if (x) e[k] = { ...x, data: applyByteOps(data, o.ops) };
        break;
      case 'drop':
        if (x) e.splice(k, 1);
        break;
      case 'duplicate':
        if (x) e.push({ ...x });
        break;
      case 'rename':
        if (x) e[k] = { ...x, name: o.name };
        break;
      case 'swap': {
        const [a, b] = [pick(o.a), pick(o.b)];
        if (a >= 0 && b >= 0) [e[a], e[b]] = [e[b] as RawEntry, e[a] as RawEntry];
        break;
      }
      case 'crc':
        if (x) e[k] = { ...x, crc: o.value };
        break;
      case 'declared':
        if (x) e[k] = { ...x, declaredSize: o.size };
        break;
      case 'stored':
        if (x) e[k] = { ...x, method: 0 };
        break;
      case 'add':
        e.push({ name: o.name, data: o.text });
        break;
    }
  }
  return zipOf(e);
}

export type JsonOp =
  | { readonly op: 'replace'; readonly path: number; readonly value: unknown }
  | { readonly op: 'delete'; readonly path: number }
  | { readonly op: 'add'; readonly path: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'duplicate'; readonly path: number };

/** Values a manifest should never hold, next to arbitrary JSON. */
const JSON_VALUES: readonly unknown[] = [-1, 0, 0.5, 1e308, -1e308, 2 ** 53 + 2, 4294967296, '', 'x'.repeat(5000), '../../etc/passwd', '/abs/path', 'a/../b', 'data/000000.qbe', 'data/999999.qbe', null, true, [], {}, '0'.repeat(64), 'f'.repeat(32), '\u0000', '06_数字签名/x.p7s', 'manifest.json'];

export const jsonOp: fc.Arbitrary<JsonOp> = (() => {
  const value = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...JSON_VALUES) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('replace' as const), path: fc.nat(), value }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), path: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('add' as const), path: fc.nat(), key: fc.constantFrom('extra', 'index', 'path', '__proto__', 'constructor', 'files'), value }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), path: fc.nat() }) },
  );
})();

type Json = unknown;
/** Every container and the key of each value in it, depth first (the root has no parent). */
function places(root: Json): { parent: Record<string, Json> | Json[]; key: string | number }[] {
  const out: { parent: Record<string, Json> | Json[]; key: string | number }[] = [];
  const visit = (node: Json) => {
    const entries: [string | number, Json][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : node !== null && typeof node === 'object' ? Object.entries(node) : [];
    for (const [key, value] of entries) {
      out.push({ parent: node as Record<string, Json> | Json[], key });
      visit(value);
    }
  };
  visit(root);
  return out;
}

export function mutateJson(input: Json, ops: readonly JsonOp[]): Json {
  const root = structuredClone(input);
  for (const o of ops) {
    const all = places(root);
    const place = all[o.path % Math.max(all.length, 1)];
    if (!place) continue;
    const { parent, key } = place;
    const set = (value: Json) => (Array.isArray(parent) ? (parent[key as number] = value) : Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true }));
    switch (o.op) {
      case 'replace':
        set(structuredClone(o.value));
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
        break;
      case 'add': {
        const target = (parent as Record<string | number, Json>)[key];
        if (Array.isArray(target)) target.push(structuredClone(o.value));
        else if (target !== null && typeof target === 'object') Object.defineProperty(target, o.key, { value: structuredClone(o.value), enumerable: true, writable: true, configurable: true });
        else set(structuredClone(o.value));
        break;
      }
      case 'duplicate': {
        const value = (parent as Record<string | number, Json>)[key];
        if (Array.isArray(parent)) parent.push(structuredClone(value));
        else if (Array.isArray(value) && value.length > 0) value.push(structuredClone(value[0]));
        break;
      }
    }
  }
  return root;
}
