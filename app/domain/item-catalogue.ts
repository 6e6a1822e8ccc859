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
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  const bindings: string[] = [];
  const bindingIndex = new Map<string, number>();
  const parts: string[] = [];
  let previous = 0;
  for (const r of sorted) {
    let b = bindingIndex.get(r.binding);
    if (b === undefined) {
      b = bindings.push(r.binding) - 1;
      bindingIndex.set(r.binding, b);
    }
    const fields = [r.id - previous, r.version, ITEM_TYPES.indexOf(r.type), ITEM_STATES.indexOf(r.state), r.difficulty ?? 0, b];
    parts.push(fields.map((n) => n.toString(36)).join(','));
    previous = r.id;
  }
  return { count: sorted.length, bindings, rows: parts.join(';') };
}

/** The rows of a packed catalogue; throws on a malformed one (it never comes from outside the program). */
export function unpackCatalogue(packed: PackedCatalogue): CatalogueRow[] {
  if (packed.count === 0) return [];
  const out: CatalogueRow[] = new Array<CatalogueRow>(packed.count);
  const records = packed.rows.split(';');
  if (records.length !== packed.count) throw new Error(`packed catalogue: ${records.length} rows, ${packed.count} expected`);
  let id = 0;
  for (let i = 0; i < records.length; i++) {
    const f = records[i]!.split(',').map((s) => parseInt(s, 36));
    const type = ITEM_TYPES[f[2]!];
    const state = ITEM_STATES[f[3]!];
    const binding = packed.bindings[f[5]!];
    if (f.length !== 6 || type === undefined || state === undefined || binding === undefined || f.some((n) => !Number.isSafeInteger(n))) {
      throw new Error(`packed catalogue: row ${i + 1} is malformed`);
    }
    id += f[0]!;
    out[i] = { id, kind: kindOfType(type), type, binding, state, version: f[1]!, difficulty: f[4] === 0 ? null : f[4]! };
  }
  return out;
}
