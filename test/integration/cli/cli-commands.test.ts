/**
 * The commands a user building a bank from the CLI alone needs besides the item tools: options before
 * or after the command, the role list of `accounts grant`, `people update`, `policy output|marking`,
 * `occupations show`, `images`, `items export`, `elements set`, and `documents generate` saying every gap
 * on stderr (refusing with --strict). A test workstation (cheap scrypt) is opened by the CLI with its key file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../app/cli/io.js';
import { main } from '../../../app/cli/main.js';
import { sampleElementTable, samplePracticalStructure } from '../../../app/demo/sample-bank.js';
import type { ExpertRole } from '../../../app/domain/person.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { reviewMessages } from '../../../app/services/review/messages.js';
import { findAccount } from '../../../app/store/repositories/accounts.js';
import { png } from '../../fixtures/hostile/corpus.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { TEST_PASSWORD, useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `qbank` on the test workstation as `user` (key file and password from the environment). */
async function cli(ws: TestWorkstation, user: string, args: readonly string[], withDb = true): Promise<Run> {
  if (ws.secret.kind !== 'keyFile') throw new Error('test workstations use a key file');
  const keyFile = join(ws.dir, 'ws.key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, ws.secret.bytes);
  let out = '';
  let err = '';
  const env = { QBANK_KEY_FILE: keyFile, QBANK_USER: user, QBANK_PASSWORD: TEST_PASSWORD, ...(withDb ? { QBANK_DB: join(ws.dir, 'qbank.db') } : {}) };
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd: ws.dir };
  const code = await main([...args], io);
  return { code, out, err };
}

/** A workstation whose passwords do not expire (its clock is not the CLI's) and its 安全保密管理员. */
function workstationFor(workstation: () => TestWorkstation) {
  const ws = workstation();
  const sec = ws.as('sec', ['secadmin']);
  return { ws, sec, ready: invoke(sec, handlers['policy.set'], { changes: { maxAgeDays: 0 } }) };
}

