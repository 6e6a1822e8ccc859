/**
 * The dashboard (工作台): `overview.banks` shows a member each bank's tables, items by state, sets, the
 * last submission and what blocks the next step — the submission's gaps being exactly those
 * `documents.generate` reports, each placed where it is fixed; the 三员 see only what is theirs;
 * `overview.duties` lists what waits for each of the 三员. Also the `qbank overview` commands.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../app/cli/io.js';
import { main } from '../../../app/cli/main.js';
import { submissionGaps, type SubmissionFacts } from '../../../app/domain/submission/completeness.js';
import { PermissionDeniedError } from '../../../app/services/errors.js';
import { invoke } from '../../../app/services/handler.js';
import { GAP_GROUPS, passingFacts, placedGaps } from '../../../app/services/overview/gaps.js';
import type { BankOverview } from '../../../app/services/overview/handlers.js';
import { handlers } from '../../../app/services/registry.js';
import { findAccount, setLockState } from '../../../app/store/repositories/accounts.js';
import { sampleBank, sampleSingleChoice } from '../../helpers/sample-bank.js';
import { TEST_PASSWORD, useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

const FACTS: SubmissionFacts = {
  level: 2,
  theorySets: 1,
  practicalSets: 0,
  comprehensiveSets: 0,
  comprehensiveItems: 0,
  reviewers: 2,
  reviewersOnTeam: ['甲'],
  reviewersWithoutCategory: ['乙'],
  unlinkedMembers: ['bing'],
  teamMembers: 0,
  standardYearKnown: false,
  standardConflict: ['2019', '2023'],
  blankTexts: ['definition（职业定义）'],
  drafts: 2,
};

const messagesOf = (o: BankOverview, targets: readonly string[]) => o.blockers.filter((b) => targets.includes(b.target)).map((b) => b.message);

async function cli(ws: TestWorkstation, user: string, args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  if (ws.secret.kind !== 'keyFile') throw new Error('test workstations use a key file');
  const keyFile = join(ws.dir, 'ws.key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, ws.secret.bytes);
  let out = '';
  let err = '';
  const env = { QBANK_KEY_FILE: keyFile, QBANK_USER: user, QBANK_PASSWORD: TEST_PASSWORD, QBANK_DB: join(ws.dir, 'qbank.db') };
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd: ws.dir };
  return { code: await main([...args], io), out, err };
}

describe('overview: the submission gaps placed where they are fixed', () => {
  it('asks the rule itself: every gap of submissionGaps, in its order, each in the group of facts that raises it', () => {
    for (const level of [1, 2, 3, 4, 5] as const) expect(submissionGaps(passingFacts(level)), `level ${level}`).toEqual([]);
    const placed = placedGaps(FACTS);
    expect(placed.map((g) => g.message)).toEqual(submissionGaps(FACTS));
    const at = (place: string) => placed.filter((g) => g.place === place).map((g) => g.message);
    expect(at('assembly')).toEqual([expect.stringContaining('理论知识试卷只有 1 套'), expect.stringContaining('技能考核试卷只有 0 套'), expect.stringContaining('没有入库的综合评审试题'), '2 份试卷尚未审定（草稿），报送前须审定']);
    expect(at('access')).toEqual([
      expect.stringContaining('内部审核专家只有 2 名'),
      expect.stringContaining('审核专家 甲 同时是'),
      expect.stringContaining('审核专家 乙 没有登记专家类别'),
      expect.stringContaining('名单为空'),
      expect.stringContaining('bing'),
    ]);
    expect(at('documents')).toEqual([expect.stringContaining('没有版本年份'), expect.stringContaining('2019 年版'), expect.stringContaining('definition（职业定义）')]);
    // every fact belongs to exactly one group
    const grouped = Object.values(GAP_GROUPS).flat();
    expect(new Set(grouped).size).toBe(grouped.length);
    expect([...grouped, 'level'].sort()).toEqual(Object.keys(passingFacts(4)).sort());
  });
});

describe('overview.banks', () => {
  const workstation = useWorkstation();

  it('a member sees tables, items by state, sets and the last submission; the blockers are the steps left and exactly the gaps documents.generate reports', async () => {
    const ws = workstation();
    const { ctx, bankId } = await sampleBank(ws);
    await invoke(ctx, handlers['items.addTheory'], { bankId, items: [sampleSingleChoice('草稿中的一道题：图纸幅面的单位是（　）。')] });
    const [first] = await invoke(ctx, handlers['overview.banks'], {});
    expect(first).toBeDefined();
    const o = first!;
    expect(o).toMatchObject({ scope: 'member', roles: ['manager'], title: '制图员（机械）四级/中级工', lastGenerated: null });
    expect(o.tables.theory).toMatchObject({ version: 1, elements: 113 });
    expect(o.tables.practical).toMatchObject({ version: 1 });
    expect(o.items?.byState.草稿).toBe(1);
    expect(o.items?.byState.入库).toBeGreaterThan(600);
    expect(o.items?.total).toBe((o.items?.byState.入库 ?? 0) + 1);
    expect(o.sets?.theory).toEqual({ needed: true, sets: 0, approved: 0, drafts: 0, enough: false });
    expect(o.sets?.comprehensive.needed).toBe(false);
    expect(o.blockers).toContainEqual({ message: '1 道试题是草稿，尚未提交审核', target: 'items' });
    expect(o.blockers).toContainEqual({ message: expect.stringContaining('理论知识试卷只有 0 套'), target: 'assembly' });
    expect(o.blockers).toContainEqual({ message: expect.stringContaining('内部审核专家名单为空'), target: 'access' });
    expect(o.blockers).toContainEqual({ message: expect.stringContaining('没有版本年份'), target: 'documents' });

    await invoke(ctx, handlers['assembly.structure.set'], { bankId, value: { preset: 'compact-90' } });
    for (const kind of ['theory', 'practical'] as const) await invoke(ctx, handlers['assembly.run'], { bankId, kind, sets: 3, seed: 1, timeLimitSeconds: 30 });
    const out = join(ws.dir, 'submission');
    const generated = await invoke(ctx, handlers['documents.generate'], { bankId, outDir: out });
    const [after] = await invoke(ctx, handlers['overview.banks'], {});
    expect(after?.sets?.theory).toEqual({ needed: true, sets: 3, approved: 0, drafts: 3, enough: true });
    expect(after?.sets?.practical).toMatchObject({ sets: 3, enough: true });
    expect(after?.lastGenerated).toMatchObject({ actor: 'boss', files: generated.files.length });
    // the same words documents.generate says, no more, no fewer
    expect(messagesOf(after!, ['assembly', 'access', 'documents', 'review'])).toEqual(generated.warnings);
    expect(after?.blockers).toContainEqual({ message: '6 份试卷尚未审定（草稿），报送前须审定', target: 'assembly' });
  }, 240_000);

  it('shows each account only its banks, and the 三员 only what is theirs; the 安全审计员 has no bank overview', async () => {
    const ws = workstation();
    const boss = ws.as('boss', ['manager']);
    const bank = await invoke(boss, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4, isSample: true });
    const author = ws.as('liu', ['author']);
    expect(await invoke(author, handlers['overview.banks'], {})).toEqual([]);
    const sec = ws.as('sec', ['secadmin'], { pledge: 'none' });
    await invoke(sec, handlers['access.grant'], { bankId: bank.id, username: 'liu', role: 'author' });
    const [mine] = await invoke(author, handlers['overview.banks'], {});
    expect(mine).toMatchObject({ scope: 'member', roles: ['author'], members: { manager: 1, author: 1, reviewer: 0 } });
    expect(mine?.blockers.slice(0, 3)).toEqual([
      { message: expect.stringContaining('还没有理论知识考核要素细目表'), target: 'elements' },
      { message: expect.stringContaining('还没有技能考核内容结构表'), target: 'elements' },
      { message: expect.stringContaining('题库里还没有试题'), target: 'import' },
    ]);

    const [asSec] = await invoke(sec, handlers['overview.banks'], {});
    expect(asSec).toMatchObject({ scope: 'admin', roles: [], items: null, sets: null, lastGenerated: null });
    expect(asSec?.blockers.length).toBeGreaterThan(0);
    expect(asSec?.blockers.every((b) => b.target === 'access')).toBe(true);
    const [asSys] = await invoke(ws.as('sys', ['sysadmin'], { pledge: 'none' }), handlers['overview.banks'], {});
    expect(asSys).toMatchObject({ scope: 'admin', items: null, blockers: [] });
    await expect(invoke(ws.as('aud', ['auditor'], { pledge: 'none' }), handlers['overview.banks'], {})).rejects.toThrow(PermissionDeniedError);
  });
});

describe('overview.duties', () => {
  const workstation = useWorkstation();

  it('lists for each of the 三员 what waits: accounts to create, roles, locks and 保密责任书 to register or renew, the log to verify', async () => {
    const ws = workstation();
    const sys = ws.as('sys', ['sysadmin'], { pledge: 'none' });
    const sec = ws.as('sec', ['secadmin'], { pledge: 'none' });
    const aud = ws.as('aud', ['auditor'], { pledge: 'none' });
    const person = { unit: '测试单位', phone: '020-0000-0001' };
    const wang = await invoke(sec, handlers['people.add'], { person: { ...person, name: '王五' } });
    const zhao = await invoke(sec, handlers['people.add'], { person: { ...person, name: '赵六' } });
    await invoke(sec, handlers['people.add'], { person: { ...person, name: '孙七' } });
    // the workstation's clock stands at 2026-11-23: one pledge ends in 8 days, one ended last year
    await invoke(sec, handlers['people.registerPledge'], { personId: wang.id, pledge: { signedOn: '2026-01-01', expiresOn: '2026-12-01', scope: '命题' } });
    await invoke(sec, handlers['people.registerPledge'], { personId: zhao.id, pledge: { signedOn: '2025-01-01', expiresOn: '2025-12-31', scope: '命题' } });

    const before = await invoke(sys, handlers['overview.duties'], {});
    expect(before.duties).toEqual([expect.objectContaining({ key: 'peopleWithoutAccount', role: 'sysadmin', count: 3, page: 'accounts', message: expect.stringContaining('王五') })]);
    expect(before.log).toBeNull();
    await invoke(sys, handlers['accounts.create'], { username: 'wangwu', displayName: '王五' });
    const keys = async (ctx: typeof sys) => (await invoke(ctx, handlers['overview.duties'], {})).duties.map((d) => d.key);
    expect(await keys(sys)).toEqual(['peopleWithoutAccount', 'firstLoginPending']);

    setLockState(ws.db, findAccount(ws.db, 'wangwu')!.id, { failures: 5, lockedUntil: '2099-01-01T00:00:00.000Z' });
    const secDuties = await invoke(sec, handlers['overview.duties'], {});
    expect(secDuties.pledgeWarningDays).toBe(30);
    expect(secDuties.duties.map((d) => [d.key, d.level, d.page])).toEqual([
      ['lockedAccounts', 'warning', 'accounts'],
      ['accountsWithoutRoles', 'warning', 'accounts'],
      ['pledgesExpired', 'error', 'people'],
      ['pledgesMissing', 'warning', 'people'],
      ['pledgesExpiring', 'warning', 'people'],
    ]);
    expect(secDuties.duties.find((d) => d.key === 'pledgesExpiring')?.message).toBe('1 人的保密责任书将在 30 天内到期：王五（2026-12-01）');
    expect(secDuties.duties.find((d) => d.key === 'pledgesExpired')?.message).toContain('赵六');
    expect(secDuties.duties.find((d) => d.key === 'pledgesMissing')?.message).toContain('孙七');
    await invoke(sec, handlers['accounts.grantRoles'], { username: 'wangwu', roles: ['author'] });
    expect(await keys(sec)).toContain('accountsUnlinked');

    // the auditor: never verified; a refusal waits too
    await expect(invoke(ws.as('liu', ['author']), handlers['accounts.create'], { username: 'xone', displayName: 'x' })).rejects.toThrow(PermissionDeniedError);
    const first = await invoke(aud, handlers['overview.duties'], {});
    expect(first.duties.map((d) => d.key)).toEqual(['neverVerified', 'refusals']);
    expect(first.log).toMatchObject({ verifiedSeq: null });
    const verified = await invoke(aud, handlers['audit.verify'], {});
    expect(verified.ok).toBe(true);
    const after = await invoke(aud, handlers['overview.duties'], {});
    expect(after.log?.verifiedSeq).toBeGreaterThan(0);
    expect(after.duties.map((d) => d.key)).toEqual(['unverified']);
    // each sees only its own role's duties
    expect((await keys(sys)).every((k) => ['peopleWithoutAccount', 'firstLoginPending'].includes(k))).toBe(true);
    await expect(invoke(ws.as('boss', ['manager']), handlers['overview.duties'], {})).rejects.toThrow('权限不足');
  });

  it('qbank overview banks and duties print the same in text', async () => {
    const ws = workstation();
    const sec = ws.as('sec', ['secadmin'], { pledge: 'none' });
    await invoke(sec, handlers['policy.set'], { changes: { maxAgeDays: 0 } });
    const boss = ws.as('boss', ['manager']);
    await invoke(boss, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4, isSample: true });
    const banks = await cli(ws, 'boss', ['overview', 'banks']);
    expect(banks).toMatchObject({ code: 0, err: '' });
    expect(banks.out).toContain('制图员（机械）四级/中级工');
    expect(banks.out).toContain('细目表: 未导入');
    expect(banks.out).toContain('障碍 [细目表]: 还没有理论知识考核要素细目表');
    expect(banks.out).toContain('障碍 [题库授权]: 内部审核专家名单为空');
    ws.as('aud', ['auditor'], { pledge: 'none' });
    const duties = await cli(ws, 'aud', ['overview', 'duties']);
    expect(duties).toMatchObject({ code: 0, err: '' });
    expect(duties.out).toContain('[审计日志] 审计日志还从未校验过');
    expect(duties.out).toMatch(/日志 \d+ 条；从未校验/);
    const json = await cli(ws, 'sec', ['overview', 'duties', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ pledgeWarningDays: 30, log: null });
  });
});
