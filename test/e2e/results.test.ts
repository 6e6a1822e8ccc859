/**
 * GUI: 考试分析 against the real services. The manager imports a sitting's answer sheet for theory set 甲
 * (simulated: 300 candidates, one item planted with a wrong key): a sheet that does not fit is refused in
 * Chinese naming the line and item; the right one is imported, the planted item is listed as needing the
 * panel and is sent back to 待审; the sitting's analysis lists it first with its stem and key; the report
 * is exported (docx + xlsx) into the folder the picker gives. On 导入 › QTI 试题交换 the theory items are
 * exported as a QTI 2.1 package and checked back in as a dry run (every item an exact duplicate).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetCsv, simulateSitting } from '../../app/domain/analysis/simulate.js';
import type { PaperItemKey } from '../../app/domain/analysis/scoring.js';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { unlockAndLogin } from './login.js';
import { MANAGER, seedWorkstation } from './seed.js';

const guis: Gui[] = [];
let base = '';
afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
  if (base !== '') rmSync(base, { recursive: true, force: true });
});

interface PaperOf {
  readonly id: number;
  readonly items: readonly { readonly position: number; readonly itemId: number; readonly version: number; readonly points: number }[];
  readonly bodies: readonly { readonly type: string; readonly body: { readonly key?: unknown; readonly options?: readonly string[] } }[];
}

/** The paper as the analysis sees it, from what 调阅 shows (the test's own answer sheet needs its keys). */
function keysOf(paper: PaperOf): PaperItemKey[] {
  return paper.items.map((pi, k) => {
    const { type, body } = paper.bodies[k]!;
    const base = { position: pi.position, itemId: pi.itemId, version: pi.version, points: pi.points };
    if (type === 'trueFalse') return { ...base, kind: 'trueFalse', options: ['√', '×'], key: body.key === true ? '√' : '×' };
    if (type === 'singleChoice' || type === 'multipleChoice') return { ...base, kind: type, options: 'ABCDE'.slice(0, body.options?.length ?? 4).split(''), key: String(body.key) };
    return { ...base, kind: 'practical', options: [], key: '' };
  });
}

