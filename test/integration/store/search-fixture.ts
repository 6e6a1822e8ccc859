/**
 * Shared by the search tests of migrations 0170 and 0180: an encrypted database at a given schema version,
 * items with varied texts from the sample bank (spread over several id blocks and banks), the query
 * list, and a brute-force answer to compare the index with.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, openDatabase, type ReadableDB, type WritableDB } from '../../../app/store/database.js';
import { MIGRATIONS } from '../../../app/store/migrations/index.js';
import { searchTerms, type SearchQuery, type SearchResult } from '../../../app/store/repositories/search.js';

export const KEY = `"x'${'11'.repeat(32)}'"`;
const T = '2026-11-23T08:00:00.000Z';

/** An encrypted database migrated up to `version` (all migrations by default). */
export function openAt(dir: string, version = Infinity): WritableDB {
  const db = openDatabase(join(dir, 'q.db'), { create: true, keyPragma: KEY, migrate: false });
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  return db;
}

/** Deterministic pseudo-random numbers. */
export function randomFrom(seed: number): (n: number) => number {
  let s = seed;
  return (n) => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % n;
}

const sampleDir = new URL('../../../app/demo/sample/', import.meta.url);
/** Stems, options and explanations of the sample bank's theory items. */
export const SAMPLE_TEXTS: readonly string[] = readdirSync(sampleDir)
  .filter((f) => /^theory-.*\.json$/.test(f))
  .flatMap((f) => (JSON.parse(readFileSync(new URL(f, sampleDir), 'utf8')) as { items: { stem: string; options?: string[]; explanation?: string }[] }).items)
  .map((t) => [t.stem, ...(t.options ?? []), t.explanation ?? ''].join('\n'));

/** Texts with specs, full-width letters and digits, punctuation, quotes and a character outside the BMP. */
export const SPECIAL_TEXTS = [
  '孔的公差带代号 φ35H7 表示基本尺寸为 35 mm。',
  '表面粗糙度 Ra 3.2 表示轮廓算术平均偏差不大于 3.2 μm。',
  '全角输入：ＲＡ　３．２ 与 Φ３５ｈ７，螺纹 Ｍ１２×１．５。',
  '标题栏中的 "名称" 一栏填写*零件名称*；NEAR(图样) 不是术语。',
  '𠮷野家的图样（ ）',
  '图',
  '的的的',
];

export interface Fixture {
  readonly id: number;
  readonly bank: number;
}

const TYPES = ['trueFalse', 'singleChoice', 'multipleChoice'] as const;
const STATES = ['草稿', '待审', '已审', '入库', '停用'] as const;
const BINDINGS = ['B-A-A-001', 'B-A-B-002', 'B-B-A-001', 'A-A-001', 'A'];

/** Ids spread over several blocks of 4096: 3 000 … 9 000 and 70 000 up. */
const spreadId = (i: number) => (i % 5 === 4 ? 70_000 + i : 3_000 + i * 7);

/** Banks 1–3 and `count` items with ids `idOf(0 … count − 1)`, by default spread over several blocks. */
export function addItems(db: WritableDB, count: number, random: (n: number) => number, idOf = spreadId): Fixture[] {
  for (const bank of [1, 2, 3]) {
    db.prepare(
      `INSERT INTO banks (id, name, occupation_code, occupation_name, track, level, secrecy, created_at, created_by, updated_at)
       VALUES (?, ?, '3-01-02-07', '制图员', '机械', ?, '{}', ?, 't', ?)`,
    ).run(bank, `制图员 ${bank} 级`, bank + 1, T, T);
  }
  const insert = db.prepare(
    `INSERT INTO items (id, bank_id, kind, type, binding, state, difficulty, current_version, created_at, created_by, updated_at)
     VALUES (?, ?, 'theory', ?, ?, ?, ?, ?, ?, 't', ?)`,
  );
  const items: Fixture[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = idOf(i);
      const bank = 1 + random(3);
      insert.run(id, bank, TYPES[random(3)], BINDINGS[random(5)], STATES[random(5)], 1 + random(5), 1 + random(2), T, T);
      items.push({ id, bank });
    }
  })();
  return items;
}

/** A text for item number `i`: a sample text, sometimes varied, sometimes a special one. */
export function textFor(i: number, random: (n: number) => number): string {
  if (i % 11 === 0) return SPECIAL_TEXTS[random(SPECIAL_TEXTS.length)] ?? '';
  const base = SAMPLE_TEXTS[random(SAMPLE_TEXTS.length)] ?? '';
  return random(3) === 0 ? `${base} ${SAMPLE_TEXTS[random(SAMPLE_TEXTS.length)]?.slice(0, 12) ?? ''}` : base;
}

/** Queries of every kind: 1-, 2-, 3- and longer terms, specs, full width, several terms, filters, pages. */
export function queries(): Omit<SearchQuery, 'bankId'>[] {
  const texts = [
    '图', '的', '（', '轴', 'a', '𠮷', '"', '*',
    '视图', '尺寸', '公差', '投影', 'ra', '图样', '(）',
    '剖视图', '零件图', 'φ35', '3.2', '𠮷野家',
    '表面粗糙度', 'φ35H7', 'Ra 3.2', 'ＲＡ３．２', 'Φ３５ｈ７', 'M12×1.5', '"名称"', 'near(图样)', '的的的',
    '图 的', '尺寸 公差', '视图 投影 的', '零件图 轴', '剖视 图样', 'φ35h7 公差', '',
  ];
  const filters: Omit<SearchQuery, 'bankId' | 'text'>[] = [{}, { state: '入库' }, { type: 'singleChoice', difficulty: 3 }, { element: 'B-A' }, { version: 2 }];
  return texts.flatMap((text, i) => [
    { text, limit: 10_000 },
    { text, limit: 7, offset: 3, ...filters[i % filters.length] },
  ]);
}

/** The answer computed from the items and their texts in `search_text`, without the index. */
export function bruteForce(db: ReadableDB, query: SearchQuery): SearchResult {
  const terms = searchTerms(query.text);
  const rows = db
    .prepare(
      `SELECT i.id, i.type, i.state, i.difficulty, i.current_version AS version, i.binding, coalesce(t.text, '') AS text
       FROM items i LEFT JOIN search_text t ON t.item_id = i.id WHERE i.bank_id = ? ORDER BY i.id`,
    )
    .all(query.bankId) as { id: number; type: string; state: string; difficulty: number | null; version: number; binding: string; text: string }[];
  const element = (query.element ?? '').trim().toUpperCase().replace(/-+$/u, '');
  const ids = rows
    .filter(
      (r) =>
        terms.every((term) => r.text.includes(term)) &&
        (query.type === undefined || r.type === query.type) &&
        (query.state === undefined || r.state === query.state) &&
        (query.difficulty === undefined || r.difficulty === query.difficulty) &&
        (query.version === undefined || r.version === query.version) &&
        (element === '' || r.binding === element || r.binding.startsWith(`${element}-`)),
    )
    .map((r) => r.id);
  const offset = query.offset ?? 0;
  return { total: ids.length, ids: ids.slice(offset, offset + (query.limit ?? 50)) };
}
