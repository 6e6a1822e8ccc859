/**
 * The attacks of issue [S] on the access log, one test each, as someone with the workstation
 * passphrase (raw SQL on the decrypted file, triggers dropped), with one account's password, or
 * with the file alone. The trust model these tests hold is written in ARCHITECTURE.md, "Audit".
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalAuditRow, GENESIS_HASH } from '../../../app/domain/audit.js';
import { checkpointHash, checkpointMessage, recordAudit, verifyAuditChain } from '../../../app/services/audit/record.js';
import { readAnchorFile } from '../../../app/services/audit/anchor.js';
import { workstationId } from '../../../app/services/audit/keys.js';
import { createContext, type ServiceContext } from '../../../app/services/context.js';
import { defineHandler, invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { writeOutputFile } from '../../../app/services/output/write.js';
import { login, logout } from '../../../app/services/session/handlers.js';
import { closeWorkstation, openWorkstation } from '../../../app/services/workstation/handlers.js';
import { listCheckpoints, type CheckpointRecord } from '../../../app/store/repositories/audit-checkpoints.js';
import { iterateAuditRows } from '../../../app/store/repositories/audit-log.js';
import { chainHash } from '../../../crypto/hash-chain.js';
import { sqlCipherKeyPragmaValue } from '../../../crypto/database-key.js';
import { inTransaction } from '../../../app/store/database.js';
import { generateSigningKey, keyIdOf, signWith, unwrapPrivateKey } from '../../../crypto/signing.js';
import { z } from 'zod';
import { dropLogGuards, rewriteLogFrom } from '../../helpers/audit-log.js';
import { useTempDir } from '../../helpers/tmp.js';
import { TEST_PASSWORD, useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';

/** A base context that keeps its anchor file in `anchorDir`. */
function baseOf(ws: TestWorkstation, anchorDir: string | null): ServiceContext {
  return createContext(ws.db, { now: ws.now, secret: ws.secret, anchorDir });
}

/** Logs `username` in (the account made by ws.as with TEST_PASSWORD), does some work, logs out. */
async function session(ws: TestWorkstation, anchorDir: string | null, username: string, work = 3): Promise<void> {
  const ctx = await login(baseOf(ws, anchorDir), username, TEST_PASSWORD);
  for (let i = 0; i < work; i++) await invoke(ctx, handlers['session.whoami'], {});
  logout(ctx);
}

/** Re-signs every checkpoint against the rewritten log with `key`, keeping the chain of checkpoints whole. */
function resignAll(ws: TestWorkstation, key: { keyId: string; privateKey: ReturnType<typeof generateSigningKey>['privateKey'] }, signer?: { id: number; name: string }): void {
  const wsId = workstationId(ws.db);
  let prev = GENESIS_HASH;
  for (const c of listCheckpoints(ws.db)) {
    const auditHash = c.auditSeq === 0 ? GENESIS_HASH : (ws.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(c.auditSeq) as string);
    const body: CheckpointRecord = { ...c, prevHash: prev, auditHash, keyId: key.keyId, signerId: signer?.id ?? c.signerId, signer: signer?.name ?? c.signer };
    const message = checkpointMessage(wsId, body);
    const signature = signWith(key.privateKey, message);
    const hash = checkpointHash(message, signature);
    ws.db
      .prepare('UPDATE audit_checkpoints SET prev_hash = ?, audit_hash = ?, key_id = ?, signer_id = ?, signer = ?, signature = ?, hash = ? WHERE seq = ?')
      .run(prev, auditHash, key.keyId, body.signerId, body.signer, signature, hash, c.seq);
    prev = hash;
  }
}

