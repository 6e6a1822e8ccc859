/**
 * The item catalogue packed for the desktop list: the metadata of every item of a bank (id, version,
 * 题型, state, difficulty, 鉴定点/职业功能) as one string and a dictionary of bindings, instead of one
 * object per item. At 100 000 items the objects are ~12 MB of JSON that IPC clones field by field; the
 * packed form is ~1.5 MB that crosses as one string, and unpacks in the renderer in tens of ms.
 *
 * Rows are `;`-separated; each is `idDelta,version,type,state,difficulty,binding` in base 36, where
 * idDelta is the id minus the previous row's (ids ascending), type and state index ITEM_TYPES and
 * ITEM_STATES, difficulty 0 means none, and binding indexes `bindings`.
 */
import { ITEM_STATES, type ItemState } from './bank.js';
import { ITEM_TYPES, type ItemKind, type ItemType } from './item.js';

/** An item's metadata: what lists and filters need, no content. */
export interface CatalogueRow {
  readonly id: number;
  readonly kind: ItemKind;
  readonly type: ItemType;
  readonly binding: string;
  readonly state: ItemState;
  readonly version: number;
  readonly difficulty: number | null;
}

export interface PackedCatalogue {
  readonly count: number;
  readonly bindings: readonly string[];
  readonly rows: string;
}

export const kindOfType = (type: ItemType): ItemKind => (type === 'practical' || type === 'comprehensive' ? type : 'theory');

/** Packs rows (any order; they come out by ascending id). */
export function packCatalogue(rows: readonly Omit<CatalogueRow, 'kind'>[]): PackedCatalogue {
  const sorted = isSortedById(rows) ? rows : [...rows].sort((a, b) => a.id - b.id);
  const bindings: string[] = [];
  const bindingIndex = new Map<string, number>();
  const typeIndex = new Map<string, number>(ITEM_TYPES.map((t, i) => [t, i]));
  const stateIndex = new Map<string, number>(ITEM_STATES.map((t, i) => [t, i]));
  const parts: string[] = new Array<string>(sorted.length);
  let previous = 0;
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    let b = bindingIndex.get(r.binding);
    if (b === undefined) {
      b = bindings.push(r.binding) - 1;
      bindingIndex.set(r.binding, b);
    }
    const t = typeIndex.get(r.type) ?? 0;
    const st = stateIndex.get(r.state) ?? 0;
    parts[i] = `${b36(r.id - previous)},${b36(r.version)},${b36(t)},${b36(st)},${b36(r.difficulty ?? 0)},${b36(b)}`;
    previous = r.id;
  }
  return { count: sorted.length, bindings, rows: parts.join(';') };
}

/** Base 36 of the small numbers almost every field holds, made once. */
const SMALL = Array.from({ length: 36 * 36 }, (_, n) => n.toString(36));
const b36 = (n: number): string => SMALL[n] ?? n.toString(36);

function isSortedById(rows: readonly { readonly id: number }[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i]!.id <= rows[i - 1]!.id) return false;
  return true;
}

const COMMA = 44;
const SEMICOLON = 59;

/** The base-36 digit of a character code, or -1. */
function digit36(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  return -1;
}

/**
 * The rows of a packed catalogue; throws on a malformed one (it never comes from outside the program).
 * Parsed character by character: at 100 000 rows, splitting into strings would cost more than the rest.
 */
export function unpackCatalogue(packed: PackedCatalogue): CatalogueRow[] {
  if (packed.count === 0 && packed.rows === '') return [];
  const out: CatalogueRow[] = [];
  const text = packed.rows;
  const f = [0, 0, 0, 0, 0, 0];
  let field = 0;
  let value = 0;
  let digits = 0;
  let id = 0;
  const malformed = () => new Error(`packed catalogue: row ${out.length + 1} is malformed`);
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? SEMICOLON : text.charCodeAt(i);
    if (c === COMMA || c === SEMICOLON) {
      if (digits === 0 || field > 5) throw malformed();
      f[field++] = value;
      value = 0;
      digits = 0;
      if (c === COMMA) continue;
      const type = ITEM_TYPES[f[2]!];
      const state = ITEM_STATES[f[3]!];
      const binding = packed.bindings[f[5]!];
      if (field !== 6 || type === undefined || state === undefined || binding === undefined || f[4]! > 5) throw malformed();
      id += f[0]!;
      out.push({ id, kind: kindOfType(type), type, binding, state, version: f[1]!, difficulty: f[4] === 0 ? null : f[4]! });
      field = 0;
      continue;
    }
    const d = digit36(c);
    if (d < 0) throw malformed();
    value = value * 36 + d;
    digits++;
  }
  if (out.length !== packed.count) throw new Error(`packed catalogue: ${out.length} rows, ${packed.count} expected`);
  return out;
}
