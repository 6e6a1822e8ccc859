import { describe, expect, it } from 'vitest';
import { diffItems, diffText, renderInline } from '../../../app/domain/item-diff.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { sampleElementTable } from '../../../app/demo/sample-bank.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';
import { sampleSingleChoice } from '../../helpers/sample-bank.js';

const item = sampleSingleChoice;

async function setup(ws: TestWorkstation) {
  const manager = ws.as('boss', ['manager']);
  const author = ws.as('liqiang', ['author']);
  const reviewer = ws.as('chenjing', ['reviewer']);
  const sec = ws.as('sec', ['secadmin']);
  const bank = await invoke(manager, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 });
  await invoke(manager, handlers['banks.setElementTable'], { bankId: bank.id, table: sampleElementTable() });
  await invoke(sec, handlers['access.grant'], { bankId: bank.id, username: 'liqiang', role: 'author' });
  await invoke(sec, handlers['access.grant'], { bankId: bank.id, username: 'chenjing', role: 'reviewer' });
  const [itemId] = (await invoke(author, handlers['items.addTheory'], { bankId: bank.id, items: [item('图样中的尺寸单位是（ ）。')] })).ids;
  return { bankId: bank.id, itemId: itemId!, manager, author, reviewer };
}

describe('item versions and workflow', () => {
  const workstation = useWorkstation();

  it('walks 草稿 → 待审 → 已审 → 入库 → 停用 with the right people and records every step', async () => {
    const { bankId, itemId, manager, author, reviewer } = await setup(workstation());
    const move = (ctx: typeof author, to: string, comment = '') => invoke(ctx, handlers['items.transition'], { bankId, itemId, to, comment });
    await expect(move(author, '已审')).rejects.toThrow('试题状态不能从“草稿”改为“已审”；可以：提交审核（→待审）');
    expect((await move(author, '待审')).state).toBe('待审');
    await expect(move(author, '已审')).rejects.toThrow('“审核通过”需要本题库的审核专家身份（四眼原则：');
    await expect(move(reviewer, '草稿')).rejects.toThrow('“退回修改”须填写意见');
    expect((await move(reviewer, '已审', '符合要求')).state).toBe('已审');
    await expect(move(reviewer, '入库')).rejects.toThrow('“入库”需要本题库的题库管理员身份');
    expect((await move(manager, '入库')).state).toBe('入库');
    await expect(move(manager, '停用')).rejects.toThrow('须填写意见');
    expect((await move(manager, '停用', '考点已过时')).state).toBe('停用');
    const history = await invoke(author, handlers['items.history'], { bankId, itemId });
    expect(history.transitions.map((t) => `${t.from}→${t.to}:${t.by}`)).toEqual([
      '→草稿:liqiang',
      '草稿→待审:liqiang',
      '待审→已审:chenjing',
      '已审→入库:boss',
      '入库→停用:boss',
    ]);
  });

  it('makes every edit a new version, keeps old versions unchanged, and sends the item back to 草稿', async () => {
    const { bankId, itemId, manager, author, reviewer } = await setup(workstation());
    await invoke(author, handlers['items.transition'], { bankId, itemId, to: '待审' });
    await invoke(reviewer, handlers['items.transition'], { bankId, itemId, to: '已审' });
    await invoke(manager, handlers['items.transition'], { bankId, itemId, to: '入库' });
    const saved = await invoke(author, handlers['items.save'], { bankId, itemId, item: item('机械图样中的尺寸单位是（ ）。', { key: 'A' }), note: '补充“机械”' });
    expect(saved.version).toBe(2);
    const current = await invoke(author, handlers['items.get'], { bankId, itemId });
    expect(current).toMatchObject({ version: 2, state: '草稿' });
    const diff = await invoke(reviewer, handlers['items.diff'], { bankId, itemId, from: 1, to: 2 });
    expect(diff).toEqual([expect.objectContaining({ field: '题干', inline: '【+机械】图样中的尺寸单位是（ ）。' })]);
    const history = await invoke(author, handlers['items.history'], { bankId, itemId });
    expect(history.versions.map((v) => [v.version, v.createdBy, v.note])).toEqual([
      [1, 'liqiang', ''],
      [2, 'liqiang', '补充“机械”'],
    ]);
  });

  it('lists and searches an edited item under the 题型 and 鉴定点 of its new version', async () => {
    const { bankId, itemId, author } = await setup(workstation());
    const edit = item('机械图样中的尺寸以毫米为单位。', { type: 'trueFalse', key: true, element: 'B-A-C-002', difficulty: 4 });
    delete (edit as { options?: unknown }).options;
    await invoke(author, handlers['items.save'], { bankId, itemId, item: edit });
    const listed = await invoke(author, handlers['items.list'], { bankId });
    expect(listed).toEqual([{ id: itemId, bankId, kind: 'theory', type: 'trueFalse', binding: 'B-A-C-002', state: '草稿', version: 2, difficulty: 4 }]);
    expect((await invoke(author, handlers['items.search'], { bankId, type: 'trueFalse' })).hits.map((h) => [h.id, h.title])).toEqual([[itemId, edit.stem]]);
    expect((await invoke(author, handlers['items.search'], { bankId, type: 'singleChoice' })).total).toBe(0);
  });

  it('refuses to edit a retired item and rejects an invalid edit without a new version', async () => {
    const { bankId, itemId, manager, author, reviewer } = await setup(workstation());
    await expect(invoke(author, handlers['items.save'], { bankId, itemId, item: item('', {}) })).rejects.toThrow('题干: 不能为空');
    expect((await invoke(author, handlers['items.history'], { bankId, itemId })).versions).toHaveLength(1);
    await invoke(author, handlers['items.transition'], { bankId, itemId, to: '待审' });
    await invoke(reviewer, handlers['items.transition'], { bankId, itemId, to: '已审' });
    await invoke(manager, handlers['items.transition'], { bankId, itemId, to: '入库' });
    await invoke(manager, handlers['items.transition'], { bankId, itemId, to: '停用', comment: '过时' });
    await expect(invoke(author, handlers['items.save'], { bankId, itemId, item: item('新题干（ ）。') })).rejects.toThrow('已停用，不能修改');
  });
});

describe('item-diff', () => {
  it('diffs Chinese text character by character', () => {
    expect(renderInline(diffText('正投影的基本性质', '正投影的三个基本性质'))).toBe('正投影的【+三个】基本性质');
    expect(renderInline(diffText('ABC', ''))).toBe('【-ABC】');
  });
  it('names option, key and rubric changes by their Chinese field', () => {
    const changes = diffItems(
      { stem: 's', options: ['a', 'b', 'c', 'd'], key: 'A', rubric: [{ points: 5 }] },
      { stem: 's', options: ['a', 'b', 'x', 'd'], key: 'C', rubric: [{ points: 6 }] },
    );
    expect(changes.map((c) => c.field)).toEqual(['选项C', '答案', '评分标准第1行 配分']);
  });
});