describe('the access log against an attacker', async () => {
  const workstation = useWorkstation();
  const tempDir = useTempDir();

  async function busyWorkstation(anchorDir: string | null = null) {
    const ws = workstation();
    ws.as('liqiang', ['author']);
    ws.as('aud', ['auditor']);
    await session(ws, anchorDir, 'liqiang');
    await session(ws, anchorDir, 'aud');
    await session(ws, anchorDir, 'liqiang');
    expect(await verifyAuditChain(ws.db, { anchorDir })).toMatchObject({ ok: true, problems: [] });
    return ws;
  }

  describe('with the workstation passphrase only', async () => {
    it('cannot open any account key with what the passphrase gives', async () => {
      const ws = await busyWorkstation();
      const wrapped = ws.db.prepare('SELECT wrapped_key_pem FROM account_keys').pluck().all() as string[];
      expect(wrapped.length).toBeGreaterThanOrEqual(2);
      const fromSecret = Buffer.from(ws.secret.kind === 'keyFile' ? ws.secret.bytes : Buffer.alloc(32));
      for (const pem of wrapped) expect(() => unwrapPrivateKey(pem, fromSecret.subarray(0, 32))).toThrow();
      expect(readFileSync(join(ws.dir, 'qbank.db')).includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    });

    it('detects a rewritten history re-signed with a key of its own making', async () => {
      const ws = await busyWorkstation();
      dropLogGuards(ws.db);
      rewriteLogFrom(ws.db, 3, 'rewritten');
      const forged = generateSigningKey();
      const keyId = keyIdOf(forged.publicKeyPem);
      // a new key for the auditor, "certified" by itself: only an account's first key may be
      const audId = ws.db.prepare("SELECT id FROM accounts WHERE username = 'aud'").pluck().get() as number;
      const at = new Date().toISOString();
      ws.db
        .prepare(`INSERT INTO account_keys (key_id, account_id, public_key_pem, wrapped_key_pem, created_at, certified_by, certification) VALUES (?, ?, ?, '', ?, 'self', '')`)
        .run(keyId, audId, forged.publicKeyPem, at);
      resignAll(ws, { keyId, privateKey: forged.privateKey }, { id: audId, name: 'aud' });
      const v = await verifyAuditChain(ws.db);
      expect(v.ok).toBe(false);
      expect(v.problems.join('；')).toMatch(/签名密钥 [0-9a-f]{16} 的认证签名无效|不是该账号的第一个密钥/);
    });

    it('detects a rewritten history re-signed after replacing the keys in place, through the anchor file', async () => {
      const anchors = tempDir();
      const ws = await busyWorkstation(anchors);
      dropLogGuards(ws.db);
      rewriteLogFrom(ws.db, 3, 'rewritten');
      // replace every key in place by one the attacker holds, self-certified, and re-sign
      const forged = generateSigningKey();
      const keyId = keyIdOf(forged.publicKeyPem);
      const wsId = workstationId(ws.db);
      const rows = ws.db.prepare('SELECT key_id, account_id, created_at FROM account_keys').all() as { key_id: string; account_id: number; created_at: string }[];
      rows.forEach((r, i) => {
        const id = i === 0 ? keyId : `f${String(i).padStart(15, '0')}`; // never equal to a real (hashed) key id
        const certification = signWith(forged.privateKey, JSON.stringify(['qbank-account-key/1', wsId, id, r.account_id, forged.publicKeyPem, r.created_at]));
        ws.db.prepare(`UPDATE account_keys SET key_id = ?, public_key_pem = ?, certified_by = 'self', certification = ? WHERE key_id = ?`).run(id, forged.publicKeyPem, certification, r.key_id);
      });
      resignAll(ws, { keyId, privateKey: forged.privateKey });
      const v = await verifyAuditChain(ws.db, { anchorDir: anchors });
      expect(v.ok).toBe(false);
      expect(v.problems.join('；')).toContain('签名密钥被替换');
      expect(v.problems.join('；')).toContain('日志被改写');
    });

    it('detects deleted checkpoints (all of them, or one in the middle)', async () => {
      const ws = await busyWorkstation();
      dropLogGuards(ws.db);
      ws.db.prepare('DELETE FROM audit_checkpoints WHERE seq = 2').run();
      expect((await verifyAuditChain(ws.db)).problems.join('；')).toMatch(/校验点序号不连续：缺少 #2/);
      ws.db.prepare('DELETE FROM audit_checkpoints').run();
      const v = await verifyAuditChain(ws.db);
      expect(v.ok).toBe(false);
      expect(v.problems.join('；')).toMatch(/3 次退出登录没有对应的签名校验点/);
    });

    it('detects rows deleted after a checkpoint when a later checkpoint covers them', async () => {
      const ws = await busyWorkstation();
      const second = listCheckpoints(ws.db)[1]!;
      dropLogGuards(ws.db);
      ws.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(second.auditSeq);
      const v = await verifyAuditChain(ws.db);
      expect(v.brokenAt).toBeUndefined(); // what is left still chains…
      expect(v.problems.join('；')).toContain('日志被截断'); // …but the later checkpoint remembers more
    });

    it('detects a truncated tail — rows and checkpoints — through the anchor file', async () => {
      const anchors = tempDir();
      const ws = await busyWorkstation(anchors);
      const last = listCheckpoints(ws.db).at(-1)!;
      dropLogGuards(ws.db);
      const keep = listCheckpoints(ws.db).at(-2)!;
      ws.db.prepare('DELETE FROM audit_checkpoints WHERE seq > ?').run(keep.seq);
      ws.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep.auditSeq);
      expect((await verifyAuditChain(ws.db)).ok).toBe(true); // consistent inside: only something outside can tell
      const v = await verifyAuditChain(ws.db, { anchorDir: anchors });
      expect(v.ok).toBe(false);
      expect(v.problems.join('；')).toContain('数据库比本机锚点旧');
      expect(v.problems.join('；')).toContain(`校验点 #${last.seq} 不在数据库中`);
    });

    it('detects the last rows after the last checkpoint removed, through the anchor file', async () => {
      const anchors = tempDir();
      const ws = await busyWorkstation(anchors);
      const base = baseOf(ws, anchors);
      recordAudit(base, { action: 'test.after', register: '', objects: [], result: 'ok', detail: '' });
      recordAudit(base, { action: 'test.after', register: '', objects: [], result: 'ok', detail: '' });
      dropLogGuards(ws.db);
      ws.db.prepare("DELETE FROM audit_log WHERE action = 'test.after'").run();
      expect((await verifyAuditChain(ws.db)).ok).toBe(true);
      expect((await verifyAuditChain(ws.db, { anchorDir: anchors })).problems.join('；')).toContain('数据库比本机锚点旧');
    });

    it('detects a forged row appended at the end, through the anchor file', async () => {
      const anchors = tempDir();
      const ws = await busyWorkstation(anchors);
      const last = [...iterateAuditRows(ws.db)].at(-1)!;
      const forged = { seq: last.seq + 1, at: last.at, actor: 'liqiang', actorId: last.actorId, action: 'items.get', register: '调阅' as const, objects: ['item:1@1'], result: 'ok' as const, detail: '' };
      const hash = chainHash(last.hash, canonicalAuditRow(forged));
      ws.db
        .prepare('INSERT INTO audit_log (seq, canonical, hash) VALUES (?, ?, ?)')
        .run(forged.seq, canonicalAuditRow(forged), hash);
      expect((await verifyAuditChain(ws.db)).ok).toBe(true); // a well-formed row: nothing inside tells
      const v = await verifyAuditChain(ws.db, { anchorDir: anchors });
      expect(v.ok).toBe(false);
      expect(v.problems.join('；')).toContain('不是本程序在本机写入的');
    });

    it('detects a database rolled back to an older copy, through the anchor file and a printed anchor', async () => {
      const anchors = tempDir();
      const ws = workstation();
      ws.as('liqiang', ['author']);
      await session(ws, anchors, 'liqiang');
      ws.db.pragma('wal_checkpoint(TRUNCATE)');
      const file = join(ws.dir, 'qbank.db');
      const copy = join(tempDir(), 'old.db');
      copyFileSync(file, copy);
      await session(ws, anchors, 'liqiang');
      const printed = readAnchorFile(anchors, workstationId(ws.db))!.head;
      const old = openWorkstation(copy, ws.secret);
      try {
        const v = await verifyAuditChain(old, { anchorDir: anchors });
        expect(v.ok).toBe(false);
        expect(v.problems.join('；')).toContain('数据库比本机锚点旧');
        const byHand = await verifyAuditChain(old, { anchorDir: null, anchors: [printed] });
        expect(byHand.problems.join('；')).toContain(`锚点 ${printed.seq}:`);
      } finally {
        closeWorkstation(old);
      }
      expect(await verifyAuditChain(ws.db, { anchorDir: anchors, anchors: [printed] })).toMatchObject({ ok: true });
    });
  });

  describe('with one account password', async () => {
    it('cannot re-sign the checkpoints of another account', async () => {
      const ws = await busyWorkstation();
      // the author opens their own key (as a login would) and re-signs everything with it
      const author = ws.as('liqiang', ['author']);
      dropLogGuards(ws.db);
      rewriteLogFrom(ws.db, 3, 'rewritten');
      resignAll(ws, author.signer!);
      const v = await verifyAuditChain(ws.db);
      expect(v.ok).toBe(false);
      expect(v.problems.join('；')).toMatch(/不属于签署人 aud/);
      // …and signing them as the author instead leaves the auditor's logout without its checkpoint
      resignAll(ws, author.signer!, { id: author.actor.id!, name: 'liqiang' });
      expect((await verifyAuditChain(ws.db)).problems.join('；')).toMatch(/退出登录没有对应的签名校验点/);
    });
  });
});

describe('one transaction for a handler and its log row', async () => {
  const workstation = useWorkstation();

  const writeThenFail = defineHandler({
    name: 'test.writeThenFail',
    summary: '测试：写入后失败',
    input: z.object({ fail: z.enum(['handler', 'log']) }),
    roles: 'any',
    register: '',
    run: (ctx, input) => {
      ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('test.written', 'yes')").run();
      if (input.fail === 'handler') throw new Error('injected failure');
      return { written: true };
    },
  });

  it('rolls the work back when writing its log row fails', async () => {
    const ws = workstation();
    const ctx = ws.as('liqiang', ['author']);
    ws.db.exec(`CREATE TEMP TRIGGER fail_log BEFORE INSERT ON main.audit_log WHEN json_extract(NEW.canonical, '$[4]') = 'test.writeThenFail' AND json_extract(NEW.canonical, '$[7]') = 'ok'
      BEGIN SELECT RAISE(ABORT, 'injected log failure'); END;`);
    await expect(invoke(ctx, writeThenFail, { fail: 'log' })).rejects.toThrow('injected log failure');
    expect(ws.db.prepare("SELECT COUNT(*) FROM settings WHERE key = 'test.written'").pluck().get()).toBe(0);
    const rows = [...iterateAuditRows(ws.db)].filter((r) => r.action === 'test.writeThenFail');
    expect(rows.map((r) => r.result)).toEqual(['error']);
    expect((await verifyAuditChain(ws.db)).ok).toBe(true);
  });

  it('rolls the work back when the handler fails, and logs the failure', async () => {
    const ws = workstation();
    const ctx = ws.as('liqiang', ['author']);
    await expect(invoke(ctx, writeThenFail, { fail: 'handler' })).rejects.toThrow('injected failure');
    expect(ws.db.prepare("SELECT COUNT(*) FROM settings WHERE key = 'test.written'").pluck().get()).toBe(0);
    expect([...iterateAuditRows(ws.db)].at(-1)).toMatchObject({ action: 'test.writeThenFail', result: 'error', detail: 'Error: injected failure' });
  });

  it('names in the failure row the files a failed call had written (their own rows were rolled back)', async () => {
    const ws = workstation();
    const ctx = ws.as('liqiang', ['author']);
    const writesThenFails = defineHandler({
      name: 'test.writesThenFails',
      summary: '测试：写出文件后失败',
      input: z.object({}),
      roles: 'any',
      register: '',
      run: (c) => {
        writeOutputFile(c, ws.dir, 'out/记录.txt', 'x', { classified: false });
        throw new Error('failed after writing');
      },
    });
    await expect(invoke(ctx, writesThenFails, {})).rejects.toThrow('failed after writing');
    const rows = [...iterateAuditRows(ws.db)].filter((r) => r.action === 'test.writesThenFails' || r.action === 'output.write');
    expect(rows.map((r) => [r.action, r.result, r.objects])).toEqual([['test.writesThenFails', 'error', ['file:out/记录.txt']]]);
  });

  it('runs concurrent calls on one database one after the other', async () => {
    const ws = workstation();
    const ctx = ws.as('liqiang', ['author']);
    const slow = defineHandler({
      name: 'test.slow',
      summary: '测试：慢操作',
      input: z.object({ n: z.number() }),
      roles: 'any',
      register: '',
      run: async (c, input) => {
        c.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`test.slow.${input.n}`, 'x');
        await new Promise((r) => setTimeout(r, 5));
        return input.n;
      },
    });
    expect(await Promise.all([1, 2, 3, 4].map((n) => invoke(ctx, slow, { n })))).toEqual([1, 2, 3, 4]);
    const order = [...iterateAuditRows(ws.db)].filter((r) => r.action === 'test.slow').length;
    expect(order).toBe(4);
    expect((await verifyAuditChain(ws.db)).ok).toBe(true);
  });
});

