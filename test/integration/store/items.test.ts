import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { comprehensiveItemSchema } from '../../../app/domain/comprehensive-item.js';
import type { Item } from '../../../app/domain/item.js';
import { closeDatabase, openDatabase, type WritableDB } from '../../../app/store/database.js';
import { ConflictError, CorruptDataError, NotFoundError } from '../../../app/store/errors.js';
import {
  addVersion,
  getItem,
  getItemSummary,
  getVersion,
  insertItem,
  listItems,
  listItemSummaries,
  setItemState,
} from '../../../app/store/repositories/items.js';
import { searchItems } from '../../../app/store/repositories/search.js';
import { sampleItems, sampleTasks } from '../../helpers/documents.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();
const opened: WritableDB[] = [];
afterEach(() => opened.splice(0).forEach(closeDatabase));

const T = '2026-11-23T08:00:00.000Z';
const [theory, second] = sampleItems();
const task = sampleTasks()[0]!;
const comprehensive = comprehensiveItemSchema.parse({
  title: '技术总结与答辩',
  form: '技术总结答辩',
  minutes: 30,
  instructions: ['提交 3000 字以上技术总结，答辩 30 分钟。'],
  question: '结合本人工作实际，撰写一篇制图技术总结。',
  rubric: [{ content: '技术总结', keyPoint: '内容真实完整', points: 100, criteria: '按质量分档评分' }],
  scoreSheet: [{ aspect: '选题', keyPoint: '结合实际', points: 100 }],
});

function bankDb(): { db: WritableDB; bankId: number } {
  const db = openDatabase(join(tempDir(), 'q.db'), { create: true });
  opened.push(db);
  db.prepare(
    `INSERT INTO banks (id, name, occupation_code, occupation_name, track, level, secrecy, created_at, created_by, updated_at)
     VALUES (1, '制图员 4 级', '3-01-02-07', '制图员', '机械', 4, '{}', ?, 't', ?)`,
  ).run(T, T);
  return { db, bankId: 1 };
}

/** An item written behind the repository's back, with a body as stored text. */
function rawItem(db: WritableDB, kind: string, type: string, body: string): number {
  const id = Number(
    db
      .prepare(`INSERT INTO items (bank_id, kind, type, binding, state, current_version, created_at, created_by, updated_at) VALUES (1, ?, ?, 'A-A-A-001', '草稿', 1, ?, 't', ?)`)
      .run(kind, type, T, T).lastInsertRowid,
  );
  db.prepare('INSERT INTO item_versions (item_id, version, body, created_at, created_by) VALUES (?, 1, ?, ?, ?)').run(id, body, T, 't');
  return id;
}

describe('items repository', () => {
  it('stores the columns derived from the item and reads each body back by its kind', () => {
    const { db, bankId } = bankDb();
    const items: Item[] = [
      { kind: 'theory', body: theory! },
      { kind: 'practical', body: task },
      { kind: 'comprehensive', body: comprehensive },
    ];
    const ids = items.map((item) => insertItem(db, { bankId, state: '草稿', item }, 't', T));
    const records = ids.map((id) => getItem(db, id));
    expect(records.map((r) => [r.kind, r.type, r.binding, r.difficulty])).toEqual([
      ['theory', theory!.type, theory!.element, theory!.difficulty],
      ['practical', 'practical', task.module, null],
      ['comprehensive', 'comprehensive', '', null],
    ]);
    expect(records.map((r) => ({ kind: r.kind, body: r.body }))).toEqual(items);
    expect(listItems(db, bankId)).toEqual(records);
    const theoryOnly = listItems(db, bankId, { kind: 'theory' });
    expect(theoryOnly.map((r) => r.body.stem)).toEqual([theory!.stem]);
    expect(listItemSummaries(db, bankId)).toEqual(records.map(({ body: _body, ...summary }) => summary));
    expect(getVersion(db, ids[1]!, 1)).toMatchObject({ version: 1, kind: 'practical', body: task, createdBy: 't' });
  });

  it('derives the columns of a new version from it (题型 included) and keeps the kind', () => {
    const { db, bankId } = bankDb();
    const id = insertItem(db, { bankId, state: '草稿', item: { kind: 'theory', body: theory! } }, 't', T);
    expect(addVersion(db, id, { item: { kind: 'theory', body: second! }, state: '草稿', note: '改' }, 't', T)).toBe(2);
    expect(getItem(db, id)).toMatchObject({ version: 2, type: second!.type, binding: second!.element, difficulty: second!.difficulty, body: second });
    expect(getVersion(db, id, 1).body).toEqual(theory);
    // The search filters follow the new 题型 (the index keeps its copy of the column by trigger).
    expect(searchItems(db, { bankId, text: '', type: second!.type }).ids).toEqual([id]);
    expect(searchItems(db, { bankId, text: '', type: theory!.type }).ids).toEqual([]);
    expect(() => addVersion(db, id, { item: { kind: 'practical', body: task }, state: '草稿', note: '' }, 't', T)).toThrow(ConflictError);
    expect(() => addVersion(db, id, { item: { kind: 'practical', body: task }, state: '草稿', note: '' }, 't', T)).toThrow(
      `试题 ${id} 是理论知识试题，新版本不能是技能考核试题`,
    );
  });

  it('refuses a version asked for as another kind than the item has', () => {
    const { db, bankId } = bankDb();
    const id = insertItem(db, { bankId, state: '入库', item: { kind: 'practical', body: task } }, 't', T);
    expect(getVersion(db, id, 1, 'practical').body.module).toBe(task.module);
    expect(() => getVersion(db, id, 1, 'theory')).toThrow(NotFoundError);
    expect(() => getVersion(db, id, 1, 'theory')).toThrow(`试题 ${id} 不是理论知识试题`);
    expect(() => getVersion(db, id, 2)).toThrow(`试题 ${id} 没有第 2 版`);
  });

  it('reports a damaged body as damaged, naming the item, version and field, instead of handing it out', () => {
    const { db, bankId } = bankDb();
    const good = insertItem(db, { bankId, state: '草稿', item: { kind: 'theory', body: theory! } }, 't', T);
    // The table only takes valid JSON (CHECK json_valid); what can still be wrong is its shape.
    const notObject = rawItem(db, 'theory', 'trueFalse', '"截断的题干"');
    const wrongShape = rawItem(db, 'theory', 'singleChoice', JSON.stringify({ ...theory, stem: '' }));
    const wrongKind = rawItem(db, 'practical', 'practical', JSON.stringify(theory));

    expect(() => getItem(db, notObject)).toThrow(CorruptDataError);
    expect(() => getItem(db, notObject)).toThrow(`试题 ${notObject} 第 1 版的内容已损坏，无法读取（`);
    expect(() => getItem(db, wrongShape)).toThrow(`试题 ${wrongShape} 第 1 版的内容已损坏，无法读取（题干: 不能为空）`);
    expect(() => getVersion(db, wrongKind, 1)).toThrow(/试题 \d+ 第 1 版的内容已损坏，无法读取（职业功能: /);
    expect(() => listItems(db, bankId)).toThrow(CorruptDataError);

    // What needs no body still works: the catalogue and the workflow.
    expect(listItemSummaries(db, bankId).map((s) => s.id)).toEqual([good, notObject, wrongShape, wrongKind]);
    expect(getItemSummary(db, wrongShape).type).toBe('singleChoice');
    setItemState(db, wrongShape, '停用', '内容损坏', 't', T);
    expect(getItemSummary(db, wrongShape).state).toBe('停用');
    expect(getItem(db, good).body).toEqual(theory);
  });
});
