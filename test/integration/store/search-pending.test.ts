/**
 * Single saves (migration 0170): a saved text goes to `search_text` at once, while its entries in
 * the trigram and gram indexes wait in `search_pending` until a few dozen have gathered or a batch
 * is indexed. Searches must answer the same in both states — for one- and two-character terms,
 * longer ones, specs and full-width input — the pending items being judged by their text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type WritableDB } from '../../../app/store/database.js';
import { PENDING_LIMIT } from '../../../app/store/repositories/search-index.js';
import {
  flushSearchIndex,
  removeSearchText,
  replaceSearchText,
  replaceSearchTexts,
  searchItems,
  type SearchQuery,
} from '../../../app/store/repositories/search.js';
import { useTempDir } from '../../helpers/tmp.js';
import { bruteForce, openAt, queries, randomFrom, textFor } from './search-fixture.js';

const tempDir = useTempDir();
const opened: WritableDB[] = [];
afterEach(() => opened.splice(0).forEach(closeDatabase));

const T = '2026-11-23T08:00:00.000Z';

function open(): WritableDB {
  const db = openAt(tempDir());
  opened.push(db);
  db.prepare(
    `INSERT INTO banks (id, name, occupation_code, occupation_name, track, level, secrecy, created_at, created_by, updated_at)
     VALUES (1, '制图员 4 级', '3-01-02-07', '制图员', '机械', 4, '{}', ?, 't', ?)`,
  ).run(T, T);
  return db;
}

function addItem(db: WritableDB, text: string, id?: number): number {
  const row = db
    .prepare(`INSERT INTO items (id, bank_id, kind, type, binding, state, difficulty, created_at, created_by, updated_at) VALUES (?, 1, 'theory', 'singleChoice', 'B-A-A-001', '入库', 3, ?, 't', ?)`)
    .run(id ?? null, T, T);
  const itemId = Number(row.lastInsertRowid);
  replaceSearchText(db, itemId, text);
  return itemId;
}

const pendingCount = (db: WritableDB) => db.prepare('SELECT count(*) FROM search_pending').pluck().get() as number;
const find = (db: WritableDB, text: string, over: Partial<SearchQuery> = {}) => searchItems(db, { bankId: 1, text, limit: 1000, ...over }).ids;

/** Runs `check` with the grams pending, then again once they are folded. */
function bothWays(db: WritableDB, check: () => void): void {
  expect(pendingCount(db)).toBeGreaterThan(0);
  check();
  flushSearchIndex(db);
  expect(pendingCount(db)).toBe(0);
  check();
}

