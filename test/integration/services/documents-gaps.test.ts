/**
 * The submission says what the rules would reject, at level 2 (综合评审 required) and level 4, and
 * `strict` refuses such a submission before anything is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExpertRole } from '../../../app/domain/person.js';
import { SAMPLE_FILE_NAMES, SAMPLE_FILES, sampleElementTable, samplePracticalStructure } from '../../../app/demo/sample-bank.js';
import type { ServiceContext } from '../../../app/services/context.js';
import { IncompleteSubmissionError } from '../../../app/services/documents/handlers.js';
import { invoke } from '../../../app/services/handler.js';
import { reviewMessages } from '../../../app/services/review/messages.js';
import { handlers } from '../../../app/services/registry.js';
import { findAccount } from '../../../app/store/repositories/accounts.js';
import { getPerson, updatePerson } from '../../../app/store/repositories/people.js';
import { saveSubmissionNotes } from '../../../app/store/repositories/submission-notes.js';
import { docxParagraphs } from '../../helpers/office.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

const sample = (name: string) => new Uint8Array(readFileSync(join(SAMPLE_FILES, name)));
const COMPLETE_NOTES = { institution: '测试评价中心', definition: '从事测试的人员', process: '两轮审核', standardYear: '2019' };

/** Reviewers of the bank, each registered with an 专家类别 unless `category` is undefined. */
async function addReviewers(ws: TestWorkstation, bankId: number, reviewers: readonly (readonly [string, ExpertRole | undefined])[]) {
  const sec = ws.as('sec', ['secadmin']);
  for (const [username, category] of reviewers) {
    ws.as(username, ['reviewer']);
    const personId = findAccount(ws.db, username)?.personId ?? 0;
    if (category !== undefined) updatePerson(ws.db, personId, { ...getPerson(ws.db, personId)!, expertRole: category }, new Date().toISOString());
    await invoke(sec, handlers['access.grant'], { bankId, username, role: 'reviewer' });
  }
}

const FIVE: [string, ExpertRole][] = [
  ['fangfa', '方法专家'],
  ['neirong1', '内容专家'],
  ['neirong2', '内容专家'],
  ['shiji1', '实际工作专家'],
  ['shiji2', '实际工作专家'],
];

/**
 * Assembles and approves the sets. The approver (四眼原则: a reviewer of the bank who did not assemble)
 * leaves the bank afterwards, so the lists of the submission are the test's own.
 */
async function assembleApproved(ws: TestWorkstation, ctx: ServiceContext, bankId: number, kinds: readonly ('theory' | 'practical')[]) {
  const approver = ws.as('approver', ['manager', 'reviewer']);
  const sec = ws.as('sec', ['secadmin']);
  for (const role of ['manager', 'reviewer'] as const) await invoke(sec, handlers['access.grant'], { bankId, username: 'approver', role });
  for (const kind of kinds) {
    const run = await invoke(ctx, handlers['assembly.run'], { bankId, kind });
    await invoke(approver, handlers['papers.approve'], { bankId, runId: run.runId });
  }
  for (const role of ['manager', 'reviewer'] as const) await invoke(sec, handlers['access.revoke'], { bankId, username: 'approver', role });
}

/** A 二级/技师 bank (电工, no 方向) with the sample's 细目表, items and tasks: theory and practical sets, no 综合评审. */
async function levelTwoBank(ws: TestWorkstation) {
  const ctx = ws.as('boss', ['manager']);
  const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '6-31-01-03', track: '', level: 2, isSample: true });
  const table = { ...(sampleElementTable() as object), occupationCode: '6-31-01-03', level: 2, track: '' };
  await invoke(ctx, handlers['banks.setElementTable'], { bankId: bank.id, table });
  const structure = samplePracticalStructure() as { levels: { level: number }[] };
  await invoke(ctx, handlers['banks.setPracticalStructure'], {
    bankId: bank.id,
    structure: { ...structure, occupationCode: '6-31-01-03', track: '', levels: structure.levels.map((l) => ({ ...l, level: 2 })) },
  });
  await invoke(ctx, handlers['import.items'], { bankId: bank.id, fileName: SAMPLE_FILE_NAMES.items, bytes: sample(SAMPLE_FILE_NAMES.items), state: '入库' });
  const word = { fileName: SAMPLE_FILE_NAMES.word, bytes: sample(SAMPLE_FILE_NAMES.word), state: '入库', validOnly: true, nearDuplicates: 'skip' };
  await invoke(ctx, handlers['import.items'], { bankId: bank.id, ...word });
  await assembleApproved(ws, ctx, bank.id, ['theory', 'practical']);
  return { ctx, bankId: bank.id };
}

