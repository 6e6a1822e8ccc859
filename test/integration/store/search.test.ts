import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, migrate, openDatabase, type WritableDB } from '../../../app/store/database.js';
import { NotFoundError } from '../../../app/store/errors.js';
import { MIGRATIONS, type Migration } from '../../../app/store/migrations/index.js';
import { migration0100 } from '../../../app/store/migrations/0100-search.js';
import { insertItem } from '../../../app/store/repositories/items.js';
import {
  flushSearchIndex,
  removeSearchText,
  replaceSearchText,
  replaceSearchTexts,
  searchItems,
  searchTerms,
  type SearchQuery,
} from '../../../app/store/repositories/search.js';
import type { ItemState } from '../../../app/domain/bank.js';
import type { ComprehensiveItem } from '../../../app/domain/comprehensive-item.js';
import type { Item, ItemType } from '../../../app/domain/item.js';
import type { PracticalTask } from '../../../app/domain/practical-task.js';
import type { TheoryItem } from '../../../app/domain/theory-item.js';
import { toSearchText } from '../../../app/domain/text/normalise.js';
import { decodeBlock } from '../../../app/store/repositories/search-blocks.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();
const opened: WritableDB[] = [];
afterEach(() => opened.splice(0).forEach(closeDatabase));

const KEY = `"x'${'11'.repeat(32)}'"`;
const T = '2026-11-23T08:00:00.000Z';

/** Every landed migration plus 0100 (which may not be registered yet), in version order. */
function migrations(upTo = Infinity): Migration[] {
  return [...MIGRATIONS.filter((m) => m.version !== 100), migration0100]
    .filter((m) => m.version <= upTo)
    .sort((a, b) => a.version - b.version);
}

function openEncrypted(upTo = Infinity): WritableDB {
  const db = openDatabase(join(tempDir(), 'q.db'), { create: true, keyPragma: KEY, migrate: false });
  opened.push(db);
  migrate(db, migrations(upTo));
  return db;
}

function addBank(db: WritableDB, id: number, level: number): number {
  db.prepare(
    `INSERT INTO banks (id, name, occupation_code, occupation_name, track, level, secrecy, created_at, created_by, updated_at)
     VALUES (?, ?, '3-01-02-07', '制图员', '机械', ?, '{}', ?, 't', ?)`,
  ).run(id, `制图员 ${level} 级`, level, T, T);
  return id;
}

interface Fixture {
  readonly text: string;
  readonly type?: ItemType;
  readonly state?: ItemState;
  readonly difficulty?: number | null;
  readonly binding?: string;
}

/** An item with the fixture's columns (the store derives them from the body; search never reads the rest). */
function fixtureItem(type: ItemType, text: string, binding: string, difficulty: number | null): Item {
  if (type === 'practical') return { kind: 'practical', body: { module: binding, title: text } as PracticalTask };
  if (type === 'comprehensive') return { kind: 'comprehensive', body: { title: text } as ComprehensiveItem };
  return { kind: 'theory', body: { type, element: binding, difficulty, stem: text } as TheoryItem };
}

function addItem(db: WritableDB, bankId: number, f: Fixture): number {
  const item = fixtureItem(f.type ?? 'singleChoice', f.text, f.binding ?? 'B-A-A-001', f.difficulty === undefined ? 3 : f.difficulty);
  const id = insertItem(db, { bankId, state: f.state ?? '草稿', item }, 't', T);
  replaceSearchText(db, id, f.text);
  return id;
}

