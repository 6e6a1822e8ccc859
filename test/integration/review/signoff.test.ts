/**
 * The whole review at the service level: five experts judge every item of the sets (one 修改后通过, one
 * 不通过), the sets are updated, the leader concludes, the ink-signed scan is attached, the submission
 * written with its manifest, each member signs it (CMS that OpenSSL accepts), the folder verifies, and
 * any tampering is named. Then the submission record and its incubation rule.
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { verifySubmissionFolder } from '../../../app/services/review/verify.js';
import { useWorkstation } from '../../helpers/workstation.js';
import { bankWithPanel, certify, opensslVerifies, readJson } from './review-helpers.js';

async function blankPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  return doc.save({ useObjectStreams: false });
}

describe('review sign-off', () => {
  const workstation = useWorkstation();

  it('reviews, updates the sets, signs digitally beside the ink, verifies, and names every tampered file', { timeout: 120_000 }, async () => {
    const ws = workstation();
    const r = await bankWithPanel(ws);
    const { bankId, roundId, boss } = r;
    const leader = r.experts.get('fangfa')!;

    // every expert sees the sets (a 调阅 entry) and judges every item
    const work = await invoke(leader, handlers['review.workspace'], { bankId, roundId });
    expect(work.me).toEqual({ personId: expect.any(Number), leader: true });
    expect(work.sets.filter((s) => s.kind === 'theory')).toHaveLength(3);
    const theory = work.sets.find((s) => s.kind === 'theory')!;
    const [revise, reject] = theory.items;
    const audit = ws.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'review.workspace' AND register = '调阅'`).pluck().get() as number;
    expect(audit).toBe(1);
    for (const [username, ctx] of r.experts) {
      const verdicts = work.items.map((i) => ({
        itemId: i.itemId,
        version: i.version,
        verdict: username === 'neirong1' && i.itemId === revise!.itemId ? '修改后通过' : username === 'shiji1' && i.itemId === reject!.itemId ? '不通过' : '通过',
        comment: i.itemId === revise!.itemId || i.itemId === reject!.itemId ? '题干表述不严谨' : '',
      }));
      const done = await invoke(ctx, handlers['review.verdicts'], { bankId, roundId, verdicts });
      expect(done.remaining).toBe(0);
      await invoke(ctx, handlers['review.conclude'], { bankId, roundId, conclusion: '修改后通过', opinion: '' });
    }
    await invoke(r.experts.get('neirong2')!, handlers['review.note'], { bankId, roundId, document: '理论知识考核要素细目表', text: '比重合计正确，建议核对鉴定点名称' });

    // the rejected item blocks: no approval of a set carrying it, no sign-off
    const blockers = await invoke(boss, handlers['review.blockers'], { bankId });
    expect(blockers.map((b) => b.kind).sort()).toEqual(['rejected', 'unrevised']);

    // the author answers; the item to revise gets a new version, through the workflow again
    const feedback = await invoke(boss, handlers['review.feedback'], { bankId });
    expect(feedback.entries.length).toBeGreaterThanOrEqual(3);
    for (const e of feedback.entries) await invoke(boss, handlers['review.answer'], { bankId, roundId, kind: e.kind, id: e.id, answer: '已按意见修改' });
    await invoke(boss, handlers['items.patch'], { bankId, itemId: revise!.itemId, explanation: '依据制图标准修改后的解析。', note: '按审核意见修改' });
    await invoke(boss, handlers['items.transition'], { bankId, itemId: revise!.itemId, to: '待审' });
    await invoke(r.experts.get('neirong1')!, handlers['items.transition'], { bankId, itemId: revise!.itemId, to: '已审' });
    const boss2 = ws.as('boss2', ['manager']);
    await invoke(ws.as('sec', ['secadmin']), handlers['access.grant'], { bankId, username: 'boss2', role: 'manager' });
    await invoke(boss2, handlers['items.transition'], { bankId, itemId: revise!.itemId, to: '入库' });

    // the sets are updated: the revised version in, the rejected item replaced by another of its kind
    const inSets = new Set(work.sets.flatMap((s) => s.items.map((i) => i.itemId)));
    const list = await invoke(boss, handlers['items.list'], { bankId });
    const rejectedType = list.find((i) => i.id === reject!.itemId)!.type;
    const spare = list.find((i) => i.type === rejectedType && i.state === '入库' && !inSets.has(i.id))!;
    const changed = await invoke(boss2, handlers['review.replace'], { bankId, paperId: theory.paperId, itemId: revise!.itemId });
    expect(changed.change).toMatch(/^甲套：#\d+ 第 1 版 → #\d+ 第 2 版$/);
    // a set still carrying the rejected item is not approved
    await expect(invoke(r.experts.get('shiji2')!, handlers['papers.approve'], { bankId, runId: changed.runId })).rejects.toThrow(/不通过/);
    const drafted = await invoke(boss2, handlers['review.replace'], { bankId, paperId: changed.paperId, itemId: reject!.itemId, withItemId: spare.id });
    await invoke(r.experts.get('shiji2')!, handlers['papers.approve'], { bankId, runId: drafted.runId });
    // the replacing item is new to the panel: each expert judges it (the revised version needs no new verdict)
    const again = await invoke(leader, handlers['review.workspace'], { bankId, roundId });
    for (const ctx of r.experts.values()) {
      const left = await invoke(ctx, handlers['review.verdicts'], { bankId, roundId, verdicts: [{ itemId: spare.id, version: spare.version, verdict: '通过' }] });
      expect(left.remaining).toBe(0);
    }
    expect(again.items.find((i) => i.itemId === revise!.itemId)).toMatchObject({ version: 2, latestVersion: 2 });
    expect(await invoke(boss, handlers['review.blockers'], { bankId })).toEqual([]);

    // the leader concludes; the submission names the missing scan
    await invoke(leader, handlers['review.finalize'], { bankId, roundId, conclusion: '修改后通过', opinion: '经修改，试题科学规范，同意报送。' });
    const out = join(ws.dir, 'submission');
    const first = await invoke(boss, handlers['documents.generate'], { bankId, outDir: out });
    expect(first.warnings.some((w) => w.startsWith('缺少“题库内部审核意见（专家签名扫描件）”'))).toBe(true);
    await invoke(boss, handlers['review.scan.attach'], { bankId, roundId, fileName: '审核意见.pdf', bytes: await blankPdf() });
    await invoke(boss, handlers['documents.notes.set'], { bankId, notes: { institution: '测试评价中心', definition: '从事测试的人员', process: '两轮审核', standardYear: '2019' } });
    // complete now: strict mode writes it
    const second = await invoke(boss, handlers['documents.generate'], { bankId, outDir: out, replace: true, strict: true });
    expect(second.warnings).toEqual([]);
    expect(second.files.map((f) => f.path)).toContain('05_题库内部审核意见（专家签名扫描件）.pdf');
    const manifest = readJson(join(out, 'manifest.json')) as { round: number; panel: unknown[]; scan: { path: string }; auditCheckpoint: unknown };
    expect(manifest.round).toBe(1);
    expect(manifest.panel).toHaveLength(5);
    expect(manifest.scan.path).toBe('05_题库内部审核意见（专家签名扫描件）.pdf');

    // digital sign-off by each member; the round closes with the last
    await certify(ws, r);
    const before = await invoke(boss, handlers['review.status'], { bankId });
    expect(before.blockers).toEqual([]);
    let last;
    for (const ctx of r.experts.values()) last = await invoke(ctx, handlers['review.sign'], { bankId, roundId });
    expect(last?.signed).toBe(true);
    expect(last?.verification.ok).toBe(true);
    const sigs = readdirSync(join(out, '06_数字签名')).filter((f) => f.endsWith('.p7s'));
    expect(sigs).toHaveLength(5);
    for (const s of sigs) expect(opensslVerifies(out, `06_数字签名/${s}`)).toBe(true);
    await expect(invoke(leader, handlers['review.finalize'], { bankId, roundId, conclusion: '通过', opinion: '再次修改' })).rejects.toThrow(/已全部签署/);

    // tampering is found and named
    const ok = verifySubmissionFolder(out);
    expect(ok.ok).toBe(true);
    expect(ok.signatures.map((s) => s.commonName).sort()).toEqual(['fangfa', 'neirong1', 'neirong2', 'shiji1', 'shiji2']);
    const doc = second.files.find((f) => f.path.endsWith('1_试卷.docx'))!;
    const original = readFileSync(doc.absolutePath);
    appendFileSync(doc.absolutePath, 'x');
    expect(verifySubmissionFolder(out).problems.some((p) => p.startsWith(`${doc.path}：已改动`))).toBe(true);
    writeFileSync(doc.absolutePath, original);
    const scanPath = join(out, '05_题库内部审核意见（专家签名扫描件）.pdf');
    appendFileSync(scanPath, '%');
    expect(verifySubmissionFolder(out).problems.some((p) => p.startsWith('05_题库内部审核意见（专家签名扫描件）.pdf：已改动'))).toBe(true);
    const manifestPath = join(out, 'manifest.json');
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace('"round": 1', '"round": 2'));
    const forged = verifySubmissionFolder(out);
    expect(forged.signatures.every((s) => !s.ok)).toBe(true);
    expect(forged.problems.filter((p) => p.includes('签名无效'))).toHaveLength(5);
    for (const s of sigs) expect(opensslVerifies(out, `06_数字签名/${s}`)).toBe(false);

    // the submission record: the second needs confirmation, a third within the period is refused
    await invoke(boss, handlers['submissions.record'], { bankId, submittedOn: '2026-12-01' });
    await expect(invoke(boss, handlers['submissions.record'], { bankId, submittedOn: '2026-12-20' })).rejects.toThrow(/第 2 次报送审核，也是最后一次/);
    const h = await invoke(boss, handlers['submissions.record'], { bankId, submittedOn: '2026-12-20', confirm: true });
    expect(h.records).toHaveLength(2);
    await invoke(boss, handlers['submissions.result'], { bankId, submissionId: h.records[0]!.id, result: '退回', resultOn: '2026-12-10', comments: '单选题第 3 题答案有误' });
    await expect(invoke(boss, handlers['submissions.record'], { bankId, submittedOn: '2027-01-05', confirm: true })).rejects.toThrow(/孵化期内最多报送 2 次/);
    // after the period, allowed again
    const later = await invoke(boss, handlers['submissions.list'], { bankId });
    expect(later.next.periodEnd).toBe('2027-05-29');
  });
});
