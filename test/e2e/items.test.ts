/**
 * GUI: the 试题 tab against the real services — the virtualised list with 1-, 2- and 3+-character
 * searches and filters (counts and rows checked against the handlers), an item opened as a secret
 * view (banner 机密 and watermark), an edit saved as version 2 with its character diff, the preview
 * as printed (the answer only in 标准答案), a new 单选 with a pasted PNG, a practical task with its
 * notices, a 综合评审 item of a level-2 bank, and a reviewer without a save button whose refused
 * step shows the service's Chinese message before a step with a comment succeeds.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopHost } from '../../app/services/desktop/host.js';
import { useTempDir } from '../helpers/tmp.js';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { loginAs, unlockAndLogin } from './login.js';
import { AUTHOR, MANAGER, PASSPHRASE, PASSWORD, REVIEWER, seedWorkstation } from './seed.js';

const COMPREHENSIVE = join(import.meta.dirname, '..', '..', 'app', 'demo', 'sample-electrician', 'comprehensive.json');

const guis: Gui[] = [];
/** The seeded workstation, shared by the tests of this file (each works on a copy). */
const seedDir = mkdtempSync(join(tmpdir(), 'qbank-items-seed-'));
afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
  rmSync(seedDir, { recursive: true, force: true });
});

/** A level-2 bank (电工 二级/技师, 样例) with the sample's 综合评审 items, made by the manager. */
async function addLevel2Bank(dbFile: string): Promise<number> {
  const host = new DesktopHost({ dbFile, anchorDir: null });
  try {
    host.open({ secret: { kind: 'passphrase', passphrase: PASSPHRASE } });
    await host.login({ username: MANAGER, password: PASSWORD });
    const bank = (await host.call('banks.create', { occupationCode: '6-31-01-03', track: '', level: 2, name: '电工二级 样例题库', isSample: true })) as { id: number };
    const items = (JSON.parse(readFileSync(COMPREHENSIVE, 'utf8')) as { items: unknown[] }).items;
    await host.call('items.addComprehensive', { bankId: bank.id, items, state: '入库' });
    host.logout();
    return bank.id;
  } finally {
    host.close();
  }
}

/** A fresh copy of the seeded workstation (database and its WAL/SHM if any). */
function copyOf(seed: string, to: string): string {
  for (const ext of ['', '-wal', '-shm']) if (existsSync(seed + ext)) copyFileSync(seed + ext, to + ext);
  return to;
}

const count = async (page: Page) => Number(await page.getByTestId('items-count').getAttribute('data-count'));
const rowIds = async (page: Page) => (await page.getByTestId('row-id').allTextContents()).map(Number);
const rowTypes = (page: Page) => page.getByTestId('row-type').allTextContents();

