/**
 * Exam results end to end on a real workstation: a simulated sitting of an assembled paper with a
 * planted key error is imported; the item is flagged and goes back to 待审 with the evidence; the
 * statistics feed assembly; candidates are kept under pseudonyms only; a sheet that does not fit the
 * paper is refused with every misfit named and nothing stored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { sheetCsv, simulateSitting } from '../../../app/domain/analysis/simulate.js';
import type { ServiceContext } from '../../../app/services/context.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { paperKeys } from '../../../app/services/results/paper-key.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function assembled(ws: TestWorkstation): Promise<{ ctx: ServiceContext; bankId: number; paperId: number }> {
  const { ctx, bankId } = await sampleBank(ws);
  await invoke(ctx, handlers['assembly.run'], { bankId });
  const papers = await invoke(ctx, handlers['papers.list'], { bankId, kind: 'theory' });
  return { ctx, bankId, paperId: papers[0]!.id };
}

/** A single-choice position of the paper and a letter that is not its key (the "true" answer of the plant). */
function plant(ws: TestWorkstation, paperId: number): { position: number; itemId: number; trueKey: string; key: string } {
  const keys = paperKeys(ws.db, paperId);
  const item = keys.find((k) => k.kind === 'singleChoice' && k.position > 30)!;
  return { position: item.position, itemId: item.itemId, key: item.key, trueKey: item.key === 'A' ? 'C' : 'A' };
}

