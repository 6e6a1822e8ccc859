import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../../app/domain/validation.js';
import { createContext } from '../../../app/services/context.js';
import { AuthenticationError, PermissionDeniedError, SessionEndedError } from '../../../app/services/errors.js';
import { invoke, type Handler } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { login, logout } from '../../../app/services/session/handlers.js';
import { closeWorkstation, initWorkstation } from '../../../app/services/workstation/handlers.js';
import type { WritableDB } from '../../../app/store/database.js';
import { useTempDir } from '../../helpers/tmp.js';
import { TEST_PASSWORD, useWorkstation } from '../../helpers/workstation.js';

const registerRows = (db: WritableDB, register: string) =>
  db.prepare('SELECT action, result, detail FROM audit_log WHERE register = ? ORDER BY seq').all(register) as { action: string; result: string; detail: string }[];

describe('first run', () => {
  const tempDir = useTempDir();

  it('creates the three 三员 with one-time passwords that must be changed at first login', async () => {
    const secret = { kind: 'passphrase', passphrase: '测试工作站口令-Test-2026!' } as const;
    const init = await initWorkstation(join(tempDir(), 'q.db'), secret);
    try {
      expect(init.admins.map((a) => [a.username, a.role])).toEqual([
        ['sysadmin', 'sysadmin'],
        ['secadmin', 'secadmin'],
        ['auditor', 'auditor'],
      ]);
      const sysadmin = init.admins[0]!;
      const ctx = await login(createContext(init.db, { secret }), 'sysadmin', sysadmin.initialPassword);
      expect(ctx.session?.restricted).toBe('mustChangePassword');
      await expect(invoke(ctx, handlers['accounts.list'], {})).rejects.toThrow('首次登录须先修改口令');
      await invoke(ctx, handlers['session.changePassword'], { current: sysadmin.initialPassword, next: 'Neu-Passw0rd#2026' });
      expect((await invoke(ctx, handlers['accounts.list'], {})).map((a) => a.username)).toEqual(['sysadmin', 'secadmin', 'auditor']);
      logout(ctx);
    } finally {
      closeWorkstation(init.db);
    }
  });
});

describe('三员 separation and roles', () => {
  const workstation = useWorkstation();

  it('refuses to make one account both 安全审计员 and 系统管理员 or 安全保密管理员', async () => {
    const ws = workstation();
    const sec = ws.as('sec', ['secadmin']);
    ws.as('admin1', ['sysadmin']);
    ws.as('officer', ['secadmin']);
    for (const username of ['admin1', 'officer']) {
      await expect(invoke(sec, handlers['accounts.grantRoles'], { username, roles: ['auditor'] })).rejects.toThrow(DomainValidationError);
      await expect(invoke(sec, handlers['accounts.grantRoles'], { username, roles: ['auditor'] })).rejects.toThrow('三员分立');
    }
    ws.as('aud', ['auditor']);
    await expect(invoke(sec, handlers['accounts.grantRoles'], { username: 'aud', roles: ['sysadmin'] })).rejects.toThrow('三员分立');
  });

  it('lets only the 系统管理员 create accounts and only the 安全保密管理员 grant roles', async () => {
    const ws = workstation();
    const sys = ws.as('sys', ['sysadmin']);
    const sec = ws.as('sec', ['secadmin']);
    await expect(invoke(sec, handlers['accounts.create'], { username: 'newbie', displayName: '新人' })).rejects.toThrow(PermissionDeniedError);
    const created = await invoke(sys, handlers['accounts.create'], { username: 'newbie', displayName: '新人' });
    expect(created.initialPassword).toMatch(/^\S{14}$/);
    await expect(invoke(sys, handlers['accounts.grantRoles'], { username: 'newbie', roles: ['author'] })).rejects.toThrow('需要安全保密管理员身份');
    expect((await invoke(sec, handlers['accounts.grantRoles'], { username: 'newbie', roles: ['author'] })).roles).toEqual(['author']);
    await expect(invoke(sec, handlers['accounts.grantRoles'], { username: 'sec', roles: ['manager'] })).rejects.toThrow('不能给自己授予角色');
  });

  it('gives the 安全审计员 the log and nothing else', async () => {
    const ws = workstation();
    const aud = ws.as('aud', ['auditor'], { pledge: 'valid' });
    for (const [name, input] of [
      ['accounts.list', {}],
      ['banks.list', {}],
      ['people.list', {}],
      ['policy.set', { changes: { maxFailures: 3 } }],
    ] as const) {
      await expect(invoke(aud, handlers[name] as Handler, input), name).rejects.toThrow(PermissionDeniedError);
    }
    expect((await invoke(aud, handlers['audit.verify'], {})).ok).toBe(true);
    // No handler of any role can change the log: only these four touch it, and none writes rows
    // (audit.list reads them; its own call is registered like every call).
    expect(Object.keys(handlers).filter((n) => n.startsWith('audit.'))).toEqual(['audit.verify', 'audit.checkpoint', 'audit.export', 'audit.list']);
  });
});

