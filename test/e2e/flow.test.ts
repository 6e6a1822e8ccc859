/**
 * GUI, end to end in one browser session over an empty database: first run (the 三员's one-time
 * passwords read from the table) → the 系统管理员 creates the team's accounts → the 安全保密管理员
 * registers the people and their 保密责任书, links them to the accounts and grants the roles → each new
 * user's first login with the forced password change → the 题库管理员 opens 制图员 3-01-02-07 in the
 * catalog, gets a 四级 sample bank, imports the 细目表, the 内容结构表 and the sample item workbook,
 * fixes an item's lint finding, assembles 3 theory and 3 practical sets with progress → the
 * 安全保密管理员 grants the bank's roles → a reviewer approves the sets → the manager generates the
 * submission into a folder → the 安全审计员 verifies the log. In Chromium, against the real services.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../app/domain/person.js';
import { useTempDir } from '../helpers/tmp.js';
import { slowJobSteps } from './slow-jobs.js';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { firstLogin, loginAs as login } from './login.js';
import { PASSPHRASE, SAMPLE_FILE, SAMPLE_FILES, TEAM } from './seed.js';

const guis: Gui[] = [];
afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
});

/** The team of this flow: one of each bank role, from the sample team. */
const MEMBERS = (['zhangwei', 'liqiang', 'chenjing'] as const).map((username) => {
  const m = TEAM.find((x) => x.username === username);
  if (!m) throw new Error(`${username} is not in the sample team`);
  return { username, role: m.role, person: m.person as { name: string; unit: string; phone: string } };
});
const [MANAGER, AUTHOR, REVIEWER] = MEMBERS.map((m) => m.username) as [string, string, string];
const ROLE_NAME = { manager: '题库管理员', author: '命题人员', reviewer: '审核专家' } as const;

/** A tiny PNG (the pledge's scan). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Waits until nothing on the page is moving, for a clean screenshot. */
async function settled(page: Page): Promise<void> {
  await page.mouse.move(1430, 890);
  await page.waitForFunction(() => document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity && a.playState === 'running').length === 0);
}

async function dialogsGone(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-modal-wrap:visible, .ant-modal-mask:visible').count()).toBe(0);
}

async function logout(gui: Gui): Promise<void> {
  await gui.page.getByTestId('logout').click();
  await gui.page.getByTestId('username').waitFor();
}

/** Goes to a route of the app without reloading it. */
async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => (window.location.hash = r), route);
}

/** Picks an option of the antd Select inside the form item labelled `label` (catalog form). */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select').first().click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

async function firstRun(gui: Gui): Promise<Map<string, string>> {
  const { page } = gui;
  await gui.open();
  await page.getByText('首次设置：创建加密工作站').waitFor();
  await page.getByTestId('passphrase').fill(PASSPHRASE);
  await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
  await page.getByTestId('create').click();
  await page.getByText('三员账号与一次性口令').waitFor({ timeout: 30_000 });
  const oneTime = new Map<string, string>();
  for (const row of await page.locator('[data-testid="admins"] tbody tr').all()) {
    const text = (await row.textContent()) ?? '';
    const username = ['sysadmin', 'secadmin', 'auditor'].find((u) => text.includes(u));
    if (username) oneTime.set(username, (await row.locator('code').textContent()) ?? '');
  }
  expect([...oneTime.keys()].sort()).toEqual(['auditor', 'secadmin', 'sysadmin']);
  await gui.screenshot('flow-01-first-run-passwords');
  await page.getByTestId('admins-done').click();
  return oneTime;
}

