import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listElements, theoryElementTableSchema } from '../../../app/domain/element-table.js';
import { runDemo } from '../../../app/demo/demo.js';
import { sampleElementTable, samplePracticalTasks, sampleTheoryItems } from '../../../app/demo/sample-bank.js';
import { demoFixture } from '../../helpers/demo-fixture.js';
import { docxPart } from '../../helpers/office.js';
import { useTempDir } from '../../helpers/tmp.js';

describe('demo', () => {
  const tempDir = useTempDir();

  // the run shared with the other test files that need a demo workstation (test/helpers/demo-fixture.ts)
  it('runs the chain on a fresh database and reports it in demo.json', async () => {
    const { out } = await demoFixture();
    const report = JSON.parse(readFileSync(join(out, 'demo.json'), 'utf8'));
    expect(report).toMatchObject({
      version: 1,
      database: 'qbank.db',
      occupation: { code: '3-01-02-07', name: '制图员', level: 4, track: '机械' },
      // the item the exam's statistics flagged went back to 待审 (the analysis below)
      counts: { practicalTasks: 9, comprehensiveItems: 0, byState: { 草稿: 0, 待审: 1, 入库: report.counts.theoryItems + 9 - 1 } },
      audit: { verified: true },
    });
    expect(report.counts.elements).toBeGreaterThanOrEqual(60);
    expect(report.counts.theoryItems).toBeGreaterThanOrEqual(300);
    expect(report.counts.byType.trueFalse + report.counts.byType.singleChoice + report.counts.byType.multipleChoice).toBe(report.counts.theoryItems);
    expect(report.elementTable.warnings).toEqual([]);
    expect(report.import).toMatchObject({ files: expect.arrayContaining([expect.stringMatching(/\.xlsx$/), expect.stringMatching(/\.docx$/)]) });
    expect(report.import.accepted).toBe(report.counts.theoryItems + report.counts.practicalTasks);
    expect(report.import.duplicates).toBeGreaterThanOrEqual(8);
    expect(report.quality.nearDuplicatePairs).toBe(0);
    // the team of nine, a second 题库管理员 (who accepts the revised item: 四眼原则) and the 三员
    expect(report.accounts).toMatchObject({ users: 13, pledges: 10, admins: ['sysadmin', 'secadmin', 'auditor'] });
    expect(report.workstation.encrypted).toBe(true);
    expect(report.registers.map((r: { part: string }) => r.part)).toEqual(['涉密人员登记表', '调阅登记表', '组卷登记表', '存档登记表', '登录登记表', '权限登记表']);
    for (const r of report.registers as { file: string }[]) expect(existsSync(join(out, r.file)), r.file).toBe(true);
    expect(report.audit.entries).toBeGreaterThanOrEqual(50);
    expect(report.audit.checkpoint).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(report.audit.checkpoints).toBeGreaterThanOrEqual(8);
    expect(existsSync(join(out, report.database))).toBe(true);
    // 3 full-size theory sets and 3 practical sets, disjoint, each 100 points, parallel within the tolerance.
    expect(report.sets.theory.map((s: { label: string; items: number; points: number }) => [s.label, s.items, s.points])).toEqual([
      ['甲', 170, 100],
      ['乙', 170, 100],
      ['丙', 170, 100],
    ]);
    expect(report.sets.practical.map((s: { tasks: number; points: number }) => [s.tasks, s.points])).toEqual([
      [3, 100],
      [3, 100],
      [3, 100],
    ]);
    expect(report.assembly).toMatchObject({ certified: true, fullSizeFindings: [] });
    expect(report.assembly.bound).toBeGreaterThanOrEqual(0);
    expect(report.assembly.gap).toBeLessThanOrEqual(0.0005);
    expect(report.assembly.overlapMatrix).toEqual([
      [170, 0, 0],
      [0, 170, 0],
      [0, 0, 170],
    ]);
    expect(report.assembly.practical.overlapMatrix).toEqual([
      [3, 0, 0],
      [0, 3, 0],
      [0, 0, 3],
    ]);
    // The submission folder in 附件6 order: every document exists and is a real docx/xlsx (zip).
    const parts = [...new Set(report.documents.map((d: { part: string }) => d.part))];
    expect(parts).toEqual(['01_题库编制说明', '02_考核要素细目表', '03_1_理论知识试题', '03_2_技能考核试题', '04_题库开发组成员名单', '05_题库内部审核意见']);
    expect(report.documents).toHaveLength(27);
    for (const d of report.documents as { file: string; bytes: number }[]) {
      expect(d.file.startsWith('submission/'), d.file).toBe(true);
      expect(readFileSync(join(out, d.file)).subarray(0, d.file.endsWith('.pdf') ? 5 : 2).toString('latin1'), d.file).toBe(d.file.endsWith('.pdf') ? '%PDF-' : 'PK');
    }
    expect(report.submission).toMatchObject({ folder: 'submission', files: 27 });
    // The review: five experts of the three categories, one item revised and its set updated, the scan attached,
    // five signatures over the manifest that verify, the submission recorded.
    expect(report.review).toMatchObject({
      experts: 5,
      categories: { 方法: 1, 内容: 2, 实际工作: 2 },
      leader: '陈静',
      round: 1,
      conclusion: '修改后通过',
      signatures: 5,
      verified: true,
      scan: 'submission/05_题库内部审核意见（专家签名扫描件）.pdf',
      revisedItems: 1,
      submissions: 1,
    });
    expect(report.review.change).toMatch(/^甲套：#\d+ 第 1 版 → #\d+ 第 2 版$/);
    expect(readdirSync(join(out, 'submission', '06_数字签名')).filter((f) => f.endsWith('.p7s'))).toHaveLength(5);
    // The sample's notes name no edition of the national standard: the submission says so instead of inventing one.
    expect(report.submission.warnings).toEqual(['编制说明引用的国家职业技能标准没有版本年份（qbank documents notes 填写 standardYear）']);
    // The folder lists in 附件6 order by code point and by pinyin, and every practical 试题 carries its drawings.
    const files = (report.documents as { file: string }[]).map((d) => d.file);
    expect([...files].sort()).toEqual(files);
    expect([...files].sort(new Intl.Collator('zh-CN-u-co-pinyin').compare)).toEqual(files);
    const papers = files.filter((f) => f.endsWith('/3_试题.docx'));
    expect(papers).toHaveLength(3);
    for (const f of papers) expect((await docxPart(new Uint8Array(readFileSync(join(out, f))))).match(/<pic:pic\b/g)?.length ?? 0, f).toBe(3);
    // The encrypted disc: written and verified, the plaintext wiped, opened by the upload station into
    // submission/ again (the documents above are those files); the backup restored with its log verifying.
    expect(report.export).toMatchObject({ opened: true, cms: true, wiped: 36, files: 36, manifest: 'PACKAGE.json', backup: { restored: true, auditVerified: true } });
    for (const f of [report.export.iso, report.export.label, report.export.recipientKey, report.export.backup.iso, report.export.backup.database]) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readdirSync(join(out, 'export')).filter((n) => n.startsWith('.'))).toEqual([]);
    // The simulated exam of set 甲: the planted key error flagged (and only it), sent back to 待审; the
    // report and the QTI package written (test/integration/services/results.test.ts, test/integration/qti).
    expect(report.analysis).toMatchObject({ candidates: 400, flagged: [report.analysis.planted], returned: [report.analysis.planted] });
    expect(report.analysis.reliability).toBeGreaterThan(0.9);
    expect(report.analysis.qti.items).toBe(report.counts.theoryItems - 1);
    for (const f of [report.analysis.sheet, report.analysis.report.docx, report.analysis.report.xlsx, report.analysis.qti.file]) expect(existsSync(join(out, f)), f).toBe(true);
  }, 300_000);

  it('starts from a fresh database when run again in the same folder', async () => {
    // what an earlier run leaves (the database, the submission, the discs, the restored copy) is replaced
    const out = tempDir();
    for (const d of ['submission', 'export', 'restored', 'registers']) mkdirSync(join(out, d));
    writeFileSync(join(out, 'qbank.db'), randomBytes(8192));
    for (const f of ['submission/旧.docx', 'export/旧.iso', 'restored/qbank.db', 'registers/旧.xlsx']) writeFileSync(join(out, f), 'old');
    const second = await runDemo({ outDir: out });
    expect(JSON.parse(readFileSync(join(out, 'demo.json'), 'utf8'))).toEqual(second.report);
    expect(second.report.counts.theoryItems).toBeGreaterThanOrEqual(300);
    expect(second.report.audit.verified).toBe(true);
    for (const f of ['submission/旧.docx', 'export/旧.iso', 'registers/旧.xlsx']) expect(existsSync(join(out, f)), f).toBe(false);
  }, 300_000);
});

