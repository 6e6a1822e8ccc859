/**
 * The review workflow under the 四眼原则 (app/domain/workflow.ts) and in batches (items.transitionMany):
 * who may approve and accept, what a batch moves and refuses, and what the access log records.
 */
import { describe, expect, it } from 'vitest';
import { checkTransition } from '../../../app/domain/workflow.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import type { ServiceContext } from '../../../app/services/context.js';
import { sampleElementTable } from '../../../app/demo/sample-bank.js';
import { auditRows } from '../../helpers/audit-log.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';
import { sampleSingleChoice } from '../../helpers/sample-bank.js';

const item = sampleSingleChoice;

async function team(ws: TestWorkstation) {
  const manager = ws.as('boss', ['manager']);
  const manager2 = ws.as('deputy', ['manager']);
  const author = ws.as('liqiang', ['author']);
  const reviewer = ws.as('chenjing', ['reviewer']);
  const reviewer2 = ws.as('liuyang', ['reviewer']);
  // An expert who also writes for the bank: 命题人员 and 审核专家 of it.
  const both = ws.as('wangfang', ['author', 'reviewer']);
  const sec = ws.as('sec', ['secadmin']);
  const bank = await invoke(manager, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 });
  await invoke(manager, handlers['banks.setElementTable'], { bankId: bank.id, table: sampleElementTable() });
  for (const [username, role] of [
    ['deputy', 'manager'],
    ['liqiang', 'author'],
    ['chenjing', 'reviewer'],
    ['liuyang', 'reviewer'],
    ['wangfang', 'author'],
    ['wangfang', 'reviewer'],
  ] as const) {
    await invoke(sec, handlers['access.grant'], { bankId: bank.id, username, role });
  }
  const bankId = bank.id;
  const add = async (ctx: ServiceContext, items: unknown[]) => (await invoke(ctx, handlers['items.addTheory'], { bankId, items })).ids;
  const move = (ctx: ServiceContext, itemId: number, to: string, comment = '') => invoke(ctx, handlers['items.transition'], { bankId, itemId, to, comment });
  return { bankId, manager, manager2, author, reviewer, reviewer2, both, add, move };
}

