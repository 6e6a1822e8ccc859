/**
 * The layout of an image, computed from the names and sizes alone (so the writer can stream, isoSize can
 * answer before writing, and the verifier can re-derive every structure from what it read back):
 *
 *   sectors 0–15   system area (ECMA-119 6.2.1), zeros
 *   sector 16      primary volume descriptor (8.4)
 *   sector 17      Joliet supplementary volume descriptor (8.5; Joliet spec §2)
 *   sector 18      volume descriptor set terminator (8.3)
 *   then           path tables (9.4): primary L, primary M, Joliet L, Joliet M, each from a sector start
 *   then           directories (6.8.1, 9.1) of the primary tree, then of the Joliet tree, in path-table order
 *   then           file data, in path order (each file one extent: level 1, 10.1), padded to a sector
 */
import { isoMessages as m } from './messages.js';
import { compareKeys, pathRecordLength, recordLength, SECTOR, toDChars, type SortKey } from './records.js';

export interface IsoFileInfo {
  readonly path: string;
  readonly size: number;
}

export type TreeKind = 'primary' | 'joliet';

export interface FileNode {
  readonly kind: 'file';
  readonly name: string;
  readonly path: string;
  readonly size: number;
  /** Position in the caller's list. */
  readonly index: number;
  /** The level-1 identifier of the primary tree, "NAME.EXT;1" (7.5.1, 10.1). */
  isoId: string;
  /** First logical block of the data (0 for an empty file). */
  extent: number;
}

export interface TreePlace {
  /** Directory number in the path table (6.9.1), from 1. */
  number: number;
  extent: number;
  sectors: number;
  /** Children in the order of 9.3 for this tree. */
  order: Node[];
}

export interface DirNode {
  readonly kind: 'dir';
  readonly name: string;
  /** '' for the root. */
  readonly path: string;
  readonly parent: DirNode | null;
  /** 6.8.2.1: the root is level 1. */
  readonly level: number;
  readonly children: Map<string, Node>;
  /** The level-1 directory identifier of the primary tree (7.6.1). */
  isoId: string;
  primary: TreePlace;
  joliet: TreePlace;
}

export type Node = FileNode | DirNode;

export interface TreeLayout {
  /** Directories in path-table order (6.9.1: by level, then parent number, then identifier). */
  readonly dirs: DirNode[];
  readonly pathTableBytes: number;
  readonly pathTableSectors: number;
  lSector: number;
  mSector: number;
}

export interface IsoLayout {
  readonly root: DirNode;
  /** Files in data order (path order, component by component). */
  readonly files: FileNode[];
  readonly primary: TreeLayout;
  readonly joliet: TreeLayout;
  /** First sector after the metadata: everything before it is built by isoMetadata. */
  readonly dataStart: number;
  readonly totalSectors: number;
}

export const MAX_LEVELS = 8; // 6.8.2.1
export const MAX_JOLIET_NAME = 64; // Joliet spec §3.3: file and directory identifiers up to 64 units
export const MAX_FILE_SIZE = 0xffff_ffff; // 9.1.4: data length is a 32-bit number; one extent per file
export const FIRST_PATH_TABLE = 19;
const FORBIDDEN = /[\u0000-\u001f*/:;?\\]/; // Joliet spec §3.3; ';' would read as a version separator

const place = (): TreePlace => ({ number: 0, extent: 0, sectors: 0, order: [] });

/** Computes the layout; throws a Chinese message for anything ISO 9660 + Joliet cannot record. */
export function computeLayout(files: readonly IsoFileInfo[]): IsoLayout {
  const root = newDir('', '', null);
  const all: FileNode[] = [];
  files.forEach((f, index) => all.push(addFile(root, f, index)));
  assignLevel1Names(root);
  const primary = treeLayout(root, 'primary');
  const joliet = treeLayout(root, 'joliet');
  let next = FIRST_PATH_TABLE;
  for (const t of [primary, joliet]) {
    t.lSector = next;
    t.mSector = next + t.pathTableSectors;
    next += 2 * t.pathTableSectors;
  }
  for (const kind of ['primary', 'joliet'] as const) {
    for (const d of (kind === 'primary' ? primary : joliet).dirs) {
      d[kind].extent = next;
      next += d[kind].sectors;
    }
  }
  const dataStart = next;
  const ordered = dataOrder(root);
  for (const f of ordered) {
    f.extent = f.size === 0 ? 0 : next;
    next += Math.ceil(f.size / SECTOR);
  }
  if (next > 0xffff_ffff) throw new Error(m.imageTooLarge(next * SECTOR));
  return { root, files: ordered, primary, joliet, dataStart, totalSectors: next };
}

function newDir(name: string, path: string, parent: DirNode | null): DirNode {
  const level = parent === null ? 1 : parent.level + 1;
  if (level > MAX_LEVELS) throw new Error(m.tooDeep(path));
  return { kind: 'dir', name, path, parent, level, children: new Map(), isoId: '', primary: place(), joliet: place() };
}