describe('sample bank', () => {
  const table = theoryElementTableSchema.parse(sampleElementTable());
  const elements = listElements(table);
  const items = sampleTheoryItems() as { type: string; element: string; key: string | boolean; stem: string }[];

  it('binds every 鉴定点 to at least two items and every item to a 鉴定点', () => {
    const codes = new Set(elements.map((e) => e.fullCode));
    const perElement = new Map<string, number>();
    for (const i of items) {
      expect(codes.has(i.element), i.element).toBe(true);
      perElement.set(i.element, (perElement.get(i.element) ?? 0) + 1);
    }
    expect(Math.min(...elements.map((e) => perElement.get(e.fullCode) ?? 0))).toBeGreaterThanOrEqual(2);
  });

  it('balances single-choice keys over A–D', () => {
    const singles = items.filter((i) => i.type === 'singleChoice');
    for (const letter of ['A', 'B', 'C', 'D']) {
      const share = singles.filter((i) => i.key === letter).length / singles.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.3);
    }
  });

  it('has no repeated stem', () => {
    const stems = items.map((i) => i.stem.replace(/\s+/g, ''));
    expect(new Set(stems).size).toBe(stems.length);
  });

  it('has three parallel practical tasks for each 职业功能', () => {
    const modules = (samplePracticalTasks() as { module: string }[]).map((t) => t.module);
    expect(['A', 'B', 'C'].map((m) => modules.filter((x) => x === m).length)).toEqual([3, 3, 3]);
  });
});
