/**
 * GUI: 符合性报告 against the real services — the 安全保密管理员 opens the page from the admin menu, sees
 * every clause with its conclusion and its tests' last results (crafted results, test/helpers/conformance.ts)
 * and writes the docx into the folder the picker gives. The workstation is a test one (key file, cheap
 * password hashes: test/helpers/workstation.ts), so the test spends its time on the page, not on scrypt.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CONFORMANCE_CLAUSES } from '../../app/domain/conformance/clauses.js';
import { invoke } from '../../app/services/handler.js';
import { handlers } from '../../app/services/registry.js';
import { writeCraftedResults } from '../helpers/conformance.js';
import { TEST_PASSWORD, useWorkstation } from '../helpers/workstation.js';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';

const guis: Gui[] = [];
afterAll(async () => {
  await closeBrowser();
});

describe.skipIf(!hasChromium)('GUI: 符合性报告 (Chromium)', () => {
  const workstation = useWorkstation();
  afterEach(async () => {
    for (const g of guis.splice(0)) await g.close();
    vi.unstubAllEnvs();
  });

  it('the 安全保密管理员 sees every clause with its tests’ results and writes the docx', async () => {
    const ws = workstation();
    const crafted = writeCraftedResults(ws.dir);
    vi.stubEnv('QBANK_TEST_RESULTS', crafted.vitest);
    vi.stubEnv('QBANK_FAULT_RESULTS', crafted.faults);
    // the test workstation's clock is not the page's: passwords that do not expire
    await invoke(ws.as('secadmin', ['secadmin']), handlers['policy.set'], { changes: { maxAgeDays: 0 } });
    const out = join(ws.dir, 'reports');
    const gui = await launchGui({ dbFile: join(ws.dir, 'qbank.db'), chooseFolder: () => Promise.resolve(out) });
    guis.push(gui);
    const { page } = gui;
    await gui.open('/');
    await page.locator('.ant-radio-wrapper').filter({ hasText: '密钥文件' }).click();
    if (ws.secret.kind !== 'keyFile') throw new Error('test workstations use a key file');
    await page.getByTestId('key-file').setInputFiles({ name: 'ws.key', mimeType: 'application/octet-stream', buffer: Buffer.from(ws.secret.bytes) });
    await page.getByTestId('open').click();
    await page.getByTestId('username').fill('secadmin');
    await page.getByTestId('password').fill(TEST_PASSWORD);
    await page.getByTestId('login').click();

    await page.getByTestId('menu-/admin/conformance').click();
    await page.getByTestId('conformance-summary').filter({ hasText: `共 ${CONFORMANCE_CLAUSES.length} 条：通过 1 条，失败 3 条，跳过 1 条` }).waitFor();
    expect(await page.locator('[data-testid^="conformance-gc-"], [data-testid^="conformance-a6-"]').count()).toBe(CONFORMANCE_CLAUSES.length);
    const gc7 = page.getByTestId('conformance-gc-7');
    expect(await gc7.getAttribute('data-outcome')).toBe('失败');
    expect(await gc7.locator('[data-testid="conformance-test"][data-outcome="失败"]').count()).toBe(1);
    expect(await page.getByTestId('conformance-gc-4').getAttribute('data-outcome')).toBe('通过');
    await gui.screenshot('conformance');

    await page.getByTestId('conformance-export').click();
    await page.getByTestId('conformance-notice').filter({ hasText: /^已导出 .*安全保密符合性报告\.docx（\d+ 字节）$/u }).waitFor();
    expect(existsSync(join(out, '安全保密符合性报告.docx'))).toBe(true);
    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 60_000);
});