describe('verification split over two threads', () => {
  const workstation = useWorkstation();

  function fill(ws: TestWorkstation, n: number) {
    inTransaction(ws.db, () => {
      for (let i = 0; i < n; i++) recordAudit(ws.system, { action: 'test', register: '', objects: [`x:${i}`], result: 'ok', detail: i % 3 === 0 ? `说明 "${i}"\n\\` : '' });
    });
  }

  it('gives the same verdict as one thread, and finds a change in either half', async () => {
    const ws = workstation();
    fill(ws, 3000);
    const keyPragma = sqlCipherKeyPragmaValue(ws.secret);
    const one = await verifyAuditChain(ws.db);
    const two = await verifyAuditChain(ws.db, { keyPragma, minRowsForWorker: 0 });
    expect(two).toEqual(one);
    expect(two).toMatchObject({ ok: true, entries: 3000 });
    dropLogGuards(ws.db);
    const original = ws.db.prepare('SELECT seq, canonical FROM audit_log WHERE seq IN (700, 2500)').all() as { seq: number; canonical: string }[];
    ws.db.prepare("UPDATE audit_log SET canonical = json_set(canonical, '$[8]', 'x') WHERE seq = 2500").run();
    expect(await verifyAuditChain(ws.db, { keyPragma, minRowsForWorker: 0 })).toMatchObject({ ok: false, brokenAt: 2500 });
    ws.db.prepare("UPDATE audit_log SET canonical = json_set(canonical, '$[8]', 'x') WHERE seq = 700").run();
    expect(await verifyAuditChain(ws.db, { keyPragma, minRowsForWorker: 0 })).toMatchObject({ ok: false, brokenAt: 700 });
    ws.db.prepare('DELETE FROM audit_log WHERE seq = 1501').run();
    for (const o of original) ws.db.prepare('UPDATE audit_log SET canonical = ? WHERE seq = ?').run(o.canonical, o.seq);
    const gap = await verifyAuditChain(ws.db, { keyPragma, minRowsForWorker: 0 });
    expect(gap).toEqual(await verifyAuditChain(ws.db));
    expect(gap).toMatchObject({ ok: false, brokenAt: 1502 });
  });
});