describe('四眼原则: an item is approved by someone who did not write it', () => {
  const workstation = useWorkstation();

  it('states the rule in the domain: approvals need the role and never the author', () => {
    expect(checkTransition('待审', '已审', { roles: ['manager'], isAuthor: false }, '')).toMatchObject({ ok: false, message: expect.stringContaining('四眼原则') });
    expect(checkTransition('待审', '已审', { roles: ['reviewer'], isAuthor: true }, '')).toEqual({
      ok: false,
      message: expect.stringMatching(/^您编写或修改过该试题，不能审核通过（四眼原则：/),
    });
    expect(checkTransition('待审', '已审', { roles: ['reviewer'], isAuthor: false }, '')).toMatchObject({ ok: true });
    expect(checkTransition('已审', '入库', { roles: ['manager'], isAuthor: true }, '')).toMatchObject({ ok: false, message: expect.stringContaining('不能入库') });
    expect(checkTransition('已审', '入库', { roles: ['manager'], isAuthor: false }, '')).toMatchObject({ ok: true });
    // Steps that are not approvals stay open to the author.
    expect(checkTransition('草稿', '待审', { roles: ['author'], isAuthor: true }, '')).toMatchObject({ ok: true });
    expect(checkTransition('停用', '入库', { roles: ['manager'], isAuthor: true }, '恢复')).toMatchObject({ ok: true });
  });

  it('a 题库管理员 alone cannot bring an item into the bank, even one a writer wrote', async () => {
    const { manager, author, add, move } = await team(workstation());
    const [own] = await add(manager, [item('图样中的尺寸单位是（ ）。')]);
    const [written] = await add(author, [item('图样中的角度单位是（ ）。')]);
    await move(manager, own!, '待审');
    await move(author, written!, '待审');
    for (const id of [own!, written!]) {
      await expect(move(manager, id, '已审')).rejects.toThrow(`试题 ${id}：“审核通过”需要本题库的审核专家身份（四眼原则：审核通过须由本题库的审核专家、入库须由本题库的题库管理员操作，且都不能是该试题任一版本的编写者）`);
    }
  });

  it('refuses the author: a writer approving, a reviewer who wrote a version, a manager accepting an item he edited', async () => {
    const ws = workstation();
    const { bankId, manager, manager2, author, reviewer, reviewer2, both, add, move } = await team(ws);
    // A writer-reviewer approving the item she wrote.
    const [hers] = await add(both, [item('图样中的尺寸单位是（ ）。')]);
    await move(both, hers!, '待审');
    await expect(move(both, hers!, '已审')).rejects.toThrow(`试题 ${hers!}：您编写或修改过该试题，不能审核通过（四眼原则：`);
    expect((await move(reviewer, hers!, '已审')).state).toBe('已审');

    // A reviewer who wrote only a later version (an edit) is an author too.
    const [edited] = await add(author, [item('图样中的角度单位是（ ）。')]);
    await invoke(both, handlers['items.save'], { bankId, itemId: edited!, item: item('机械图样中的角度单位是（ ）。'), note: '补充' });
    await move(author, edited!, '待审');
    await expect(move(both, edited!, '已审')).rejects.toThrow('您编写或修改过该试题，不能审核通过');
    expect((await move(reviewer2, edited!, '已审')).state).toBe('已审');

    // The manager who edited it may not accept it; another manager may.
    const [fixed] = await add(author, [item('图样中的长度单位是（ ）。')]);
    await invoke(manager, handlers['items.patch'], { bankId, itemId: fixed!, stem: '机械图样中的长度单位是（ ）。' });
    await move(author, fixed!, '待审');
    await move(reviewer, fixed!, '已审');
    await expect(move(manager, fixed!, '入库')).rejects.toThrow(`试题 ${fixed!}：您编写或修改过该试题，不能入库（四眼原则：`);
    expect((await move(manager2, fixed!, '入库')).state).toBe('入库');
    expect((await move(manager, hers!, '入库')).state).toBe('入库');

    // Every refusal is in the 拒绝 register, naming the item and the rule.
    const refused = auditRows(ws.system).filter((r) => r.action === 'items.transition' && r.result === 'refused');
    expect(refused.map((r) => r.register)).toEqual(['拒绝', '拒绝', '拒绝']);
    expect(refused.every((r) => r.detail.includes('四眼原则'))).toBe(true);
    expect(refused[0]!.detail).toContain(`试题 ${hers!}`);
    const history = await invoke(author, handlers['items.history'], { bankId, itemId: fixed! });
    expect(history.versions.map((v) => v.createdBy)).toEqual(['liqiang', 'boss']);
    expect(history.transitions.map((t) => `${t.from}→${t.to}:${t.by}`).slice(-3)).toEqual(['草稿→待审:liqiang', '待审→已审:chenjing', '已审→入库:deputy']);
  });
});

