/**
 * Reads every page of every table and index of the database (the `dbstat` virtual table walks each
 * b-tree, overflow pages included). Each page read goes through the cipher, which authenticates it, so
 * a page changed on disk shows here even when nothing else reads it. On failure the objects are walked
 * one by one, so the damaged ones can be named. Free pages hold no data and are not read.
 * Much cheaper than PRAGMA quick_check (0.65 s against 3.4 s for a 1,000,000-row log), which checks
 * the b-tree structure too: structure damage without a cipher failure needs a forged page key.
 */
import type { ReadableDB } from './database.js';
import { isDamagedPageError } from './errors.js';

export interface DamagedObject {
  /** Table or index name (`sqlite_schema` for the schema). */
  readonly name: string;
  /** Pages of it read before the damaged one. */
  readonly pagesRead: number;
  /** SQLite's own words (English). */
  readonly detail: string;
}

export interface PageWalk {
  /** Pages read (0 when a damaged page stopped the walk). */
  readonly pages: number;
  readonly damaged: readonly DamagedObject[];
}

export function walkAllPages(db: ReadableDB): PageWalk {
  try {
    const pages = db.prepare('SELECT count(*) FROM dbstat').pluck().get() as number;
    return { pages, damaged: [] };
  } catch (e) {
    if (!isDamagedPageError(e)) throw e;
  }
  return { pages: 0, damaged: damagedObjects(db) };
}

function damagedObjects(db: ReadableDB): DamagedObject[] {
  let names: string[];
  try {
    names = db.prepare(`SELECT name FROM sqlite_schema WHERE rootpage > 0 ORDER BY rootpage`).pluck().all() as string[];
  } catch (e) {
    if (!isDamagedPageError(e)) throw e;
    return [{ name: 'sqlite_schema', pagesRead: 0, detail: (e as Error).message }];
  }
  const damaged: DamagedObject[] = [];
  const walk = db.prepare('SELECT pageno FROM dbstat WHERE name = ?').pluck();
  for (const name of ['sqlite_schema', ...names]) {
    let pagesRead = 0;
    try {
      for (const _page of walk.iterate(name)) pagesRead++;
    } catch (e) {
      if (!isDamagedPageError(e)) throw e;
      damaged.push({ name, pagesRead, detail: (e as Error).message });
    }
  }
  return damaged;
}
