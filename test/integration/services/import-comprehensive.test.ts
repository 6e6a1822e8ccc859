/** 综合评审 items through the item workbook: import (levels 1–2 only), duplicates, export → import round trip, assembly. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ComprehensiveItem } from '../../../app/domain/comprehensive-item.js';
import type { Level } from '../../../app/domain/level.js';
import { invoke } from '../../../app/services/handler.js';
import { ImportRejectedError } from '../../../app/services/import/handlers.js';
import { handlers } from '../../../app/services/registry.js';
import { listItems } from '../../../app/store/repositories/items.js';
import { ITEM_TEMPLATE_SHEETS, itemTemplateXlsx } from '../../../templates/xlsx/item-template.js';
import { comprehensiveRow, comprehensiveRubricRows, COMPREHENSIVE_FIRST_ROW, scoreSheetRows } from '../../../templates/xlsx/item-template/comprehensive.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

const S = ITEM_TEMPLATE_SHEETS;

function item(n: number, topic: string): ComprehensiveItem {
  return {
    title: `${topic}技术总结`,
    form: n % 2 === 0 ? '技术总结答辩' : '论文答辩',
    points: 100,
    minutes: 30 + n * 5,
    instructions: [`考生于考核前 15 日提交关于${topic}的技术总结一篇，不少于 3000 字。`, '答辩时考生陈述 10 分钟，评审组提问 20 分钟。'],
    question: `结合本人近三年${topic}工作的实际，撰写一篇技术总结，写明遇到的问题、采取的措施和取得的效果。\n第${n}题。`,
    rubric: [
      { content: '技术总结', keyPoint: `${topic}方法正确，数据可靠`, points: 60, criteria: '方法错误每处扣 5 分', deductionNote: '扣完为止' },
      { content: '答辩', keyPoint: '陈述清楚，回答正确', points: 40, criteria: '回答错误每题扣 8 分', deductionNote: '' },
    ],
    scoreSheet: [
      { aspect: '技术总结', keyPoint: '方法正确，数据可靠', points: 60 },
      { aspect: '答辩', keyPoint: '陈述清楚，回答正确', points: 40 },
    ],
  };
}

const ITEMS = [item(1, '零件测绘与工程图样质量改进'), item(2, '三维建模与装配干涉检查'), item(3, '图档管理系统建设与图纸版本控制')];

/** The writers' template with only 综合评审 rows filled in (below the example item). */
async function workbookWith(items: readonly ComprehensiveItem[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await itemTemplateXlsx({ occupation: '电工', level: '二级/技师', generatedAt: new Date(0), elementCodes: [] })).slice().buffer);
  const write = (name: string, first: number, rows: readonly (string | number)[][]) =>
    rows.forEach((values, r) => values.forEach((v, c) => void (v !== '' && ((workbook.getWorksheet(name) as ExcelJS.Worksheet).getRow(first + r).getCell(c + 1).value = v))));
  write(S.comprehensive, COMPREHENSIVE_FIRST_ROW.main, items.map((i) => comprehensiveRow(i)));
  write(S.comprehensiveRubric, COMPREHENSIVE_FIRST_ROW.rubric, items.flatMap(comprehensiveRubricRows));
  write(S.comprehensiveScore, COMPREHENSIVE_FIRST_ROW.score, items.flatMap(scoreSheetRows));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function bank(ws: TestWorkstation, level: Level) {
  const ctx = ws.as('boss', ['manager']);
  const created = await invoke(ctx, handlers['banks.create'], { occupationCode: '6-31-01-03', track: '', level, isSample: true });
  return { ctx, bankId: created.id };
}

const bodies = (ws: TestWorkstation, bankId: number) => listItems(ws.db, bankId, { kind: 'comprehensive' }).map((r) => r.body);
const count = (ws: TestWorkstation) => ws.db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number;