describe('items.transitionMany: one step for many items', () => {
  const workstation = useWorkstation();

  it('moves the items that may move, reports each refusal, and logs one row per item and one for the batch', async () => {
    const ws = workstation();
    const { bankId, author, both, reviewer, add } = await team(ws);
    const mine = await add(author, [item('图样中的尺寸单位是（ ）。'), item('图样中的角度单位是（ ）。'), item('图样中的长度单位是（ ）。')]);
    const [hers] = await add(both, [item('图样中的面积单位是（ ）。')]);
    const all = [...mine, hers!];
    const submitted = await invoke(author, handlers['items.transitionMany'], { bankId, to: '待审', itemIds: all, from: ['草稿'] });
    // Submitting is no approval: any 命题人员 of the bank may submit, the four eyes come after.
    expect(submitted.moved.map((m) => [m.id, m.state])).toEqual(all.map((id) => [id, '待审']));

    const before = auditRows(ws.system).length;
    const approved = await invoke(both, handlers['items.transitionMany'], { bankId, to: '已审', itemIds: [...all, 9999], from: ['待审'], comment: '同意' });
    expect(approved.selected).toBe(5);
    expect(approved.moved.map((m) => m.id)).toEqual(mine);
    expect(approved.refused).toEqual([
      { itemId: hers!, reason: expect.stringContaining(`试题 ${hers!}：您编写或修改过该试题，不能审核通过（四眼原则：`) },
      { itemId: 9999, reason: '试题 9999 不存在' },
    ]);
    const rows = auditRows(ws.system).slice(before);
    expect(rows.map((r) => `${r.action}:${r.result}`)).toEqual([
      'items.transition:ok',
      'items.transition:ok',
      'items.transition:ok',
      'items.transition:refused',
      'items.transition:error',
      'items.transitionMany:ok',
    ]);
    expect(rows.at(-1)!.detail).toBe(`移动 3 道，拒绝 2 道（试题 ${hers!}、9999）`);
    expect(JSON.parse(rows.at(-1)!.objects)).toEqual([`bank:${bankId}`, 'state:已审', `item:${mine[0]!}-${mine[2]!}`]);

    // A step's start states: 入库 from 已审 never restores a 停用 item, and an item in another state is refused.
    const again = await invoke(reviewer, handlers['items.transitionMany'], { bankId, to: '已审', itemIds: [mine[0]!, hers!], from: ['待审'] });
    expect(again.moved.map((m) => m.id)).toEqual([hers!]);
    expect(again.refused).toEqual([{ itemId: mine[0]!, reason: `试题 ${mine[0]!}：当前为“已审”，“审核通过”只用于“待审”的试题` }]);
  });

  it('selects by state, 鉴定点 prefix and lint (no error or warning), within the ids when both are given', async () => {
    const { bankId, author, add } = await team(workstation());
    const ids = await add(author, [
      item('图样中的尺寸单位是（ ）。'),
      item('图样中的角度单位是（ ）。', { element: 'B-A-C-002' }),
      // no answer blank in the stem: a lint warning
      item('图样中的长度单位是哪一个', { element: 'B-A-C-002' }),
      item('零件图的内容是（ ）。', { element: 'B-B-A-001' }),
    ]);
    const run = (input: Record<string, unknown>) => invoke(author, handlers['items.transitionMany'], { bankId, to: '待审', ...input });
    const byPrefix = await run({ filter: { elementPrefix: 'b-a-c', lintClean: true } });
    expect(byPrefix.moved.map((m) => m.id)).toEqual([ids[0]!, ids[1]!]);
    expect(byPrefix.refused).toEqual([]);
    // Already 待审: the filter (start state 草稿) no longer finds them.
    const rest = await run({ filter: { state: '草稿' }, itemIds: [ids[0]!, ids[2]!] });
    expect(rest.moved.map((m) => m.id)).toEqual([ids[2]!]);
    expect((await run({ filter: { lintClean: true } })).moved.map((m) => m.id)).toEqual([ids[3]!]);
    expect(await run({ filter: { elementPrefix: 'B' } })).toMatchObject({ selected: 0, moved: [], refused: [] });
    await expect(run({ filter: { state: '入库' } })).rejects.toThrow('筛选的状态“入库”不适用：“提交审核”只用于“草稿”的试题');
    await expect(run({})).rejects.toThrow('请给出试题编号，或筛选条件');
    await expect(run({ filter: { elementPrefix: 'A--B' } })).rejects.toThrow('鉴定点前缀应为代码或其开头');
  });

  it('does not let a batch reach a bank the caller is not a member of', async () => {
    const ws = workstation();
    const { bankId, author, add } = await team(ws);
    const ids = await add(author, [item('图样中的尺寸单位是（ ）。')]);
    const outsider = ws.as('outsider', ['reviewer']);
    await expect(invoke(outsider, handlers['items.transitionMany'], { bankId, to: '已审', itemIds: ids })).rejects.toThrow('outsider');
    expect((await invoke(author, handlers['items.list'], { bankId }))[0]!.state).toBe('草稿');
  });
});
