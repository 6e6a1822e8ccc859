import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExpertRole } from '../../../app/domain/person.js';
import { invoke } from '../../../app/services/handler.js';
import { reviewMessages } from '../../../app/services/review/messages.js';
import { handlers } from '../../../app/services/registry.js';
import { findAccount } from '../../../app/store/repositories/accounts.js';
import { getPerson, updatePerson } from '../../../app/store/repositories/people.js';
import { docxParagraphs, renderPdf } from '../../helpers/office.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

const EXPERTS: [string, ExpertRole][] = [
  ['fangfa', '方法专家'],
  ['neirong1', '内容专家'],
  ['neirong2', '内容专家'],
  ['shiji1', '实际工作专家'],
  ['shiji2', '实际工作专家'],
];

/** The sample bank assembled (3 theory + 3 practical sets, approved), with an author and five reviewers. */
async function assembledBank(ws: TestWorkstation) {
  // The author's account is older than the manager's: the 名单 still lists the manager first.
  ws.as('writer', ['author']);
  const { ctx, bankId } = await sampleBank(ws);
  const sec = ws.as('sec', ['secadmin']);
  await invoke(sec, handlers['access.grant'], { bankId, username: 'writer', role: 'author' });
  // 四眼原则: a reviewer of the bank approves the sets the manager assembled.
  let reviewer = ctx;
  for (const [username, role] of EXPERTS) {
    reviewer = ws.as(username, ['reviewer']);
    const personId = findAccount(ws.db, username)?.personId ?? 0;
    const person = getPerson(ws.db, personId)!;
    updatePerson(ws.db, personId, { ...person, expertRole: role }, new Date().toISOString());
    await invoke(sec, handlers['access.grant'], { bankId, username, role: 'reviewer' });
  }
  for (const kind of ['theory', 'practical'] as const) {
    const run = await invoke(ctx, handlers['assembly.run'], { bankId, kind });
    await invoke(reviewer, handlers['papers.approve'], { bankId, runId: run.runId });
  }
  return { ctx, bankId };
}

