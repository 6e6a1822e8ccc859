/**
 * GUI: the 审核 tab against the real services. The manager composes the panel and sees its rules live
 * (removing a member names the missing fifth, adding himself is refused as 开发组) and uploads the
 * ink-signed scan; the 安全保密管理员 revokes an expert's certificate and issues his new one. An expert judges every item of the sets from the keyboard only (1, Enter, …) until
 * the counter is full, comments on a document and gives his conclusion; the manager answers the
 * comment; the leader concludes for the panel, the manager attaches the scan and generates the
 * submission, the other four sign (services); then the expert signs in the GUI and the page shows the
 * folder verified — the .p7s files are accepted by `openssl cms -verify`. Last, the manager records the
 * submission to the province, the second one only after confirming the warning.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/tmp.js';
import { opensslVerifies } from '../integration/review/review-helpers.js';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { loginAs, unlockAndLogin } from './login.js';
import { copyWorkstation, MANAGER } from './seed.js';
import { as, EXPERTS, GUI_EXPERT, LEADER, seedReview, type ReviewSeed } from './seed-review.js';

const guis: Gui[] = [];
let base = '';
afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
  if (base !== '') rmSync(base, { recursive: true, force: true });
});

async function blankPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => (window.location.hash = r), route);
}

async function logout(gui: Gui): Promise<void> {
  await gui.page.getByTestId('logout').click();
  await gui.page.getByTestId('username').waitFor();
}

describe.skipIf(!hasChromium)('GUI: 审核 (Chromium)', () => {
  const tempDir = useTempDir();
  let seed: ReviewSeed;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'qbank-review-'));
    seed = await seedReview(join(base, 'seed.db'));
  }, 300_000);

  it('the manager composes the panel with its rules checked live and uploads the signed scan; the 安全保密管理员 revokes and issues certificates', async () => {
    const dbFile = copyWorkstation(seed.dbFile, tempDir(), 'panel');
    const gui = await launchGui({ dbFile });
    guis.push(gui);
    const { page } = gui;
    const { bankId, people } = seed;
    await unlockAndLogin(gui, MANAGER, `/banks/${bankId}/review`);

    // 审核组 is the manager's first view: five valid members.
    await page.getByTestId('panel-valid').waitFor();
    expect(await page.locator('[data-testid^="member-remove-"]').count()).toBe(5);
    expect(await page.getByTestId('rounds').textContent()).toContain('2026-11-20 至 2026-11-30');

    // Removing a member: the size rule at once.
    await page.getByTestId(`member-remove-${people.get(GUI_EXPERT)}`).click();
    await page.getByTestId('panel-problems').filter({ hasText: '审核专家只有 4 名，附件6 要求内部审核专家不少于 5 名' }).waitFor();
    expect(await page.getByTestId('panel-valid').count()).toBe(0);

    // Adding the manager himself: his row carries the 开发组 rule in red.
    await page.getByTestId('panel-pick').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '张伟' }).click();
    await page.getByTestId('panel-add').click();
    const mine = page.getByTestId(`member-problems-${people.get(MANAGER)}`);
    await mine.locator('.ant-tag-red').filter({ hasText: '属本题库开发组' }).waitFor();
    await page.getByTestId('panel-problems').filter({ hasText: '张伟 属本题库开发组' }).waitFor();
    expect(await page.getByTestId('panel-problems').textContent()).not.toContain('只有 4 名');
    await page.getByTestId('panel-members').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await gui.screenshot('review-panel-check');

    // 审核工作台, read only for the manager: the panel's verdicts (four of five have judged).
    await page.getByTestId('review-view-workspace').click();
    await page.getByTestId('review-counter').filter({ hasText: /^审核组已审 0 \/ \d+$/ }).waitFor();
    expect(await page.locator('[data-testid="ws-row"][data-index="0"]').textContent()).toContain('通过 4/5');
    await page.getByTestId('ws-others').locator('tbody tr').filter({ hasText: '陈静' }).waitFor();
    expect(await page.getByTestId('verdict-form').count()).toBe(0);
    await gui.screenshot('review-workspace-manager');

    // 签署: the scan is uploaded as a file and shown with its SHA-256 and page count.
    await page.getByTestId('review-view-signoff').click();
    await page.getByTestId('signoff-blockers').waitFor();
    await page.getByTestId('scan-file').setInputFiles({ name: '审核意见.pdf', mimeType: 'application/pdf', buffer: await blankPdf() });
    await page.getByTestId('scan-attached').filter({ hasText: '已上传 审核意见.pdf，共 1 页' }).waitFor();
    expect(await page.getByTestId('scan-sha256').textContent()).toMatch(/^SHA-256 [0-9a-f]{64}$/);
    expect(await page.getByTestId('scans').locator('tbody tr').filter({ hasText: '审核意见.pdf' }).count()).toBe(1);
    expect(page.url()).toContain('view=signoff');
    await page.getByTestId('scan-card').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await gui.screenshot('review-signoff-scan');
    await logout(gui);

    // 签名证书 (安全保密管理员): revoke an expert's certificate with a reason; his new request is issued.
    await loginAs(gui, 'secadmin');
    await go(page, '/admin/certificates');
    await page.getByTestId(`revoke-${GUI_EXPERT}`).click();
    await page.getByTestId('revoke-reason').fill('人员调离');
    await page.getByTestId('revoke-confirm').click();
    await page.getByTestId('certs-notice').filter({ hasText: '已吊销 吴昊 的签名证书' }).waitFor();
    await page.getByTestId('certificates').locator('tbody tr').filter({ hasText: '人员调离' }).filter({ hasText: '已吊销' }).waitFor();
    await logout(gui);
    await as(gui.host, GUI_EXPERT, () => gui.host.call('certs.request', {}));
    await loginAs(gui, 'secadmin');
    await go(page, '/admin/certificates');
    await page.getByTestId(`issue-${GUI_EXPERT}`).click();
    await page.getByTestId('certs-notice').filter({ hasText: '已为 wuhao 签发签名证书' }).waitFor();
    await page.getByTestId(`issue-${GUI_EXPERT}`).waitFor({ state: 'detached' });
    const rows = page.getByTestId('certificates').locator('tbody tr');
    expect(await rows.locator('.ant-tag').filter({ hasText: /^有效$/ }).count()).toBe(6);
    await gui.screenshot('review-certificates');

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 120_000);

  it('an expert judges every item from the keyboard, concludes, and signs after the panel; the folder verifies', async () => {
    const dir = tempDir();
    const dbFile = copyWorkstation(seed.dbFile, dir, 'signoff');
    const outDir = join(dir, '报送材料');
    const gui = await launchGui({ dbFile });
    guis.push(gui);
    const { page, host } = gui;
    const { bankId, roundId, people } = seed;
    await unlockAndLogin(gui, GUI_EXPERT, `/banks/${bankId}/review`);

    // 审核工作台 is the expert's first view: nothing judged yet.
    const counter = page.getByTestId('review-counter');
    await counter.waitFor();
    const total = Number(await counter.getAttribute('data-total'));
    expect(total).toBeGreaterThan(200);
    expect(await counter.textContent()).toBe(`已审 0 / ${total}`);
    await page.getByTestId('ws-detail').getByTestId('preview-answer').waitFor();
    expect(await page.getByTestId('ws-detail-sets').textContent()).toMatch(/^理论知识 [甲乙丙]套 第 \d+ 题/);
    expect(await page.getByTestId('ws-detail-element').textContent()).toMatch(/^[A-Z](-[A-Z])+-\d{3} .+（重要程度 [XYZ]）— /);
    await page.keyboard.press('j');
    await page.locator('[data-testid="ws-row"][data-index="1"][data-selected="true"]').waitFor();
    await page.keyboard.press('k');
    await page.locator('[data-testid="ws-row"][data-index="0"][data-selected="true"]').waitFor();
    await gui.screenshot('review-workspace');

    // Keyboard only: 1 (通过), Enter (save, next unjudged) — every item.
    for (let i = 0; i < total; i++) {
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('review-counter').filter({ hasText: `已审 ${total} / ${total}` }).waitFor({ timeout: 120_000 });
    await page.getByTestId('ws-all-done').waitFor();
    const recorded = (await host.call('review.workspace', { bankId })) as { verdicts: { personId: number; verdict: string }[] };
    const his = recorded.verdicts.filter((v) => v.personId === people.get(GUI_EXPERT));
    expect(his).toHaveLength(total);
    expect(new Set(his.map((v) => v.verdict))).toEqual(new Set(['通过']));

    // A comment on a document, and his own conclusion.
    await page.getByTestId('note-document').fill('理论知识考核要素细目表');
    await page.getByTestId('note-text').fill('建议核对“计算机绘图”各鉴定点的名称。');
    await page.getByTestId('note-submit').click();
    await page.getByTestId('note-done').waitFor();
    await page.getByTestId('conclude-opinion').fill('试题科学规范，同意报送。');
    await page.getByTestId('conclude-submit').click();
    await page.getByTestId('conclude-done').filter({ hasText: '已提交本人结论：通过' }).waitFor();
    await page.getByTestId('conclude-card').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await gui.screenshot('review-workspace-done');
    await logout(gui);

    // The manager answers the comment in 意见答复.
    await loginAs(gui, MANAGER);
    await go(page, `/banks/${bankId}/review?view=feedback`);
    await page.getByTestId('blockers-none').waitFor();
    const answer = page.locator('[data-testid^="answer-note-"]').first();
    await answer.fill('已核对并修改鉴定点名称。');
    await answer.press('Enter');
    await page.locator('[data-testid^="answered-note-"]').filter({ hasText: '已核对并修改鉴定点名称。' }).waitFor();
    await gui.screenshot('review-feedback');
    await logout(gui);

    // Services: the leader concludes, the manager attaches the scan and generates, the other four sign.
    await as(host, LEADER, () => host.call('review.finalize', { bankId, roundId, conclusion: '通过', opinion: '试题科学规范，符合要求，同意报送。' }));
    await as(host, MANAGER, async () => {
      await host.call('review.scan.attach', { bankId, roundId, fileName: '审核意见.pdf', bytes: new Uint8Array(await blankPdf()) });
      await host.call('documents.generate', { bankId, outDir });
    });
    for (const u of EXPERTS.filter((x) => x !== GUI_EXPERT)) await as(host, u, () => host.call('review.sign', { bankId, roundId }));

    // The expert signs in the GUI: no blockers, a confirm, the folder verified.
    await loginAs(gui, GUI_EXPERT);
    await go(page, `/banks/${bankId}/review?view=signoff`);
    await page.getByTestId('signoff-ready').waitFor();
    expect(await page.getByTestId('cert-status').textContent()).toContain('有效');
    await page.getByTestId('sign').click();
    await page.getByTestId('sign-confirm').click();
    await page.locator('[data-testid="sign-verification"][data-ok="true"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('sign-verification-signers').locator('tbody tr .ant-tag-green').count()).toBe(5);
    await page.getByTestId('signoff-closed').waitFor();
    await page.getByTestId('signed-mine').waitFor();
    await page.getByTestId('sign-verification').scrollIntoViewIfNeeded();
    await gui.screenshot('review-signed');
    await page.getByTestId('verify').click();
    await page.locator('[data-testid="verify-result"][data-ok="true"]').waitFor();
    const sigs = readdirSync(join(outDir, '06_数字签名')).filter((f) => f.endsWith('.p7s'));
    expect(sigs).toHaveLength(5);
    expect(existsSync(join(outDir, '06_数字签名', '05_吴昊.p7s'))).toBe(true);
    for (const s of sigs) expect(opensslVerifies(outDir, `06_数字签名/${s}`)).toBe(true);
    await logout(gui);

    // 报送记录: the first submission, then the second only after the warning is confirmed.
    await loginAs(gui, MANAGER);
    await go(page, `/banks/${bankId}/review?view=submissions`);
    await page.getByTestId('submission-date').fill('2026-12-01');
    await page.getByTestId('submission-record').click();
    await page.getByTestId('submission-recorded').waitFor();
    await page.getByTestId('submission-date').fill('2026-12-20');
    await page.getByTestId('submission-record').click();
    await page.getByTestId('submission-confirm-text').filter({ hasText: '也是最后一次' }).waitFor();
    await page.getByTestId('submission-confirm').click();
    await page.getByTestId('submission-recorded').waitFor();
    await page.getByTestId('submissions').locator('tbody tr').filter({ hasText: '2026-12-20' }).waitFor();
    expect(await page.getByTestId('submissions').locator('tbody tr').count()).toBe(2);
    await gui.screenshot('review-submissions');

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 300_000);
});
