/**
 * GUI: the 安全审计员's screen against the real services — the log filtered by actor (each row that
 * actor's, the total as the handler counts it), the verification with its result (countersigned), and
 * the registers exported as xlsx into the folder the folder picker gives.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/tmp.js';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { unlockAndLogin } from './login.js';
import { seedWorkstation } from './seed.js';

const guis: Gui[] = [];
const seedDir = mkdtempSync(join(tmpdir(), 'qbank-audit-seed-'));
let seedFile = '';
afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
  rmSync(seedDir, { recursive: true, force: true });
});

function copyOf(seed: string, to: string): string {
  for (const ext of ['', '-wal', '-shm']) if (existsSync(seed + ext)) copyFileSync(seed + ext, to + ext);
  return to;
}

/** Waits until nothing on the page is moving (dialogs opened or closed, alerts shown), for a clean screenshot. */
async function settled(page: Page): Promise<void> {
  await page.mouse.move(1430, 890);
  await page.waitForFunction(() => document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity && a.playState === 'running').length === 0);
}

describe.skipIf(!hasChromium)('GUI: 审计日志 (Chromium)', () => {
  const tempDir = useTempDir();

  beforeAll(async () => {
    if (hasChromium) seedFile = (await seedWorkstation(join(seedDir, 'qbank.db'), 'team')).dbFile;
  }, 240_000);

  it('the auditor filters the log by actor, verifies it and sees the result, and exports the registers to a folder', async () => {
    const dir = tempDir();
    const exportDir = join(dir, 'registers');
    const gui = await launchGui({ dbFile: copyOf(seedFile, join(dir, 'qbank.db')), chooseFolder: () => Promise.resolve(exportDir) });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, 'auditor', '/audit');
    await page.getByTestId('log-total').waitFor();
    const all = Number(/共 (\d+) 条/.exec((await page.getByTestId('log-total').textContent()) ?? '')?.[1]);
    expect(all).toBeGreaterThan(50);

    await page.getByTestId('filter-actor').fill('secadmin');
    await page.getByTestId('filter-search').click();
    await expect.poll(async () => Number(/共 (\d+) 条/.exec((await page.getByTestId('log-total').textContent()) ?? '')?.[1])).toBeLessThan(all);
    const total = Number(/共 (\d+) 条/.exec((await page.getByTestId('log-total').textContent()) ?? '')?.[1]);
    // the seed: the secadmin's first login and password change, 9 people, pledges, links and grants, logout
    expect(total).toBeGreaterThan(36);
    const actors = await page.locator('[data-testid="log-rows"] tbody tr.ant-table-row td:nth-child(3)').allTextContents();
    expect(actors.length).toBe(20);
    expect(new Set(actors)).toEqual(new Set(['secadmin']));
    expect(await page.getByTestId('log-rows').textContent()).toContain('登记保密责任书');
    await settled(page);
    await gui.screenshot('audit-log-filtered');

    await page.getByTestId('verify').click();
    await page.getByTestId('verify-result').waitFor({ timeout: 60_000 });
    const verdict = (await page.getByTestId('verify-result').textContent()) ?? '';
    expect(verdict).toContain('校验通过：审计日志完整');
    expect(verdict).toMatch(/数据库文件的 \d+ 页全部可读、未被改动/);
    expect(verdict).toMatch(/已副署校验点 #\d+（签署人 auditor/);
    await expect.poll(() => page.getByTestId('verify').getAttribute('class')).not.toContain('loading');
    await settled(page);
    await gui.screenshot('audit-verified');

    await page.getByTestId('export').click();
    await page.getByTestId('export-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('export-result').textContent()).toContain(`已导出 8 份登记表到 ${exportDir}`);
    await expect.poll(() => page.getByTestId('export').getAttribute('class')).not.toContain('loading');
    expect(readdirSync(exportDir).sort()).toEqual(
      ['调阅登记表.xlsx', '组卷登记表.xlsx', '销毁登记表.xlsx', '存档登记表.xlsx', '登录登记表.xlsx', '权限登记表.xlsx', '拒绝登记表.xlsx', '访问日志.xlsx'].sort(),
    );
    await settled(page);
    await gui.screenshot('audit-exported');
    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 240_000);
});
