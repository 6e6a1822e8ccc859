import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import type { CliIO } from '../../../app/cli/io.js';
import { useTempDir } from '../../helpers/tmp.js';

const PASSPHRASE = '测试工作站口令-Test-2026!';

describe('qbank CLI: accounts, people, audit', () => {
  const tempDir = useTempDir();

  it('runs a 三员 session end to end without a password on any command line', async () => {
    const dir = tempDir();
    const env: Record<string, string> = { QBANK_DB: join(dir, 'ws.db'), QBANK_PASSPHRASE: PASSPHRASE };
    const run = async (args: string[], extra: Record<string, string> = {}) => {
      let out = '';
      let err = '';
      const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env: { ...env, ...extra }, cwd: dir };
      return { code: await main(args, io), out, err };
    };
    const init = await run(['init']);
    const initial = Object.fromEntries([...init.out.matchAll(/\t(sysadmin|secadmin|auditor)\t(\S+)/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(initial)).toEqual(['sysadmin', 'secadmin', 'auditor']);

    // Every first login must change the password; the new one comes from a file.
    const as = (user: string, password: string) => ({ QBANK_USER: user, QBANK_PASSWORD: password });
    const restricted = await run(['accounts', 'list'], as('sysadmin', initial.sysadmin!));
    expect(restricted).toMatchObject({ code: 1, err: 'qbank: 首次登录须先修改口令\n' });
    writeFileSync(join(dir, 'new.txt'), 'Sys-Admin-Pass1!\n');
    expect((await run(['passwd', '--new-password-file', 'new.txt'], as('sysadmin', initial.sysadmin!))).out).toContain('口令已修改');
    const created = await run(['accounts', 'create', 'liqiang', '--name', '李强'], as('sysadmin', 'Sys-Admin-Pass1!'));
    expect(created.out).toMatch(/初始口令（只显示这一次，首次登录须修改）: \S{14}/);

    await run(['passwd'], { ...as('secadmin', initial.secadmin!), QBANK_NEW_PASSWORD: 'Sec-Officer-Pass1!' });
    const sec = as('secadmin', 'Sec-Officer-Pass1!');
    expect((await run(['accounts', 'grant', 'liqiang', '命题人员'], sec)).out).toContain('liqiang\t李强\t命题人员');
    expect((await run(['accounts', 'grant', 'liqiang', 'auditor,sysadmin'], sec)).err).toContain('三员分立');
    const person = await run(['people', 'add', '--name', '李强', '--unit', '样例技师学院', '--phone', '020-8000-0201', '--work-types', '命题'], sec);
    expect(person.out).toMatch(/已登记 1\t李强/);
    expect((await run(['people', 'pledge', '1', '--signed', '2026-11-01', '--expires', '2027-10-31', '--scope', '制图员题库命题'], sec)).out).toContain('已登记保密责任书');
    expect((await run(['people', 'list'], sec)).out).toContain('责任书有效');

    await run(['passwd'], { ...as('auditor', initial.auditor!), QBANK_NEW_PASSWORD: 'Shenji-Pass-123!' });
    const verify = await run(['audit', 'verify'], as('auditor', 'Shenji-Pass-123!'));
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/^OK 审计日志完整/);
    expect(verify.out).toMatch(/副署校验点 \(countersigned\) #\d+，签署人 auditor/);
    // an anchor printed earlier (here: the head this verification reported) is proved to be in the log
    const head = /链头 \(head\): (\d+:[0-9a-f]{64})/.exec(verify.out)![1]!;
    const auditor = as('auditor', 'Shenji-Pass-123!');
    expect(await run(['audit', 'verify', '--anchor', head], auditor)).toMatchObject({ code: 0 });
    // --pages also reads every page of the file (a page changed outside the log: test/fault/tamper)
    expect((await run(['audit', 'verify', '--pages'], auditor)).out).toMatch(/^OK 审计日志完整.*；数据库文件的 \d+ 页全部可读、未被改动/);
    writeFileSync(join(dir, 'printed.txt'), `登记表打印的锚点：${head}\n`);
    expect(await run(['audit', 'verify', '--anchor', 'printed.txt'], auditor)).toMatchObject({ code: 0 });
    const forged = await run(['audit', 'verify', '--anchor', `${head.split(':')[0]}:${'0'.repeat(64)}`], auditor);
    expect(forged.code).toBe(1);
    expect(forged.out).toMatch(/^BROKEN .*与锚点 .* 不符：日志被改写/);
    expect((await run(['audit', 'verify', '--anchor', 'nonsense'], auditor)).err).toContain('--anchor 应为 序号:哈希');
    const exported = await run(['audit', 'export', '--register', '登录', '--out', 'reg'], as('auditor', 'Shenji-Pass-123!'));
    expect(exported.out).toContain('登录登记表.xlsx');
    expect((await run(['accounts', 'list'], as('auditor', 'Shenji-Pass-123!'))).err).toContain('权限不足');
  }, 60_000);

  it('reports a wrong workstation passphrase and a wrong password in one line each', async () => {
    const dir = tempDir();
    const env = { QBANK_DB: join(dir, 'ws.db'), QBANK_PASSPHRASE: PASSPHRASE };
    const run = async (args: string[], extra: Record<string, string>) => {
      let err = '';
      const code = await main(args, { out: () => undefined, err: (t) => void (err += t), env: { ...env, ...extra }, cwd: dir });
      return { code, err };
    };
    await run(['init'], {});
    const badKey = await run(['whoami'], { QBANK_PASSPHRASE: 'not-the-passphrase', QBANK_USER: 'sysadmin', QBANK_PASSWORD: 'x' });
    expect(badKey.code).toBe(1);
    expect(badKey.err).toMatch(/^qbank: 文件 .* 不是题库数据库，或已损坏，或口令不正确/);
    const badPassword = await run(['whoami'], { QBANK_USER: 'sysadmin', QBANK_PASSWORD: 'x' });
    expect(badPassword.err).toBe('qbank: 用户名或口令不正确\n');
    const noUser = await run(['whoami'], {});
    expect(noUser).toMatchObject({ code: 2, err: 'qbank: 需要用户名：用 --user 或环境变量 QBANK_USER\n' });
  });
});