describe.skipIf(!hasChromium)('GUI: 考试分析 and QTI 交换 (Chromium)', () => {
  let dbFile = '';
  let bankId = 0;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'qbank-results-'));
    const seeded = await seedWorkstation(join(base, 'qbank.db'), 'assembled');
    dbFile = seeded.dbFile;
    bankId = seeded.bankId ?? 0;
  }, 240_000);

  it('imports an answer sheet, flags the planted key error, returns it to 待审 and exports the report', async () => {
    const folder = mkdtempSync(join(base, 'report-'));
    const gui = await launchGui({ dbFile, chooseFolder: () => Promise.resolve(folder) });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, MANAGER, `/banks/${bankId}/results`);

    const papers = (await gui.host.call('papers.list', { bankId, kind: 'theory' })) as { id: number; setLabel: string }[];
    const first = papers.find((p) => p.setLabel === '甲')!;
    const keys = keysOf((await gui.host.call('papers.get', { bankId, paperId: first.id })) as PaperOf);
    const planted = keys.find((k) => k.kind === 'singleChoice' && k.position > 30)!;
    const trueKey = planted.key === 'A' ? 'C' : 'A';
    const csv = sheetCsv(simulateSitting(keys, { candidates: 300, seed: 11, misKeyed: { position: planted.position, trueKey } }));

    await page.getByTestId('results-paper').click();
    await page.locator('.ant-select-item-option').filter({ hasText: `试卷 ${first.id}，` }).click();
    await page.getByTestId('results-label').fill('2026 年 11 月理论知识考试');
    await page.getByTestId('results-date').fill('2026-11-20');

    // a sheet that does not fit: refused, naming the line and the item, nothing imported
    const bad = `考号,${keys.map((k) => k.position).join(',')}\nA1,${keys.map((k) => (k.position === planted.position ? 'Z' : '')).join(',')}\n`;
    await page.getByTestId('results-file').setInputFiles({ name: '作答.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await page.getByTestId('results-import').click();
    await page.getByTestId('results-error').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('results-error').textContent()).toContain(`第 2 行第 ${planted.position} 题：作答“Z”含有本题没有的选项`);

    await page.getByTestId('results-file').setInputFiles({ name: '作答.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('results-import').click();
    await page.getByTestId('results-done').waitFor({ timeout: 60_000 });
    const done = (await page.getByTestId('results-done').textContent()) ?? '';
    expect(done).toContain('已导入第 1 场“2026 年 11 月理论知识考试”：300 名考生');
    expect(done).toContain('未读取的个人信息列（不保存）：姓名');
    expect(done).toContain(`第 ${planted.position} 题（试题 ${planted.itemId}）：干扰项 ${trueKey} 高分组选择率`);
    expect(done).toContain('已退回待审 1 道试题');
    await gui.screenshot('results-imported');

    // the analysis: the planted item first, with its stem and key; the report into the chosen folder
    await page.getByTestId('sitting-view').waitFor();
    expect(await page.getByTestId('sitting-figures').textContent()).toMatch(/300 名考生，平均分 [\d.]+\/100，标准差 [\d.]+，Cronbach α 0\.\d\d/);
    const firstRow = page.locator('[data-testid="sitting-items"] tbody tr.ant-table-row').first();
    expect(await firstRow.textContent()).toContain(`${planted.position}${planted.itemId}@${planted.version}`);
    expect(await firstRow.textContent()).toContain(`需复审`);
    expect(await firstRow.textContent()).toContain(`答案 ${planted.key}`);
    await page.getByTestId('sitting-report').click();
    await page.getByTestId('sitting-reported').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('sitting-reported').textContent()).toContain('试题分析报告.docx');
    expect(existsSync(join(folder, `制图员（机械）四级_中级工_第1场试题分析报告.docx`))).toBe(true);
    await gui.screenshot('results-analysis');

    // the item went back to 待审: a second return finds nothing left to send
    const item = (await gui.host.call('items.history', { bankId, itemId: planted.itemId })) as { item: { state: string } };
    expect(item.item.state).toBe('待审');
    await page.getByTestId('sitting-return').click();
    await page.getByTestId('sitting-returned').waitFor();
    expect(await page.getByTestId('sitting-returned').textContent()).toContain('已退回待审 0 道，1 道未退回');
    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
    guis.splice(guis.indexOf(gui), 1);
    await gui.close();
  }, 300_000);

  it('exports the theory items as a QTI 2.1 package and checks it back in as a dry run', async () => {
    const folder = mkdtempSync(join(base, 'qti-'));
    const gui = await launchGui({ dbFile, chooseFolder: () => Promise.resolve(folder) });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, MANAGER, `/banks/${bankId}/import`);
    await page.getByTestId('tab-qti').click();
    await page.getByTestId('qti-export').click();
    await page.getByTestId('qti-exported').waitFor({ timeout: 120_000 });
    const text = (await page.getByTestId('qti-exported').textContent()) ?? '';
    const exported = Number(/已导出 (\d+) 道试题/.exec(text)?.[1]);
    const inBank = ((await gui.host.call('items.list', { bankId })) as { kind: string; state: string }[]).filter((i) => i.kind === 'theory' && i.state === '入库').length;
    expect(exported).toBe(inBank);
    const zip = readdirSync(folder).find((n) => n.endsWith('.zip'))!;
    expect(text).toContain(join(folder, zip));

    // the same package back into the same bank: every item an exact duplicate, nothing saved
    await page.getByTestId('qti-file').setInputFiles(join(folder, zip));
    await page.getByTestId('qti-dry-run').click();
    await page.getByTestId('qti-report').waitFor({ timeout: 120_000 });
    const report = (await page.getByTestId('qti-report').textContent()) ?? '';
    expect(report).toContain(`预检：${exported} 道中 0 道可以导入（未保存）`);
    expect(report).toContain('与试题 1完全相同');
    expect(report).toContain(`另有 ${exported - 50} 项未列出`);
    await gui.screenshot('qti-exchange');
    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 300_000);
});
