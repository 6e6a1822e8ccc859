/**
 * GUI: the occupation catalog — search in Chinese, open 制图员 (3-01-02-07) with its tracks and levels,
 * create a bank as its 题库管理员 and land on the new bank's 细目表 tab; an author's attempt is
 * refused with the service's Chinese message. In Chromium, against the real services.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { unlockAndLogin } from './login.js';
import { AUTHOR, MANAGER, seedWorkstation, copyWorkstation } from './seed.js';
import type { Page } from 'playwright-core';

const guis: Gui[] = [];
let dir = '';
let seeded = '';

beforeAll(async () => {
  if (!hasChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'qbank-e2e-catalog-'));
  seeded = (await seedWorkstation(join(dir, 'seed.db'), 'team')).dbFile;
}, 120_000);

afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Picks an option of the antd Select inside the form item labelled `label`. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select').first().click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

async function openDrafter(gui: Gui): Promise<void> {
  const { page } = gui;
  await page.getByTestId('catalog-search').locator('input').fill('制图');
  await page.getByTestId('catalog-search').locator('input').press('Enter');
  await page.getByTestId('open-3-01-02-07').waitFor();
  expect(await page.getByTestId('catalog-results').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
  expect(await page.getByTestId('catalog-results').textContent()).toContain('制图员');
}

describe.skipIf(!hasChromium)('GUI: occupation catalog and new bank (Chromium)', () => {
  it('finds 制图员 by a Chinese word, shows its tracks and levels, creates a 四级 bank and opens its 细目表 tab', async () => {
    const gui = await launchGui({ dbFile: copyWorkstation(seeded, dir, 'manager') });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, MANAGER, '/catalog');
    await page.getByTestId('catalog-search').waitFor();
    expect(await page.getByTestId('secrecy-banner').getAttribute('data-mark')).toBe('');
    await openDrafter(gui);
    await gui.screenshot('catalog-search');

    await page.getByTestId('open-3-01-02-07').click();
    await page.getByTestId('occupation-title').waitFor();
    expect(await page.getByTestId('occupation-title').textContent()).toBe('制图员（3-01-02-07）');
    const levels = (await page.getByTestId('occupation-levels').textContent()) ?? '';
    expect(levels).toContain('机械：四级/中级工、三级/高级工');
    expect(page.url()).toContain('code=3-01-02-07');

    await choose(page, '方向/工种', '机械（方向）');
    await choose(page, '级别', '四级/中级工');
    expect(await page.getByTestId('create-name').getAttribute('placeholder')).toContain('制图员（机械）四级/中级工 题库');
    expect(await page.getByTestId('create-mark').textContent()).toContain('机密★启用前');
    await gui.screenshot('catalog-occupation');
    await page.getByTestId('create-bank').click();

    await page.getByTestId('bank-title').waitFor();
    expect(page.url()).toMatch(/#\/banks\/\d+\/elements$/);
    expect(await page.getByTestId('bank-title').textContent()).toContain('制图员（机械）四级/中级工（3-01-02-07）');
    await page.getByTestId('theory-empty').waitFor();
    await gui.screenshot('catalog-created');

    // the new bank is listed under its occupation
    await gui.open('/catalog?q=制图&code=3-01-02-07');
    await page.getByTestId('occupation-banks').getByText('制图员（机械）四级/中级工 题库').waitFor();

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 120_000);

  it('shows the service refusal when an author tries to create a bank', async () => {
    const gui = await launchGui({ dbFile: copyWorkstation(seeded, dir, 'author') });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, AUTHOR, '/catalog?q=制图&code=3-01-02-07');
    await page.getByTestId('occupation-title').waitFor();
    await choose(page, '方向/工种', '机械（方向）');
    await choose(page, '级别', '四级/中级工');
    await page.getByTestId('create-bank').click();
    await page.getByTestId('create-error').waitFor();
    expect(await page.getByTestId('create-error').textContent()).toContain('权限不足：“新建题库”需要题库管理员身份');
    expect(page.url()).toContain('#/catalog');
    await gui.screenshot('catalog-refused');

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 120_000);
});
