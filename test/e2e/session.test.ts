/**
 * GUI: first run, login with the one-time password and the forced change, lock and unlock, the
 * lockout after repeated wrong passwords, reopening with the passphrase — in Chromium, against the
 * real services.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/tmp.js';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { PASSPHRASE, PASSWORD, seedWorkstation } from './seed.js';
import { firstLogin } from './login.js';

const guis: Gui[] = [];
afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
});

describe.skipIf(!hasChromium)('GUI: first run and sessions (Chromium)', () => {
  const tempDir = useTempDir();

  it('creates the workstation, shows the 三员 passwords once, forces the password change, locks and unlocks', async () => {
    const dbFile = join(tempDir(), 'qbank.db');
    const gui = await launchGui({ dbFile });
    guis.push(gui);
    const { page } = gui;
    await gui.open();
    await page.getByText('首次设置：创建加密工作站').waitFor();
    await page.getByTestId('passphrase').fill('short');
    await expect(page.getByTestId('strength-text').textContent()).resolves.toContain('工作站口令至少 12 个字符');
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
    await expect(page.getByTestId('strength-text').textContent()).resolves.toMatch(/合格|较强|强/);
    await gui.screenshot('01-first-run');
    await page.getByTestId('create').click();
    await page.getByText('三员账号与一次性口令').waitFor({ timeout: 20_000 });
    const rows = await page.locator('[data-testid="admins"] tbody tr').allTextContents();
    expect(rows.map((r) => r.slice(0, 8))).toEqual(expect.arrayContaining([expect.stringContaining('sysadmin'), expect.stringContaining('secadmin'), expect.stringContaining('auditor')]));
    const oneTime = (await page.locator('[data-testid="admins"] tbody tr').first().locator('code').textContent()) ?? '';
    await gui.screenshot('02-one-time-passwords');
    await page.getByTestId('admins-done').click();

    await firstLogin(gui, 'sysadmin', oneTime, () => gui.screenshot('03-login'));
    expect(await page.getByTestId('current-user').textContent()).toContain('系统管理员');

    await page.getByTestId('lock').click();
    await page.getByTestId('lock-intro').waitFor();
    expect(await page.getByTestId('lock-intro').textContent()).toContain('sysadmin');
    await gui.screenshot('04-lock-screen');
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('login').click();
    await page.getByTestId('current-user').waitFor();

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 120_000);

  it('opens an existing workstation, refuses a wrong passphrase in Chinese and locks an account after five wrong passwords', async () => {
    const { dbFile } = await seedWorkstation(join(tempDir(), 'qbank.db'), 'admins');
    const gui = await launchGui({ dbFile });
    guis.push(gui);
    const { page } = gui;
    await gui.open();
    await page.getByText('打开工作站').first().waitFor();
    await page.getByTestId('passphrase').fill('不是这个口令-Wrong-1');
    await page.getByTestId('open').click();
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('error').textContent()).toContain('口令不正确');
    await gui.screenshot('05-unlock-wrong-passphrase');
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('open').click();
    await page.getByTestId('username').waitFor();

    for (let i = 0; i < 5; i++) {
      await page.getByTestId('username').fill('secadmin');
      await page.getByTestId('password').fill(`wrong-${i}`);
      await page.getByTestId('login').click();
      await page.getByTestId('error').waitFor();
      await page.waitForTimeout(50);
    }
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('login').click();
    await page.getByText(/已锁定|锁定/).first().waitFor();
    expect(await page.getByTestId('error').textContent()).toMatch(/锁定/);
    await gui.screenshot('06-lockout');
    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 120_000);
});
