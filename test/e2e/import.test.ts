/**
 * GUI: the import tab on the sample bank — the sample item workbook dry-run (a row per item), then
 * imported as a background job with progress to its report; the Word file with its duplicates of the
 * bank shown side by side, imported after choosing valid rows only and keeping the near ones; the
 * bank's duplicates compared; the coverage of the 细目表 for 3 sets (and 5); a reviewer's import
 * refused in the service's words. In Chromium, against the real services.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { unlockAndLogin } from './login.js';
import { MANAGER, REVIEWER, SAMPLE_FILE, SAMPLE_FILES, seedWorkstation, copyWorkstation } from './seed.js';

const guis: Gui[] = [];
let dir = '';
let seeded = '';
let bankId = 0;

beforeAll(async () => {
  if (!hasChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'qbank-e2e-import-'));
  const seed = await seedWorkstation(join(dir, 'seed.db'), 'bank');
  seeded = seed.dbFile;
  bankId = seed.bankId ?? 0;
}, 120_000);

afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openTab(username: string, name: string): Promise<Gui> {
  const gui = await launchGui({ dbFile: copyWorkstation(seeded, dir, name) });
  guis.push(gui);
  await unlockAndLogin(gui, username, `/banks/${bankId}/import`);
  await gui.page.getByTestId('import-choose').waitFor();
  return gui;
}

const text = async (gui: Gui, testId: string) => (await gui.page.getByTestId(testId).textContent()) ?? '';
const mark = (gui: Gui) => gui.page.getByTestId('secrecy-banner').getAttribute('data-mark');

describe.skipIf(!hasChromium)('GUI: import wizard, duplicates and coverage (Chromium)', () => {
  it('dry-runs and imports the sample workbook, then the Word file with its duplicates side by side; compares duplicates; shows coverage for 3 sets', async () => {
    const gui = await openTab(MANAGER, 'manager');
    const { page } = gui;

    // 1. the workbook: chosen, 入库 (a sample bank), dry run → a row per item, nothing saved
    await page.getByTestId('import-file').setInputFiles(join(SAMPLE_FILES, SAMPLE_FILE.items));
    await page.getByTestId('import-file-name').getByText(SAMPLE_FILE.items).waitFor();
    await page.getByTestId('import-state').getByText('入库（仅样例题库）').click();
    expect(await mark(gui)).toBe('');
    await gui.screenshot('import-choose');
    await page.getByTestId('start-dry-run').click();
    await page.getByTestId('dry-run').waitFor();
    expect(await text(gui, 'dry-run-verdict')).toContain('按当前选项将导入 500 道试题');
    expect(await text(gui, 'dry-run-counts')).toContain('500');
    expect(await page.getByTestId('preview-table').locator('tbody tr').count()).toBe(50);
    expect(await text(gui, 'preview-table')).toContain('理论知识试题 第4行');
    expect(await text(gui, 'preview-table')).toContain('正确选项明显最长');
    expect(await mark(gui)).toBe('机密');
    await gui.screenshot('import-dry-run');

    // 2. the import for real, as a job with progress, to its report
    await page.getByTestId('run-import').click();
    await page.getByTestId('job-progress').waitFor();
    await gui.screenshot('import-progress');
    await page.getByTestId('import-report').waitFor();
    expect(await text(gui, 'import-report-title')).toBe('已导入 500 道试题');
    expect(await text(gui, 'import-report-lint')).toContain('理论知识试题 第48行');
    await gui.screenshot('import-report');

    // 3. the Word file: exact copies refused, near ones waiting — shown beside the bank's items
    await page.getByTestId('import-again').click();
    await page.getByTestId('import-file').setInputFiles(join(SAMPLE_FILES, SAMPLE_FILE.word));
    await page.getByTestId('start-dry-run').click();
    await page.getByTestId('near-duplicates').waitFor();
    expect(await text(gui, 'dry-run-verdict')).toContain('按当前选项不会导入任何试题');
    const near = page.getByTestId('near-duplicates');
    expect(await near.locator('tbody tr').count()).toBe(8);
    expect(await near.textContent()).toContain('完全相同');
    expect(await near.textContent()).toContain('待决定');
    await near.getByText('题库中的试题 332').waitFor();
    await near.getByTestId('bank-item-332').waitFor();
    expect((await near.getByTestId('bank-item-332').textContent())?.length).toBeGreaterThan(10);
    expect(await page.getByTestId('run-import').isDisabled()).toBe(true);
    await near.scrollIntoViewIfNeeded();
    await gui.screenshot('import-docx-near-duplicates');

    // valid rows only, near-duplicates kept: the exact copies stay out, 169 items come in
    await page.getByTestId('dry-run-back').click();
    await page.getByTestId('import-valid-only').click();
    await page.getByTestId('start-dry-run').click();
    await page.getByTestId('near-decision').getByText('全部保留').click();
    await near.getByText('保留').first().waitFor();
    expect(await text(gui, 'dry-run-verdict')).toContain('按当前选项将导入 169 道试题');
    await page.getByTestId('run-import').click();
    await page.getByTestId('import-report-title').waitFor();
    expect(await text(gui, 'import-report-title')).toBe('已导入 169 道试题');

    // 4. the bank's duplicates, a pair compared side by side
    await page.getByTestId('tab-duplicates').click();
    await page.getByTestId('find-duplicates').click();
    await page.getByTestId('duplicates-table').waitFor();
    expect(await text(gui, 'duplicates-summary')).toMatch(/找到 [1-9]\d* 对/);
    await page.getByTestId('duplicates-table').locator('.ant-table-row-expand-icon').first().click();
    await page.locator('[data-testid^="compare-"] [data-testid^="dup-item-"]').nth(1).waitFor();
    expect(await mark(gui)).toBe('机密');
    await gui.screenshot('import-duplicates');

    // 5. coverage of the 细目表 for 3 sets, then 5
    await page.getByTestId('tab-coverage').click();
    await page.getByTestId('coverage-table').getByText('基本要求').waitFor();
    expect(await page.getByTestId('coverage-sets').inputValue()).toBe('3');
    expect(await text(gui, 'coverage-table')).toContain('3 套需要');
    expect(await text(gui, 'coverage-summary')).toMatch(/试题不足|均充足/);
    expect(await mark(gui)).toBe('');
    await gui.screenshot('import-coverage');
    await page.getByTestId('coverage-sets').fill('5');
    await page.getByTestId('coverage-table').getByText('5 套需要').waitFor();

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 240_000);

  it('shows the service refusal when a reviewer imports', async () => {
    const gui = await openTab(REVIEWER, 'reviewer');
    const { page } = gui;
    await page.getByTestId('import-file').setInputFiles(join(SAMPLE_FILES, SAMPLE_FILE.items));
    await page.getByTestId('start-dry-run').click();
    await page.getByTestId('import-error').waitFor();
    expect(await text(gui, 'import-error')).toContain('权限不足：“导入试题”需要题库管理员或命题人员身份');
    await gui.screenshot('import-refused');
    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 120_000);
});