/** Picks an option of an antd Select (by its data-testid) by the option's text. */
async function pick(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Types a search term and waits until the list shows the total the handler gives for it. */
async function searchFor(gui: Gui, bankId: number, term: string): Promise<number> {
  const { page } = gui;
  const expected = ((await gui.host.call('items.search', { bankId, text: term, limit: 50 })) as { total: number; hits: { id: number }[] });
  await page.getByTestId('items-search').locator('input').fill(term);
  await page.locator(`[data-testid="items-count"][data-count="${expected.total}"]`).waitFor();
  await page.getByTestId('row-id').first().waitFor();
  expect((await rowIds(page)).slice(0, 5)).toEqual(expected.hits.slice(0, 5).map((h) => h.id));
  return expected.total;
}

/** Pastes a PNG drawn on a canvas into the element (a clipboard paste as the browser delivers it). */
async function pastePng(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).evaluate(async (target) => {
    const canvas = document.createElement('canvas');
    canvas.width = 120;
    canvas.height = 80;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no canvas');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 120, 80);
    g.strokeStyle = '#000';
    g.strokeRect(10, 10, 100, 60);
    g.beginPath();
    g.arc(60, 40, 20, 0, Math.PI * 2);
    g.stroke();
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/png'));
    const data = new DataTransfer();
    data.items.add(new File([blob], 'figure.png', { type: 'image/png' }));
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
}

async function closeGui(gui: Gui): Promise<void> {
  guis.splice(guis.indexOf(gui), 1);
  await gui.close();
}

/** Waits until no CSS transition or animation runs (a drawer has slid in, a tab has switched). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
}

async function openItem(page: Page, id: number): Promise<void> {
  await page.locator(`[data-testid="item-row"][data-id="${id}"]`).click();
  await page.locator(`[data-testid="item-meta"]`).waitFor();
  await settled(page);
}

async function expectSecretView(page: Page): Promise<void> {
  await page.locator('[data-testid="secrecy-banner"][data-mark="机密"]').waitFor();
  expect(await page.getByTestId('secrecy-banner').textContent()).toContain('机密');
  await page.getByTestId('watermark').waitFor({ state: 'attached' });
}

describe.skipIf(!hasChromium)('GUI: 试题 (Chromium)', () => {
  const tempDir = useTempDir();
  let seed = '';
  let bankId = 0;
  let level2 = 0;

  beforeAll(async () => {
    const seeded = await seedWorkstation(join(seedDir, 'seed.db'), 'items');
    seed = seeded.dbFile;
    bankId = seeded.bankId ?? 0;
    level2 = await addLevel2Bank(seed);
  }, 240_000);

  it('an author searches and filters, edits an item into version 2 with its diff, previews it and adds a 单选 with a pasted PNG; a reviewer has no save button and sees a refusal in Chinese', async () => {
    const gui = await launchGui({ dbFile: copyOf(seed, join(tempDir(), 'a.db')) });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, AUTHOR, `/banks/${bankId}/items`);
    await page.getByTestId('row-title').first().filter({ hasText: /\S/ }).waitFor();
    await page.locator('[data-testid="row-findings"]').first().waitFor();
    const all = await count(page);
    const catalogue = (await gui.host.call('items.list', { bankId })) as { id: number; type: string; state: string; binding: string }[];
    expect(all).toBe(catalogue.length);
    await expectSecretView(page);
    await settled(page);
    await gui.screenshot('items-list');

    // searches: one character (a gram), two (a gram), three and more (the trigram phrase index)
    const one = await searchFor(gui, bankId, '图');
    const two = await searchFor(gui, bankId, '视图');
    const three = await searchFor(gui, bankId, '三视图');
    expect(one).toBeGreaterThanOrEqual(two);
    expect(two).toBeGreaterThanOrEqual(three);
    expect(three).toBeGreaterThan(0);
    await page.getByTestId('items-search').locator('input').fill('');
    await page.locator(`[data-testid="items-count"][data-count="${all}"]`).waitFor();

    // filters: 题型 and 状态, counted against the catalogue
    await pick(page, 'filter-type', '多项选择题');
    const multiple = catalogue.filter((i) => i.type === 'multipleChoice').length;
    await page.locator(`[data-testid="items-count"][data-count="${multiple}"]`).waitFor();
    expect(new Set(await rowTypes(page))).toEqual(new Set(['多项选择题']));
    await pick(page, 'filter-state', '草稿');
    await page.locator('[data-testid="items-count"][data-count="0"]').waitFor();
    await page.getByTestId('items-empty').waitFor();
    await pick(page, 'filter-state', '入库');
    await page.locator(`[data-testid="items-count"][data-count="${multiple}"]`).waitFor();
    await page.getByTestId('filter-clear').click();
    await page.locator(`[data-testid="items-count"][data-count="${all}"]`).waitFor();

    // a link to a node (as an assembly's infeasibility cause gives) opens the list filtered to it
    const scope = (catalogue.find((i) => i.binding.split('-').length >= 3)?.binding ?? '').split('-').slice(0, 2).join('-');
    const inScope = catalogue.filter((i) => i.binding === scope || i.binding.startsWith(`${scope}-`)).length;
    expect(inScope).toBeGreaterThan(0);
    expect(inScope).toBeLessThan(all);
    await page.evaluate((to) => (window.location.hash = to), `/banks/${bankId}/items?point=${scope}`);
    await page.locator(`[data-testid="items-count"][data-count="${inScope}"]`).waitFor();
    expect(await page.getByTestId('filter-element').textContent()).toContain(scope);
    await page.evaluate((to) => (window.location.hash = to), `/banks/${bankId}/items`);
    await page.locator(`[data-testid="items-count"][data-count="${all}"]`).waitFor();

    // open a 单选, edit the stem, save: version 2 in 草稿, the diff shows the inserted words
    const single = catalogue.find((i) => i.type === 'singleChoice');
    if (!single) throw new Error('no 单选 in the sample');
    await openItem(page, single.id);
    await expectSecretView(page);
    await page.getByTestId('lint-findings').waitFor();
    await settled(page);
    await gui.screenshot('items-editor');
    // a body the service refuses: its Chinese message names the field, nothing is saved
    const optionC = await page.getByTestId('field-option-C').inputValue();
    await page.getByTestId('field-option-C').fill('');
    await page.getByTestId('item-save').click();
    await page.getByTestId('save-error').waitFor();
    expect(await page.getByTestId('save-error').textContent()).toMatch(/^试题 \d+：选项C/);
    await page.getByTestId('field-option-C').fill(optionC);
    const stem = page.getByTestId('field-stem');
    const before = await stem.inputValue();
    await stem.fill(before.replace(/。$/u, '（依据国家职业标准）。'));
    await page.getByTestId('edit-note').fill('题干补充依据');
    await page.getByTestId('item-save').click();
    await page.locator('[data-testid="item-meta"][data-version="2"]').waitFor();
    expect(await page.getByTestId('item-state').textContent()).toBe('草稿');
    await page.getByTestId('tab-history').click();
    await page.locator('[data-testid="history-version"][data-version="2"]').waitFor();
    await page.getByTestId('diff').waitFor();
    expect(await page.locator('[data-testid="diff-field"][data-field="题干"] ins').first().textContent()).toContain('依据国家职业标准');
    await settled(page);
    await gui.screenshot('items-history');

    // the preview as printed: options A–D, the key only in 标准答案
    await page.getByTestId('tab-preview').click();
    await page.locator('[data-testid="preview"][data-mode="paper"]').waitFor();
    expect(await page.getByTestId('preview-option').count()).toBe(4);
    expect(await page.getByTestId('preview-answer').count()).toBe(0);
    await page.getByTestId('preview-mode').getByText('标准答案').click();
    await page.getByTestId('preview-answer').waitFor();
    expect(await page.getByTestId('preview-answer').textContent()).toMatch(/标准答案：[A-D]/);
    await settled(page);
    await gui.screenshot('items-preview');

    // 提交审核 with a comment
    await page.getByTestId('workflow-待审').click();
    await page.getByTestId('workflow-comment').fill('已按国家标准修改题干');
    await page.getByTestId('workflow-ok').click();
    await page.locator('[data-testid="item-meta"][data-state="待审"]').waitFor();
    await page.locator('.ant-drawer-close').first().click();
    await page.locator(`[data-testid="item-row"][data-id="${single.id}"] [data-testid="row-state"]`).filter({ hasText: '待审' }).waitFor();

    // a new 单选 with a pasted PNG
    await page.getByTestId('add-item').hover();
    await page.getByTestId('add-singleChoice').click();
    const newStem = '下列图线中不能用于绘制尺寸线的是（　）。';
    await page.getByTestId('field-stem').fill(newStem);
    for (const [letter, text] of [['A', '粗实线'], ['B', '细实线'], ['C', '细虚线'], ['D', '细点画线']] as const) await page.getByTestId(`field-option-${letter}`).fill(text);
    await page.getByTestId('field-key').getByText('A', { exact: true }).click();
    await pastePng(page, 'image-paste');
    await page.getByTestId('item-image').waitFor();
    await page.getByTestId('item-save').click();
    await page.locator('[data-testid="item-meta"][data-state="草稿"][data-version="1"]').waitFor();
    const added = Number((await page.getByTestId('item-title').textContent())?.replace(/\D/g, ''));
    await page.getByTestId('item-image').waitFor();
    const stored = (await gui.host.call('items.get', { bankId, itemId: added })) as { body: { images: string[]; key: string; stem: string } };
    expect(stored.body).toMatchObject({ key: 'A', stem: newStem });
    expect(stored.body.images).toHaveLength(1);
    // its lint finding (an unemphasised negative word) beside the 题干, and counted in its row
    await page.locator('[data-testid="lint-findings"][data-count="1"]').waitFor();
    expect(await page.getByTestId('field-findings').textContent()).toContain('否定词“不能”');
    await page.locator('.ant-drawer-close').first().click();
    expect(await count(page)).toBe(all + 1);
    await page.getByTestId('items-scroller').evaluate((e) => e.scrollTo(0, e.scrollHeight));
    await page.locator(`[data-testid="item-row"][data-id="${added}"] [data-testid="row-findings"][data-count="1"]`).waitFor();

    // the reviewer: no save button, a refused step in Chinese, then 审核通过 with a comment
    await page.getByTestId('logout').click();
    await loginAs(gui, REVIEWER);
    await page.evaluate((route) => (window.location.hash = route), `/banks/${bankId}/items`);
    await page.getByTestId('item-row').first().waitFor();
    await page.getByTestId('items-search').locator('input').fill('依据国家职业标准');
    await page.locator('[data-testid="items-count"][data-count="1"]').waitFor();
    await openItem(page, single.id);
    await page.getByTestId('read-only').waitFor();
    expect(await page.getByTestId('item-save').count()).toBe(0);
    expect(await page.getByTestId('add-item').count()).toBe(0);
    await page.getByTestId('workflow-草稿').click();
    await page.getByTestId('workflow-ok').click();
    await page.getByTestId('workflow-error').waitFor();
    expect(await page.getByTestId('workflow-error').textContent()).toContain('“退回修改”须填写意见');
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('workflow-已审').click();
    await page.getByTestId('workflow-comment').fill('内容正确，同意通过');
    await page.getByTestId('workflow-ok').click();
    await page.locator('[data-testid="item-meta"][data-state="已审"]').waitFor();
    await page.getByTestId('tab-history').click();
    await page.getByTestId('transition').filter({ hasText: '内容正确，同意通过' }).waitFor();

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
    await closeGui(gui);
  }, 240_000);

  it('the manager sees a practical task with its notices and 评分标准, and a 综合评审 item of a level-2 bank', async () => {
    const gui = await launchGui({ dbFile: copyOf(seed, join(tempDir(), 'b.db')) });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, MANAGER, `/banks/${bankId}/items`);
    await page.getByTestId('item-row').first().waitFor();
    await pick(page, 'filter-type', '技能考核');
    await page.locator('[data-testid="row-type"]').first().filter({ hasText: '技能考核' }).waitFor();
    const practical = (await rowIds(page))[0] ?? 0;
    await openItem(page, practical);
    await page.getByTestId('notice-siteNotice').waitFor();
    expect(await page.getByTestId('siteNotice-tools').locator('input').count()).toBeGreaterThan(0);
    await page.getByTestId('siteNotice-tools').scrollIntoViewIfNeeded();
    await settled(page);
    await gui.screenshot('items-practical');
    await page.getByTestId('tab-preview').click();
    await page.getByTestId('preview-mode').getByText('标准答案').click();
    await page.getByTestId('preview-rubric').waitFor();

    await page.evaluate((route) => (window.location.hash = route), `/banks/${level2}/items`);
    await page.locator('[data-testid="items-count"][data-count="4"]').waitFor();
    const first = (await rowIds(page))[0] ?? 0;
    await openItem(page, first);
    await expectSecretView(page);
    await page.getByTestId('field-question').waitFor();
    await page.getByTestId('tab-preview').click();
    await page.getByTestId('preview-comprehensive').waitFor();
    await page.getByTestId('preview-mode').getByText('标准答案').click();
    await page.getByTestId('preview-score-sheet').waitFor();
    await settled(page);
    await gui.screenshot('items-comprehensive');

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
    await closeGui(gui);
  }, 180_000);

  it('shows the first rows before the catalogue arrives (a big bank), then the catalogue takes over', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const gui = await launchGui({ dbFile: copyOf(seed, join(tempDir(), 'c.db')), hold: (channel) => (channel === 'items.catalogue' ? held : undefined) });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, MANAGER, `/banks/${bankId}/items`);
    const all = ((await gui.host.call('items.list', { bankId })) as unknown[]).length;
    // rows and count from items.search pages while the catalogue is held back; no lint counts yet
    await page.locator(`[data-testid="items-count"][data-count="${all}"]`).waitFor();
    await page.getByTestId('row-title').first().filter({ hasText: /\S/u }).waitFor();
    expect(await page.getByTestId('row-findings').count()).toBe(0);
    const firstIds = await rowIds(page);
    expect(firstIds.length).toBeGreaterThan(5);
    release();
    // the catalogue: same rows in the same order, now with their lint counts
    await page.locator('[data-testid="row-findings"]').first().waitFor();
    expect((await rowIds(page)).slice(0, 5)).toEqual(firstIds.slice(0, 5));
    expect(gui.calls.filter((c) => c.channel === 'items.catalogue')).toHaveLength(1);
    expect(gui.errors).toEqual([]);
    await closeGui(gui);
  }, 120_000);
});
