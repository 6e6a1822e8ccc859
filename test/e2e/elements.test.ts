/**
 * GUI: the bank's 细目表 and 内容结构表 tab on the sample bank — the theory 细目表 as a tree with 比重
 * and X/Y/Z, an edit that breaks the 比重 sum (live warning from the domain's rules, saving blocked),
 * fixed and saved as a new version; the sample 细目表 imported from its xlsx through the file input;
 * both tables exported into the folder the desktop's picker returns (an xlsx, bytes `PK`); a reviewer's
 * save refused in the service's words. In Chromium, against the real services.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
  dir = mkdtempSync(join(tmpdir(), 'qbank-e2e-elements-'));
  const seed = await seedWorkstation(join(dir, 'seed.db'), 'bank');
  seeded = seed.dbFile;
  bankId = seed.bankId ?? 0;
}, 120_000);

afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openTab(username: string, name: string, outDir?: string): Promise<Gui> {
  const gui = await launchGui({ dbFile: copyWorkstation(seeded, dir, name), ...(outDir ? { chooseFolder: async () => outDir } : {}) });
  guis.push(gui);
  await unlockAndLogin(gui, username, `/banks/${bankId}/elements`);
  await gui.page.getByTestId('theory-tree').waitFor();
  return gui;
}

const text = async (gui: Gui, testId: string) => (await gui.page.getByTestId(testId).textContent()) ?? '';

describe.skipIf(!hasChromium)('GUI: 细目表 and 内容结构表 (Chromium)', () => {
  it('shows the tree, warns live about a wrong 比重 sum, saves the fixed table, imports the sample xlsx and exports both tables', async () => {
    const outDir = join(dir, 'export');
    mkdirSync(outDir);
    const gui = await openTab(MANAGER, 'manager', outDir);
    const { page } = gui;

    // the stored table: tree with 比重 and X/Y/Z, checks passed, X/Y/Z shares of the sample
    expect(await text(gui, 'theory-version')).toBe('第 1 版');
    expect(await page.getByTestId('checks').getAttribute('data-errors')).toBe('0');
    expect(await text(gui, 'weight-total')).toBe('100');
    expect(await text(gui, 'theory-shares')).toContain('鉴定点 113 个');
    await page.getByTestId('theory-tree').getByText('A-A-A-001').waitFor();
    expect(await text(gui, 'theory-tree')).toContain('职业道德的基本概念');
    await gui.screenshot('elements-tree');

    // edit: a top-level 比重 off by 5 → the domain's rules say so at once, saving is blocked
    await page.getByTestId('edit-theory').click();
    await page.getByTestId('weight-A').fill('30');
    await page.getByTestId('check-errors').waitFor();
    expect(await text(gui, 'check-errors')).toContain('鉴定比重之和为 105，应等于 100');
    expect(await text(gui, 'weight-total')).toContain('105');
    expect(await text(gui, 'child-sum-A')).toBe('下级合计 25');
    expect(await page.getByTestId('save-theory').isDisabled()).toBe(true);
    await gui.screenshot('elements-edit-wrong-sum');

    // fixed, and a 鉴定点 moved from X to Y: saved as version 2
    await page.getByTestId('weight-A').fill('25');
    await page.getByTestId('check-errors').waitFor({ state: 'detached' });
    expect(await page.getByTestId('checks').getAttribute('data-errors')).toBe('0');
    await page.getByTestId('importance-A-A-A-001').getByText('Y', { exact: true }).click();
    expect(await text(gui, 'theory-shares')).toContain('(91:17:5)');
    await page.getByTestId('save-theory').click();
    await page.getByTestId('theory-outcome').waitFor();
    expect(await text(gui, 'theory-outcome')).toContain('已保存理论知识考核要素细目表第 2 版');
    await page.getByTestId('theory-version').filter({ hasText: '第 2 版' }).waitFor();
    expect(await text(gui, 'theory-shares')).toContain('(91:17:5)');
    await gui.screenshot('elements-saved');

    // the sample 细目表 imported again from its xlsx: version 3, the 鉴定点 back to X
    await page.getByTestId('import-theory').setInputFiles(join(SAMPLE_FILES, SAMPLE_FILE.elementTable));
    await page.getByText('保存为第 3 版').waitFor();
    await page.getByTestId('theory-version').filter({ hasText: '第 3 版' }).waitFor();
    expect(await text(gui, 'theory-shares')).toContain('(92:16:5)');
    await gui.screenshot('elements-imported');

    // export: both tables written into the folder the picker returned
    await page.getByTestId('export-tables').click();
    await page.getByTestId('export-outcome').waitFor();
    expect(await text(gui, 'export-outcome')).toContain('已写入');
    const files = readdirSync(outDir).sort();
    expect(files).toEqual(['技能考核内容结构表.xlsx', '理论知识考核要素细目表_四级_中级工.xlsx']);
    for (const f of files) expect(readFileSync(join(outDir, f)).subarray(0, 2).toString('latin1')).toBe('PK');
    await gui.screenshot('elements-exported');

    await page.getByTestId('tab-practical').click();
    await page.getByTestId('structure-level-4').waitFor();
    await gui.screenshot('elements-practical');

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 180_000);

  it('shows the refusal when a reviewer saves the 细目表', async () => {
    const gui = await openTab(REVIEWER, 'reviewer');
    const { page } = gui;
    await page.getByTestId('edit-theory').click();
    await page.getByTestId('importance-A-A-A-001').getByText('Z', { exact: true }).click();
    await page.getByTestId('save-theory').click();
    await page.getByTestId('theory-outcome').waitFor();
    expect(await text(gui, 'theory-outcome')).toContain('权限不足：“保存理论知识考核要素细目表”需要题库管理员身份');
    expect(await page.getByTestId('theory-outcome').getAttribute('data-type')).toBe('error');
    await gui.screenshot('elements-refused');
    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 120_000);

  it('edits the 内容结构表 with its checks live and saves it', async () => {
    const gui = await openTab(MANAGER, 'practical');
    const { page } = gui;
    await page.getByTestId('tab-practical').click();
    await page.getByTestId('structure-level-4').waitFor();
    await page.getByTestId('edit-practical').click();
    const weight = page.getByTestId('structure-level-4').locator('[data-testid^="structure-weight-4-"]').first();
    const before = await weight.inputValue();
    await weight.fill(String(Number(before) + 10));
    await page.getByTestId('check-errors').waitFor();
    expect(await text(gui, 'check-errors')).toContain('应等于 100');
    expect(await page.getByTestId('save-practical').isDisabled()).toBe(true);
    await gui.screenshot('elements-practical-wrong-sum');
    await weight.fill(before);
    await page.getByTestId('check-errors').waitFor({ state: 'detached' });
    await page.getByTestId('save-practical').click();
    await page.getByText('已保存技能考核内容结构表第 2 版').waitFor();
    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 120_000);
});
