/**
 * Migration 0180: gram blocks written in parts by batches that add items to a block — appended
 * without reading the block, merged back into part 0 once a block holds MAX_TOP + 1 parts, and gram
 * by gram when a batch changes texts. Every answer is compared with the texts themselves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, migrate, type WritableDB } from '../../../app/store/database.js';
import { APPEND_MIN, MAX_TOP } from '../../../app/store/repositories/search-index.js';
import { replaceSearchTexts, searchItems, type SearchQuery } from '../../../app/store/repositories/search.js';
import { useTempDir } from '../../helpers/tmp.js';
import { addItems, bruteForce, openAt, queries, randomFrom, textFor } from './search-fixture.js';

const tempDir = useTempDir();
const opened: WritableDB[] = [];
afterEach(() => opened.splice(0).forEach(closeDatabase));

function open(version = Infinity): WritableDB {
  const db = openAt(tempDir(), version);
  opened.push(db);
  return db;
}

const everyQuery = (): SearchQuery[] => [1, 2, 3].flatMap((bankId) => queries().map((q) => ({ bankId, ...q })));
const expectExact = (db: WritableDB, list = everyQuery()) => list.forEach((q) => expect(searchItems(db, q), JSON.stringify(q)).toEqual(bruteForce(db, q)));
const partsOf = (db: WritableDB, block: number) =>
  db.prepare('SELECT DISTINCT part FROM search_grams WHERE block = ? ORDER BY part').pluck().all(block) as number[];
const topOf = (db: WritableDB, block: number) => db.prepare('SELECT top FROM search_blocks WHERE block = ?').pluck().get(block);
const integrityHolds = (db: WritableDB) => db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)");

describe('gram blocks in parts (migration 0180)', () => {
  it('appends a batch of new items to a block as a new part, and merges the block once it holds too many', () => {
    const db = open();
    const random = randomFrom(20261203);
    // Every item in block 2 (ids 8 192 …), enough for MAX_TOP + 2 batches of APPEND_MIN.
    const count = (MAX_TOP + 2) * APPEND_MIN;
    const items = addItems(db, count, random, (i) => 8192 + i);
    const texts = items.map((item, i) => ({ itemId: item.id, text: textFor(i, random) }));
    for (let batch = 0; batch <= MAX_TOP; batch++) {
      replaceSearchTexts(db, texts.slice(batch * APPEND_MIN, (batch + 1) * APPEND_MIN));
      expect(partsOf(db, 2)).toEqual(Array.from({ length: batch + 1 }, (_, p) => p));
      expect(topOf(db, 2)).toBe(batch);
    }
    expectExact(db);
    // The next batch would pass MAX_TOP: the block is merged into part 0, with the batch.
    replaceSearchTexts(db, texts.slice((MAX_TOP + 1) * APPEND_MIN));
    expect(partsOf(db, 2)).toEqual([0]);
    expect(topOf(db, 2)).toBe(0);
    expectExact(db);
    // The same blocks as one batch of everything writes.
    const whole = open();
    addItems(whole, count, randomFrom(20261203), (i) => 8192 + i);
    replaceSearchTexts(whole, texts);
    const rows = (d: WritableDB) => d.prepare('SELECT block, gram, part, hex(ids) FROM search_grams ORDER BY block, gram, part').raw().all();
    expect(rows(db)).toEqual(rows(whole));
    integrityHolds(db);
  });

  it('merges into part 0 the grams a batch changes in a block held in parts, and answers exactly throughout', () => {
    const db = open();
    const random = randomFrom(7);
    const items = addItems(db, 3 * APPEND_MIN, random, (i) => 8192 + i);
    const texts = items.map((item, i) => ({ itemId: item.id, text: textFor(i, random) }));
    replaceSearchTexts(db, texts.slice(0, APPEND_MIN));
    replaceSearchTexts(db, texts.slice(APPEND_MIN, 2 * APPEND_MIN));
    expect(partsOf(db, 2)).toEqual([0, 1]);
    // Edits and removals across both parts: no new part, the touched grams end in part 0 alone.
    const edits = items.filter((_, i) => i % 3 === 0 && i < 2 * APPEND_MIN).map((item, k) => ({ itemId: item.id, text: k % 4 === 0 ? '' : textFor(k, random) }));
    replaceSearchTexts(db, [...edits, ...texts.slice(2 * APPEND_MIN, 2 * APPEND_MIN + 10)]);
    expect(topOf(db, 2)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM search_grams WHERE block = 2 AND gram = '的' AND part <> 0").pluck().get()).toBe(0);
    expectExact(db);
    // Removing every text leaves no posting, whatever part held it.
    replaceSearchTexts(db, items.map((item) => ({ itemId: item.id, text: '' })));
    expect(db.prepare('SELECT count(*) FROM search_grams').pluck().get()).toBe(0);
    expectExact(db);
  });
});

describe('migration 0180', () => {
  it('records the highest part of every block already written', () => {
    const db = open(170);
    db.exec(`INSERT INTO search_grams (block, gram, part, ids) VALUES (1, '图', 0, x'0100'), (1, '图', 4, x'0200'), (1, '线', 2, x'0300'), (5, '图', 3, x'0100')`);
    migrate(db);
    expect(db.prepare('SELECT block, top FROM search_blocks ORDER BY block').raw().all()).toEqual([
      [1, 4],
      [5, 3],
    ]);
  });
});
