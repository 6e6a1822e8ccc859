/**
 * GUI: encrypted discs against the real services. The manager runs the 报送光盘 wizard on a bank whose
 * submission the panel signed — recipient, folder (the picker), no recorder, CMS copy — and sees the
 * image read back and verified and the plaintext folder wiped; the .iso is there, the folder gone; he
 * exports a 题库传递 disc too and imports it as a dry run. The 安全审计员 opens the submission disc on
 * 光盘与备份 › 打开光盘包 with the upload station's .p12: a wrong password is refused in Chinese, the
 * right one verifies and decrypts every file. The 系统管理员 makes a backup and checks it (备份可恢复, with
 * the restore command). On a machine with eth0 up the air-gap dialog opens after login naming eth0; the
 * 安全保密管理员 switches the policy to refuse on 安全策略 and the next login says exports are refused.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wiredAirGap } from './airgap-views.js';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { loginAs, unlockAndLogin } from './login.js';
import { copyWorkstation, MANAGER } from './seed.js';
import { seedDiscs, STATION, type DiscSeed } from './seed-discs.js';

const guis: Gui[] = [];
let base = '';
afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
  if (base !== '') rmSync(base, { recursive: true, force: true });
});

async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => (window.location.hash = r), route);
}

/** Closes a window (its host holds the database open) before the next test opens the same file. */
async function finish(gui: Gui): Promise<void> {
  expect(gui.blocked).toEqual([]);
  expect(gui.errors).toEqual([]);
  guis.splice(guis.indexOf(gui), 1);
  await gui.close();
}

async function logout(gui: Gui): Promise<void> {
  await gui.page.getByTestId('logout').click();
  await gui.page.getByTestId('username').waitFor();
}

