/**
 * Migration 0170 on databases indexed by the program of migration 0100 (search-0100.ts): the
 * trigram postings give way to the FTS5 index, the per-bank unigram and bigram blocks are carried
 * over as parts, and every search answers exactly as before — and keeps doing so through later
 * saves, removals and folds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, migrate, type WritableDB } from '../../../app/store/database.js';
import {
  flushSearchIndex,
  removeSearchText,
  replaceSearchText,
  replaceSearchTexts,
  searchItems,
  type SearchQuery,
} from '../../../app/store/repositories/search.js';
import { useTempDir } from '../../helpers/tmp.js';
import * as legacy from './search-0100.js';
import { addItems, bruteForce, openAt, queries, randomFrom, textFor, type Fixture } from './search-fixture.js';

const tempDir = useTempDir();
const opened: WritableDB[] = [];
afterEach(() => opened.splice(0).forEach(closeDatabase));

/** A database at schema 160 with `count` items indexed the old way: a batch, single saves, edits and removals. */
function indexedTheOldWay(count: number): { db: WritableDB; items: Fixture[] } {
  const db = openAt(tempDir(), 160);
  opened.push(db);
  const random = randomFrom(20261123);
  const items = addItems(db, count, random);
  const texts = items.map((item, i) => ({ itemId: item.id, text: textFor(i, random) }));
  legacy.replaceSearchTexts(db, texts.slice(0, Math.floor(count * 0.8)));
  for (const t of texts.slice(Math.floor(count * 0.8))) legacy.replaceSearchText(db, t.itemId, t.text);
  for (const item of items.filter((_, i) => i % 13 === 5)) legacy.replaceSearchText(db, item.id, textFor(random(1000), random));
  for (const item of items.filter((_, i) => i % 17 === 3)) legacy.removeSearchText(db, item.id);
  return { db, items };
}

/** Every query of the list in every bank (and one without items). */
const everyQuery = (): SearchQuery[] => [1, 2, 3, 4].flatMap((bankId) => queries().map((q) => ({ bankId, ...q })));

describe('migration 0170', () => {
  it('answers every query exactly as the index of migration 0100 did', () => {
    const { db } = indexedTheOldWay(600);
    const before = everyQuery().map((q) => legacy.searchItems(db, q));
    // The old index itself agrees with the texts (the comparison means something).
    everyQuery().forEach((q, k) => expect(before[k], JSON.stringify(q)).toEqual(bruteForce(db, q)));
    expect(before.filter((r) => r.total > 0).length).toBeGreaterThan(150);

    migrate(db);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'search_postings'").pluck().get()).toBe(0);
    everyQuery().forEach((q, k) => expect(searchItems(db, q), JSON.stringify(q)).toEqual(before[k]));
    // The FTS5 index matches its content table, and the old blocks are there as parts.
    expect(() => db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(db.prepare('SELECT count(*) FROM search_grams WHERE part <> 0').pluck().get()).toBeGreaterThan(1000);
    expect(db.prepare('SELECT count(*) FROM search_grams WHERE part = 0').pluck().get()).toBe(0);
  });

  it('keeps answering exactly through saves, removals and folds after the migration', () => {
    const { db, items } = indexedTheOldWay(400);
    migrate(db);
    const random = randomFrom(7);
    const check = () => everyQuery().forEach((q) => expect(searchItems(db, q), JSON.stringify(q)).toEqual(bruteForce(db, q)));
    // Single saves stay pending (a few dozen), then fold with the rest.
    for (let k = 0; k < 30; k++) replaceSearchText(db, items[random(items.length)]?.id ?? 0, textFor(random(1000), random));
    expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBeGreaterThan(20);
    check();
    for (let k = 0; k < 60; k++) {
      const id = items[random(items.length)]?.id ?? 0;
      if (k % 7 === 0) removeSearchText(db, id);
      else replaceSearchText(db, id, textFor(random(1000), random));
    }
    check();
    // A batch rewrites its blocks as part 0, folding the parts it touches.
    replaceSearchTexts(db, items.slice(0, 150).map((item) => ({ itemId: item.id, text: textFor(random(1000), random) })));
    expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM search_grams WHERE part = 0').pluck().get()).toBeGreaterThan(0);
    check();
    flushSearchIndex(db);
    check();
    expect(() => db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });

  it('holds the same blocks as a database indexed from the start, once every part is folded', () => {
    const { db, items } = indexedTheOldWay(300);
    migrate(db);
    const texts = db.prepare('SELECT item_id AS itemId, text FROM search_text ORDER BY item_id').all() as { itemId: number; text: string }[];
    // Re-indexing every item (removing, then restoring its text) rewrites each block as one part.
    replaceSearchTexts(db, items.map((item) => ({ itemId: item.id, text: '' })));
    expect(db.prepare('SELECT count(*) FROM search_grams').pluck().get()).toBe(0);
    replaceSearchTexts(db, texts);
    const fresh = openAt(tempDir());
    opened.push(fresh);
    addItems(fresh, 300, randomFrom(20261123));
    replaceSearchTexts(fresh, texts);
    const blocks = (d: WritableDB) => d.prepare('SELECT block, gram, part, hex(ids) FROM search_grams ORDER BY block, gram, part').raw().all();
    expect(blocks(db)).toEqual(blocks(fresh));
    everyQuery().forEach((q) => expect(searchItems(db, q)).toEqual(searchItems(fresh, q)));
  });

  it('migrates a database without any indexed text', () => {
    const db = openAt(tempDir(), 160);
    opened.push(db);
    addItems(db, 20, randomFrom(1));
    migrate(db);
    expect(searchItems(db, { bankId: 1, text: '图' })).toEqual({ total: 0, ids: [] });
    expect(searchItems(db, { bankId: 1, text: '' }).total).toBeGreaterThan(0);
  });
});