describe('search of single saves (pending grams)', () => {
  it('finds one- and two-character terms of saved, edited and removed texts', () => {
    const db = open();
    const front = addItem(db, '主视图反映物体的长度和高度。');
    const part = addItem(db, '零件图中标注尺寸的单位是（ ）。');
    const gear = addItem(db, '齿轮的模数');
    bothWays(db, () => {
      expect(find(db, '图')).toEqual([front, part]);
      expect(find(db, '的')).toEqual([front, part, gear]);
      expect(find(db, '（')).toEqual([part]);
      expect(find(db, '视图')).toEqual([front]);
      expect(find(db, '尺寸')).toEqual([part]);
      expect(find(db, '的 图')).toEqual([front, part]);
      expect(find(db, '齿轮 模数')).toEqual([gear]);
      expect(find(db, '主视图')).toEqual([front]);
      expect(find(db, '的单位')).toEqual([part]);
    });
    replaceSearchText(db, front, '俯视图反映宽度。');
    replaceSearchText(db, front, '左视图反映宽度和高度。');
    removeSearchText(db, gear);
    bothWays(db, () => {
      expect(find(db, '主')).toEqual([]);
      expect(find(db, '俯')).toEqual([]);
      expect(find(db, '左')).toEqual([front]);
      expect(find(db, '的')).toEqual([part]);
      expect(find(db, '齿')).toEqual([]);
      expect(find(db, '高度')).toEqual([front]);
      expect(find(db, '长度')).toEqual([]);
      expect(find(db, '主视图')).toEqual([]);
      expect(find(db, '左视图 宽度')).toEqual([front]);
      expect(find(db, '齿轮的模数')).toEqual([]);
      expect(find(db, '', { limit: 10 })).toEqual([front, part, gear]);
    });
  });

  it('finds a spec term however it is typed, in the text or in the query', () => {
    const db = open();
    const fit = addItem(db, '孔的公差带代号 φ35H7 表示基本尺寸为 35 mm。');
    const rough = addItem(db, '表面粗糙度 Ra 3.2 表示轮廓算术平均偏差不大于 3.2 μm。');
    const wide = addItem(db, '全角输入：ＲＡ　３．２ 与 Φ３５ｈ７');
    bothWays(db, () => {
      for (const text of ['φ35H7', 'Φ35h7', 'Φ３５Ｈ７', 'ϕ35H7']) expect(find(db, text), text).toEqual([fit, wide]);
      for (const text of ['Ra 3.2', 'RA3.2', 'ＲＡ３．２', 'ra　3.2']) expect(find(db, text), text).toEqual([rough, wide]);
      expect(find(db, 'Ｒ')).toEqual([rough, wide]);
      expect(find(db, '３')).toEqual([fit, rough, wide]);
      expect(find(db, 'h7')).toEqual([fit, wide]);
      expect(find(db, 'μm')).toEqual([rough]);
      expect(find(db, '3.2μm')).toEqual([rough]);
      expect(find(db, 'φ35 mm')).toEqual([fit]);
    });
  });

  it('folds the pending grams once there are more than the limit, and a batch folds them all', () => {
    const db = open();
    const ids = Array.from({ length: PENDING_LIMIT }, (_, i) => addItem(db, `第${i}题：投影面的正投影。`));
    expect(pendingCount(db)).toBe(PENDING_LIMIT);
    expect(db.prepare('SELECT count(*) FROM search_grams').pluck().get()).toBe(0);
    expect(find(db, '投影')).toEqual(ids);
    const more = addItem(db, '正投影');
    expect(pendingCount(db)).toBe(0);
    expect(find(db, '投影')).toEqual([...ids, more]);
    replaceSearchText(db, more, '斜投影');
    expect(pendingCount(db)).toBe(1);
    replaceSearchTexts(db, [{ itemId: ids[0] ?? 0, text: '中心投影' }, { itemId: ids[1] ?? 0, text: '' }]);
    expect(pendingCount(db)).toBe(3);
    replaceSearchTexts(db, ids.slice(2).map((itemId) => ({ itemId, text: '平行投影' })));
    expect(pendingCount(db)).toBe(0);
    expect(find(db, '正')).toEqual([]);
    expect(find(db, '斜')).toEqual([more]);
    expect(find(db, '投影')).toEqual([ids[0], ...ids.slice(2), more]);
  });

  it('clears the grams of a removed text even when its item is deleted and the id used again', () => {
    const db = open();
    const first = addItem(db, '主视图');
    const last = addItem(db, '螺纹的画法');
    flushSearchIndex(db);
    removeSearchText(db, last);
    db.prepare('DELETE FROM items WHERE id = ?').run(last);
    // SQLite gives the next item the highest id plus one: the deleted item's id.
    const again = addItem(db, '齿轮的画法');
    expect(again).toBe(last);
    bothWays(db, () => {
      expect(find(db, '螺')).toEqual([]);
      expect(find(db, '螺纹')).toEqual([]);
      expect(find(db, '齿')).toEqual([again]);
      expect(find(db, '画法')).toEqual([again]);
      expect(find(db, '视')).toEqual([first]);
    });
  });

  it('answers like the texts themselves through a long run of random saves', () => {
    const db = open();
    const ids = Array.from({ length: 150 }, (_, i) => addItem(db, `试题 ${i}`, 5000 + i * 31));
    const random = randomFrom(99);
    replaceSearchTexts(db, ids.map((itemId, i) => ({ itemId, text: textFor(i, random) })));
    for (let round = 0; round < 200; round++) {
      const id = ids[random(ids.length)] ?? 0;
      if (round % 9 === 0) removeSearchText(db, id);
      else replaceSearchText(db, id, textFor(random(1000), random));
      if (round % 40 === 39) for (const q of queries()) expect(searchItems(db, { bankId: 1, ...q }), JSON.stringify(q)).toEqual(bruteForce(db, { bankId: 1, ...q }));
    }
  });
});