/** Saves a new version and makes it current (what the item service does on an edit). */
function addVersion(db: WritableDB, itemId: number, text: string): void {
  const version = (db.prepare('SELECT current_version FROM items WHERE id = ?').pluck().get(itemId) as number) + 1;
  db.prepare('INSERT INTO item_versions (item_id, version, body, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(itemId, version, JSON.stringify({ stem: text }), T, 't');
  db.prepare('UPDATE items SET current_version = ? WHERE id = ?').run(version, itemId);
  replaceSearchText(db, itemId, text);
}

/** A small bank 1 and a bank 2 that holds the same words, which must never show up. */
function sampleBanks() {
  const db = openEncrypted();
  const bank = addBank(db, 1, 4);
  const other = addBank(db, 2, 3);
  const ids = {
    front: addItem(db, bank, { text: '主视图反映物体的长度和高度。', type: 'trueFalse', state: '入库', difficulty: 2, binding: 'B-A-B-001' }),
    unit: addItem(db, bank, { text: '零件图中标注尺寸的单位是（ ）。\nA、毫米 B、厘米', state: '草稿', difficulty: 3, binding: 'B-A-C-001' }),
    rough: addItem(db, bank, { text: '表面粗糙度 Ra 3.2 表示轮廓算术平均偏差不大于 3.2 μm。', type: 'multipleChoice', state: '入库', difficulty: 4, binding: 'B-A-C-002' }),
    fit: addItem(db, bank, { text: '孔的公差带代号 φ20H7 表示基本尺寸为 20 mm，公差等级为 IT7。', state: '待审', difficulty: 5, binding: 'B-B-A-001' }),
    task: addItem(db, bank, { text: '绘制轴的零件图，并标注尺寸公差与表面粗糙度。', type: 'practical', state: '入库', difficulty: null, binding: 'A' }),
    section: addItem(db, bank, { text: '全剖视图用剖切面完全地剖开机件。', state: '已审', difficulty: 3, binding: 'B-A-B-002' }),
    split: addItem(db, bank, { text: '剖视 视图 分开书写（ ）。', state: '停用', difficulty: 1, binding: 'B-A-B-003' }),
    quote: addItem(db, bank, { text: '标题栏中的 "名称" 一栏填写*零件名称*；NEAR(图样) 不是术语，O\'Brien 也不是。', state: '草稿', difficulty: 2, binding: 'A-B-A-001' }),
  };
  // The same words in another bank: a search of bank 1 must never return these.
  const foreign = [
    addItem(db, other, { text: '主视图反映物体的长度和高度。', state: '入库', difficulty: 2, binding: 'B-A-B-001' }),
    addItem(db, other, { text: '零件图中标注尺寸公差 φ20H7 与 Ra 3.2，剖视图，"名称"*NEAR(', state: '入库', difficulty: 3, binding: 'B-A-C-001' }),
  ];
  return { db, bank, other, ids, foreign };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('search repository', () => {
  describe('#toSearchText', () => {
    it('folds width and case with NFKC and drops whitespace, control and format characters', () => {
      expect(toSearchText('ＡＢ　c\td\u0001e\u200bＦ')).toBe('abcdef');
      expect(toSearchText('（ ）φ20H7 Ra 3.2')).toBe('()φ20h7ra3.2');
    });
  });

  describe('#searchTerms', () => {
    it('splits on any whitespace, normalises each term and drops repeats and empty terms', () => {
      expect(searchTerms('  投影\u3000尺寸 Ｈ7 投影 \u0001 ')).toEqual(['投影', '尺寸', 'h7']);
    });
  });

  describe('#searchItems', () => {
    it('finds a one-character term through its unigram', () => {
      const { db, bank, ids } = sampleBanks();
      const result = searchItems(db, { bankId: bank, text: '轴' });
      expect(result).toEqual({ total: 1, ids: [ids.task] });
      expect(searchItems(db, { bankId: bank, text: '图' }).ids).toEqual(sorted([ids.front, ids.unit, ids.task, ids.section, ids.split, ids.quote]));
    });

    it('finds a two-character term through its bigram', () => {
      const { db, bank, ids } = sampleBanks();
      expect(searchItems(db, { bankId: bank, text: '尺寸' })).toEqual({ total: 3, ids: sorted([ids.unit, ids.fit, ids.task]) });
      expect(searchItems(db, { bankId: bank, text: '公差' }).ids).toEqual(sorted([ids.fit, ids.task]));
    });

    it('finds a term of three or more characters only where the text contains it as a whole', () => {
      const { db, bank, ids } = sampleBanks();
      // Judged by the text while the saves wait to be folded, then through the trigram index.
      for (const folded of [false, true]) {
        if (folded) flushSearchIndex(db);
        expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get() === 0).toBe(folded);
        expect(searchItems(db, { bankId: bank, text: '零件图' }).ids).toEqual(sorted([ids.unit, ids.task]));
        expect(searchItems(db, { bankId: bank, text: '表面粗糙度' }).ids).toEqual(sorted([ids.rough, ids.task]));
        // ids.split has both bigrams 剖视 and 视图 (and, without whitespace, even 剖视视图) but not 剖视图.
        expect(searchItems(db, { bankId: bank, text: '剖视图' }).ids).toEqual([ids.section]);
        expect(searchItems(db, { bankId: bank, text: '剖视' }).ids).toEqual(sorted([ids.section, ids.split]));
        expect(searchItems(db, { bankId: bank, text: '剖视视图' }).ids).toEqual([ids.split]);
        expect(searchItems(db, { bankId: bank, text: '尺寸公差与表面粗糙度' }).ids).toEqual([ids.task]);
        expect(searchItems(db, { bankId: bank, text: '粗糙的度' })).toEqual({ total: 0, ids: [] });
      }
    });

    it('checks a term of four or more characters against the text, so its trigrams found apart do not match', () => {
      const db = openEncrypted();
      const bank = addBank(db, 1, 4);
      const apart = addItem(db, bank, { text: '基本视与本视图' });
      const whole = addItem(db, bank, { text: '六个基本视图' });
      for (const folded of [false, true]) {
        if (folded) flushSearchIndex(db);
        expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get() === 0).toBe(folded);
        expect(searchItems(db, { bankId: bank, text: '基本视' }).ids).toEqual([apart, whole]);
        expect(searchItems(db, { bankId: bank, text: '本视图' }).ids).toEqual([apart, whole]);
        expect(searchItems(db, { bankId: bank, text: '基本视图' })).toEqual({ total: 1, ids: [whole] });
        expect(searchItems(db, { bankId: bank, text: '基本视图 本视图', difficulty: 3 })).toEqual({ total: 1, ids: [whole] });
        expect(searchItems(db, { bankId: bank, text: '个基本视图' })).toEqual({ total: 1, ids: [whole] });
        expect(searchItems(db, { bankId: bank, text: '基本视图与' })).toEqual({ total: 0, ids: [] });
      }
    });

    it('requires every term of a multi-term query (AND)', () => {
      const { db, bank, ids } = sampleBanks();
      expect(searchItems(db, { bankId: bank, text: '尺寸 公差' }).ids).toEqual(sorted([ids.fit, ids.task]));
      expect(searchItems(db, { bankId: bank, text: '尺寸 公差 粗糙度' }).ids).toEqual([ids.task]);
      expect(searchItems(db, { bankId: bank, text: '零件图   轴' }).ids).toEqual([ids.task]);
      expect(searchItems(db, { bankId: bank, text: '尺寸 剖视' }).ids).toEqual([]);
    });

    it('matches Chinese punctuation and mixed ASCII after width and case folding', () => {
      const { db, bank, ids } = sampleBanks();
      expect(searchItems(db, { bankId: bank, text: 'φ20H7' }).ids).toEqual([ids.fit]);
      expect(searchItems(db, { bankId: bank, text: 'Φ20ｈ7' }).ids).toEqual([ids.fit]);
      expect(searchItems(db, { bankId: bank, text: 'Ra 3.2' }).ids).toEqual([ids.rough]);
      expect(searchItems(db, { bankId: bank, text: 'RA3.2' }).ids).toEqual([ids.rough]);
      expect(searchItems(db, { bankId: bank, text: '32' }).ids).toEqual([]);
      expect(searchItems(db, { bankId: bank, text: 'it7' }).ids).toEqual([ids.fit]);
      expect(searchItems(db, { bankId: bank, text: '（）' }).ids).toEqual(sorted([ids.unit, ids.split]));
      expect(searchItems(db, { bankId: bank, text: '。' }).total).toBe(8);
      expect(searchItems(db, { bankId: bank, text: 'A、毫米' }).ids).toEqual([ids.unit]);
      expect(searchItems(db, { bankId: bank, text: 'μm' }).ids).toEqual([ids.rough]);
    });

    it('treats quotes, stars, NEAR( and SQL quotes as ordinary characters', () => {
      const { db, bank, ids } = sampleBanks();
      for (const text of ['"', '*', 'NEAR(', "'", '"名称"', '*零件名称*', "o'brien", 'near(图样)']) {
        expect(searchItems(db, { bankId: bank, text }), text).toEqual({ total: 1, ids: [ids.quote] });
      }
      for (const text of ['" OR 1=1 --', "') OR ('1'='1", 'a* OR b*', 'NEAR(a b, 2)', '{stem}: x', '^', '\\', '%', '_', '?', ';DROP TABLE items;']) {
        expect(() => searchItems(db, { bankId: bank, text }), text).not.toThrow();
        expect(searchItems(db, { bankId: bank, text }).total, text).toBe(0);
      }
      expect(db.prepare('SELECT count(*) FROM items').pluck().get()).toBe(10);
    });

    it('filters by type, state, difficulty, element prefix and current version, with and without text', () => {
      const { db, bank, ids } = sampleBanks();
      const q = (over: Partial<SearchQuery>) => searchItems(db, { bankId: bank, text: '', ...over }).ids;
      expect(q({ type: 'multipleChoice' })).toEqual([ids.rough]);
      expect(q({ type: 'practical' })).toEqual([ids.task]);
      expect(q({ state: '入库' })).toEqual(sorted([ids.front, ids.rough, ids.task]));
      expect(q({ state: '停用' })).toEqual([ids.split]);
      expect(q({ difficulty: 3 })).toEqual(sorted([ids.unit, ids.section]));
      expect(q({ element: 'B-A-C-001' })).toEqual([ids.unit]);
      expect(q({ element: 'B-A-C' })).toEqual(sorted([ids.unit, ids.rough]));
      expect(q({ element: 'b-a-b-' })).toEqual(sorted([ids.front, ids.section, ids.split]));
      expect(q({ element: 'B-A' })).toEqual(sorted([ids.front, ids.unit, ids.rough, ids.section, ids.split]));
      expect(q({ element: 'B' })).toEqual(sorted([ids.front, ids.unit, ids.rough, ids.fit, ids.section, ids.split]));
      expect(q({ element: 'A' })).toEqual(sorted([ids.task, ids.quote]));
      expect(q({ element: 'B-A-C-00' })).toEqual([]);
      expect(q({ version: 1 })).toHaveLength(8);
      expect(q({ version: 2 })).toEqual([]);
      addVersion(db, ids.fit, '孔的公差带代号 φ20H8。');
      expect(q({ version: 2 })).toEqual([ids.fit]);
      expect(q({ text: '公差', version: 2 })).toEqual([ids.fit]);
      expect(q({ text: '公差', version: 1 })).toEqual([ids.task]);
      expect(q({ text: '尺寸', state: '入库' })).toEqual([ids.task]);
      expect(q({ text: '尺寸', type: 'singleChoice', state: '草稿', difficulty: 3, element: 'B-A-C', version: 1 })).toEqual([ids.unit]);
      expect(q({ text: '尺寸', type: 'singleChoice', state: '入库' })).toEqual([]);
      expect(q({ text: '图', difficulty: 2, element: 'B-A-B' })).toEqual([ids.front]);
    });

    it('follows state, type, difficulty and binding changes of the item without re-indexing', () => {
      const { db, bank, ids } = sampleBanks();
      db.prepare("UPDATE items SET state = '入库', difficulty = 1, binding = 'B-B-A-002', type = 'multipleChoice' WHERE id = ?").run(ids.unit);
      const q = (over: Partial<SearchQuery>) => searchItems(db, { bankId: bank, text: '尺寸', ...over }).ids;
      expect(q({ state: '入库' })).toEqual(sorted([ids.unit, ids.task]));
      expect(q({ state: '草稿' })).toEqual([]);
      expect(q({ difficulty: 1 })).toEqual([ids.unit]);
      expect(q({ difficulty: 3 })).toEqual([]);
      expect(q({ element: 'B-B' })).toEqual(sorted([ids.unit, ids.fit]));
      expect(q({ element: 'B-A-C' })).toEqual([]);
      expect(q({ type: 'multipleChoice' })).toEqual([ids.unit]);
      db.prepare('UPDATE items SET difficulty = NULL WHERE id = ?').run(ids.unit);
      expect(q({ difficulty: 1 })).toEqual([]);
      expect(q({})).toEqual(sorted([ids.unit, ids.fit, ids.task]));
    });

    it('pages in id order with limit and offset and counts every match in total', () => {
      const db = openEncrypted();
      const bank = addBank(db, 1, 4);
      addBank(db, 2, 3);
      const ids = db.transaction(() =>
        Array.from({ length: 120 }, (_, i) => addItem(db, bank, { text: `第${i}题：投影面的${i % 2 === 0 ? '正' : '侧'}投影。`, state: i % 3 === 0 ? '入库' : '草稿' })),
      )();
      addItem(db, 2, { text: '投影面的正投影' });
      expect(searchItems(db, { bankId: bank, text: '投影' })).toEqual({ total: 120, ids: ids.slice(0, 50) });
      expect(searchItems(db, { bankId: bank, text: '投影', offset: 50 })).toEqual({ total: 120, ids: ids.slice(50, 100) });
      expect(searchItems(db, { bankId: bank, text: '投影', offset: 100 })).toEqual({ total: 120, ids: ids.slice(100) });
      expect(searchItems(db, { bankId: bank, text: '投影', offset: 500 })).toEqual({ total: 120, ids: [] });
      expect(searchItems(db, { bankId: bank, text: '投影', limit: 0 })).toEqual({ total: 120, ids: [] });
      expect(searchItems(db, { bankId: bank, text: '投影', limit: 7, offset: 3 })).toEqual({ total: 120, ids: ids.slice(3, 10) });
      expect(searchItems(db, { bankId: bank, text: '正投影' }).total).toBe(60);
      expect(searchItems(db, { bankId: bank, text: '正投影', state: '入库', limit: 5 })).toEqual({
        total: 20,
        ids: ids.filter((_, i) => i % 6 === 0).slice(0, 5),
      });
      expect(searchItems(db, { bankId: bank, text: '' })).toEqual({ total: 120, ids: ids.slice(0, 50) });
      expect(searchItems(db, { bankId: bank, text: '  ', state: '入库', limit: 1000 })).toEqual({ total: 40, ids: ids.filter((_, i) => i % 3 === 0) });
      expect(searchItems(db, { bankId: bank, text: '', limit: 10, offset: 115 })).toEqual({ total: 120, ids: ids.slice(115) });
    });

    it('intersects filters with thousands of matches', () => {
      const db = openEncrypted();
      const bank = addBank(db, 1, 4);
      addBank(db, 2, 3);
      const insert = db.prepare(
        `INSERT INTO items (bank_id, kind, type, binding, state, difficulty, current_version, created_at, created_by, updated_at)
         VALUES (?, 'theory', ?, ?, ?, ?, ?, ?, 't', ?)`,
      );
      const states = ['草稿', '待审', '已审', '入库', '停用'] as const;
      const rows = Array.from({ length: 2600 }, (_, i) => ({
        bankId: i % 10 === 9 ? 2 : bank,
        type: i % 3 === 0 ? 'trueFalse' : 'singleChoice',
        binding: i % 4 === 0 ? 'B-A-C-001' : 'A-B-A-002',
        state: states[i % 5] as string,
        difficulty: (i % 5) + 1,
        version: (i % 2) + 1,
        text: i % 7 === 0 ? '剖视图的画法' : '视图的投影',
      }));
      const ids = db.transaction(() =>
        rows.map((r) => Number(insert.run(r.bankId, r.type, r.binding, r.state, r.difficulty, r.version, T, T).lastInsertRowid)),
      )();
      replaceSearchTexts(db, ids.map((itemId, i) => ({ itemId, text: rows[i]?.text ?? '' })));
      const expected = (pass: (r: (typeof rows)[number]) => boolean) => ids.filter((_, i) => rows[i]?.bankId === bank && pass(rows[i]!));
      const all = (over: Partial<SearchQuery>) => searchItems(db, { bankId: bank, text: '视图', limit: 10_000, ...over });
      expect(all({}).total).toBe(expected(() => true).length);
      expect(all({}).total).toBeGreaterThan(2000);
      expect(all({ state: '入库' }).ids).toEqual(expected((r) => r.state === '入库'));
      expect(all({ type: 'trueFalse', version: 2 }).ids).toEqual(expected((r) => r.type === 'trueFalse' && r.version === 2));
      expect(all({ element: 'B-A', difficulty: 1 }).ids).toEqual(expected((r) => r.binding.startsWith('B-A') && r.difficulty === 1));
      expect(all({ text: '视图 的', element: 'A-B-A-002', limit: 5, offset: 10 })).toEqual({
        total: expected((r) => r.binding === 'A-B-A-002').length,
        ids: expected((r) => r.binding === 'A-B-A-002').slice(10, 15),
      });
      expect(all({ text: '剖视图的画法', state: '待审' }).ids).toEqual(expected((r) => r.text === '剖视图的画法' && r.state === '待审'));
      expect(all({ text: '图的投', state: '停用' }).ids).toEqual(expected((r) => r.text === '视图的投影' && r.state === '停用'));
    });

    it('never returns items of another bank, with or without text and filters', () => {
      const { db, bank, other, ids, foreign } = sampleBanks();
      const all = Object.values(ids);
      for (const query of [
        { text: '' },
        { text: '主视图' },
        { text: '图' },
        { text: '尺寸 公差' },
        { text: 'φ20h7' },
        { text: '"' },
        { text: '', state: '入库' },
        { text: '视图', element: 'B-A-B-001' },
      ]) {
        const mine = searchItems(db, { bankId: bank, ...query }).ids;
        const theirs = searchItems(db, { bankId: other, ...query }).ids;
        expect(mine.every((id) => all.includes(id)), query.text).toBe(true);
        expect(theirs.every((id) => foreign.includes(id)), query.text).toBe(true);
      }
      expect(searchItems(db, { bankId: other, text: '主视图' }).ids).toEqual([foreign[0]]);
      expect(searchItems(db, { bankId: 99, text: '' })).toEqual({ total: 0, ids: [] });
    });

    it('finds characters outside the Basic Multilingual Plane as one character', () => {
      const db = openEncrypted();
      const bank = addBank(db, 1, 4);
      const id = addItem(db, bank, { text: '𠮷野家的图样' });
      addItem(db, bank, { text: '吉野家的图样' });
      expect(searchItems(db, { bankId: bank, text: '𠮷' }).ids).toEqual([id]);
      expect(searchItems(db, { bankId: bank, text: '𠮷野' }).ids).toEqual([id]);
      expect(searchItems(db, { bankId: bank, text: '𠮷野家' }).ids).toEqual([id]);
    });
  });

  describe('#replaceSearchText', () => {
    /** The unigram and bigram blocks (saves folded in first), with the size of each. */
    const postingsOf = (db: WritableDB) => {
      flushSearchIndex(db);
      return db.prepare('SELECT gram, block, length(ids) AS bytes FROM search_grams ORDER BY gram, block').all() as { gram: string; block: number; bytes: number }[];
    };
    /** The unigrams and bigrams in the gram blocks and the trigrams in the FTS5 index. */
    const gramsOf = (db: WritableDB) => {
      const grams = postingsOf(db).map((p) => p.gram);
      db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary USING fts5vocab(main, search_fts, row)');
      const trigrams = db.prepare('SELECT term FROM temp.search_vocabulary').pluck().all() as string[];
      return [...new Set(grams), ...trigrams].sort();
    };

    it('indexes every distinct unigram, bigram and trigram of the normalised text', () => {
      const db = openEncrypted();
      const bank = addBank(db, 1, 4);
      const id = addItem(db, bank, { text: '视图 视图Ａ' });
      expect(gramsOf(db)).toEqual(['a', '图', '图a', '图视', '图视图', '视', '视图', '视图a', '视图视'].sort());
      expect(db.prepare('SELECT text FROM search_text WHERE item_id = ?').pluck().get(id)).toBe('视图视图a');
    });

    it('replaces the previous text so that its old grams no longer match', () => {
      const { db, bank, ids, foreign } = sampleBanks();
      addVersion(db, ids.front, '俯视图反映物体的长度和宽度。');
      expect(searchItems(db, { bankId: bank, text: '主视图' }).ids).toEqual([]);
      expect(searchItems(db, { bankId: bank, text: '高度' }).ids).toEqual([]);
      expect(searchItems(db, { bankId: bank, text: '主' }).ids).toEqual([]);
      expect(searchItems(db, { bankId: bank, text: '俯视图 宽度' }).ids).toEqual([ids.front]);
      expect(searchItems(db, { bankId: bank, text: '长度' }).ids).toEqual([ids.front]);
      expect(searchItems(db, { bankId: bank, text: '反映物体的长度' }).ids).toEqual([ids.front]);
      // The item is gone from the grams only its old text had (bank 2 still has them).
      const itemsOf = (gram: string) =>
        Array.from(gram).length < 3
          ? (db.prepare('SELECT block, ids FROM search_grams WHERE gram = ?').raw().all(gram) as [number, Buffer][]).flatMap(([block, blob]) =>
              Array.from(decodeBlock(blob)).flatMap((word, k) => Array.from({ length: 32 }, (_, b) => ((word >>> b) & 1 ? block * 4096 + k * 32 + b : -1)).filter((id) => id >= 0)),
            )
          : (db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck().all(`"${gram}"`) as number[]);
      postingsOf(db);
      for (const gram of ['主', '主视', '主视图', '高度', '和高度']) expect(itemsOf(gram), gram).toEqual([foreign[0]]);
    });

    it('is idempotent: saving the same text again changes nothing', () => {
      const { db, bank, ids } = sampleBanks();
      const changes = db.prepare('SELECT total_changes()').pluck();
      const at = changes.get() as number;
      replaceSearchText(db, ids.fit, '孔的公差带代号 φ20H7 表示基本尺寸为 20 mm，公差等级为 IT7。');
      replaceSearchText(db, ids.fit, '孔的公差带代号φ20H7表示基本尺寸为20mm，公差等级为IT7。');
      expect(changes.get()).toBe(at);
      expect(searchItems(db, { bankId: bank, text: 'φ20h7' }).ids).toEqual([ids.fit]);
    });

    it('refuses an item that does not exist', () => {
      const db = openEncrypted();
      expect(() => replaceSearchText(db, 404, '投影')).toThrow(NotFoundError);
      expect(() => replaceSearchText(db, 404, '投影')).toThrow('试题 404 不存在');
    });

    it('stores a block of fewer than 256 items as an array and a fuller one as a bitmap, across block boundaries', () => {
      const db = openEncrypted();
      const bank = addBank(db, 1, 4);
      const insert = db.prepare(
        `INSERT INTO items (id, bank_id, kind, type, binding, state, difficulty, created_at, created_by, updated_at)
         VALUES (?, ?, 'theory', 'trueFalse', 'B-A-A-001', ?, 2, ?, 't', ?)`,
      );
      // Ids 3900…4199 straddle blocks 0 and 1; 70000 is far away in block 17.
      const ids = [...Array.from({ length: 300 }, (_, i) => 3900 + i), 70000];
      db.transaction(() => ids.forEach((id, i) => insert.run(id, bank, i % 2 === 0 ? '入库' : '草稿', T, T)))();
      replaceSearchTexts(db, ids.map((itemId) => ({ itemId, text: itemId < 4000 ? '投影面' : '投影线' })));
      const rows = (gram: string) => postingsOf(db).filter((p) => p.gram === gram).map(({ block, bytes }) => [block, bytes]);
      expect(rows('投影')).toEqual([[0, 2 * 196], [1, 2 * 104], [17, 2]]);
      expect(rows('投')).toEqual(rows('投影'));
      expect(rows('影面')).toEqual([[0, 200]]);
      expect(searchItems(db, { bankId: bank, text: '投影', limit: 1000 })).toEqual({ total: 301, ids });
      // 96 more items in block 0 make it a bitmap; taking the text away from 100 makes it an array again.
      const more = Array.from({ length: 96 }, (_, i) => 3000 + i);
      db.transaction(() => more.forEach((id) => insert.run(id, bank, '入库', T, T)))();
      replaceSearchTexts(db, more.map((itemId) => ({ itemId, text: '投影' })));
      expect(rows('投影')[0]).toEqual([0, 512]);
      expect(searchItems(db, { bankId: bank, text: '投影', limit: 0 }).total).toBe(397);
      expect(searchItems(db, { bankId: bank, text: '投影', offset: 95, limit: 3 }).ids).toEqual([3095, 3900, 3901]);
      replaceSearchTexts(db, more.slice(0, 100).concat(ids.slice(0, 4)).map((itemId) => ({ itemId, text: '' })));
      expect(rows('投影')[0]).toEqual([0, 2 * 192]);
      expect(searchItems(db, { bankId: bank, text: '投影', limit: 1000 }).ids).toEqual(ids.slice(4));
      expect(searchItems(db, { bankId: bank, text: '投影面', state: '入库', limit: 1000 }).ids).toEqual(ids.filter((id, i) => i >= 4 && id < 4000 && i % 2 === 0));
    });
  });

  describe('#replaceSearchTexts', () => {
    it('indexes many items in one transaction, the last text of an item winning', () => {
      const db = openEncrypted();
      const bank = addBank(db, 1, 4);
      const a = addItem(db, bank, { text: '' });
      const b = addItem(db, bank, { text: '' });
      replaceSearchTexts(db, [
        { itemId: a, text: '螺纹' },
        { itemId: b, text: '齿轮' },
        { itemId: a, text: '键槽' },
      ]);
      expect(searchItems(db, { bankId: bank, text: '键槽' }).ids).toEqual([a]);
      expect(searchItems(db, { bankId: bank, text: '螺纹' }).ids).toEqual([]);
      expect(searchItems(db, { bankId: bank, text: '齿轮' }).ids).toEqual([b]);
    });

    it('writes nothing when one of the items does not exist', () => {
      const db = openEncrypted();
      const bank = addBank(db, 1, 4);
      const a = addItem(db, bank, { text: '' });
      expect(() => replaceSearchTexts(db, [{ itemId: a, text: '螺纹' }, { itemId: 404, text: '齿轮' }])).toThrow(NotFoundError);
      expect(searchItems(db, { bankId: bank, text: '螺纹' }).ids).toEqual([]);
      expect(db.prepare('SELECT count(*) FROM search_grams').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(0);
    });
  });

  describe('#removeSearchText', () => {
    it('removes the text but keeps the item findable by its filters', () => {
      const { db, bank, ids } = sampleBanks();
      removeSearchText(db, ids.task);
      expect(searchItems(db, { bankId: bank, text: '轴' }).ids).toEqual([]);
      expect(searchItems(db, { bankId: bank, text: '零件图' }).ids).toEqual([ids.unit]);
      expect(searchItems(db, { bankId: bank, text: '', type: 'practical' }).ids).toEqual([ids.task]);
      expect(db.prepare('SELECT count(*) FROM search_text WHERE item_id = ?').pluck().get(ids.task)).toBe(0);
      removeSearchText(db, ids.task);
      replaceSearchText(db, ids.task, '轴');
      expect(searchItems(db, { bankId: bank, text: '轴' }).ids).toEqual([ids.task]);
    });

    it('leaves no posting behind once every item of a bank is removed', () => {
      const { db, ids } = sampleBanks();
      for (const id of Object.values(ids)) removeSearchText(db, id);
      flushSearchIndex(db);
      // The gram blocks are shared by the banks: what is left are the grams of bank 2's two texts.
      const left = db.prepare('SELECT DISTINCT gram FROM search_grams').pluck().all() as string[];
      const texts = db.prepare('SELECT text FROM search_text').pluck().all() as string[];
      expect(texts).toHaveLength(2);
      const grams = texts.flatMap((t) => Array.from(t).flatMap((c, i, all) => (i + 1 < all.length ? [c, c + all[i + 1]] : [c])));
      expect(left.sort()).toEqual([...new Set(grams)].sort());
    });
  });

  describe('migration 0100', () => {
    it('creates STRICT tables and finds items that already existed by their filters', () => {
      const db = openEncrypted(90);
      const bank = addBank(db, 1, 4);
      const id = insertItem(db, { bankId: bank, state: '入库', item: fixtureItem('trueFalse', '主视图', 'B-A-B-001', 2) }, 't', T);
      migrate(db, migrations(100));
      const tables = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'search%'").pluck().all() as string[];
      expect(tables).toHaveLength(3);
      for (const sql of tables) expect(sql).toMatch(/STRICT$/);
      migrate(db, migrations());
      expect(searchItems(db, { bankId: bank, text: '', state: '入库', element: 'B-A', difficulty: 2, type: 'trueFalse', version: 1 }).ids).toEqual([id]);
      expect(searchItems(db, { bankId: bank, text: '主视图' }).ids).toEqual([]);
      replaceSearchText(db, id, '主视图');
      expect(searchItems(db, { bankId: bank, text: '主视图' }).ids).toEqual([id]);
    });

    it('refuses to move an indexed item to another bank, and allows it once its text is removed', () => {
      const { db, bank, other, ids } = sampleBanks();
      const move = db.prepare('UPDATE items SET bank_id = ? WHERE id = ?');
      expect(() => move.run(other, ids.fit)).toThrow('试题已建立检索索引，不能改换题库');
      expect(searchItems(db, { bankId: bank, text: 'φ20h7' }).ids).toEqual([ids.fit]);
      removeSearchText(db, ids.fit);
      move.run(other, ids.fit);
      replaceSearchText(db, ids.fit, '配合 φ20H7');
      expect(searchItems(db, { bankId: bank, text: 'φ20h7' }).ids).toEqual([]);
      expect(searchItems(db, { bankId: other, text: '配合' }).ids).toEqual([ids.fit]);
      expect(searchItems(db, { bankId: other, text: '', state: '待审' }).ids).toEqual([ids.fit]);
    });

    it('keeps the filter bitmaps equal to the items through inserts, updates, bank moves and deletes', () => {
      const db = openEncrypted(90);
      for (const id of [1, 2, 3]) addBank(db, id, id + 1);
      let seed = 7;
      const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
      const types = ['trueFalse', 'singleChoice', 'multipleChoice'] as const;
      const states = ['草稿', '待审', '已审', '入库', '停用'] as const;
      const bindings = ['B-A-A-001', 'B-A-B-002', 'B-B-A-001', 'A-A-001', 'A', 'C', ''];
      const insert = db.prepare(
        `INSERT INTO items (id, bank_id, kind, type, binding, state, difficulty, current_version, created_at, created_by, updated_at)
         VALUES (?, ?, 'theory', ?, ?, ?, ?, ?, ?, 't', ?)`,
      );
      // Some items exist before migration 0100 (back-filled), the rest after (triggers); ids cross blocks.
      const ids = Array.from({ length: 60 }, (_, i) => 4060 + i * 3);
      const add = (id: number) =>
        insert.run(id, 1 + random(3), types[random(3)], bindings[random(7)], states[random(5)], random(6) || null, 1 + random(3), T, T);
      ids.slice(0, 30).forEach(add);
      migrate(db, migrations());
      ids.slice(30).forEach(add);
      const alive = new Set(ids);
      const check = () => {
        for (const bankId of [1, 2, 3]) {
          const where = (sql: string, ...args: unknown[]) =>
            db.prepare(`SELECT id FROM items WHERE bank_id = ? AND ${sql} ORDER BY id`).pluck().all(bankId, ...args) as number[];
          const q = (over: Partial<SearchQuery>) => searchItems(db, { bankId, text: '', limit: 1000, ...over }).ids;
          expect(q({})).toEqual(where('1'));
          for (const type of types) expect(q({ type })).toEqual(where('type = ?', type));
          for (const state of states) expect(q({ state })).toEqual(where('state = ?', state));
          for (const difficulty of [1, 2, 3, 4, 5]) expect(q({ difficulty })).toEqual(where('difficulty = ?', difficulty));
          for (const version of [1, 2, 3]) expect(q({ version })).toEqual(where('current_version = ?', version));
          for (const element of ['A', 'B', 'B-A', 'B-A-A', 'B-A-A-001', 'A-A-001', 'C'])
            expect(q({ element })).toEqual(where("(binding = ? OR binding LIKE ? || '-%')", element, element));
        }
        const stored = db.prepare('SELECT count(*) FROM search_attributes WHERE bits = zeroblob(512)').pluck().get();
        expect(stored).toBe(0);
      };
      check();
      const columns = {
        bank_id: () => 1 + random(3),
        type: () => types[random(3)],
        state: () => states[random(5)],
        difficulty: () => random(6) || null,
        current_version: () => 1 + random(3),
        binding: () => bindings[random(7)],
      };
      const names = Object.keys(columns) as (keyof typeof columns)[];
      for (let round = 0; round < 120; round++) {
        const id = [...alive][random(alive.size)] as number;
        const op = random(10);
        if (op === 0) {
          db.prepare('DELETE FROM items WHERE id = ?').run(id);
          alive.delete(id);
        } else {
          // One to three columns at once, so that the triggers run together.
          const chosen = [...new Set([names[random(6)], names[random(6)], names[random(6)]].slice(0, 1 + random(3)))] as (keyof typeof columns)[];
          db.prepare(`UPDATE items SET ${chosen.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...chosen.map((c) => columns[c]()), id);
        }
        if (round % 10 === 9) check();
      }
      db.prepare("UPDATE items SET state = '入库', difficulty = 3").run();
      check();
    });

    it('keeps an indexed item from being deleted', () => {
      const db = openEncrypted();
      const bank = addBank(db, 1, 4);
      const id = db.prepare(
        `INSERT INTO items (bank_id, kind, type, created_at, created_by, updated_at) VALUES (?, 'theory', 'trueFalse', ?, 't', ?)`,
      ).run(bank, T, T).lastInsertRowid;
      replaceSearchText(db, Number(id), '投影');
      expect(() => db.prepare('DELETE FROM items WHERE id = ?').run(id)).toThrow(/FOREIGN KEY/);
      removeSearchText(db, Number(id));
      db.prepare('DELETE FROM items WHERE id = ?').run(id);
      expect(searchItems(db, { bankId: bank, text: '投影' })).toEqual({ total: 0, ids: [] });
    });
  });
});
