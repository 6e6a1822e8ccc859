import { describe, expect, it } from 'vitest';
import { THEORY_ITEM_TYPES } from '../../../app/domain/theory-item.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { useWorkstation } from '../../helpers/workstation.js';

const COMPACT_OWN = {
  minutes: 100,
  sections: [
    { type: '判断', count: 10, pointsEach: 1 },
    { type: '单选题', count: 70, pointsEach: 1 },
    { type: 'multipleChoice', count: 10, pointsEach: 2 },
  ],
};

describe('what N sets of a bank need: one answer for coverage, the bank lint and the 组卷 dry run', () => {
  const workstation = useWorkstation();

  it('after a structure is stored, coverage, lint and the dry run all reckon with it', async () => {
    const ws = workstation();
    const { ctx, bankId } = await sampleBank(ws);
    const before = await invoke(ctx, handlers['coverage.get'], { bankId, sets: 3 });
    expect(before.filter((r) => r.depth === 1).reduce((n, r) => n + r.needed, 0)).toBe(510);

    await invoke(ctx, handlers['assembly.structure.set'], { bankId, value: { preset: 'compact-90' } });
    const cover = await invoke(ctx, handlers['coverage.get'], { bankId, sets: 3 });
    const lint = await invoke(ctx, handlers['lint.bank'], { bankId, sets: 3 });
    const dry = await invoke(ctx, handlers['assembly.blueprint'], { bankId, sets: 3 });

    // Totals and 题型: 判断 20 + 单选 60 + 多选 10 per set.
    expect(cover.filter((r) => r.depth === 1).reduce((n, r) => n + r.needed, 0)).toBe(270);
    expect(lint.perType.map((t) => [t.type, t.perSet, t.needed])).toEqual([
      ['trueFalse', 20, 60],
      ['singleChoice', 60, 180],
      ['multipleChoice', 10, 30],
    ]);
    expect(lint.findings.filter((f) => f.rule === 'type-short')).toEqual([]);
    expect(dry.blueprint.itemsPerSet).toBe(90);
    expect(dry.findings).toEqual([]);

    // Per node of the 细目表, per 题型: the same numbers in all three.
    const blueprintNodes = dry.blueprint.nodes.map((n) => [n.path, n.perSet * 3, ...THEORY_ITEM_TYPES.map((t) => n.perSetByType[t] * 3)]);
    expect(cover.map((r) => [r.path, r.needed, ...THEORY_ITEM_TYPES.map((t) => r.neededByType[t])])).toEqual(blueprintNodes);
    expect(lint.scopes.map((r) => [r.path, r.needed, ...THEORY_ITEM_TYPES.map((t) => r.neededByType[t])])).toEqual(blueprintNodes);

    // Per 鉴定点 and difficulty: the blueprint's cap and bands.
    expect(lint.perElementCap).toBe(dry.blueprint.pointCap);
    expect(lint.perElement.every((e) => e.needed === 3 * dry.blueprint.pointCap)).toBe(true);
    expect(lint.difficultyNeeded).toEqual(dry.blueprint.bands?.map((b) => b * 3));
    expect(lint.structure.minutes).toBe(90);

    // Z ≤ 5 % of 90 items is 4 (4.5 rounds down), X ≥ 80 % is 72.
    expect(dry.blueprint.maxZ).toBe(4);
    expect(dry.blueprint.minX).toBe(72);
  }, 60_000);

  it('stores a structure of one’s own, shows it, and refuses a wrong one naming the rule without losing the stored one', async () => {
    const ws = workstation();
    const { ctx, bankId } = await sampleBank(ws);
    const unset = await invoke(ctx, handlers['assembly.structure.get'], { bankId });
    expect(unset).toMatchObject({ stored: false, preset: 'standard-170' });

    const saved = await invoke(ctx, handlers['assembly.structure.set'], { bankId, value: { structure: COMPACT_OWN } });
    expect(saved.sections.map((s) => s.type)).toEqual(['trueFalse', 'singleChoice', 'multipleChoice']);
    const shown = await invoke(ctx, handlers['assembly.structure.get'], { bankId });
    expect(shown).toMatchObject({ stored: true, preset: null, structure: { minutes: 100, totalPoints: 100 } });
    expect((await invoke(ctx, handlers['assembly.blueprint'], { bankId })).blueprint.itemsPerSet).toBe(90);

    const set = (structure: unknown) => invoke(ctx, handlers['assembly.structure.set'], { bankId, value: { structure } });
    const withSection = (k: number, over: Record<string, unknown>) => ({ ...COMPACT_OWN, sections: COMPACT_OWN.sections.map((s, i) => (i === k ? { ...s, ...over } : s)) });
    await expect(set(withSection(0, { count: 20 }))).rejects.toThrow('试卷结构：题型: 判断题20×1 + 单项选择题70×1 + 多项选择题10×2 = 110 分，应为 100 分');
    await expect(set(withSection(1, { count: 0 }))).rejects.toThrow('单选 题量: 题量至少 1 道');
    await expect(set(withSection(1, { count: 2.5 }))).rejects.toThrow('单选 题量: 题量应为整数');
    await expect(set(withSection(2, { pointsEach: 0 }))).rejects.toThrow('多选 每题分值: 每题分值应大于 0');
    await expect(set(withSection(2, { pointsEach: 0.3 }))).rejects.toThrow('每题分值应为 0.5 的整数倍');
    await expect(set(withSection(0, { type: '填空' }))).rejects.toThrow('第1个题型 题型: “填空”不是四级/中级工理论知识试卷可用的题型，可用：判断、单选、多选');
    await expect(set(withSection(0, { type: '单选' }))).rejects.toThrow('单项选择题重复出现');
    await expect(set({ ...COMPACT_OWN, minutes: 60 })).rejects.toThrow('考试时间: 理论知识考试时间不少于 90 分钟');
    await expect(set({ ...COMPACT_OWN, minutes: 300 })).rejects.toThrow('考试时间: 理论知识考试时间不超过 240 分钟');
    await expect(set({ ...COMPACT_OWN, totalPoints: 120 })).rejects.toThrow('总分应为 100 分');
    await expect(set({ minutes: 90, sections: [] })).rejects.toThrow('至少需要一个题型');
    await expect(invoke(ctx, handlers['assembly.structure.set'], { bankId, value: { preset: 'custom' } })).rejects.toThrow(
      /没有名为“custom”的预设试卷结构；可选预设：standard-170（判断20×1分 \+ 单选140×0\.5分 \+ 多选10×1分，120分钟）、classic-200（.*）、compact-90（.*）/,
    );
    await expect(invoke(ctx, handlers['assembly.structure.set'], { bankId, value: { preset: 'compact-90', structure: COMPACT_OWN } })).rejects.toThrow(
      '应给出预设结构名称或自定义结构之一',
    );
    expect((await invoke(ctx, handlers['assembly.structure.get'], { bankId })).structure.minutes).toBe(100);
  }, 60_000);
});

