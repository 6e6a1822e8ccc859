import { describe, expect, it } from 'vitest';
import { AssemblyInfeasibleError } from '../../../app/services/assembly/handlers.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { useWorkstation } from '../../helpers/workstation.js';

/** Items per 鉴定点 of a paper, from the bindings of the bank's items. */
const perPoint = (items: readonly { itemId: number }[], binding: ReadonlyMap<number, string>) => {
  const out = new Map<string, number>();
  for (const i of items) out.set(binding.get(i.itemId) ?? '', (out.get(binding.get(i.itemId) ?? '') ?? 0) + 1);
  return out;
};

describe('assembly with caps set at nodes of the 细目表 (pointCapAt)', () => {
  const workstation = useWorkstation();

  it('holds the 鉴定点 beneath each node to its cap, the most specific node winning, and lists the caps in the blueprint', async () => {
    const ws = workstation();
    const { ctx, bankId } = await sampleBank(ws);
    const pointCapAt = { 'b-a': 2, 'B-A-D-002': 1, 'B-A-C-001': 3 };
    const preview = await invoke(ctx, handlers['assembly.blueprint'], { bankId, pointCapAt });
    expect(preview.findings).toEqual([]);
    expect(preview.blueprint.pointCap).toBe(3);
    expect(preview.blueprint.pointCapOverrides.map((o) => [o.code, o.kind, o.cap])).toEqual([
      ['B-A', 'scope', 2],
      ['B-A-C-001', 'point', 3],
      ['B-A-D-002', 'point', 1],
    ]);
    expect(preview.blueprint.pointCapOverrides[0]?.points).toBeGreaterThan(20);

    const run = await invoke(ctx, handlers['assembly.run'], { bankId, pointCapAt });
    expect(run.blueprint.pointCapOverrides.length).toBe(3);
    const items = await invoke(ctx, handlers['items.list'], { bankId });
    const binding = new Map(items.map((i) => [i.id, i.binding]));
    const papers = await invoke(ctx, handlers['papers.list'], { bankId, kind: 'theory', status: '草稿' });
    expect(papers.length).toBe(3);
    let elsewhereAbove2 = 0;
    for (const paper of papers) {
      expect(paper.items.length).toBe(170);
      for (const [point, n] of perPoint(paper.items, binding)) {
        const cap = point === 'B-A-D-002' ? 1 : point === 'B-A-C-001' ? 3 : point.startsWith('B-A-') ? 2 : 3;
        expect(n, point).toBeLessThanOrEqual(cap);
        if (!point.startsWith('B-A-') && n > 2) elsewhereAbove2 += 1;
      }
    }
    // Outside B-A the paper's cap (3) still applies, and the sets use it.
    expect(elsewhereAbove2).toBeGreaterThan(0);
    const stored = JSON.parse(ws.db.prepare('SELECT result FROM assembly_runs WHERE id = ?').pluck().get(run.runId) as string) as {
      blueprint: { pointCapOverrides?: unknown[] };
    };
    expect(stored.blueprint.pointCapOverrides?.length).toBe(3);
  }, 120_000);

  it('refuses a code that is not in the 细目表, a cap out of range and caps on other papers; explains a cap too tight', async () => {
    const ws = workstation();
    const { ctx, bankId } = await sampleBank(ws);
    await expect(invoke(ctx, handlers['assembly.run'], { bankId, pointCapAt: { 'A-B': 1, 'Z-Z': 2, 'B-A-C-099': 1 } })).rejects.toThrow(
      '细目表中没有鉴定范围或鉴定点 Z-Z、B-A-C-099，不能为其设置题量上限',
    );
    await expect(invoke(ctx, handlers['assembly.blueprint'], { bankId, pointCapAt: { 'A-B': 0 } })).rejects.toThrow(
      '按鉴定范围或鉴定点设置的每套题量上限应为 1 至 20 之间的整数',
    );
    await expect(invoke(ctx, handlers['assembly.blueprint'], { bankId, pointCapAt: { 'A-B': 1.5 } })).rejects.toThrow('1 至 20 之间的整数');
    await expect(invoke(ctx, handlers['assembly.blueprint'], { bankId, pointCapAt: { 'A-B': 21 } })).rejects.toThrow('1 至 20 之间的整数');
    await expect(invoke(ctx, handlers['assembly.run'], { bankId, kind: 'practical', pointCapAt: { A: 1 } })).rejects.toThrow(
      '按鉴定范围或鉴定点设置题量上限只适用于理论知识试卷',
    );
    const tight = await invoke(ctx, handlers['assembly.blueprint'], { bankId, pointCapAt: { 'B-B-A': 1 } });
    expect(tight.findings.map((f) => f.group)).toContain('pointCap');
    const err = await invoke(ctx, handlers['assembly.run'], { bankId, pointCapAt: { 'B-B-A': 1 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssemblyInfeasibleError);
    expect((err as Error).message).toMatch(/鉴定范围 B-B-A .*每个鉴定点每套至多 1 道/);
    expect(ws.db.prepare('SELECT COUNT(*) FROM papers').pluck().get()).toBe(0);
  }, 120_000);
});
