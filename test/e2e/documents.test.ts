/**
 * GUI: the 申报材料 tab against the real services — the manager fills the 编制说明's free text (a
 * wrong year refused in Chinese), generates the submission into a folder with progress and sees the
 * gaps and the files in 附件6 order with their sizes, then previews a paper as pages (the watermark on
 * screen) with its 标准答案 as pages of their own. Also: the preview's wording equals the templates'.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopHost } from '../../app/services/desktop/host.js';
import { documentHeader } from '../../app/services/documents/gather.js';
import { documentsMessages } from '../../app/services/documents/messages.js';
import type { BankRecord } from '../../app/store/repositories/banks.js';
import { markText } from '../../app/domain/submission/marking.js';
import { submissionNotesSchema } from '../../app/domain/submission/notes.js';
import type { TheoryPaperData } from '../../app/domain/submission/documents.js';
import * as T from '../../app/domain/submission/wording/theory.js';
import * as P from '../../app/domain/submission/wording/practical.js';
import * as W from '../../app/renderer/src/pages/documents/paperWording.js';
import { headerOf, SAMPLE_NOTE } from '../../app/renderer/src/pages/documents/paperData.js';
import { useTempDir } from '../helpers/tmp.js';
import { slowJobSteps } from './slow-jobs.js';
import { closeBrowser, hasChromium, launchGui, type Gui } from './harness.js';
import { unlockAndLogin } from './login.js';
import { MANAGER, PASSPHRASE, PASSWORD, REVIEWER, seedWorkstation } from './seed.js';

const guis: Gui[] = [];
afterAll(async () => {
  for (const g of guis.splice(0)) await g.close();
  await closeBrowser();
});

/** Scrolls the page so the element starts at the top of the window (for the screenshots). */
async function scrollToTop(locator: Locator): Promise<void> {
  await locator.evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** A reviewer of the bank approves every draft run (四眼原则), before the GUI opens the workstation. */
async function approveAsReviewer(dbFile: string, bankId: number): Promise<void> {
  const host = new DesktopHost({ dbFile, anchorDir: null });
  try {
    host.open({ secret: { kind: 'passphrase', passphrase: PASSPHRASE } });
    await host.login({ username: REVIEWER, password: PASSWORD });
    const papers = (await host.call('papers.list', { bankId, status: '草稿' })) as { runId: number }[];
    for (const runId of new Set(papers.map((p) => p.runId))) await host.call('papers.approve', { bankId, runId });
  } finally {
    host.close();
  }
}

/** The files of a submission of 3 theory and 3 practical sets, in 附件6 order. */
function expectedOrder(): string[] {
  const { parts: D, files: F } = documentsMessages;
  const sets = ['1_甲套', '2_乙套', '3_丙套'];
  return [
    F.note,
    `${D.tables}/${F.theoryTableDocx}`,
    `${D.tables}/${F.theoryTableXlsx}`,
    `${D.tables}/${F.practicalStructureDocx}`,
    `${D.tables}/${F.practicalStructureXlsx}`,
    ...sets.flatMap((s) => [`${D.theory}/${s}/${F.theoryPaper}`, `${D.theory}/${s}/${F.theoryAnswers}`]),
    ...sets.flatMap((s) => [F.siteNotice, F.candidateNotice, F.practicalPaper, F.scoreSheet].map((f) => `${D.practical}/${s}/${f}`)),
    F.teamDocx,
    F.teamXlsx,
    F.review,
  ];
}

describe('the paper preview prints the templates’ wording', () => {
  const header = { occupationName: '制图员', occupationCode: '3-01-02-07', track: '机械', level: 4 as const, levelName: '四级/中级工', occupationTitle: '制图员（机械）', mark: '机密★启用前', sampleNote: '', institution: '' };
  const item = (number: number, stem: string, type: 'trueFalse' | 'singleChoice' | 'multipleChoice') => ({
    number,
    images: [],
    item:
      type === 'trueFalse'
        ? { type, stem, key: true, element: 'A-A-A-001', difficulty: 3, explanation: '', images: [] }
        : type === 'singleChoice'
          ? { type, stem, options: ['甲', '乙', '丙', '丁'], key: 'B' as const, element: 'A-A-A-001', difficulty: 3, explanation: '', images: [] }
          : { type, stem, options: ['甲', '乙', '丙', '丁', '戊'], key: 'ACE', element: 'A-A-A-001', difficulty: 3, explanation: '', images: [] },
  });
  const data = (standardYear: string): TheoryPaperData => ({
    header,
    setLabel: '乙',
    minutes: 90,
    totalPoints: 100,
    sealLine: true,
    standardYear,
    paperCode: '3-01-02-07-4-L-乙',
    sections: [
      { type: 'trueFalse', pointsEach: 1, items: Array.from({ length: 20 }, (_, i) => item(i + 1, `判断题干${i}（ ）`, 'trueFalse')) },
      { type: 'singleChoice', pointsEach: 1, items: Array.from({ length: 60 }, (_, i) => item(i + 21, `单选题干${i}`, 'singleChoice')) },
      { type: 'multipleChoice', pointsEach: 2, items: Array.from({ length: 10 }, (_, i) => item(i + 81, `多选(  )题干${i}`, 'multipleChoice')) },
    ],
  });

  it('takes every wording function from the domain, as the templates do (no copy to drift apart)', () => {
    for (const [name, value] of Object.entries(T)) expect((W as Record<string, unknown>)[name], name).toBe(value);
    expect(W.practicalTitle).toBe(P.paperTitle);
    for (const name of ['PAPER_NOTES', 'stripNumber', 'lines', 'taskHeading', 'taskLabels', 'figureCaption', 'practicalFirstNote', 'REQUIREMENTS_HEADING', 'FIGURES_HEADING', 'NOTICE_HEADING_SPACED'] as const) {
      expect(W[name], name).toBe(P[name]);
    }
    const d = data('2019');
    expect(W.paperTitle(d)).toBe('制图员（机械）四级/中级工 理论知识试卷（乙套）');
    expect(W.blankFieldsText(W.SEAL.fields)).toBe(`姓名${'_'.repeat(12)}　　准考证号${'_'.repeat(20)}　　单位${'_'.repeat(24)}`);
  });

  it('the header of a document, as the submission gathers it', () => {
    const notes = submissionNotesSchema.parse({ institution: '某职业技能鉴定中心' });
    const bank: BankRecord = { id: 1, name: '样例', occupationCode: '3-01-02-07', occupationName: '制图员', track: '机械', level: 4, secrecy: { level: '机密', period: '', beforeUse: true }, isSample: true, createdAt: '', createdBy: '', updatedAt: '' };
    for (const cls of ['theoryPaper', 'answerKey', 'practicalPaper'] as const) {
      expect(headerOf(bank, notes, cls, {})).toEqual({ ...documentHeader(bank, notes), mark: markText(cls, bank.secrecy, {}) });
    }
    expect(SAMPLE_NOTE).toBe(documentsMessages.sampleNote);
  });
});

describe.skipIf(!hasChromium)('GUI: 申报材料 (Chromium)', () => {
  const tempDir = useTempDir();
  let dbFile = '';
  let bankId = 0;

  beforeAll(async () => {
    const seeded = await seedWorkstation(join(tempDir(), 'qbank.db'), 'assembled');
    dbFile = seeded.dbFile;
    bankId = seeded.bankId ?? 0;
    await approveAsReviewer(dbFile, bankId);
  }, 240_000);

  it('fills the notes, generates the submission with progress, lists its files and previews a paper', async () => {
    const outDir = join(tempDir(), '申报材料');
    const gui = await launchGui({ dbFile, chooseFolder: async () => outDir });
    guis.push(gui);
    const { page } = gui;
    await unlockAndLogin(gui, MANAGER, `/banks/${bankId}/documents`);

    // Notes: a wrong year is refused in Chinese, then the notes are saved.
    await page.getByTestId('note-institution').waitFor();
    await page.getByTestId('note-standardYear').fill('19');
    await page.getByTestId('notes-save').click();
    await page.getByTestId('notes-error').waitFor();
    expect(await page.getByTestId('notes-error').textContent()).toContain('不是四位数字的年份');
    await page.getByTestId('note-standardYear').fill('2019');
    await page.getByTestId('note-institution').fill('广东省职业技能鉴定指导中心（样例）');
    await page.getByTestId('note-definition').fill('使用绘图仪器、设备，根据工程或产品的设计方案、草图和技术性说明，绘制其正图（原图）、底图及其他技术图样的人员。');
    await page.getByTestId('notes-save').click();
    await page.getByTestId('notes-saved').waitFor();
    await scrollToTop(page.getByTestId('notes-card'));
    await gui.screenshot('documents-notes');

    // Generate into the chosen folder, with progress.
    const slow = slowJobSteps(150);
    try {
      await page.getByTestId('generate').click();
      await page.getByTestId('job-progress').waitFor();
      await page.getByTestId('job-label').filter({ hasText: /\.(docx|xlsx)$/ }).waitFor();
      await page.getByTestId('files').waitFor({ timeout: 120_000 });
    } finally {
      expect(slow.restore()).toBeGreaterThan(0);
    }
    const paths = await page.getByTestId('file-path').allTextContents();
    expect(paths).toEqual(expectedOrder());
    for (const p of paths) expect(statSync(join(outDir, p)).size).toBeGreaterThan(0);
    expect(existsSync(join(outDir, '清单.json'))).toBe(true);
    const firstSize = (await page.getByTestId('files').locator('tbody tr').first().locator('td').nth(3).textContent()) ?? '';
    expect(firstSize).toMatch(/^\d+(\.\d)? KB$/);
    expect(await page.getByTestId('generate-folder').textContent()).toContain(outDir);
    // The 开发过程 was left blank: the submission names the gap.
    expect(await page.getByTestId('generate-warnings').textContent()).toContain('开发过程');
    await scrollToTop(page.getByTestId('generate-card'));
    await gui.screenshot('documents-files');

    // Preview the 甲套 theory paper: pages with the mark, the watermark on screen, the answers apart.
    await page.getByTestId('preview-paper').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '理论知识 甲套' }).click();
    await page.getByTestId('preview').click();
    await page.getByTestId('paper-pages').getByTestId('sheet').first().waitFor();
    expect(await page.getByTestId('paper-title').first().textContent()).toBe('制图员（机械）四级/中级工 理论知识试卷（甲套）');
    expect(await page.getByTestId('paper-notice').first().textContent()).toContain('国家职业技能标准（2019年版）命制，考试时间：90分钟');
    const sheets = page.getByTestId('paper-pages').getByTestId('sheet');
    expect(await sheets.getByTestId('paper-item').count()).toBe(90);
    expect(await page.getByTestId('sheet-mark').first().textContent()).toContain('机密★启用前');
    expect(await sheets.count()).toBeGreaterThan(3);
    await page.getByTestId('watermark').waitFor();
    await scrollToTop(sheets.first());
    await gui.screenshot('documents-preview');
    await page.getByTestId('answers-tab').click();
    await page.getByTestId('answer-pages').getByTestId('sheet').getByTestId('answers-title').waitFor();
    expect(await page.getByTestId('answer-pages').getByTestId('sheet').getByTestId('answer-key').count()).toBe(90);

    expect(gui.blocked).toEqual([]);
    expect(gui.errors).toEqual([]);
  }, 300_000);
});
