import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE_NAMES, SAMPLE_FILES } from '../../../app/demo/sample-bank.js';
import type { ServiceContext } from '../../../app/services/context.js';
import { invoke } from '../../../app/services/handler.js';
import { ImportRejectedError } from '../../../app/services/import/handlers.js';
import { handlers } from '../../../app/services/registry.js';
import { parseItemWorkbook } from '../../../app/readers/xlsx/items.js';
import { sha256Hex } from '../../../crypto/digest.js';
import { docxOf, LETTERS, someOfEach, tfMark, type SampleTheory } from '../../unit/readers/docx/fixtures.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

const sample = (name: string) => new Uint8Array(readFileSync(join(SAMPLE_FILES, name)));

async function bank(ws: TestWorkstation, isSample = false): Promise<{ ctx: ServiceContext; bankId: number }> {
  const ctx = ws.as('boss', ['manager']);
  const b = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4, isSample });
  await invoke(ctx, handlers['banks.importElementTable'], { bankId: b.id, bytes: sample(SAMPLE_FILE_NAMES.elementTable) });
  return { ctx, bankId: b.id };
}

/** An old paper: 【题型】 headings, numbered items, options, 答案 lines, and neither 鉴定点 nor 难度. */
function uncodedPaper(items: readonly SampleTheory[], over: Partial<Record<number, string[]>> = {}): string[] {
  const heading = { trueFalse: '一、【判断题】（每题1分）', singleChoice: '二、【单项选择题】（每题1分，共40题）', multipleChoice: '三、【多项选择题】' } as const;
  const lines: string[] = ['制图员理论知识试卷'];
  let type = '';
  items.forEach((item, i) => {
    if (item.type !== type) {
      type = item.type;
      lines.push(heading[item.type]);
    }
    lines.push(`${i + 1}. ${item.stem}`);
    if (item.type !== 'trueFalse') lines.push(item.options.map((o, k) => `${LETTERS[k] ?? ''}. ${o}`).join(' '));
    lines.push(`答案：${item.type === 'trueFalse' ? tfMark(item.key) : item.key}`);
    lines.push(...(over[i] ?? []));
  });
  return lines;
}