describe('authentication', () => {
  const workstation = useWorkstation();

  it('locks the account after 5 wrong passwords, refuses even the right one, and records every step', async () => {
    const ws = workstation();
    ws.as('liqiang', ['author']);
    for (let i = 1; i <= 4; i++) {
      await expect(login(ws.system, 'liqiang', 'wrong')).rejects.toThrow(/^用户名或口令不正确$/);
    }
    await expect(login(ws.system, 'liqiang', 'wrong')).rejects.toThrow('已连续 5 次错误，账号已锁定');
    await expect(login(ws.system, 'liqiang', TEST_PASSWORD)).rejects.toThrow(/账号已锁定.*由安全保密管理员解锁/);
    const rows = registerRows(ws.db, '登录');
    expect(rows.filter((r) => r.action === 'session.login' && r.result === 'refused')).toHaveLength(6);
    expect(rows.filter((r) => r.action === 'account.lockout')).toHaveLength(1);

    await invoke(ws.as('sec', ['secadmin']), handlers['accounts.unlock'], { username: 'liqiang' });
    expect(registerRows(ws.db, '登录').at(-1)).toMatchObject({ action: 'accounts.unlock', result: 'ok' });
    const ctx = await login(ws.system, 'liqiang', TEST_PASSWORD);
    expect(ctx.actor.username).toBe('liqiang');
  });

  it('unlocks by itself after the lockout period', async () => {
    const ws = workstation();
    ws.as('liqiang', ['author']);
    for (let i = 0; i < 5; i++) await expect(login(ws.system, 'liqiang', 'wrong')).rejects.toThrow(AuthenticationError);
    ws.advance(31 * 60_000);
    await expect(login(ws.system, 'liqiang', TEST_PASSWORD)).resolves.toBeDefined();
  });

  it('gives the same answer for an unknown user as for a wrong password', async () => {
    const ws = workstation();
    ws.as('liqiang', ['author']);
    await expect(login(ws.system, 'nobody', 'x')).rejects.toThrow(/^用户名或口令不正确$/);
    await expect(login(ws.system, 'liqiang', 'x')).rejects.toThrow(/^用户名或口令不正确$/);
  });

  it('logs an unknown user name as a keyed hash, never as typed, and the same name as the same tag', async () => {
    const ws = workstation();
    const typed = 'Secret-Typed-In-Name-1!';
    await expect(login(ws.system, typed, 'x')).rejects.toThrow(/^用户名或口令不正确$/);
    await expect(login(ws.system, typed, 'y')).rejects.toThrow(/^用户名或口令不正确$/);
    await expect(login(ws.system, 'other', 'y')).rejects.toThrow(/^用户名或口令不正确$/);
    const refused = ws.db.prepare(`SELECT actor FROM audit_log WHERE action = 'session.login' ORDER BY seq`).all() as { actor: string }[];
    expect(JSON.stringify(ws.db.prepare('SELECT * FROM audit_log').all())).not.toContain(typed);
    const [first, again, other] = refused.map((r) => r.actor);
    expect(first).toMatch(/^未知用户#[0-9a-f]{12}$/);
    expect(again).toBe(first);
    expect(other).toMatch(/^未知用户#[0-9a-f]{12}$/);
    expect(other).not.toBe(first);
  });

  it('restricts a session whose password has expired (7 days by default) to changing it', async () => {
    const ws = workstation();
    ws.as('liqiang', ['author']);
    ws.advance(8 * 86_400_000);
    const ctx = await login(ws.system, 'liqiang', TEST_PASSWORD);
    expect(ctx.session?.restricted).toBe('passwordExpired');
    await expect(invoke(ctx, handlers['banks.list'], {})).rejects.toThrow('口令已过期，须先修改口令');
  });

  it('enforces the password policy and the history of 5', async () => {
    const ws = workstation();
    ws.as('liqiang', ['author']);
    const ctx = await login(ws.system, 'liqiang', TEST_PASSWORD);
    const change = (current: string, next: string) => invoke(ctx, handlers['session.changePassword'], { current, next });
    await expect(change(TEST_PASSWORD, 'short1!')).rejects.toThrow('口令至少 10 个字符');
    await expect(change(TEST_PASSWORD, 'onlyletters-and-symbols')).rejects.toThrow('口令须包含数字');
    await expect(change(TEST_PASSWORD, 'Liqiang-2026-x')).rejects.toThrow('口令不能包含用户名');
    await expect(change('wrong', 'Good-Passw0rd!')).rejects.toThrow('当前口令不正确');
    await expect(change(TEST_PASSWORD, TEST_PASSWORD)).rejects.toThrow('不能与最近 5 次使用过的口令相同');
    let current = TEST_PASSWORD;
    for (const next of ['Second-Pass1!', 'Third-Pass12!', 'Fourth-Pass1!', 'Fifth-Pass12!']) {
      await change(current, next);
      current = next;
    }
    await expect(change(current, TEST_PASSWORD)).rejects.toThrow('最近 5 次');
    await change(current, 'Sixth-Pass12!');
    await change('Sixth-Pass12!', TEST_PASSWORD); // six changes later the first one may come back
  }, 60_000);

  it('ends a session idle for longer than the policy allows, and records it', async () => {
    const ws = workstation();
    ws.as('liqiang', ['author']);
    const ctx = await login(ws.system, 'liqiang', TEST_PASSWORD);
    await invoke(ctx, handlers['session.whoami'], {});
    ws.advance(16 * 60_000);
    await expect(invoke(ctx, handlers['session.whoami'], {})).rejects.toThrow(new SessionEndedError('会话因 15 分钟无操作已结束，请重新登录'));
    await expect(invoke(ctx, handlers['session.whoami'], {})).rejects.toThrow('会话已结束，请重新登录');
    expect(registerRows(ws.db, '登录').map((r) => r.action)).toContain('session.timeout');
  });

  it('lets the 安全保密管理员 change the policy, validated, and records it in 权限', async () => {
    const ws = workstation();
    const sec = ws.as('sec', ['secadmin']);
    expect((await invoke(sec, handlers['policy.set'], { changes: { maxFailures: 3, maxAgeDays: 30 } })).maxFailures).toBe(3);
    await expect(invoke(sec, handlers['policy.set'], { changes: { minLength: 2 } })).rejects.toThrow('不能小于 8');
    await expect(invoke(sec, handlers['policy.set'], { changes: { bogus: 1 } })).rejects.toThrow('不认识的字段');
    expect(registerRows(ws.db, '权限').map((r) => r.result)).toEqual(['ok', 'error', 'error']);
  });
});