describe('a call made from inside another call', () => {
  const workstation = useWorkstation();

  it('is undone alone when it fails and the outer call goes on', async () => {
    const ws = workstation();
    const ctx = ws.as('liqiang', ['author']);
    const inner = defineHandler({
      name: 'test.inner',
      summary: '测试：内层',
      input: z.object({}),
      roles: 'any',
      register: '',
      run: (c) => {
        c.db.prepare("INSERT INTO settings (key, value) VALUES ('test.inner', 'x')").run();
        throw new Error('inner failure');
      },
    });
    const outer = defineHandler({
      name: 'test.outer',
      summary: '测试：外层',
      input: z.object({}),
      roles: 'any',
      register: '',
      run: async (c) => {
        c.db.prepare("INSERT INTO settings (key, value) VALUES ('test.outer', 'x')").run();
        await expect(invoke(c, inner, {})).rejects.toThrow('inner failure');
        return 'done';
      },
    });
    expect(await invoke(ctx, outer, {})).toBe('done');
    const keys = ws.db.prepare("SELECT key FROM settings WHERE key LIKE 'test.%' ORDER BY key").pluck().all();
    expect(keys).toEqual(['test.outer']);
    expect([...iterateAuditRows(ws.db)].slice(-2).map((r) => [r.action, r.result])).toEqual([
      ['test.inner', 'error'],
      ['test.outer', 'ok'],
    ]);
    expect((await verifyAuditChain(ws.db)).ok).toBe(true);
  });
});