describe('import.items: 综合评审 items', () => {
  const workstation = useWorkstation();

  it('imports a workbook holding only 综合评审 rows into a 二级 bank: the dry run previews them, the real run saves them', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws, 2);
    const file = { bankId, fileName: '综合评审.xlsx', bytes: await workbookWith(ITEMS) };
    const dry = await invoke(ctx, handlers['import.items'], { ...file, dryRun: true });
    expect(dry).toMatchObject({ rows: 3, accepted: 3, rejected: 0, saved: false, problems: [], duplicates: [] });
    expect(dry.preview.map((p) => [p.where, p.type, p.stem, p.key, p.element, p.status])).toEqual(
      ITEMS.map((i, k) => [`综合评审试题 第${k + 3}行`, '综合评审', i.title, '', '', 'ok']),
    );
    expect(count(ws)).toBe(0);
    const real = await invoke(ctx, handlers['import.items'], file);
    expect(real).toMatchObject({ rows: 3, accepted: 3, saved: true });
    expect(bodies(ws, bankId)).toEqual(ITEMS);
    expect(listItems(ws.db, bankId, { kind: 'comprehensive' }).map((r) => r.state)).toEqual(['草稿', '草稿', '草稿']);
  });

  it('refuses every 综合评审 row of a 四级 bank with the reason, and saves nothing', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws, 4);
    const file = { bankId, fileName: '综合评审.xlsx', bytes: await workbookWith(ITEMS.slice(0, 2)) };
    const dry = await invoke(ctx, handlers['import.items'], { ...file, dryRun: true });
    expect(dry.problems).toEqual([
      '综合评审试题 第3行: 四级/中级工 不设综合评审；综合评审只用于二级/技师和一级/高级技师',
      '综合评审试题 第4行: 四级/中级工 不设综合评审；综合评审只用于二级/技师和一级/高级技师',
    ]);
    expect(dry.preview.map((p) => p.status)).toEqual(['rejected', 'rejected']);
    const err = await invoke(ctx, handlers['import.items'], file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect((err as Error).message).toContain('2 行有错误');
    expect(count(ws)).toBe(0);
  });

  it('reports a rubric that does not add up to the item’s points on its row', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws, 1);
    const short = { ...ITEMS[0]!, rubric: ITEMS[0]!.rubric.slice(0, 1) };
    const dry = await invoke(ctx, handlers['import.items'], { bankId, fileName: 'x.xlsx', bytes: await workbookWith([short, ITEMS[1]!]), dryRun: true });
    expect(dry.problems).toEqual(['综合评审试题 第3行 评分标准: 各行配分之和为 60，应等于本题分值 100']);
    expect(dry).toMatchObject({ rows: 2, rejected: 1 });
  });

  it('refuses exact copies of the bank’s 综合评审 items and asks about near ones', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws, 2);
    await invoke(ctx, handlers['import.items'], { bankId, fileName: 'a.xlsx', bytes: await workbookWith(ITEMS.slice(0, 2)) });
    const [first] = listItems(ws.db, bankId, { kind: 'comprehensive' });
    const near = { ...ITEMS[1]!, question: `${ITEMS[1]!.question}要求图文并茂。` };
    const again = { bankId, fileName: 'b.xlsx', bytes: await workbookWith([ITEMS[0]!, near, ITEMS[2]!]) };
    const dry = await invoke(ctx, handlers['import.items'], { ...again, dryRun: true });
    expect(dry.duplicates.map((d) => [d.where, d.kind, d.decision, d.scope])).toEqual([
      ['综合评审试题 第3行', 'exact', 'rejected', 'bank'],
      ['综合评审试题 第4行', 'near', 'pending', 'bank'],
    ]);
    expect(dry.problems[0]).toBe(`综合评审试题 第3行: 与试题 ${String(first?.id)}完全相同`);
    await expect(invoke(ctx, handlers['import.items'], again)).rejects.toThrow(ImportRejectedError);
    const kept = await invoke(ctx, handlers['import.items'], { ...again, validOnly: true, nearDuplicates: 'keep' });
    expect(kept).toMatchObject({ accepted: 2, rejected: 1, saved: true });
    expect(bodies(ws, bankId)).toEqual([ITEMS[0], ITEMS[1], near, ITEMS[2]]);
  });

  it('exports the bank’s 综合评审 items into the same sheets, and they import into a fresh bank of the level unchanged', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws, 2);
    await invoke(ctx, handlers['import.items'], { bankId, fileName: 'a.xlsx', bytes: await workbookWith(ITEMS) });
    const exported = await invoke(ctx, handlers['items.exportXlsx'], { bankId, outDir: join(ws.dir, 'out') });
    const ws2 = workstation();
    const fresh = await bank(ws2, 2);
    const bytes = new Uint8Array(readFileSync(exported.absolutePath));
    const report = await invoke(fresh.ctx, handlers['import.items'], { bankId: fresh.bankId, fileName: 'export.xlsx', bytes });
    expect(report).toMatchObject({ rows: 3, accepted: 3, problems: [], warnings: [] });
    expect(bodies(ws2, fresh.bankId)).toEqual(bodies(ws, bankId));
    expect(bodies(ws2, fresh.bankId)).toEqual(ITEMS);
  });

  it('gives 综合评审 assembly the items it needs (three sets from three imported items)', async () => {
    const ws = workstation();
    const { ctx, bankId } = await bank(ws, 2);
    await invoke(ctx, handlers['import.items'], { bankId, fileName: 'a.xlsx', bytes: await workbookWith(ITEMS), state: '入库' });
    const run = await invoke(ctx, handlers['assembly.run'], { bankId, kind: 'comprehensive' });
    expect(run.papers).toHaveLength(3);
    expect(new Set(run.papers.flatMap((p) => p.pinned)).size).toBe(3);
  });
});