function addFile(root: DirNode, f: IsoFileInfo, index: number): FileNode {
  const parts = f.path.split('/');
  if (f.path === '' || parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(m.emptyPath(f.path));
  for (const p of parts) checkName(f.path, p);
  if (!Number.isSafeInteger(f.size) || f.size < 0) throw new Error(m.badSize(f.path, f.size));
  if (f.size > MAX_FILE_SIZE) throw new Error(m.tooLarge(f.path, f.size));
  let dir = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const name = parts[i] as string;
    const found = dir.children.get(name);
    if (found?.kind === 'file') throw new Error(m.fileAndFolder(found.path));
    if (found === undefined) {
      const child = newDir(name, parts.slice(0, i + 1).join('/'), dir);
      dir.children.set(name, child);
      dir = child;
    } else dir = found;
  }
  const name = parts[parts.length - 1] as string;
  const existing = dir.children.get(name);
  if (existing?.kind === 'file') throw new Error(m.duplicate(f.path));
  if (existing !== undefined) throw new Error(m.fileAndFolder(f.path));
  const node: FileNode = { kind: 'file', name, path: f.path, size: f.size, index, isoId: '', extent: 0 };
  dir.children.set(name, node);
  return node;
}

function checkName(path: string, name: string): void {
  if (name.length > MAX_JOLIET_NAME) throw new Error(m.nameTooLong(path, name));
  const bad = FORBIDDEN.exec(name) ?? /\p{Cs}/u.exec(name.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));
  if (bad !== null) throw new Error(m.badCharacter(path, bad[0]));
}

/** Children by name, compared as UTF-16 code units: the canonical order of the whole layout. */
function byName(dir: DirNode): Node[] {
  return [...dir.children.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function dataOrder(dir: DirNode, out: FileNode[] = []): FileNode[] {
  for (const c of byName(dir)) {
    if (c.kind === 'file') out.push(c);
    else dataOrder(c, out);
  }
  return out;
}

/**
 * Level-1 names of the primary tree (10.1, 7.5.1, 7.6.1): files "NAME.EXT;1" with at most 8 + 3
 * d-characters, directories at most 8 d-characters. Names that collide are numbered in the canonical
 * order: "LONG_FIL.TXT", "LONG_F_1.TXT", … ('~' is not a d-character, 7.4.1, so '_' takes its place).
 */
function assignLevel1Names(dir: DirNode): void {
  const used = new Set<string>();
  for (const c of byName(dir)) {
    const dot = c.kind === 'file' ? c.name.lastIndexOf('.') : -1;
    const base = (dot < 0 ? c.name : c.name.slice(0, dot)) || '_';
    const ext = dot < 0 ? '' : toDChars(c.name.slice(dot + 1)).slice(0, 3);
    let stem = toDChars(base).slice(0, 8);
    const key = (s: string) => (ext === '' ? s : `${s}.${ext}`);
    for (let n = 1; used.has(key(stem)); n++) {
      const suffix = `_${n}`;
      stem = toDChars(base).slice(0, 8 - suffix.length) + suffix;
    }
    used.add(key(stem));
    c.isoId = c.kind === 'file' ? `${stem}.${ext};1` : stem;
    if (c.kind === 'dir') assignLevel1Names(c);
  }
}

/** The 9.3 sort key of a child in one tree. */
export function sortKey(node: Node, kind: TreeKind): SortKey {
  if (kind === 'primary') {
    if (node.kind === 'dir') return { name: node.isoId, ext: '', version: 0 };
    const [name = '', rest = ''] = node.isoId.split('.');
    return { name, ext: rest.replace(/;1$/, ''), version: 1 };
  }
  const dot = node.kind === 'file' ? node.name.lastIndexOf('.') : -1;
  return dot < 0 ? { name: node.name, ext: '', version: 0 } : { name: node.name.slice(0, dot), ext: node.name.slice(dot + 1), version: 0 };
}

/** Identifier length in bytes in one tree (Joliet: UCS-2, two bytes a unit). */
export function idLength(node: Node, kind: TreeKind): number {
  return kind === 'primary' ? node.isoId.length : node.name.length * 2;
}

/** Bytes of a directory: "." and ".." then the children, no record across a sector end (6.8.1). */
export function directorySectors(order: readonly Node[], kind: TreeKind): number {
  let sectors = 1;
  let pos = 2 * recordLength(1);
  for (const c of order) {
    const len = recordLength(idLength(c, kind));
    if (pos + len > SECTOR) {
      sectors++;
      pos = 0;
    }
    pos += len;
  }
  return sectors;
}

function treeLayout(root: DirNode, kind: TreeKind): TreeLayout {
  const dirs: DirNode[] = [];
  let pathTableBytes = 0;
  // breadth first with the children in 9.3 order gives the path-table order of 6.9.1
  const queue: DirNode[] = [root];
  for (let i = 0; i < queue.length; i++) {
    const d = queue[i] as DirNode;
    dirs.push(d);
    d[kind].number = dirs.length;
    d[kind].order = [...d.children.values()].sort((a, b) => compareKeys(sortKey(a, kind), sortKey(b, kind)));
    d[kind].sectors = directorySectors(d[kind].order, kind);
    pathTableBytes += pathRecordLength(d === root ? 1 : idLength(d, kind));
    for (const c of d[kind].order) if (c.kind === 'dir') queue.push(c);
  }
  if (dirs.length > 0xffff) throw new Error(m.tooManyFolders(dirs.length));
  return { dirs, pathTableBytes, pathTableSectors: Math.max(1, Math.ceil(pathTableBytes / SECTOR)), lSector: 0, mSector: 0 };
}