/** The 系统管理员 creates the team's accounts; returns their one-time passwords read from the screen. */
async function createAccounts(gui: Gui): Promise<Map<string, string>> {
  const { page } = gui;
  await page.getByTestId('menu-/admin/accounts').click();
  await page.getByTestId('account-sysadmin').waitFor();
  const oneTime = new Map<string, string>();
  for (const m of MEMBERS) {
    await page.getByTestId('create-account').click();
    await page.getByTestId('new-username').fill(m.username);
    await page.getByTestId('new-display-name').fill(m.person.name);
    await page.getByTestId('create-account-ok').click();
    const password = (await page.getByTestId('one-time-password').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    oneTime.set(m.username, password);
    if (m === MEMBERS[0]) {
      await settled(page);
      await gui.screenshot('flow-02-account-one-time-password');
    }
    await page.getByTestId('one-time-done').click();
    await page.getByTestId(`account-${m.username}`).waitFor();
    await dialogsGone(page);
  }
  return oneTime;
}

/** The 安全保密管理员 registers each person with a 保密责任书, links the account and grants its role. */
async function registerTeam(gui: Gui): Promise<void> {
  const { page } = gui;
  const today = beijingDate(new Date());
  const nextYear = beijingDate(new Date(Date.now() + 365 * 86_400_000));
  await page.getByTestId('menu-/admin/people').click();
  await page.getByTestId('add-person').waitFor();
  for (const { person } of MEMBERS) {
    await page.getByTestId('add-person').click();
    await page.getByTestId('person-name').fill(person.name);
    await page.getByTestId('person-unit').fill(person.unit);
    await page.getByTestId('person-phone').fill(person.phone);
    await page.getByTestId('person-ok').click();
    await page.getByTestId(`person-${person.name}`).waitFor();
    await dialogsGone(page);
    await page.getByTestId(`pledge-${person.name}`).click();
    await page.getByTestId('pledge-signed').fill(today);
    await page.getByTestId('pledge-expires').fill(nextYear);
    await page.getByTestId('pledge-scope').fill('制图员（机械）四级 题库开发');
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '保密责任书.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('pledge-scan-chosen').waitFor();
    await page.getByTestId('pledge-ok').click();
    await page.getByTestId('people-notice').filter({ hasText: `已登记 ${person.name} 的保密责任书` }).waitFor();
    await dialogsGone(page);
  }
  await settled(page);
  await gui.screenshot('flow-03-people');

  await page.getByTestId('menu-/admin/accounts').click();
  for (const m of MEMBERS) {
    await page.getByTestId(`link-${m.username}`).click();
    // the select is enabled once the people are loaded; a click on an option while the dropdown
    // still settles can be lost, so the choice is made again (at most 3 times) until it shows
    const picker = page.locator('.ant-modal:visible .ant-select:not(.ant-select-disabled)');
    for (let attempt = 0; ; attempt++) {
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await picker.click();
      await settled(page);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: m.person.name }).click();
      const shown = await picker.filter({ hasText: m.person.name }).waitFor({ timeout: 3000 }).then(() => true, () => false);
      if (shown) break;
      if (attempt === 2) throw new Error(`could not choose ${m.person.name} in the 关联人员 dialog`);
    }
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.getByTestId('link-ok').click();
    await dialogsGone(page);
    await page.getByTestId(`grant-${m.username}`).click();
    await page.getByTestId('grant-roles').getByText(ROLE_NAME[m.role], { exact: true }).click();
    await page.locator('[data-testid="grant-ok"]:not([disabled])').click();
    await page.getByTestId('accounts-notice').filter({ hasText: `已授予 ${m.username}：${ROLE_NAME[m.role]}` }).waitFor();
    await dialogsGone(page);
  }
  const accounts = (await gui.host.call('accounts.list', {})) as { username: string; personId: number | null; roles: string[] }[];
  for (const m of MEMBERS) expect(accounts.find((a) => a.username === m.username)).toMatchObject({ personId: expect.any(Number), roles: [m.role] });
  await settled(page);
  await gui.screenshot('flow-04-accounts-granted');
}

