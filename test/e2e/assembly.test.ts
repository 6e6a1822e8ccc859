/**
 * GUI: the 组卷 tab against the real services — the manager sets the preset compact-90, pre-checks,
 * runs theory and practical sets as jobs with progress and sees the statistics and the overlap
 * matrix; an infeasible run lists its Chinese causes with links to the nodes short of items; a run
 * cancelled with 取消 saves nothing; the manager's 审定 is refused by the four-eyes rule and a
 * reviewer of the bank approves.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/tmp.js';
import { slowJobSteps } from './slow-jobs.js';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { loginAs, unlockAndLogin } from './login.js';
import { MANAGER, REVIEWER, seedWorkstation } from './seed.js';

const guis: Gui[] = [];
afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
});

async function paperCount(gui: Gui, bankId: number): Promise<number> {
  return ((await gui.host.call('papers.list', { bankId })) as unknown[]).length;
}

describe.skipIf(!hasChromium)('GUI: 组卷 (Chromium)', () => {
  const tempDir = useTempDir();
  let dbFile = '';
  let bankId = 0;

  beforeAll(async () => {
    const seeded = await seedWorkstation(join(tempDir(), 'qbank.db'), 'items');
    dbFile = seeded.dbFile;
    bankId = seeded.bankId ?? 0;
  }, 180_000);

  it('sets the structure, runs theory and practical sets with progress, explains infeasibility, cancels, and approves under four eyes', async () => {
    const gui = await launchGui({ dbFile });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, MANAGER, `/banks/${bankId}/assembly`);

    // Structure: the preset compact-90.
    await page.getByTestId('structure-current').waitFor();
    await page.getByText(/^compact-90：/).click();
    expect(await page.getByTestId('structure-total').textContent()).toContain('合计 100 分，每套 90 道');
    await page.getByTestId('structure-save').click();
    await page.getByTestId('structure-saved').waitFor();
    expect(await page.getByTestId('structure-current').textContent()).toContain('判断20×1分 + 单选60×1分 + 多选10×2分，90分钟');

    // Pre-check: the blueprint of 3 sets finds no shortage.
    await page.getByTestId('precheck').click();
    await page.getByTestId('blueprint-summary').waitFor();
    expect(await page.getByTestId('blueprint-summary').textContent()).toContain('3 套，每套 90 道');
    await page.getByTestId('precheck-ok').waitFor();
    await gui.screenshot('assembly-structure');

    // Theory, 3 sets, as a job with progress.
    const slow = slowJobSteps(400);
    try {
      await page.getByTestId('run').click();
      await page.getByTestId('job-progress').waitFor();
      await page.getByTestId('job-label').filter({ hasText: /建模|启发式|统计|保存/ }).waitFor();
      await gui.screenshot('assembly-progress');
      await page.getByTestId('results').waitFor({ timeout: 60_000 });
    } finally {
      expect(slow.restore()).toBeGreaterThan(0);
    }
    expect(await page.getByTestId('results').locator('.ant-card-head').textContent()).toMatch(/第 \d+ 次组卷结果（理论知识）/);
    await page.getByTestId('certificate').waitFor();
    const sets = page.getByTestId('set-statistics').locator('tbody tr.ant-table-row');
    expect(await sets.count()).toBe(3);
    expect(await sets.first().textContent()).toContain('甲套');
    expect(await page.getByTestId('overlap-甲-乙').textContent()).toBe('0');
    expect(await page.getByTestId('overlap-甲-甲').textContent()).toBe('—');
    await gui.screenshot('assembly-results');
    const theoryPapers = await paperCount(gui, bankId);
    expect(theoryPapers).toBe(3);

    // Practical, 3 sets.
    await page.getByTestId('param-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '技能考核' }).click();
    await page.getByTestId('run').click();
    await page.getByTestId('results').locator('.ant-card-head').filter({ hasText: '技能考核' }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('set-statistics').locator('tbody tr.ant-table-row').count()).toBe(3);
    expect(await paperCount(gui, bankId)).toBe(6);

    // 作废 one practical set: a reason of one character is refused in Chinese, a real one voids it.
    const voidButton = page.getByTestId('papers-card').locator('[data-testid^="void-"]').last();
    const paperId = Number(((await voidButton.getAttribute('data-testid')) ?? '').replace('void-', ''));
    await voidButton.click();
    await page.getByTestId('void-reason').fill('改');
    await page.getByTestId('void-confirm').click();
    await page.getByTestId('void-error').waitFor();
    expect(await page.getByTestId('void-error').textContent()).toContain('作废须说明原因');
    await page.getByTestId('void-reason').fill('评分标准需要修改');
    await page.getByTestId('void-confirm').click();
    await page.getByTestId('papers-message').filter({ hasText: '已作废丙套' }).waitFor();
    await page.getByTestId(`status-${paperId}`).waitFor({ state: 'detached' });
    await page.getByTestId('show-void').click();
    await page.getByTestId(`status-${paperId}`).filter({ hasText: '已作废' }).waitFor();

    // Infeasible: four theory sets need more 判断题 than some 鉴定范围 hold.
    await page.getByTestId('param-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '理论知识' }).click();
    await page.getByTestId('param-sets').fill('4');
    await page.getByTestId('run').click();
    await page.getByTestId('infeasible').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('infeasible').textContent()).toContain('无法组卷');
    const causes = page.getByTestId('infeasible-causes').locator('li');
    expect(await causes.count()).toBeGreaterThan(0);
    expect(await causes.first().textContent()).toMatch(/鉴定范围 [A-Z](-[A-Z])* .*需要 \d+ 道/);
    const link = page.getByTestId('infeasible-causes').locator('a').first();
    const code = (await link.textContent()) ?? '';
    expect(await link.getAttribute('href')).toBe(`#/banks/${bankId}/items?point=${code}`);
    await gui.screenshot('assembly-infeasible');
    expect(await paperCount(gui, bankId)).toBe(6);

    // Cancel: a run stopped with 取消 says so in Chinese and stores nothing.
    await page.getByTestId('param-sets').fill('3');
    const slower = slowJobSteps(600);
    try {
      await page.getByTestId('run').click();
      await page.getByTestId('job-progress').waitFor();
      await page.getByTestId('job-cancel').click();
      await page.getByTestId('run-cancelled').waitFor({ timeout: 60_000 });
    } finally {
      slower.restore();
    }
    expect(await page.getByTestId('run-cancelled').textContent()).toContain('已取消“组卷”，未保存任何内容');
    expect(await paperCount(gui, bankId)).toBe(6);
    const runRows = page.getByTestId('papers-card').locator('[data-testid^="run-"]');
    expect(await runRows.count()).toBe(1);

    // The manager who assembled may not approve (四眼原则).
    const approve = page.locator('[data-testid^="approve-"]:not([data-testid^="approve-confirm"])').first();
    const runId = Number(((await approve.getAttribute('data-testid')) ?? '').replace('approve-', ''));
    await approve.click();
    await page.getByTestId(`approve-confirm-${runId}`).click();
    await page.getByTestId('papers-error').waitFor();
    expect(await page.getByTestId('papers-error').textContent()).toContain('四眼原则');

    // A reviewer of the bank approves.
    await page.getByTestId('logout').click();
    await loginAs(gui, REVIEWER);
    await gui.open(`/banks/${bankId}/assembly`);
    await page.getByTestId(`approve-${runId}`).click();
    await page.getByTestId(`approve-confirm-${runId}`).click();
    await page.getByTestId('papers-message').waitFor();
    expect(await page.getByTestId('papers-message').textContent()).toContain('已审定 3 套试卷');
    expect(await page.getByTestId(`run-${runId}`).locator('.ant-tag').allTextContents()).toEqual(['已审定', '已审定', '已审定']);

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 300_000);
});