describe('import.items: papers without 鉴定点 and 难度', () => {
  const workstation = useWorkstation();

  it('imports every item as a 草稿 待归类 with a suggested 鉴定点, previewed in the dry run', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws);
    const items = someOfEach(4);
    const input = { bankId, fileName: '旧试卷.docx', bytes: await docxOf(uncodedPaper(items)) };
    const dry = await invoke(ctx, handlers['import.items'], { ...input, dryRun: true });
    expect(dry).toMatchObject({ rows: 12, rejected: 0, unbound: 12, saved: false, problems: [] });
    expect(dry.preview).toHaveLength(12);
    expect(dry.preview[0]).toMatchObject({ type: '判断题', options: 0, element: '', difficulty: null, status: 'unbound' });
    expect(dry.preview[4]).toMatchObject({ type: '单项选择题', options: 4, key: items[4]?.key, status: 'unbound' });
    expect(dry.preview[4]?.stem).toBe([...(items[4]?.stem ?? '')].slice(0, 40).join('') + ((items[4]?.stem.length ?? 0) > 40 ? '…' : ''));
    for (const p of dry.preview) {
      expect(p.suggestion?.element).toMatch(/^[A-Z](-[A-Z]){1,3}-\d{3}$/);
      expect(p.suggestion?.score).toBeGreaterThan(0);
      expect(p.suggestion?.runnerUp?.score ?? 0).toBeLessThanOrEqual(p.suggestion?.score ?? 0);
    }
    // With names only, most sample items get their own 鉴定点 as the best or runner-up suggestion.
    const right = dry.preview.filter((p, i) => [p.suggestion?.element, p.suggestion?.runnerUp?.element].includes(items[i]?.element)).length;
    expect(right).toBeGreaterThanOrEqual(5);

    const real = await invoke(ctx, handlers['import.items'], input);
    expect(real).toMatchObject({ accepted: 12, unbound: 12, saved: true });
    const list = await invoke(ctx, handlers['items.list'], { bankId });
    expect(list.map((i) => [i.state, i.binding, i.difficulty])).toEqual(items.map(() => ['草稿', '', null]));
    // Every 待归类 item's suggestion, with the id it was saved under (the dry run had the same ones).
    expect(real.suggestions.map((s) => s.itemId)).toEqual(list.map((i) => i.id));
    expect(real.suggestions.map((s) => s.element)).toEqual(dry.suggestions.map((s) => s.element));
    expect(real.preview.map((p) => p.itemId)).toEqual(list.map((i) => i.id));
    expect(dry.preview[0]?.itemId).toBeUndefined();
    const lint = await invoke(ctx, handlers['lint.item'], { bankId, itemId: list[0]!.id });
    expect(lint.findings.filter((f) => f.rule === 'unbound').map((f) => f.field)).toEqual(['鉴定点代码', '难度']);
  });

  it('keeps a 待归类 item in 草稿 until it is bound, then it is an ordinary draft', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws);
    const items = someOfEach(1);
    await invoke(ctx, handlers['import.items'], { bankId, fileName: 'a.docx', bytes: await docxOf(uncodedPaper(items)) });
    const [first, second] = await invoke(ctx, handlers['items.list'], { bankId });
    const itemId = first!.id;
    await expect(invoke(ctx, handlers['items.transition'], { bankId, itemId, to: '待审' })).rejects.toThrow(
      '试题待归类（未绑定鉴定点、未定难度），不能提交审核：请先绑定鉴定点并给出难度',
    );
    // An edit may keep it 待归类.
    const got = await invoke(ctx, handlers['items.get'], { bankId, itemId });
    await invoke(ctx, handlers['items.save'], { bankId, itemId, item: { ...got.body, stem: `${(got.body as { stem: string }).stem}（修订）` } });
    expect((await invoke(ctx, handlers['items.history'], { bankId, itemId })).item).toMatchObject({ binding: '', state: '草稿', version: 2 });

    const [suggested] = await invoke(ctx, handlers['items.suggest'], { bankId, itemIds: [itemId] });
    expect(suggested).toMatchObject({ itemId, gaps: ['element', 'difficulty'] });
    const element = suggested!.suggestion!.element;
    await expect(invoke(ctx, handlers['items.bind'], { bankId, itemId, element })).rejects.toThrow(`试题 ${itemId} 尚未定难度：绑定鉴定点时请一并给出难度（1～5）`);
    await expect(invoke(ctx, handlers['items.bind'], { bankId, itemId, element: 'Z-Z-Z-999', difficulty: 3 })).rejects.toThrow('Z-Z-Z-999 不在本题库的细目表中');
    const bound = await invoke(ctx, handlers['items.bind'], { bankId, itemId, element: element.toLowerCase(), difficulty: 3 });
    expect(bound).toMatchObject({ binding: element, difficulty: 3, state: '草稿', version: 3 });
    expect((await invoke(ctx, handlers['items.history'], { bankId, itemId })).versions.at(-1)?.note).toBe(`绑定鉴定点 ${element}`);
    expect((await invoke(ctx, handlers['items.transition'], { bankId, itemId, to: '待审' })).state).toBe('待审');

    // Binding by an edit (accepting the suggestion through items.save) works as well.
    const other = await invoke(ctx, handlers['items.get'], { bankId, itemId: second!.id });
    await invoke(ctx, handlers['items.save'], { bankId, itemId: second!.id, item: { ...other.body, element: 'A-B-A-001', difficulty: 2 } });
    expect((await invoke(ctx, handlers['items.transition'], { bankId, itemId: second!.id, to: '待审' })).state).toBe('待审');
    // The bank's remaining 待归类 item is suggested; the bound ones are not.
    expect((await invoke(ctx, handlers['items.suggest'], { bankId })).map((s) => s.itemId)).toEqual([first!.id + 2]);
  });

  it('never saves a 待归类 item as 入库: a sample bank loading 入库 items needs every 鉴定点 and 难度', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws, true);
    const input = { bankId, fileName: 'a.docx', bytes: await docxOf(uncodedPaper(someOfEach(1))), state: '入库' as const };
    const dry = await invoke(ctx, handlers['import.items'], { ...input, dryRun: true });
    expect(dry.rejected).toBe(3);
    expect(dry.problems).toContain('第3段 鉴定点代码: 不能为空');
    expect(dry.problems).toContain('第3段 难度: 不能为空');
    await expect(invoke(ctx, handlers['items.addTheory'], { bankId, state: '入库', items: [{ type: 'trueFalse', stem: '甲。', key: true, element: '', difficulty: 0 }] })).rejects.toThrow(
      '鉴定点代码格式应为',
    );
  });

  it('applies the file’s default 难度 and 鉴定点 only to the items that lack them', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws);
    const items = someOfEach(1);
    const lines = uncodedPaper(items, { 1: ['难度：5', '鉴定点：A-B-B-002'] });
    const input = { bankId, fileName: 'a.docx', bytes: await docxOf(lines) };
    const onlyDifficulty = await invoke(ctx, handlers['import.items'], { ...input, dryRun: true, defaults: { difficulty: 3 } });
    expect(onlyDifficulty.preview.map((p) => [p.element, p.difficulty, p.status])).toEqual([
      ['', 3, 'unbound'],
      ['A-B-B-002', 5, 'ok'],
      ['', 3, 'unbound'],
    ]);
    const both = await invoke(ctx, handlers['import.items'], { ...input, defaults: { difficulty: 2, element: 'a-b-a-001' } });
    expect(both).toMatchObject({ accepted: 3, unbound: 0 });
    expect((await invoke(ctx, handlers['items.list'], { bankId })).map((i) => [i.binding, i.difficulty])).toEqual([
      ['A-B-A-001', 2],
      ['A-B-B-002', 5],
      ['A-B-A-001', 2],
    ]);
    await expect(invoke(ctx, handlers['import.items'], { ...input, defaults: { element: 'Z-Z-Z-999' } })).rejects.toThrow('默认鉴定点 Z-Z-Z-999 不在本题库的细目表中');
  });

  it('exports a 待归类 item to Excel and imports it again as 待归类 (blank 鉴定点, 难度 0)', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws);
    await invoke(ctx, handlers['import.items'], { bankId, fileName: 'a.docx', bytes: await docxOf(uncodedPaper(someOfEach(1))) });
    const out = await invoke(ctx, handlers['items.exportXlsx'], { bankId, outDir: join(ws.dir, 'out') });
    const bytes = new Uint8Array(readFileSync(out.absolutePath));
    const rows = (await parseItemWorkbook(bytes, { contentHash: sha256Hex })).rows.filter((r) => r.kind === 'theory');
    expect(rows.map((r) => [(r.raw as { element?: string }).element, (r.raw as { difficulty?: number }).difficulty])).toEqual([
      [undefined, 0],
      [undefined, 0],
      [undefined, 0],
    ]);
    const second = await bank(workstation());
    const again = await invoke(second.ctx, handlers['import.items'], { bankId: second.bankId, fileName: 'x.xlsx', bytes });
    expect(again).toMatchObject({ accepted: 3, unbound: 3 });
    expect(again.preview.every((p) => p.status === 'unbound' && p.suggestion !== undefined)).toBe(true);
  });
});

