/**
 * The internal review from the command line: a 题库管理员 opens a round and composes the panel (`--check`
 * of four refuses with exit code 1, a panel of four is saved with warnings, then the five), the experts
 * judge every item with `--all 通过` and conclude, the 审核组长 finalizes, the submission is generated, the
 * ink-signed scan attached and the submission written again; the 安全保密管理员 makes the CA, each expert
 * requests a certificate that is issued and signs; `verify-signatures` — with no workstation and no login —
 * accepts the folder and names a tampered .docx; the submission record refuses a third submission.
 * The bank, its sets and the five experts are seeded through the services (cheap scrypt), the rest is `qbank`.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../app/cli/io.js';
import { main } from '../../../app/cli/main.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { TEST_PASSWORD, useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';
import { EXPERTS, expert, personOf } from '../review/review-helpers.js';

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `qbank` on the test workstation as `user` (key file and password from the environment); '' runs with no workstation at all. */
async function cli(ws: TestWorkstation, user: string, args: readonly string[]): Promise<Run> {
  if (ws.secret.kind !== 'keyFile') throw new Error('test workstations use a key file');
  const keyFile = join(ws.dir, 'ws.key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, ws.secret.bytes);
  let out = '';
  let err = '';
  const env = user === '' ? {} : { QBANK_KEY_FILE: keyFile, QBANK_USER: user, QBANK_PASSWORD: TEST_PASSWORD, QBANK_DB: join(ws.dir, 'qbank.db') };
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd: ws.dir };
  const code = await main([...args], io);
  return { code, out, err };
}

/** The sample bank with theory and practical sets approved by a separate reviewer, and five experts with 审核专家 access. */
async function seeded(ws: TestWorkstation): Promise<{ bankId: number; people: Map<string, number> }> {
  const sec = ws.as('sec', ['secadmin']);
  // the CLI runs on the real clock, the workstation's on its own: passwords must not expire in between
  await invoke(sec, handlers['policy.set'], { changes: { maxAgeDays: 0 } });
  const { ctx: boss, bankId } = await sampleBank(ws);
  const approver = ws.as('approver', ['reviewer']);
  await invoke(sec, handlers['access.grant'], { bankId, username: 'approver', role: 'reviewer' });
  for (const kind of ['theory', 'practical'] as const) {
    const run = await invoke(boss, handlers['assembly.run'], { bankId, kind });
    await invoke(approver, handlers['papers.approve'], { bankId, runId: run.runId });
  }
  const people = new Map<string, number>();
  for (const [username, category] of EXPERTS) {
    await expert(ws, bankId, username, category);
    people.set(username, personOf(ws, username));
  }
  return { bankId, people };
}

async function blankPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  return doc.save({ useObjectStreams: false });
}

