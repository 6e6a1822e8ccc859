import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../app/services/context.js';
import { SAMPLE_FILE_NAMES, SAMPLE_FILES } from '../../../app/demo/sample-bank.js';
import { invoke } from '../../../app/services/handler.js';
import { ImportRejectedError } from '../../../app/services/import/handlers.js';
import { handlers } from '../../../app/services/registry.js';
import { parseItemWorkbook } from '../../../app/readers/xlsx/items.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

const sample = (name: string) => new Uint8Array(readFileSync(join(SAMPLE_FILES, name)));

async function bankWithTables(ws: TestWorkstation): Promise<{ ctx: ServiceContext; bankId: number }> {
  const ctx = ws.as('boss', ['manager']);
  const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4, isSample: true });
  await invoke(ctx, handlers['banks.importElementTable'], { bankId: bank.id, bytes: sample(SAMPLE_FILE_NAMES.elementTable) });
  await invoke(ctx, handlers['banks.importPracticalStructure'], { bankId: bank.id, bytes: sample(SAMPLE_FILE_NAMES.practicalStructure) });
  return { ctx, bankId: bank.id };
}

const count = (ws: TestWorkstation) => ws.db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number;

describe('import.items', () => {
  const workstation = useWorkstation();

  it('imports the writers’ xlsx, and what it exports imports again to the same rows (round trip)', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bankWithTables(ws);
    const report = await invoke(ctx, handlers['import.items'], { bankId, fileName: SAMPLE_FILE_NAMES.items, bytes: sample(SAMPLE_FILE_NAMES.items) });
    expect(report).toMatchObject({ rows: 500, accepted: 500, rejected: 0, saved: true });
    const exported = await invoke(ctx, handlers['items.exportXlsx'], { bankId, outDir: join(ws.dir, 'out') });
    const again = await parseItemWorkbook(new Uint8Array(readFileSync(exported.absolutePath)));
    const first = await parseItemWorkbook(sample(SAMPLE_FILE_NAMES.items));
    expect(again.rows.map((r) => r.raw)).toEqual(first.rows.map((r) => r.raw));
    // export → import → export gives the same workbook
    const ws2 = workstation();
    const second = await bankWithTables(ws2);
    await invoke(second.ctx, handlers['import.items'], { bankId: second.bankId, fileName: 'x.xlsx', bytes: new Uint8Array(readFileSync(exported.absolutePath)) });
    const exported2 = await invoke(second.ctx, handlers['items.exportXlsx'], { bankId: second.bankId, outDir: join(ws2.dir, 'out') });
    expect((await parseItemWorkbook(new Uint8Array(readFileSync(exported2.absolutePath)))).rows.map((r) => r.raw)).toEqual(again.rows.map((r) => r.raw));
    expect(ws.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'items.exportXlsx' AND register = '调阅'").pluck().get()).toBe(1);
  });

  it('finds the Word file’s repeats in a dry run, saves nothing then, and skips or rejects them for real', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bankWithTables(ws);
    await invoke(ctx, handlers['import.items'], { bankId, fileName: SAMPLE_FILE_NAMES.items, bytes: sample(SAMPLE_FILE_NAMES.items) });
    const before = count(ws);
    const word = { bankId, fileName: SAMPLE_FILE_NAMES.word, bytes: sample(SAMPLE_FILE_NAMES.word) };
    const dry = await invoke(ctx, handlers['import.items'], { ...word, dryRun: true });
    expect(dry.saved).toBe(false);
    expect(count(ws)).toBe(before);
    expect(dry.duplicates.filter((d) => d.kind === 'exact').length).toBeGreaterThanOrEqual(2);
    expect(dry.duplicates.some((d) => d.kind === 'near' && d.decision === 'pending')).toBe(true);
    await expect(invoke(ctx, handlers['import.items'], word)).rejects.toThrow(ImportRejectedError);
    expect(count(ws)).toBe(before);
    const real = await invoke(ctx, handlers['import.items'], { ...word, validOnly: true, nearDuplicates: 'skip' });
    expect(real.accepted).toBe(165);
    expect(count(ws)).toBe(before + 165);
  });

  it('rejects malformed files with row-level messages and leaves the bank unchanged', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bankWithTables(ws);
    const good = sample(SAMPLE_FILE_NAMES.items);
    const cases: [string, Uint8Array, RegExp][] = [
      ['cut.xlsx', good.slice(0, good.length / 2), /不是有效的 Excel 文件/],
      ['notes.xlsx', new TextEncoder().encode('纯文本，不是表格'), /不是有效的 Excel 文件/],
      ['a.pdf', good, /只能导入 \.xlsx 或 \.docx 文件/],
      ['cut.docx', sample(SAMPLE_FILE_NAMES.word).slice(0, 2000), /不是有效的 Word 文件/],
    ];
    for (const [fileName, bytes, message] of cases) {
      await expect(invoke(ctx, handlers['import.items'], { bankId, fileName, bytes }), fileName).rejects.toThrow(message);
    }
    expect(count(ws)).toBe(0);
  });

  it('reports bad keys, unknown 鉴定点 and huge cells by row, and imports the valid rows only when asked', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bankWithTables(ws);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('理论知识试题');
    sheet.addRow(['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '答案', '难度', '鉴定点代码', '解析']);
    sheet.addRow(['单选题', '正投影的投射线（ ）。', '互相平行且垂直于投影面', '交于一点', '互相平行且倾斜于投影面', '任意方向', null, 'A', 2, 'A-B-B-001', '']);
    sheet.addRow(['单选题', '比例 1∶2 是（ ）比例。', '原值', '缩小', '放大', '任意', null, 'F', 2, 'A-B-A-002', '']);
    sheet.addRow(['判断题', '图样中的尺寸以毫米为单位时不需标注单位。', null, null, null, null, null, '√', 1, 'Z-Z-Z-001', '']);
    sheet.addRow(['判断题', '很长'.repeat(3000), null, null, null, null, null, '×', 1, 'A-B-A-001', '']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const input = { bankId, fileName: 'bad.xlsx', bytes };
    const dry = await invoke(ctx, handlers['import.items'], { ...input, dryRun: true });
    expect(dry.problems.join('\n')).toMatch(/理论知识试题 第3行 答案: 无法识别“F”/);
    expect(dry.problems.join('\n')).toContain('理论知识试题 第4行 鉴定点代码: Z-Z-Z-001 不在本题库的细目表中');
    expect(dry.problems.join('\n')).toMatch(/第5行/);
    await expect(invoke(ctx, handlers['import.items'], input)).rejects.toThrow('导入未执行：3 行有错误');
    expect(count(ws)).toBe(0);
    expect((await invoke(ctx, handlers['import.items'], { ...input, validOnly: true })).accepted).toBe(1);
    expect(count(ws)).toBe(1);
  });
});