describe('import.items: near-duplicates within the file', () => {
  const workstation = useWorkstation();

  /** Items 1 and 3 are rewordings of each other; 2 and 4 are new. */
  const lines = [
    '判断题',
    '1. 图样中的尺寸以毫米为单位时，不需标注计量单位的代号或名称。',
    '答案：√',
    '2. 比例是指图中图形与其实物相应要素的线性尺寸之比。',
    '答案：√',
    '3. 图样中的尺寸以毫米为单位时，不必标注计量单位的代号或名称。',
    '答案：√',
    '4. 在绘制图样时，应优先选用原值比例。',
    '答案：√',
  ];

  it('flags them like near-duplicates of the bank, and asks, skips or keeps them as told', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws);
    const input = { bankId, fileName: 'a.docx', bytes: await docxOf(lines), defaults: { difficulty: 3, element: 'A-B-A-001' } };
    const dry = await invoke(ctx, handlers['import.items'], { ...input, dryRun: true });
    expect(dry.duplicates).toEqual([{ where: '第6段', against: '第2段', score: expect.any(Number), kind: 'near', decision: 'pending', scope: 'file' }]);
    expect(dry.duplicates[0]?.score).toBeGreaterThanOrEqual(0.65);
    expect(dry.problems).toEqual([`第6段: 与第2段相似度 ${dry.duplicates[0]?.score}，请决定跳过或保留（命令行：--skip-near / --keep-near）`]);
    expect(dry.preview.map((p) => p.status)).toEqual(['ok', 'ok', 'pending', 'ok']);
    await expect(invoke(ctx, handlers['import.items'], input)).rejects.toThrow(ImportRejectedError);

    const skipped = await invoke(ctx, handlers['import.items'], { ...input, nearDuplicates: 'skip' });
    expect(skipped).toMatchObject({ accepted: 3, skipped: 1, saved: true });
    expect(skipped.duplicates.map((d) => d.decision)).toEqual(['skipped']);

    // Imported again: now each item is in the bank (exact), nothing is new.
    const again = await invoke(ctx, handlers['import.items'], { ...input, nearDuplicates: 'keep', dryRun: true });
    expect(again.duplicates.map((d) => [d.where, d.kind, d.scope])).toEqual([
      ['第2段', 'exact', 'bank'],
      ['第4段', 'exact', 'bank'],
      ['第8段', 'exact', 'bank'],
      ['第6段', 'near', 'bank'],
    ]);

    const other = await bank(workstation());
    const kept = await invoke(other.ctx, handlers['import.items'], { ...input, bankId: other.bankId, nearDuplicates: 'keep' });
    expect(kept).toMatchObject({ accepted: 4, skipped: 0 });
    expect(kept.duplicates.map((d) => d.decision)).toEqual(['kept']);
  });

  it('flags each later copy of a group once, against the first of the group', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws);
    const stem = '图样中的尺寸以毫米为单位时，不需标注计量单位的代号或名称';
    const group = ['判断题', `1. ${stem}。`, '答案：√', `2. ${stem}！`.replace('不需', '不必'), '答案：√', `3. ${stem}。`.replace('代号', '符号'), '答案：√'];
    const report = await invoke(ctx, handlers['import.items'], {
      bankId,
      fileName: 'g.docx',
      bytes: await docxOf(group),
      nearDuplicates: 'skip',
      defaults: { difficulty: 1, element: 'A-B-A-001' },
    });
    expect(report.duplicates.map((d) => [d.where, d.against])).toEqual([
      ['第4段', '第2段'],
      ['第6段', '第2段'],
    ]);
    expect(report.accepted).toBe(1);
  });
});
