import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../../app/cli/main.js';
import type { CliIO } from '../../../app/cli/io.js';
import { demoCopy } from '../../helpers/demo-fixture.js';
import { useTempDir } from '../../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PASSPHRASE = '测试工作站口令-Test-2026!';

async function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd };
  const code = await main(args, io);
  return { code, out, err };
}

describe('qbank CLI', () => {
  const tempDir = useTempDir();

  it('lists every command in --help and has help for each', async () => {
    const dir = tempDir();
    const help = await run(['--help'], dir);
    expect(help.code).toBe(0);
    for (const c of COMMANDS) {
      expect(help.out).toContain(c.name);
      const own = await run([c.name, '--help'], dir);
      expect(own.code).toBe(0);
      expect(own.out).toContain(`qbank ${c.name}`);
    }
  });

  it('fails with exit 2 and one line on stderr for an unknown command or option', async () => {
    const dir = tempDir();
    const unknown = await run(['frobnicate'], dir);
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toBe('qbank: 未知命令 (unknown command): frobnicate；运行 qbank --help 查看全部命令 (run qbank --help)\n');
    const badOption = await run(['occupations', '--bogus'], dir);
    expect(badOption.code).toBe(2);
    expect(badOption.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect((await run(['occupations', '--limit', 'x'], dir)).err).toBe('qbank: --limit 必须是正整数，收到 x\n');
    expect((await run([], dir)).code).toBe(2);
  });

  it('init creates the encrypted database given by --db or QBANK_DB, prints the 三员 passwords once, and upgrades harmlessly', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pass.txt'), `${PASSPHRASE}\n`);
    const first = await run(['init', '--db', 'ws.db', '--passphrase-file', 'pass.txt'], dir);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('已新建数据库');
    expect(first.out).toContain('（已加密）');
    expect(first.out).toMatch(/结构版本 \(schema version\): (\d+)\/\1/);
    expect(first.out).toMatch(/系统管理员\tsysadmin\t\S{14}/);
    expect(first.out).toMatch(/安全审计员\tauditor\t\S{14}/);
    const again = await run(['init'], dir, { QBANK_DB: join(dir, 'ws.db'), QBANK_PASSPHRASE: PASSPHRASE });
    expect(again.out).toContain('已打开数据库');
    expect(again.out).not.toContain('初始口令');
  });

  it('init without a workstation passphrase says how to give one', async () => {
    const r = await run(['init'], tempDir());
    expect(r.code).toBe(2);
    expect(r.err).toContain('需要工作站口令：用 --passphrase-file 文件 或环境变量 QBANK_PASSPHRASE');
  });

  it('init on a file that is not a database fails in one line, without a stack, and leaves it alone', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.db'), 'hello');
    const r = await run(['--db', 'x.db', 'init'], dir, { QBANK_PASSPHRASE: PASSPHRASE });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^qbank: 文件 .*x\.db 不是题库数据库/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(dir, 'x.db'), 'utf8')).toBe('hello');
    const debug = await run(['--debug', '--db', 'x.db', 'init'], dir, { QBANK_PASSPHRASE: PASSPHRASE });
    expect(debug.err).toContain('NotADatabaseError');
    expect(debug.err.split('\n').length).toBeGreaterThan(2);
  });

  it('searches occupations by name or code, as text or JSON', async () => {
    const dir = tempDir();
    const r = await run(['occupations', '--search', '电工'], dir);
    expect(r.out).toContain('6-31-01-03\t电工');
    const json = JSON.parse((await run(['occupations', '3-01-02-07', '--json'], dir)).out);
    expect(json[0]).toMatchObject({ code: '3-01-02-07', name: '制图员' });
    expect((await run(['occupations', '-s', '不存在'], dir)).out).toContain('没有找到');
  });

  // the demo itself is run by the built CLI in test/integration/security/plaintext-spill.test.ts (its output
  // checked there); here the shared demo workstation (test/helpers/demo-fixture.ts)
  it('assembles and writes the submission on the demo bank from the command line', async () => {
    const dir = tempDir();
    const env = (await demoCopy(dir)).env('zhangwei');
    // The 题库管理员 previews and runs an assembly on the demo bank from the command line.
    const dry = await run(['assemble', '--bank', '1', '--dry-run'], dir, env);
    expect(dry).toMatchObject({ code: 0, err: '' });
    expect(dry.out).toContain('组卷蓝图：3 套，每套 170 道题');
    expect(dry.out).toContain('预检查：未发现题量不足');
    // A cap per 鉴定范围: listed in the blueprint; a malformed value is a usage error.
    const capped = await run(['assemble', '--bank', '1', '--dry-run', '--point-cap-at', 'A-B=2'], dir, env);
    expect(capped).toMatchObject({ code: 0, err: '' });
    expect(capped.out).toContain('  A-B 基础知识：每个鉴定点每套至多 2 道（33 个鉴定点）');
    const tooTight = await run(['assemble', '--bank', '1', '--dry-run', '--point-cap-at', 'A-B=1'], dir, env);
    expect(tooTight.code).toBe(1);
    expect(tooTight.out).toMatch(/无法组卷：鉴定范围 A-B-A 制图基本知识 每套需要 14 道题，但每个鉴定点每套至多 1 道/);
    expect(await run(['assemble', '--bank', '1', '--dry-run', '--point-cap-at', 'A-B'], dir, env)).toMatchObject({ code: 2, err: expect.stringContaining('--point-cap-at 应写成 代码=上限') });
    const practical = await run(['assemble', '--bank', '1', '--kind', 'practical', '--seed', '3'], dir, env);
    expect(practical.code).toBe(0);
    expect(practical.out).toMatch(/已组 3 套技能考核试卷/);
    expect(practical.out).toContain('套间重复题量');
    const listed = await run(['papers', 'list', '--bank', '1', '--status', '草稿'], dir, env);
    expect(listed.out.trim().split('\n')).toHaveLength(4);
    const tooFew = await run(['assemble', '--bank', '1', '--sets', '2'], dir, env);
    expect(tooFew.code).not.toBe(0);
    expect(tooFew.err).toContain('至少组 3 套');
    expect(tooFew.err.trim().split('\n')).toHaveLength(1);

    // … and writes the submission folder (the practical run above is the newest draft; the approved sets win).
    const docs = await run(['documents', 'generate', '--bank', '1', '--out', 'sub'], dir, env);
    expect(docs.code).toBe(0);
    // What the rules would still reject is said on stderr, counted last (the sample names no edition year).
    expect(docs.err).toBe('警告：编制说明引用的国家职业技能标准没有版本年份（qbank documents notes 填写 standardYear）\n警告：共 1 条，报送前须处理（用 --strict 时有警告即不生成）\n');
    // 27: the demo's review attached the panel's signed scan
    expect(docs.out).toMatch(/已生成申报材料 27 个文件/);
    expect(existsSync(join(dir, 'sub', '03_1_理论知识试题', '3_丙套', '2_标准答案.docx'))).toBe(true);
    const noOut = await run(['documents', 'generate', '--bank', '1'], dir, env);
    expect(noOut).toMatchObject({ code: 2, err: 'qbank: 缺少 --out <目录>\n' });
  }, 180_000);

  it('works as the installed bin (built by npm install)', () => {
    const bin = join(ROOT, 'bin', 'qbank.js');
    expect(existsSync(join(ROOT, 'dist', 'app', 'cli', 'main.js')), 'dist/ missing: run npm run build').toBe(true);
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toBe('qbank 0.1.0\n');
    const bad = spawnSync(process.execPath, [bin, 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('未知命令');
  });
});
