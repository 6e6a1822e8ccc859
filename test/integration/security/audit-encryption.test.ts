import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCheckpoint, recordAudit, verifyAuditChain } from '../../../app/services/audit/record.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { sampleElementTable } from '../../../app/demo/sample-bank.js';
import { closeWorkstation, openWorkstation } from '../../../app/services/workstation/handlers.js';
import { NotADatabaseError } from '../../../app/store/errors.js';
import { dropLogGuards, rewriteLogFrom } from '../../helpers/audit-log.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

function fill(ws: TestWorkstation, n: number) {
  for (let i = 0; i < n; i++) recordAudit(ws.system, { action: 'test', register: '', objects: [`x:${i}`], result: 'ok', detail: `d${i}` });
}

describe('access log tamper evidence', async () => {
  const workstation = useWorkstation();

  it('verifies an intact log with its signed checkpoints', async () => {
    const ws = workstation();
    fill(ws, 10);
    createCheckpoint(ws.as('aud', ['auditor']), 'demand');
    fill(ws, 3);
    expect(await verifyAuditChain(ws.db)).toMatchObject({ ok: true, entries: 13, checkpoints: 1, problems: [] });
  });

  it('refuses UPDATE, DELETE and INSERT OR REPLACE through SQL while the guards stand', async () => {
    const ws = workstation();
    fill(ws, 3);
    expect(() => ws.db.prepare("UPDATE audit_log SET canonical = json_set(canonical, '$[2]', 'x')").run()).toThrow('不能修改');
    expect(() => ws.db.prepare('DELETE FROM audit_log').run()).toThrow('不能删除');
    expect(() => ws.db.prepare('INSERT OR REPLACE INTO audit_log (seq, canonical, hash) SELECT seq, canonical, hash FROM audit_log WHERE seq = 2').run()).toThrow();
    expect((await verifyAuditChain(ws.db)).ok).toBe(true);
  });

  it('finds an edited row', async () => {
    const ws = workstation();
    fill(ws, 10);
    dropLogGuards(ws.db);
    ws.db.prepare("UPDATE audit_log SET canonical = json_set(canonical, '$[2]', 'someone') WHERE seq = 4").run();
    expect(await verifyAuditChain(ws.db)).toMatchObject({ ok: false, brokenAt: 4 });
    expect((await verifyAuditChain(ws.db)).message).toBe('审计日志验证未通过：审计日志在第 4 条处断开（该条或其前一条被改动、删除或插入）');
  });

  it('finds a row deleted from the middle and a row slipped in', async () => {
    const ws = workstation();
    fill(ws, 10);
    dropLogGuards(ws.db);
    ws.db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
    expect(await verifyAuditChain(ws.db)).toMatchObject({ ok: false, brokenAt: 6 });
    ws.db.prepare("INSERT INTO audit_log (seq, canonical, hash) SELECT 5, json_set(canonical, '$[0]', 5, '$[8]', 'forged'), hash FROM audit_log WHERE seq = 4").run();
    expect((await verifyAuditChain(ws.db)).ok).toBe(false);
  });

  it('finds two rows swapped', async () => {
    const ws = workstation();
    fill(ws, 10);
    dropLogGuards(ws.db);
    const [r3, r4] = ws.db.prepare('SELECT canonical, hash FROM audit_log WHERE seq IN (3, 4) ORDER BY seq').all() as { canonical: string; hash: string }[];
    ws.db.pragma('ignore_check_constraints = ON'); // what raw access can do: the row's own seq check is off too
    const move = ws.db.prepare('UPDATE audit_log SET canonical = ?, hash = ? WHERE seq = ?');
    move.run(r4!.canonical, r4!.hash, 3);
    move.run(r3!.canonical, r3!.hash, 4);
    expect(await verifyAuditChain(ws.db)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('finds a truncated tail through the signed checkpoint', async () => {
    const ws = workstation();
    fill(ws, 10);
    createCheckpoint(ws.as('aud', ['auditor']), 'logout');
    dropLogGuards(ws.db);
    ws.db.prepare('DELETE FROM audit_log WHERE seq > 6').run();
    const v = await verifyAuditChain(ws.db);
    expect(v.brokenAt).toBeUndefined(); // what is left still chains…
    expect(v.ok).toBe(false); // …but the checkpoint remembers more
    expect(v.problems[0]).toContain('日志被截断');
  });

  it('finds a rewritten history whose hashes were recomputed', async () => {
    const ws = workstation();
    fill(ws, 8);
    createCheckpoint(ws.as('aud', ['auditor']), 'logout');
    dropLogGuards(ws.db);
    rewriteLogFrom(ws.db, 3, 'rewritten'); // every later hash recomputed: the chain holds again
    const v = await verifyAuditChain(ws.db);
    expect(v.brokenAt).toBeUndefined();
    expect(v.problems).toEqual([expect.stringContaining('第 8 条日志已被改动或删除')]);
  });

  it('finds a forged checkpoint', async () => {
    const ws = workstation();
    fill(ws, 4);
    const c = createCheckpoint(ws.as('aud', ['auditor']), 'demand');
    ws.db.exec('DROP TRIGGER audit_checkpoints2_no_update');
    ws.db.prepare('UPDATE audit_checkpoints SET entries = 99 WHERE seq = ?').run(c.seq);
    expect((await verifyAuditChain(ws.db)).problems).toEqual(expect.arrayContaining([expect.stringContaining('签名无效')]));
  });

  it('exports a register as xlsx up to a fresh signed checkpoint', async () => {
    const ws = workstation();
    const manager = ws.as('boss', ['manager']);
    const b = await invoke(manager, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 });
    await invoke(manager, handlers['banks.setElementTable'], { bankId: b.id, table: sampleElementTable() });
    const auditor = ws.as('aud', ['auditor']);
    const f = await invoke(auditor, handlers['audit.export'], { register: '全部', outDir: join(ws.dir, 'reg') });
    expect(f.path).toBe('访问日志.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f.absolutePath) as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    expect(text).toContain('新建题库');
    expect(text).toContain('保存理论知识考核要素细目表');
    expect((await verifyAuditChain(ws.db)).checkpoints).toBe(1);
  });
});

describe('encryption at rest', async () => {
  const workstation = useWorkstation();
  const marker = '标记题干ZXQ投影面平行线';

  it('keeps no item text in the database file or its WAL', async () => {
    const ws = workstation();
    const manager = ws.as('boss', ['manager']);
    const b = await invoke(manager, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4 });
    await invoke(manager, handlers['banks.setElementTable'], { bankId: b.id, table: sampleElementTable() });
    await invoke(manager, handlers['items.addTheory'], {
      bankId: b.id,
      items: [{ type: 'trueFalse', element: 'A-B-B-001', stem: `${marker}的投影反映实长。`, key: true, difficulty: 2, explanation: marker }],
    });
    const file = join(ws.dir, 'qbank.db');
    const needle = Buffer.from(marker, 'utf8');
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(readFileSync(`${file}-wal`).includes(needle)).toBe(false);
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(needle)).toBe(false);
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('says so clearly when the passphrase is wrong', async () => {
    const ws = workstation();
    const file = join(ws.dir, 'qbank.db');
    expect(() => openWorkstation(file, { kind: 'passphrase', passphrase: 'wrong-passphrase-1' })).toThrow(NotADatabaseError);
    expect(() => openWorkstation(file, { kind: 'passphrase', passphrase: 'wrong-passphrase-1' })).toThrow('或口令不正确');
  });

  it('re-encrypts under a new secret: the old one stops working, the log and its checkpoints still verify', async () => {
    const ws = workstation();
    fill(ws, 3);
    createCheckpoint(ws.as('aud', ['auditor']), 'demand');
    const sys = ws.as('sys', ['sysadmin']);
    const next = { kind: 'passphrase' as const, passphrase: '新的工作站口令-Rekey-2026' };
    await expect(invoke(ws.as('sec', ['secadmin']), handlers['workstation.rekey'], { next })).rejects.toThrow('需要系统管理员身份');
    await invoke(sys, handlers['workstation.rekey'], { next });
    const file = join(ws.dir, 'qbank.db');
    expect(() => openWorkstation(file, ws.secret)).toThrow(NotADatabaseError);
    const reopened = openWorkstation(file, next);
    try {
      const v = await verifyAuditChain(reopened);
      expect(v).toMatchObject({ ok: true, checkpoints: 2 });
      expect(reopened.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'workstation.rekey' AND result = 'ok'").pluck().get()).toBe(1);
      expect(JSON.stringify(reopened.prepare('SELECT * FROM audit_log').all())).not.toContain('Rekey-2026');
    } finally {
      closeWorkstation(reopened);
    }
  });
});