describe.skipIf(!hasChromium)('GUI: 加密光盘与备份 (Chromium)', () => {
  let seed: DiscSeed;
  let dbFile = '';
  let discs = '';
  let image = '';
  /** What the desktop's folder picker answers next. */
  let picked = '';

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'qbank-discs-'));
    seed = await seedDiscs(join(base, 'seed.db'), join(base, '报送材料'));
    dbFile = copyWorkstation(seed.dbFile, base, 'discs');
    discs = join(base, '光盘映像');
    mkdirSync(discs);
  }, 300_000);

  it('the manager exports the signed submission in the wizard; the image is verified and the plaintext folder wiped', async () => {
    picked = discs;
    const gui = await launchGui({ dbFile, chooseFolder: () => Promise.resolve(picked) });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, MANAGER, `/banks/${seed.bankId}/discs`);
    expect(existsSync(seed.folder)).toBe(true);

    // 1 接收方证书: the upload station, 有效
    await page.getByTestId('export-wizard').waitFor();
    expect(await page.getByTestId('export-next').isDisabled()).toBe(true);
    await page.getByTestId('export-recipients').getByText(STATION).click();
    await page.getByTestId('export-next').click();

    // 2 目标: the folder from the picker, no recorder, the CMS copy on
    await page.getByTestId('export-folder').click();
    await page.locator(`[data-testid="export-folder-path"][value="${discs}"]`).waitFor();
    expect(await page.getByTestId('export-drive').textContent()).toContain('只保存映像，到刻录工作站刻录');
    expect(await page.getByTestId('export-cms').getAttribute('aria-checked')).toBe('true');
    await gui.screenshot('discs-export-target');
    await page.getByTestId('export-next').click();

    // 3 导出: the summary names the signed folder, then the export runs
    await page.getByTestId('export-source').filter({ hasText: seed.folder }).waitFor();
    await page.getByTestId('export-start').click();
    await page.getByTestId('export-result').waitFor({ timeout: 180_000 });

    // 4 结果
    expect(await page.getByTestId('export-verified').textContent()).toBe('✓ 已回读校验');
    expect(await page.getByTestId('export-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('export-hint').textContent()).toContain('未指定刻录机');
    expect(await page.getByTestId('export-label').textContent()).toMatch(/^光盘标签与封面登记单：.*_光盘标签与封面登记单\.docx$/);
    expect(await page.getByTestId('export-wiped').textContent()).toMatch(/^明文工作文件夹已覆写删除（\d+ 个文件）$/);
    const isos = readdirSync(discs).filter((f) => f.endsWith('.iso'));
    expect(isos).toHaveLength(1);
    expect(isos[0]).toMatch(/^报送_3-01-02-07_4级_\d{8}_\d{4}\.iso$/);
    image = join(discs, isos[0] ?? '');
    expect(await page.getByTestId('export-image').textContent()).toContain(image);
    expect(existsSync(seed.folder)).toBe(false);
    await page.getByTestId('export-wizard').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await gui.screenshot('discs-export');

    // again: the signed folder is gone, so the check refuses, naming the problem; nothing is written
    await page.getByTestId('export-again').click();
    await page.getByTestId('export-next').click();
    await page.getByTestId('export-next').click();
    await page.getByTestId('export-start').click();
    const refused = page.getByTestId('export-error');
    await refused.filter({ hasText: /^报送文件夹 .+ 未通过校验，不能导出：/ }).waitFor();
    expect(await refused.locator('li').count()).toBeGreaterThan(0);
    expect(readdirSync(discs).filter((f) => f.endsWith('.iso'))).toHaveLength(1);
    await gui.screenshot('discs-export-refused');

    // 题库传递: exported for the same certificate, then imported as a dry run (nothing changes)
    picked = join(base, '传递');
    mkdirSync(picked);
    await page.getByTestId('transfer-export-recipients').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: STATION }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('transfer-export-folder').click();
    await page.getByTestId('transfer-export-start').click();
    await page.getByTestId('transfer-export-done').filter({ hasText: /^已导出传递光盘：\d+ 道试题，\d+ 个版本/ }).waitFor({ timeout: 120_000 });
    const transfer = readdirSync(picked).find((f) => f.endsWith('.iso')) ?? '';
    expect(transfer).toMatch(/^传递_3-01-02-07_4级_\d{8}_\d{4}\.iso$/);

    await go(page, '/admin/discs?tab=transfer');
    await page.getByTestId('transfer-source').fill(join(picked, transfer));
    await page.getByTestId('transfer-key').setInputFiles({ name: '上传站.p12', mimeType: 'application/x-pkcs12', buffer: seed.p12 });
    await page.getByTestId('transfer-password').fill(seed.p12Password);
    expect(await page.getByTestId('transfer-dry-run').isChecked()).toBe(true);
    await page.getByTestId('transfer-run').click();
    await page.locator('[data-testid="transfer-report"][data-dry="true"]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('transfer-lines').textContent()).toContain('【试运行，未作任何修改】');

    await finish(gui);
  }, 300_000);

  it('the 安全审计员 opens the disc with the upload station key: a wrong password is refused, the right one verifies every file', async () => {
    expect(image).not.toBe('');
    const gui = await launchGui({ dbFile });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, 'auditor');
    await page.getByTestId('menu-/admin/discs').click();
    // 光盘登记: the submission disc and the transfer disc
    await page.getByTestId('disc-register').locator('tbody tr').filter({ hasText: '报送' }).waitFor();
    expect(await page.getByTestId('disc-register').locator('tbody tr[data-row-key]').count()).toBe(2);
    expect(await page.getByTestId('discs-tab-backup').count()).toBe(0);
    await gui.screenshot('discs-register');
    await page.getByTestId('discs-tab-recipients').click();
    await page.getByTestId('recipients').locator('tbody tr[data-row-key]').filter({ hasText: STATION }).filter({ hasText: '有效' }).waitFor();
    expect(await page.getByTestId('recipient-import').count()).toBe(0);

    await page.getByTestId('discs-tab-open').click();
    await page.getByTestId('open-source').fill(image);
    await page.getByTestId('open-key').setInputFiles({ name: '上传站.p12', mimeType: 'application/x-pkcs12', buffer: seed.p12 });
    await page.getByTestId('open-key-chosen').filter({ hasText: '上传站.p12' }).waitFor();
    await page.getByTestId('open-password').fill('错误的口令');
    await page.getByTestId('open-run').click();
    await page.getByTestId('open-error').filter({ hasText: /^接收方密钥文件无法打开：/ }).waitFor();

    const out = join(base, '解密');
    await page.getByTestId('open-password').fill(seed.p12Password);
    await page.getByTestId('open-out').fill(out);
    await page.getByTestId('open-run').click();
    await page.locator('[data-testid="package-report"][data-ok="true"]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('report-verdict').textContent()).toBe('校验通过');
    expect(await page.getByTestId('report-signature').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('report-anchor').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('report-panel').textContent()).toContain('全部有效（5 份）');
    expect(await page.getByTestId('report-out').textContent()).toContain(out);
    const rows = page.getByTestId('report-files').locator('tbody tr[data-row-key]');
    const n = await rows.count();
    expect(n).toBeGreaterThan(10);
    expect(await page.locator('[data-testid="report-files"] tbody tr[data-ok="true"]').count()).toBe(n);
    expect(readdirSync(out).some((f) => f.startsWith('01_'))).toBe(true);
    await page.getByTestId('package-report').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await gui.screenshot('discs-open');

    await finish(gui);
  }, 240_000);

  it('the 系统管理员 makes an encrypted backup and checks it: 备份可恢复, with the restore command', async () => {
    picked = join(base, '备份');
    mkdirSync(picked);
    const gui = await launchGui({ dbFile, chooseFolder: () => Promise.resolve(picked) });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, 'sysadmin', '/admin/discs?tab=backup');
    await page.getByTestId('backup-tab').waitFor();
    await page.getByTestId('signer-cert').filter({ hasText: '本人签名证书有效' }).waitFor();
    await page.getByTestId('backup-folder').click();
    await page.getByTestId('backup-start').click();
    await page.getByTestId('backup-done').filter({ hasText: /^已制作备份，审计日志至第 \d+ 条/ }).waitFor({ timeout: 180_000 });
    const backup = readdirSync(picked).find((f) => f.endsWith('.iso')) ?? '';
    expect(backup).toMatch(/^备份_\d{8}_\d{6}\.iso$/);
    expect(await page.getByTestId('backup-check-source').inputValue()).toBe(join(picked, backup));

    await page.getByTestId('backup-check-run').click();
    await page.getByTestId('backup-restorable').filter({ hasText: '备份可恢复' }).waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('backup-restore-command').textContent()).toBe(`qbank restore ${join(picked, backup)} --db ${dbFile}`);
    await page.getByTestId('backup-restore-help').scrollIntoViewIfNeeded();
    await gui.screenshot('discs-backup');

    await finish(gui);
  }, 300_000);

  it('with eth0 up the air-gap dialog opens after login; the 安全保密管理员 switches to refuse and the next login says so', async () => {
    const gui = await launchGui({ dbFile: copyWorkstation(seed.dbFile, base, 'airgap'), airGap: wiredAirGap });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, MANAGER);
    const body = page.getByTestId('airgap-body');
    await body.waitFor();
    await page.locator('.ant-modal-title').filter({ hasText: '物理隔离检查发现问题' }).waitFor();
    expect(await body.getAttribute('data-mode')).toBe('warn');
    const finding = page.getByTestId('airgap-finding');
    expect(await finding.count()).toBe(1);
    expect(await finding.textContent()).toContain('eth0');
    expect(await page.getByTestId('airgap-mode').textContent()).toContain('处理方式：警告');
    await gui.screenshot('airgap-modal');
    await page.getByTestId('airgap-ack').filter({ hasText: '我已知晓，继续工作' }).click();
    await body.waitFor({ state: 'hidden' });
    await logout(gui);

    await loginAs(gui, 'secadmin');
    await page.getByTestId('airgap-ack').click();
    await body.waitFor({ state: 'hidden' });
    await go(page, '/admin/policy');
    const toggle = page.getByTestId('airgap-refuse');
    await toggle.scrollIntoViewIfNeeded();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await page.getByTestId('policy-notice').filter({ hasText: '已设置：发现问题时拒绝导出、备份与传递' }).waitFor();
    await page.locator('[data-testid="airgap-refuse"][aria-checked="true"]').waitFor();
    expect(await page.getByTestId('airgap-policy-summary').textContent()).toContain('eth0');
    await page.getByTestId('airgap-policy').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await gui.screenshot('airgap-policy');
    await logout(gui);

    await loginAs(gui, MANAGER);
    await page.locator('[data-testid="airgap-body"][data-mode="refuse"]').waitFor();
    expect(await page.getByTestId('airgap-mode').textContent()).toContain('导出报送光盘、制作备份和题库传递都将被拒绝');
    await page.getByTestId('airgap-ack').filter({ hasText: '我已知晓' }).click();
    await body.waitFor({ state: 'hidden' });

    await finish(gui);
  }, 180_000);
});