describe('qbank review, certs, verify-signatures, submissions', () => {
  const workstation = useWorkstation();

  it('runs the review to the digital sign-off and checks the folder without a workstation', { timeout: 90_000 }, async () => {
    const ws = workstation();
    const { bankId, people } = await seeded(ws);
    const bank = String(bankId);
    const ok = async (user: string, args: readonly string[]): Promise<Run> => {
      const r = await cli(ws, user, args);
      expect(r.code, `qbank ${args.join(' ')} (${user})\n${r.out}\n${r.err}`).toBe(0);
      return r;
    };

    // the round and its panel
    const opened = await ok('boss', ['review', 'open', '--bank', bank, '--from', '2026-11-20', '--to', '2026-11-30']);
    const round = /审核轮次编号 (\d+)/u.exec(opened.out)?.[1] ?? '';
    expect(opened.out).toContain('已开始第 1 次审核');
    const member = (username: string, extra = '') => ['--member', `${String(people.get(username))}${extra}`];
    const four = [...member('fangfa', ':leader'), ...member('neirong1'), ...member('neirong2'), ...member('shiji1')];
    const check = await cli(ws, 'boss', ['review', 'panel', '--check', '--bank', bank, ...four, '--from', '2026-11-20', '--to', '2026-11-30']);
    expect(check.code).toBe(1);
    expect(check.err).toContain('审核专家只有 4 名，附件6 要求内部审核专家不少于 5 名');
    expect(check.out).toContain('审核组不符合要求');
    expect((await cli(ws, 'boss', ['review', 'panel', '--check', '--bank', bank, ...four])).code).toBe(2);
    const partial = await ok('boss', ['review', 'panel', '--bank', bank, '--round', round, ...four]);
    expect(partial.err).toMatch(/^警告：审核专家只有 4 名/mu);
    const five = await ok('boss', ['review', 'panel', '--bank', bank, '--round', round, ...member('fangfa', ':方法专家:leader'), ...four.slice(2), ...member('shiji2')]);
    expect(five).toMatchObject({ err: '' });
    expect(five.out).toMatch(/已保存第 1 次审核的审核组：5 人[\s\S]*\t方法专家\t审核组长\t账号 fangfa[\s\S]*审核组符合要求$/mu);
    expect((await cli(ws, 'boss', ['review', 'panel', '--bank', bank, '--member', 'x:方法专家'])).err).toContain('--member 应为 <人员编号>');

    // the experts judge every item and conclude; the leader finalizes
    const before = await ok('fangfa', ['review', 'workspace', '--bank', bank, '--round', round]);
    expect(before.out).toContain('本人：审核组长');
    expect(before.out).toMatch(/^#\d+\t第 1 版\t入库\t第 1 版\t—$/mu);
    const [, itemId, version] = /^#(\d+)\t第 (\d+) 版/mu.exec(before.out) ?? [];
    const total = Number(/^共 (\d+) 道/mu.exec(before.out)?.[1]);
    const one = await ok('fangfa', ['review', 'judge', '--bank', bank, '--round', round, '--item', `${itemId}@${version}`, '--verdict', '通过']);
    expect(one.out).toContain(`已录入 1 条审核意见；本人还有 ${total - 1} 道试题未给出意见`);
    expect((await cli(ws, 'fangfa', ['review', 'judge', '--bank', bank, '--round', round, '--item', `${itemId}@${version}`, '--verdict', '好'])).err).toContain('--verdict 应为 通过、修改后通过、不通过 之一');
    for (const [username] of EXPERTS) {
      expect((await ok(username, ['review', 'judge', '--bank', bank, '--round', round, '--all', '通过'])).out).toMatch(/^已录入 \d+ 条审核意见；本人还有 0 道试题未给出意见$/mu);
      await ok(username, ['review', 'conclude', '--bank', bank, '--round', round, '--conclusion', '通过']);
    }
    expect((await ok('neirong1', ['review', 'judge', '--bank', bank, '--round', round, '--all', '通过'])).out).toContain('没有要录入的');
    const noted = await ok('neirong2', ['review', 'note', '--bank', bank, '--round', round, '--document', '理论知识考核要素细目表', '--text', '建议核对鉴定点名称']);
    const noteId = /^已记录对材料的意见 (\d+)$/mu.exec(noted.out)?.[1] ?? '';
    expect((await ok('boss', ['review', 'feedback', '--bank', bank])).out).toContain(`--note ${noteId}\tneirong2\t理论知识考核要素细目表\t意见\t建议核对鉴定点名称\t未答复`);
    expect((await ok('boss', ['review', 'answer', '--bank', bank, '--round', round, '--note', noteId, '--answer', '已核对'])).out).toContain('还有 0 条审核意见未答复');
    expect((await cli(ws, 'boss', ['review', 'answer', '--bank', bank, '--round', round, '--answer', '已核对'])).code).toBe(2);
    const after = await ok('fangfa', ['review', 'workspace', '--bank', bank, '--round', round]);
    expect(after.out).not.toMatch(/\t—$/mu);
    expect(after.out).toMatch(/^共 (\d+) 道，本人已给出意见 \1 道，未给出 0 道$/mu);
    expect((await cli(ws, 'neirong1', ['review', 'finalize', '--bank', bank, '--round', round, '--conclusion', '通过', '--opinion', '同意报送。'])).err).toContain('只有审核组长');
    expect((await ok('fangfa', ['review', 'finalize', '--bank', bank, '--round', round, '--conclusion', '通过', '--opinion', '试题科学规范，同意报送。'])).out).toContain('已签署第 1 次审核的审核结论：通过');
    expect((await ok('boss', ['review', 'blockers', '--bank', bank])).out).toBe('没有须更新的试卷\n');

    // the submission, the ink-signed scan, the submission again
    const first = await ok('boss', ['documents', 'generate', '--bank', bank, '--out', 'submission']);
    expect(first.err).toContain('缺少“题库内部审核意见（专家签名扫描件）”');
    writeFileSync(join(ws.dir, '审核意见.pdf'), await blankPdf());
    expect((await ok('boss', ['review', 'scan', '--bank', bank, '--round', round, '--file', '审核意见.pdf'])).out).toMatch(/^已上传扫描件 \d+：审核意见\.pdf（pdf，1 页）/mu);
    await ok('boss', ['documents', 'generate', '--bank', bank, '--out', 'submission', '--replace']);
    expect((await ok('boss', ['review', 'status', '--bank', bank])).out).toMatch(/^第 1 次审核（轮次编号 \d+）：可以签署\n扫描件：审核意见\.pdf/mu);

    // certificates and the digital signatures
    expect((await cli(ws, 'fangfa', ['review', 'sign', '--bank', bank, '--round', round])).err).toContain('还没有建立证书颁发机构');
    expect((await ok('sec', ['certs', 'ca-create'])).out).toContain('已建立证书颁发机构');
    for (const [username] of EXPERTS) {
      expect((await ok(username, ['certs', 'request'])).out).toContain(`qbank certs issue ${username}`);
      expect((await ok('sec', ['certs', 'issue', username])).out).toContain(`已签发 ${username}（${username}）的签名证书`);
    }
    expect((await ok('sec', ['certs', 'list'])).out.match(/\t有效\t/gu)).toHaveLength(6);
    expect((await cli(ws, 'sec', ['certs', 'revoke', '00ff'])).err).toContain('缺少 --reason');
    const signatures: Run[] = [];
    for (const [username] of EXPERTS) signatures.push(await ok(username, ['review', 'sign', '--bank', bank, '--round', round]));
    expect(signatures[0]?.out).toMatch(/^已有 1 个有效签名；文件 (\d+)\/\1 个与清单一致\n其余审核组成员签署后/mu);
    const signed = signatures.at(-1);
    expect((await ok('boss', ['review', 'status', '--bank', bank])).out).toMatch(/：已全部签署\n[\s\S]*^未签署：—$/mu);
    expect(signed?.out).toMatch(/^已签署：06_数字签名\/05_shiji2\.p7s/mu);
    expect(signed?.out).toContain('结论：校验通过');
    expect(signed?.out).toContain('审核组全部成员已签署，本轮审核已关闭');
    expect((await ok('boss', ['review', 'verify', 'submission'])).out).toContain('结论：校验通过');

    // anywhere, without a workstation or a login
    const folder = join(ws.dir, 'submission');
    const anywhere = await cli(ws, '', ['verify-signatures', folder]);
    expect(anywhere).toMatchObject({ code: 0, err: '' });
    expect(anywhere.out).toMatch(/^ {2}06_数字签名\/01_fangfa\.p7s\tfangfa\t序列号 [0-9a-f]+\t签名时间 \S+\t有效$/mu);
    expect(anywhere.out).toContain('来自报送文件夹 06_数字签名/ca.pem');
    expect(anywhere.out).toContain('接收方应从可信渠道事先取得 CA 证书');
    const pinned = await cli(ws, '', ['verify-signatures', folder, '--ca', join(folder, '06_数字签名', 'ca.pem')]);
    expect(pinned.code).toBe(0);
    expect(pinned.out).not.toContain('接收方应从可信渠道');
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    const docx = manifest.files.find((f) => f.path.endsWith('.docx'))?.path ?? '';
    const original = readFileSync(join(folder, docx));
    appendFileSync(join(folder, docx), 'x');
    const tampered = await cli(ws, '', ['verify-signatures', folder]);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`  ${docx}\t已改动\t`);
    expect(tampered.out).toMatch(/^结论：校验不通过/mu);
    writeFileSync(join(folder, docx), original);
    expect((await cli(ws, '', ['verify-signatures', folder, '--json'])).code).toBe(0);

    // the submission record: the second needs --confirm, a third within the incubation period is refused
    expect((await ok('boss', ['submissions', 'record', '--bank', bank, '--date', '2026-12-01'])).out).toMatch(/^已登记报送 \d+（2026-12-01）/mu);
    const unconfirmed = await cli(ws, 'boss', ['submissions', 'record', '--bank', bank, '--date', '2026-12-20']);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.err).toContain('第 2 次报送审核，也是最后一次');
    await ok('boss', ['submissions', 'record', '--bank', bank, '--date', '2026-12-20', '--confirm']);
    const listed = await ok('boss', ['submissions', 'list', '--bank', bank]);
    const firstId = /^(\d+)\t2026-12-01\t/mu.exec(listed.out)?.[1] ?? '';
    expect((await ok('boss', ['submissions', 'result', '--bank', bank, firstId, '--result', '退回', '--date', '2026-12-10', '--comments', '单选题第 3 题答案有误'])).out).toContain('审核结果：退回');
    const third = await cli(ws, 'boss', ['submissions', 'record', '--bank', bank, '--date', '2027-01-05', '--confirm']);
    expect(third.code).toBe(1);
    expect(third.err).toContain('孵化期内最多报送 2 次');
    expect((await ok('boss', ['submissions', 'incubation', '--bank', bank, '--start', '2026-11-01', '--days', '30'])).out).toMatch(/^孵化期：2026-11-01 至 2026-11-30（30 天，已设定开始日期）$/mu);
    expect((await ok('boss', ['review', 'rounds', '--bank', bank])).out).toMatch(/^\d+\t第 1 次\t2026-11-20 至 2026-11-30\t5 人\t通过\t已签署 /mu);
  });
});
