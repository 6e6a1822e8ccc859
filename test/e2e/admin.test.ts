/**
 * GUI: administration by role against the real services — the 系统管理员 creates an account and sees
 * its one-time password once, tries to grant a role and is refused in Chinese (granting is the
 * 安全保密管理员's); the 安全保密管理员 sees the 三员分立 clash before granting, grants, registers the
 * person and a 保密责任书 ending soon with its scan, and the people page warns in colour; the access
 * and policy pages.
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
const seedDir = mkdtempSync(join(tmpdir(), 'qbank-admin-seed-'));
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

/** A tiny PNG (the pledge's scan). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function openMenu(page: Page, path: string): Promise<void> {
  await page.getByTestId(`menu-${path}`).click();
}

/** Waits until no dialog is on screen (closed and its animation over). */
async function dialogsGone(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-modal-wrap:visible, .ant-modal-mask:visible').count()).toBe(0);
}

async function grant(page: Page, username: string, roles: readonly string[]): Promise<void> {
  await page.getByTestId(`grant-${username}`).click();
  for (const role of roles) await page.getByTestId('grant-roles').getByText(role, { exact: true }).click();
}

/** Waits until nothing on the page is moving (dialogs opened or closed, alerts shown), for a clean screenshot. */
async function settled(page: Page): Promise<void> {
  await page.mouse.move(1430, 890);
  await page.waitForFunction(() => document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity && a.playState === 'running').length === 0);
}

describe.skipIf(!hasChromium)('GUI: 管理 (Chromium)', () => {
  const tempDir = useTempDir();

  beforeAll(async () => {
    if (hasChromium) seedFile = (await seedWorkstation(join(seedDir, 'qbank.db'), 'team')).dbFile;
  }, 240_000);

  it('sysadmin creates an account and sees its one-time password once; granting a role is refused in Chinese', async () => {
    const gui = await launchGui({ dbFile: copyOf(seedFile, join(tempDir(), 'qbank.db')) });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, 'sysadmin', '/admin/accounts');
    await page.getByTestId('account-zhangwei').waitFor();
    expect(await page.getByTestId('role-separation').textContent()).toContain('三员分立');
    await page.getByTestId('create-account').click();
    await page.getByTestId('new-username').fill('xiaoming');
    await page.getByTestId('new-display-name').fill('小明');
    await page.getByTestId('create-account-ok').click();
    const password = (await page.getByTestId('one-time-password').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    await settled(page);
    await gui.screenshot('admin-one-time-password');
    await page.getByTestId('one-time-done').click();
    await page.getByTestId('account-xiaoming').waitFor();
    await dialogsGone(page);
    expect(await page.getByTestId('account-xiaoming').textContent()).toContain('待首次改口令');
    // shown once: gone from the page once closed
    await page.getByTestId('one-time-password').waitFor({ state: 'detached' });

    await grant(page, 'xiaoming', ['命题人员']);
    // the system asks for reduced motion (harness): the dialog opened without an animation
    expect(await page.evaluate(() => document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => `${(a as CSSAnimation).animationName ?? ''} ${String((a.effect as KeyframeEffect | null)?.target?.className ?? '')}`))).toEqual([]);
    await page.getByTestId('grant-ok').click();
    await page.getByTestId('grant-error').waitFor();
    expect(await page.getByTestId('grant-error').textContent()).toBe('权限不足：“授予角色”需要安全保密管理员身份');
    await settled(page);
    await gui.screenshot('admin-grant-refused');
    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 180_000);

  it('secadmin sees the 三员分立 clash, grants a role, registers a person and a pledge with its scan; the people page warns of the expiry', async () => {
    const gui = await launchGui({ dbFile: copyOf(seedFile, join(tempDir(), 'qbank.db')) });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, 'sysadmin', '/admin/accounts');
    await page.getByTestId('create-account').click();
    await page.getByTestId('new-username').fill('xiaoming');
    await page.getByTestId('new-display-name').fill('小明');
    await page.getByTestId('create-account-ok').click();
    await page.getByTestId('one-time-done').click();
    await page.getByTestId('logout').click();
    await loginAs(gui, 'secadmin');

    await openMenu(page, '/admin/accounts');
    await grant(page, 'xiaoming', ['命题人员', '安全审计员']);
    await page.getByTestId('grant-clashes').waitFor();
    expect(await page.getByTestId('grant-clashes').textContent()).toContain('安全审计员不能兼任命题人员');
    await settled(page);
    await gui.screenshot('admin-grant-clash');
    await page.getByTestId('grant-roles').getByText('安全审计员', { exact: true }).click();
    expect(await page.getByTestId('grant-clashes').count()).toBe(0);
    await page.getByTestId('grant-ok').click();
    await page.getByTestId('accounts-notice').waitFor();
    expect(await page.getByTestId('accounts-notice').textContent()).toBe('已授予 xiaoming：命题人员');
    expect(await page.getByTestId('account-xiaoming').textContent()).toContain('命题人员');
    await dialogsGone(page);
    await settled(page);
    await gui.screenshot('admin-accounts-secadmin');

    await openMenu(page, '/admin/people');
    await page.getByTestId('person-张伟').waitFor();
    await page.getByTestId('add-person').click();
    await page.getByTestId('person-name').fill('小明');
    await page.getByTestId('person-unit').fill('样例技师学院');
    await page.getByTestId('person-phone').fill('020-8000-0999');
    await page.getByTestId('person-ok').click();
    await page.getByTestId('person-小明').waitFor();
    expect(await page.getByTestId('pledge-status-小明').textContent()).toBe('未登记');

    const today = beijingDate(new Date());
    const soon = beijingDate(new Date(Date.now() + 10 * 86_400_000));
    await page.getByTestId('pledge-小明').click();
    await page.getByTestId('pledge-signed').fill(today);
    await page.getByTestId('pledge-expires').fill(soon);
    await page.getByTestId('pledge-scope').fill('制图员（机械）四级 题库命题');
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '保密责任书.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('pledge-scan-chosen').waitFor();
    await page.getByTestId('pledge-ok').click();
    await page.getByTestId('people-notice').waitFor();
    expect(await page.getByTestId('people-notice').textContent()).toBe('已登记 小明 的保密责任书');
    const status = page.getByTestId('pledge-status-小明');
    expect(await status.textContent()).toBe('10 天后到期');
    expect(await status.locator('.ant-tag').getAttribute('class')).toContain('orange');
    expect(await page.getByTestId('person-小明').textContent()).toContain('有扫描件');
    await dialogsGone(page);
    await page.getByTestId('person-小明').scrollIntoViewIfNeeded();
    await settled(page);
    await gui.screenshot('admin-people-expiry');

    await openMenu(page, '/admin/access');
    await page.getByText('题库授权').first().waitFor();
    await settled(page);
    await gui.screenshot('admin-access-empty');
    await openMenu(page, '/admin/policy');
    await page.getByTestId('policy-minLength').waitFor();
    await settled(page);
    await gui.screenshot('admin-policy');

    // the dashboard lists what waits for the 安全保密管理员: the pledge ending soon, the account without a person
    await openMenu(page, '/');
    await page.getByTestId('duty-pledgesExpiring').waitFor();
    expect(await page.getByTestId('duty-pledgesExpiring').textContent()).toContain(`小明（${soon}）`);
    expect(await page.getByTestId('duty-accountsUnlinked').textContent()).toContain('xiaoming');
    await settled(page);
    await gui.screenshot('dashboard-secadmin-duties');
    await page.getByTestId('duty-link-pledgesExpiring').click();
    await page.getByTestId('person-小明').waitFor();
    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 180_000);
});
