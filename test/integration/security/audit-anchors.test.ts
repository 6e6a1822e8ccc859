/**
 * The promises of README "What the log proves" that are not attacks: countersigning, printed
 * anchors, the anchor file, key certification, and signatures that OpenSSL accepts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkpointMessage, recordAudit } from '../../../app/services/audit/record.js';
import { readAnchorFile } from '../../../app/services/audit/anchor.js';
import { workstationId } from '../../../app/services/audit/keys.js';
import { createContext } from '../../../app/services/context.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import { login, logout } from '../../../app/services/session/handlers.js';
import { listAccountKeys } from '../../../app/store/repositories/account-keys.js';
import { lastCheckpoint, listCheckpoints } from '../../../app/store/repositories/audit-checkpoints.js';
import { iterateAuditRows } from '../../../app/store/repositories/audit-log.js';
import { useTempDir } from '../../helpers/tmp.js';
import { TEST_PASSWORD, useWorkstation } from '../../helpers/workstation.js';

describe('anchors and countersignatures', () => {
  const workstation = useWorkstation();
  const tempDir = useTempDir();

  it('countersigns a successful verification with the auditor key, naming the checkpoint it confirms', async () => {
    const ws = workstation();
    ws.as('aud', ['auditor']);
    const session = await login(createContext(ws.db, { now: ws.now, secret: ws.secret, anchorDir: null }), 'aud', TEST_PASSWORD);
    logout(session); // checkpoint #1
    const again = await login(createContext(ws.db, { now: ws.now, secret: ws.secret, anchorDir: null }), 'aud', TEST_PASSWORD);
    const v = await invoke(again, handlers['audit.verify'], {});
    expect(v.ok).toBe(true);
    expect(v.countersigned).toMatchObject({ reason: 'verify', countersigns: 1, signer: 'aud' });
    expect(v.unsigned).toBe(0); // the countersignature signs the rows of this session too
    expect(v.countersigned!.auditSeq).toBe(v.entries);
    expect(lastCheckpoint(ws.db)?.seq).toBe(2);
  });

  it('does not countersign a failed verification', async () => {
    const ws = workstation();
    const aud = ws.as('aud', ['auditor']);
    recordAudit(ws.system, { action: 'test', register: '', objects: [], result: 'ok', detail: '' });
    ws.db.exec('DROP TRIGGER audit_log_no_update');
    ws.db.prepare("UPDATE audit_log SET canonical = json_set(canonical, '$[8]', 'x') WHERE seq = 1").run();
    const v = await invoke(aud, handlers['audit.verify'], {});
    expect(v).toMatchObject({ ok: false, countersigned: null });
    expect(listCheckpoints(ws.db)).toHaveLength(0);
  });

  it('prints the latest checkpoint on register exports and on every 存档 entry', async () => {
    const ws = workstation();
    const aud = ws.as('aud', ['auditor']);
    const f = await invoke(aud, handlers['audit.export'], { register: '登录', outDir: join(ws.dir, 'reg') });
    const cp = lastCheckpoint(ws.db)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f.absolutePath) as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    expect(text).toContain(`外部锚点 ${cp.auditSeq}:${cp.auditHash}`);
    expect(text).toContain(`签署人 aud（密钥 ${cp.keyId}）`);
    const archived = [...iterateAuditRows(ws.db)].filter((r) => r.register === '存档');
    expect(archived).toHaveLength(1);
    expect(archived[0]!.detail).toContain(`校验点#${cp.seq} ${cp.auditSeq}:${cp.auditHash} 签署人 aud 密钥 ${cp.keyId} 签名 ${cp.signature}`);
  });

  it('keeps the anchor file 0600 in a 0700 folder, following every commit and checkpoint', async () => {
    const ws = workstation();
    const anchors = join(tempDir(), 'anchors');
    ws.as('liqiang', ['author']);
    const ctx = await login(createContext(ws.db, { now: ws.now, secret: ws.secret, anchorDir: anchors }), 'liqiang', TEST_PASSWORD);
    await invoke(ctx, handlers['session.whoami'], {});
    logout(ctx);
    const file = join(anchors, `${workstationId(ws.db)}.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(anchors).mode & 0o777).toBe(0o700);
    const anchor = readAnchorFile(anchors, workstationId(ws.db))!;
    const last = [...iterateAuditRows(ws.db)].at(-1)!;
    expect(anchor.head).toEqual({ seq: last.seq, hash: last.hash });
    expect(anchor.checkpoint).toMatchObject({ seq: lastCheckpoint(ws.db)!.seq, signer: 'liqiang' });
    expect(anchor.keys).toEqual(listAccountKeys(ws.db).map((k) => k.keyId));
    expect(readFileSync(file, 'utf8')).not.toContain('PRIVATE');
  });

  it('certifies the key of a new account and of a reset password with the acting administrator key', async () => {
    const ws = workstation();
    const sys = ws.as('sys', ['sysadmin']);
    await invoke(sys, handlers['accounts.create'], { username: 'wanghong', displayName: '王红' });
    await invoke(sys, handlers['accounts.resetPassword'], { username: 'wanghong' });
    const keys = listAccountKeys(ws.db);
    const wang = keys.filter((k) => k.accountId !== sys.actor.id);
    expect(wang).toHaveLength(2);
    expect(wang.map((k) => k.certifiedBy)).toEqual([sys.signer!.keyId, sys.signer!.keyId]);
    expect(wang[0]!.retiredAt).not.toBe('');
    expect(wang[1]!.retiredAt).toBe('');
  });

  it('re-wraps the account key on a password change, opened with the current password, whoever calls', async () => {
    const ws = workstation();
    const withKey = ws.as('liqiang', ['author']);
    const noSigner = createContext(ws.db, { actor: withKey.actor, now: ws.now, secret: ws.secret, anchorDir: null });
    await invoke(noSigner, handlers['session.changePassword'], { current: TEST_PASSWORD, next: 'New-Passw0rd-2026!' });
    const keys = listAccountKeys(ws.db).filter((k) => k.accountId === withKey.actor.id);
    expect(keys.map((k) => k.keyId)).toEqual([withKey.signer!.keyId]); // the same key, not a second one
    const again = await login(createContext(ws.db, { now: ws.now, secret: ws.secret, anchorDir: null }), 'liqiang', 'New-Passw0rd-2026!');
    expect(again.signer?.keyId).toBe(withKey.signer!.keyId);
  });

  it('makes signatures that OpenSSL verifies', async () => {
    const ws = workstation();
    const aud = ws.as('aud', ['auditor']);
    const c = await invoke(aud, handlers['audit.checkpoint'], {});
    const dir = tempDir();
    const key = listAccountKeys(ws.db).find((k) => k.keyId === c.keyId)!;
    writeFileSync(join(dir, 'pub.pem'), key.publicKeyPem);
    writeFileSync(join(dir, 'msg'), checkpointMessage(workstationId(ws.db), c));
    writeFileSync(join(dir, 'sig'), Buffer.from(c.signature, 'base64'));
    const verify = (msg: string) =>
      execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin', '-in', msg, '-sigfile', 'sig'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    expect(verify('msg')).toContain('Signature Verified Successfully');
    writeFileSync(join(dir, 'msg2'), checkpointMessage(workstationId(ws.db), { ...c, entries: c.entries + 1 }));
    expect(() => verify('msg2')).toThrow();
  });
});
