/**
 * `qbank conformance`: the 安全保密管理员 reads the report (one line per clause, one per test, the counts and
 * where the results came from; --json gives the rows), writes it as docx with --out; the 系统管理员 is refused.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../../../app/cli/io.js';
import { main } from '../../../app/cli/main.js';
import { CONFORMANCE_CLAUSES } from '../../../app/domain/conformance/clauses.js';
import type { ConformanceReport } from '../../../app/domain/conformance/results.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { writeCraftedResults } from '../../helpers/conformance.js';
import { TEST_PASSWORD, useWorkstation } from '../../helpers/workstation.js';

describe('qbank conformance', () => {
  const workstation = useWorkstation();
  afterEach(() => void vi.unstubAllEnvs());

  it('prints the clauses with their tests and results, writes the docx with --out, and refuses the 系统管理员', async () => {
    const ws = workstation();
    const dir = ws.dir;
    const crafted = writeCraftedResults(dir);
    vi.stubEnv('QBANK_TEST_RESULTS', crafted.vitest);
    vi.stubEnv('QBANK_FAULT_RESULTS', crafted.faults);
    // passwords that do not expire: the test workstation's clock is not the CLI's
    await invoke(ws.as('sec', ['secadmin']), handlers['policy.set'], { changes: { maxAgeDays: 0 } });
    ws.as('sys', ['sysadmin']);
    const keyFile = join(dir, 'ws.key');
    if (ws.secret.kind === 'keyFile') writeFileSync(keyFile, ws.secret.bytes);
    const run = async (user: string, args: string[]) => {
      let out = '';
      let err = '';
      const env = { QBANK_DB: join(dir, 'qbank.db'), QBANK_KEY_FILE: keyFile, QBANK_USER: user, QBANK_PASSWORD: TEST_PASSWORD };
      const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd: dir };
      return { code: await main(args, io), out, err };
    };

    const shown = await run('sec', ['conformance']);
    expect(shown).toMatchObject({ code: 0, err: '' });
    const lines = shown.out.trimEnd().split('\n');
    expect(lines[0]).toBe('条款\t结论\t时间\t要求');
    expect(lines[1]).toBe(`规程第四条\t通过\t2026-12-01 10:01\t${CONFORMANCE_CLAUSES[0]!.requirement}`);
    expect(lines[2]).toBe('  通过\ttest/unit/domain/marking.test.ts › secrecy marks per document class marks items and answers with the bank mark, documents about the bank 工作秘密, the candidates’ notice not at all');
    expect(lines).toContain('  未运行\t故障测试 disk：磁盘测试（磁盘已满、只读介质）（没有该故障测试的记录）');
    expect(lines).toContain('  失败\t故障测试 tamper：篡改测试（改动光盘包与审计日志）（1 项，50 次试验，2 次失败（精简运行））');
    expect(lines.filter((l) => !l.startsWith('  ') && /^(规程|附件6)/u.test(l))).toHaveLength(CONFORMANCE_CLAUSES.length);
    expect(lines).toContain(`共 ${CONFORMANCE_CLAUSES.length} 条：通过 1 条，失败 3 条，跳过 1 条，未运行 ${CONFORMANCE_CLAUSES.length - 5} 条`);
    expect(lines).toContain(`测试结果：${crafted.vitest}（运行于 2026-12-01 10:00，${JSON.parse(readFileSync(crafted.vitest, 'utf8')).testResults.length} 个测试文件）`);

    const json = JSON.parse((await run('sec', ['conformance', '--json'])).out) as ConformanceReport;
    expect(json.rows.map((r) => [r.clause.id, r.outcome]).slice(0, 2)).toEqual([
      ['gc-4', '通过'],
      ['gc-7', '失败'],
    ]);

    const written = await run('sec', ['conformance', '--out', 'reports']);
    expect(written.code).toBe(0);
    expect(written.out).toMatch(/\n已导出 .*安全保密符合性报告\.docx（\d+ 字节，SHA-256 [0-9a-f]{16}…）\n$/u);
    expect(existsSync(join(dir, 'reports', '安全保密符合性报告.docx'))).toBe(true);

    expect(await run('sys', ['conformance'])).toMatchObject({
      code: 1,
      err: 'qbank: 权限不足：“查看规程与附件6符合性报告”需要安全保密管理员或安全审计员身份\n',
    });
  }, 60_000);
});
