/**
 * `qbank destruction`: the 安全保密管理员 records a destruction naming the two people by name (or 人员编号),
 * lists it (text and --json) and exports the 销毁登记表; refusals are one Chinese line with exit code 1;
 * the 安全审计员 lists and exports, but may not record.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../app/cli/io.js';
import { main } from '../../../app/cli/main.js';
import { beijingDate } from '../../../app/domain/person.js';
import { useTempDir } from '../../helpers/tmp.js';

const PASSPHRASE = '测试工作站口令-Test-2026!';
const DAY = 86_400_000;

describe('qbank destruction', () => {
  const tempDir = useTempDir();

  it('records, lists and exports the 销毁 register; refuses the same person twice and a future date', async () => {
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
    await run(['passwd'], { QBANK_USER: 'secadmin', QBANK_PASSWORD: initial.secadmin!, QBANK_NEW_PASSWORD: 'Sec-Officer-Pass1!' });
    await run(['passwd'], { QBANK_USER: 'auditor', QBANK_PASSWORD: initial.auditor!, QBANK_NEW_PASSWORD: 'Shenji-Pass-123!' });
    const sec = { QBANK_USER: 'secadmin', QBANK_PASSWORD: 'Sec-Officer-Pass1!' };
    const auditor = { QBANK_USER: 'auditor', QBANK_PASSWORD: 'Shenji-Pass-123!' };
    for (const name of ['张三', '李四']) expect((await run(['people', 'add', '--name', name, '--unit', '鉴定中心', '--phone', '020-8000-0101'], sec)).code).toBe(0);

    const yesterday = beijingDate(new Date(Date.now() - DAY));
    const record = ['destruction', 'record', '--kind', '光盘', '--what', '备份光盘 第一季度', '--quantity', '2', '--method', '粉碎', '--date', yesterday];
    const recorded = await run([...record, '--destroyer', '张三', '--witness', '李四', '--note', '已核对标签'], sec);
    expect(recorded).toMatchObject({ code: 0, err: '' });
    expect(recorded.out).toBe(`已登记销毁 1：光盘 2 件（备份光盘 第一季度），粉碎，${yesterday}，销毁人 张三，监销人 李四\n`);
    // by 人员编号 (李四 is 2, 张三 is 1)
    const paper = ['destruction', 'record', '--kind', '纸质试卷', '--what', '试卷 甲套', '--quantity', '30', '--method', '焚毁', '--date', yesterday, '--destroyer', '2', '--witness', '1'];
    expect((await run(paper, sec)).out).toContain('已登记销毁 2：纸质试卷 30 件（试卷 甲套），焚毁');

    const same = await run([...record, '--destroyer', '张三', '--witness', '1'], sec);
    expect(same).toMatchObject({ code: 1, out: '', err: 'qbank: 销毁登记：监销人: 销毁人和监销人必须是两个不同的人\n' });
    const future = beijingDate(new Date(Date.now() + 2 * DAY));
    const late = await run([...record.slice(0, -1), future, '--destroyer', '张三', '--witness', '李四'], sec);
    expect(late.code).toBe(1);
    expect(late.err).toMatch(/^qbank: 销毁登记：销毁日期: 销毁日期不能晚于今天（\d{4}-\d\d-\d\d）\n$/);
    expect((await run([...record, '--destroyer', '王五', '--witness', '李四'], sec)).err).toBe('qbank: 销毁登记：销毁人: 人员登记表中没有“王五”\n');

    const list = await run(['destruction', 'list'], auditor);
    expect(list.code).toBe(0);
    expect(list.out.split('\n').slice(0, 3)).toEqual([
      '编号\t销毁日期\t载体类别\t载体说明\t数量\t光盘\t销毁方式\t销毁人\t监销人\t备注',
      `2\t${yesterday}\t纸质试卷\t试卷 甲套\t30\t—\t焚毁\t李四\t张三\t—`,
      `1\t${yesterday}\t光盘\t备份光盘 第一季度\t2\t—\t粉碎\t张三\t李四\t已核对标签`,
    ]);
    const json = JSON.parse((await run(['destruction', 'list', '--kind', '光盘', '--json'], sec)).out) as { id: number; destroyer: string }[];
    expect(json.map((d) => [d.id, d.destroyer])).toEqual([[1, '张三']]);
    expect((await run(['destruction', 'list', '--to', '2000-01-01'], sec)).out).toBe('没有销毁登记\n');

    const exported = await run(['destruction', 'export', '--out', 'registers'], auditor);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^已导出 .*销毁登记表\.xlsx（\d+ 字节，SHA-256 [0-9a-f]{16}…）\n$/);
    expect(existsSync(join(dir, 'registers', '销毁登记表.xlsx'))).toBe(true);
    expect((await run(['destruction', 'export'], sec))).toMatchObject({ code: 2, err: 'qbank: 缺少 --out <目录>\n' });

    const refused = await run([...record, '--destroyer', '张三', '--witness', '李四'], auditor);
    expect(refused).toMatchObject({ code: 1, err: 'qbank: 权限不足：“登记销毁”需要安全保密管理员身份\n' });
  }, 120_000);
});