describe('documents.generate', () => {
  const workstation = useWorkstation();

  it('writes the whole submission in 附件6 order, numbers agreeing with the bank, every file registered', async () => {
    const ws = workstation();
    const { ctx, bankId } = await assembledBank(ws);
    await invoke(ctx, handlers['documents.notes.set'], { bankId, notes: { institution: '测试评价中心', definition: '从事测试的人员', process: '两轮审核', standardYear: '2019', reviewConclusion: '通过' } });
    const out = join(ws.dir, 'submission');
    const r = await invoke(ctx, handlers['documents.generate'], { bankId, outDir: out });

    expect(r.sets).toEqual({ theory: 3, practical: 3, comprehensive: 0 });
    expect(r.drafts).toBe(0);
    // complete but for the panel's ink-signed scan (attached after the review: test/integration/review)
    expect(r.warnings).toEqual([reviewMessages.scanGap]);
    const paths = r.files.map((f) => f.path);
    expect(paths.slice(0, 5)).toEqual([
      '01_题库编制说明.docx',
      '02_考核要素细目表/1_理论知识考核要素细目表.docx',
      '02_考核要素细目表/1_理论知识考核要素细目表.xlsx',
      '02_考核要素细目表/2_技能考核内容结构表.docx',
      '02_考核要素细目表/2_技能考核内容结构表.xlsx',
    ]);
    ['甲', '乙', '丙'].forEach((label, i) => {
      const set = `${String(i + 1)}_${label}套`;
      expect(paths).toContain(`03_1_理论知识试题/${set}/1_试卷.docx`);
      expect(paths).toContain(`03_1_理论知识试题/${set}/2_标准答案.docx`);
      for (const doc of ['1_考场准备通知单', '2_考生准备通知单', '3_试题', '4_评分标准及评分记录表']) expect(paths).toContain(`03_2_技能考核试题/${set}/${doc}.docx`);
    });
    expect(paths.slice(-3)).toEqual(['04_题库开发组成员名单.docx', '04_题库开发组成员名单.xlsx', '05_题库内部审核意见.docx']);
    expect(paths).toHaveLength(5 + 6 + 12 + 3);
    // A file manager lists them in 附件6 order, by code point and by pinyin alike.
    expect([...paths].sort()).toEqual(paths);
    expect([...paths].sort(new Intl.Collator('zh-CN-u-co-pinyin').compare)).toEqual(paths);

    // Marks per document class: 机密★ on papers and keys, 工作秘密 on the 细目表 and the lists, none on the 考生准备通知单.
    const firstLine = async (path: string) => (await docxParagraphs(new Uint8Array(readFileSync(join(out, path))), 'word/header1.xml')).join('\n');
    expect(await firstLine('03_1_理论知识试题/1_甲套/2_标准答案.docx')).toContain('机密★启用前');
    expect(await firstLine('03_2_技能考核试题/1_甲套/1_考场准备通知单.docx')).toContain('工作秘密');
    expect(await firstLine('03_2_技能考核试题/1_甲套/2_考生准备通知单.docx')).not.toMatch(/机密|秘密/);
    expect(await firstLine('04_题库开发组成员名单.docx')).toContain('工作秘密');

    // The paper holds its set's 170 items, numbered 1 … 170, and the year of the standard.
    const paper = new Uint8Array(readFileSync(join(out, '03_1_理论知识试题/1_甲套/1_试卷.docx')));
    const lines = await docxParagraphs(paper);
    expect(lines.some((l) => l.includes('（2019年版）') && l.includes('120分钟'))).toBe(true);
    expect(lines.some((l) => l.startsWith('170.'))).toBe(true);
    expect(lines.some((l) => l.startsWith('171.'))).toBe(false);
    // Every paper, its answers and the practical 试题 carry their 试卷编号.
    expect(lines).toContain('试卷编号：3-01-02-07-4-L-甲');
    expect(await docxParagraphs(new Uint8Array(readFileSync(join(out, '03_1_理论知识试题/2_乙套/2_标准答案.docx'))))).toContain('试卷编号：3-01-02-07-4-L-乙');
    expect(await docxParagraphs(new Uint8Array(readFileSync(join(out, '03_2_技能考核试题/3_丙套/3_试题.docx'))))).toContain('试卷编号：3-01-02-07-4-J-丙');

    // 名单: the manager and the author, not the reviewers; 审核意见: the five reviewers.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(out, '04_题库开发组成员名单.xlsx')) as unknown as ArrayBuffer);
    const names = book.worksheets[0]!.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []));
    expect(names).toEqual(expect.arrayContaining(['boss', 'writer']));
    expect(names.indexOf('boss')).toBeLessThan(names.indexOf('writer'));
    expect(names).not.toContain('fangfa');
    const review = (await docxParagraphs(new Uint8Array(readFileSync(join(out, '05_题库内部审核意见.docx'))))).join('\n');
    for (const [name, role] of EXPERTS) {
      expect(review).toContain(name);
      expect(review).toContain(role);
    }

    // 编制说明: the counts table agrees with the sets (20 / 140 / 10 per set) and the bank.
    const note = (await docxParagraphs(new Uint8Array(readFileSync(join(out, '01_题库编制说明.docx'))))).join('\n');
    expect(note).toContain('测试评价中心');
    // Both figures, labelled: what the bank holds and what this folder's sets hold (3 × 170 disjoint + 9 tasks).
    expect(note).toContain('本次报送的 6 套试卷共用其中 519 道');
    expect(note).toContain('《制图员国家职业技能标准》（2019年版）');
    expect(note).toContain('预估平均通过率相差不超过 0.001');
    expect(note).not.toMatch(/通过率之和|近似重复的试题不同卷/);
    expect(note).toContain('判断题');
    const cells = (await docxParagraphs(new Uint8Array(readFileSync(join(out, '01_题库编制说明.docx'))))).map((l) => l.trim());
    // 试题数量统计: 单选 140 per set and 489 入库 in the bank; 判断 20 per set and 102 in the bank.
    expect(cells).toEqual(expect.arrayContaining(['140', '489', '20', '102']));
    // It describes the structure the sets were drawn for (单选 0.5 分), even after the bank's structure changes.
    expect(note).toContain('0.5');
    await invoke(ctx, handlers['assembly.structure.set'], { bankId, value: { preset: 'compact-90' } });
    const again = await invoke(ctx, handlers['documents.generate'], { bankId, outDir: join(ws.dir, 'again') });
    const noteAgain = (await docxParagraphs(new Uint8Array(readFileSync(again.files[0]!.absolutePath)))).join('\n');
    expect(noteAgain).toContain('0.5');

    // Each file is in the 存档 register; the generation is a 调阅 with every file named, no text.
    const archived = ws.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE register = '存档' AND action = 'output.write'`).pluck().get() as number;
    expect(archived).toBeGreaterThanOrEqual(r.files.length);
    const entry = ws.db.prepare(`SELECT register, objects FROM audit_log WHERE action = 'documents.generate'`).get() as { register: string; objects: string };
    expect(entry.register).toBe('调阅');
    expect((JSON.parse(entry.objects) as string[]).filter((o) => o.startsWith('file:'))).toHaveLength(r.files.length);
  }, 180_000);

  it('renders the paper with LibreOffice: pages numbered, secrecy mark and title legible', async (t) => {
    const ws = workstation();
    const { ctx, bankId } = await assembledBank(ws);
    const out = join(ws.dir, 's');
    await invoke(ctx, handlers['documents.generate'], { bankId, outDir: out });
    const pdf = renderPdf(new Uint8Array(readFileSync(join(out, '03_1_理论知识试题/2_乙套/1_试卷.docx'))), 'paper.docx');
    if (pdf === undefined) return t.skip();
    expect(pdf.pages).toBeGreaterThanOrEqual(8);
    expect(pdf.text).toContain('机密★启用前');
    expect(pdf.text).toContain(`第 1 页 共 ${pdf.pages} 页`);
    expect(pdf.text).toMatch(/制图员（机械）四级\/中级工\s*理论知识试卷（乙套）/);
  }, 240_000);

  it('refuses without assembled sets and keeps the notes’ rules', async () => {
    const ws = workstation();
    const { ctx, bankId } = await sampleBank(ws);
    await expect(invoke(ctx, handlers['documents.generate'], { bankId, outDir: join(ws.dir, 'x') })).rejects.toThrow('请先组卷');
    await expect(invoke(ctx, handlers['documents.notes.set'], { bankId, notes: { standardYear: '19' } })).rejects.toThrow('四位数字');
    const notes = await invoke(ctx, handlers['documents.notes.set'], { bankId, notes: { process: '两轮审核' } });
    expect(notes.process).toBe('两轮审核');
    expect(notes.reviewChecklist.length).toBeGreaterThanOrEqual(5);
    const again = await invoke(ctx, handlers['documents.notes.set'], { bankId, notes: { institution: '某中心' } });
    expect(again).toMatchObject({ process: '两轮审核', institution: '某中心' });
  });
});
