/** Editing items: the whole body (items.save, round trip of items.get) and single fields (items.patch). */
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { sampleElementTable, samplePracticalStructure, samplePracticalTasks } from '../../../app/demo/sample-bank.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

const choice = {
  type: 'singleChoice',
  element: 'B-A-C-001',
  stem: '图样中的尺寸单位是（ ）。',
  options: ['毫米', '厘米', '分米', '米'],
  key: 'A',
  difficulty: 2,
};
const judge = { type: 'trueFalse', element: 'B-A-C-002', stem: '机械图样中的尺寸以毫米为单位。', key: true, difficulty: 1 };

async function setup(ws: TestWorkstation) {
  const ctx = ws.as('boss', ['manager']);
  const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 });
  await invoke(ctx, handlers['banks.setElementTable'], { bankId: bank.id, table: sampleElementTable() });
  const [choiceId, judgeId] = (await invoke(ctx, handlers['items.addTheory'], { bankId: bank.id, items: [choice, judge] })).ids;
  const patch = (itemId: number, fields: Record<string, unknown>) => invoke(ctx, handlers['items.patch'], { bankId: bank.id, itemId, ...fields });
  const body = async (itemId: number) => (await invoke(ctx, handlers['items.get'], { bankId: bank.id, itemId })).body as Record<string, unknown>;
  return { ctx, bankId: bank.id, choiceId: choiceId!, judgeId: judgeId!, patch, body };
}

