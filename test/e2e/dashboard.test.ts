/**
 * GUI: the 工作台 against the real services — the manager's row of the sample bank (细目表 and 结构表
 * with versions, items by state, sets below three, no submission yet) with its blockers, each a link
 * that opens the tab where it is fixed; the 安全保密管理员's duties and the bank as far as they may
 * see it; the 安全审计员's log to verify.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/tmp.js';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { loginAs, unlockAndLogin } from './login.js';
import { MANAGER, seedWorkstation } from './seed.js';

const guis: Gui[] = [];
const seedDir = mkdtempSync(join(tmpdir(), 'qbank-dashboard-seed-'));
let seeded = { dbFile: '', bankId: 0 };
afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
  rmSync(seedDir, { recursive: true, force: true });
});

/** A fresh copy of the seeded workstation (database and its WAL/SHM if any). */
function copyOf(seed: string, to: string): string {
  for (const ext of ['', '-wal', '-shm']) if (existsSync(seed + ext)) copyFileSync(seed + ext, to + ext);
  return to;
}

const hash = (page: Page) => page.evaluate(() => window.location.hash);

/** The blocker link of the bank's row whose text contains `text`. */
function blocker(page: Page, bankId: number, text: string) {
  return page.getByTestId(`blockers-${bankId}`).locator('a').filter({ hasText: text }).first();
}

/** Waits until nothing on the page is moving (dialogs opened or closed, alerts shown), for a clean screenshot. */
async function settled(page: Page): Promise<void> {
  await page.mouse.move(1430, 890);
  await page.waitForFunction(() => document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity && a.playState === 'running').length === 0);
}

describe.skipIf(!hasChromium)('GUI: 工作台 (Chromium)', () => {
  const tempDir = useTempDir();

  beforeAll(async () => {
    if (!hasChromium) return;
    const out = await seedWorkstation(join(seedDir, 'qbank.db'), 'items');
    seeded = { dbFile: out.dbFile, bankId: out.bankId ?? 0 };
  }, 240_000);

  it('shows the manager the bank with what blocks the next step, each blocker a link to the tab that fixes it', async () => {
    const gui = await launchGui({ dbFile: copyOf(seeded.dbFile, join(tempDir(), 'qbank.db')) });
    guis.push(gui);
    const { page } = gui;
    const id = seeded.bankId;
    await unlockAndLogin(gui, MANAGER, '/');
    const row = page.getByTestId(`bank-row-${id}`);
    await row.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId(`tables-${id}`).textContent()).toMatch(/细目表 v1（113 个鉴定点）.*结构表 v1（\d+ 个模块）/);
    expect(await page.getByTestId(`items-${id}`).textContent()).toMatch(/共 \d+ 道.*入库 \d+/);
    expect(await page.getByTestId(`sets-${id}`).textContent()).toContain('理论 0 套');
    expect(await page.getByTestId(`sets-${id}`).textContent()).toContain('不足 3 套');
    expect(await page.getByTestId(`documents-${id}`).textContent()).toBe('尚未生成');
    const blockers = await page.getByTestId(`blockers-${id}`).locator('li').allTextContents();
    expect(blockers).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^组卷理论知识试卷只有 0 套/),
        expect.stringMatching(/^组卷技能考核试卷只有 0 套/),
        expect.stringMatching(/^申报材料编制说明引用的国家职业技能标准没有版本年份/),
      ]),
    );
    await settled(page);
    await gui.screenshot('dashboard-manager');

    // every blocker links to the tab that fixes it (组卷 for the sets, 申报材料 for the notes)
    expect(await blocker(page, id, '技能考核试卷只有 0 套').getAttribute('href')).toBe(`#/banks/${id}/assembly`);
    await blocker(page, id, '理论知识试卷只有 0 套').click();
    await expect.poll(() => hash(page)).toBe(`#/banks/${id}/assembly`);
    await page.getByTestId('bank-title').waitFor();
    await page.getByTestId('menu-/').click();
    await blocker(page, id, '没有版本年份').click();
    await expect.poll(() => hash(page)).toBe(`#/banks/${id}/documents`);
    await page.getByTestId('bank-title').waitFor();
    await page.getByTestId('menu-/').click();
    await page.getByTestId(`tables-${id}`).click();
    await expect.poll(() => hash(page)).toBe(`#/banks/${id}/elements`);
    await page.getByTestId('menu-/').click();
    expect(await page.getByTestId(`sets-${id}`).getAttribute('href')).toBe(`#/banks/${id}/assembly`);
    await page.getByTestId(`items-${id}`).click();
    await expect.poll(() => hash(page)).toBe(`#/banks/${id}/items`);
    await page.getByTestId('bank-title').waitFor();
    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 180_000);

  it('shows the 三员 their duties with links, and the bank only as far as they may see it', async () => {
    const gui = await launchGui({ dbFile: copyOf(seeded.dbFile, join(tempDir(), 'qbank.db')) });
    guis.push(gui);
    const { page } = gui;
    const id = seeded.bankId;
    await unlockAndLogin(gui, 'secadmin', '/');
    await page.getByTestId('dashboard-duties').waitFor();
    await page.getByTestId(`bank-row-${id}`).waitFor();
    // the secadmin sees the bank and its members, not its items; only the gaps that are theirs
    expect(await page.getByTestId(`bank-row-${id}`).textContent()).toContain('管理 1 · 命题 3 · 审核 5');
    expect(await page.getByTestId(`items-${id}`).count()).toBe(0);
    expect(await page.getByTestId(`bank-${id}`).count()).toBe(0);
    expect(await page.getByTestId('dashboard-duties').textContent()).toMatch(/目前没有待办事项|待办|提示/);
    await settled(page);
    await gui.screenshot('dashboard-secadmin');
    // the bank's members on the 题库授权 page
    await page.getByTestId('menu-/admin/access').click();
    await page.getByTestId('access-members').getByText('zhangwei').waitFor();
    expect(await page.getByTestId('access-members').locator('tbody tr').count()).toBe(9);
    await settled(page);
    await gui.screenshot('admin-access');

    await page.getByTestId('logout').click();
    await loginAs(gui, 'auditor');
    await page.getByTestId('menu-/').click();
    await page.getByTestId('log-state').waitFor();
    expect(await page.getByTestId('log-state').textContent()).toMatch(/审计日志共 \d+ 条，从未校验/);
    expect(await page.getByTestId('duty-neverVerified').textContent()).toContain('审计日志还从未校验过');
    expect(await page.getByTestId('dashboard-banks').count()).toBe(0);
    await settled(page);
    await gui.screenshot('dashboard-auditor');
    await page.getByTestId('duty-link-neverVerified').click();
    await expect.poll(() => hash(page)).toBe('#/audit');
    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 180_000);
});
