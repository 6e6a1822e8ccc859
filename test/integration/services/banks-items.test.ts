import { describe, expect, it } from 'vitest';
import { DomainValidationError, formatProblem } from '../../../app/domain/validation.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { sampleElementTable, samplePracticalStructure } from '../../../app/demo/sample-bank.js';
import { useWorkstation } from '../../helpers/workstation.js';
import type { ServiceContext } from '../../../app/services/context.js';

async function bankWithTable(ctx: ServiceContext, isSample = false) {
  const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4, isSample });
  await invoke(ctx, handlers['banks.setElementTable'], { bankId: bank.id, table: sampleElementTable() });
  await invoke(ctx, handlers['banks.setPracticalStructure'], { bankId: bank.id, structure: samplePracticalStructure() });
  return bank;
}

async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainValidationError) return e.problems.filter((x) => x.severity === 'error').map((x) => formatProblem(x));
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

const item = (over: Record<string, unknown> = {}) => ({
  type: 'singleChoice',
  element: 'B-A-C-001',
  stem: '零件图中标注尺寸的单位是（ ）。',
  options: ['毫米', '厘米', '分米', '米'],
  key: 'A',
  difficulty: 2,
  ...over,
});

describe('banks', () => {
  const workstation = useWorkstation();

  it('creates a bank named after occupation, track and level', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 });
    expect(bank).toMatchObject({ name: '制图员（机械）四级/中级工 题库', secrecy: { level: '机密', beforeUse: true }, isSample: false });
  });

  it('refuses an unknown occupation, a missing or wrong track, a level not offered, and a duplicate bank', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const create = (input: object) => invoke(ctx, handlers['banks.create'], input);
    await expect(create({ occupationCode: '9-99-99-99', level: 4 })).rejects.toThrow('职业编码 9-99-99-99 不在职业目录中');
    await expect(create({ occupationCode: '3-01-02-07', level: 4 })).rejects.toThrow('制图员 须指定方向/工种（机械、建筑、电子），收到“”');
    await expect(create({ occupationCode: '6-31-01-03', track: '高压', level: 4 })).rejects.toThrow('电工 没有方向/工种“高压”');
    await expect(create({ occupationCode: '3-01-02-07', track: '建筑', level: 2 })).rejects.toThrow('不开设 二级/技师');
    await create({ occupationCode: '3-01-02-07', track: '机械', level: 4 });
    await expect(create({ occupationCode: '3-01-02-07', track: '机械', level: 4 })).rejects.toThrow(/题库已存在/);
  });

  it('rejects an element table whose weights do not add up and saves nothing', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 });
    const table = sampleElementTable() as { scopes: { weight: number }[] };
    (table.scopes[0] as { weight: number }).weight = 30;
    expect(await problemsOf(invoke(ctx, handlers['banks.setElementTable'], { bankId: bank.id, table }))).toEqual([
      '一级鉴定范围: 鉴定比重之和为 105，应等于 100',
      '鉴定范围 A（基本要求）: 下级鉴定比重之和为 25，应等于本级鉴定比重 30',
    ]);
    expect(ctx.db.prepare('SELECT COUNT(*) FROM element_tables').pluck().get()).toBe(0);
  });

  it('rejects a table made for another level of the occupation', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 3 });
    expect(await problemsOf(invoke(ctx, handlers['banks.setElementTable'], { bankId: bank.id, table: sampleElementTable() }))).toEqual([
      '级别: 应为本题库的 三级/高级工',
    ]);
  });

  it('versions element tables on every save', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const bank = await bankWithTable(ctx);
    const again = await invoke(ctx, handlers['banks.setElementTable'], { bankId: bank.id, table: sampleElementTable() });
    expect(again.version).toBe(2);
  });
});

describe('items', () => {
  const workstation = useWorkstation();

  it('saves a valid batch as drafts bound to their 鉴定点', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const bank = await bankWithTable(ctx);
    const added = await invoke(ctx, handlers['items.addTheory'], { bankId: bank.id, items: [item(), item({ element: 'A-B-A-001', stem: '另一题（ ）。' })] });
    expect(added.ids).toHaveLength(2);
    const summary = await invoke(ctx, handlers['banks.summary'], { bankId: bank.id });
    expect(summary.counts.byState.草稿).toBe(2);
    expect(summary.counts.byType.singleChoice).toBe(2);
  });

  it('rejects the whole batch when one row is invalid, naming row and field, and saves nothing', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const bank = await bankWithTable(ctx);
    const batch = [item(), item({ options: ['毫米', '厘米', '', '米'] }), item({ element: 'Z-Z-Z-999' })];
    expect(await problemsOf(invoke(ctx, handlers['items.addTheory'], { bankId: bank.id, items: batch }))).toEqual([
      '第2行 选项C: 不能为空',
      '第3行 鉴定点代码: Z-Z-Z-999 不在本题库的细目表中',
    ]);
    expect(ctx.db.prepare('SELECT COUNT(*) FROM items').pluck().get()).toBe(0);
  });

  it('lets only a sample bank load items directly as 入库', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const bank = await bankWithTable(ctx);
    await expect(invoke(ctx, handlers['items.addTheory'], { bankId: bank.id, items: [item()], state: '入库' })).rejects.toThrow(
      '新增试题只能保存为草稿；入库须经审核流程',
    );
  });

  it('checks a practical task against the 内容结构表 of the level', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const bank = await bankWithTable(ctx);
    const task = {
      module: 'A',
      title: '绘制阀盖零件图',
      points: 50,
      minutes: 120,
      form: '实操',
      description: '根据轴测图绘制阀盖零件图。',
      requirements: ['1. 视图表达完整。'],
      siteNotice: { materials: [{ name: 'A3 图纸', unit: '张', quantity: '2' }] },
      candidateNotice: {},
      rubric: [{ content: '视图表达', keyPoint: '完整', points: 50, criteria: '缺视图扣 5 分' }],
    };
    expect(await problemsOf(invoke(ctx, handlers['items.addPractical'], { bankId: bank.id, items: [task, { ...task, module: 'Q' }] }))).toEqual([
      '第1行 配分: 50 与结构表中该职业功能的鉴定比重 60 不一致',
      '第2行 职业功能: Q 不在本级别的内容结构表中',
    ]);
  });

  it('refuses 综合评审 items below 二级/技师', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const bank = await bankWithTable(ctx);
    await expect(invoke(ctx, handlers['items.addComprehensive'], { bankId: bank.id, items: [{}] })).rejects.toThrow(
      '四级/中级工 不设综合评审',
    );
  });

  it('refuses items before the bank has a 细目表', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 });
    await expect(invoke(ctx, handlers['items.addTheory'], { bankId: bank.id, items: [item()] })).rejects.toThrow('请先导入细目表');
  });
});