describe('qbank: options anywhere, roles in help, people, policies, occupations', () => {
  const workstation = useWorkstation();

  it('takes global options and the command’s own before or after the command name', async () => {
    const { ws, ready } = workstationFor(workstation);
    await ready;
    ws.as('boss', ['manager']);
    const db = join(ws.dir, 'qbank.db');
    const forms = [
      ['banks', 'list', '--db', db],
      ['banks', 'list', '--debug', '--db', db],
      ['--db', db, 'banks', 'list'],
      ['--user', 'boss', '--db', db, 'banks', '--json', 'list'],
      ['--debug', 'banks', '--db', db, 'list'],
    ];
    for (const args of forms) expect(await cli(ws, 'boss', args, false), args.join(' ')).toMatchObject({ code: 0, err: '' });
    // An option taking a value before the command: its value is not taken for the command.
    const limited = await cli(ws, 'boss', ['--limit', '1', 'occupations', '制图']);
    expect(limited).toMatchObject({ code: 0, err: '' });
    expect(limited.out).toContain('共 1 条');
    expect(await cli(ws, 'boss', ['items', 'list', '99', '--db', db], false)).toMatchObject({ code: 1, err: expect.stringContaining('99') });
    // An unknown command is still named, after options of any command.
    expect((await cli(ws, 'boss', ['--user', 'boss', 'frob', 'list'])).err).toContain('未知命令 (unknown command): frob');
  });

  it('accounts grant --help lists the roles: the key to type and the Chinese name', async () => {
    const r = await cli(workstation(), 'x', ['accounts', 'grant', '--help']);
    expect(r.code).toBe(0);
    for (const [key, name] of [['sysadmin', '系统管理员'], ['secadmin', '安全保密管理员'], ['auditor', '安全审计员'], ['manager', '题库管理员'], ['author', '命题人员'], ['reviewer', '审核专家']]) {
      expect(r.out).toMatch(new RegExp(`^  ${key} +${name}$`, 'm'));
    }
  });

  it('people update changes only the fields given; a bad value is named', async () => {
    const { ws, ready } = workstationFor(workstation);
    await ready;
    ws.as('expert', ['reviewer']);
    const id = String(findAccount(ws.db, 'expert')?.personId);
    const r = await cli(ws, 'sec', ['people', 'update', id, '--expert-role', '内容专家', '--title', '教授']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(new RegExp(`^已修改 ${id}\\texpert$`, 'm'));
    const list = JSON.parse((await cli(ws, 'sec', ['people', 'list', '--json'])).out) as { id: number; title: string; unit: string; expertRole?: string }[];
    expect(list.find((p) => String(p.id) === id)).toMatchObject({ title: '教授', unit: '测试单位', expertRole: '内容专家' });
    const cleared = await cli(ws, 'sec', ['people', 'update', id, '--expert-role', '无']);
    expect(cleared.code).toBe(0);
    expect((JSON.parse((await cli(ws, 'sec', ['people', 'list', '--json'])).out) as { id: number; expertRole?: string }[]).find((p) => String(p.id) === id)?.expertRole).toBeUndefined();
    expect(await cli(ws, 'sec', ['people', 'update', id])).toMatchObject({ code: 2, err: expect.stringContaining('没有要修改的项') });
    expect(await cli(ws, 'sec', ['people', 'update', '999', '--title', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining('人员 999 不在登记表中') });
    expect((await cli(ws, 'sec', ['people', 'update', id, '--expert-role', '大专家'])).err).toBe('qbank: --expert-role 应为 方法专家、内容专家、实际工作专家 之一（无：去掉），收到 大专家\n');
    expect((await cli(ws, 'sec', ['people', 'update', id, '--work-types', '命题,出题'])).err).toBe('qbank: --work-types 的“出题”不是工作类别；可用：命题、审定、校对、翻译、录入、传递、技术维护\n');
  });

  it('policy output and policy marking: shown, changed, and a bad key or value named with the ones allowed', async () => {
    const { ws, ready } = workstationFor(workstation);
    await ready;
    expect((await cli(ws, 'sec', ['policy', 'output', 'show'])).out).toMatch(/^allowUnverifiedTargets = false\t/);
    expect((await cli(ws, 'sec', ['policy', 'output', 'set', 'allowUnverifiedTargets=true'])).out).toMatch(/^allowUnverifiedTargets = true\t/);
    expect((await cli(ws, 'sec', ['policy', 'output', 'set', 'allowUnverified=true'])).err).toContain('只有一项：allowUnverifiedTargets=true 或 false，收到 allowUnverified');
    expect((await cli(ws, 'sec', ['policy', 'output', 'set', 'allowUnverifiedTargets=yes'])).err).toContain('allowUnverifiedTargets 应为 true 或 false，收到 yes');
    const marking = await cli(ws, 'sec', ['policy', 'marking', 'set', 'candidateNotice=work']);
    expect(marking).toMatchObject({ code: 0, err: '' });
    expect(marking.out).toMatch(/^candidateNotice\t考生准备通知单\t工作秘密（已改）\t/m);
    expect((await cli(ws, 'sec', ['policy', 'marking'])).out).toMatch(/^answerKey\t标准答案与评分标准\t按题库密级（机密★启用前）（默认）\t/m);
    const badClass = await cli(ws, 'sec', ['policy', 'marking', 'set', 'paper=none']);
    expect(badClass).toMatchObject({ code: 2, err: expect.stringContaining('没有文件类 paper；可用：theoryPaper（理论知识试卷）') });
    expect((await cli(ws, 'sec', ['policy', 'marking', 'set', 'answerKey=secret'])).err).toContain('answerKey 的密级标志“secret”不可用；可用：bank（按题库密级（机密★启用前））、work（工作秘密）、none（不标密）、default（恢复默认）');
    // The 安全审计员 may look but not change.
    ws.as('aud', ['auditor']);
    expect((await cli(ws, 'aud', ['policy', 'output'])).code).toBe(0);
    expect((await cli(ws, 'aud', ['policy', 'output', 'set', 'allowUnverifiedTargets=false'])).code).toBe(1);
  });

  it('occupations show prints one occupation; an unknown code fails', async () => {
    const ws = workstation();
    const r = await cli(ws, 'x', ['occupations', 'show', '3-01-02-07']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('职业名称\t制图员');
    expect(r.out).toContain('级别\t三级/高级工、四级/中级工');
    expect(r.out).toMatch(/方向\/工种\t机械（方向）、建筑（方向）、电子（方向）/);
    expect(JSON.parse((await cli(ws, 'x', ['occupations', 'show', '3-01-02-07', '--json'])).out)).toMatchObject({ code: '3-01-02-07' });
    expect(await cli(ws, 'x', ['occupations', 'show', '9-99-99-99'])).toMatchObject({ code: 1, err: expect.stringContaining('没有职业编码 9-99-99-99') });
    expect((await cli(ws, 'x', ['occupations', 'show'])).code).toBe(2);
  });
});

describe('qbank: images, items export, elements set', () => {
  const workstation = useWorkstation();

  it('images put / show / export, items export and elements set --file, each through its handler', async () => {
    const { ws, ready } = workstationFor(workstation);
    await ready;
    const { bankId } = await sampleBank(ws);
    const bank = String(bankId);

    writeFileSync(join(ws.dir, 'fig.png'), png(40, 30));
    const put = await cli(ws, 'boss', ['images', 'put', 'fig.png', '--bank', bank]);
    expect(put).toMatchObject({ code: 0, err: '' });
    const sha = /^已保存 ([0-9a-f]{64})\timage\/png\t40×30 像素\t\d+ 字节$/m.exec(put.out)?.[1] ?? '';
    expect(sha).toHaveLength(64);
    const shown = await cli(ws, 'boss', ['images', 'show', sha, '--bank', bank, '--json']);
    expect(JSON.parse(shown.out)).toEqual({ sha256: sha, contentType: 'image/png', bytes: png(40, 30).byteLength });
    const exported = await cli(ws, 'boss', ['images', 'export', sha, '--bank', bank, '--out', 'pictures']);
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect(new Uint8Array(readFileSync(join(ws.dir, 'pictures', `试题图片_${sha.slice(0, 16)}.png`)))).toEqual(png(40, 30));
    expect((await cli(ws, 'boss', ['images', 'show', 'abc', '--bank', bank])).err).toContain('<SHA-256> 应为 64 位十六进制数字');
    expect((await cli(ws, 'boss', ['images', 'show', '0'.repeat(64), '--bank', bank])).err).toContain('不存在');

    const items = await cli(ws, 'boss', ['items', 'export', '--bank', bank, '--out', 'export', '--state', '入库']);
    expect(items).toMatchObject({ code: 0, err: '' });
    expect(readdirSync(join(ws.dir, 'export')).filter((f) => f.endsWith('.xlsx'))).toHaveLength(1);
    expect((await cli(ws, 'boss', ['items', 'export', '--bank', bank, '--out', 'export', '--state', '已发布'])).err).toContain('--state 应为 草稿、待审、已审、入库、停用 之一，收到 已发布');
    expect((await cli(ws, 'boss', ['items', '--help'])).out).toContain('qbank items export --bank <题库> --out <目录> [--state 状态]');

    writeFileSync(join(ws.dir, 'table.json'), JSON.stringify(sampleElementTable()));
    writeFileSync(join(ws.dir, 'structure.json'), JSON.stringify(samplePracticalStructure()));
    expect(await cli(ws, 'boss', ['elements', 'set', '--bank', bank, '--file', 'table.json'])).toMatchObject({ code: 0, out: expect.stringContaining('已保存理论知识考核要素细目表第 2 版') });
    expect(await cli(ws, 'boss', ['elements', 'set', '--bank', bank, '--file', 'structure.json', '--practical'])).toMatchObject({ code: 0, out: expect.stringContaining('已保存技能考核内容结构表第 2 版') });
    writeFileSync(join(ws.dir, 'bad.json'), '{ "scopes": ');
    expect((await cli(ws, 'boss', ['elements', 'set', '--bank', bank, '--file', 'bad.json'])).err).toContain('bad.json 不是有效的 JSON');
    writeFileSync(join(ws.dir, 'wrong.json'), JSON.stringify({ ...(sampleElementTable() as object), level: 3 }));
    expect((await cli(ws, 'boss', ['elements', 'set', '--bank', bank, '--file', 'wrong.json'])).err).toContain('应为本题库的 四级/中级工');

    // elements show: the stored tables as saved (banks.tables), a tree, a structure, or JSON
    const theory = await cli(ws, 'boss', ['elements', 'show', '--bank', bank]);
    expect(theory).toMatchObject({ code: 0, err: '' });
    expect(theory.out).toMatch(/^理论知识考核要素细目表（第 2 版）\n/u);
    expect(theory.out).toMatch(/\n {2}[A-Z]-[A-Z]\t\S+\t\d+(\.\d+)?%\n/u);
    expect(theory.out).toMatch(/\n\s+[A-Z](-[A-Z])+-\d{3}\t\S+\t[XYZ]\n/u);
    const practical = await cli(ws, 'boss', ['elements', 'show', '--bank', bank, '--practical']);
    expect(practical.out).toMatch(/^技能考核内容结构表（第 2 版）\n/u);
    expect(practical.out).toMatch(/\n {2}[A-Z]\t(必考|选考)\t\d+(\.\d+)?%\t\d+ 分钟\t(实操|笔试)\n/u);
    const json = JSON.parse((await cli(ws, 'boss', ['elements', 'show', '--bank', bank, '--json'])).out) as { theory: { version: number; table: unknown } };
    expect(json.theory).toEqual({ version: 2, table: expect.objectContaining({ scopes: (sampleElementTable() as { scopes: unknown }).scopes }) });
    const empty = await invoke(ws.as('boss', ['manager']), handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 3 });
    expect((await cli(ws, 'boss', ['elements', 'show', '--bank', String(empty.id)])).out).toBe('本题库尚无理论知识考核要素细目表\n');
  }, 120_000);
});

describe('qbank documents generate: gaps on stderr, --strict refuses', () => {
  const workstation = useWorkstation();

  it('prints each gap as 警告 on stderr with the count last; --strict writes nothing and exits 1; a bad note names key and value', async () => {
    const { ws, sec, ready } = workstationFor(workstation);
    await ready;
    const { ctx, bankId } = await sampleBank(ws);
    const bank = String(bankId);
    // Sets approved by a reviewer of the bank who did not assemble them; no experts are left on the bank.
    const approver = ws.as('approver', ['manager', 'reviewer']);
    for (const role of ['manager', 'reviewer'] as const) await invoke(sec, handlers['access.grant'], { bankId, username: 'approver', role });
    for (const kind of ['theory', 'practical'] as const) {
      const run = await invoke(ctx, handlers['assembly.run'], { bankId, kind });
      await invoke(approver, handlers['papers.approve'], { bankId, runId: run.runId });
    }
    for (const role of ['manager', 'reviewer'] as const) await invoke(sec, handlers['access.revoke'], { bankId, username: 'approver', role });

    writeFileSync(join(ws.dir, 'notes.json'), JSON.stringify({ reviewConclusion: '同意' }));
    const badNote = await cli(ws, 'boss', ['documents', 'notes', '--bank', bank, '--file', 'notes.json']);
    expect(badNote).toMatchObject({ code: 1, err: 'qbank: 编制说明与审核意见：reviewConclusion（审核结论）: “同意”不是可用的值；可用：通过、修改后通过、不通过，或留空（""，手写填）\n' });

    const strict = await cli(ws, 'boss', ['documents', 'generate', '--bank', bank, '--out', 'strict', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.out).toBe('');
    expect(existsSync(join(ws.dir, 'strict'))).toBe(false);
    const strictLines = strict.err.trim().split('\n');
    expect(strictLines.slice(0, -1).every((l) => l.startsWith('警告：'))).toBe(true);
    expect(strictLines.at(-1)).toBe(`qbank: 申报材料有 ${strictLines.length - 1} 处不符合要求（见上），--strict：未写入任何文件`);
    expect(strict.err).toContain('警告：内部审核专家名单为空');

    const loose = await cli(ws, 'boss', ['documents', 'generate', '--bank', bank, '--out', 'sub']);
    expect(loose.code).toBe(0);
    expect(loose.out).toMatch(/^已生成申报材料 \d+ 个文件/);
    expect(loose.out).not.toContain('警告');
    const lines = loose.err.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(strictLines.slice(0, -1));
    expect(lines.at(-1)).toBe(`警告：共 ${lines.length - 1} 条，报送前须处理（用 --strict 时有警告即不生成）`);

    // Five independent experts and the notes filled in: only the panel's ink-signed scan is missing, and
    // --strict still refuses (the signed review: test/integration/cli/cli-review.test.ts).
    for (const [username, role] of [['expert1', '方法专家'], ['expert2', '内容专家'], ['expert3', '内容专家'], ['expert4', '实际工作专家'], ['expert5', '实际工作专家']] as [string, ExpertRole][]) {
      ws.as(username, ['reviewer']);
      const id = String(findAccount(ws.db, username)?.personId);
      expect((await cli(ws, 'sec', ['people', 'update', id, '--expert-role', role])).code).toBe(0);
      await invoke(sec, handlers['access.grant'], { bankId, username, role: 'reviewer' });
    }
    writeFileSync(join(ws.dir, 'notes.json'), JSON.stringify({ institution: '测试评价中心', definition: '定义', process: '过程', standardYear: '2019' }));
    expect((await cli(ws, 'boss', ['documents', 'notes', '--bank', bank, '--file', 'notes.json'])).code).toBe(0);
    const almost = await cli(ws, 'boss', ['documents', 'generate', '--bank', bank, '--out', 'ok', '--strict']);
    expect(almost.code).toBe(1);
    expect(almost.err).toBe(`警告：${reviewMessages.scanGap}\nqbank: 申报材料有 1 处不符合要求（见上），--strict：未写入任何文件\n`);
  }, 180_000);
});