/** The 题库管理员 finds 制图员 in the catalog and gets a 四级 sample bank; returns its id. */
async function createBank(gui: Gui): Promise<number> {
  const { page } = gui;
  await page.getByTestId('menu-/catalog').click();
  await page.getByTestId('catalog-search').locator('input').fill('制图');
  await page.getByTestId('catalog-search').locator('input').press('Enter');
  await page.getByTestId('open-3-01-02-07').click();
  await page.getByTestId('occupation-title').waitFor();
  await choose(page, '方向/工种', '机械（方向）');
  await choose(page, '级别', '四级/中级工');
  await gui.screenshot('flow-05-catalog');
  // a 样例 bank: only a sample bank takes imported items straight into 入库 (as the sample workbook is)
  await page.getByTestId('create-name').fill('制图员（机械）四级/中级工 样例题库');
  await page.getByTestId('create-sample').click();
  await page.getByTestId('create-bank').click();
  await page.waitForURL(/#\/banks\/\d+\/elements/u);
  const bankId = Number(/banks\/(\d+)/u.exec(page.url())?.[1]);
  const banks = (await gui.host.call('banks.list', {})) as { id: number; isSample: boolean; name: string }[];
  expect(banks.find((b) => b.id === bankId)).toMatchObject({ isSample: true, name: '制图员（机械）四级/中级工 样例题库' });
  await page.getByTestId('theory-empty').waitFor();
  return bankId;
}

async function importTables(gui: Gui): Promise<void> {
  const { page } = gui;
  await page.getByTestId('import-theory').setInputFiles(join(SAMPLE_FILES, SAMPLE_FILE.elementTable));
  await page.getByTestId('theory-version').filter({ hasText: '第 1 版' }).waitFor();
  expect(await page.getByTestId('theory-shares').textContent()).toContain('鉴定点 113 个');
  await gui.screenshot('flow-06-elements');
  await page.getByTestId('tab-practical').click();
  await page.getByTestId('import-practical').setInputFiles(join(SAMPLE_FILES, SAMPLE_FILE.practicalStructure));
  await page.getByTestId('practical-outcome').waitFor();
  expect(await page.getByTestId('practical-outcome').textContent()).toContain('第 1 版');
  await page.getByTestId('practical-version').filter({ hasText: '第 1 版' }).waitFor();
}

async function importItems(gui: Gui, bankId: number): Promise<void> {
  const { page } = gui;
  await go(page, `/banks/${bankId}/import`);
  await page.getByTestId('import-file').setInputFiles(join(SAMPLE_FILES, SAMPLE_FILE.items));
  await page.getByTestId('import-file-name').getByText(SAMPLE_FILE.items).waitFor();
  await page.getByTestId('import-state').getByText('入库（仅样例题库）').click();
  await page.getByTestId('start-dry-run').click();
  await page.getByTestId('dry-run').waitFor();
  expect(await page.getByTestId('dry-run-verdict').textContent()).toContain('按当前选项将导入 500 道试题');
  await page.getByTestId('run-import').click();
  await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
  expect(await page.getByTestId('import-report-title').textContent()).toBe('已导入 500 道试题');
  await gui.screenshot('flow-07-import-report');

  // the sample's Word file (三维建模, 轴测图 …): valid rows only, its near-duplicates of the bank skipped
  await page.getByTestId('import-again').click();
  await page.getByTestId('import-file').setInputFiles(join(SAMPLE_FILES, SAMPLE_FILE.word));
  await page.getByTestId('import-file-name').getByText(SAMPLE_FILE.word).waitFor();
  await page.getByTestId('import-state').getByText('入库（仅样例题库）').click();
  await page.getByTestId('import-valid-only').click();
  await page.getByTestId('start-dry-run').click();
  await page.getByTestId('near-decision').getByText('全部跳过').click();
  await page.getByTestId('dry-run-verdict').filter({ hasText: /将导入 \d+ 道试题/ }).waitFor();
  await page.getByTestId('run-import').click();
  await page.getByTestId('import-report-title').filter({ hasText: /^已导入 \d+ 道试题$/ }).waitFor({ timeout: 120_000 });
}

/** A new 单选 whose 题干 has an unemphasised 否定词 (one finding), fixed with 「」 and saved: no finding. */
async function fixLintFinding(gui: Gui, bankId: number): Promise<void> {
  const { page } = gui;
  await go(page, `/banks/${bankId}/items`);
  await page.getByTestId('item-row').first().waitFor();
  await page.getByTestId('add-item').hover();
  await page.getByTestId('add-singleChoice').click();
  await page.getByTestId('field-stem').fill('下列图线中不能用于绘制尺寸线的是（　）。');
  for (const [letter, text] of [['A', '粗实线'], ['B', '细实线'], ['C', '细虚线'], ['D', '细点画线']] as const) await page.getByTestId(`field-option-${letter}`).fill(text);
  await page.getByTestId('field-key').getByText('A', { exact: true }).click();
  await page.getByTestId('item-save').click();
  await page.locator('[data-testid="item-meta"][data-state="草稿"][data-version="1"]').waitFor();
  await page.locator('[data-testid="lint-findings"][data-count="1"]').waitFor();
  expect(await page.getByTestId('field-findings').textContent()).toContain('否定词“不能”');
  await settled(page);
  await gui.screenshot('flow-08-item-finding');
  await page.getByTestId('field-stem').fill('下列图线中「不能」用于绘制尺寸线的是（　）。');
  await page.getByTestId('item-save').click();
  await page.locator('[data-testid="item-meta"][data-version="2"]').waitFor();
  await page.locator('[data-testid="lint-findings"][data-count="1"]').waitFor({ state: 'detached' });
  expect(await page.getByTestId('field-findings').count()).toBe(0);
  const added = Number((await page.getByTestId('item-title').textContent())?.replace(/\D/g, ''));
  await page.locator('.ant-drawer-close').first().click();
  await page.getByTestId('items-scroller').evaluate((e) => e.scrollTo(0, e.scrollHeight));
  await page.locator(`[data-testid="item-row"][data-id="${added}"] [data-testid="row-findings"][data-count="0"]`).waitFor();
}

async function assemble(gui: Gui, bankId: number): Promise<void> {
  const { page } = gui;
  await go(page, `/banks/${bankId}/assembly`);
  await page.getByTestId('structure-current').waitFor();
  await page.getByText(/^compact-90：/).click();
  await page.getByTestId('structure-save').click();
  await page.getByTestId('structure-saved').waitFor();
  const slow = slowJobSteps(300);
  try {
    await page.getByTestId('run').click();
    await page.getByTestId('job-progress').waitFor();
    await gui.screenshot('flow-09-assembly-progress');
    await page.getByTestId('results').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('results').locator('.ant-card-head').textContent()).toContain('理论知识');
    expect(await page.getByTestId('set-statistics').locator('tbody tr.ant-table-row').count()).toBe(3);

    await page.getByTestId('param-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '技能考核' }).click();
    await page.getByTestId('run').click();
    await page.getByTestId('job-progress').waitFor();
    await page.getByTestId('results').locator('.ant-card-head').filter({ hasText: '技能考核' }).waitFor({ timeout: 120_000 });
  } finally {
    expect(slow.restore()).toBeGreaterThan(0);
  }
  expect(await page.getByTestId('set-statistics').locator('tbody tr.ant-table-row').count()).toBe(3);
  expect(((await gui.host.call('papers.list', { bankId })) as unknown[]).length).toBe(6);
  await gui.screenshot('flow-10-assembly-results');
}

/** The 安全保密管理员 puts the author and the reviewer on the bank (题库授权). */
async function grantBankAccess(gui: Gui): Promise<void> {
  const { page } = gui;
  await page.getByTestId('menu-/admin/access').click();
  await page.getByTestId('access-username').waitFor();
  for (const [username, role] of [[AUTHOR, '命题人员'], [REVIEWER, '审核专家']] as const) {
    await page.getByTestId('access-username').locator('input').fill(username);
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title^="${username}（"]`).click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.getByTestId('access-role').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: role }).click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.getByTestId('access-grant').click();
    await page.getByTestId('access-members').getByText(username, { exact: true }).waitFor();
  }
  await settled(page);
  await gui.screenshot('flow-11-bank-access');
}

async function approveAll(gui: Gui, bankId: number): Promise<void> {
  const { page } = gui;
  await go(page, `/banks/${bankId}/assembly`);
  const approve = page.locator('[data-testid^="approve-"]:not([data-testid^="approve-confirm"])');
  await approve.first().waitFor();
  for (let i = 0; i < 2 && (await approve.count()) > 0; i++) {
    const runId = Number(((await approve.first().getAttribute('data-testid')) ?? '').replace('approve-', ''));
    await approve.first().click();
    await page.getByTestId(`approve-confirm-${runId}`).click();
    await page.getByTestId('papers-message').filter({ hasText: '已审定 3 套试卷' }).waitFor();
    await page.getByTestId(`approve-${runId}`).waitFor({ state: 'detached' });
  }
  // The tab offers 审定 for the latest run only: a run it no longer shows a button for is approved
  // by the same reviewer through the handler the button calls (papers.approve).
  const drafts = (await gui.host.call('papers.list', { bankId, status: '草稿' })) as { runId: number }[];
  for (const runId of new Set(drafts.map((p) => p.runId))) await gui.host.call('papers.approve', { bankId, runId });
  const statuses = ((await gui.host.call('papers.list', { bankId })) as { status: string }[]).map((p) => p.status);
  expect(statuses).toEqual(Array(6).fill('已审定'));
  await settled(page);
  await gui.screenshot('flow-12-approved');
}

async function generateDocuments(gui: Gui, bankId: number, outDir: string): Promise<void> {
  const { page } = gui;
  await go(page, `/banks/${bankId}/documents`);
  await page.getByTestId('generate').click();
  await page.getByTestId('files').waitFor({ timeout: 180_000 });
  const paths = await page.getByTestId('file-path').allTextContents();
  expect(paths.length).toBeGreaterThan(20);
  for (const p of paths) expect(existsSync(join(outDir, p))).toBe(true);
  expect(readdirSync(outDir)).toContain('清单.json');
  await page.getByTestId('generate-card').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await gui.screenshot('flow-13-documents');
}

describe.skipIf(!hasChromium)('GUI: the whole chain from first run to the audit (Chromium)', () => {
  const tempDir = useTempDir();

  it('first run → team → bank, tables, items, sets → approval → submission → verified log', async () => {
    const outDir = join(tempDir(), '申报材料');
    const gui = await launchGui({ dbFile: join(tempDir(), 'qbank.db'), chooseFolder: async () => outDir });
    guis.push(gui);
    const { page } = gui;

    const admins = await firstRun(gui);
    await firstLogin(gui, 'sysadmin', admins.get('sysadmin') ?? '');
    const team = await createAccounts(gui);
    await logout(gui);

    await firstLogin(gui, 'secadmin', admins.get('secadmin') ?? '');
    await registerTeam(gui);
    await logout(gui);

    for (const m of MEMBERS) {
      await firstLogin(gui, m.username, team.get(m.username) ?? '');
      expect(await page.getByTestId('current-user').textContent()).toContain(ROLE_NAME[m.role]);
      await logout(gui);
    }

    await login(gui, MANAGER);
    const bankId = await createBank(gui);
    await importTables(gui);
    await importItems(gui, bankId);
    await fixLintFinding(gui, bankId);
    await assemble(gui, bankId);
    await logout(gui);

    await login(gui, 'secadmin');
    await grantBankAccess(gui);
    await logout(gui);

    await login(gui, REVIEWER);
    await approveAll(gui, bankId);
    await logout(gui);

    await login(gui, MANAGER);
    await generateDocuments(gui, bankId, outDir);
    await logout(gui);

    await firstLogin(gui, 'auditor', admins.get('auditor') ?? '');
    await page.getByTestId('menu-/audit').click();
    await page.getByTestId('log-total').waitFor();
    await page.getByTestId('verify').click();
    await page.getByTestId('verify-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('verify-result').textContent()).toContain('校验通过：审计日志完整');
    await expect.poll(() => page.getByTestId('verify').getAttribute('class')).not.toContain('loading');
    await settled(page);
    await gui.screenshot('flow-14-audit-verified');

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 600_000);
});
