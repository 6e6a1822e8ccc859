/**
 * `audit.list`: the 安全审计员 reads the access log newest first, a page at a time, filtered by actor,
 * action (name or Chinese summary), object, register, result and time; the read is itself registered
 * (调阅) with the rows shown and the filter used; nobody else may read it. Also `qbank audit list`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../app/cli/io.js';
import { main } from '../../../app/cli/main.js';
import { iterateAuditRows } from '../../../app/store/repositories/audit-log.js';
import { PermissionDeniedError } from '../../../app/services/errors.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { TEST_PASSWORD, useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

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

/** A log with a known tail: banks made by boss, a refusal by liu, accounts made by sys. */
async function logged(ws: TestWorkstation) {
  const sec = ws.as('sec', ['secadmin'], { pledge: 'none' });
  await invoke(sec, handlers['policy.set'], { changes: { maxAgeDays: 0 } });
  const boss = ws.as('boss', ['manager']);
  const sys = ws.as('sys', ['sysadmin'], { pledge: 'none' });
  const aud = ws.as('aud', ['auditor'], { pledge: 'none' });
  const banks: number[] = [];
  for (const track of ['机械', '建筑']) banks.push((await invoke(boss, handlers['banks.create'], { occupationCode: '3-01-02-07', track, level: 4 })).id);
  const middle = ws.now().toISOString();
  await expect(invoke(ws.as('liu', ['author']), handlers['accounts.create'], { username: 'xone', displayName: 'x' })).rejects.toThrow(PermissionDeniedError);
  for (const username of ['wangwu', 'zhaoliu', 'sunqi']) await invoke(sys, handlers['accounts.create'], { username, displayName: username });
  return { aud, banks, middle };
}

describe('audit.list', () => {
  const workstation = useWorkstation();

  it('filters by actor, action, object, register, result and time, newest first, a page at a time', async () => {
    const ws = workstation();
    const { aud, banks, middle } = await logged(ws);
    const all = [...iterateAuditRows(ws.db)];
    const list = (input: Record<string, unknown>) => invoke(aud, handlers['audit.list'], input);

    const page = await list({ limit: 5 });
    expect(page.total).toBe(all.length);
    expect(page.rows.map((r) => r.seq)).toEqual(all.slice(-5).map((r) => r.seq).reverse());
    // the first read was registered, so the log grew by one between the two reads
    const grown = [...iterateAuditRows(ws.db)];
    expect(grown.at(-1)?.action).toBe('audit.list');
    const second = await list({ limit: 5, offset: 5 });
    expect(second.total).toBe(all.length + 1);
    expect(second.rows.map((r) => r.seq)).toEqual(grown.slice(-10, -5).map((r) => r.seq).reverse());
    // a deep page of a long read: only offset + limit rows are kept, dropped in batches
    const now = [...iterateAuditRows(ws.db)];
    expect((await list({ limit: 1, offset: 2 })).rows.map((r) => r.seq)).toEqual([now.at(-3)?.seq]);

    const bySys = await list({ actor: 'SYS', action: 'accounts.create' });
    expect(bySys.rows.map((r) => [r.actor, r.action, r.actionName, r.register, r.resultName])).toEqual(
      ['sunqi', 'zhaoliu', 'wangwu'].map(() => ['sys', 'accounts.create', '新建账号', '权限', '成功']),
    );
    expect(bySys.rows.map((r) => r.objects)).toEqual([['account:sunqi'], ['account:zhaoliu'], ['account:wangwu']]);
    // the Chinese name of the action finds the same rows
    expect((await list({ action: '新建账号', actor: 'sys' })).total).toBe(3);
    expect((await list({ object: `bank:${banks[1]}` })).rows.map((r) => r.action)).toEqual(['banks.create']);
    const refused = await list({ result: 'refused' });
    expect(refused.rows).toEqual([expect.objectContaining({ actor: 'liu', action: 'accounts.create', register: '拒绝', resultName: '拒绝', detail: expect.stringContaining('权限不足') })]);
    expect((await list({ register: '拒绝' })).total).toBe(1);
    const before = await list({ to: middle, action: 'banks.create' });
    const since = await list({ from: middle, action: 'accounts.create', actor: 'sys' });
    expect([before.total, since.total]).toEqual([2, 3]);
    expect((await list({ from: '2099-01-01' })).rows).toEqual([]);
  });

  it('is registered as a 调阅 of the log with the rows shown and the filter; refuses bad times and every other role', async () => {
    const ws = workstation();
    const { aud } = await logged(ws);
    const page = await invoke(aud, handlers['audit.list'], { actor: 'sys', result: 'ok', limit: 2 });
    const own = [...iterateAuditRows(ws.db)].at(-1);
    const seqs = page.rows.map((r) => r.seq);
    expect(own).toMatchObject({ actor: 'aud', action: 'audit.list', register: '调阅', result: 'ok', objects: [`audit:${Math.min(...seqs)}-${Math.max(...seqs)}`] });
    expect(own?.detail).toBe(`操作人含“sys”，结果 成功；共 ${page.total} 条`);

    await expect(invoke(aud, handlers['audit.list'], { from: '昨天' })).rejects.toThrow('时间格式不正确');
    await expect(invoke(aud, handlers['audit.list'], { from: '2026-12-01', to: '2026-11-01' })).rejects.toThrow('起始时间晚于截止时间');
    await expect(invoke(aud, handlers['audit.list'], { limit: 501 })).rejects.toThrow();
    for (const [user, roles] of [['sec', ['secadmin']], ['sys', ['sysadmin']], ['boss', ['manager']]] as const) {
      await expect(invoke(ws.as(user, roles, { pledge: 'none' }), handlers['audit.list'], {})).rejects.toThrow('权限不足：“查阅审计日志”需要安全审计员身份');
    }
  });

  it('qbank audit list prints the page and its place in the whole', async () => {
    const ws = workstation();
    await logged(ws);
    const r = await cli(ws, 'aud', ['audit', 'list', '--actor', 'sys', '--action', 'accounts.create', '--limit', '2']);
    expect(r).toMatchObject({ code: 0, err: '' });
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d+\t\S+\tsys\taccounts\.create（新建账号）\t成功\taccount:sunqi\t/);
    expect(lines[1]).toContain('account:zhaoliu');
    expect(lines[2]).toBe('共 3 条，显示第 1–2 条');
    expect((await cli(ws, 'aud', ['audit', 'list', '--offset', '-1'])).code).toBe(2);
    const bad = await cli(ws, 'aud', ['audit', 'list', '--from', '昨天']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('时间格式不正确');
  });
});
