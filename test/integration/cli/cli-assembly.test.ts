import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../app/cli/io.js';
import { main } from '../../../app/cli/main.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { findAccount, setPassword } from '../../../app/store/repositories/accounts.js';
import { sampleBank } from '../../helpers/sample-bank.js';
import { TEST_PASSWORD, testPasswordSecrets, useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

/** The sample bank with its manager `boss` and a reviewer `shenhe`, logged in from the command line. */
async function cliBank(ws: TestWorkstation) {
  const { bankId } = await sampleBank(ws);
  ws.as('shenhe', ['reviewer']);
  await invoke(ws.as('sec', ['secadmin']), handlers['access.grant'], { bankId, username: 'shenhe', role: 'reviewer' });
  // The test clock runs behind the real one: passwords changed now have not expired yet.
  for (const username of ['boss', 'shenhe']) setPassword(ws.db, findAccount(ws.db, username)!.id, testPasswordSecrets().hash, new Date().toISOString(), false);
  writeFileSync(join(ws.dir, 'key.bin'), ws.secret.kind === 'keyFile' ? ws.secret.bytes : new Uint8Array());
  const run = async (user: string, ...args: string[]) => {
    let out = '';
    let err = '';
    const env = { QBANK_DB: join(ws.dir, 'qbank.db'), QBANK_KEY_FILE: join(ws.dir, 'key.bin'), QBANK_USER: user, QBANK_PASSWORD: TEST_PASSWORD };
    const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd: ws.dir };
    return { code: await main(args, io), out, err };
  };
  return { bankId: String(bankId), run };
}