const count = (ws: TestWorkstation, table: string) => ws.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('exam results and item analysis', () => {
  const workstation = useWorkstation();

  it('imports a sitting, flags the planted key error, returns it to 待审 with the evidence and feeds assembly', async () => {
    const ws = workstation();
    const { ctx, bankId, paperId } = await assembled(ws);
    const planted = plant(ws, paperId);
    const sheet = simulateSitting(paperKeys(ws.db, paperId), { candidates: 300, seed: 4, misKeyed: { position: planted.position, trueKey: planted.trueKey } });
    const bytes = utf8(sheetCsv(sheet));

    const r = await invoke(ctx, handlers['results.import'], { bankId, paperId, label: '2026 年第 4 批', heldOn: '2026-11-20', bytes, returnFlagged: true });
    expect(r.sitting).toMatchObject({ candidates: 300, label: '2026 年第 4 批', heldOn: '2026-11-20' });
    expect(r.sitting.statistics.items).toBe(170);
    expect(r.sitting.statistics.reliabilityMethod).toBe('alpha'); // 判断 1 point, 单选 0.5, 多选 1
    expect(r.sitting.statistics.reliability).toBeGreaterThan(0.8);
    expect(r.personalColumns).toEqual(['姓名']);
    const flagged = r.items.filter((i) => i.flags.some((f) => f.severity === 'review'));
    expect(flagged.map((i) => i.itemId)).toEqual([planted.itemId]);
    expect(flagged[0]!.flags.map((f) => f.code)).toContain('keyError');
    expect(flagged[0]!.flags.find((f) => f.code === 'keyError')!.message).toContain(`干扰项 ${planted.trueKey} 高分组选择率`);

    // the planted item went back to 待审, the evidence in its transition's comment
    expect(r.returned.map((i) => [i.id, i.state])).toEqual([[planted.itemId, '待审']]);
    const detail = await invoke(ctx, handlers['items.history'], { bankId, itemId: planted.itemId });
    expect(JSON.stringify(detail)).toContain('据考试统计复审（2026 年第 4 批，第');

    // the same file again is refused; nothing doubles
    await expect(invoke(ctx, handlers['results.import'], { bankId, paperId, label: '再次', heldOn: '2026-11-21', bytes })).rejects.toThrow(/这份结果文件已导入过（第 1 场“2026 年第 4 批”）/);
    expect(count(ws, 'sittings')).toBe(1);

    // show: the flagged item first, with its stem and key for the panel
    const shown = await invoke(ctx, handlers['results.show'], { bankId, sittingId: r.sitting.id });
    expect(shown.items[0]).toMatchObject({ itemId: planted.itemId, group: 'review', keyText: planted.key });
    expect(shown.paperTitle).toMatch(/^制图员.*理论知识 甲 卷$/);

    // the report: docx (the flagged item's stem, its flag, two charts) and xlsx
    const dir = join(ws.dir, 'report');
    const files = await invoke(ctx, handlers['results.report'], { bankId, sittingId: r.sitting.id, outDir: dir });
    const doc = await JSZip.loadAsync(readFileSync(files.docx.absolutePath));
    const text = await doc.file('word/document.xml')!.async('string');
    expect(text).toContain(shown.items[0]!.stem.slice(0, 10));
    expect(text).toContain('可能答案');
    expect(Object.keys(doc.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync(files.xlsx.absolutePath)).slice().buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['概况', '试题统计', '选项分析']);

    // history and the pooled p assembly uses: 300 candidates against a prior worth 30
    const other = r.items.find((i) => i.itemId !== planted.itemId)!;
    const history = await invoke(ctx, handlers['results.history'], { bankId, itemId: other.itemId });
    expect(history.history).toHaveLength(1);
    expect(history.pooled).toMatchObject({ n: 300, sittings: 1 });
    expect(Math.abs(history.p! - other.p)).toBeLessThan(Math.abs(history.p! - 0.5) + 0.1);
    expect((300 * other.p + 30 * 0) / 330).toBeLessThanOrEqual(history.p! + 1e-9);
  });

  it('assembly can leave out items a sitting flagged', async () => {
    const ws = workstation();
    const { ctx, bankId, paperId } = await assembled(ws);
    const planted = plant(ws, paperId);
    const bytes = utf8(sheetCsv(simulateSitting(paperKeys(ws.db, paperId), { candidates: 300, seed: 5, misKeyed: { position: planted.position, trueKey: planted.trueKey } })));
    await invoke(ctx, handlers['results.import'], { bankId, paperId, label: '第 1 场', heldOn: '2026-11-20', bytes });
    const itemsOf = (run: { papers: readonly { id: number }[] }) =>
      Promise.all(run.papers.map(async (p) => (await invoke(ctx, handlers['papers.get'], { bankId, paperId: p.id })).items.map((i) => i.itemId)));
    const run = await invoke(ctx, handlers['assembly.run'], { bankId, excludeFlagged: true, exposure: { runs: 0, mode: 'penalise' }, timeLimitSeconds: 5 });
    expect((await itemsOf(run)).flat()).not.toContain(planted.itemId);
  }, 180_000);

  it('keeps candidates under pseudonyms only and never reads personal columns', async () => {
    const ws = workstation();
    const { ctx, bankId, paperId } = await assembled(ws);
    const keys = paperKeys(ws.db, paperId);
    const head = ['准考证号', '姓名', '身份证号', ...keys.map((k) => `第${k.position}题`)];
    const answer = keys.map((k) => (k.kind === 'practical' ? '0' : k.key));
    const csv = [head, ['A0001', '王小明', '110101199001011234', ...answer], ['A0002', '李四', '110101199001011235', ...answer.map(() => '')]].map((r) => r.join('\t')).join('\n');
    const r = await invoke(ctx, handlers['results.import'], { bankId, paperId, label: '小场', heldOn: '2026-11-22', bytes: utf8(csv) });
    expect(r.personalColumns).toEqual(['姓名', '身份证号']);
    const stored = ws.db.prepare('SELECT candidate, responses FROM sitting_responses').all() as { candidate: string; responses: string }[];
    expect(stored.map((s) => s.candidate)).toEqual([expect.stringMatching(/^H[0-9a-f]{20}$/), expect.stringMatching(/^H[0-9a-f]{20}$/)]);
    const everything = JSON.stringify(ws.db.prepare('SELECT * FROM sitting_responses').all()) + JSON.stringify(ws.db.prepare('SELECT * FROM sittings').all());
    for (const secret of ['王小明', '李四', '110101199001011234', 'A0001']) expect(everything).not.toContain(secret);
    // 2 candidates: only the small-sample note, no judgement
    expect(r.items.every((i) => i.flags.map((f) => f.code).join() === 'smallSample')).toBe(true);
  });

  it('refuses a sheet that does not fit the paper, naming every misfit, and stores nothing', async () => {
    const ws = workstation();
    const { ctx, bankId, paperId } = await assembled(ws);
    const keys = paperKeys(ws.db, paperId);
    const before = count(ws, 'audit_log');
    const single = keys.find((k) => k.kind === 'singleChoice')!;
    const tf = keys.find((k) => k.kind === 'trueFalse')!;
    const row = (over: Record<number, string>) => keys.map((k) => over[k.position] ?? (k.kind === 'practical' ? '0' : k.key));
    const csv = [keys.map((k) => String(k.position)), row({ [single.position]: 'F' }), row({ [tf.position]: '也许' }), row({})].map((r) => r.join(',')).join('\n');
    const refusal = invoke(ctx, handlers['results.import'], { bankId, paperId, label: '坏', heldOn: '2026-11-23', bytes: utf8(csv) });
    await expect(refusal).rejects.toThrow(`2 处作答与试卷不符，未导入任何数据：第 2 行第 ${single.position} 题：作答“F”含有本题没有的选项（本题选项 ABCD）；第 3 行第 ${tf.position} 题：判断题作答“也许”应为 √ 或 ×`);
    const missing = [keys.slice(1).map((k) => String(k.position)), row({}).slice(1)].map((r) => r.join(',')).join('\n');
    await expect(invoke(ctx, handlers['results.import'], { bankId, paperId, label: '缺列', heldOn: '2026-11-23', bytes: utf8(missing) })).rejects.toThrow('表头与试卷不符：缺少第 1 题的列');
    await expect(invoke(ctx, handlers['results.import'], { bankId, paperId, label: '二进制', heldOn: '2026-11-23', bytes: new Uint8Array([0x00, 0x01, 0xff, 0xfe, 0x02]) })).rejects.toThrow(/^考试结果文件未导入：/);
    await expect(invoke(ctx, handlers['results.import'], { bankId, paperId: 99999, label: 'x', heldOn: '2026-11-23', bytes: utf8(csv) })).rejects.toThrow(/试卷 99999 不存在/);
    expect(count(ws, 'sittings') + count(ws, 'sitting_responses') + count(ws, 'sitting_item_stats')).toBe(0);
    // each refusal is logged
    const refused = ws.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'results.import' AND result <> 'ok' AND seq > ?`).pluck().get(before) as number;
    expect(refused).toBe(4);
  });
});