describe('search, duplicates, lint and coverage', () => {
  const workstation = useWorkstation();

  it('finds items by 1-, 2- and 3-character terms with filters, recording the results as 调阅', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bankWithTables(ws);
    await invoke(ctx, handlers['import.items'], { bankId, fileName: SAMPLE_FILE_NAMES.items, bytes: sample(SAMPLE_FILE_NAMES.items) });
    const two = await invoke(ctx, handlers['items.search'], { bankId, text: '投影' });
    expect(two.total).toBeGreaterThan(10);
    const filtered = await invoke(ctx, handlers['items.search'], { bankId, text: '投影', type: 'trueFalse', element: 'A-B-B' });
    expect(filtered.hits.every((h) => h.type === 'trueFalse' && h.binding.startsWith('A-B-B'))).toBe(true);
    expect((await invoke(ctx, handlers['items.search'], { bankId, text: '正投影法' })).total).toBeGreaterThan(0);
    expect((await invoke(ctx, handlers['items.search'], { bankId, text: '图' })).total).toBeGreaterThan(100);
    expect((await invoke(ctx, handlers['items.search'], { bankId, text: '"NEAR( *' })).total).toBe(0);
    const rows = ws.db.prepare("SELECT objects FROM audit_log WHERE action = 'items.search' AND register = '调阅'").pluck().all() as string[];
    expect(rows.length).toBe(5);
  });

  it('lints the bank, reports coverage for 3 sets and finds no duplicates in the sample', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bankWithTables(ws);
    await invoke(ctx, handlers['import.items'], { bankId, fileName: SAMPLE_FILE_NAMES.items, bytes: sample(SAMPLE_FILE_NAMES.items), state: '入库' });
    const report = await invoke(ctx, handlers['lint.bank'], { bankId });
    expect(report.keyBalance).toBeDefined();
    const cover = await invoke(ctx, handlers['coverage.get'], { bankId, sets: 3 });
    const top = cover.filter((r) => r.depth === 1);
    expect(top.reduce((n, r) => n + r.needed, 0)).toBe(510);
    expect((await invoke(ctx, handlers['duplicates.find'], { bankId })).pairs).toEqual([]);
    const [first] = await invoke(ctx, handlers['items.list'], { bankId });
    expect((await invoke(ctx, handlers['lint.item'], { bankId, itemId: first!.id })).itemId).toBe(first!.id);
  });

  it('round-trips the 细目表 through its xlsx export', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bankWithTables(ws);
    const files = await invoke(ctx, handlers['banks.exportElementTables'], { bankId, outDir: join(ws.dir, 'tables') });
    const reimported = await invoke(ctx, handlers['banks.importElementTable'], { bankId, bytes: new Uint8Array(readFileSync(files[0]!.absolutePath)) });
    expect(reimported.version).toBe(2);
    const [v1, v2] = ws.db.prepare("SELECT body FROM element_tables WHERE kind = 'theory' ORDER BY version").pluck().all() as string[];
    expect(JSON.parse(v2!)).toEqual(JSON.parse(v1!));
    await expect(
      invoke(ctx, handlers['banks.importElementTable'], { bankId, bytes: sample(SAMPLE_FILE_NAMES.items) }),
    ).rejects.toThrow(/细目表/);
  });
});