describe('four eyes on papers: a reviewer of the bank approves, never the assembler', () => {
  const workstation = useWorkstation();

  it('refuses the manager, the assembler holding the reviewer role too, a reviewer of another bank and an author; a reviewer of the bank approves', async () => {
    const ws = workstation();
    const { ctx, bankId } = await sampleBank(ws);
    const sec = ws.as('sec', ['secadmin']);
    await invoke(ctx, handlers['assembly.structure.set'], { bankId, value: { preset: 'compact-90' } });
    const run = await invoke(ctx, handlers['assembly.run'], { bankId, kind: 'practical' });
    const approve = (who: typeof ctx, runId = run.runId) => invoke(who, handlers['papers.approve'], { bankId, runId });

    await expect(approve(ctx)).rejects.toThrow(`四眼原则：试卷须由题库 ${bankId} 的审核专家审定（组卷人以外）；boss 不是该题库的审核专家，不能审定试卷`);

    // An account that is manager and reviewer of the bank may not approve the sets it assembled.
    const both = ws.as('both', ['manager', 'reviewer']);
    await invoke(sec, handlers['access.grant'], { bankId, username: 'both', role: 'manager' });
    await invoke(sec, handlers['access.grant'], { bankId, username: 'both', role: 'reviewer' });
    const own = await invoke(both, handlers['assembly.run'], { bankId, kind: 'theory' });
    await expect(approve(both, own.runId)).rejects.toThrow(`四眼原则：试卷须由组卷人以外的审核专家审定；第 ${own.runId} 次组卷由 both 完成，both 不能审定这些试卷`);

    const stranger = ws.as('stranger', ['reviewer']);
    await expect(approve(stranger)).rejects.toThrow('stranger 不是题库');
    const author = ws.as('writer', ['author']);
    await invoke(sec, handlers['access.grant'], { bankId, username: 'writer', role: 'author' });
    await expect(approve(author)).rejects.toThrow('权限不足');

    const refused = ws.db.prepare("SELECT register, result FROM audit_log WHERE action = 'papers.approve' ORDER BY seq").all() as { register: string; result: string }[];
    expect(refused).toEqual(Array.from({ length: 4 }, () => ({ register: '拒绝', result: 'refused' })));
    expect((await invoke(ctx, handlers['papers.list'], { bankId, status: '已审定' })).length).toBe(0);

    // The manager's sets by a reviewer of the bank, the other account's sets too (it did not assemble them).
    const reviewer = ws.as('shenhe', ['reviewer']);
    await invoke(sec, handlers['access.grant'], { bankId, username: 'shenhe', role: 'reviewer' });
    expect((await approve(reviewer)).papers).toEqual(run.papers.map((p) => p.id));
    expect((await approve(reviewer, own.runId)).papers).toEqual(own.papers.map((p) => p.id));
    const approved = await invoke(ctx, handlers['papers.list'], { bankId, status: '已审定' });
    expect(approved.map((p) => p.approvedBy)).toEqual(Array.from({ length: 6 }, () => 'shenhe'));
  }, 120_000);
});
