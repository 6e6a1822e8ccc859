/**
 * GUI: 销毁登记 against the real services — the 安全保密管理员 opens the page from the admin menu and
 * records a destruction through the form, picking both people from the personnel register: the same
 * person twice and a date after today are refused in Chinese in the dialog; the entry then shows in the
 * list, and the register is exported into the folder the picker gives. The 安全审计员 sees the entry,
 * read only.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../app/domain/person.js';
import { useTempDir } from '../helpers/tmp.js';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { loginAs, unlockAndLogin } from './login.js';
import { seedWorkstation } from './seed.js';

const guis: Gui[] = [];
const seedDir = mkdtempSync(join(tmpdir(), 'qbank-destruction-seed-'));
let seedFile = '';
afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
  rmSync(seedDir, { recursive: true, force: true });
});

const DAY = 86_400_000;

function copyOf(seed: string, to: string): string {
  for (const ext of ['', '-wal', '-shm']) if (existsSync(seed + ext)) copyFileSync(seed + ext, to + ext);
  return to;
}

/** Waits until nothing on the page is moving (dialogs opened or closed, alerts shown). */
async function settled(page: Page): Promise<void> {
  await page.mouse.move(1430, 890);
  await page.waitForFunction(() => document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity && a.playState === 'running').length === 0);
}

/** Picks the option whose text starts with `text` in the antd Select with this test id (again if a click is lost). */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  const select = page.locator(`.ant-modal:visible [data-testid="${testId}"]`);
  for (let attempt = 0; ; attempt++) {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
    await settled(page);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
    const shown = await select.filter({ hasText: text }).waitFor({ timeout: 3000 }).then(() => true, () => false);
    if (shown) break;
    if (attempt === 2) throw new Error(`could not choose ${text} in ${testId}`);
  }
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/** The input of the form item labelled `label` in the open dialog. */
const field = (page: Page, label: string) => page.locator('.ant-modal:visible .ant-form-item').filter({ hasText: label }).locator('input').first();

describe.skipIf(!hasChromium)('GUI: 销毁登记 (Chromium)', () => {
  const tempDir = useTempDir();

  beforeAll(async () => {
    if (hasChromium) seedFile = (await seedWorkstation(join(seedDir, 'qbank.db'), 'team')).dbFile;
  }, 240_000);

  it('the 安全保密管理员 records a destruction through the form, sees Chinese refusals and the entry, and exports the register; the auditor reads it', async () => {
    const dir = tempDir();
    const exportDir = join(dir, 'registers');
    const gui = await launchGui({ dbFile: copyOf(seedFile, join(dir, 'qbank.db')), chooseFolder: () => Promise.resolve(exportDir) });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, 'secadmin');
    await page.getByTestId('menu-/admin/destruction').click();
    await page.getByTestId('destruction-page').waitFor();
    await page.getByTestId('destructions').getByText('没有销毁登记').waitFor();

    await page.getByTestId('destruction-record').click();
    await page.getByTestId('destruction-description').waitFor();
    await pick(page, 'destruction-kind', '纸质试卷');
    await page.getByTestId('destruction-description').fill('制图员四级 理论知识试卷 甲套（作废）');
    await field(page, '数量').fill('30');
    await field(page, '销毁方式').fill('焚毁');
    const yesterday = beijingDate(new Date(Date.now() - DAY));
    await page.getByTestId('destruction-date').fill(yesterday);
    await pick(page, 'destruction-destroyer', '张伟');
    await pick(page, 'destruction-witness', '张伟');
    await page.getByTestId('destruction-ok').click();
    const error = page.getByTestId('destruction-error');
    await error.filter({ hasText: '销毁登记：监销人: 销毁人和监销人必须是两个不同的人' }).waitFor();

    // another witness, but a date after today
    await pick(page, 'destruction-witness', '李强');
    await page.getByTestId('destruction-date').fill(beijingDate(new Date(Date.now() + 2 * DAY)));
    await page.getByTestId('destruction-ok').click();
    await error.filter({ hasText: /销毁日期: 销毁日期不能晚于今天（\d{4}-\d\d-\d\d）/ }).waitFor();
    await settled(page);
    await gui.screenshot('destruction-refused');

    await page.getByTestId('destruction-date').fill(yesterday);
    await page.getByTestId('destruction-ok').click();
    const notice = page.getByTestId('destruction-notice');
    await notice.filter({ hasText: `已登记销毁 1：纸质试卷 30 件（制图员四级 理论知识试卷 甲套（作废）），焚毁，${yesterday}，销毁人 张伟，监销人 李强` }).waitFor();
    const row = page.getByTestId('destruction-1');
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 9)).toEqual(['1', yesterday, '纸质试卷', '制图员四级 理论知识试卷 甲套（作废）', '30', '', '焚毁', '张伟', '李强']);
    expect(cells[10]).toContain('secadmin');

    // the filter by kind: none of 光盘
    await page.getByTestId('destruction-filter-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '光盘' }).click();
    await page.getByTestId('destructions').getByText('没有销毁登记').waitFor();
    await page.getByTestId('destruction-filter-kind').locator('.ant-select-clear').click({ force: true });
    await row.waitFor();

    await page.getByTestId('destruction-export').click();
    await notice.filter({ hasText: /^已导出 .*销毁登记表\.xlsx（\d+ 字节）$/ }).waitFor();
    expect(existsSync(join(exportDir, '销毁登记表.xlsx'))).toBe(true);
    await settled(page);
    await gui.screenshot('destruction-register');

    // the 安全审计员: the same page, read only
    await page.getByTestId('logout').click();
    await loginAs(gui, 'auditor');
    await page.getByTestId('menu-/admin/destruction').click();
    await page.getByTestId('destruction-read-only').waitFor();
    await page.getByTestId('destruction-1').waitFor();
    expect(await page.getByTestId('destruction-record').count()).toBe(0);

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 180_000);
});