describe('qbank papers structure, lint, coverage, assemble and approve', () => {
  const workstation = useWorkstation();

  it('shows and sets a structure of one’s own, and lint, coverage and the dry run all reckon with it', async () => {
    const ws = workstation();
    const { bankId, run } = await cliBank(ws);
    const shown = await run('boss', 'papers', 'structure', '--bank', bankId);
    expect(shown).toMatchObject({ code: 0, err: '' });
    expect(shown.out).toContain('默认试卷结构（本题库未设置）：判断20×1分 + 单选140×0.5分 + 多选10×1分，120分钟（共 100 分，每套 170 道）（预设 standard-170）');
    expect(shown.out).toContain('  compact-90\t判断20×1分 + 单选60×1分 + 多选10×2分，90分钟');
    expect(shown.out).toContain('自定义：--type 判断:20:1');

    const unknown = await run('boss', 'papers', 'structure', '--bank', bankId, '--preset', 'custom');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('没有名为“custom”的预设试卷结构；可选预设：standard-170（判断20×1分 + 单选140×0.5分 + 多选10×1分，120分钟）、classic-200');
    expect(await run('boss', 'papers', 'structure', '--bank', bankId, '--type', '单选:x:1', '--minutes', '90')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--type 应写成 题型:题量:每题分值，如 单选:60:1，收到 单选:x:1') as string,
    });
    expect(await run('boss', 'papers', 'structure', '--bank', bankId, '--type', '单选:60:1')).toMatchObject({ code: 2, err: expect.stringContaining('须给出 --minutes') as string });
    const short = await run('boss', 'papers', 'structure', '--bank', bankId, '--type', '单选:60:1', '--minutes', '90');
    expect(short.code).toBe(1);
    expect(short.err).toContain('单项选择题60×1 = 60 分，应为 100 分');

    const set = await run('boss', 'papers', 'structure', '--bank', bankId, '--type', '判断:20:1', '--type', '单选:60:1', '--type', '多选:10:2', '--minutes', '90');
    expect(set).toMatchObject({ code: 0, err: '', out: '已设置：判断20×1分 + 单选60×1分 + 多选10×2分，90分钟（共 100 分，每套 90 道）\n' });
    expect((await run('boss', 'papers', 'structure', '--bank', bankId)).out).toContain('本题库试卷结构：判断20×1分 + 单选60×1分 + 多选10×2分，90分钟（共 100 分，每套 90 道）（预设 compact-90）');

    const coverage = await run('boss', 'coverage', '--bank', bankId);
    expect(coverage.out.split('\n')[0]).toBe('按本题库的理论知识试卷结构核算 3 套：每套 90 道（判断 20、单选 60、多选 10），共 270 道');
    const lint = await run('boss', 'lint', '--bank', bankId);
    expect(lint.out.split('\n')[0]).toBe('按本题库的理论知识试卷结构（判断20×1分 + 单选60×1分 + 多选10×2分，90分钟）核算 3 套：每套 90 道，共 270 道');
    expect(lint.out).not.toContain('type-short');
    const dry = await run('boss', 'assemble', '--bank', bankId, '--dry-run');
    expect(dry).toMatchObject({ code: 0, err: '' });
    expect(dry.out).toContain('组卷蓝图：3 套，每套 90 道题');
    expect(dry.out).toContain('辅助要素（Z）至多 4 道');
    expect(dry.out).toContain('预检查：未发现题量不足');

    writeFileSync(join(ws.dir, 's.json'), JSON.stringify({ minutes: 100, sections: [{ type: '判断', count: 10, pointsEach: 1 }, { type: '单选', count: 70, pointsEach: 1 }, { type: '多选', count: 10, pointsEach: 2 }] }));
    expect((await run('boss', 'papers', 'structure', '--bank', bankId, '--file', 's.json')).out).toBe('已设置：判断10×1分 + 单选70×1分 + 多选10×2分，100分钟（共 100 分，每套 90 道）\n');
    writeFileSync(join(ws.dir, 'bad.json'), '{ minutes: 90 ');
    expect((await run('boss', 'papers', 'structure', '--bank', bankId, '--file', 'bad.json')).err).toContain('bad.json 不是有效的 JSON 试卷结构文件');
    expect((await run('boss', 'papers', 'structure', '--bank', bankId, '--file', 's.json', '--preset', 'compact-90')).code).toBe(2);
  }, 120_000);

  it('prints practical sets by 职业功能 with points, minutes and 选考 (no X/Y/Z, bands or Σp); only a reviewer who did not assemble them approves', async () => {
    const ws = workstation();
    const { bankId, run } = await cliBank(ws);
    const dry = await run('boss', 'assemble', '--bank', bankId, '--kind', 'practical', '--dry-run');
    // The sample's level 4 has three 必考 职业功能 and no 选考 (the 选考 lines: test/unit/cli/assembly-lines.test.ts).
    expect(dry.out).toContain('第1套：A 绘制二维图（必考，60 分，120 分钟），B 绘制三维图（必考，30 分，60 分钟），C 图档管理（必考，10 分，20 分钟）；合计 100 分，200 分钟');

    const practical = await run('boss', 'assemble', '--bank', bankId, '--kind', 'practical');
    expect(practical).toMatchObject({ code: 0, err: '' });
    const lines = practical.out.split('\n');
    const header = lines.find((l) => l.startsWith('套别'));
    expect(header).toBe('套别\t试题\t分值\t考试时间（分钟）\tA 绘制二维图\tB 绘制三维图\tC 图档管理');
    expect(lines.find((l) => l.startsWith('甲\t'))).toBe('甲\t3\t100\t200\t1\t1\t1');
    for (const meaningless of ['X/Y/Z', 'Σp', '难度', 'practical', '偏差']) expect(practical.out).not.toContain(meaningless);
    expect(practical.out).toContain('套间重复题量');
    const runId = /第 (\d+) 次组卷/.exec(practical.out)?.[1] ?? '';

    const own = await run('boss', 'papers', 'approve', '--bank', bankId, '--run', runId);
    expect(own.code).toBe(1);
    expect(own.err).toContain('四眼原则：试卷须由题库 1 的审核专家审定（组卷人以外）；boss 不是该题库的审核专家，不能审定试卷');
    expect(await run('shenhe', 'papers', 'approve', '--bank', bankId, '--run', runId)).toMatchObject({ code: 0, out: expect.stringMatching(/^已审定并锁定 3 份试卷/) as string });
    expect((await run('boss', 'papers', '--help')).out).toContain('四眼原则：由本题库的审核专家审定，组卷人不能审定自己组的试卷');
  }, 120_000);
});
