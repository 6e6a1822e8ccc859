import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopHost } from '../../../app/services/desktop/host.js';
import { checkpoint, reportProgress } from '../../../app/services/jobs/progress.js';
import { JobRunner } from '../../../app/services/jobs/runner.js';
import { createContext } from '../../../app/services/context.js';
import { useTempDir } from '../../helpers/tmp.js';

const PASSPHRASE = '工作站口令-Test-2026';

describe('desktop host: first run, unlock, login, lock', () => {
  const tempDir = useTempDir();
  const hosts: DesktopHost[] = [];
  afterEach(() => hosts.splice(0).forEach((h) => h.close()));
  const hostAt = (dbFile: string) => {
    const host = new DesktopHost({ dbFile, anchorDir: null });
    hosts.push(host);
    return host;
  };

  it('walks first run → one-time password → password change → work → lock → unlock → reopen', async () => {
    const dbFile = join(tempDir(), 'qbank.db');
    const host = hostAt(dbFile);
    expect(host.state().stage).toBe('new');
    await expect(host.call('banks.list', {})).rejects.toThrow('尚未创建工作站');
    await expect(host.create({ secret: { kind: 'passphrase', passphrase: 'abc' } })).rejects.toThrow('工作站口令至少 12 个字符');
    expect(host.state().stage).toBe('new');

    const created = await host.create({ secret: { kind: 'passphrase', passphrase: PASSPHRASE } });
    expect(created.admins.map((a) => a.username)).toEqual(['sysadmin', 'secadmin', 'auditor']);
    expect(created.state.stage).toBe('open');
    expect(created.state.workstationId).toMatch(/\S/);
    await expect(host.create({ secret: { kind: 'passphrase', passphrase: PASSPHRASE } })).rejects.toThrow('已存在');

    await expect(host.login({ username: 'sysadmin', password: 'wrong-password' })).rejects.toThrow('用户名或口令不正确');
    const oneTime = created.admins[0]!.initialPassword;
    const first = await host.login({ username: 'sysadmin', password: oneTime });
    expect(first.stage).toBe('session');
    expect(first.user?.restricted).toBe('mustChangePassword');
    await expect(host.call('accounts.list', {})).rejects.toThrow('首次登录须先修改口令');
    await host.call('session.changePassword', { current: oneTime, next: 'Neues-Kennwort-2026!' });
    expect(host.state().user?.restricted).toBeNull();
    const accounts = (await host.call('accounts.list', {})) as { username: string }[];
    expect(accounts.map((a) => a.username)).toContain('auditor');
    await expect(host.call('no.such', {})).rejects.toThrow('没有名为 no.such 的功能');

    const locked = host.lock();
    expect(locked).toMatchObject({ stage: 'open', lockedUser: 'sysadmin', user: null });
    await expect(host.call('accounts.list', {})).rejects.toThrow('请先登录');
    expect((await host.login({ username: 'sysadmin', password: 'Neues-Kennwort-2026!' })).stage).toBe('session');
    host.close();

    const again = hostAt(dbFile);
    expect(again.state().stage).toBe('closed');
    expect(() => again.open({ secret: { kind: 'passphrase', passphrase: 'not-the-passphrase' } })).toThrow('口令不正确');
    expect(again.state().stage).toBe('closed');
    expect(again.open({ secret: { kind: 'passphrase', passphrase: PASSPHRASE } }).stage).toBe('open');
  }, 60_000);

  it('refuses a malformed method input with a Chinese message', async () => {
    const host = hostAt(join(tempDir(), 'qbank.db'));
    expect(() => host.open({ secret: { kind: 'nothing' } as never })).toThrow('打开工作站');
    expect(() => host.job({ id: 'missing' })).toThrow('没有编号为 missing 的任务');
  });
});

describe('jobs: progress and cancel', () => {
  it('reports progress, finishes with the value and forgets a job once read', async () => {
    const runner = new JobRunner();
    let release = () => {};
    const id = runner.start('demo', async (job) => {
      job.report({ done: 1, total: 2, label: '第一步' });
      await new Promise<void>((r) => (release = r));
      return 42;
    });
    await Promise.resolve();
    expect(runner.status(id)).toMatchObject({ state: 'running', progress: { done: 1, total: 2, label: '第一步' } });
    release();
    await new Promise((r) => setImmediate(r));
    expect(runner.status(id)).toMatchObject({ state: 'done', value: 42 });
    expect(() => runner.status(id)).toThrow('没有编号');
  });

  it('cancels at the next checkpoint of the service', async () => {
    const runner = new JobRunner();
    const seen: number[] = [];
    const id = runner.start('loop', async (job) => {
      const ctx = { ...createContext({} as never, { anchorDir: null }), job };
      for (let i = 0; i < 1000; i++) {
        reportProgress(ctx, i, 1000, '循环');
        seen.push(i);
        await checkpoint(ctx, '测试任务');
      }
      return 'finished';
    });
    await new Promise((r) => setImmediate(r));
    runner.cancel(id);
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    const status = runner.status(id);
    expect(status.state).toBe('cancelled');
    expect(status.error?.message).toBe('已取消“测试任务”，未保存任何内容');
    expect(seen.length).toBeLessThan(10);
  });

  it('costs nothing outside a job', async () => {
    const ctx = createContext({} as never, { anchorDir: null });
    reportProgress(ctx, 1, 2, 'x');
    await expect(checkpoint(ctx, 'x')).resolves.toBeUndefined();
  });
});