describe('items.patch: single fields of a theory item', () => {
  const workstation = useWorkstation();

  it('changes 题干, 选项 by letter, 答案, 解析, 难度 and 鉴定点 in one new version, back to 草稿', async () => {
    const { ctx, bankId, choiceId, judgeId, patch, body } = await setup(workstation());
    await invoke(ctx, handlers['items.transition'], { bankId, itemId: choiceId, to: '待审' });
    const saved = await patch(choiceId, {
      stem: '机械图样中的尺寸单位是（ ）。',
      options: { C: '英寸' },
      key: 'b',
      explanation: '国家标准规定',
      difficulty: 3,
      element: 'b-a-c-002',
      note: '按质量检查修改',
    });
    expect(saved).toEqual({ version: 2 });
    expect(await body(choiceId)).toMatchObject({
      stem: '机械图样中的尺寸单位是（ ）。',
      options: ['毫米', '厘米', '英寸', '米'],
      key: 'B',
      explanation: '国家标准规定',
      difficulty: 3,
      element: 'B-A-C-002',
    });
    const history = await invoke(ctx, handlers['items.history'], { bankId, itemId: choiceId });
    expect(history.item).toMatchObject({ state: '草稿', version: 2, binding: 'B-A-C-002', difficulty: 3 });
    expect(history.versions.at(-1)).toMatchObject({ version: 2, note: '按质量检查修改' });
    // A 判断题 answer as √/× or 对/错.
    await patch(judgeId, { key: '×' });
    expect((await body(judgeId)).key).toBe(false);
    await patch(judgeId, { key: '对' });
    expect((await body(judgeId)).key).toBe(true);
  });

  it('turns a single choice into five options only where the 题型 allows, and removes only the last option', async () => {
    const { ctx, bankId, choiceId, patch, body } = await setup(workstation());
    await expect(patch(choiceId, { options: { E: '微米' } })).rejects.toThrow(`试题 ${choiceId}：选项: 必须恰好 4 项`);
    await expect(patch(choiceId, { options: { F: '微米' } })).rejects.toThrow('选项: 含有不认识的字段：F');
    await expect(patch(choiceId, { options: { B: '' } })).rejects.toThrow('选项B: 只能删去最后一个选项（D）');
    await expect(patch(choiceId, { options: { D: '' } })).rejects.toThrow('选项: 必须恰好 4 项');
    const multiple = { ...choice, type: 'multipleChoice', stem: '图样中常用的长度单位有（ ）。', key: 'AB' };
    const [multipleId] = (await invoke(ctx, handlers['items.addTheory'], { bankId, items: [multiple] })).ids;
    await patch(multipleId!, { options: { E: '微米' }, key: 'ABE' });
    expect(await body(multipleId!)).toMatchObject({ options: ['毫米', '厘米', '分米', '米', '微米'], key: 'ABE' });
    await patch(multipleId!, { options: { E: '' }, key: 'AB' });
    expect((await body(multipleId!)).options).toEqual(['毫米', '厘米', '分米', '米']);
  });

  it('names the field of every wrong value and saves nothing', async () => {
    const { ctx, bankId, choiceId, judgeId, patch } = await setup(workstation());
    await expect(patch(choiceId, { stem: '  ' })).rejects.toThrow(`试题 ${choiceId}：题干: 不能为空`);
    await expect(patch(choiceId, { key: 'E' })).rejects.toThrow('答案: 单项选择题答案必须是 A、B、C、D 之一');
    await expect(patch(choiceId, { element: 'Z-Z-Z-999' })).rejects.toThrow('Z-Z-Z-999 不在本题库的细目表中');
    await expect(patch(judgeId, { key: '也许' })).rejects.toThrow(`试题 ${judgeId}：答案: 判断题答案应为 √（正确）或 ×（错误）`);
    await expect(patch(judgeId, { options: { A: '对' } })).rejects.toThrow('选项: 判断题没有选项');
    await expect(patch(choiceId, { difficulty: 9 })).rejects.toThrow('难度');
    await expect(patch(choiceId, { note: '只有说明' })).rejects.toThrow('没有要修改的字段');
    await expect(patch(choiceId, { key: 'A' })).rejects.toThrow(`试题 ${choiceId} 的内容与当前第1版相同，未保存新版本`);
    for (const itemId of [choiceId, judgeId]) expect((await invoke(ctx, handlers['items.history'], { bankId, itemId })).versions).toHaveLength(1);
  });

  it('is for theory items: a practical task is edited as a whole', async () => {
    const ws = workstation();
    const { ctx, bankId } = await setup(ws);
    await invoke(ctx, handlers['banks.setPracticalStructure'], { bankId, structure: samplePracticalStructure() });
    const [taskId] = (await invoke(ctx, handlers['items.addPractical'], { bankId, items: [samplePracticalTasks()[0]] })).ids;
    await expect(invoke(ctx, handlers['items.patch'], { bankId, itemId: taskId!, stem: '新' })).rejects.toThrow(
      `试题 ${taskId!} 是技能考核试题：按字段修改只用于理论知识试题`,
    );
    const got = await invoke(ctx, handlers['items.get'], { bankId, itemId: taskId! });
    if (got.kind !== 'practical') throw new Error('not a practical task');
    const edited = { ...got.body, title: `${got.body.title}（修订）` };
    expect(await invoke(ctx, handlers['items.save'], { bankId, itemId: taskId!, item: edited, kind: 'practical' })).toEqual({ version: 2 });
    await expect(invoke(ctx, handlers['items.save'], { bankId, itemId: taskId!, item: edited })).rejects.toThrow('内容与当前第2版相同');
    await expect(invoke(ctx, handlers['items.save'], { bankId, itemId: taskId!, item: choice, kind: 'theory' })).rejects.toThrow(
      `试题 ${taskId!} 是技能考核试题，给出的内容是理论知识试题`,
    );
  });
});

describe('items.save: the round trip of items.get', () => {
  const workstation = useWorkstation();

  it('takes the body as items.get returns it, changed, and refuses it unchanged', async () => {
    const { ctx, bankId, choiceId } = await setup(workstation());
    const got = await invoke(ctx, handlers['items.get'], { bankId, itemId: choiceId });
    await expect(invoke(ctx, handlers['items.save'], { bankId, itemId: choiceId, item: got.body })).rejects.toThrow('未保存新版本');
    const saved = await invoke(ctx, handlers['items.save'], { bankId, itemId: choiceId, item: { ...got.body, stem: '机械图样中的尺寸单位是（ ）。' } });
    expect(saved).toEqual({ version: 2 });
  });
});