async function refusal(p: Promise<unknown>): Promise<IncompleteSubmissionError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof IncompleteSubmissionError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('documents.generate: gaps at level 2 and level 4', () => {
  const workstation = useWorkstation();

  it('level 2 without 综合评审 and reviewers: loud warnings, a 编制说明 naming the three 鉴定方式, strict writes nothing', async () => {
    const ws = workstation();
    const { ctx, bankId } = await levelTwoBank(ws);

    const strictOut = join(ws.dir, 'strict');
    const refused = await refusal(invoke(ctx, handlers['documents.generate'], { bankId, outDir: strictOut, strict: true }));
    expect(existsSync(strictOut)).toBe(false);
    expect(refused.message).toMatch(/^申报材料有 \d+ 处不符合要求，严格模式（strict）下未写入任何文件：1\. /);

    const out = join(ws.dir, 'sub');
    const r = await invoke(ctx, handlers['documents.generate'], { bankId, outDir: out });
    expect(r.warnings).toEqual(refused.gaps);
    expect(r.sets).toEqual({ theory: 3, practical: 3, comprehensive: 0 });
    expect(r.warnings).toEqual([
      expect.stringContaining('本题库没有入库的综合评审试题'),
      expect.stringContaining('内部审核专家名单为空'),
      '编制说明引用的国家职业技能标准没有版本年份（qbank documents notes 填写 standardYear）',
      '编制说明的 institution（开发单位）、definition（职业定义）、process（开发过程） 没有填写，文件中印着“（待填写）”（qbank documents notes --file 说明.json 填写）',
      reviewMessages.scanGap,
    ]);
    const note = (await docxParagraphs(new Uint8Array(readFileSync(join(out, '01_题库编制说明.docx'))))).join('\n');
    expect(note).toContain('本等级的鉴定方式为理论知识考试、技能考核和综合评审。本题库尚缺综合评审试题，须补足后报送。');
    expect(note).not.toMatch(/由 0 名/);
    expect(note).toContain('题库由（待填写：不少于 5 名专家的姓名）进行内部审核');
  }, 240_000);

  it('level 4: complete with five independent reviewers but for the ink-signed scan; a reviewer on the team or without a category is named, and strict refuses', async () => {
    const ws = workstation();
    const { ctx, bankId } = await sampleBank(ws);
    await addReviewers(ws, bankId, FIVE);
    await assembleApproved(ws, ctx, bankId, ['theory', 'practical']);
    await invoke(ctx, handlers['documents.notes.set'], { bankId, notes: COMPLETE_NOTES });
    // the submission is not complete without the panel's signed scan (the whole review: test/integration/review)
    const complete = await refusal(invoke(ctx, handlers['documents.generate'], { bankId, outDir: join(ws.dir, 'ok'), strict: true }));
    expect(complete.gaps).toEqual([reviewMessages.scanGap]);

    // The manager reviews too, one reviewer has no 专家类别: four experts are left in the table.
    ws.as('boss', ['reviewer']);
    await invoke(ws.as('sec', ['secadmin']), handlers['access.grant'], { bankId, username: 'boss', role: 'reviewer' });
    await addReviewers(ws, bankId, [['nocat', undefined]]);
    await invoke(ws.as('sec', ['secadmin']), handlers['access.revoke'], { bankId, username: 'shiji2', role: 'reviewer' });
    const out = join(ws.dir, 'gaps');
    const refused = await refusal(invoke(ctx, handlers['documents.generate'], { bankId, outDir: out, strict: true }));
    expect(existsSync(out)).toBe(false);
    expect(refused.gaps).toEqual([
      '内部审核专家只有 4 名，附件6 要求不少于 5 名（方法专家、内容专家、实际工作专家，均不属开发组）',
      '审核专家 boss 同时是本题库的题库管理员或命题人员，附件6 要求内部审核专家不属开发组；已只列入开发组名单，未计入审核专家',
      '审核专家 nocat 没有登记专家类别（方法专家、内容专家、实际工作专家），未列入专家表（qbank people update <人员编号> --expert-role 内容专家）',
      reviewMessages.scanGap,
    ]);
    // Without strict the same gaps are warnings and the folder is written; no 综合评审 is asked for at level 4.
    const r = await invoke(ctx, handlers['documents.generate'], { bankId, outDir: out });
    expect(r.warnings).toEqual(refused.gaps);
    const note = (await docxParagraphs(new Uint8Array(readFileSync(join(out, '01_题库编制说明.docx'))))).join('\n');
    expect(note).toContain('本等级的鉴定方式为理论知识考试和技能考核。');
    expect(note).toContain('题库由 4 名专家（待填写：尚缺 1 名，须不少于 5 名）进行内部审核');
  }, 240_000);

  it('notes: a bad value names its key, the value and the values allowed; unknown keys and two editions are refused; the papers print the 编制说明’s year', async () => {
    const ws = workstation();
    const { ctx, bankId } = await sampleBank(ws);
    const set = (notes: Record<string, unknown>) => invoke(ctx, handlers['documents.notes.set'], { bankId, notes });
    await expect(set({ reviewConclusion: '好' })).rejects.toThrow('reviewConclusion（审核结论）: “好”不是可用的值；可用：通过、修改后通过、不通过，或留空（""，手写填）');
    await expect(set({ reviewChecklist: [{ item: '细目表', result: '合格' }] })).rejects.toThrow(
      'reviewChecklist（审核内容）第1项 result（审核结论）: “合格”不是可用的值；可用：符合、基本符合、不符合',
    );
    await expect(set({ standardyear: '2019' })).rejects.toThrow('standardyear: 没有这一项（键名“standardyear”）；可填的键：institution、definition、standard、standardYear');
    await expect(set({ standard: '《制图员国家职业技能标准》（2019年版）', standardYear: '2023' })).rejects.toThrow('standard（标准名称）写的是 2019 年版，standardYear（标准年份）却是 2023');
    expect((await invoke(ctx, handlers['documents.notes.get'], { bankId })).standardYear).toBe('');

    // The year only in the title: the 编制说明 cites it and the papers print it (one rule).
    await set({ ...COMPLETE_NOTES, standardYear: '', standard: '《制图员国家职业技能标准》（2018年版）' });
    await addReviewers(ws, bankId, FIVE);
    await assembleApproved(ws, ctx, bankId, ['theory']);
    const out = join(ws.dir, 's');
    const r = await invoke(ctx, handlers['documents.generate'], { bankId, outDir: out });
    expect(r.warnings.filter((w) => w.includes('版本年份'))).toEqual([]);
    const note = (await docxParagraphs(new Uint8Array(readFileSync(join(out, '01_题库编制说明.docx'))))).join('\n');
    expect(note).toContain('《制图员国家职业技能标准》（2018年版）');
    const paper = (await docxParagraphs(new Uint8Array(readFileSync(join(out, '03_1_理论知识试题/1_甲套/1_试卷.docx'))))).join('\n');
    expect(paper).toContain('国家职业技能标准（2018年版）命制');

    // Notes saved before the rule, naming two editions: other fields can still be set, the submission says so.
    saveSubmissionNotes(ws.db, bankId, { ...(await invoke(ctx, handlers['documents.notes.get'], { bankId })), standardYear: '2023' }, 'test', new Date().toISOString());
    await set({ process: '三轮审核' });
    const again = await invoke(ctx, handlers['documents.generate'], { bankId, outDir: join(ws.dir, 'again') });
    expect(again.warnings).toContain('国家职业技能标准的名称写的是 2018 年版，standardYear 却是 2023：编制说明和试卷按名称中的 2018 年印出（qbank documents notes 改正其一）');
  }, 240_000);
});
