import type { WritableDB } from '../../../app/store/database.js';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../../../app/services/audit/record.js';
import { PermissionDeniedError } from '../../../app/services/errors.js';
import { defineHandler, invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { DomainValidationError } from '../../../app/domain/validation.js';
import { useWorkstation } from '../../helpers/workstation.js';


function rows(ctx: { db: WritableDB }) {
  return ctx.db.prepare('SELECT seq, actor, action, register, objects, result, detail FROM audit_log ORDER BY seq').all() as {
    seq: number;
    actor: string;
    action: string;
    register: string;
    objects: string;
    result: string;
    detail: string;
  }[];
}

describe('handler#invoke', async () => {
  const workstation = useWorkstation();

  it('records a successful call with its actor and objects', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 });
    const [row] = rows(ctx);
    expect(row).toMatchObject({ seq: 1, actor: 'manager1', action: 'banks.create', result: 'ok', objects: JSON.stringify([`bank:${bank.id}`]) });
  });

  it('refuses a caller without the role, records the refusal in 拒绝 and runs nothing', async () => {
    const ctx = workstation().as('shenji', ['auditor']);
    await expect(invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 })).rejects.toThrow(
      new PermissionDeniedError('权限不足：“新建题库”需要题库管理员身份'),
    );
    expect(rows(ctx)).toMatchObject([{ actor: 'shenji', action: 'banks.create', register: '拒绝', result: 'refused' }]);
    expect(ctx.db.prepare('SELECT COUNT(*) FROM banks').pluck().get()).toBe(0);
  });

  it('records invalid input and failures as errors, with the reason', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    await expect(invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', level: 9 })).rejects.toThrow(DomainValidationError);
    await expect(invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 5 })).rejects.toThrow(
      '制图员（机械） 不开设 五级/初级工',
    );
    expect(rows(ctx).map((r) => [r.result, r.detail.split(':')[0]])).toEqual([
      ['error', 'DomainValidationError'],
      ['error', 'ServiceError'],
    ]);
  });

  it('never records more than ids: content stays out of the log', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    const secret = defineHandler({
      name: 'test.secret',
      summary: '测试',
      input: z.object({}),
      roles: 'any',
      register: '调阅',
      objects: () => ['item:1@1'],
      run: () => ({ stem: '机密题干内容' }),
    });
    await invoke(ctx, secret, {});
    expect(JSON.stringify(rows(ctx))).not.toContain('机密题干内容');
    expect(rows(ctx)[0]).toMatchObject({ register: '调阅', objects: '["item:1@1"]' });
  });
});

describe('audit', async () => {
  const workstation = useWorkstation();

  it('chains every row to the previous one and verifies the chain', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    for (let i = 0; i < 20; i++) recordAudit(ctx, { action: 'test', register: '', objects: [`x:${i}`], result: 'ok', detail: '' });
    const v = await verifyAuditChain(ctx.db);
    expect(v).toMatchObject({ ok: true, entries: 20 });
    expect(v.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds the first row that was changed behind the triggers’ back', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    for (let i = 0; i < 10; i++) recordAudit(ctx, { action: 'test', register: '', objects: [], result: 'ok', detail: `d${i}` });
    // An attacker with raw file access drops the trigger and edits row 6.
    ctx.db.exec('DROP TRIGGER audit_log_no_update');
    ctx.db.prepare("UPDATE audit_log SET canonical = json_set(canonical, '$[8]', 'forged') WHERE seq = 6").run();
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: false, brokenAt: 6, entries: 10 });
  });

  it('finds a deleted row', async () => {
    const ctx = workstation().as('manager1', ['manager']);
    for (let i = 0; i < 5; i++) recordAudit(ctx, { action: 'test', register: '', objects: [], result: 'ok', detail: '' });
    ctx.db.exec('DROP TRIGGER audit_log_no_delete');
    ctx.db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: false, brokenAt: 4 });
  });
});
